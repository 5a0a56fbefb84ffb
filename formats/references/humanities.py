"""What Chicago (both systems) and MLA read alike: locations, dates written out (``May 3,
1984``, ``3 July 2012``), quoted titles, an entry cut into its sentences, ``Place:
Publisher``, and the kinds of periodical a name tells.

The names these styles print — the first inverted, the others given name first — are read
in `humanities_names`; what the sentences after a title say, in `chicago_work` (MLA's
containers in `mla`).
"""

from __future__ import annotations

import re

from ..dates import month_number, season_number
from ..names import HAN
from ..record import Date
from .common import Candidate, han_share, take_identifiers, tidy

# No reference runs this long; a text that does is not one.
LONGEST = 1500

# -- locations

_TOP_LEVEL = ("com", "org", "edu", "gov", "net", "int", "mil", "info", "io", "co", "uk", "ca",
              "au", "de", "fr", "nz", "ie", "in", "us", "eu")
_BARE_URL = re.compile(r"(?<![\w@/.])(?:[a-z0-9-]+\.)+(?:" + "|".join(_TOP_LEVEL)
                       + r")\b/\S*")


def take_locations(text: str, candidate: Candidate) -> str:
    """`take_identifiers`, and a location printed without ``https://`` (MLA's
    ``pdxscholar.library.pdx.edu/…``)."""
    rest = take_identifiers(text, candidate)
    if "URL" in candidate.fields or "/" not in rest:
        return rest
    match = _BARE_URL.search(rest)
    if not match:
        return rest
    candidate.set("URL", match.group(0).rstrip(".,;"))
    return tidy(f"{rest[:match.start()]} {rest[match.end():]}")


# -- dates

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_SEASON = r"(?:Spring|Summer|Fall|Autumn|Winter)"
_DAYS = r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
_MONTHS = rf"{MONTH}(?:\s*[-–/]\s*{MONTH})?"
# ``May 3, 1984``, ``October 22``, ``15 November 2020``, ``Apr./May 2016``, ``Spring 2007``.
DATE = (rf"(?:{_MONTHS}\s+{_DAYS}(?:,\s*\d{{4}})?|{_DAYS}\s+{_MONTHS}(?:\s+\d{{4}})?"
        rf"|(?:{MONTH}|{_SEASON})(?:\s*[-–/]\s*(?:{MONTH}|{_SEASON}))?\s+\d{{4}})")
# A year standing alone, or the words for none.
YEAR_OR_NONE = r"(?:1[5-9]|20)\d\d[a-z]?|n\.\s?d\.?|forthcoming|undated"
# The year (or the word for none) opening what follows the names: a style that dates there.
YEAR_FIRST = re.compile(rf"\(?(?:{YEAR_OR_NONE})\)?(?:[.,:]|\s|$)")
_DATE_TOKENS = re.compile(r"\d+|[^\W\d_]+")


def read_date(text: str, year: int = 0) -> Date | None:
    """A date as Chicago and MLA print it (see `DATE`, or a bare year); `year` stands in when
    the text has none (author-date's ``October 22`` after the year). A range of months or days
    keeps only what the two ends share."""
    months: list[int] = []
    days: list[int] = []
    for token in _DATE_TOKENS.findall(text):
        if token.isdigit():
            if len(token) == 4:
                year = int(token)
            elif len(token) <= 2:
                days.append(int(token))
        elif month_number(token):
            months.append(month_number(token))
        elif not season_number(token) and token.lower() not in _DATE_WORDS:
            return None
    if not year:
        return None
    if len(months) != 1:
        return Date((year,))
    if len(days) != 1 or not 1 <= days[0] <= 31:
        return Date((year, months[0]))
    return Date((year, months[0], days[0]))


_DATE_WORDS = frozenset("last modified updated published posted revised on c ca".split())

# -- titles and sentences

OPENING_QUOTES = "“\"‘'"

_STOP_IN_QUOTATION = re.compile(r"[.,](['’\"”])$")
_CLOSING = {"“": "”\"", '"': '"”', "‘": "’'", "'": "'’"}


