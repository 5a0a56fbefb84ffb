"""What the author-date styles APA and Harvard share in reading a reference up to its source:
the author and editor lists, the date, the sentences a reference is cut into, the bracketed
groups that close a title, and the layout words that belong to no field.

Both styles write ``Authors (Date) Title. Source.``: the names inverted with initials
(``Family, I. I., Family, I., & Family, I.`` or ``... and ...``), the date in parentheses after
them, then sentences closed by periods. `authordate_sources` reads what follows the title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dates import month_number
from ..names import SUFFIXES, is_han, parse_name
from ..record import Date, Name
from .common import YEAR, Candidate, is_initials, take_identifiers, tidy

# -- author lists

_ELLIPSIS = re.compile(r"\s*(?:…|\.\s?\.\s?\.)\s*")
_ET_AL = re.compile(r",?\s*\bet\.?\s*al(?:ii)?\b\.?", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:,\s*(?:&|and)\s+|,?\s*&\s*|,?\s+and\s+|[,;])\s*")
_LEADING_INITIALS = re.compile(r"^((?:[A-Z][a-z]?\.\s*-?\s*)+)\s*([^\W\d_].*)$")
_GIVEN_FIRST = re.compile(r"^(?:[A-Z][a-z]?\.\s*-?\s*)+[^\W\d_]")
# APA prints a particle after the initials: ``Veen, L. J. van der``.
_PARTICLES = re.compile(r"^(?:(?:van|von|der|den|de|del|della|di|da|du|la|le|ter|ten|wa|bin|"
                        r"ibn|y|zu)\s*)+\.?$")


def author_list(text: str) -> tuple[list[Name], bool]:
    """The names of an author list as APA and Harvard print it, and whether it was cut short.

    Reads ``Family, I. I., Family, I., & Family, I.`` (or ``and``), ``Family I`` without
    comma, ``et al.``, APA 7's ``Family, I., . . . Last, I.``; a list with no initials is an
    organisation, kept whole as a literal name.
    """
    text = text.strip().strip(",;")
    text, cut = _ET_AL.sub("", text), bool(_ET_AL.search(text))
    if _ELLIPSIS.search(text):
        head, last = _ELLIPSIS.split(text, maxsplit=1)
        cut = True
        before, after = _people(head), _people(last)
        names = (before + after) if before is not None and after is not None else None
    else:
        names = _people(text)
    if names is None or not names:
        literal = text.strip(" .,;")
        return [Name(literal=body) for body in _bodies(literal)], cut
    return names, cut


# The word that ends an organisation's name: ``… Productivity Commission``.
_BODY_END = re.compile(r"\b(?:Commission|Department|Ministry|Institute|Association|Council|"
                       r"Agency|Bureau|Organi[sz]ation|Society|Foundation|Office|Authority|"
                       r"Centre|Center|Board|Service|Trust|University|Government)$")


def _bodies(literal: str) -> list[str]:
    """Organisations joined by ``&`` (``X Commission & Y Commission``), each whole name
    ending as a body's does; one organisation otherwise (``Department for Business
    Innovation & Skills``)."""
    if not literal:
        return []
    pieces = [p.strip() for p in re.split(r",?\s+&\s+", literal)]
    if len(pieces) > 1 and all(len(p.split()) >= 2 and _BODY_END.search(p) for p in pieces):
        return pieces
    return [literal]


def _people(text: str) -> list[Name] | None:
    """Persons from ``Family, I., Family, I.``; None when the text has no person's name."""
    parts = [p for p in _NAME_SEPARATOR.split(text.strip(" ,;")) if p]
    names: list[Name] = []
    family = suffix = ""
    for part in parts:
        if not family and _suffixed(part):
            family, suffix = part.rsplit(" ", 1)  # Elsevier's ``Strunk Jr., W.``
        elif family and is_initials(part):
            names.append(Name(family=family, given=part, suffix=suffix))
            family = suffix = ""
        elif family and _LEADING_INITIALS.match(part) and not is_han(part):
            initials, rest = _LEADING_INITIALS.match(part).groups()
            particle = rest.strip(" .") if _PARTICLES.match(rest) else ""
            names.append(Name(family=family, given=initials.strip(),
                              dropping_particle=particle))
            family = "" if particle else rest
        elif family and _GIVEN_NAMES.match(part):
            names.append(Name(family=family, given=part, suffix=suffix))  # ``Pringle, Gillian S.``
            family = suffix = ""
        elif names and not family and part.lower() in SUFFIXES:
            last = names.pop()
            names.append(Name(family=last.family, given=last.given, suffix=part))
        elif not family and is_han(part) and not re.search(r"[A-Za-z]", part):
            names.append(parse_name(part.replace(" ", "")))
        elif not family and _family_initials(part):
            words = part.split()
            names.append(Name(family=" ".join(words[:-1]), given=words[-1]))
        elif family:
            return None
        else:
            family = part
    if family:
        if not names:
            return None
        names.append(Name(family=family.strip(" .")))
    return names


