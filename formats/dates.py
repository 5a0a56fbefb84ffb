"""Dates as sources write them, parsed into CSL `Date`s: one parser for every reader."""

from __future__ import annotations

import re

from .record import Date


def month_number(text: str) -> int:
    """``mar``, ``March``, ``3`` or ``03`` → 3; 0 when `text` names no month."""
    word = text.strip().strip(".").lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else 0
    return _MONTHS.get(word, 0)


def season_from_month(parts: tuple[int, ...]) -> tuple[tuple[int, ...], str]:
    """Months 13-16 (citeproc-js) and 21-24 (EDTF) are the seasons, spring to winter."""
    if len(parts) == 2 and (13 <= parts[1] <= 16 or 21 <= parts[1] <= 24):
        return parts[:1], str(parts[1] % 4 or 4) if parts[1] < 20 else str(parts[1] - 20)
    return parts, ""


_MONTHS = {name: number for number, names in enumerate((
    "jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
    "aug august", "sep sept september", "oct october", "nov november", "dec december"),
    start=1) for name in names.split()}
_SEASONS = {"spring": "1", "summer": "2", "autumn": "3", "fall": "3", "winter": "4",
            "spr": "1", "sum": "2", "aut": "3", "fal": "3", "win": "4"}


def season_number(word: str) -> str:
    """``Spring``/``SPR`` → ``"1"`` ... ``Winter`` → ``"4"`` (CSL's seasons); "" otherwise."""
    return _SEASONS.get(word.strip().lower(), "")
_CIRCA = re.compile(r"^(?:circa|ca\.|ca|c\.|approx\.|approximately|about)\s*", re.IGNORECASE)
_ISO = re.compile(r"^(?P<y>-?\d{1,4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?"
                  r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_RANGE = re.compile(r"\s*/\s*|\s+[-–—]\s+|\s*[–—]\s*|(?<=^\d{4})-(?=\d{4}$)")


def parse_date(text: str) -> Date:
    """A ``raw`` date as citeproc-js reads it: ISO and EDTF forms (``2019-07-15``, ``2019/2020``,
    ``2019-21`` for spring, ``1850~``), ``circa 1850``, ``July 15, 2019``, ``15 Jul 2019``,
    ``Spring 2019``; anything else is kept as a literal date."""
    raw = text.strip()
    rest, circa = raw, False
    if _CIRCA.match(rest):
        rest, circa = _CIRCA.sub("", rest, count=1), True
    if rest.endswith(("~", "?", "%")):
        rest, circa = rest[:-1].strip(), True
    rest = _SLASHED.sub(r"\1-\2-\3", rest)
    parsed = _one_date(rest)
    if parsed is None:
        halves = _RANGE.split(rest, maxsplit=1)
        if len(halves) == 2:
            parsed = _date_range(*halves)
    if parsed is None:
        return Date(literal=raw)
    start, end, season = parsed
    return Date(start, end, season, circa)


def _date_range(first: str, second: str) -> tuple[tuple[int, ...], tuple[int, ...], str] | None:
    start, end = _one_date(first, need_year=False), _one_date(second)
    if start is None or end is None:
        return None
    if not start[0] or start[0][0] is None:  # "May - June 2019": the year comes at the end
        start = ((end[0][0], *start[0][1:]), (), start[2])
    return start[0], end[0], start[2] or end[2]


def _one_date(text: str, need_year: bool = True) -> tuple[tuple, tuple, str] | None:
    """``(parts, (), season)`` for one date, or None if `text` is not one."""
    match = _ISO.match(text)
    if match:
        parts = tuple(int(match[g]) for g in "ymd" if match[g])
        parts, season = season_from_month(parts)
        return (parts, (), season) if _valid(parts) else None
    return _worded_date(text, need_year)


def _worded_date(text: str, need_year: bool) -> tuple[tuple, tuple, str] | None:
    year = month = day = None
    season = ""
    for token in re.split(r"[\s,.]+", text.strip().lower()):
        if not token:
            continue
        if token in _MONTHS and month is None:
            month = _MONTHS[token]
        elif token in _SEASONS and not season:
            season = _SEASONS[token]
        elif token.isdigit() and len(token) <= 2 and day is None and int(token) <= 31:
            day = int(token)
        elif token.isdigit() and len(token) in (3, 4) and year is None:
            year = int(token)
        else:
            return None
    if (year is None and need_year) or (day is not None and month is None):
        return None
    if month is None and not season and year is None:
        return None
    parts: tuple = (year, month, day)
    while parts and parts[-1] is None:
        parts = parts[:-1]
    return parts, (), season


def _valid(parts: tuple[int, ...]) -> bool:
    return (len(parts) < 2 or 1 <= parts[1] <= 12) and (len(parts) < 3 or 1 <= parts[2] <= 31)
