"""Web of Science plain-text ("tagged") export: ``PT J`` ... ``ER`` blocks between an
``FN``/``VR`` header and ``EF``.

Field notes: shared/research/formats.md §3. A tag is two characters and a space; a value goes
on over lines indented by three spaces. Name, address and cited-reference tags (AU, AF, C1, CR,
...) put one value per line, other tags wrap one value. Records are split by the shared
`formats.tagged` machinery and mapped through `TABLE`, following Zotero's "Web of Science
Tagged" translator: AF is preferred over AU, the article number stands in for missing pages,
PD and PY make one date. What has no CSL variable is kept as ``wos-<tag>`` extension data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..casing import set_container_title, title_case_capitals
from ..dates import month_number, season_number
from ..diagnostics import Diagnostic, error, warning
from ..extension import add_affiliation
from ..languages import language_code
from ..names import parse_tagged_name
from ..record import Date, Name, Record
from ..registry import Reader, ReadStream
from ..tagged import Field, Syntax, Tagged, apply, new_record, split, split_packed

WOS = "wos"

SYNTAX = Syntax(
    line=re.compile(r"^(?P<tag>[A-Z][A-Z0-9])(?: (?P<value>.*))?$"),
    starts=frozenset({"PT"}),
    ends=frozenset({"ER"}),
    ignored=frozenset({"FN", "VR", "EF"}),
    continues=lambda text: text[:1] in (" ", "\t"),
    joiner="\n",  # one value per line for LIST_TAGS, joined with a space for the others
)
# Tags whose continuation lines are values of their own.
LIST_TAGS = frozenset({"AU", "AF", "BA", "BF", "BE", "CA", "GP", "C1", "C3", "CR", "RP", "EM",
                       "RI", "OI"})

TABLE = {
    "TI": Field("title"),
    "AB": Field("abstract"),
    "VL": Field("volume", "first"),
    "IS": Field("issue", "first"),
    "PG": Field("number-of-pages", "first"),
    "DI": Field("DOI", "doi"),
    "PM": Field("PMID", "first"),
    "BN": Field("ISBN"),
    "BE": Field("editor", "names"),
    "SE": Field("collection-title", "first"),
    "CT": Field("event-title", "first"),
    "CL": Field("event-place", "first"),
    "RP": Field("corresponding-author", "extra"),
    "FU": Field("funding", "extra"),
    "FX": Field("funding", "extra"),
    "DT": Field("document-type", "extra"),
}
# Tags read by code below (PT is the record's start; AU is dropped when AF names the authors).
HANDLED = frozenset({"PT", "AU", "AF", "C1", "SO", "JI", "LA", "DE", "ID", "SN", "EI", "PU",
                     "PI", "PD", "PY", "EA", "EY", "CY", "BP", "EP", "AR", "TC", "J9"})

# PT letters and DT document types → CSL types; a DT naming a type wins over the PT letter.
PT_TYPES = {"J": "article-journal", "B": "book", "S": "chapter", "P": "patent",
            "C": "paper-conference"}
DT_TYPES = {
    "proceedings paper": "paper-conference", "book chapter": "chapter", "book": "book",
    "book review": "review-book", "patent": "patent", "data set": "dataset",
    "data study": "dataset", "software review": "review", "thesis": "thesis",
    "dissertation": "thesis",
}

_PD = re.compile(r"^(?P<m1>[A-Za-z]{3,})(?:\s+(?P<d1>\d{1,2}))?"
                 r"(?:\s*-\s*(?P<m2>[A-Za-z]{3,})?\s*(?P<d2>\d{1,2})?)?(?:\s+(?P<y>\d{4}))?$")
_YEAR = re.compile(r"\b(\d{4})\b")
_HEADER = re.compile(r"^(?:FN|VR) \S")
_RECORD_START = re.compile(r"^PT [A-Z]\s*$")
_WOS_TAG = re.compile(r"^(?:AU|AF|TI|SO|DT|UT|ER|PY|C1|DE)(?: |$)")
EXPECTED = "expected 'PT J' ... 'ER' blocks of a Web of Science plain-text export"


def detect(head: str) -> float:
    """Sure with the ``FN``/``VR`` header, or with ``PT X`` lines among Web of Science tags."""
    lines = [line.lstrip("\ufeff") for line in head.splitlines()[:400] if line.strip()]
    if len(lines) >= 2 and _HEADER.match(lines[0]) and _HEADER.match(lines[1]):
        return 1.0
    starts = sum(1 for line in lines if _RECORD_START.match(line))
    tags = sum(1 for line in lines if _WOS_TAG.match(line))
    return 0.9 if starts and tags >= 2 else 0.0


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield each record as its ``ER`` (or the next ``PT``, or the end) arrives."""
    previous: Tagged | None = None
    found = False
    held: list[Diagnostic] = []  # the splitter's, about lines anywhere: after the last record
    for item in split(lines, SYNTAX, source):
        if isinstance(item, Diagnostic):
            held.append(item)
            continue
        if previous is not None:
            yield from _record(previous, source, f"before the next 'PT' at line {item.line}")
        previous, found = item, True
    if previous is not None:
        yield from _record(previous, source, "before the end of the input")
    yield from held
    if not found:
        yield error(f"no Web of Science records; {EXPECTED}", source, 1)