# Given names written out, closed by an initial: ``Gillian S.``, ``Lanelle P.``.
_GIVEN_NAMES = re.compile(r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)*(?:\s[A-Z]\.)+$")


def _suffixed(part: str) -> bool:
    """``Strunk Jr.``: a family name with its suffix, the initials to follow."""
    words = part.split()
    return len(words) >= 2 and words[-1].lower() in SUFFIXES and words[0][:1].isupper()


def _family_initials(part: str) -> bool:
    """``Halloran JT``, ``Greenhalgh T.``: a family name with initials after it, no comma
    between (Harvard variants)."""
    words = part.split()
    return len(words) >= 2 and is_initials(words[-1]) and not is_initials(
        words[0]) and words[0][:1].isupper() and not _LEADING_INITIALS.match(part)


def editor_list(text: str) -> tuple[list[Name], bool]:
    """Editors as APA prints them (``R. F. Subotnik, P. Kubilius, & F. C. Worrell``), or
    inverted as Harvard does (``Atkinson, A. and Bourguignon, F.``)."""
    text = text.strip().strip(",;")
    bare = bool(_BARE_GIVEN_FIRST.match(text))
    if not _GIVEN_FIRST.match(text) and not bare:
        return author_list(text)
    text, cut = _ET_AL.sub("", text), bool(_ET_AL.search(text))
    names = []
    leading = _BARE_GIVEN_FIRST if bare else _LEADING_INITIALS
    for piece in _NAME_SEPARATOR.split(text):
        match = leading.match(piece.strip())
        if match:
            names.append(Name(family=match[2].strip(" ."), given=match[1].strip()))
        elif piece.strip(" ."):
            names.append(parse_name(piece))
    return names, cut


# AGSM's editors, ``A Mayne`` or ``AB Smith and C Lee``: initials without points, given first.
_BARE_GIVEN_FIRST = re.compile(r"^([A-Z]{1,3})\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
                               r"(?=$|,|\s+and\s|\s*&)")
_ROLE = re.compile(r"\s*\((?P<role>Eds?|Comps?|Trans|Dir|Ed\. & Trans)\.?\)\s*\.?$",
                   re.IGNORECASE)
# APA 7 gives an author's user name after the name: ``Garcia, P. [PaulGarcia].``
_HANDLE = re.compile(r"(?<=[\w.])\s*\[@?[\w.-]{2,40}\]\s*\.?$")
# APA names the maker of a film or a show by role: ``Foreman, M. (Director).``; the maker is
# the work's author.
_MAKER = re.compile(r"\s*\((?:Director|Producer|Executive Producer|Writer|Host|Creator|"
                    r"Composer|Artist|Photographer)s?(?:\s*(?:&|and)\s*[A-Z][a-z ]+)?\)\s*\.?$")


def read_authors(head: str, candidate: Candidate) -> None:
    """The names before the date: authors, or editors (translators) marked ``(Ed.)``,
    ``(Eds.)``, ``(eds)``, ``(Trans.)``."""
    handle = _HANDLE.search(head)
    if handle:
        set_aside_layout("", candidate, handle.group())  # the user name, APA 7's ``[Handle]``
        head = head[:handle.start()]
    maker = _MAKER.search(head)
    if maker:
        set_aside_layout("", candidate, maker.group())
        head = head[:maker.start()]
    role = _ROLE.search(head)
    variable = "author"
    if role:
        head = head[:role.start()]
        variable = "translator" if role["role"].lower().startswith("trans") else "editor"
    candidate.set_names(variable, author_list(head))


# -- dates

# What stands for the date of an undated, unpublished or coming work.
UNDATED = r"(?i:n\.\s?d\.?(?:-[a-z])?|no date|undated|in press|forthcoming|s\.\s?f\.)"


