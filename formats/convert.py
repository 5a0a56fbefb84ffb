"""The conversion pipeline between readers and writers: reader choice, keys, related records."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .citekeys import CitationKeys
from .diagnostics import Diagnostic, Severity, error, warning
from .record import Record
from .registry import DETECT_CHARS, Options, Reader, Registry, Writer, WriteStream

Stream = Iterator[Record | Diagnostic]


@dataclass
class Tally:
    """How a conversion went: records handed to the writer, problems by kind."""

    records: int = 0
    errors: int = 0
    warnings: int = 0

    def count(self, diagnostic: Diagnostic) -> None:
        if diagnostic.severity in (Severity.NOTE, Severity.INFO):
            return
        if diagnostic.is_error:
            self.errors += 1
        else:
            self.warnings += 1

    @property
    def problems(self) -> int:
        return self.errors + self.warnings


@dataclass(frozen=True)
class Choice:
    """The reader detection chose, why, and a warning when others claimed the input as surely."""

    reader: Reader
    reason: str
    ambiguity: Diagnostic | None = None


def choose_reader(registry: Registry, head: str, name: str) -> Choice | Diagnostic:
    """The reader for an input whose text begins with `head`.

    Content decides; the file suffix only breaks a tie between equally sure readers, and a tie
    it does not break is reported with the candidates.
    """
    candidates = registry.detect(head)
    if not candidates:
        return error(f"no reader recognises this input: {describe(head)}; "
                     f"name its format with --from (one of: "
                     f"{', '.join(r.name for r in registry.readers)})", name)
    best_score = candidates[0][0]
    tied = [reader for score, reader in candidates if score == best_score]
    by_suffix = registry.reader_for_path(name)
    reader = by_suffix if by_suffix in tied else tied[0]
    others = ", ".join(f"{r.name} {s:.2f}" for s, r in candidates if r is not reader)
    reason = f"detected {reader.name} (score {best_score:.2f}" + (
        f"; also considered {others})" if others else ")")
    ambiguity = None
    if len(tied) > 1 and by_suffix not in tied:
        ambiguity = warning(f"the input could be any of {', '.join(r.name for r in tied)}; "
                            f"read as {reader.name} (name the format with --from)", name)
    return Choice(reader, reason, ambiguity)


def describe(head: str) -> str:
    """What a text that no reader claims looks like, for the error message."""
    if not head.strip():
        return "it is empty"
    unprintable = sum(not c.isprintable() and c not in "\r\n\t" for c in head)
    if "\x00" in head or unprintable > len(head) // 10:
        return "it looks like binary data, not text"
    first = next(line for line in head.splitlines() if line.strip()).strip()
    lines = head.count("\n") + 1
    return f"its first line is {first[:60]!r}" + (f" ({lines} lines seen)" if lines > 1 else "")


def with_keys(stream: Iterable[Record | Diagnostic], related: bool = False) -> Stream:
    """Give every record a unique citation key; with `related`, follow each record by its
    related records, linked both ways through their keys."""
    keys = CitationKeys()
    for item in stream:
        if isinstance(item, Diagnostic):
            yield item
            continue
        record = dataclasses.replace(item, id=keys.assign(item))
        if not (related and record.related):
            yield record
            continue
        followers = [dataclasses.replace(r, id=keys.assign(r)) for r in record.related]
        for follower in followers:
            follower.extra = {**follower.extra, "related-to": [record.id]}
        record.extra = {**record.extra, "related": [f.id for f in followers]}
        yield record
        yield from followers


def write(stream: Iterable[Record | Diagnostic], writer: Writer, options: Options,
          tally: Tally) -> WriteStream:
    """Feed the records of `stream` to `writer`, passing diagnostics through in order."""
    pending: list[Diagnostic] = []

    def records() -> Iterator[Record]:
        for item in stream:
            if isinstance(item, Diagnostic):
                pending.append(item)
            else:
                tally.records += 1
                yield item

    for chunk in writer.write(records(), options):
        yield from _drain(pending)
        yield chunk
    yield from _drain(pending)


def _drain(pending: list[Diagnostic]) -> Iterator[Diagnostic]:
    while pending:
        yield pending.pop(0)


def convert_text(text: str, to: str = "bibtex", source: str = "auto", name: str = "<text>",
                 related: bool = False, options: Options | None = None,
                 registry: Registry | None = None) -> tuple[str, list[Diagnostic]]:
    """Convert `text` in one call: the output and every problem met, for use from Python.

    >>> output, problems = convert_text(open("record-page.txt").read(), to="ris")
    """
    registry = registry or Registry.default()
    problems: list[Diagnostic] = []
    if source == "auto":
        choice = choose_reader(registry, text[:DETECT_CHARS], name)
        if isinstance(choice, Diagnostic):
            return "", [choice]
        reader = choice.reader
        problems += [choice.ambiguity] if choice.ambiguity else []
    else:
        reader = registry.reader(source)
    stream = with_keys(reader.read(text.splitlines(), name), related)
    output: list[str] = []
    for chunk in write(stream, registry.writer(to), options or Options(), Tally()):
        if isinstance(chunk, Diagnostic):
            if chunk.severity not in (Severity.NOTE, Severity.INFO):
                problems.append(chunk)
        else:
            output.append(chunk)
    return "".join(output), problems
