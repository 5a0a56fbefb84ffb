"""What the numbered styles' grammars (IEEE, Vancouver) cut a reference into: sentences that
end at full stops but not at abbreviations, comma-separated elements outside brackets, and the
dates they print; and the test that sends another style's references (Han script, GB/T type
codes) away before any of that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..record import Date
from .common import YEAR, parse_any_date

# GB/T's type codes and Han script: references of another style.
_FOREIGN = re.compile(r"\[(?:[A-Z]{1,2})(?:/OL)?\]|[\u3400-\u9fff]")
_STOP = re.compile(r"(?P<word>[\w'’)\]]*)(?P<mark>[.?!])\s+(?=\S)")
_DAY_SPAN = re.compile(r"\b\d{1,2}\s*[-–]\s*\d{1,2}\b,?")


def is_foreign(text: str) -> bool:
    """Whether `text` is no reference of a Latin-script numbered style: it is too long for one,
    holds Han script or a GB/T type code (``[J]``, ``[EB/OL]``)."""
    return len(text) > 2000 or bool(_FOREIGN.search(text))


def stops(text: str, not_stops: frozenset[str], initials: bool = True) -> Iterator[re.Match]:
    """The sentence ends of `text` (``.``, ``?``, ``!`` and the space after), skipping full
    stops after the words in `not_stops`, inside parentheses or brackets, and — unless
    `initials` — after a single letter (an initial's). The match's ``word`` group is the word
    before the mark, its ``mark`` group the mark."""
    depth = 0
    position = 0
    for match in _STOP.finditer(text):
        depth += _depth(text[position:match.end()])
        position = match.end()
        if match["mark"] != ".":
            yield match
            continue
        word = match["word"]
        initial = len(word) < 2 and not word.isdigit() and word not in (")", "]")
        if depth > 0 or word in not_stops or (initial and not initials):
            continue
        yield match


def _depth(text: str) -> int:
    return text.count("(") - text.count(")") + text.count("[") - text.count("]")


def sentences(text: str, not_stops: frozenset[str]) -> list[str]:
    """`text` cut at its sentence ends (see `stops`); a ``?`` or ``!`` stays with its
    sentence, a full stop does not."""
    found: list[str] = []
    start = 0
    for match in stops(text, not_stops):
        keep = 0 if match["mark"] == "." else 1
        found.append(text[start:match.start("mark") + keep])
        start = match.end()
    found.append(text[start:].rstrip(". "))
    return [s.strip() for s in found if s.strip(" .")]


def segments(text: str, separator: str = ",") -> list[str]:
    """`text` cut at each `separator` outside parentheses and brackets, the pieces trimmed."""
    pieces: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        elif char == separator and not depth:
            pieces.append(text[start:index])
            start = index + 1
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces]


# Month names of the Scandinavian lists that the shared date reader does not know.
_NORDIC_MONTHS = {"mars": "Mar", "marts": "Mar", "mai": "May", "maj": "May", "juni": "Jun",
                  "juli": "Jul", "okt": "Oct", "oktober": "Oct", "des": "Dec",
                  "desember": "Dec", "december": "Dec", "januar": "Jan", "januari": "Jan",
                  "februar": "Feb", "februari": "Feb", "augusti": "Aug"}
_NORDIC_MONTH = re.compile(r"\b(?:" + "|".join(_NORDIC_MONTHS) + r")\b\.?", re.IGNORECASE)


def span_date(text: str) -> Date | None:
    """A date as the numbered styles print it: ``2010 Nov 19``, ``Jan.–Feb. 2019``, ``c2006``,
    ``Nov. 4, 1978``; a span of days (``2015 May 4-6``) gives the month it falls in, any other
    range its start; a year alone when nothing else reads."""
    text = text.strip().lstrip("c").rstrip("-–")
    text = _NORDIC_MONTH.sub(lambda m: _NORDIC_MONTHS[m.group().rstrip(".").lower()], text)
    spanned = _DAY_SPAN.search(text)
    date = parse_any_date(_DAY_SPAN.sub("", text) if spanned else text)
    if date and spanned:
        return Date(date.parts[:2])
    if date is None:
        year = YEAR.search(text)
        date = Date((int(year.group()),)) if year else None
    return date
