"""EndNote / Refer: ``%`` tag lines (``%0 Journal Article``, ``%A Author`` ...), as EndNote,
CNKI (``%W CNKI``), Wanfang and library catalogues export them.

A record starts at ``%0`` (its type). Classic Refer files have no ``%0``: there a blank line
ends a record, and the type is guessed from the tags (``%J`` a journal article, ``%B`` a
chapter, ``%I`` a book). In ``%0`` files blank lines may sit inside a CNKI abstract, so there
a record missing its ``%0`` is only split off when a tag it already has comes again after a
blank line. Lines without a tag continue the value before them.

Tags follow EndNote's table (``%Y`` tertiary author, ``%?`` subsidiary author, ``%9`` type
of work, ``%~`` name of database, ``%8`` date, ``%+`` author address) read the way Zotero's
"Refer/BibIX" and "CNKI Refer" translators read them: a thesis's ``%Y`` supervisors are
``contributor``s and its ``%I`` (or ``%J``) university the publisher; CNKI's
``Legal Rule or Regulation`` with ``%~ 国家标准`` is a standard numbered by ``%V``; a patent's
number is ``%@``; a CN serial number (``%L 11-0315``) is kept as ``cn-serial``.

The helpers below the reader (names, pages, dates, serial numbers, language) are shared with
the RefWorks reader, whose Chinese flavours follow the same conventions.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from ..dates import parse_date
from ..diagnostics import Diagnostic, error, warning
from ..extension import add_affiliation, source_key
from ..languages import language_code
from ..names import is_han, parse_database_name
from ..numbers import normalise_pages
from ..record import Record
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
)

FORMAT = "endnote"
LINE = re.compile(r"^[ \t]*%(?P<tag>[0-9A-Z@!#$&()*+<>=?\[\]^~|{}])(?:[ \t]?(?P<value>.*))?$")
_JUNK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_ESTUDY = re.compile(r"^\s*[A-Za-z]+-[\u4e00-\u9fff]+[:：\s]")  # CNKI E-Study lines mixed in


def _continues(text: str) -> bool:
    """Text carries on the value before it, unless it is binary junk or an E-Study line."""
    return not _JUNK.search(text) and not _ESTUDY.match(text)


BY_TYPE_LINE = Syntax(line=LINE, starts=frozenset({"0"}), continues=_continues, joiner="\n")
BY_BLANK_LINE = Syntax(line=LINE, blank_line_ends=True, continues=_continues, joiner="\n")
# Tags a record has several of; any other coming again after a blank line starts a new record.
REPEATED = frozenset("AEYK+?HZPGU@IJ")

TYPES = {
    "journal article": "article-journal", "electronic article": "article-journal",
    "magazine article": "article-magazine", "newspaper article": "article-newspaper",
    "book": "book", "edited book": "book", "electronic book": "book", "catalog": "book",
    "book section": "chapter", "electronic book section": "chapter",
    "thesis": "thesis", "dissertation": "thesis",
    "conference proceedings": "paper-conference", "conference paper": "paper-conference",
    "report": "report", "government document": "report", "patent": "patent",
    "standard": "standard", "legal rule or regulation": "regulation", "statute": "legislation",
    "bill": "bill", "case": "legal_case", "hearing": "hearing", "web page": "webpage",
    "electronic source": "webpage", "online database": "webpage", "online multimedia": "webpage",
    "blog": "post-weblog", "film or broadcast": "motion_picture",
    "audiovisual material": "motion_picture", "artwork": "graphic", "map": "map",
    "personal communication": "personal_communication", "unpublished work": "manuscript",
    "manuscript": "manuscript", "computer program": "software", "dataset": "dataset",
    "encyclopedia": "entry-encyclopedia", "dictionary": "entry-dictionary",
    "chart or table": "figure", "figure": "figure", "equation": "figure",
    "ancient text": "classic", "classical work": "classic", "serial": "periodical",
    "interview": "interview", "music": "song", "grant": "document", "generic": "document",
}
DEFAULT_TYPE = "document"

# Tag → CSL variable for every type; TYPE_TABLES change what differs by type. Names, dates,
# pages, serial numbers, affiliations, keywords and the type-dependent tags are read in code.
TABLE = {
    "T": Field("title", "first"), "J": Field("container-title", "first"),
    "B": Field("container-title", "first"), "C": Field("publisher-place", "first"),
    "I": Field("publisher"), "N": Field("issue", "zero-padded"),
    "V": Field("volume", "zero-padded"), "S": Field("collection-title", "first"),
    "U": Field("URL", "first"), "W": Field("source", "first"), "X": Field("abstract"),
    "Z": Field("note"), "7": Field("edition", "first"), "6": Field("number-of-volumes", "first"),
    "9": Field("genre", "first"), "!": Field("title-short", "first"),
    "&": Field("section", "first"), "(": Field("original-title", "first"),
    "*": Field("reviewed-title", "first"), "[": Field("accessed", "date"),
}
TYPE_TABLES = {
    "book": {"B": Field("collection-title", "first")},
    "paper-conference": {"B": Field("event-title", "first")},
    "thesis": {"I": Field("publisher", "first"), "J": Field("publisher", "first")},
    "standard": {"I": Field("authority"), "V": Field("number", "first")},
    "report": {"N": Field("number", "first")},
}
SPECIAL = frozenset("0AEY?D8P@+KLRG~")
SERIAL_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper",
                          "periodical"})
NUMBERED_TYPES = frozenset({"patent", "report", "standard"})  # %@ / SN is their number
PAGE_COUNT_TYPES = frozenset({"book", "thesis", "standard", "report"})
EXPECTED = "expected EndNote/Refer tag lines like '%0 Journal Article', '%T Title'"


def detect(head: str) -> float:
    """Sure when ``%`` tag lines with ``%0`` or ``%W CNKI`` open the text; likely when most
    lines are ``%`` tag lines."""
    lines = [line.lstrip("\ufeff") for line in head.splitlines()[:400] if line.strip()]
    tags = [m["tag"] for m in map(LINE.match, lines) if m and m["value"]]
    if len(tags) < 2 or not ({"T", "A", "0"} & set(tags)):
        return 0.0
    if "0" in tags or any(line.startswith("%W CNKI") for line in lines):
        return 1.0
    return 0.8 if len(tags) * 2 >= len(lines) else 0.3


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield each record as soon as the next one starts, with the problems found in it."""
    watched = WatchedLines(lines, LINE)
    syntax = BY_TYPE_LINE if watched.first_tag == "0" else BY_BLANK_LINE
    state = {"cnki": False}
    found = 0
    for item in split(watched, syntax, source):
        if isinstance(item, Diagnostic):
            yield item
            continue
        for tagged in cut(item, watched.after_blank, "0", REPEATED):
            found += 1
            yield from _record(tagged, source, state)
    if not found:
        yield error(f"no EndNote/Refer records found; {EXPECTED}", source, 1)