def _record(tagged: Tagged, source: str, where: str) -> Iterator[Record | Diagnostic]:
    empty = [(line, tag) for line, tag, value in tagged.items if not value.strip()]
    tagged = _unwrapped(tagged)
    csl_type, problem = _type(tagged)
    record = new_record(csl_type, source, tagged)
    if problem:
        yield warning(problem, source, tagged.line)
    if not tagged.ended:
        yield warning(f"record has no 'ER' line {where}; converted as far as it goes",
                      source, tagged.line)
    _authors(record, tagged)
    _source(record, tagged)
    _keywords(record, tagged)
    _pages(record, tagged)
    _dates(record, tagged)
    rest = Tagged(tagged.line, [i for i in tagged.items if i[1] not in HANDLED], tagged.ended)
    apply(record, rest, TABLE, WOS)
    for line, tag in empty:
        yield warning(f"tag {tag} has no value; skipped", source, line, record.describe())
    if "title" not in record.fields:
        yield warning("record has no title (TI)", source, tagged.line, record.describe())
    yield record


def _unwrapped(tagged: Tagged) -> Tagged:
    """Continuation lines as values of their own (names, addresses) or joined to the text."""
    items = []
    for line, tag, value in tagged.items:
        if tag in LIST_TAGS:
            items += [(line, tag, part.strip()) for part in value.split("\n") if part.strip()]
        else:
            items.append((line, tag, " ".join(value.split())))
    return Tagged(tagged.line, items, tagged.ended)


def _type(tagged: Tagged) -> tuple[str, str]:
    """The CSL type from DT (``Article; Proceedings Paper`` is a journal's) or the PT letter."""
    letter = tagged.first("PT").upper()
    csl_type = PT_TYPES.get(letter, "article-journal")
    kinds = [k.lower() for k in split_packed(tagged.first("DT"))]
    if letter in ("", "J") and "proceedings paper" in kinds and len(kinds) > 1:
        kinds.remove("proceedings paper")  # a paper of a meeting printed in a journal
    named = [DT_TYPES[k] for k in kinds if k in DT_TYPES]
    if named:
        csl_type = named[-1]
    elif letter in ("B", "S") and "article" in kinds:
        csl_type = "chapter"
    if letter and letter not in PT_TYPES:
        return csl_type, f"publication type PT {letter!r} not known; read as {csl_type}"
    return csl_type, ""


def _authors(record: Record, tagged: Tagged) -> None:
    """AF (full names) or else AU, then each C1 address linked to the authors it names."""
    full = tagged.values("AF")
    names = [_name(v) for v in full] or [_name(v, initials=True) for v in tagged.values("AU")]
    if names:
        record.names["author"] = names
    for address in tagged.values("C1"):
        add_affiliation(record, address)


