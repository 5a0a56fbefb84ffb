"""NoteExpress exports: ``{Tag}: value`` lines, a record per ``{Reference Type}:`` line.

Two flavours (field notes: shared/research/formats.md §2.3, §2.4). CNKI packs several values in
one line (``{Author}: 潘紫麟;刘庆鹏;``, keywords joined by ``;`` or ``;;``) and puts the CN serial
number in ``{Notes}``; Wanfang repeats the tag for each value (sometimes with a leading space),
gives one ``{Author Address}`` per author, and adds the English forms as ``{Translated Title}``,
``{Translated Author}``, ``{Translated Journal}``. Both are read through one table; what depends
on the item type (``{Secondary Title}`` is a conference's name but a newspaper's title) is in
`BY_TYPE`. The mapping follows Zotero's Chinese translators (l0o0/translators_CN): a thesis's
degree becomes ``博士学位论文``, its university the publisher, its supervisors contributors.

The helpers below the reader (names, keywords, affiliations, wrapped lines) serve the CNKI
E-Study reader too.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Iterator

from ..diagnostics import Diagnostic, error, warning
from ..languages import language_code
from ..names import is_han, parse_database_name
from ..record import Date, Name, Record
from ..registry import Reader, ReadStream
from ..tagged import (
    Field,
    Syntax,
    Tagged,
    apply,
    join_wrapped,
    new_record,
    split,
    split_keywords,
    split_packed,
    year_date,
)

FORMAT = "noteexpress"

REFERENCE_TYPES = {
    "journal article": "article-journal", "thesis": "thesis", "dissertation": "thesis",
    "conference proceedings": "paper-conference", "conference paper": "paper-conference",
    "book": "book", "edited book": "book", "book section": "chapter",
    "newspaper article": "article-newspaper", "magazine article": "article-magazine",
    "patent": "patent", "standard": "standard", "report": "report",
    "electronic article": "article", "other article": "article", "web page": "webpage",
    "legal rule or regulation": "regulation", "statute": "legislation", "generic": "document",
}
DEFAULT_TYPE = "document"

# Tags whose meaning is the same in every record type.
TABLE = {
    "Title": Field("title", "first"),
    "Journal": Field("container-title", "first"),
    "Tertiary Title": Field("container-title", "first"),
    "Secondary Title": Field("container-title", "first"),
    "Volume": Field("volume", "zero-padded"),
    "Issue": Field("issue", "zero-padded"),
    "Pages": Field("page", "pages"),
    "Publisher": Field("publisher", "first"),
    "Place Published": Field("publisher-place", "first"),
    "Edition": Field("edition", "first"),
    "URL": Field("URL", "first"),
    "Call Number": Field("call-number", "first"),
    "Database Provider": Field("source", "first"),
    "Secondary Author": Field("editor", "packed-names"),
    "Translator": Field("translator", "packed-names"),
    "图书印刷版ISBN": Field("ISBN", "first"),
    "Section": Field("section", "first"),
    "TryDate": Field("implementation-date", "extra"),
    "Subject": Field("claims", "extra"),
    "Translated Title": Field("translated-title", "extra"),
    "Translated Author": Field("translated-author", "extra"),
    "Translated Journal": Field("translated-container-title", "extra"),
    "Translated Keywords": Field("translated-keywords", "extra"),
    "Translated Abstract": Field("translated-abstract", "extra"),
}
# What a tag means in one item type, over `TABLE`.
BY_TYPE = {
    "paper-conference": {"Secondary Title": Field("event-title", "first"),
                         "Place Published": Field("event-place", "first")},
    "standard": {"Publisher": Field("authority", "first"), "ISBN": Field("number", "first")},
    "thesis": {"Section": Field("major", "extra")},
    "book": {"Pages": Field("number-of-pages", "first")},
}
# Tags read in code below rather than through the table.
OWN_TAGS = frozenset({
    "Reference Type", "Author", "Author Address", "Tertiary Author", "Subsidiary Author",
    "Year", "Date", "Keywords", "Abstract", "Notes", "ISBN/ISSN", "ISBN", "DOI", "Language",
    "Type of Work", "SrcDatabase",
})

TAG_LINE = re.compile(r"^\s*\{(?P<tag>[^{}]{1,60})\}\s*[:：]\s?(?P<value>.*)$")
JUNK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
SYNTAX = Syntax(
    line=TAG_LINE,
    starts=frozenset({"Reference Type"}),
    continues=lambda text: not JUNK.search(text) and not text.lstrip().startswith("{"),
    joiner="\n",
    normalise_tag=lambda tag: tag.strip().rstrip(",，").strip(),  # CNKI's "{Subsidiary Author,}"
)

CN_SERIAL = re.compile(r"^\d{2}-\d{4}(?:/[A-Z0-9.]+)?$")
STANDARD_CODE = re.compile(r"^(?:GB|[A-Z]{2,4})(?:/[TZ])?\s?\d+(?:\.\d+)*\s?[-—–]\s?\d{4}$")
ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
DEGREES = {"博士": "博士学位论文", "硕士": "硕士学位论文", "学士": "学士学位论文"}
EXPECTED = "expected '{Reference Type}: Journal Article' then '{Tag}: value' lines"


def detect(head: str) -> float:
    """Sure when the text opens with ``{Reference Type}:``; likely when it holds one among
    other ``{Tag}:`` lines."""
    lines = [line.lstrip("\ufeff") for line in head.splitlines()[:400] if line.strip()]
    if not lines:
        return 0.0
    if lines[0].lstrip().startswith("{Reference Type}"):
        return 1.0
    tags = [m["tag"] for m in map(TAG_LINE.match, lines) if m]
    return 0.9 if "Reference Type" in tags and len(tags) >= 3 else 0.0


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield each record as the next ``{Reference Type}:`` line (or the end) arrives."""
    seen = False
    for item in split(lines, SYNTAX, source):
        if isinstance(item, Diagnostic):
            yield item
            continue
        seen = True
        yield from _record(unwrap(item), source)
    if not seen:
        yield error(f"no NoteExpress records; {EXPECTED}", source, 1)