class WatchedLines:
    """The input's lines, read lazily, noting which follow a blank line; the first tag is
    looked at before anything else, to choose how records are told apart."""

    def __init__(self, lines: Iterable[str], line: re.Pattern[str]) -> None:
        self._rest = iter(lines)
        self._head: list[str] = []
        self.after_blank: set[int] = set()
        self.first_tag = ""
        for text in self._rest:
            self._head.append(text)
            match = line.match(text.lstrip("\ufeff"))
            if match:
                self.first_tag = match["tag"]
                break

    def __iter__(self) -> Iterator[str]:
        blank = False
        for number, text in enumerate(itertools.chain(self._head, self._rest), start=1):
            text = text.lstrip("\ufeff") if number == 1 else text
            if not text.strip():
                blank = True
            else:
                if blank:
                    self.after_blank.add(number)
                blank = False
            yield text


def cut(tagged: Tagged, after_blank: set[int], start_tag: str,
        repeated: frozenset[str]) -> Iterator[Tagged]:
    """Split what `split` read as one record where another began: at a `start_tag`, or (a
    record missing it) at the last blank line before a tag the record already has."""
    items, start = tagged.items, 0
    for index in range(1, len(items)):
        tag = items[index][1]
        seen = {t for _, t, _ in items[start:index]}
        at = None
        if tag == start_tag:
            at = index
        elif tag in seen and tag not in repeated:
            at = next((j for j in range(index, start, -1) if items[j][0] in after_blank), None)
        if at:
            yield Tagged(items[start][0], items[start:at], True)
            start = at
    yield Tagged(items[start][0] if start else tagged.line, items[start:], tagged.ended)