def date_of(text: str) -> Date | None:
    """``2019``, ``2019, May 4``, ``21-23 March 2018``, ``2015, July/August`` (year only: two
    months), ``2001, Spring`` (year only); None without a year."""
    year = YEAR.search(text)
    if not year:
        return None
    rest = text[:year.start()] + " " + text[year.end():]
    months = [month_number(w) for w in re.findall(r"[A-Za-z]{3,}", rest)]
    months = [m for m in months if m]
    days = re.findall(r"(?<![\d-])\d{1,2}(?![\d-])", rest)
    ranged = re.search(r"\d\s*[-–]\s*\d", rest)
    if len(months) != 1:
        return Date((int(year[1]),))
    if len(days) == 1 and not ranged and 1 <= int(days[0]) <= 31:
        return Date((int(year[1]), months[0], int(days[0])))
    return Date((int(year[1]), months[0]))


# -- sentences and the bracketed groups that close them

# A period between two Han characters ends a sentence with no space after it, as Chinese
# references are often set (``眼动研究.心理科学,31,1287-1290.``).
_HAN_PERIOD = r"|(?<=[\u3400-\u9fff])\.(?=[\u3400-\u9fff])"
_SENTENCE_MARKS = re.compile(r"[.?!](?=[”\"’]?(?:\s|$))|[()\[\]]" + _HAN_PERIOD)
_CLAUSE_MARKS = re.compile(r"[.?!,](?=[”\"’]?(?:\s|$))|[()\[\]]" + _HAN_PERIOD)
# Abbreviations a period does not end a sentence after: the styles' own, and the words of
# abbreviated journal titles (``J. Sleep Res. 28``).
_ABBREVIATIONS = frozenset(
    "vol vols no nos pp p rev cat trans st dr mr mrs ms vs jr sr inc ltd co corp "
    "al e.g i.e etc n.d dept univ assn natl intl "
    "res sci med phys chem biol lett eng appl soc econ psychol environ ecol ann proc "
    "comput math stat technol mater geophys clin neurosci educ manag polit "
    "commun int am br eur acad assoc inst syst anal biochem mol microbiol pharmacol genet surg "
    "nutr agric geol philos struct mech theor exp curr adv "
    "ph.d d.phil m.phil".split())


def sentence_end(text: str, start: int = 0, commas: bool = False) -> int:
    """Index of the first period, ``?`` or ``!`` that ends a sentence of `text` (outside
    brackets, not after an initial or abbreviation); with `commas`, a comma ends it too.
    ``len(text)`` when none does."""
    marks = _CLAUSE_MARKS if commas else _SENTENCE_MARKS
    depth = 0
    for match in marks.finditer(text, start):
        mark, index = match.group(), match.start()
        if mark in "([":
            depth += 1
        elif mark in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and not (mark == "." and _abbreviated(text, index)):
            return index
    return len(text)


def _abbreviated(text: str, index: int) -> bool:
    """Whether the period at `index` closes an initial, an abbreviation, or an ellipsis
    within a sentence."""
    word = text[text.rfind(" ", 0, index) + 1:index]
    if word.endswith(".") and text[index + 1:].lstrip()[:1].islower():
        return True  # ``Adam et Eve ... la nomenclature``
    if len(word) == 1 and word.isupper():
        return True
    return (word.lower().lstrip("([“\"‘") in _ABBREVIATIONS
            or bool(re.fullmatch(r"(?:\w\.)+\w", word)))


def split_sentence(text: str, start: int = 0) -> tuple[str, str]:
    """`text` cut after its first sentence (see `sentence_end`): ``(first, rest)``; a
    question or exclamation mark and a closing quotation mark after the period stay with
    the first."""
    end = sentence_end(text, start)
    if text[end:end + 1] in ("?", "!"):
        end += 1
        first, rest = text[:end], text[end:]
    else:
        first, rest = text[:end], text[end + 1:]
    if rest[:1] in ("”", '"', "’"):
        first, rest = first + rest[0], rest[1:]
    return first, rest.lstrip()


def sentences(text: str) -> Iterator[str]:
    """The sentences of `text` as `sentence_end` cuts them, stripped, empty ones left out."""
    start = 0
    while start < len(text):
        end = sentence_end(text, start)
        piece = text[start:end].strip(" .,;")
        if piece:
            yield piece
        start = end + 1


def peel_groups(text: str) -> tuple[str, list[str]]:
    """``Title (7th ed.) [Data set]`` → ``("Title", ["(7th ed.)", "[Data set]"])``: the
    bracketed groups that close `text`, in reading order."""
    groups: list[str] = []
    text = text.strip()
    for _ in range(4):
        if not text.endswith((")", "]")):
            break
        opener = "(" if text[-1] == ")" else "["
        start = text.rfind(opener)
        if start < 0 or text.find(text[-1], start) != len(text) - 1:
            break
        groups.insert(0, text[start:])
        text = text[:start].rstrip()
    return text, groups