def _record(tagged: Tagged, source: str) -> Iterator[Record | Diagnostic]:
    kind = tagged.first("Reference Type")
    csl_type = REFERENCE_TYPES.get(kind.lower(), DEFAULT_TYPE)
    if "年鉴" in tagged.first("SrcDatabase"):
        csl_type = "chapter"  # CNKI exports yearbook entries as "Standard"
    if len(tagged.items) == 1:
        yield error("record has nothing after its '{Reference Type}' line; skipped",
                    source, tagged.line)
        return
    record = new_record(csl_type, source, tagged)
    yield from empty_values(tagged, source, "{%s}")
    if kind.lower() not in REFERENCE_TYPES:
        yield warning(f"unknown reference type {kind!r}; read as {csl_type}",
                      source, tagged.line)
        record.add_extra("noteexpress-reference type", kind)
    table = {**TABLE, **BY_TYPE.get(csl_type, {})}
    rest = Tagged(tagged.line, [i for i in tagged.items if i[1] not in OWN_TAGS])
    apply(record, rest, table, FORMAT)
    _names(record, tagged)
    _dates(record, tagged)
    _identifiers(record, tagged)
    _descriptions(record, tagged)
    if not record.get("title"):
        yield warning("record has no {Title} (cut off?); converted as it is",
                      source, tagged.line)
    yield record


def _names(record: Record, tagged: Tagged) -> None:
    authors = [parse_database_name(n) for v in tagged.values("Author") for n in split_packed(v)]
    if authors:
        record.names["author"] = authors
    if record.type == "patent":  # the applicant's postal address
        record.add_extra("applicant-address", *tagged.values("Author Address"))
    else:
        link_affiliations(record, tagged.values("Author Address"))
    supervisors = [parse_database_name(n) for v in tagged.values("Tertiary Author")
                   for n in split_packed(v)]
    if supervisors:
        record.names["contributor"] = supervisors  # as Zotero does: CSL has no advisor
    for value in tagged.values("Subsidiary Author"):
        if record.type == "patent":
            record.add_extra("assignee", *split_packed(value))
        elif record.type == "paper-conference":
            record.names.setdefault("organizer", []).extend(
                Name(literal=n.strip()) for n in re.split(r"[;；、]", value) if n.strip())
        else:
            record.names.setdefault("contributor", []).extend(
                parse_database_name(n) for n in split_packed(value))


def _dates(record: Record, tagged: Tagged) -> None:
    set_issued(record, tagged.first("Year"), tagged.first("Date"), "noteexpress-date")


def set_issued(record: Record, year: str, full: str, keep_as: str) -> None:
    """The issued date from a year and a fuller date: the fuller one when it agrees with the
    year, else the year, with the fuller date kept as the date it was made available (or, when
    it is no date, as extension data under `keep_as`)."""
    parsed = year_date(full) if full else None
    year = year.strip()
    if parsed and parsed.parts and (not year or year[:4] == str(parsed.year)):
        record.dates["issued"] = parsed
        return
    if year:
        record.dates["issued"] = year_date(year) or Date(literal=year)
    if parsed and parsed.parts:
        record.dates["available-date"] = parsed
    elif full:
        record.add_extra(keep_as, full)


