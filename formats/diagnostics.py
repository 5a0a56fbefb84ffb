"""Problems found in the input or on the way out, each carrying where it happened.

Readers and writers never print and never raise for bad input: they yield a `Diagnostic`
in their output stream, next to the records they could convert, and the caller decides how
to show it and whether it is fatal. Exceptions are left for bugs in recconv itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .record import Record


class Severity(Enum):
    ERROR = "error"  # something was not converted
    WARNING = "warning"  # converted, but something could not be carried, or was guessed
    NOTE = "note"  # where the output carries something that has no standard slot there
    INFO = "info"  # how something was read, for -v (``read as apa``)


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where (file, 1-based line, record), what was wrong and what was expected."""

    message: str
    file: str = ""
    line: int | None = None
    record: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        parts = [where] if where else []
        if self.record:
            parts.append(f"record {self.record}")
        parts.append(f"{self.severity.value}: {self.message}")
        return ": ".join(parts)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(message: str, file: str = "", line: int | None = None, record: str = "") -> Diagnostic:
    """A problem that stopped something from being converted."""
    return Diagnostic(message, file, line, record, Severity.ERROR)


def warning(message: str, file: str = "", line: int | None = None, record: str = "") -> Diagnostic:
    """A problem that did not stop conversion but that the user should know of."""
    return Diagnostic(message, file, line, record, Severity.WARNING)


def info(message: str, file: str = "", line: int | None = None, record: str = "") -> Diagnostic:
    """How something was read: shown with ``-v`` only, never a problem."""
    return Diagnostic(message, file, line, record, Severity.INFO)


def carried(record: Record, what: str, where: str) -> Diagnostic:
    """Where a writer put something its format has no standard slot for (for ``--report``)."""
    return about(record, f"{what} → {where}", Severity.NOTE)


def about(record: Record, message: str, severity: Severity = Severity.ERROR) -> Diagnostic:
    """A problem with `record`, placed at the file and line it was read from."""
    origin = record.origin
    return Diagnostic(message, origin.file if origin else "", origin.line if origin else None,
                      record.describe(), severity)
