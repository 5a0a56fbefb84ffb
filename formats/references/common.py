"""What every reference grammar shares: the normalised text, the pieces every style writes the
same way (identifiers, access dates, page ranges, dates, name lists), the `Candidate` a
grammar returns and the record it becomes (`to_record`).

A grammar reads one reference (a `Reference`: the text with full-width punctuation folded,
its list number removed) and returns a `Candidate` or None. Candidates of different grammars
are compared by how much of the reference they explain (`Candidate.score`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..dates import month_number
from ..names import HAN, is_han, is_organisation, parse_database_name, parse_name
from ..record import ET_AL, Date, Name, Origin, Record

# -- the reference


@dataclass(frozen=True)
class Reference:
    """One reference: `text` normalised (full-width forms folded, white space collapsed, the
    list number removed), `label` its list number or key (``1``, ``Řeh10``) if it had one,
    `original` as given, and `printed` the same characters as `text` before folding (white
    space collapsed likewise), so that a value found in `text` can be given back as printed
    (`as_printed`)."""

    text: str
    original: str
    label: str = ""
    printed: str = ""

    @classmethod
    def of(cls, original: str) -> Reference:
        """The reference `original` is, read once for every grammar."""
        unescaped = original.replace("\\[", "[").replace("\\]", "]")  # Markdown's \[1\]
        # A line broken between two Han characters is one word again: Chinese has no spaces.
        unbroken = _HAN_LINE_BREAK.sub("", unescaped)
        printed = _SPACES.sub(" ", unbroken.translate(_BLANKS)).strip()
        label, text = strip_label(printed.translate(_FOLD))
        return cls(text, original, label, printed[len(printed) - len(text):])

    @functools.cached_property
    def letters(self) -> int:
        """How many letters and digits `text` holds: what a reading's coverage is a share of."""
        return _letters(self.text)

    def as_printed(self, value: str) -> str:
        """`value`, found in `text`, with the characters it has there as printed (``：``
        for ``:``); values the grammar rewrote are returned as they are."""
        start = self.text.find(value)
        return self.printed[start:start + len(value)] if start >= 0 else value


# Full-width forms (，．：；（）［］Ｊ０-９) fold to ASCII, one character for one, so that
# positions in the folded text are positions in the printed one; the ideographic comma and
# the book-title marks keep their meaning.
_BLANKS = {0x3000: 0x20, 0x00A0: 0x20, 0x2009: 0x20, 0x202F: 0x20, 0x200B: None, 0xFEFF: None,
           0x00AD: None}
_FOLD = {**{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)},
         0x3010: 0x5B, 0x3011: 0x5D, 0x3014: 0x5B, 0x3015: 0x5D, 0x2212: 0x2D}
_SPACES = re.compile(r"\s+")
_HAN_LINE_BREAK = re.compile(r"(?<=[\u3400-\u9fff])[ \t]*\r?\n\s*(?=[\u3400-\u9fff])")
_LABEL = re.compile(
    r"^(?:\[\s*(?P<bracketed>\d{1,4}|[^\W\d_][\w+]{1,10})?\s*\]|\((?P<parenthesised>\d{1,4})\)"
    r"|(?P<numbered>\d{1,4})(?:[.)](?=\s|[^\d\s])|\s{2,}|\s(?=[A-Z\u3400-\u9fff])(?!\d)))\s*")


def strip_label(text: str) -> tuple[str, str]:
    """``[12] Smith...`` → ``("12", "Smith...")``; also ``12.``, ``(12)``, ``[Řeh10]``."""
    match = _LABEL.match(text)
    if not match or match.end() == len(text):
        return "", text
    label = next((g for g in match.groups() if g is not None), "")
    following = text[match.end():match.end() + 1]
    if (match["numbered"] and following.isdigit()) or following == ",":
        return "", text  # ``2019. ...`` is no number, ``[Anonymous], 2010`` no label
    return label, text[match.end():]


# -- the candidate


