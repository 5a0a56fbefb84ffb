"""What follows the title in a Harvard reference: ``in Editor, I. (ed.) Book. Place:
Publisher, pp. 3-9``; ``Paper presented at Conference, Place, 3-6 September``; ``Newspaper,
16 May, p. 3``; ``Journal, 24(1), pp. 46-54``; ``PhD thesis. University``; ``Proceedings of X.
Place, date. Place: Publisher, pp. 1-9``; and a whole work's ``2nd edn. Place: Publisher``
(AGPS: ``5th edn, Publisher, Place``).
"""

from __future__ import annotations

import re

from ..dates import month_number
from ..numbers import normalise_pages as pages
from .authordate import date_of, editor_list, peel_groups, sentences, set_aside_layout
from .authordate_sources import (
    DATABASE,
    PROCEEDINGS,
    edition_of,
    is_journal,
    is_publisher,
    page_tail,
    read_description,
    read_groups,
    read_in_part,
    read_periodical,
    read_publisher,
)
from .common import Candidate

_NEWSPAPER_DATE = re.compile(
    r"(?:^|,\s*)(?P<day>\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+(?P<month>[A-Z][a-z]{2,8})\.?"
    r"(?:\s+\d{4})?(?:,\s*(?:pp?\.\s*)?(?P<page>[A-Z]?\d+[A-Za-z]?(?:\s*[-–]\s*\d+)?))?"
    r"\s*\.?$")
_EVENT_DATE = re.compile(r",?\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[A-Z][a-z]{2,8}\.?(?:\s*[-–]\s*"
                         r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?)?(?:,?\s+\d{4})?\s*$")
_THESIS = re.compile(r"^(?:(?:PhD|Ph\.D\.|DPhil|MPhil|MSc|MA|MRes|MD|Doctoral|Master'?s?|"
                     r"Masters|Honours|BA|BSc|Undergraduate)\s+)?(?:thesis|dissertation)\b",
                     re.IGNORECASE)
# Papers published in a volume (not only given at an event).
_PUBLISHED = re.compile(r"\b(?:proceedings|proc\.)", re.IGNORECASE)
_IN_PRESS = re.compile(r"^[\[(]?in press[\])]?$", re.IGNORECASE)
_PRESENTED = re.compile(r"^(?:Paper|Poster|Presentation|Keynote)(?: \w+)? (?:presented|given)"
                        r" (?:at|to)\s+(?:the\s+)?", re.IGNORECASE)


def read_source(source: str, candidate: Candidate, agps: bool) -> None:
    """What follows a Harvard title into `candidate`: a part of a book (``in …``), an event
    (``Paper presented at …``), a newspaper or periodical, a thesis, proceedings, or the
    publisher of a whole work; `agps` when the reference is in the AGPS form."""
    source, groups = _leading_groups(source)
    read_groups(groups, candidate)
    if re.match(r"[Ii]n:?\s", source):
        rest = read_in_part(source, candidate)
        if agps and not rest:
            _imprint_off_container(candidate)
        _read_publisher_and_pages(rest, candidate)
        return
    parts = list(sentences(source))
    if not parts:
        return
    first = parts[0]
    presented = _PRESENTED.match(first)
    if presented:
        set_aside_layout("", candidate, presented.group())
        _read_event(first[presented.end():], candidate)
    elif _read_newspaper(first, candidate) or _read_periodical(first, candidate):
        if candidate.type != "article-newspaper":
            candidate.type = "article-journal"
    elif _THESIS.match(first) or candidate.type == "thesis":
        _read_thesis(parts, candidate)
    elif candidate.type == "paper-conference" and not _PUBLISHED.search(first):
        _read_event(first, candidate)
    elif PROCEEDINGS.search(first) and (
            candidate.type in ("article-journal", "paper-conference") or _PUBLISHED.match(first)):
        _read_proceedings(parts, candidate)
    else:
        _read_whole_work(parts, candidate, agps)


def _imprint_off_container(candidate: Candidate) -> None:
    """AGSM's ``in Editor A (eds) Book, Publisher, Place``: the publisher (and the place)
    that close the container title, which runs to them, read off it."""
    pieces = candidate.fields.get("container-title", "").split(", ")
    for index in range(1, len(pieces)):
        if is_publisher(pieces[index]):
            candidate.set("container-title", ", ".join(pieces[:index]))
            read_publisher(", ".join(pieces[index:]), candidate, publisher_first=True)
            return


def _leading_groups(source: str) -> tuple[str, list[str]]:
    groups = []
    while source.startswith("["):
        close = source.find("]")
        if close < 0:
            break
        groups.append(source[:close + 1])
        source = source[close + 1:].lstrip(" ,.")
    return source, groups


