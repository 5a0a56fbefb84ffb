"""RIS: tagged lines ``TY  - JOUR`` ... ``ER  - ``, one block per record.

Tags are read through the tables the RIS writer uses (`formats.risschema`), so that what recconv
writes reads back the same; the older and rarer tags of the RefMan specification and of other
exporters are added in `READ_ONLY_TAGS`. The mapping follows Zotero's RIS translator where the
two agree on a CSL variable. A tag with no CSL variable is kept as extension data
``ris-<tag>`` and written back under its tag.

Lines not starting with a tag continue the tag before them: wrapped text is joined with a
space, while keywords (and links) continued this way are values of their own, as Web of
Science and EndNote exports write them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..dates import month_number
from ..diagnostics import Diagnostic, error, warning
from ..extension import absorb, add_affiliation, source_key
from ..names import parse_tagged_name
from ..record import (
    NAME_VARIABLES,
    TEXT_VARIABLES,
    Date,
    Origin,
    Record,
)
from ..registry import Reader, ReadStream
from ..risschema import PAGE_COUNT_TYPES, RIS, TYPES, tag_table

# TY → CSL type for the types the writer does not write (or writes for more than one type).
READ_TYPES = {
    "ABST": "article-journal", "ADVS": "motion_picture", "AGGR": "dataset",
    "ANCIENT": "classic", "CHART": "graphic", "CLSWK": "classic", "CONF": "paper-conference",
    "CTLG": "book", "DBASE": "dataset", "EBOOK": "book", "ECHAP": "chapter",
    "EDBOOK": "book", "EJOUR": "article-journal", "ELEC": "webpage", "EQUA": "figure",
    "FIGURE": "figure", "GEN": "document", "GOVDOC": "report", "GRNT": "document",
    "ICOMM": "personal_communication", "INPR": "article-journal", "JFULL": "periodical",
    "LEGAL": "regulation", "MULTI": "motion_picture", "SER": "periodical", "SLIDE": "speech",
    "SOUND": "song", "UNBILL": "bill", "UNPD": "manuscript", "VIDEO": "motion_picture",
    "WEB": "webpage",
}
TY_TYPES = {**{ty: csl for csl, ty in TYPES.items()}, **READ_TYPES}
DEFAULT_CSL_TYPE = "document"

# Tags of the specification (and of common exporters) the writer does not write, read as the
# variable of the same meaning; when that variable is already filled they are kept as ris-xx.
READ_ONLY_TAGS = {
    "A1": "author", "T1": "title", "CT": "title", "JF": "container-title",
    "JO": "container-title", "JA": "container-title-short", "J1": "container-title-short",
    "N2": "abstract", "VO": "volume", "CP": "publisher-place", "PP": "publisher-place",
    "AV": "archive_location", "A2": "editor",
}
# Where the first choice is filled, a second one: JO is the journal or its abbreviation.
SECOND_CHOICE = {"JO": "container-title-short", "BT": "container-title"}
# BT is the title of a book, or the book a chapter is in.
BOOK_TITLE_TYPES = frozenset({"book", "manuscript", "collection", "classic"})
LIST_TAGS = frozenset({"KW", "UR", "L1", "L2", "L3", "L4", "LK"})  # continued lines: new values
DATE_TAGS = ("DA", "Y1", "PY")  # the issued date, most complete first
SERIAL_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper",
                          "periodical"})
NUMBERED_TYPES = frozenset({"report", "patent"})  # SN is their number

TAG_LINE = re.compile(r"^\s*([A-Z][A-Z0-9]) +- ?(.*)$")
_STANDARD_TAG_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")
LOWER_TAG_LINE = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9]) +- ?(.*)$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]\b")
_ISBN = re.compile(r"^(?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx]\b")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_NOTE_LINE = re.compile(r"^(?P<label>[^:\n]{1,60}?):\s+(?P<value>.*)$")
_TRAILING_AND = re.compile(r"\s+and$")
_KEYWORD_SEPARATOR = re.compile(r"\s*[;；]\s*")
EXPECTED = "expected RIS tag lines like 'TY  - JOUR' ... 'ER  - '"


@dataclass
class _Block:
    """The tagged values of one record, with the line each starts on."""

    ty: str
    line: int
    values: list[list] = field(default_factory=list)  # [tag, value, line]


def detect(head: str) -> float:
    """Sure when tag lines open with ``TY  - `` and close with ``ER  - ``."""
    lines = [line.lstrip("\ufeff") for line in head.splitlines()[:400] if line.strip()]
    tags = [m[1] for m in map(TAG_LINE.match, lines) if m]
    if "TY" in tags:
        return 1.0 if "ER" in tags else 0.9
    return 0.5 if len(tags) >= 3 and len(tags) * 2 >= len(lines) else 0.0


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield each record when its ``ER`` line (or the next ``TY``, or the end) arrives."""
    block: _Block | None = None
    junk: list[int] = []  # line numbers of a run of lines outside any record
    seen_anything = False
    number = 0
    for number, line in enumerate(lines, start=1):
        line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        seen_anything = True
        tagged = _tag_line(line)
        if tagged is None:
            if block is not None and block.values:
                _continue(block, line.strip(), number)
            elif block is not None:
                yield warning(f"text {_show(line)} before any tag of the record; skipped; "
                              "expected 'XX  - value'", source, number)
            else:
                junk.append(number)
            continue
        if junk:
            yield _junk(junk, source)
            junk = []
        tag, value = tagged
        if tag == "TY":
            if block is not None:
                yield _missing_er(block, source, f"before the next 'TY' at line {number}")
                yield from _record(block, source)
            block = _Block(value, number)
        elif tag == "ER":
            if block is None:
                yield warning("'ER' with no record open; expected 'TY  - ' before it",
                              source, number)
            else:
                yield from _record(block, source)
                block = None
        else:
            if block is None:
                yield warning(f"tag {tag} outside a record; expected 'TY  - ' first; "
                              "read as a record of type GEN", source, number)
                block = _Block("", number)
            block.values.append([tag, value, number])
    if junk:
        yield _junk(junk, source)
    if block is not None:
        yield _missing_er(block, source, "before the end of the input")
        yield from _record(block, source)
    if not seen_anything:
        yield error(f"no RIS records: the input is empty; {EXPECTED}", source, 1)