@dataclass
class Candidate:
    """What one grammar read from a reference."""

    style: str
    type: str
    fields: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[Name]] = field(default_factory=dict)
    dates: dict[str, Date] = field(default_factory=dict)
    truncated: set[str] = field(default_factory=set)  # name variables cut short by et al./等
    evidence: float = 0.0  # the style's own marks found: type codes, "vol.", "(2020)."
    # Text the grammar knowingly sets aside: the style's own wording ("Available at:", "pp."),
    # a translation of the entry.
    skipped: str = ""

    def set(self, variable: str, value: str) -> None:
        value = value.strip().strip(",;").strip()
        if value:
            self.fields[variable] = value

    def set_date(self, variable: str, text: str) -> None:
        """The date `text` gives (`parse_any_date`), if it gives one."""
        date = parse_any_date(text or "")
        if date:
            self.dates[variable] = date

    def set_names(self, variable: str, names: tuple[list[Name], bool]) -> None:
        people, truncated = names
        if people:
            self.names[variable] = people
        if truncated:
            self.truncated.add(variable)

    def score(self, reference: Reference) -> float:
        """`coverage`, plus a little for each of the style's own marks found and for each part
        told apart; nothing when a value holds marks of another style (a misreading)."""
        if any(_FOREIGN_MARKS.search(v) for k, v in self.fields.items() if k not in _LOCATORS):
            return 0.0
        return self.coverage(reference) + 0.05 * self.evidence + 0.02 * self.parts()

    def parts(self) -> int:
        """How many variables the candidate found: a reading that tells more parts apart
        explains more of the reference than one that puts it all in a title."""
        return len(self.fields) + len(self.names) + len(self.dates)

    def coverage(self, reference: Reference) -> float:
        """Share of the reference's letters and digits that the fields hold."""
        total = (reference.letters - _letters(self.skipped)) or 1
        held = sum(_letters(v) for k, v in self.fields.items() if plausible(k, v))
        held += sum(_letters(n.family + n.given + n.literal + n.non_dropping_particle)
                    for names in self.names.values() for n in names)
        held += sum(len(str(d.iso()).replace("-", "")) for d in self.dates.values())
        return min(held / total, 1.0)


# A GB/T type code or part mark inside a value: the grammar took a GB/T entry for its own.
_FOREIGN_MARKS = re.compile(r"\[(?:[A-Z]{1,2}|EB|DB|DS|CP)(?:/OL)?\]|//")
_LOCATORS = frozenset({"URL", "DOI"})  # hold slashes and brackets of their own
_SHORT_SLOTS = {"volume": 20, "issue": 20, "page": 40, "edition": 40, "number": 60,
                "publisher-place": 60, "publisher": 100, "genre": 60, "medium": 40}


def plausible(variable: str, value: str) -> bool:
    """Whether `value` can be what `variable` holds in a reference: a length that fits the
    slot, no sentence inside a short one."""
    if variable in _LOCATORS:
        return True
    limit = _SHORT_SLOTS.get(variable, 500)
    return len(value) <= limit and not (limit < 500 and "。" in value)


@dataclass(frozen=True)
class Grammar:
    """One reference style: `parse` reads a reference written in it, or returns None."""

    name: str
    description: str
    parse: Callable[[Reference], Candidate | None]


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


# -- identifiers and access dates, wherever they stand

_DOI = re.compile(
    r"(?:(?<![=/])\b(?:doi|DOI)\s*[:：]?\s*(?:DOI\s*)?|(?<!/)\bdoi\.org/|https?://doi:\s*)"
    r"\[?(?P<doi>10\.\d{4,9}/[^\s\],;]*[^\s\],;.])\]?")
_BARE_DOI = re.compile(r"(?<![\w/])(?P<doi>10\.\d{4,9}/[^\s,;]*[^\s,;.)\]])")
_URL = re.compile(r"(?P<url>(?:https?://|www\.)(?:(?!\.(?:DOI|doi)\b)[^\s<>\[\],]|,(?=[A-Za-z]))*"
                  r"[^\s<>\[\].,;)])")
_AVAILABLE = re.compile(r"(?:Available(?:\s+(?:at|from|online))?|Retrieved\s+from|URL)"
                        r"\s*[:：]?\s*$",
                        re.IGNORECASE)