def _record(tagged: Tagged, source: str, state: dict) -> Iterator[Record | Diagnostic]:
    items = unwrapped(_unglued(tagged.items), keep=("X", "Z", "K"))
    empty = [(line, tag) for line, tag, value in items if not value]
    tagged = Tagged(tagged.line, [i for i in items if i[2]], tagged.ended)
    type_name = tagged.first("0")
    csl_type, known = _csl_type(type_name, tagged)
    cnki = tagged.first("W").upper() == "CNKI"
    record = new_record(csl_type, source, tagged)
    problems: list[tuple[str, int]] = []
    if type_name and not known:
        problems.append((f"unknown EndNote reference type {type_name!r}; read as {csl_type}",
                         tagged.line))
    _read_tags(record, tagged, cnki)
    problems += [(f"tag '%{tag}' has no value; skipped", line) for line, tag in empty]
    problems += cut_off(record, tagged, cnki, state, "%W CNKI", "%T")
    for message, line in problems:
        yield warning(message, source, line, record.describe())
    yield record


def _read_tags(record: Record, tagged: Tagged, cnki: bool) -> None:
    kind = record.type
    table = {**TABLE, **TYPE_TABLES.get(kind, {})}
    if kind == "thesis" and tagged.first("I"):
        table["J"] = Field("container-title", "first")
    if kind == "article-newspaper" and tagged.first("I") == tagged.first("J"):
        tagged = without(tagged, "I")  # CNKI repeats the paper's name as its publisher
    if kind == "chapter" and tagged.first("~") in ("年鉴", "年鑒"):
        table["V"] = Field("ISBN", "first")  # a yearbook's ISBN
    keep_firsts(record, tagged, table, FORMAT)
    apply(record, without(tagged, *SPECIAL), table, FORMAT)
    roles = {"A": "author", "E": "editor",
             "Y": "contributor" if kind == "thesis" else "translator",
             "?": "organizer" if kind == "paper-conference" and cnki else "translator"}
    if kind == "standard" and cnki:
        roles.pop("A")  # CNKI lists a standard's drafting bodies; Zotero drops them
    for tag, role in roles.items():
        add_names(record, role, tagged.values(tag))
    if kind == "paper-conference" and "publisher-place" in record.fields:
        record.fields.setdefault("event-place", record.fields["publisher-place"])
    put_issued(record, tagged.values("D"), tagged.values("8"), FORMAT, ("d", "8"))
    put_pages(record, tagged.values("P"), FORMAT, "p")
    for value in tagged.values("@"):
        put_serial(record, value, FORMAT, "@")
    for value in tagged.values("+"):
        add_affiliations(record, value)
    record.keywords.extend(k for v in tagged.values("K") for k in split_keywords(v))
    for value in tagged.values("L"):
        put_call_number(record, value, FORMAT, "l")
    for value in tagged.values("R"):
        put_doi(record, value, FORMAT, "r")
    _database(record, tagged.values("~"))
    degree_genre(record)
    put_language(record, tagged.values("G"), cnki or _chinese_source(tagged))
    if "A" not in roles:
        record.add_extra(source_key(FORMAT, "a"), *tagged.values("A"))


def _csl_type(name: str, tagged: Tagged) -> tuple[str, bool]:
    """The CSL type of ``%0`` (CNKI's regulations are standards or yearbooks), or a guess."""
    key = name.strip().lower()
    database = " ".join(tagged.values("~"))
    if key == "legal rule or regulation":
        if "年鉴" in database or "年鑒" in database:
            return "chapter", True
        if "标准" in database or "標準" in database or STANDARD_NUMBER.match(tagged.first("V")):
            return "standard", True
    if "科技成果" in database:
        return "report", True
    if key:
        return TYPES.get(key, DEFAULT_TYPE), key in TYPES
    tags = tagged.tags()
    if "J" in tags:
        return "article-journal", True
    if "B" in tags:
        return "chapter", True
    if "9" in tags and "I" in tags:
        return "thesis", True
    return ("book" if "I" in tags else DEFAULT_TYPE), True


def _database(record: Record, values: list[str]) -> None:
    """``%~``: CNKI's sub-database; a patent's kind (``中国专利``) is its genre."""
    for value in values:
        if record.type == "patent" and "海外专利" not in value and "genre" not in record.fields:
            record.fields["genre"] = value
        else:
            record.add_extra(source_key(FORMAT, "~"), value)


