"""PubMed MEDLINE/nbib: ``PMID- 26017442`` ... one tag per line, records between blank lines.

A tag is padded to four characters before ``- `` (``TI  - ``, ``FAU - ``, ``PMID- ``); a value
goes on over lines indented by six spaces. Records are split by the shared `formats.tagged`
machinery and mapped through `TABLE`, following Zotero's "MEDLINE/nbib" translator: FAU is
preferred over AU, abbreviated page ranges are written out (``6913-7`` → ``6913-6917``), the DOI
comes from LID or AID. Each AD belongs to the author named before it. What has no CSL variable
is kept as ``pubmed-<tag>`` extension data.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Iterator

from ..dates import month_number, parse_date, season_number
from ..diagnostics import Diagnostic, error, warning
from ..languages import language_code
from ..names import parse_tagged_name
from ..record import Date, Name, Record
from ..registry import Reader, ReadStream
from ..tagged import Field, Syntax, Tagged, apply, new_record, split

PUBMED = "pubmed"

SYNTAX = Syntax(
    line=re.compile(r"^(?P<tag>[A-Z][A-Z0-9]{1,3}) {0,3}-(?: (?P<value>.*))?$"),
    continues=lambda text: text[:1] in (" ", "\t"),
    blank_line_ends=True,
)

TABLE = {
    "PMID": Field("PMID", "first"),
    "PMC": Field("PMCID", "first"),
    "AB": Field("abstract"),
    "TT": Field("original-title", "first"),
    "TA": Field("container-title-short", "first"),
    "JT": Field("container-title", "first"),
    "VI": Field("volume", "first"),
    "IP": Field("issue", "first"),
    "EN": Field("edition", "first"),
    "CI": Field("license", "first"),
    "ISBN": Field("ISBN"),
    "GR": Field("funding", "extra"),
    "PT": Field("document-type", "extra"),
}
# Tags read by code below.
HANDLED = frozenset({"TI", "BTI", "FAU", "AU", "CN", "AD", "FED", "ED", "DP", "DEP", "PG",
                     "LID", "AID", "IS", "MH", "OT", "KW", "LA", "PL", "PB"})

# PT values → CSL types, surest first; any other PT (Review, Letter, ...) is a journal's.
PT_TYPES = {
    "book chapter": "chapter", "book": "book", "books": "book", "preprint": "article",
    "newspaper article": "article-newspaper", "video-audio media": "motion_picture",
    "technical report": "report", "legal case": "legal_case", "legislation": "legislation",
    "dataset": "dataset", "dissertation": "thesis", "academic dissertation": "thesis",
}
BOOK_TYPES = frozenset({"book", "chapter", "report", "thesis"})  # where PL/PB are the publisher's

_ID = re.compile(r"^(?P<id>.*?)\s*\[(?P<kind>[a-z-]+)\]\s*$")
_ISSN = re.compile(r"^(?P<issn>\d{4}-?\d{3}[\dXx])\b")
_DP = re.compile(r"^(?P<y>\d{4})(?:\s+(?P<m1>[A-Za-z]{3,})(?:\s+(?P<d1>\d{1,2}))?"
                 r"(?:\s*-\s*(?P<m2>[A-Za-z]{3,})?\s*(?P<d2>\d{1,2})?)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})?(\d{2})?$")
_RANGE = re.compile(r"(\d+)-(\d+)")
_MEDLINE_TAG = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]{2,3}) {0,2}- ")
MEDLINE_TAGS = frozenset("""
PMID OWN STAT DCOM LR IS VI IP DP TI PG LID AB FAU AU AUID AD LA GR PT DEP PL TA JT JID SB MH
PMC OID OTO OT COIS EDAT MHDA CRDT PHST AID PST SO BTI CTI FED ED CN RN CIN CON EIN EFR
""".split())
EXPECTED = "expected MEDLINE records: 'PMID- 123' then lines like 'TI  - Title'"


def detect(head: str) -> float:
    """Sure with ``PMID- `` lines; likely with several four-wide MEDLINE tags (``FAU - ``).

    RIS tags (``TI  - ``) have two characters, so a RIS file never has one of these."""
    lines = [line.lstrip("\ufeff") for line in head.splitlines()[:400] if line.strip()]
    tags = [m["tag"] for m in map(_MEDLINE_TAG.match, lines) if m]
    if "PMID" in tags:
        return 1.0
    known = {tag for tag in tags if tag in MEDLINE_TAGS}
    return 0.8 if len(known) >= 3 else 0.0


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield each record as the blank line after it (or the end) arrives."""
    found = False
    for item in split(lines, SYNTAX, source):
        if isinstance(item, Diagnostic):
            yield item
            continue
        for part, cut in _at_each_pmid(item):
            found = True
            if cut:
                yield warning(f"record has no blank line before the next 'PMID' at line {cut}; "
                              "it may be cut off; converted as far as it goes",
                              source, part.line)
            yield from _record(part, source)
    if not found:
        yield error(f"no MEDLINE records; {EXPECTED}", source, 1)