_ISBN = re.compile(r"\bISBN(?:-1[03])?\s*[:：]?\s*(?P<isbn>[\dXx][\d\s-]{8,16}[\dXx])")
_ISSN = re.compile(r"\bISSN\s*[:：]?\s*(?P<issn>\d{4}-?\d{3}[\dXx])")
_PMID = re.compile(r"\bPMID\s*[:：]?\s*(?P<pmid>\d+)")
_PMCID = re.compile(r"\bPMCID\s*[:：]?\s*(?P<pmcid>PMC\d+)")
# ``Available:`` left with nothing after it (an IEEE entry printed without its URL).
_BARE_AVAILABLE = re.compile(r"\bAvailable(?:\s+(?:at|from|online))?\s*:\s*(?=\[|$)",
                             re.IGNORECASE)
_IDENTIFIERS = ((_DOI, "DOI", "10."), (_ISBN, "ISBN", "ISBN"), (_ISSN, "ISSN", "ISSN"),
                (_PMID, "PMID", "PMID"), (_PMCID, "PMCID", "PMC"))
_MAY_HOLD_ACCESS = re.compile(r"\[|ccess|ited|iewed|etriev|引用")
_ISO_DATE = r"\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?"
_WORDED = (r"(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2},?)?\s+\d{4}"
           r"|\d{4}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?|\d{1,2}-[A-Z][a-z]{2}-\d{4}")
_ACCESSED = re.compile(
    r"\[\s*(?P<bracketed>" + _ISO_DATE + r")\s*\]"
    r"|(?P<open>[\[(])?\s*(?:updated[^\];)]{0,30};\s*)?"
    r"(?:cited|accessed|viewed|retrieved|引用日期)\s*[:：]?\s*(?P<worded>"
    + _WORDED + "|" + _ISO_DATE + r")\s*(?(open)[\])]?)",
    re.IGNORECASE)


def take_identifiers(text: str, candidate: Candidate) -> str:
    """Move DOI, URL, ISBN, ISSN, PMID and the access date from `text` into `candidate`;
    the text without them (and without "Available at:" and such before a URL)."""
    rest, fields, dates, wording = identifiers(text)
    for variable, value in fields:
        candidate.set(variable, value)
    candidate.dates.update(dates)
    candidate.skipped += wording
    return rest


@functools.lru_cache(maxsize=256)
def identifiers(text: str) -> tuple[str, tuple[tuple[str, str], ...],
                                     tuple[tuple[str, Date], ...], str]:
    """`take_identifiers` as a pure function: the text left, the identifier fields found, the
    access date, and the wording around them (``doi:``, ``Available at:``, ``Accessed``),
    which the candidate sets aside. Every grammar asks it of the same text, so it is kept."""
    fields: dict[str, str] = {}
    wording: list[str] = []
    for pattern, variable, mark in _IDENTIFIERS:
        match = pattern.search(text) if mark in text else None
        if match:
            fields[variable] = match.group(1)
            wording.append(match.group().replace(match.group(1), " "))
            text = _cut(text, match)
    match = _URL.search(text) if ("http" in text or "www." in text) else None
    if match:
        url = _balanced(match["url"], text[match.end():match.end() + 1])
        doi = re.match(r"https?://(?:dx\.)?doi\.org/(10\..+)", url)
        if doi:
            fields.setdefault("DOI", doi[1])
            wording.append(url.replace(doi[1], " "))
        else:
            fields["URL"] = url
        before = text[:match.start()].rstrip()
        available = _AVAILABLE.search(before)
        if available:
            wording.append(available.group())
            before = before[:available.start()]
        text = _join(before, text[match.start() + len(url):])
    if "DOI" not in fields and "10." in text:
        match = _BARE_DOI.search(text)
        if match:
            fields["DOI"] = match["doi"]
            text = _cut(text, match)
    match = _BARE_AVAILABLE.search(text) if "vailable" in text else None
    if match:
        wording.append(match.group())
        text = _cut(text, match)
    dates: tuple[tuple[str, Date], ...] = ()
    match = _ACCESSED.search(text) if _MAY_HOLD_ACCESS.search(text) else None
    if match:
        date = parse_any_date(match["bracketed"] or match["worded"])
        if date:
            dates = (("accessed", date),)
            following = re.match(r",?\s*from\b", text[match.end():])  # APA: "Retrieved ..., from"
            end = match.end() + (following.end() if following else 0)
            wording.append(text[match.start():end].replace(match["bracketed"] or match["worded"],
                                                           " "))
            text = _join(text[:match.start()], text[end:])
    return tidy(text), tuple(fields.items()), dates, " ".join(wording)