def split_quoted_title(text: str) -> tuple[str, str] | None:
    """``“Title.” Rest`` → ``("Title", "Rest")`` (the full stop or comma inside the quotes
    dropped, a question mark kept); None when `text` does not open with a quote or the quote
    is never closed."""
    if not text or text[0] not in _CLOSING:
        return None
    closers = _CLOSING[text[0]]
    single = text[0] in "‘'"
    position = 1
    while True:
        found = [i for i in (text.find(c, position) for c in closers) if i >= 0]
        if not found:
            return None
        end = min(found)
        after = text[end + 1:end + 2]
        closes = (text[end - 1] in ".,?!" or after in (",", ".", ":", ";")) if single else (
            after in ("", " ", ",", ".", ":", ";", ")"))
        if closes and end > 1:
            # the stop that closes the title may stand inside a quotation ending it
            title = _STOP_IN_QUOTATION.sub(r"\1", text[1:end].strip().rstrip(",.")).strip()
            return title, text[end + 1:].lstrip(" .,;:")
        position = end + 1


# A stop and the space after it; or, the space left out, a stop after a number before a word
# (``pp. 571-86.EBSCOhost``).
_STOP = re.compile(r"[.?!]\s+|(?<=\d)\.(?=[A-Z][A-Za-z])")
# A word a full stop closes that is an initial or an abbreviated given name.
INITIAL = re.compile(r"[A-Z](?:\.-?[A-Z])?|Ph|Th|Wm|Chas|Jas|Geo")
_ABBREVIATIONS = frozenset(
    "st mr mrs ms dr vs cf ca univ dept mt ft rev repr col capt lt gen gov prof sr jr "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations a number follows (``vol. 2``, ``no. IV``); before a word they end a sentence
# (``2 vols. Berkeley``).
_NUMBER_ABBREVIATIONS = frozenset("vol vols no nos pp p pt pts ch chap fig sec".split())
# A word in lower case that opens a sentence all the same (``eBook ed.``).
_CAMEL_CASE = re.compile(r"[a-z]{1,2}[A-Z]")
# Abbreviated roles a comma and the names follow (``, ed. Given Family``).
_ROLES_BEFORE_NAMES = frozenset("ed eds trans comp comps".split())
_NUMBER_AFTER = re.compile(r"[A-Z]{0,5}\s?\d|[IVXLC]+\b|[A-Z](?:[\s,.:;)]|$)")


def sentences(text: str) -> list[tuple[str, str]]:
    """`text` cut into its sentences, each with the mark that closed it (``.``, ``?``, ``!``;
    ``""`` for the last). A full stop after an initial (``Alfred A. Knopf``), an abbreviation
    (``vol. 2``) or a word with stops inside (``D.C.``), or before a lower-case word, goes on."""
    pieces: list[tuple[str, str]] = []
    start = 0
    for stop in _STOP.finditer(text):
        mark = text[stop.start()]
        if mark == "." and _goes_on(text, start, stop):
            continue
        pieces.append((trim(text[start:stop.start() + (mark != ".")]), mark))
        start = stop.end()
    last = trim(text[start:])
    if last:
        pieces.append((last, ""))
    return [(piece, mark) for piece, mark in pieces if piece]


def _goes_on(text: str, start: int, stop: re.Match) -> bool:
    if stop.end() >= len(text) or (text[stop.end()].islower()
                                   and not _CAMEL_CASE.match(text, stop.end())):
        return True
    space = text.rfind(" ", start, stop.start())
    word = text[max(space + 1, start):stop.start()].lstrip("(")
    if word.lower() in _ROLES_BEFORE_NAMES and space > start and text[space - 1] == ",":
        return True  # ``In Book, ed. Ruth N. Anshen, 661–72``
    if INITIAL.fullmatch(word):  # ``Vladimir P. Nedjalkov``, not ``p. 12``
        return True
    if word.lower() in _NUMBER_ABBREVIATIONS:
        return bool(_NUMBER_AFTER.match(text, stop.end()))
    return word.lower() in _ABBREVIATIONS or "." in word


def trim(piece: str) -> str:
    """A sentence without its closing full stop (one that closes no initial) and the commas
    and semicolons at its ends."""
    piece = piece.strip()
    word = piece.rsplit(" ", 1)[-1]
    if piece.endswith(".") and not INITIAL.fullmatch(word[:-1]) and "." not in word[:-1]:
        piece = piece[:-1]
    return piece.strip(" ,;")


# -- publishers and periodicals

_PLACE_PUBLISHER = re.compile(r"(?P<place>[^\W\d_][^:\d;]{0,60}?)\s*:\s*(?P<publisher>[^:;]+)")
_REPRINT = re.compile(r"(?:Reprint|Repr\.|Reissued?),?\s+", re.IGNORECASE)
_TRAILING_DATE = re.compile(
    rf",\s*(?P<date>{YEAR_OR_NONE}|{DATE})$")


def place_and_publisher(text: str) -> tuple[str, str] | None:
    """``New Haven, CT: Yale University Press`` → ``("New Haven, CT", "Yale University
    Press")``; None when `text` is not a place (six words at most) and a publisher."""
    match = _PLACE_PUBLISHER.fullmatch(_REPRINT.sub("", text, count=1).strip())
    if not match:
        return None
    place, publisher = match["place"].strip(" ,"), match["publisher"].strip(" ,")
    words = place.split()
    if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or w in _PLACE_WORDS for w in words):
        return None
    if place.lower() in _NOT_PLACES or _EDITORS_AFTER.search(publisher):
        return None  # ``In: Key MR, editors``: Vancouver's host, not a place and publisher
    if not is_plain_name(publisher) or _SUBTITLE_OPENING.match(publisher):
        return None
    return place, publisher