def _at_each_pmid(tagged: Tagged) -> Iterator[tuple[Tagged, int]]:
    """Records run together (a record cut off, the next pasted after it): split at each PMID,
    with the line of the PMID that cut each part short (0 for the last)."""
    starts = [i for i, (_, tag, _) in enumerate(tagged.items) if tag == "PMID" and i > 0]
    bounds = [0, *starts, len(tagged.items)]
    for start, end in itertools.pairwise(bounds):
        items = tagged.items[start:end]
        cut = tagged.items[end][0] if end < len(tagged.items) else 0
        yield Tagged(items[0][0] if start else tagged.line, items, not cut), cut


def _record(tagged: Tagged, source: str) -> Iterator[Record | Diagnostic]:
    csl_type = _type(tagged)
    record = new_record(csl_type, source, tagged)
    _title(record, tagged)
    _names(record, tagged)
    _pages_and_ids(record, tagged)
    _serials(record, tagged)
    _dates(record, tagged)
    _keywords(record, tagged)
    rest = Tagged(tagged.line, [i for i in tagged.items if i[1] not in HANDLED], tagged.ended)
    apply(record, rest, TABLE, PUBMED)
    for line, tag, value in tagged.items:
        if not value:
            yield warning(f"tag {tag} has no value; skipped", source, line, record.describe())
    if "title" not in record.fields:
        yield warning("record has no title (TI)", source, tagged.line, record.describe())
    yield record


def _type(tagged: Tagged) -> str:
    """The surest type any PT names (a book chapter is also a 'Review'), else a journal's."""
    kinds = {value.lower() for value in tagged.values("PT")}
    return next((t for pt, t in PT_TYPES.items() if pt in kinds), "article-journal")


def _title(record: Record, tagged: Tagged) -> None:
    """TI without MEDLINE's closing period or the brackets of a translated title; BTI is a
    book's own title or the title of the book a chapter is in."""
    title, book = _clean_title(tagged.first("TI")), _clean_title(tagged.first("BTI"))
    if title:
        record.fields["title"] = title
    if book and record.type == "book":
        record.fields.setdefault("title", book)
    elif book:
        record.fields["container-title"] = book


def _clean_title(text: str) -> str:
    if text.startswith("[") and text.rstrip(".").endswith("]"):
        text = text.rstrip(".")[1:-1]
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _names(record: Record, tagged: Tagged) -> None:
    """Authors (FAU, else AU, with CN groups in place) each with the AD lines after it (in
    AU-only records, the one AD is the first author's); editors from FED, else ED."""
    full = any(tag == "FAU" for _, tag, _ in tagged.items)
    authors: list[Name] = []
    for _, tag, value in tagged.items:
        if tag == ("FAU" if full else "AU"):
            authors.append(_name(value, full))
        elif tag == "CN" and value:
            authors.append(Name(literal=value))
        elif tag == "AD" and value and authors:
            at = -1 if full else 0  # AU-only records (before 2002) give the first author's
            authors[at] = dataclasses.replace(
                authors[at], affiliations=authors[at].affiliations + (value,))
        elif tag == "AD" and value:
            record.add_extra("unlinked-affiliation", value)
    if authors:
        record.names["author"] = authors
    full_editors = any(tag == "FED" for _, tag, _ in tagged.items)
    editors = [_name(v, full_editors) for v in tagged.values("FED" if full_editors else "ED")]
    if editors:
        record.names["editor"] = editors


def _name(text: str, full: bool) -> Name:
    """FAU's ``van Raaij, M J`` (initials get their periods), or AU's ``van Raaij MJ``."""
    if not full:
        text = re.sub(r"\s([A-Z]{1,4})$", lambda m: ", " + " ".join(m[1]), text.strip())
    name = parse_tagged_name(text)
    given = re.sub(r"\b([A-Z])(?=\s|$)", r"\1.", name.given)
    return Name(family=name.family, given=given, non_dropping_particle=name.non_dropping_particle,
                dropping_particle=name.dropping_particle, suffix=name.suffix,
                literal=name.literal)