def degree_genre(record: Record) -> None:
    """CNKI's bare degree (``博士``) as Zotero names it (``博士学位论文``)."""
    if record.type == "thesis":
        genre = record.fields.get("genre", "")
        if genre in ("博士", "硕士"):
            record.fields["genre"] = genre + "学位论文"
        elif genre == "碩士":
            record.fields["genre"] = genre + "學位論文"


def _chinese_source(tagged: Tagged) -> bool:
    return "万方" in tagged.first("W") or "维普" in tagged.first("W")


def _unglued(items: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """CNKI sometimes writes the next ``%A``/``%K``/``%Y``/``%I`` on the same line."""
    result = []
    for line, tag, value in items:
        parts = GLUED.split(value)
        result.append((line, tag, parts[0].strip()))
        result += [(line, t, v.strip()) for t, v in zip(parts[1::2], parts[2::2], strict=True)]
    return result


GLUED = re.compile(r"(?<=\S)\s*%([KAYI]) ")

# --- shared with the RefWorks reader ------------------------------------------------------

STANDARD_NUMBER = re.compile(r"^(?:GB|GB/T|GB/Z|[A-Z]{2}/T|ISO|IEC|ASTM|DIN|EN|BS|JIS)\b.*\d")
_NAME_SEPARATOR = re.compile(r"\s*[;；，]\s*|\s*,\s*(?=[\u3400-\u9fff])")
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]\b")
_ISBN = re.compile(r"^(?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx]\b")
_CN_SERIAL = re.compile(r"^(?:CN\s*)?\d{2}-\d{4}(?:/[A-Z0-9.]+)?$")
_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(10\.\d{4,9}/\S+)$", re.I)



def unwrapped(items: list[tuple[int, str, str]], keep: tuple[str, ...]
              ) -> list[tuple[int, str, str]]:
    """Values continued over several lines made one line again (between Han characters with
    nothing, else a space), except in the tags of `keep` (abstracts, notes, keywords)."""
    return [(line, tag, value if tag in keep else join_wrapped(value))
            for line, tag, value in items]


def without(tagged: Tagged, *tags: str) -> Tagged:
    """`tagged` without the values of `tags`."""
    return Tagged(tagged.line, [i for i in tagged.items if i[1] not in tags], tagged.ended)


def keep_firsts(record: Record, tagged: Tagged, table: dict[str, Field], fmt: str) -> None:
    """A tag read as its ``first`` value keeps the others as extension data (Wanfang gives a
    journal's English name in a second ``%J``)."""
    for tag, target in table.items():
        if target.kind == "first":
            record.add_extra(source_key(fmt, tag.lower()), *tagged.values(tag)[1:])


def add_names(record: Record, role: str, values: list[str]) -> None:
    """One name per value, or several packed in one (``薛婉钰;刘娜``, ``颜宏,石德成``)."""
    names = [parse_database_name(part) for value in values for part in _NAME_SEPARATOR.split(value)
             if part.strip()]
    if names:
        record.names.setdefault(role, []).extend(names)


def add_affiliations(record: Record, value: str) -> None:
    """An address line: CNKI packs several, separated by ``;``."""
    for part in split_packed(value):
        add_affiliation(record, part)


def put_issued(record: Record, years: list[str], dates: list[str], fmt: str,
               tags: tuple[str, str]) -> None:
    """The issued date from a year tag and a full-date tag (``%D 2023``, ``%8 2023-09-21``):
    the fuller one, a year-less full date (``Mar 5``) taking the year; one that disagrees is
    kept as extension data."""
    year, full = (years[0] if years else ""), (dates[0] if dates else "")
    if full and year and not re.search(r"\d{4}", full):
        full = f"{full} {year}"
    chosen = [(t, parse_date(v)) for t, v in ((tags[1], full), (tags[0], year)) if v]
    if not chosen:
        return
    best_tag, best = next(((t, d) for t, d in chosen if d.parts), chosen[0])
    record.dates.setdefault("issued", best)
    for tag, date in chosen:
        if tag != best_tag and date.parts[:1] != best.parts[:1]:
            record.add_extra(source_key(fmt, tag), year if tag == tags[0] else dates[0])
    record.add_extra(source_key(fmt, tags[0]), *years[1:])
    record.add_extra(source_key(fmt, tags[1]), *dates[1:])


