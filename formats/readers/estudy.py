"""CNKI E-Study (知网研学) text exports: ``Title-题名: value`` keys, records from ``DataType:``.

Keys are an English and a Chinese name joined by ``-``; the Chinese half varies with the item
type (``Source-刊名`` for a journal, ``Source-学位授予单位`` for a thesis, ``Source-报纸中文名``
for a newspaper), so keys are read by their English half. ``DataType`` gives the item type
(1 journal, 2 thesis, 3 conference, 4 newspaper, 5 book, 6 yearbook, 60 patent, 61 other,
62 standard); ``SrcDatabase-来源库`` names the CNKI database (期刊, 硕士, 博士, 报纸 ...) and
decides when ``DataType`` is missing or unknown. CNKI's newer "custom" export has the same keys
with no ``DataType`` line: its records start at ``SrcDatabase-来源库`` and end at a blank line.

Values are packed as in CNKI's NoteExpress export (``Author-作者: 施洋;``); the helpers for
names, keywords and affiliations are those of the NoteExpress reader.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from ..diagnostics import Diagnostic, error, warning
from ..extension import parse_classifications
from ..names import parse_database_name
from ..record import Record
from ..registry import Reader, ReadStream
from ..tagged import Field, Syntax, Tagged, apply, new_record, split, split_keywords, split_packed
from .noteexpress import (
    DEGREES,
    JUNK,
    clean_abstract,
    clean_doi,
    empty_values,
    link_affiliations,
    set_issued,
    set_language,
    unwrap,
)

FORMAT = "estudy"

DATA_TYPES = {
    "1": "article-journal", "2": "thesis", "3": "paper-conference", "4": "article-newspaper",
    "5": "book", "6": "chapter", "60": "patent", "61": "document", "62": "standard",
}
# SrcDatabase-来源库 words → item types, for records whose DataType says nothing.
DATABASES = (
    ("期刊", "article-journal"), ("硕士", "thesis"), ("博士", "thesis"),
    ("会议", "paper-conference"), ("报纸", "article-newspaper"), ("年鉴", "chapter"),
    ("专利", "patent"), ("标准", "standard"), ("图书", "book"), ("成果", "report"),
)
DEFAULT_TYPE = "document"

TABLE = {
    "Title": Field("title", "first"),
    "Source": Field("container-title", "first"),
    "Period": Field("issue", "zero-padded"),
    "Roll": Field("volume", "zero-padded"),
    "Volume": Field("volume", "zero-padded"),
    "PageCount": Field("number-of-pages", "first"),
    "Page": Field("page", "pages"),
    "Link": Field("URL", "first"),
    "URL": Field("URL", "first"),
    "ISSN": Field("ISSN", "first"),
    "ISBN": Field("ISBN", "first"),
    "Publisher": Field("publisher", "first"),
}
BY_TYPE = {
    "thesis": {"Source": Field("publisher", "first")},  # Source-学位授予单位
}
OWN_TAGS = frozenset({
    "DataType", "Author", "Organ", "Teacher", "Tutor", "Degree", "Year", "PubTime", "Keyword",
    "Summary", "SrcDatabase", "DOI", "CLC", "Language", "Fund",
})

TAG_LINE = re.compile(
    r"^\s*(?P<tag>DataType|[A-Za-z][A-Za-z/]*-(?:[\u3400-\u9fff][^\s:：]{0,19}|[A-Z]{2,5}))"
    r"\s*[:：]\s?(?P<value>.*)$")


def _syntax(start: str) -> Syntax:
    return Syntax(
        line=TAG_LINE,
        starts=frozenset({start}),
        continues=lambda text: not JUNK.search(text),
        joiner="\n",
        blank_line_ends=start != "DataType",
        normalise_tag=lambda tag: tag.strip().split("-", 1)[0],
    )


EXPECTED = "expected 'DataType: 1' then 'Title-题名: value' lines"


def detect(head: str) -> float:
    """Sure when the text opens with ``DataType:`` and has ``Title-题名:`` keys; likely for
    the newer export that opens with ``SrcDatabase-来源库:``."""
    lines = [line.lstrip("\ufeff").strip() for line in head.splitlines()[:400] if line.strip()]
    if not lines or not any(line.startswith("Title-题名") for line in lines):
        return 0.0
    if lines[0].startswith("DataType:"):
        return 1.0
    return 0.9 if lines[0].startswith("SrcDatabase-来源库") else 0.0


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield each record as the next ``DataType:`` line (or the end) arrives."""
    lines = iter(lines)
    opening: list[str] = []
    first = next(lines, None)
    while first is not None and not first.strip():
        opening.append(first)
        first = next(lines, None)
    if first is None:
        yield error(f"no E-Study records: the input is empty; {EXPECTED}", source, 1)
        return
    match = TAG_LINE.match(first.lstrip("\ufeff"))
    start = "SrcDatabase" if match and match["tag"].startswith("SrcDatabase") else "DataType"
    seen = False
    for item in split(itertools.chain(opening, [first], lines), _syntax(start), source):
        if isinstance(item, Diagnostic):
            yield item
            continue
        seen = True
        yield from _record(unwrap(item), source)
    if not seen:
        yield error(f"no E-Study records; {EXPECTED}", source, 1)