def _pages_and_ids(record: Record, tagged: Tagged) -> None:
    """PG with abbreviated ends written out; the DOI from LID or AID; a PII as the page only
    where there is no PG, as Zotero does. Other identifiers are kept as pubmed-lid/-aid."""
    pages = tagged.first("PG")
    if pages:
        record.fields["page"] = _RANGE.sub(_full_range, pages)
    for tag in ("LID", "AID"):
        for value in tagged.values(tag):
            match = _ID.match(value)
            kind, identifier = (match["kind"], match["id"]) if match else ("", value)
            if kind == "doi" and "DOI" not in record.fields:
                record.fields["DOI"] = identifier
            elif kind == "pii" and tag == "LID" and "page" not in record.fields:
                record.fields["page"] = identifier
            elif not (kind == "doi" and record.fields.get("DOI") == identifier):
                record.add_extra(f"{PUBMED}-{tag.lower()}", value)


def _full_range(match: re.Match) -> str:
    first, last = match[1], match[2]
    if len(last) < len(first):
        last = first[:len(first) - len(last)] + last
    return f"{first}-{last}"


def _serials(record: Record, tagged: Tagged) -> None:
    """IS lines (``1476-4687 (Electronic)``) as ISSNs or ISBNs, each once; LA as a language
    code (``eng`` → ``en``); PL and PB as the publisher's place and name for books."""
    issns, isbns = [], []
    for value in tagged.values("IS"):
        match = _ISSN.match(value)
        (issns if match else isbns).append(match["issn"] if match else value.split(" (")[0])
    if issns:
        record.fields["ISSN"] = "; ".join(dict.fromkeys(issns))
    if isbns:
        record.fields.setdefault("ISBN", "; ".join(dict.fromkeys(isbns)))
    languages = [v for v in tagged.values("LA") if v]
    if languages:  # the first; a second language of the text is kept as pubmed-la
        record.fields["language"] = language_code(languages[0])
        record.add_extra(f"{PUBMED}-la", *languages[1:])
    for tag, variable in (("PL", "publisher-place"), ("PB", "publisher")):
        value = tagged.first(tag)
        if value and record.type in BOOK_TYPES:
            record.fields[variable] = value
        elif value:
            record.add_extra(f"{PUBMED}-{tag.lower()}", value)


def _dates(record: Record, tagged: Tagged) -> None:
    """DP (``2015 May 28``, ``2017 Jan-Feb``, ``2019 Spring``) as issued, DEP (``20150527``)
    as available-date."""
    published = tagged.first("DP")
    if published:
        record.dates["issued"] = _date(published)
    online = _COMPACT.match(tagged.first("DEP"))
    if online:
        record.dates["available-date"] = Date(tuple(int(p) for p in online.groups() if p))
    elif tagged.first("DEP"):
        record.add_extra(f"{PUBMED}-dep", tagged.first("DEP"))


def _date(text: str) -> Date:
    match = _DP.match(text.strip())
    if not match:
        return parse_date(text)
    year = int(match["y"])
    if not match["m1"]:
        return Date((year,))
    if season_number(match["m1"]) and not match["m2"]:
        return Date((year,), season=season_number(match["m1"]))
    month = month_number(match["m1"])
    if not month:
        return parse_date(text)
    start = (year, month) + ((int(match["d1"]),) if match["d1"] else ())
    if not (match["m2"] or match["d2"]):
        return Date(start)
    end_month = month_number(match["m2"]) if match["m2"] else month
    return Date(start, (year, end_month) + ((int(match["d2"]),) if match["d2"] else ()))


def _keywords(record: Record, tagged: Tagged) -> None:
    """MeSH headings (MH) and other terms (OT, KoreaMed's KW) as written, in file order."""
    record.keywords.extend(v for _, tag, v in tagged.items if tag in ("MH", "OT", "KW") and v)


READER = Reader(
    name="pubmed",
    description="PubMed MEDLINE/nbib export (PMID- ..., TI  - ..., FAU - ... lines)",
    detect=detect,
    read=read,
    aliases=("medline", "nbib"),
    suffixes=(".nbib",),
)
