"""IEEE references, as the IEEE Reference Guide lays them out and the grammar reads them.

    authors, “Title,” Journal, vol. 5, no. 2, pp. 10–20, Mar. 2019, doi: 10.x/y.
    authors, “Title,” in Proc. Conf. Name, City, Country, 2019, pp. 10–20.
    authors, “Title,” in Book Title, vol. 2, A. Editor, Ed. City, ST, USA: Publisher, 2019,
        pp. 10–20.
    authors, Book Title, 2nd ed., vol. 3. in Series, no. 4. City, ST, USA: Publisher, 2019.
    authors, “Title,” Ph.D. dissertation, Dept., Univ., City, ST, USA, 2019.
    authors, “Title,” Company, City, ST, USA, Tech. Rep. TR-12, 2019.
    Title of Standard, IEEE Std 802.11-2016, 2016.
    IEEE Standard for Title, 1900.6, IEEE, 2011.
    Title of Manual, Name of Co., Inc., City, ST, USA, 2022.
    authors, “Title,” U.S. Patent 4 084 217, Nov. 4, 1978.
    authors, “Title,” Site, Mon. Day, Year. [Online]. Available: URL. [Accessed: date].

Authors are ``Initials Family`` joined by commas and a last ``and`` (``A. B. Smith, C. Li, and
D. van Dam``), or an organisation; ``Ed.``/``Eds.`` after them makes them editors. A quoted
title is a part (article, paper, chapter, page); an unquoted one is a whole (book, standard,
software). What follows is read by `ieee_elements`.
"""

from __future__ import annotations

import re

from ..record import Name
from . import ieee_elements
from .common import Candidate, Grammar, Reference, take_identifiers, tidy
from .ieee_elements import ABBREVIATIONS, take_series
from .ieee_names import INITIALS_NAME, authors
from .pieces import is_foreign, span_date, stops

_OPEN_QUOTE = re.compile(r"[“\"]|''|‘‘")
_CLOSE_QUOTE = {"“": "”", '"': '"', "''": "''", "‘‘": "’’"}
_ONLINE = re.compile(r"\[\s*(?P<medium>Online|Internet|CD-ROM|DVD)\s*\]\.?", re.IGNORECASE)
_AVAILABLE = re.compile(r"\bAvailable(?:\s+(?:at|from|online))?\s*:?(?=\s*(?:$|[.\[]))",
                        re.IGNORECASE)
# A translation or reprint noted after the reference proper.
_TRANSLATION = re.compile(r"\s*\((?:Transl|Trans\.|Translated|Reprinted|in\s+(?:Russian|Chinese|"
                          r"Japanese|German|French|Spanish)\b)[^()]*\)\.?\s*$")
_STANDARD_NUMBER = re.compile(r"\b(?:Std\.?|Standard)\s+(?:[A-Z]+[\s.-]?)?\d"
                              r"|^(?:IEEE|ISO|IEC|ANSI)\s+(?:Standard|Std\.?|Guide|Recommended "
                              r"Practice)\s+(?:for|on)\b[^,]+,\s*\d+(?:\.\d+)+[a-z]?,")
# The guide's manual: ``Title, Abbrev. Name of Co., City, ST, Country, Year.``, no author.
_MANUAL = re.compile(r"^[A-Z][^,“\"]{3,120}\b(?:Manual|Guide|Handbook|Datasheet|Data Sheet),\s*"
                     r"[^,]+,\s*(?:Inc|LLC|Ltd|Corp|Co|GmbH|AG)\.?,\s*[^,]+(?:,\s*[^,]+){0,2},"
                     r"\s*(?:1[5-9]|20)\d\d\.?$")