def _read_newspaper(text: str, candidate: Candidate) -> bool:
    """``Newspaper [Online], 16 May, p. 3`` (or, the newspaper standing for the author,
    ``16 December, p. 5``)."""
    match = _NEWSPAPER_DATE.search(text)
    if not match or not month_number(match["month"]):
        return False
    container, groups = peel_groups(text[:match.start()])
    read_groups(groups, candidate)
    container = container or _container_for_author(candidate)
    if not container:
        return False
    candidate.set("container-title", container)
    candidate.set("page", pages(match["page"] or ""))
    set_aside_layout("", candidate, match["month"])
    issued = candidate.dates.get("issued")
    if issued and issued.year:
        candidate.dates["issued"] = date_of(f"{match['day']} {match['month']} {issued.year}")
    candidate.type = "article-newspaper"
    return True


def _container_for_author(candidate: Candidate) -> str:
    """With no author, the periodical stands in the author's place (``Nature (2019) 'Title',
    7(2), pp. 1-9``): the name of the one organisation read as author, now the container's;
    "" when the names are persons'."""
    authors = candidate.names.get("author", [])
    if len(authors) != 1 or not authors[0].literal:
        return ""
    del candidate.names["author"]
    return authors[0].literal


# ``Ariadne [Online], 10``: the medium between a periodical's name and its volume.
_MEDIUM_GROUP = re.compile(r"\s*\[[^\]]{1,30}\](?=\s*,)")
_VOLUME_FIRST = re.compile(r"(?:[Vv]ol\.?\s*)?\d+\s*\(|\(\d+\)")


def _read_periodical(text: str, candidate: Candidate) -> bool:
    """The periodical after a quoted title; its name perhaps in the author's place."""
    quoted = candidate.type == "article-journal"
    text = _MEDIUM_GROUP.sub(lambda m: "" if not read_groups([m.group().strip()], candidate)
                             else m.group(), text)
    container = _container_for_author(candidate) if quoted and _VOLUME_FIRST.match(text) else ""
    return read_periodical(f"{container}, {text}" if container else text, candidate,
                           pages_alone=quoted)


def _read_thesis(parts: list[str], candidate: Candidate) -> None:
    candidate.type = "thesis"
    if _THESIS.match(parts[0]):
        read_description(parts[0], candidate)
        parts = parts[1:]
    if parts and "publisher" not in candidate.fields:
        university, _, place = parts[0].partition(",")
        candidate.set("publisher", university)
        if place.strip() and not DATABASE.search(place):
            candidate.set("publisher-place", place)
    databases = [p for p in re.split(r"[,.]\s+", " ".join(parts)) if DATABASE.search(p)]
    set_aside_layout("", candidate, " ".join(databases))


def _read_event(text: str, candidate: Candidate) -> None:
    """``Conference name, Place, 3-6 September``: the event and its place."""
    candidate.type = "paper-conference"
    name, _, place = _without_event_date(text, candidate).partition(",")
    candidate.set("event-title", name)
    candidate.set("event-place", _event_place(place, candidate))


def _without_event_date(text: str, candidate: Candidate) -> str:
    """`text` without the event's dates (``, 3-6 September``), which are set aside as read."""
    match = _EVENT_DATE.search(text)
    if not match or not any(month_number(word) for word in re.findall(r"[A-Za-z]+",
                                                                      match.group())):
        return text
    set_aside_layout("", candidate, match.group())
    return text[:match.start()]


_LEADING_EVENT_DATE = re.compile(r"^\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[A-Z][a-z]{2,8}\.?"
                                 r"(?:\s+\d{4})?\s+(?=[A-Z])")


def _event_place(text: str, candidate: Candidate) -> str:
    """The place of an event, without the dates that stand before it (``15-17 November 1972
    Brighton``), which are set aside as read."""
    match = _LEADING_EVENT_DATE.match(text.strip())
    if not match:
        return text
    set_aside_layout("", candidate, re.sub(r"\d", "", match.group()))
    return text.strip()[match.end():]


def _read_proceedings(parts: list[str], candidate: Candidate) -> None:
    """``Proceedings of X. Place, date. Place: Publisher, pp. 1-9`` (or ``Proceedings of X,
    date Place. Place: Publisher``): a paper in them."""
    candidate.type = "paper-conference"
    name, _, place = _without_event_date(parts[0], candidate).partition(",")
    candidate.set("container-title", name)
    candidate.set("event-place", _event_place(place, candidate))
    for part in parts[1:]:
        if ":" in part or page_tail(part, candidate) != part:
            _read_publisher_and_pages(part, candidate)
            break
        if _EVENT_DATE.search(part):
            candidate.set("event-place", _without_event_date(part, candidate))