def page_text(value: str) -> str:
    """``004`` → ``4``, ``1106-1111+1117`` kept, CNKI's ``~`` as ``-``."""
    return re.sub(r"(?<!\d)0+(?=\d)", "", normalise_pages(value))


def put_pages(record: Record, values: list[str], fmt: str, tag: str) -> None:
    """Page ranges; a lone number is a page count for books, theses, standards, reports, and
    beside a range (CNKI's ``%P 5`` then ``%P 269-273``) too."""
    pages = [page_text(v) for v in values]
    ranges = [p for p in pages if not p.isdigit()]
    counts = [p for p in pages if p.isdigit()]
    if counts and (ranges or record.type in PAGE_COUNT_TYPES):
        record.fields.setdefault("number-of-pages", counts.pop(0))
        record.add_extra(source_key(fmt, tag), *counts)
        counts = []
    if ranges or counts:
        record.fields.setdefault("page", ", ".join(ranges + counts))


def put_serial(record: Record, value: str, fmt: str, tag: str) -> None:
    """An ISSN or ISBN by its form, else by the item type; a patent's or standard's number."""
    fields = record.fields
    if record.type in NUMBERED_TYPES and not (_ISSN.match(value) or _ISBN.match(value)):
        variable = "number"
    elif _ISSN.match(value) and not _ISBN.match(value):
        variable = "ISSN"
    elif _ISBN.match(value):
        variable = "ISBN"
    else:
        variable = "ISSN" if record.type in SERIAL_TYPES else "ISBN"
    if variable not in fields:
        fields[variable] = value
    elif variable in ("ISSN", "ISBN") and value not in fields[variable]:
        fields[variable] += "; " + value
    else:
        record.add_extra(source_key(fmt, tag), value)


def put_call_number(record: Record, value: str, fmt: str, tag: str) -> None:
    """A CN serial number (``11-0315``, ``11-3553/R``) is kept as ``cn-serial``; anything
    else is the call number."""
    if _CN_SERIAL.match(value):
        record.add_extra("cn-serial", re.sub(r"^CN\s*", "", value))
    elif "call-number" not in record.fields:
        record.fields["call-number"] = value
    else:
        record.add_extra(source_key(fmt, tag), value)


def put_doi(record: Record, value: str, fmt: str, tag: str) -> None:
    """A DOI, without its resolver prefix; a report's other identifier is its number."""
    match = _DOI.match(value.strip())
    if match and "DOI" not in record.fields:
        record.fields["DOI"] = match[1]
    elif not match and record.type == "report" and "number" not in record.fields:
        record.fields["number"] = value
    else:
        record.add_extra(source_key(fmt, tag), value)


def put_language(record: Record, values: list[str], chinese_source: bool) -> None:
    """The language as given (``中文`` → ``zh-CN``); for a Chinese database's record with a
    title in Han script and none given, ``zh-CN`` (as Zotero's CNKI translators set it)."""
    given = [v.strip().rstrip(";；").strip() for v in values]
    given = [v for v in given if v]
    if given:
        codes = dict.fromkeys(language_code(v) for v in given)
        record.fields["language"] = ", ".join(codes)
    elif chinese_source and is_han(record.get("title")):
        record.fields["language"] = "zh-CN"


def cut_off(record: Record, tagged: Tagged, flavoured: bool, state: dict, marker: str,
            title_tag: str) -> list[tuple[str, int]]:
    """Signs that a record was cut off: no title, or no closing database line in a file whose
    records before had one."""
    problems = []
    last = tagged.items[-1][0] if tagged.items else tagged.line
    if "title" not in record.fields:
        problems.append((f"record has no title ('{title_tag}'); it may be cut off; "
                         "converted as it is", tagged.line))
    if flavoured:
        state["cnki"] = True
    elif state.get("cnki"):
        problems.append((f"record has no '{marker}' line, unlike the records before it; it "
                         f"may be cut off after line {last}; converted as it is", tagged.line))
    return problems


READER = Reader(
    name="endnote",
    description="EndNote/Refer tagged export (%0, %A, %T ...), as EndNote, CNKI and Wanfang "
                "write it",
    detect=detect,
    read=read,
    aliases=("refer", "enw"),
    suffixes=(".enw",),
)