def _record(tagged: Tagged, source: str) -> Iterator[Record | Diagnostic]:
    if len(tagged.items) == 1:
        yield error("record has nothing after its 'DataType' line; skipped", source, tagged.line)
        return
    csl_type, problem = _type(tagged)
    record = new_record(csl_type, source, tagged)
    yield from empty_values(tagged, source, "key %s")
    if problem:
        yield warning(problem, source, tagged.line)
    apply(record, Tagged(tagged.line, [i for i in tagged.items if i[1] not in OWN_TAGS]),
          {**TABLE, **BY_TYPE.get(csl_type, {})}, FORMAT)
    _names(record, tagged)
    set_issued(record, tagged.first("Year"), tagged.first("PubTime"), "estudy-pubtime")
    _details(record, tagged)
    if not record.get("title"):
        yield warning("record has no Title-题名 (cut off?); converted as it is",
                      source, tagged.line)
    yield record


def _type(tagged: Tagged) -> tuple[str, str]:
    """The item type from DataType, else from the database's name; and any problem."""
    code, database = tagged.first("DataType"), tagged.first("SrcDatabase")
    if code in DATA_TYPES:
        return DATA_TYPES[code], ""
    by_database = next((t for word, t in DATABASES if word in database), DEFAULT_TYPE)
    if code or "DataType" in tagged.tags():
        return by_database, f"unknown DataType {code!r}; read as {by_database}"
    return by_database, ""


def _names(record: Record, tagged: Tagged) -> None:
    authors = [parse_database_name(n) for v in tagged.values("Author") for n in split_packed(v)]
    if authors:
        record.names["author"] = authors
    link_affiliations(record, tagged.values("Organ"))
    supervisors = [parse_database_name(n) for tag in ("Teacher", "Tutor")
                   for v in tagged.values(tag) for n in split_packed(v)]
    if supervisors:
        record.names["contributor"] = supervisors  # as Zotero does: CSL has no advisor


def _details(record: Record, tagged: Tagged) -> None:
    fields = record.fields
    database = tagged.first("SrcDatabase")
    degree = tagged.first("Degree") or (database if database in DEGREES else "")
    if record.type == "thesis" and degree:
        fields["genre"] = DEGREES.get(degree, degree)
    if database:
        record.add_extra("estudy-srcdatabase", database)
    record.keywords.extend(k for v in tagged.values("Keyword") for k in split_keywords(v))
    abstract = clean_abstract(tagged.first("Summary"))
    if abstract:
        fields["abstract"] = abstract
    doi = clean_doi(tagged.first("DOI"))
    if doi:
        fields["DOI"] = doi
    record.add_extra("funding", *(f for v in tagged.values("Fund") for f in split_packed(v)))
    for value in tagged.values("CLC"):
        record.classifications.extend(parse_classifications("CLC", value))
    set_language(record, tagged.first("Language"))
    fields.setdefault("source", "CNKI")


READER = Reader(
    name="estudy",
    description="CNKI E-Study (知网研学) text export",
    detect=detect,
    read=read,
    aliases=("e-study", "cnki-estudy"),
    suffixes=(),
)
