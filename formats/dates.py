"""Dates as sources write them, parsed into CSL `Date`s."""

from __future__ import annotations

import re

from .record import Date

MONTHS = {
    name: number for number, names in enumerate((
        ("jan", "january", "janvier", "januar"), ("feb", "february", "février", "februar"),
        ("mar", "march", "mars", "märz"), ("apr", "april", "avril"), ("may", "mai"),
        ("jun", "june", "juin", "juni"), ("jul", "july", "juillet", "juli"),
        ("aug", "august", "août"), ("sep", "sept", "september", "septembre"),
        ("oct", "october", "octobre", "oktober"), ("nov", "november", "novembre"),
        ("dec", "december", "décembre", "dezember")), start=1)
    for name in names
}
SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
# ISO 8601-2 (EDTF) codes for seasons in the month position, as biber writes them.
EDTF_SEASONS = {21: 1, 22: 2, 23: 3, 24: 4}

_EDTF_PART = re.compile(r"^(?P<year>-?\d{1,4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?"
                        r"(?:T[\d:.+\-Z]*)?(?P<flags>[~?%]*)$")


def parse_edtf(text: str) -> Date | None:
    """``2019``, ``2019-07-15``, ``2019-21`` (spring), ``1850~`` (circa), ``2019/2020`` or
    ``2019-03/2019-05`` (ranges; an open end is dropped); None when `text` is not such a date."""
    text = text.strip()
    start_text, _, end_text = text.partition("/")
    start = _edtf_part(start_text)
    if start is None:
        return None
    end = _edtf_part(end_text) if end_text and end_text != ".." else None
    if end_text and end_text != ".." and end is None:
        return None
    return Date(start.parts, end.parts if end else (), start.season, start.circa)


def _edtf_part(text: str) -> Date | None:
    match = _EDTF_PART.match(text.strip())
    if not match:
        return None
    year, month, day = int(match["year"]), int(match["month"] or 0), int(match["day"] or 0)
    season = EDTF_SEASONS.get(month)
    if season:
        return Date((year,), season=str(season), circa="~" in match["flags"])
    if not 0 <= month <= 12 or not 0 <= day <= 31:
        return None
    parts = tuple(n for n in (year, month, day) if n) if month else (year,)
    return Date(parts, circa="~" in match["flags"] or "%" in match["flags"])


def month_number(text: str) -> int:
    """``mar``, ``March``, ``3`` or ``03`` → 3; 0 when `text` names no month."""
    word = text.strip().strip(".").lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else 0
    return MONTHS.get(word, 0)


def parse_loose(text: str) -> Date:
    """Any date text: an EDTF date, ``March 2019``, ``2019 Spring``; else a literal date."""
    found = parse_edtf(text)
    if found:
        return found
    year = re.search(r"\b(\d{4})\b", text)
    if not year:
        return Date(literal=text.strip())
    rest = (text[:year.start()] + " " + text[year.end():]).lower()
    words = re.findall(r"[^\W\d_]+", rest)
    months = [month_number(w) for w in words if month_number(w)]
    seasons = [w for w in words if w in SEASONS]
    day = re.search(r"\b(\d{1,2})\b", rest)
    if months:
        parts = (int(year[1]), months[0]) + ((int(day[1]),) if day else ())
        return Date(parts)
    if seasons:
        return Date((int(year[1]),), season=str(SEASONS[seasons[0]]))
    return Date((int(year[1]),)) if not words else Date(literal=text.strip())