def _balanced(url: str, following: str) -> str:
    """The URL with a closing parenthesis that belongs to it (``...2421(01)``)."""
    return url + ")" if following == ")" and url.count("(") > url.count(")") else url


def _cut(text: str, match: re.Match) -> str:
    return _join(text[:match.start()], text[match.end():])


def _join(before: str, after: str) -> str:
    """What was either side of a removed part, with one of two separators met there."""
    before, after = before.rstrip(), after.lstrip()
    if before[-1:] in ".,;:" and after[:1] in ".,;:":
        after = after[1:].lstrip()
    return f"{before} {after}" if before and after else before + after


def tidy(text: str) -> str:
    """White space collapsed, separators left side by side (``. .``) or at the ends dropped."""
    return re.sub(r"([.,;:])(?:\s+[.,;:])+", r"\1", _SPACES.sub(" ", text)).strip(" ,;:")


# -- numbers, pages, dates

_ISO = re.compile(r"^(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?$")
_TOKENS = re.compile(r"[A-Za-z]+|\d+")


def parse_any_date(text: str) -> Date | None:
    """A date as references write it: ``2019``, ``2019-04-05``, ``2010 Nov 19``,
    ``20 Sept. 2015``, ``February 4, 2009``, ``Apr. 2019``, ``2025年6月16日``; a range as its
    start (``Jan. 2-5, 1984``); None if none."""
    text = text.strip().strip(".,;()[]")
    iso = _ISO.match(text)
    if iso:
        parts = tuple(int(p) for p in iso.groups() if p)
        return Date(parts) if _valid(parts) else None
    han = re.match(r"^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$", text)
    if han:
        return Date(tuple(int(p) for p in han.groups() if p))
    year = month = day = 0
    for token in _TOKENS.findall(text):  # a range (``Jan. 2-5``, ``July-Oct.``) gives its start
        if token.isdigit() and len(token) == 4 and not year:
            year = int(token)
        elif token.isdigit() and len(token) <= 2:
            day = day or int(token)
        elif not token.isdigit() and month_number(token):
            month = month or month_number(token)
        elif token.lower() not in ("c", "n", "d", "nd"):
            return None
    if not year:
        return None
    if not month:
        return Date((year,))
    if day and 1 <= day <= 31:
        return Date((year, month, day))
    return Date((year, month))


def _valid(parts: tuple[int, ...]) -> bool:
    return (len(parts) < 2 or 1 <= parts[1] <= 12) and (len(parts) < 3 or 1 <= parts[2] <= 31)


YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")

# -- names

_ET_AL_MARK = re.compile(r"(?:,?\s*(?:et\s*a[l1]\.?|等|…|\.\.\.|\bet\s+alii|\band\s+others))\s*$",
                   re.IGNORECASE)
_CAPITAL = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"  # with Ł, Ø, Č ...
_INITIALS = re.compile(rf"^(?:[{_CAPITAL}][a-z]?\.\s*-?\s*|[{_CAPITAL}](?=[\s-]|$)[\s-]*)+$"
                       rf"|^[{_CAPITAL}]{{1,4}}$")


def truncation(text: str) -> tuple[str, bool]:
    """The name list without its closing ``et al.``/``等``, and whether it had one."""
    match = _ET_AL_MARK.search(text)
    if match:
        return text[:match.start()].rstrip(" ,"), True
    return text, False


def is_initials(text: str) -> bool:
    """``J.``, ``J. M.``, ``JM``, ``J-M``, ``Ph.``."""
    return bool(_INITIALS.match(text.strip()))


def name_list(text: str, order: str) -> tuple[list[Name], bool]:
    """Names from a list as styles print it, and whether the list was cut short.

    `order` says how each name is written:
    - ``"family-initials"``: ``Smith JM, Chen J`` (Vancouver, WoS, GB/T in capitals);
    - ``"family-first"``: as ``family-initials``, and a name without initials has its family
      name first too: ``Zhang Xiaolu`` (GB/T);
    - ``"family-given"``: ``Smith, J. M., Chen, J., & Li, X.`` (APA, Harvard);
    - ``"given-family"``: ``J. M. Smith, J. Chen, and X. Li`` (IEEE, Nature);
    - ``"first-inverted"``: ``Smith, John, and Jane Chen`` (Chicago, MLA).
    Han-script names (``陈建军，李明``) are read in any order setting.
    """
    text, truncated = truncation(text.strip())
    if not text:
        return [], truncated
    if order == "family-given":
        pieces = _pairs(text)
    elif order == "first-inverted":
        family, _, rest = text.partition(",")
        others = _split_plain(rest)
        pieces = [f"{family}, {others[0]}", *others[1:]] if others else [family]
    else:
        pieces = _split_plain(text)
    names = [_one_name(piece, order) for piece in pieces if piece.strip(" .,")]
    return [n for n in names if n is not None], truncated


