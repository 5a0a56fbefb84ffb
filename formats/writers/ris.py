"""RIS: tagged lines ``TY  - JOUR`` ... ``ER  - ``, one block per record."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..extension import affiliation_lines
from ..record import Record
from ..registry import Options, Writer, WriteStream

TYPES = {
    "article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "bill": "BILL", "book": "BOOK", "chapter": "CHAP", "dataset": "DATA",
    "entry-dictionary": "DICT", "entry-encyclopedia": "ENCYC", "graphic": "ART",
    "legal_case": "CASE", "legislation": "STAT", "manuscript": "MANSCPT", "map": "MAP",
    "motion_picture": "MPCT", "musical_score": "MUSIC", "pamphlet": "PAMP",
    "paper-conference": "CPAPER", "patent": "PAT", "personal_communication": "PCOMM",
    "report": "RPRT", "software": "COMP", "standard": "STAND", "thesis": "THES",
    "webpage": "ELEC", "post": "ELEC", "post-weblog": "BLOG", "broadcast": "VIDEO",
    "speech": "SOUND", "song": "SOUND", "hearing": "HEAR", "collection": "EDBOOK",
}
DEFAULT_TYPE = "GEN"

NAME_TAGS = {"author": "AU", "editor": "ED", "translator": "A4", "collection-editor": "A3"}

# CSL text variables with a tag of their own, by where they are written: before the date, after
# it, and after the pages.
TITLE_TAGS = {
    "title": "TI", "container-title": "T2", "container-title-short": "J2",
    "collection-title": "T3", "title-short": "ST", "original-title": "OP",
}
NUMBER_TAGS = {"volume": "VL", "issue": "IS"}  # followed by the pages
DETAIL_TAGS = {
    "edition": "ET", "publisher": "PB", "publisher-place": "CY",
    "genre": "M3", "number": "M1", "ISSN": "SN", "ISBN": "SN", "DOI": "DO", "URL": "UR",
    "language": "LA", "abstract": "AB", "call-number": "CN", "number-of-volumes": "NV",
    "section": "SE", "archive": "DP",
}
TEXT_TAGS = {**TITLE_TAGS, **NUMBER_TAGS, **DETAIL_TAGS}
# Variables written by their own code below: pages, and the note's extra lines.
HANDLED = {"page", "note", "number-of-pages"}

_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x85]+\s*")
_RANGE = re.compile(r"\s*[-–—]+\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def write_ris(records: Iterable[Record], options: Options) -> WriteStream:
    """Yield one RIS block per record as it arrives."""
    for record in records:
        lines = [f"{tag}  - {_clean(value)}" for tag, value in _tagged_values(record) if value]
        yield "\n".join(lines) + "\nER  - \n\n"


def _tagged_values(record: Record) -> Iterator[tuple[str, str]]:
    yield "TY", TYPES.get(record.type, DEFAULT_TYPE)
    yield "ID", record.id
    for variable, tag in NAME_TAGS.items():
        for name in record.names.get(variable, []):
            yield tag, name.inverted()
    yield from _tag_values(record, TITLE_TAGS)
    yield from _date_values(record)
    yield from _tag_values(record, NUMBER_TAGS)
    yield from _page_values(record)
    yield from _tag_values(record, DETAIL_TAGS)
    for keyword in record.keywords:
        yield "KW", keyword
    for line in affiliation_lines(record):
        yield "AD", line
    yield from (("N1", line) for line in _note_lines(record))


def _tag_values(record: Record, tags: dict[str, str]) -> Iterator[tuple[str, str]]:
    return ((tag, record.get(variable)) for variable, tag in tags.items())


def _date_values(record: Record) -> Iterator[tuple[str, str]]:
    issued = record.dates.get("issued")
    if issued and issued.year:
        yield "PY", str(issued.year)
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
    return record.type == "book" and not record.get("page")


def _note_lines(record: Record) -> Iterator[str]:
    """The note, CSL variables RIS has no tag for, and the record's extension data."""
    if record.get("note"):
        yield record.get("note")
    for variable, value in record.fields.items():
        if variable not in TEXT_TAGS and variable not in HANDLED:
            yield f"{variable}: {value}"
    if record.get("number-of-pages") and not _page_count_in_sp(record):
        yield f"Number of pages: {record.get('number-of-pages')}"
    for variable, names in record.names.items():
        if variable not in NAME_TAGS:
            yield f"{variable}: " + "; ".join(name.inverted() for name in names)
    for variable, date in record.dates.items():
        if variable not in ("issued", "accessed"):
            yield f"{variable}: {date.iso()}"
    for _key, label, value in record.extension_fields():
        yield f"{label}: {value}"


def _clean(value: str) -> str:
    """One line with no control characters: a value can never start a tag line of its own."""
    return _CONTROL.sub("", _LINE_BREAKS.sub(" ", value)).strip()


WRITER = Writer(
    name="ris",
    description="RIS, as read by Zotero, EndNote, Mendeley and pandoc",
    write=write_ris,
    suffixes=(".ris",),
)