# Marks of the styles that share IEEE's quoted titles: Chicago's ``16, no. 6 (2011)`` and
# ``ed. John Smith``.
_YEAR_IN_PARENTHESES = re.compile(r"\((?:1[5-9]|20)\d\d[a-z]?\)")
# The electronic sources of the older IEEE guide: ``Author. (1992, Aug.). Title. Journal.``
_DATED = re.compile(r"^\((?P<date>[^()]*(?:1[5-9]|20)\d\d[^()]*)\)\.?\s*")
_EDITION_IN_PARENTHESES = re.compile(r"\((\d+(?:st|nd|rd|th)\s+ed\.)\)")
_URL_ACCESSED = re.compile(r"\bhttps?://\S+\s+\(accessed\s+[A-Z][a-z]+\.?\s+\d{1,2},\s*"
                           r"(?:19|20)\d\d\)\.?$")
_PART_MARKS = re.compile(r"\d+\s*\(\d+\)|\b(?:vol|pp|no)\.\s*\d|\bpresented at\b",
                         re.IGNORECASE)
_FOREIGN_MARKS = re.compile(_YEAR_IN_PARENTHESES.pattern + r"|,\s+ed\.\s+[A-Z][a-z]")


def parse(reference: Reference) -> Candidate | None:
    """An IEEE reference: authors, a quoted title or an italic one, then marked elements."""
    text = reference.text
    if is_foreign(text) or not _looks_ieee(text) or _foreign_head(text):
        return None
    candidate = Candidate("ieee", "article-journal")
    candidate.evidence += 0.25 if re.search(r"\[Accessed", text) else 0.0
    # The 2018 guide's web page: ``Site. URL (accessed June 1, 2017).``
    candidate.evidence += 1.0 if _URL_ACCESSED.search(text) else 0.0
    text = _take_online(take_identifiers(text, candidate), candidate)
    names, role, truncated, text = authors(text) if not _untitled_standard(text) \
        else ([], "author", False, text)
    if names:
        candidate.names[role] = names
        candidate.skipped += " and" if len(names) > 1 else ""  # the list's last ``and``
        if truncated:
            candidate.truncated.add(role)
        # Initials before the family name for every author: IEEE's own signature.
        candidate.evidence += 1.0 if all(n.given.endswith(".") for n in names) else 0.0
        candidate.evidence += 0.25 if role == "editor" else 0.0
    dated = _DATED.match(text) if names else None
    if dated:
        return _dated(text[dated.end():], dated["date"], candidate)
    quoted = _OPEN_QUOTE.match(text)
    if quoted:
        title, rest = _quoted(text, quoted.group())
        if title.rstrip().endswith(".") and not candidate.evidence:
            return None  # ``"Title." Site``, no IEEE author and no IEEE mark: MLA's or Chicago's
        candidate.evidence += 1.0 if title.endswith(",") or rest.startswith(",") else 0.5
    elif names:
        title, rest = _plain_title(text)
    else:
        title, rest = _organisation_then_quote(text, candidate)
        quoted = title is not None
        if quoted:  # ``Organisation, “Title,”``: closed by a comma in IEEE, else a full stop
            candidate.evidence += 1.0 if title.endswith(",") or rest.startswith(",") else 0.5
        if not quoted and not _STANDARD_NUMBER.search(text) and not _MANUAL.match(text):
            return None  # no authors, no quoted title: nothing of IEEE's beginnings
        if not quoted:
            title, rest = _plain_title(text)
    if _FOREIGN_MARKS.search(rest):
        return None
    title = title.strip().strip(",.").strip()
    if not quoted:
        title = take_series(title, candidate)
    candidate.set("title", title)
    ieee_elements.read(rest, candidate, bool(quoted))
    candidate.evidence = min(candidate.evidence, 2.0)
    return candidate


def _dated(text: str, date: str, candidate: Candidate) -> Candidate | None:
    """The older guide's electronic sources: the date in parentheses after the authors, then
    an unquoted title, a whole's (``Networks. (2nd ed.)``) or a part's (``Title. Journal.
    21(3), pp. 876-880``, ``Title. Presented at Conf.``)."""
    issued = span_date(date)
    if issued is None:
        return None
    candidate.dates["issued"] = issued
    candidate.evidence += 0.5
    title, rest = _plain_title(_EDITION_IN_PARENTHESES.sub(r"\1", text))
    candidate.set("title", title.strip().strip(",.").strip())
    ieee_elements.read(rest, candidate, bool(_PART_MARKS.search(rest)))
    candidate.evidence = min(candidate.evidence, 2.0)
    return candidate