def _tag_line(line: str) -> tuple[str, str] | None:
    """``AU  - Name`` → ``("AU", "Name")``; lower-case tags only when they are known tags."""
    match = TAG_LINE.match(line) or LOWER_TAG_LINE.match(line)
    if not match:
        return None
    tag = match[1].upper()
    if tag not in KNOWN_TAGS and (match[1] != tag or not _STANDARD_TAG_LINE.match(line)):
        return None  # an unknown tag only in the standard form, so "US - Mexico" continues
    return tag, match[2].strip()


def _continue(block: _Block, text: str, number: int) -> None:
    last = block.values[-1]
    if last[0] in LIST_TAGS:
        block.values.append([last[0], text, number])
    else:
        last[1] = f"{last[1]} {text}" if last[1] else text


def _junk(numbers: list[int], source: str) -> Diagnostic:
    where = (f"line {numbers[0]}" if len(numbers) == 1
             else f"{len(numbers)} lines from {numbers[0]} to {numbers[-1]}")
    return error(f"{where} outside any record, not RIS; skipped; {EXPECTED}",
                 source, numbers[0])


def _missing_er(block: _Block, source: str, where: str) -> Diagnostic:
    return warning(f"record has no 'ER  - ' line {where}; converted as it is",
                   source, block.line)


def _show(text: str) -> str:
    text = text.strip()
    return repr(text[:30] + ("…" if len(text) > 30 else ""))


def _record(block: _Block, source: str) -> Iterator[Record | Diagnostic]:
    """Turn one block's tagged values into a record, with any problems found."""
    ty = block.ty.strip().upper() or "GEN"
    csl_type = TY_TYPES.get(ty, DEFAULT_CSL_TYPE)
    record = Record(type=csl_type, origin=Origin(source, block.line))
    if TYPES.get(csl_type, "GEN") != ty:
        record.add_extra(source_key(RIS, "ty"), ty)
    if ty not in TY_TYPES:
        yield warning(f"unknown RIS type {ty!r}; read as {csl_type}", source, block.line)
    reading = _Reading(record, tag_table(csl_type))
    for tag, value, line in block.values:
        if value:
            problem = reading.take(tag, value)
            if problem:
                yield warning(problem, source, line, record.describe())
    for problem, line in reading.finish():
        yield warning(problem, source, line or block.line, record.describe())
    yield record