def _name(text: str, initials: bool = False) -> Name:
    """``Proverbio, Alice Mado``; with `initials`, AU's ``Proverbio, AM`` as ``A. M.``."""
    name = parse_tagged_name(re.sub(r"\s+\(.*\)$", "", text))
    if initials and re.fullmatch(r"[A-Z]{1,4}", name.given):
        return Name(family=name.family, given=" ".join(c + "." for c in name.given),
                    non_dropping_particle=name.non_dropping_particle, suffix=name.suffix)
    return name


def _source(record: Record, tagged: Tagged) -> None:
    """SO in reference-list case (the capitals kept), JI or J9, ISSNs, publisher, language."""
    container = tagged.first("SO")
    if container:
        set_container_title(record, container)
    short = tagged.first("JI") or tagged.first("J9")
    if short:
        record.fields["container-title-short"] = short
    if tagged.first("JI") and tagged.first("J9"):
        record.add_extra("wos-j9", tagged.first("J9"))
    issns = [v for v in tagged.values("SN") + tagged.values("EI") if v]
    if issns:
        record.fields["ISSN"] = "; ".join(dict.fromkeys(issns))
    for tag, variable in (("PU", "publisher"), ("PI", "publisher-place")):
        if tagged.first(tag):
            record.fields[variable] = title_case_capitals(tagged.first(tag))
    language = tagged.first("LA")
    if language:
        record.fields["language"] = language_code(language)
    record.add_extra("times-cited", tagged.first("TC"))


def _keywords(record: Record, tagged: Tagged) -> None:
    """Author keywords (DE), then Keywords Plus (ID), each ``; ``-separated."""
    for tag in ("DE", "ID"):
        record.keywords.extend(k for v in tagged.values(tag) for k in split_packed(v))


def _pages(record: Record, tagged: Tagged) -> None:
    """BP-EP, or the article number (AR) where there are no pages, as Zotero reads them."""
    first, last, number = tagged.first("BP"), tagged.first("EP"), tagged.first("AR")
    if first and last == "+":
        record.fields["page"] = first + "+"
    elif first:
        record.fields["page"] = f"{first}-{last}" if last and last != first else first
    elif number:
        record.fields["page"] = number
    if number and first:
        record.add_extra("wos-ar", number)


def _dates(record: Record, tagged: Tagged) -> None:
    """PY with PD (``JAN-FEB``, ``MAR 15``, ``SPR``) as issued; early access (EA/EY) as
    available-date, and as issued when the record has no year yet; CY as event-date."""
    early, _ = _date(tagged.first("EA"), tagged.first("EY"))
    issued, understood = _date(tagged.first("PD"), tagged.first("PY"))
    if issued or early:
        record.dates["issued"] = issued or early  # type: ignore[assignment]
    if early:
        record.dates["available-date"] = early
    if not understood:
        record.add_extra("wos-pd", tagged.first("PD"))
    meeting = tagged.first("CY")
    if meeting:
        record.dates["event-date"] = _date(meeting, "")[0] or Date(literal=meeting)


def _date(text: str, year_text: str) -> tuple[Date | None, bool]:
    """``JAN-FEB`` + ``2017``, ``MAR 15 2016``, ``JUN 27-30, 2016``, ``SPR`` + ``2019``; and
    whether all of `text` was understood."""
    text = text.replace(",", " ").strip()
    year_match = _YEAR.search(year_text) or _YEAR.search(text)
    if not year_match:
        return None, not text
    year = int(year_match[1])
    text = _YEAR.sub("", text).strip()
    if not text:
        return Date((year,)), True
    if season_number(text):
        return Date((year,), season=season_number(text)), True
    match = _PD.match(text)
    month = month_number(match["m1"]) if match else 0
    if not match or not month:
        return Date((year,)), False
    start = (year, month) + ((int(match["d1"]),) if match["d1"] else ())
    end_month = month_number(match["m2"]) if match["m2"] else month
    end: tuple[int, ...] = ()
    if match["m2"] or match["d2"]:
        end = (year, end_month) + ((int(match["d2"]),) if match["d2"] else ())
    return Date(start, end), True


READER = Reader(
    name="wos",
    description="Web of Science plain-text export (FN/VR header, PT ... ER records)",
    detect=detect,
    read=read,
    aliases=("web-of-science", "isi"),
    suffixes=(),
)