def _untitled_standard(text: str) -> bool:
    """``Frequency Response and Bias, NERC Reliability Standard BAL-003-0.1b, May 2009``:
    a standard's title first, no quote and no initials to read as authors."""
    return bool(_STANDARD_NUMBER.search(text) and not _OPEN_QUOTE.search(text)
                and not INITIALS_NAME.match(text))


def _looks_ieee(text: str) -> bool:
    head = text[:200]
    return bool(INITIALS_NAME.match(head) or _OPEN_QUOTE.search(head)
                or re.search(r"\b(?:vol|pp|no)\.\s*\d|\[Online\]", text)
                or _STANDARD_NUMBER.search(text) or _MANUAL.match(text))


def _foreign_head(text: str) -> bool:
    """Whether what comes before the first quoted title is another style's: ``Smith, John.
    “Title.”`` (MLA, Chicago) or ``Smith, J. (2019) “Title”`` (Harvard); IEEE puts a comma
    between the authors and the quote."""
    quote = _OPEN_QUOTE.search(text)
    head = text[:quote.start()].rstrip() if quote else ""
    closed = head.endswith(".") and not head.endswith("al.") and not _initials_names(head)
    return closed or bool(_YEAR_IN_PARENTHESES.search(head))


def _initials_names(head: str) -> bool:
    """Whether `head` is nothing but IEEE's names, initials first (``J. Godinho.``): the
    newer guide's web pages close the authors with a full stop."""
    names, _, _, rest = authors(head)
    return bool(names) and not rest and all(n.given.endswith(".") for n in names)


def _take_online(text: str, candidate: Candidate) -> str:
    """``[Online]`` (the medium), a bare ``Available:`` and a translation's note out of the
    text."""
    translation = _TRANSLATION.search(text)
    if translation:
        candidate.skipped += translation.group()
        text = text[:translation.start()]
    match = _ONLINE.search(text)
    if match:
        candidate.set("medium", match["medium"])
        candidate.evidence += 0.5
        text = text[:match.start()] + " " + text[match.end():]
    text, available = _AVAILABLE.subn(" ", text)
    if available:
        candidate.evidence += 0.25
        candidate.skipped += " Available"
    return tidy(text)


def _quoted(text: str, opening: str) -> tuple[str, str]:
    """The quoted title and the text after it; a ``"`` may close a ``“`` and the reverse."""
    closing = _CLOSE_QUOTE[opening]
    end = text.find(closing, len(opening))
    if end < 0 and closing in "”\"":
        closing = "\"" if closing == "”" else "”"
        end = text.find(closing, len(opening))
    if end < 0:
        return text[len(opening):], ""
    return text[len(opening):end], text[end + len(closing):]


def _organisation_then_quote(text: str, candidate: Candidate) -> tuple[str | None, str]:
    """``European Telecommunications Standards Institute, “Title,” ...``."""
    match = re.match(r"^(?P<author>[^“\",]{3,120}),\s*(?P<quote>[“\"])", text)
    if not match:
        return None, text
    candidate.names["author"] = [Name(literal=match["author"].strip())]
    return _quoted(text[match.start("quote"):], match["quote"])


def _plain_title(text: str) -> tuple[str, str]:
    """An unquoted (italic) title: up to the edition, the first sentence end or the volume."""
    matches = [m for m in (
        re.search(r",\s*(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+\.?)\s+ed(?:ition)?\.", text),
        re.search(r",\s*vols?\.\s*\d", text),
        _first_stop(text)) if m]
    ends = [m.end("word") if "word" in m.groupdict() else m.start() for m in matches]
    if not ends:
        title, _, rest = text.partition(",")
        return title, rest
    end = min(ends)
    return text[:end], text[end:].lstrip(".,")


def _first_stop(text: str) -> re.Match | None:
    """The first full stop of `text` that ends a sentence, not an initial's or an
    abbreviation's."""
    return next(stops(text, ABBREVIATIONS, initials=False), None)


GRAMMAR = Grammar("ieee", "IEEE", parse)