class _Reading:
    """The values of one record as they are read, and what waits for the whole record."""

    def __init__(self, record: Record, table: dict[str, str]) -> None:
        self.record = record
        self.table = table
        self.dates: dict[str, str] = {}
        self.pages: dict[str, str] = {}
        self.later: list[tuple[str, str]] = []  # SN, AD, N1: once the rest is known

    def take(self, tag: str, value: str) -> str:
        """Read one tagged value; returns what was wrong with it, if anything."""
        special = _SPECIAL.get(tag)
        if special:
            return special(self, tag, value) or ""
        variable = self.table.get(tag) or READ_ONLY_TAGS.get(tag, "")
        if tag == "BT":
            variable = "title" if self.record.type in BOOK_TITLE_TYPES else "container-title"
        if variable in NAME_VARIABLES:
            self._name(variable, value)
        elif variable in TEXT_VARIABLES:
            self._text(tag, variable, value)
        else:
            self.keep(tag, value)
        return ""

    def keep(self, tag: str, value: str) -> None:
        self.record.add_extra(source_key(RIS, tag.lower()), value)

    def _name(self, variable: str, value: str) -> None:
        text = _TRAILING_AND.sub("", value)  # BibTeX's "and" left on a name
        self.record.names.setdefault(variable, []).append(parse_tagged_name(text))

    def _text(self, tag: str, variable: str, value: str) -> None:
        fields = self.record.fields
        if variable == "DOI":
            value = _DOI_PREFIX.sub("", value)
        if variable not in fields:
            fields[variable] = value
        elif fields[variable] == value:
            return
        elif tag in SECOND_CHOICE and SECOND_CHOICE[tag] not in fields:
            fields[SECOND_CHOICE[tag]] = value
        else:
            self.keep(tag, value)

    def _id(self, tag: str, value: str) -> None:
        if self.record.id:
            self.keep(tag, value)
        else:
            self.record.id = value

    def _keywords(self, tag: str, value: str) -> None:
        self.record.keywords.extend(k for k in _KEYWORD_SEPARATOR.split(value) if k)

    def _later(self, tag: str, value: str) -> None:
        self.later.append((tag, value))

    def _genre(self, tag: str, value: str) -> None:
        """M3 is the type of work; older exports put the DOI there."""
        if value.startswith("10.") and "DOI" not in self.record.fields:
            self.record.fields["DOI"] = value
        else:
            self._text(tag, "genre", value)

    def _accessed(self, tag: str, value: str) -> str:
        date, problem = parse_date(value)
        if "accessed" in self.record.dates:
            self.keep(tag, value)
        else:
            self.record.dates["accessed"] = date
        return problem and f"Y2 {problem}"

    def finish(self) -> Iterator[tuple[str, int | None]]:
        """Dates, pages, then what needs the rest: serial numbers, addresses, notes."""
        yield from ((p, None) for p in self._issued())
        self._pages()
        for tag, value in self.later:
            _LATER[tag](self, tag, value)

    def _issued(self) -> Iterator[str]:
        parsed = {tag: parse_date(self.dates[tag]) for tag in DATE_TAGS if tag in self.dates}
        if not parsed:
            return
        best = next((t for t in DATE_TAGS if t in parsed and parsed[t][0].parts),
                    next(iter(parsed)))
        issued, problem = parsed[best]
        self.record.dates["issued"] = issued
        if problem:
            yield f"{best} {problem}"
        for tag, (date, _problem) in parsed.items():
            if tag != best and not _agrees(date, issued):
                self.keep(tag, self.dates[tag])

    def _pages(self) -> None:
        first, last = self.pages.get("SP", ""), self.pages.get("EP", "")
        fields = self.record.fields
        if first and not last and self.record.type in PAGE_COUNT_TYPES and "-" not in first:
            fields.setdefault("number-of-pages", first)
        elif first and last and "-" not in first:
            fields["page"] = f"{first}-{last}"
        elif first or last:
            fields["page"] = re.sub(r"\s*-{2,}\s*", "-", first or last)
            if first and last:
                self.keep("EP", last)

    def _serial_number(self, tag: str, value: str) -> None:
        """SN: an ISSN or ISBN by its form, else by the item type (a report's number)."""
        fields = self.record.fields
        if _ISSN.match(value) and not _ISBN.match(value):
            variable = "ISSN"
        elif _ISBN.match(value):
            variable = "ISBN"
        elif self.record.type in NUMBERED_TYPES and "number" not in fields:
            variable = "number"
        else:
            variable = "ISSN" if self.record.type in SERIAL_TYPES else "ISBN"
        if variable in fields and variable in ("ISSN", "ISBN"):
            fields[variable] += "; " + value
        elif variable in fields:
            self.keep(tag, value)
        else:
            fields[variable] = value

    def _address(self, tag: str, value: str) -> None:
        if value.startswith("["):
            absorb(self.record, "affiliation", value)
        else:
            add_affiliation(self.record, value)

    def _note(self, tag: str, value: str) -> None:
        """N1: our ``Label: value`` lines back into their slots; anything else is the note."""
        match = _NOTE_LINE.match(value)
        if not (match and self._labelled(match["label"].strip(), match["value"].strip())):
            fields = self.record.fields
            fields["note"] = f"{fields['note']}\n{value}" if "note" in fields else value

    def _labelled(self, label: str, value: str) -> bool:
        return absorb(self.record, label, value)


