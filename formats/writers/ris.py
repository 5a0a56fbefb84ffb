"""RIS: tagged lines ``TY  - JOUR`` ... ``ER  - ``, one block per record.

Tags come from the tables in `formats.risschema`, which the RIS reader reads back through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..diagnostics import carried
from ..extension import affiliation_lines, own_field
from ..record import NAME_VARIABLES, Record
from ..registry import Options, Writer, WriteStream
from ..risschema import (
    DEFAULT_TYPE,
    DETAIL_TAGS,
    NUMBER_TAGS,
    PAGE_COUNT_TYPES,
    RIS,
    SERIAL_NUMBERS,
    TEXT_TAGS,
    TITLE_TAGS,
    TYPE_TAGS,
    TYPES,
    variable_tags,
)

# Variables written by their own code below: pages, and the note's extra lines.
HANDLED = {"page", "note", "number-of-pages"}

_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x85]+\s*")
_RANGE = re.compile(r"\s*[-–—]+\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def ris_type(record: Record) -> str:
    """The TY of `record`: the one it was read with, if kept, else its type's."""
    kept = record.extra.get(f"{RIS}-ty")
    return kept[0] if kept else TYPES.get(record.type, DEFAULT_TYPE)


def write_ris(records: Iterable[Record], options: Options) -> WriteStream:
    """Yield one RIS block per record as it arrives."""
    for record in records:
        lines = [f"{tag}  - {_clean(value)}" for tag, value in _tagged_values(record) if value]
        tags = variable_tags(record.type)
        yield from (carried(record, label, "N1") for label, _ in carried_lines(record, tags))
        yield "\n".join(lines) + "\nER  - \n\n"


def _tagged_values(record: Record) -> Iterator[tuple[str, str]]:
    tags = variable_tags(record.type)
    yield "TY", ris_type(record)
    yield "ID", record.id
    for variable, names in record.names.items():
        if variable in tags:
            yield from ((tags[variable], name.inverted()) for name in names)
    yield from _tag_values(record, TITLE_TAGS, tags)
    yield from _date_values(record)
    yield from _tag_values(record, NUMBER_TAGS, tags)
    yield from _page_values(record)
    yield from _tag_values(record, DETAIL_TAGS, tags)
    own = {v: t for t, v in TYPE_TAGS.get(record.type, {}).items() if v not in TEXT_TAGS}
    yield from _tag_values(record, own, tags)
    for keyword in record.keywords:
        yield "KW", keyword
    for line in affiliation_lines(record):
        yield "AD", line
    yield from (("N1", line) for line in _note_lines(record, tags))
    yield from _kept_tags(record)


def _tag_values(record: Record, table: dict[str, str], tags: dict[str, str]
                ) -> Iterator[tuple[str, str]]:
    for variable in table:
        if variable in tags and variable in SERIAL_NUMBERS:
            yield from ((tags[variable], v) for v in record.get(variable).split("; "))
        elif variable in tags and variable not in NAME_VARIABLES:
            yield tags[variable], record.get(variable)


def _date_values(record: Record) -> Iterator[tuple[str, str]]:
    issued = record.dates.get("issued")
    if issued and issued.year:
        if f"{RIS}-py" not in record.extra:
            yield "PY", str(issued.year)
        if len(issued.parts) > 1 or issued.season:
            parts = [f"{n:02d}" if i else f"{n:04d}" for i, n in enumerate(issued.parts)]
            yield "DA", "/".join(parts + [""] * (3 - len(parts))) + "/" + issued.season
    elif issued:
        yield "DA", issued.literal
    accessed = record.dates.get("accessed")
    if accessed:
        yield "Y2", accessed.iso()


def _page_values(record: Record) -> Iterator[tuple[str, str]]:
    page = record.get("page")
    if page:
        first, *last = _RANGE.split(page, maxsplit=1)
        yield "SP", first
        yield "EP", last[0] if last else ""
    elif _page_count_in_sp(record):
        yield "SP", record.get("number-of-pages")


def _page_count_in_sp(record: Record) -> bool:
    """RIS puts a book's number of pages in SP, where it has no page range to hold."""
    return record.type in PAGE_COUNT_TYPES and not record.get("page")


def _note_lines(record: Record, tags: dict[str, str]) -> Iterator[str]:
    """The note, then `carried_lines`."""
    yield from (line for line in record.get("note").splitlines() if line.strip())
    yield from (f"{label}: {value}" for label, value in carried_lines(record, tags))


def carried_lines(record: Record, tags: dict[str, str]) -> Iterator[tuple[str, str]]:
    """``(label, value)`` for what RIS has no tag for: CSL variables and extension data."""
    for variable, value in record.fields.items():
        if variable not in tags and variable not in HANDLED:
            yield variable, value
    if record.get("number-of-pages") and not _page_count_in_sp(record):
        yield "Number of pages", record.get("number-of-pages")
    for variable, names in record.names.items():
        if variable not in tags:
            yield variable, "; ".join(name.inverted() for name in names)
    for variable, date in record.dates.items():
        if variable not in ("issued", "accessed"):
            yield variable, date.iso()
    for key, label, value in record.extension_fields():
        if not own_field(key, RIS):
            yield label, value


def _kept_tags(record: Record) -> Iterator[tuple[str, str]]:
    """Tags read from RIS that no variable holds, written back as they were (TY apart)."""
    for key, values in record.extra.items():
        tag = own_field(key, RIS).upper()
        if tag and tag != "TY":
            yield from ((tag, value) for value in values)


def _clean(value: str) -> str:
    """One line with no control characters: a value can never start a tag line of its own."""
    return _CONTROL.sub("", _LINE_BREAKS.sub(" ", value)).strip()


WRITER = Writer(
    name="ris",
    description="RIS, as read by Zotero, EndNote, Mendeley and pandoc",
    write=write_ris,
    suffixes=(".ris",),
)
