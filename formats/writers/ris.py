"""RIS: tagged lines ``TY  - JOUR`` ... ``ER  - ``, one block per record.

The tables here map RIS tags to CSL variables in both directions: the writer writes each
variable under its tag, and `formats.readers.ris` reads the same tags back into the same
variables (adding the older and rarer tags it only reads). A tag whose meaning depends on the
item type (``T2`` is a book's series but an article's journal) is listed in `TYPE_TAGS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..extension import affiliation_lines, own_field
from ..record import NAME_VARIABLES, Record
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
    "section": "SE", "archive": "DB", "source": "DP", "archive_location": "AN",
    "reviewed-title": "RI",
}
TEXT_TAGS = {**TITLE_TAGS, **NUMBER_TAGS, **DETAIL_TAGS}

# Where a tag means another variable for some item types (Zotero's RIS translator agrees):
# CSL type → {tag: variable}. The writer uses these tags for these variables, the reader reads
# them so; a default variable whose tag a type takes over is carried in a note instead.
TYPE_TAGS: dict[str, dict[str, str]] = {
    "book": {"A2": "collection-editor", "A3": "editor", "T2": "collection-title",
             "M1": "collection-number"},
    "chapter": {"A2": "editor", "A3": "collection-editor"},
    "paper-conference": {"A2": "editor", "A3": "collection-editor", "C1": "event-place"},
    "entry-dictionary": {"A2": "editor"},
    "entry-encyclopedia": {"A2": "editor"},
    "report": {"A2": "collection-editor", "T2": "collection-title", "SN": "number"},
    "patent": {"SN": "number"},
    "personal_communication": {"A2": "recipient"},
    "song": {"A2": "performer"},
    "motion_picture": {"A3": "producer"},
    "broadcast": {"A3": "producer"},
    "software": {"ET": "version"},
    "dataset": {"ET": "version"},
    "map": {"C1": "scale"},
    "graphic": {"C3": "dimensions"},
}
# ISSN and ISBN always go to SN, one line per value ("; " between values in the record).
SERIAL_NUMBERS = ("ISSN", "ISBN")
# Types whose SP with no EP is the number of pages, not a page.
PAGE_COUNT_TYPES = frozenset({"book", "thesis", "manuscript"})
# Variables written by their own code below: pages, and the note's extra lines.
HANDLED = {"page", "note", "number-of-pages"}
RIS = "ris"  # extension keys ris-xx are RIS tags kept as they were read

_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x0b\x0c\x85]+\s*")
_RANGE = re.compile(r"\s*[-–—]+\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def tag_table(csl_type: str) -> dict[str, str]:
    """Tag → variable for `csl_type`: the defaults (names and text), with the type's own."""
    table = {tag: variable for variable, tag in NAME_TAGS.items()}
    table.update({tag: variable for variable, tag in TEXT_TAGS.items()
                  if variable not in SERIAL_NUMBERS})
    table.update(TYPE_TAGS.get(csl_type, {}))
    return table


def variable_tags(csl_type: str) -> dict[str, str]:
    """Variable → the tag it is written under for `csl_type` (names and text, in order)."""
    own = TYPE_TAGS.get(csl_type, {})
    taken = {tag: variable for tag, variable in own.items()}
    result: dict[str, str] = {}
    for table in (NAME_TAGS, TITLE_TAGS, NUMBER_TAGS, DETAIL_TAGS):
        for variable, tag in table.items():
            own_tag = next((t for t, v in own.items() if v == variable), "")
            if own_tag:
                result[variable] = own_tag
            elif taken.get(tag, variable) == variable or variable in SERIAL_NUMBERS:
                result[variable] = tag
    for tag, variable in own.items():
        result.setdefault(variable, tag)
    return result


def ris_type(record: Record) -> str:
    """The TY of `record`: the one it was read with, if kept, else its type's."""
    kept = record.extra.get(f"{RIS}-ty")
    return kept[0] if kept else TYPES.get(record.type, DEFAULT_TYPE)


def write_ris(records: Iterable[Record], options: Options) -> WriteStream:
    """Yield one RIS block per record as it arrives."""
    for record in records:
        lines = [f"{tag}  - {_clean(value)}" for tag, value in _tagged_values(record) if value]
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
    """The note, CSL variables RIS has no tag for, and the record's extension data."""
    yield from (line for line in record.get("note").splitlines() if line.strip())
    for variable, value in record.fields.items():
        if variable not in tags and variable not in HANDLED:
            yield f"{variable}: {value}"
    if record.get("number-of-pages") and not _page_count_in_sp(record):
        yield f"Number of pages: {record.get('number-of-pages')}"
    for variable, names in record.names.items():
        if variable not in tags:
            yield f"{variable}: " + "; ".join(name.inverted() for name in names)
    for variable, date in record.dates.items():
        if variable not in ("issued", "accessed"):
            yield f"{variable}: {date.iso()}"
    for key, label, value in record.extension_fields():
        if not own_field(key, RIS):
            yield f"{label}: {value}"


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