def _read_whole_work(parts: list[str], candidate: Candidate, agps: bool) -> None:
    """A book, report or webpage: the edition, then ``Place: Publisher`` (or AGPS's
    ``Publisher, Place``), perhaps with a report number in parentheses."""
    if agps:
        parts = [p.strip() for part in parts for p in _agps_parts(part)]
    in_press = any(_IN_PRESS.match(part) for part in parts)
    parts = [part for part in parts if not _IN_PRESS.match(part)]
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else ""
        if any(reader(part, candidate) for reader in _SENTENCE_READERS):
            continue
        if index == 0 and "title" in candidate.fields and _continues_title(part, following):
            candidate.set("title", f"{candidate.fields['title']}. {part}")
            continue
        if "publisher" in candidate.fields:
            break
        part, groups = peel_groups(part)
        had_medium = "medium" in candidate.fields
        _read_imprint_groups(groups, candidate)
        if not had_medium and "medium" in candidate.fields and ":" not in part:
            set_aside_layout("", candidate, part)  # the e-book collection it is read in
            continue
        if in_press and is_journal(part) and not is_publisher(part):
            candidate.type = "article-journal"  # an accepted article: no volume yet
        if candidate.type == "article-journal" and (is_journal(part) or following):
            candidate.set("container-title", part)
        elif part.startswith(("(", "[")) or not part:
            continue
        elif agps and not read_groups([f"({part})"], candidate):
            continue  # a catalogue or report number, AGPS's "cat. no. 3101.0"
        else:
            rest = ", ".join(parts[index + 1:]) if agps else ""
            _read_publisher_and_pages(f"{part}, {rest}" if rest else part, candidate, agps)


_ROLE_SENTENCE = re.compile(r"^(?P<role>Edited|Translated|Compiled) by\s+(?P<names>.+)$")
_DAY_MONTH = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\.?"
                        r"|(?P<month_first>[A-Z][a-z]{2,8})\.?\s+\d{1,2}")


def _read_role(part: str, candidate: Candidate) -> bool:
    """``Edited by K. Smith`` or ``Translated by ...``: editors or translators (and pages
    after them, ``Edited by K. Smith, pp. 5-9``)."""
    match = _ROLE_SENTENCE.match(part)
    if not match:
        return False
    variable = "translator" if match["role"] == "Translated" else "editor"
    candidate.set_names(variable, editor_list(page_tail(match["names"], candidate)))
    set_aside_layout("", candidate, f"{match['role']} by")
    return True


def _read_edition(part: str, candidate: Candidate) -> bool:
    """``2nd edn``, ``Rev. edn``: the edition."""
    candidate.set("edition", edition_of(part))
    return bool(edition_of(part))


def _read_day(part: str, candidate: Candidate) -> bool:
    """``4 May``, a blog post's or a lecture's day: the date of issue made precise."""
    match = _DAY_MONTH.fullmatch(part)
    issued = candidate.dates.get("issued")
    month = match and (match["month"] or match["month_first"])
    if not month or not month_number(month) or not issued or not issued.year:
        return False
    candidate.dates["issued"] = date_of(f"{part} {issued.year}")
    set_aside_layout("", candidate, month)
    return True


_WEBSITE = re.compile(r"^(?P<site>.+?)\s+website$", re.IGNORECASE)


def _read_website(part: str, candidate: Candidate) -> bool:
    """AGSM's ``ZDNet website``: the site a webpage is on."""
    match = _WEBSITE.match(part)
    if not match:
        return False
    candidate.set("container-title", match["site"])
    if candidate.type == "book":
        candidate.type = "webpage"
    return True


# Sentences of a whole work that say one thing each, whatever their place.
_SENTENCE_READERS = (_read_role, _read_edition, _read_day, _read_website)


def _agps_parts(text: str) -> list[str]:
    """AGPS separates with commas: ``5th edn, Publisher, Place`` → its pieces, the
    publisher and place kept apart only where an edition or number stands between."""
    return [p for p in re.split(r",\s+", text) if p]


def _continues_title(part: str, following: str) -> bool:
    """A second sentence of the title (``Report. Executive Summary.``): a plain sentence
    followed by the publisher's ``Place: Publisher`` or by a bracketed number alone."""
    if not following or edition_of(part) or ":" in part or part.startswith(("(", "[")):
        return False
    return following.startswith("(") and following.endswith(")") or ":" in following


def _read_publisher_and_pages(text: str, candidate: Candidate, agps: bool = False) -> None:
    text, groups = peel_groups(page_tail(text, candidate).strip(" ,."))
    _read_imprint_groups(groups, candidate)
    read_publisher(text, candidate, publisher_first=agps)


def _read_imprint_groups(groups: list[str], candidate: Candidate) -> None:
    """The groups after a publisher: a report number (``(HC 898 2012-13)``), a medium, or
    in parentheses the series (Cite Them Right's ``(Palgrave Study Skills)``)."""
    for group in read_groups(groups, candidate, codes=True):
        if group.startswith("("):
            candidate.set("collection-title", group[1:-1])