_TITLE_WORDS = re.compile(
    r"(?<![-’'])\b(?!(?:of|the|and|for|on|in|at|de|du|des|la|le|der|für|y|et|al|und)\b)"
    r"[a-z][a-z]+\b|\b(?:guide|handbook|manual|introduction)\b|[?!:]", re.IGNORECASE)
_TITLE_NOUNS = frozenset({"guide", "handbook", "manual", "introduction"})
# ``Family, I.`` (perhaps ``Family, I. van der``) within the lead: names, not a title.
_INVERTED_NAME = re.compile(r",\s*(?:[A-Z]\.\s?)+(?:[a-z]{1,4}\s?){0,3}\.?(?:,|&|\s|$)"
                            r"|\bet al\.?$")


def reads_as_title(text: str) -> bool:
    """Whether a segment where the authors stand is rather a title (no author): a word in
    lower case other than ``of``/``the``/``and``..., a question, a subtitle; never a list with
    an inverted name (``Family, I.``) or one closed by ``et al.``."""
    if _INVERTED_NAME.search(text):
        return False
    return any(not m.group()[0].isupper() or m.group().lower() in _TITLE_NOUNS
               or m.group() in "?!:" for m in _TITLE_WORDS.finditer(text))


# -- identifiers and layout

_LISTED_ELLIPSIS = re.compile(r"(?:,\s*\.\s?\.\s?\.|\.\s\.\s\.)\s*")


def strip_identifiers(text: str, candidate: Candidate) -> str:
    """`take_identifiers`, with the ellipsis before the last author (APA 7's ``, . . .``,
    APA 6's ``, ...``) kept as ``…``, which its tidying would fold to one period."""
    if ". ." in text or ", ..." in text:
        text = _LISTED_ELLIPSIS.sub(" … ", text)
    text = take_identifiers(text, candidate)
    retrieved = _RETRIEVED_ZH.search(text) if "自" in text else None
    if retrieved:
        if retrieved["date"]:
            year, month, day = map(int, re.split(r"[-./]", retrieved["date"]))
            if 1 <= month <= 12 and 1 <= day <= 31:
                candidate.dates["accessed"] = Date((year, month, day))
        candidate.skipped += " " + re.sub(r"[\d./-]", "", retrieved.group())
        text = text[:retrieved.start()].rstrip()
    return text


# The Chinese ``Retrieved … from`` left at the end once the URL is taken: ``2022-04-29 取自``
# (APA 6 as Chinese journals print it), ``检索自``, ``获取自``.
_RETRIEVED_ZH = re.compile(
    r"(?:(?<=[\s.,，。])|^)(?:(?P<date>\d{4}[-./]\d{1,2}[-./]\d{1,2})\s*)?"
    r"(?:取自|检索自|获取自)\s*[:：]?\s*$")


_LEFTOVERS = re.compile(
    r"\b(?:Retrieved|Available|Accessed|Viewed)(?:\s+(?:at|from|online|on))?\s*:?\s*(?:from)?"
    r"|<\s*>|\[\s*\]|\(\s*\)|https?://\S*|\bfrom\s*$", re.IGNORECASE)


def clear_leftovers(text: str) -> str:
    """The text without what removed identifiers leave behind: ``Retrieved from``,
    ``Available at:``, empty ``<>`` and brackets, a bare ``https://``."""
    return tidy(_LEFTOVERS.sub(" ", text))


# The words a reference spends on its own layout (not on any field) that `take_identifiers`
# leaves: "Retrieved … from", "pp.", "(Eds.)", "edn", "vol.", "no.", "et al.".
_LAYOUT_WORDS = re.compile(
    r"\bAvailable (?:at|from|online)\b|\b(?:Retrieved|[Aa]ccessed|[Vv]iewed)\b"
    r"|(?<=\d),? from\b|\bfrom$"
    r"|\bpp?\.(?=\s?[A-Za-z]?\d)|\b(?:edn|ed|Ed|eds|Eds|Trans|trans)\b\.?(?=[),.\s])"
    r"|\b(?:[Vv]ol|[Nn]o|Art)\.(?=\s?\d)|\bArticle(?= [A-Za-z]?\d)"
    r"|\bet al\b|\bUMI\b")


def set_aside_layout(text: str, candidate: Candidate, also: str = "") -> None:
    """Count the layout words of `text` (and `also`: text read and left out on purpose, such
    as a database name, or the words of a date, which `Date` keeps as numbers) as
    explained: `Candidate.skipped`."""
    words = " ".join(match.group() for match in _LAYOUT_WORDS.finditer(text))
    candidate.skipped = " ".join(p for p in (candidate.skipped, words, also) if p)

