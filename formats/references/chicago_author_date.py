"""Chicago author-date bibliography entries (CMOS chapter 15): the year straight after the
names, then the title and its sentences (`chicago_work`):

    Family, Given, and Given Family. 2016. Title of Book. 4th ed. Place: Publisher.
    Family, Given. 2015. “Title of Article.” Journal 109 (2): 326–38. https://doi.org/…
    Family, Given. 2016. “Chapter.” In Book, edited by Given Family, 167–95. Place: Publisher.
    Family, Given. 2020. “Title.” Newspaper, November 15.
"""

from __future__ import annotations

import re

from ..names import is_organisation
from ..record import Date, Name
from .chicago_work import read_work
from .common import Candidate, Reference
from .humanities import DIGIT, OPENING_QUOTES, periodical_type, plainly_other, take_locations
from .humanities_names import is_name_block, set_contributors, written_out

# The year, or the word for none, after the names (or, unsigned, the quoted title).
_YEAR = r"(?:(?P<year>(?:1[5-9]|20)\d\d)[a-z]?|(?P<none>n\.\s?d|forthcoming|undated))\."
_YEAR_AFTER_NAMES = re.compile(
    r"[.”\"]\s*(?:\(\d{4}\)\s+)?(?:(?:1[5-9]|20)\d\d[a-z]?|n\.\s?d|forthcoming|undated)\.\s")
_AUTHOR_DATE_HEAD = re.compile(
    rf"(?P<names>[^\"“”‘]{{2,300}}?)\.\s*(?:\((?P<original>\d{{4}})\)\s+)?{_YEAR}\s+")
_UNSIGNED_HEAD = re.compile(rf"(?P<title>[“\"][^“”\"]+[”\"])\s+{_YEAR}\s+")


def parse_author_date(reference: Reference) -> Candidate | None:
    """``Family, Given. 2016. Title. Place: Publisher.`` and the rest of CMOS chapter 15; an
    unsigned work's quoted title stands where the names go (``“Title.” 1999. Journal…``)."""
    text = reference.text
    if plainly_other(text) or not _YEAR_AFTER_NAMES.search(text, 0, 400):
        return None
    candidate = Candidate("chicago-author-date", "book")
    rest = take_locations(text, candidate)
    head = _AUTHOR_DATE_HEAD.match(rest)
    unsigned = _UNSIGNED_HEAD.match(rest) if not head else None
    if unsigned:
        head, body = unsigned, f"{unsigned['title']} {rest[unsigned.end():]}"
    elif head and _names_fit(head["names"]):
        set_contributors(candidate, head["names"])
        body = rest[head.end():]
    elif head and _is_hierarchy(head["names"]):
        candidate.set_names("author", ([Name(literal=head["names"])], False))
        body = rest[head.end():]
    else:
        return None
    year = int(head["year"] or 0)
    if year:
        candidate.dates["issued"] = Date((year,))
    candidate.skipped += f" {head['none'] or ''}"  # ``n.d.``: the style's word for no date
    marks, _ = read_work(body, candidate, year)
    if "title" not in candidate.fields:
        return None
    _newspaper_for_author(candidate, body)
    candidate.evidence = min(2.0, 1.0 + 0.5 * marks + 0.5 * written_out(candidate))
    return candidate


def _names_fit(block: str) -> bool:
    """Inverted personal names, or an organisation's name (no comma, no digits)."""
    if "," in block.partition("(")[0]:
        return is_name_block(block)
    return not DIGIT.search(block) and len(block.split()) <= 12


def _is_hierarchy(block: str) -> bool:
    """An organisation named with the body above it (``Colorado General Assembly, Colorado
    Commission on Higher Education``): names of two words or more, one an organisation's."""
    pieces = block.split(", ")
    return (1 < len(pieces) <= 4 and not DIGIT.search(block)
            and all(len(p.split()) >= 2 and p[:1].isupper() for p in pieces)
            and any(is_organisation(p) for p in pieces))


def _newspaper_for_author(candidate: Candidate, body: str) -> None:
    """An unsigned article puts its newspaper where the author goes (CMOS 15.47): ``New York
    Times. 2020. “Title.” November 15.``"""
    authors = candidate.names.get("author", [])
    if (len(authors) == 1 and authors[0].literal and body[:1] in OPENING_QUOTES
            and candidate.type == "article" and "issued" in candidate.dates
            and len(candidate.dates["issued"].parts) > 1
            and set(candidate.fields) == {"title"}):
        candidate.fields["container-title"] = authors[0].literal
        del candidate.names["author"]
        candidate.type = periodical_type(authors[0].literal, False)