def _collector(store: str):
    """A reader of a tag whose values wait for the whole record (dates, pages)."""
    def collect(reading: _Reading, tag: str, value: str) -> None:
        target = getattr(reading, store)
        if tag in target:
            reading.keep(tag, value)
        else:
            target[tag] = value
    return collect


_SPECIAL = {
    "ID": _Reading._id, "KW": _Reading._keywords, "M3": _Reading._genre,
    "Y2": _Reading._accessed, "SN": _Reading._later, "AD": _Reading._later,
    "N1": _Reading._later,
    **{tag: _collector("dates") for tag in DATE_TAGS},
    **{tag: _collector("pages") for tag in ("SP", "EP")},
}
_LATER = {"SN": _Reading._serial_number, "AD": _Reading._address, "N1": _Reading._note}

# Every tag of the RefMan specification, and those of EndNote and Zotero exports.
KNOWN_TAGS = frozenset("""
TY A1 A2 A3 A4 AB AD AN AU AV BT C1 C2 C3 C4 C5 C6 C7 C8 CA CN CP CR CT CY DA DB DO DP ED EP
ET ID IS J1 J2 JA JF JO KW L1 L2 L3 L4 LA LB LK M1 M2 M3 N1 N2 NV OP PB PP PY RI RN RP SE SN
SP ST T1 T2 T3 TA TI TT U1 U2 U3 U4 U5 UR VL VO Y1 Y2 ER
""".split())


def _agrees(date: Date, issued: Date) -> bool:
    """Whether `date` says nothing `issued` does not (``2019`` agrees with ``2019/07/15``)."""
    if not date.parts:
        return date.literal == issued.literal
    return (issued.parts[:len(date.parts)] == date.parts
            and (not date.season or date.season == issued.season))


def parse_date(text: str) -> tuple[Date, str]:
    """A RIS date (``2019``, ``2019/07/15/``, ``2019///Spring``) or an ISO one, and any problem.

    What cannot be read is kept as a literal date.
    """
    text = text.strip()
    iso = _ISO_DATE.match(text)
    if iso:
        return Date(tuple(int(p) for p in iso.groups() if p)), ""
    pieces = [piece.strip() for piece in text.split("/")]
    if len(pieces) > 1 and re.fullmatch(r"\d{4}", pieces[0]):
        parts = _slash_parts(pieces[1:3])
        if parts is not None:
            return Date((int(pieces[0]), *parts), season="/".join(pieces[3:])), ""
    return Date(literal=text), (f"date {text!r} not read; kept as written; expected "
                                "'2019', '2019/07/15/' or '2019///Spring'")


def _slash_parts(pieces: list[str]) -> tuple[int, ...] | None:
    """Month and day of a RIS date (either may be empty; no day without a month)."""
    month, day = (pieces + ["", ""])[:2]
    parts: tuple[int, ...] = ()
    if month:
        number = _date_number(month, month=True)
        if number is None:
            return None
        parts = (number,)
    if day:
        number = _date_number(day, month=False)
        if number is None or not parts:
            return None
        parts += (number,)
    return parts


def _date_number(piece: str, month: bool) -> int | None:
    if month:
        return month_number(piece) or None
    return int(piece) if piece.isdigit() and 1 <= int(piece) <= 31 else None


READER = Reader(
    name="ris",
    description="RIS, as exported by Web of Science, Scopus, EndNote, Zotero and CNKI",
    detect=detect,
    read=read,
    aliases=("refman",),
    suffixes=(".ris",),
)
