"""RefWorks tagged export: ``RT Journal Article``, then a two-character tag, a space and the
value per line (``A1 Watson, J. D.``); a record ends at the next ``RT``.

Chinese databases bend it. CNKI (``DS CNKI``) packs several authors or keywords in one ``A1``
or ``K1`` (``薛婉钰;刘娜``, ``颜宏,石德成``), zero-pads issues (``IS 07``), writes page ranges
with ``~`` and ``+`` and sometimes glues a tag to its value in lower case (``a1林行众``). CQVIP
writes ``A1: value`` or ``{A1}: value``. Lines are brought to the plain form first, then read
through one table. The mapping follows Zotero's "RefWorks Tagged" and "CNKI RefWorks"
translators: a thesis's ``A3`` supervisors are ``contributor``s, its ``CL`` degree the genre
and ``PB`` the university; a CNKI conference's ``PB`` is its organiser; a standard's or
patent's ``ID`` is its number; a CN serial number (``CN 11-0315``) is kept as ``cn-serial``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..diagnostics import Diagnostic, error, warning
from ..extension import source_key
from ..record import Name, Record
from ..registry import Reader, ReadStream
from ..tagged import Field, Syntax, Tagged, apply, new_record, split, split_keywords
from .endnote import (
    PAGE_COUNT_TYPES,
    STANDARD_NUMBER,
    WatchedLines,
    add_affiliations,
    add_names,
    cut,
    cut_off,
    degree_genre,
    keep_firsts,
    page_text,
    put_call_number,
    put_doi,
    put_issued,
    put_language,
    put_serial,
    unwrapped,
    without,
)

FORMAT = "refworks"
MARK = "\x1f"  # starts a line brought to the plain form, so that no value can pass for a tag
LINE = re.compile(MARK + r"(?P<tag>[A-Z][A-Z0-9]{1,4}) ?(?P<value>.*)$")
_PLAIN = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]|URL|PMID|PMCID)(?: (?P<value>.*))?$")
_COLON = re.compile(r"^\{?(?P<tag>[A-Za-z][A-Za-z0-9]|URL|PMID|PMCID)\}?\s*[:：]\s?(?P<value>.*)$")
_GLUED = re.compile(r"^(?P<tag>[A-Za-z][A-Za-z0-9])\s?(?P<value>.*)$")
_JUNK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")

KNOWN_TAGS = frozenset("""
RT SR ID A1 T1 JF JO YR FD VO IS SP OP K1 AB NO A2 T2 ED PB PP A3 A4 A5 T3 SN AV AD AN LA CL
SF OT LK DO CN DB DS IP RD ST U1 U2 U3 U4 U5 U6 U7 U8 U9 UL SL LL CR WT A6 WV WP OL C1
PMID PMCID
""".split())
FREE_TEXT = frozenset({"AB", "NO"})
REPEATED = frozenset({"A1", "A2", "A3", "A4", "A5", "A6", "K1", "AD", "LK", "UL", "NO", "SN",
                      "CN", "U1", "U2", "U3", "U4", "U5", "DO", "LA"})

TYPES = {
    "journal article": "article-journal", "journal, electronic": "article-journal",
    "abstract": "article-journal", "magazine article": "article-magazine",
    "newspaper article": "article-newspaper", "book, whole": "book", "book": "book",
    "book, edited": "book", "monograph": "book", "book, section": "chapter",
    "dissertation": "thesis", "dissertation/thesis": "thesis", "thesis": "thesis",
    "thesis, unpublished": "thesis", "conference proceedings": "paper-conference",
    "conference proceeding": "paper-conference", "report": "report", "grant": "report",
    "other article": "report", "patent": "patent", "standard": "standard",
    "laws": "legislation", "statutes": "legislation", "bills": "bill", "resolutions": "bill",
    "case": "legal_case", "court decisions": "legal_case", "hearing": "hearing",
    "map": "map", "computer program": "software", "web page": "webpage",
    "online discussion forum": "post", "personal communication": "personal_communication",
    "unpublished material": "manuscript", "motion picture": "motion_picture",
    "video": "motion_picture", "dvd": "motion_picture", "sound recording": "song",
    "music score": "musical_score", "artwork": "graphic", "generic": "document",
}
DEFAULT_TYPE = "document"

TABLE = {
    "T1": Field("title", "first"), "JF": Field("container-title", "first"),
    "JO": Field("container-title-short", "first"), "T2": Field("container-title", "first"),
    "T3": Field("collection-title", "first"), "VO": Field("volume", "zero-padded"),
    "IS": Field("issue", "zero-padded"), "AB": Field("abstract"), "NO": Field("note"),
    "ED": Field("edition", "first"), "PB": Field("publisher"),
    "PP": Field("publisher-place", "first"), "ST": Field("title-short", "first"),
    "RD": Field("accessed", "date"), "OT": Field("original-title", "first"),
    "DS": Field("source", "first"), "WT": Field("container-title", "first"),
    "WV": Field("version", "first"), "SL": Field("archive", "first"),
    "LL": Field("archive_location", "first"), "PMID": Field("PMID", "first"),
    "PMCID": Field("PMCID", "first"),
}
TYPE_TABLES = {
    "book": {"T2": Field("collection-title", "first")},
    "report": {"T2": Field("collection-title", "first"), "CL": Field("genre", "first"),
               "DB": Field("genre", "first")},
    "paper-conference": {"T2": Field("event-title", "first"),
                         "JO": Field("event-title", "first")},
    "thesis": {"PB": Field("publisher", "first"), "CL": Field("genre", "first")},
    "standard": {"PB": Field("authority"), "ID": Field("number", "first")},
    "patent": {"ID": Field("number", "first"), "CL": Field("genre", "first")},
    "manuscript": {"CL": Field("genre", "first")},
    "map": {"CL": Field("genre", "first")},
    "webpage": {"CL": Field("genre", "first")},
}
SPECIAL = frozenset({"RT", "A1", "A2", "A3", "A4", "YR", "FD", "SP", "OP", "SN", "AD", "K1",
                     "CN", "DO", "LK", "UL", "LA"})
EXPECTED = "expected RefWorks tag lines like 'RT Journal Article', 'T1 Title'"


def detect(head: str) -> float:
    """Sure when an ``RT`` line opens a record among RefWorks tags (or CQVIP's ``A1: ``)."""
    lines = [line.lstrip("\ufeff").strip() for line in head.splitlines()[:400] if line.strip()]
    plain = [m["tag"] for m in map(_PLAIN.match, lines) if m and m["value"] and
             not m["value"].startswith(" ")]
    colon = [m["tag"].upper() for m in map(_COLON.match, lines) if m]
    for tags in (plain, colon):
        known = [t for t in tags if t in KNOWN_TAGS]
        if "RT" in known and len(set(known)) >= 3:
            return 1.0 if "DS" in known or tags is colon else 0.95
    colon_known = {t for t in colon if t in KNOWN_TAGS} - {"RT"}
    if len(colon_known) >= 4 and {"A1", "T1"} <= colon_known:
        return 0.8
    return 0.0


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield each record when the next ``RT`` (or the end) arrives, with its problems."""
    colon_lines: set[int] = set()
    watched = WatchedLines(plain_lines(lines, colon_lines), LINE)
    syntax = Syntax(line=LINE, continues=_continues, joiner="\n",
                    **({"starts": frozenset({"RT"})} if watched.first_tag == "RT"
                       else {"blank_line_ends": True}))
    state = {"cnki": False}
    found = 0
    for item in split(watched, syntax, source):
        if isinstance(item, Diagnostic):
            yield item
            continue
        for tagged in cut(item, watched.after_blank, "RT", REPEATED):
            found += 1
            cqvip = any(line in colon_lines for line, _, _ in tagged.items)
            yield from _record(tagged, source, state, cqvip)
    if not found:
        yield error(f"no RefWorks records found; {EXPECTED}", source, 1)


def plain_lines(lines: Iterable[str], colon_lines: set[int]) -> Iterator[str]:
    """Each line, a tag line (in whichever flavour) as ``MARK + 'A1 value'``; other lines as
    they are. A glued or lower-case tag in running abstract text is taken for text. The
    numbers of CQVIP's ``A1: value`` lines are added to `colon_lines`."""
    last = ""
    for number, text in enumerate(lines, start=1):
        text = text.replace(MARK, "").lstrip("\ufeff")
        tag, value = _tag_line(text.strip(), last)
        if tag and _COLON.match(text.strip()):
            colon_lines.add(number)
        if tag:
            last = tag
            yield f"{MARK}{tag} {value}"
        else:
            yield text


def _tag_line(text: str, last: str) -> tuple[str, str]:
    plain = _PLAIN.match(text)
    if plain and (plain["tag"] in KNOWN_TAGS or last not in FREE_TEXT):
        return ("UL" if plain["tag"] == "URL" else plain["tag"]), (plain["value"] or "").strip()
    colon = _COLON.match(text)
    if colon and colon["tag"].upper() in KNOWN_TAGS:
        tag = colon["tag"].upper()
        return ("UL" if tag == "URL" else tag), colon["value"].strip()
    glued = _GLUED.match(text)
    if glued and glued["tag"].upper() in KNOWN_TAGS:
        tag, value = glued["tag"].upper(), glued["value"].strip()
        in_text = (last in FREE_TEXT and not tag[1].isdigit()
                   and not re.fullmatch(r"[\d\s~+/.-]+", value))
        looks_like_words = value[:1].islower() or (value[:1].isascii() and value[:1].isalpha()
                                                   and not tag[1].isdigit())
        if not in_text and not looks_like_words:
            return tag, value
    return "", ""


def _continues(text: str) -> bool:
    return not _JUNK.search(text)


def _record(tagged: Tagged, source: str, state: dict, cqvip: bool
            ) -> Iterator[Record | Diagnostic]:
    items = unwrapped(tagged.items, keep=("K1",))
    empty = [(line, tag) for line, tag, value in items if not value]
    tagged = Tagged(tagged.line, [i for i in items if i[2]], tagged.ended)
    type_name = tagged.first("RT")
    cnki = tagged.first("DS").upper() == "CNKI"
    csl_type, known = _csl_type(type_name, tagged)
    record = new_record(csl_type, source, tagged)
    problems: list[tuple[str, int]] = []
    if type_name and not known:
        problems.append((f"unknown RefWorks reference type {type_name!r}; read as {csl_type}",
                         tagged.line))
    _read_tags(record, tagged, cnki, cqvip)
    problems += [(f"tag '{tag}' has no value; skipped", line) for line, tag in empty]
    problems += cut_off(record, tagged, cnki, state, "DS CNKI", "T1")
    for message, line in problems:
        yield warning(message, source, line, record.describe())
    yield record


def _csl_type(name: str, tagged: Tagged) -> tuple[str, bool]:
    key = name.strip().lower()
    database = tagged.first("DB")
    if key in ("standard", "laws") and ("年鉴" in database or "年鑒" in database):
        return "chapter", True
    if key == "laws" and STANDARD_NUMBER.match(tagged.first("ID")):
        return "standard", True
    if key:
        return TYPES.get(key, DEFAULT_TYPE), key in TYPES
    return ("article-journal" if "JF" in tagged.tags() else DEFAULT_TYPE), True


def _read_tags(record: Record, tagged: Tagged, cnki: bool, cqvip: bool) -> None:
    kind = record.type
    table = {**TABLE, **TYPE_TABLES.get(kind, {})}
    organisers = tagged.values("PB") if kind == "paper-conference" and cnki else []
    if organisers:
        tagged = without(tagged, "PB")  # CNKI's organisers
    if kind == "article-newspaper" and tagged.first("PB") == tagged.first("JF"):
        tagged = without(tagged, "PB")  # CNKI repeats the paper's name as its publisher
    if kind == "thesis" and cnki:  # the issue of CNKI's thesis database, not the thesis's
        table["IS"] = Field(source_key(FORMAT, "is"), "extra")
    if kind == "standard" and not tagged.first("ID"):
        table["C1"] = Field("number", "first")
    keep_firsts(record, tagged, table, FORMAT)
    apply(record, without(tagged, *SPECIAL), table, FORMAT)
    _names(record, tagged, cnki, organisers)
    if kind == "paper-conference" and "publisher-place" in record.fields:
        record.fields.setdefault("event-place", record.fields["publisher-place"])
    put_issued(record, tagged.values("YR"), tagged.values("FD"), FORMAT, ("yr", "fd"))
    _pages(record, tagged)
    for value in tagged.values("SN"):
        put_serial(record, value, FORMAT, "sn")
    for value in tagged.values("AD"):
        add_affiliations(record, value)
    record.keywords.extend(k for v in tagged.values("K1") for k in split_keywords(v))
    if len(record.keywords) == 1 and "," in record.keywords[0]:
        record.keywords = [k.strip() for k in record.keywords[0].split(",") if k.strip()]
    for value in tagged.values("CN"):
        put_call_number(record, value, FORMAT, "cn")
    for value in tagged.values("DO"):
        put_doi(record, value, FORMAT, "do")
    _links(record, tagged)
    degree_genre(record)
    put_language(record, tagged.values("LA"), cnki or cqvip or _cqvip(tagged))


def _names(record: Record, tagged: Tagged, cnki: bool, organisers: list[str]) -> None:
    """A1 authors (a CNKI standard's drafting bodies kept aside, as Zotero drops them), A2
    editors (a patent's applicant kept aside), A3 supervisors of a thesis, else editors or
    series editors, A4 translators; a CNKI conference's PB organisers."""
    kind = record.type
    roles = {
        "A1": "" if kind == "standard" and cnki else "author",
        "A2": "" if kind == "patent" else "editor",
        "A3": {"thesis": "contributor", "book": "editor"}.get(kind, "collection-editor"),
        "A4": "contributor" if kind == "paper-conference" else "translator",
    }
    for tag, role in roles.items():
        if role:
            add_names(record, role, tagged.values(tag))
        else:
            record.add_extra(source_key(FORMAT, tag.lower()), *tagged.values(tag))
    if organisers:
        record.names.setdefault("organizer", []).extend(
            Name(literal=v.strip()) for value in organisers for v in value.split(";")
            if v.strip())


def _pages(record: Record, tagged: Tagged) -> None:
    """SP (start) and OP (end, or the whole range when alone, as CNKI writes it)."""
    first, other = tagged.first("SP"), tagged.first("OP")
    if first and other and "-" not in first:
        pages = f"{first}-{other}"
    else:
        pages = first or other
        if first and other:
            record.add_extra(source_key(FORMAT, "op"), other)
    if not pages:
        return
    pages = page_text(pages)
    if pages.isdigit() and record.type in PAGE_COUNT_TYPES and not other:
        record.fields.setdefault("number-of-pages", pages)
    else:
        record.fields.setdefault("page", pages)


def _links(record: Record, tagged: Tagged) -> None:
    """UL is the URL, else the first link; other links are kept."""
    links = tagged.values("UL") + tagged.values("LK")
    links = [re.sub(r"&amp;", "&", link) for link in links]
    if links:
        record.fields.setdefault("URL", links[0])
        record.add_extra(source_key(FORMAT, "lk"), *(x for x in links[1:] if x != links[0]))


def _cqvip(tagged: Tagged) -> bool:
    return any(value.endswith(("维普", "CQVIP")) for value in tagged.values("DS"))


READER = Reader(
    name="refworks",
    description="RefWorks tagged export (RT, A1, T1 ...), incl. CNKI's and CQVIP's flavours",
    detect=detect,
    read=read,
    aliases=("rwt",),
    suffixes=(),
)