def _split_plain(text: str) -> list[str]:
    return [p for p in re.split(r"\s*(?:;|；|、|，|,?\s*&\s*|,?\s+and\s+|,)\s*", text) if p]


def _pairs(text: str) -> list[str]:
    """``Smith, J. M., Chen, J., & Li, X.`` → ``["Smith, J. M.", "Chen, J.", "Li, X."]``."""
    parts = [p for p in re.split(r"\s*,\s*(?:&|and)\s+|\s*,\s*|\s*&\s*|\s+and\s+|;\s*", text)
             if p.strip()]
    pieces: list[str] = []
    for part in parts:
        if pieces and is_initials(part) and "," not in pieces[-1]:
            pieces[-1] += ", " + part
        else:
            pieces.append(part)
    return pieces


def _one_name(piece: str, order: str) -> Name | None:
    piece = piece.strip().strip(",;")
    if not piece:
        return None
    if is_han(piece) and not re.search(r"[A-Za-z]", piece):
        return parse_database_name(piece)
    words = piece.split()
    initials_last = len(words) >= 2 and is_initials(words[-1])
    if initials_last and (order in ("family-initials", "family-first")
                          or (order != "given-family" and "," not in piece
                              and not is_initials(words[0]))):
        cut = len(words) - 1
        while cut > 1 and len(words[cut - 1]) <= 2 and is_initials(words[cut - 1]):
            cut -= 1
        return Name(family=" ".join(words[:cut]), given=" ".join(words[cut:]))
    if order == "family-first" and "," not in piece and not is_organisation(piece):
        capitals = 0  # GB/T prints the surname in capitals: ``BEAUCLAIR I de``
        while capitals < len(words) and len(words[capitals]) > 1 and words[capitals].isupper():
            capitals += 1
        if 0 < capitals < len(words):
            return Name(family=" ".join(words[:capitals]), given=" ".join(words[capitals:]))
        if len(words) == 2:
            return Name(family=words[0], given=words[1])
    return parse_name(piece)


def han_share(text: str) -> float:
    """Share of Han characters among the letters of `text`."""
    letters = sum(1 for c in text if c.isalpha())
    return len(HAN.findall(text)) / letters if letters else 0.0


# -- the record

# Below this share of the reference explained, the record keeps the reference as given.
FULLY_EXPLAINED = 0.9
# Variables whose value the grammars write in one form, not as printed (any dash as ``-``).
_NORMALISED = frozenset({"page"})


def to_record(candidate: Candidate, origin: Origin | None,
              reference: Reference | None = None) -> Record:
    """The candidate as a record. Read from `reference`, values keep the characters printed
    there (``：``, not the folded ``:``), and a reference the record explains only in part is
    kept whole with it, so that nothing of it is lost."""
    printed = reference.as_printed if reference else str
    names = {variable: [_printed_name(printed, name) for name in people]
             + ([ET_AL] if variable in candidate.truncated else [])
             for variable, people in candidate.names.items()}
    for variable in candidate.truncated - set(names):
        names[variable] = [ET_AL]
    fields = {variable: value if variable in _NORMALISED else printed(value)
              for variable, value in candidate.fields.items()}
    record = Record(type=candidate.type, fields=fields, names=names,
                    dates=dict(candidate.dates), origin=origin)
    if reference and candidate.coverage(reference) < FULLY_EXPLAINED:
        record.add_extra("reference", " ".join(reference.original.split()))
    return record


def _printed_name(printed: Callable[[str], str], name: Name) -> Name:
    return replace(name, family=printed(name.family), given=printed(name.given),
                   literal=printed(name.literal))