def _identifiers(record: Record, tagged: Tagged) -> None:
    fields = record.fields
    for value in tagged.values("ISBN/ISSN") + tagged.values("ISBN"):
        variable = "ISSN" if ISSN.match(value) else "ISBN"
        if record.type in ("standard", "patent") and not ISSN.match(value):
            variable = "number"
        fields.setdefault(variable, value)
    doi = clean_doi(tagged.first("DOI"))
    if doi:
        fields["DOI"] = doi
    for value in tagged.values("Notes"):
        take_note(record, value)
    work = tagged.first("Type of Work")
    if work and record.type == "thesis":
        fields["genre"] = DEGREES.get(work, work)
    elif work and record.type == "patent":
        fields.setdefault("number", work)
        if fields["number"] != work:
            record.add_extra("noteexpress-type of work", work)
    elif work:
        fields.setdefault("genre", work)
    database = tagged.first("SrcDatabase")
    if database:
        record.add_extra("noteexpress-srcdatabase", database)


def take_note(record: Record, value: str) -> None:
    """CNKI's ``{Notes}``: a CN serial number, a patent's or standard's number, or a note."""
    if CN_SERIAL.match(value):
        record.add_extra("cn-serial", value)
    elif STANDARD_CODE.match(value) and record.type in ("document", "standard"):
        record.type = "standard"  # Wanfang exports standards as "Generic"
        record.fields.setdefault("number", value)
    elif record.type in ("patent", "standard") and "number" not in record.fields:
        record.fields["number"] = value
    else:
        note = record.fields.get("note")
        record.fields["note"] = f"{note}\n{value}" if note else value


def _descriptions(record: Record, tagged: Tagged) -> None:
    record.keywords.extend(k for v in tagged.values("Keywords") for k in split_keywords(v))
    abstract = clean_abstract(tagged.first("Abstract"))
    if abstract:
        record.fields["abstract"] = abstract
    set_language(record, tagged.first("Language"))


# --- shared with the E-Study reader ------------------------------------------------------

def unwrap(tagged: Tagged) -> Tagged:
    """Join the lines of a wrapped value: nothing between Chinese text, a space between words."""
    items = [(line, tag, join_wrapped(value)) for line, tag, value in tagged.items]
    return Tagged(tagged.line, items, tagged.ended)


def empty_values(tagged: Tagged, source: str, form: str) -> Iterator[Diagnostic]:
    """A warning for each tag written with no value."""
    for line, tag, value in tagged.items:
        if not value:
            yield warning(f"{form % tag} has no value; skipped", source, line)


# Words that end the names of organisations written as authors (本报评论员, 铁道部运输局).
def clean_abstract(text: str) -> str:
    """Drop CNKI's ``<正>`` (an excerpt of the full text) and turn its ``(#br)`` into a new line."""
    text = re.sub(r"^\s*<正>\s*", "", text)
    return re.sub(r"\s*\(#br\)\s*", "\n", text).strip()


def clean_doi(text: str) -> str:
    """A DOI without its prefix, full-width characters (Wanfang's ``10.3969／j``) made ASCII."""
    text = unicodedata.normalize("NFKC", text).strip()
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text, flags=re.I)


def set_language(record: Record, language: str) -> None:
    """``chi`` → ``zh-CN``; with no language given, a Chinese title means ``zh-CN``."""
    if language:
        record.fields["language"] = language_code(language)
    elif is_han(record.get("title")):
        record.fields["language"] = "zh-CN"


_NUMBERING = re.compile(r"^\s*\d{1,2}\s*[.、．]\s*")


def link_affiliations(record: Record, values: list[str]) -> None:
    """Wanfang gives one ``{Author Address}`` per author, in order: link them so. Otherwise
    (CNKI's packed list, or counts that differ) the affiliations stay unlinked, each once."""
    authors = record.names.get("author", [])
    groups = [[_NUMBERING.sub("", a).strip() for a in split_packed(v)] for v in values]
    groups = [[a for a in group if a] for group in groups]
    if authors and len(groups) == len(authors):
        record.names["author"] = [
            dataclasses.replace(name, affiliations=tuple(dict.fromkeys(group)))
            for name, group in zip(authors, groups, strict=True)]
        return
    for affiliation in dict.fromkeys(a for group in groups for a in group):
        record.add_extra("unlinked-affiliation", affiliation)


READER = Reader(
    name="noteexpress",
    description="NoteExpress, as exported by CNKI (知网) and Wanfang (万方)",
    detect=detect,
    read=read,
    aliases=("ne", "net"),
    suffixes=(".net",),
)