# A publisher's name does not open with an indefinite article; a subtitle may
# (``Africana Collections: An Illustrated Guide``).
_SUBTITLE_OPENING = re.compile(r"An?\s")
_PLACE_WORDS = frozenset("on upon am an der de la le sur in of and".split())
# Words a colon follows that are no place: ``In:``, ``Available from:``, ``Retrieved from:``.
_NOT_PLACES = frozenset({"in", "available", "available from", "available at", "retrieved from",
                         "accessed", "from", "url", "online", "source", "doi", "note"})
_EDITORS_AFTER = re.compile(r",\s*(?:eds?|editors?|comps?|compilers?)\.?$", re.IGNORECASE)


def is_plain_name(text: str) -> bool:
    """Whether a sentence no pattern knew can be a name (a website's, a publisher's): short,
    without numbers."""
    return len(text.split()) <= 10 and not _NOT_IN_A_NAME.search(text) and " by " not in text


DIGIT = re.compile(r"\d")
_NOT_IN_A_NAME = re.compile(r"[\d\[\]]")  # numbers, and IEEE's ``[Online]``


def split_trailing_date(text: str) -> tuple[str, Date | None]:
    """``Publisher, 2007`` → ``("Publisher", 2007)``; `text` and None without a date."""
    match = _TRAILING_DATE.search(text)
    if not match:
        return text, None
    return text[:match.start()].strip(), read_date(match["date"])


NEWSPAPER_WORDS = frozenset(
    "times post herald tribune guardian gazette chronicle observer telegraph independent "
    "inquirer globe courier dispatch examiner mirror newsday financial".split())
_NEWSPAPER_TITLES = ("wall street journal", "usa today", "le monde", "daily ", "sun-times")
MAGAZINE_WORDS = frozenset(
    "magazine weekly monthly newsweek time slate salon wired economist statesman spectator "
    "vogue forbes fortune nation atlantic yorker esquire people harper's harper’s".split())
_MAGAZINE_TITLES = ("rolling stone", "vanity fair", "national geographic", "scientific american",
                    "new republic")


def periodical_type(container: str, online: bool) -> str:
    """The CSL type of an article in `container` printed with a date and no volume: a
    newspaper or magazine by its name, else a web page when `online`, else a magazine."""
    lower = container.lower()
    words = set(re.findall(r"[\w'’]+", lower))
    if words & NEWSPAPER_WORDS or any(title in lower for title in _NEWSPAPER_TITLES):
        return "article-newspaper"
    if words & MAGAZINE_WORDS or any(title in lower for title in _MAGAZINE_TITLES):
        return "article-magazine"
    return "webpage" if online else "article-magazine"


_DATABASES = ("jstor", "proquest", "ebsco", "gale", "lexisnexis", "nexis uni", "factiva",
              "hathitrust", "project muse", "academic search", "google books", "business source",
              "web of science", "scopus", "psycinfo", "westlaw", "heinonline", "sciencedirect",
              "springerlink", "wiley online", "oxford reference", "cambridge core", "kanopy")


def is_database(text: str) -> bool:
    """Whether `text` names a database an item was read in (``JSTOR``, ``ProQuest Ebook
    Central``), which the record does not keep."""
    return text.lower().startswith(_DATABASES)



def plainly_other(text: str) -> bool:
    """Whether `text` is plainly in none of these styles: too long, in Han script (mostly, or
    from its start), or without a lower-case word."""
    if len(text) > LONGEST or not _LOWER_WORD.search(text):
        return True
    return han_share(text) > 0.3 or bool(HAN.search(text, 0, 40))


_LOWER_WORD = re.compile(r"[a-z]{3}")

