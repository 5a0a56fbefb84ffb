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
from ..record import Date
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
                     r"Masters|Honours|BA|BSc|Undergraduate)\s+)?(?:thesis|dissertation)\b"
                     r"|^(?-i:PhD|Ph\.D|DPhil|D\.Phil|MPhil|M\.Phil|MSc|M\.Sc|MA|M\.A|MCom|"
                     r"MEd|MBA|LLM|LLD|DLitt|DEd|DCom|MRes)\.?$",
                     re.IGNORECASE)
# Papers published in a volume (not only given at an event).
_PUBLISHED = re.compile(r"\b(?:proceedings|proc\.)", re.IGNORECASE)
_IN_PRESS = re.compile(r"^[\[(]?in press[\])]?$", re.IGNORECASE)
_PRESENTED = re.compile(r"^(?:Paper|Poster|Presentation|Keynote)(?: \w+)? (?:presented|given)"
                        r" (?:at|to)\s+(?:the\s+)?", re.IGNORECASE)


def read_source(source: str, candidate: Candidate, agps: bool,
                publisher_first: bool = False) -> None:
    """What follows a Harvard title into `candidate`: a part of a book (``in …``), an event
    (``Paper presented at …``), a newspaper or periodical, a thesis, proceedings, or the
    publisher of a whole work; `agps` when the reference is in the AGPS form,
    `publisher_first` when its imprint is ``Publisher, Place`` (AGPS, Elsevier)."""
    publisher_first = publisher_first or agps
    source, groups = _leading_groups(source)
    read_groups(groups, candidate)
    if re.match(r"[Ii]n:?\s", source):
        rest = _edition_first(read_in_part(source, candidate), candidate)
        if agps and not rest:
            _imprint_off_container(candidate)
        _strip_stray_quote(candidate)
        _read_publisher_and_pages(rest, candidate, publisher_first)
        return
    parts = _volume_rejoined(list(sentences(source)))
    if not parts:
        return
    first = parts[0]
    presented = _PRESENTED.match(first)
    if presented:
        set_aside_layout("", candidate, presented.group())
        _read_event(first[presented.end():], candidate)
        if len(parts) > 1 and "event-place" not in candidate.fields:
            _read_event_place(parts[1], candidate)
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
        _read_whole_work(parts, candidate, agps, publisher_first)


# What starts a periodical's numbers: ``12(3), pp.4-9``, ``12(3):4-9``, ``vol. 12``.
_NUMBERS_FIRST = re.compile(r"^(?:[Vv]ol\.\s*)?\d+\s*(?:\(\w{1,12}\))?\s*[,:]\s*(?:pp?\.\s*)?\d")


def _volume_rejoined(parts: list[str]) -> list[str]:
    """Leeds's and the South African ``Journal. 12(3), pp.4-9``: the journal's name and its
    numbers, parted by a period, read as one."""
    if len(parts) > 1 and _NUMBERS_FIRST.match(parts[1]) and not re.search(r"\d", parts[0]):
        return [f"{parts[0]}, {parts[1]}", *parts[2:]]
    return parts


def _read_event_place(part: str, candidate: Candidate) -> None:
    """``Newcastle, 11-13 September`` after the event's name: its place (and month)."""
    match = _EVENT_DATE.search(part)
    if not match:
        return
    _read_event_month(part, candidate)
    place = _without_event_date(part, candidate).strip(" ,")
    if place and not re.search(r"\d", place):
        candidate.set("event-place", place)


def _edition_first(rest: str, candidate: Candidate) -> str:
    """The host book's edition that opens the imprint (``2nd edn. London: Routledge``),
    read; the imprint after it."""
    first, _, after = rest.partition(". ")
    if after and edition_of(first):
        candidate.set("edition", edition_of(first))
        return after
    return rest


def _strip_stray_quote(candidate: Candidate) -> None:
    """A container title closed by a quotation mark it never opened (a slip of the pen)."""
    container = candidate.fields.get("container-title", "")
    if container.endswith(("’", "'")) and not re.search(r"[‘']\w", container):
        candidate.set("container-title", container[:-1])


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
        candidate.dates["issued"] = date_of(f"{match['day']} {match['month']} {issued.year}") \
            or issued
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
    text = _issue_date_off(text, candidate)
    text = _MEDIUM_GROUP.sub(lambda m: "" if not read_groups([m.group().strip()], candidate)
                             else m.group(), text)
    container = _container_for_author(candidate) if quoted and _VOLUME_FIRST.match(text) else ""
    return read_periodical(f"{container}, {text}" if container else text, candidate,
                           pages_alone=quoted)


_TRAILING_MONTH = re.compile(r"(?<=\d),\s*(?P<month>[A-Z][a-z]{2,8})\.?(?:\s+(?P<day>\d{1,2}))?"
                             r"\s*\.?$")


def _issue_date_off(text: str, candidate: Candidate) -> str:
    """The South African form's issue date after the pages, ``35(6):34-41, September``:
    the date of issue made precise; the text before it."""
    match = _TRAILING_MONTH.search(text)
    issued = candidate.dates.get("issued")
    if not match or not month_number(match["month"]) or not issued or not issued.year:
        return text
    if len(issued.parts) == 1:
        candidate.dates["issued"] = date_of(f"{match['day'] or ''} {match['month']} "
                                            f"{issued.year}") or issued
    set_aside_layout("", candidate, match["month"])
    return text[:match.start()]


def _read_thesis(parts: list[str], candidate: Candidate) -> None:
    candidate.type = "thesis"
    if _THESIS.match(parts[0]):
        read_description(parts[0], candidate)
        parts = parts[1:]
    if parts and "publisher" not in candidate.fields and ":" in parts[0]:
        read_publisher(parts[0], candidate)  # ``Port Elizabeth: University``
    elif parts and "publisher" not in candidate.fields:
        university, _, place = parts[0].partition(",")
        candidate.set("publisher", university)
        if place.strip() and not DATABASE.search(place):
            candidate.set("publisher-place", place)
    databases = [p for p in re.split(r"[,.]\s+", " ".join(parts)) if DATABASE.search(p)]
    set_aside_layout("", candidate, " ".join(databases))


def _read_event(text: str, candidate: Candidate) -> None:
    """``Conference name, Place, 3-6 September``: the event and its place."""
    candidate.type = "paper-conference"
    _read_event_month(text, candidate)
    name, _, place = _without_event_date(text, candidate).partition(",")
    candidate.set("event-title", name)
    candidate.set("event-place", _event_place(place, candidate))


def _read_event_month(text: str, candidate: Candidate) -> None:
    """The month of the event (``, 7-10 April``) made the date of a paper given there."""
    match = _EVENT_DATE.search(text)
    issued = candidate.dates.get("issued")
    if match and issued and len(issued.parts) == 1:
        dated = date_of(f"{match.group().strip(' ,.')} {issued.year}")
        if dated and dated.year == issued.year and len(dated.parts) > 1:
            candidate.dates["issued"] = Date(dated.parts[:2])


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


def _read_whole_work(parts: list[str], candidate: Candidate, agps: bool,
                     publisher_first: bool = False) -> None:
    """A book, report or webpage: the edition, then ``Place: Publisher`` (or AGPS's
    ``Publisher, Place``), perhaps with a report number in parentheses."""
    if agps:
        parts = [p.strip() for part in parts for p in _agps_parts(part)]
        parts = _agps_title_tail(parts, candidate)
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
            _read_publisher_and_pages(f"{part}, {rest}" if rest else part, candidate,
                                      publisher_first)


_ROLE_SENTENCE = re.compile(r"^(?P<role>Edited|Translated|Compiled|Revised|"
                            r"(?:[Rr]eport )?[Pp]repared)(?: from [A-Z]\w+)? by\s+(?P<names>.+)$"
                            r"|^(?P<short>trans|ed|rev|comp)\.\s+(?P<abbreviated>[A-Z].+)$")
_ROLE_VARIABLES = {"Translated": "translator", "trans": "translator", "Edited": "editor",
                   "ed": "editor", "Compiled": "editor", "comp": "editor"}
_DAY_MONTH = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\.?"
                        r"|(?P<month_first>[A-Z][a-z]{2,8})\.?\s+\d{1,2}")


def _read_role(part: str, candidate: Candidate) -> bool:
    """``Edited by K. Smith`` or ``Translated by ...``: editors or translators (and pages
    after them, ``Edited by K. Smith, pp. 5-9``)."""
    match = _ROLE_SENTENCE.match(part)
    if not match:
        return False
    role = match["role"] or match["short"]
    names = match["names"] or match["abbreviated"]
    variable = _ROLE_VARIABLES.get(role)
    if variable:
        candidate.set_names(variable, editor_list(page_tail(names, candidate)))
        set_aside_layout("", candidate, match.group()[:match.start("names" if match["names"]
                                                                else "abbreviated")])
    else:
        # a reviser or the officers who prepared a report: no CSL variable holds them
        set_aside_layout("", candidate, part)
        if "prepared" in role.lower() and candidate.type == "book":
            candidate.type = "report"
    return True


# AGPS's title may hold a comma: ``New world literacy: writing across the Atlantic,
# 1500-1700``, the span of years its last piece.
_YEAR_SPAN = re.compile(r"^(?:1[0-9]|20)\d\d\s*[-–]\s*(?:\d{2}|\d{4})$")
# The government an AGSM agency belongs to, after its name: ``Department of Health,
# Australian Government`` (a jurisdiction, not a publisher or place).
_JURISDICTION = re.compile(r"^(?:[A-Z][a-z]+\s){1,3}Government$|^Government of\s[A-Z]")


def _agps_title_tail(parts: list[str], candidate: Candidate) -> list[str]:
    """AGPS's comma-parted pieces without a span of years that closes the title (read back
    into it) and without the jurisdiction of an issuing agency (which makes the work a
    report)."""
    if parts and _YEAR_SPAN.match(parts[0]) and "title" in candidate.fields:
        candidate.set("title", f"{candidate.fields['title']}, {parts[0]}")
        parts = parts[1:]
    kept = []
    for part in parts:
        if _JURISDICTION.match(part) and kept:
            set_aside_layout("", candidate, part)
            if candidate.type == "book":
                candidate.type = "report"
        else:
            kept.append(part)
    return kept


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


# A numbered series before the imprint, ``Technical Manual 1`` (not a volume or a part).
_SERIES = re.compile(r"^(?!(?:Vol|Volume|Part|Book|Chapter|Issue|No)\b)(?P<series>(?:[A-Z][\w-]*"
                     r"\s){1,5}?)(?:[Nn]o\.\s*)?(?P<number>\d{1,4})$")


def _read_series(part: str, candidate: Candidate) -> bool:
    """``Technical Manual 1``: the series a work is numbered in."""
    match = _SERIES.match(part)
    if not match or "collection-title" in candidate.fields:
        return False
    candidate.set("collection-title", match["series"])
    candidate.set("collection-number", match["number"])
    return True


# Sentences of a whole work that say one thing each, whatever their place.
_SENTENCE_READERS = (_read_role, _read_edition, _read_day, _read_website, _read_series)


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


# The South African form's pages, a bare range after the publisher: ``Van Schaik. 45-60``.
_BARE_PAGES = re.compile(r"(?<!\bpp)(?<!\bp)\.\s+(?P<page>\d+\s*[-–]\s*\d+)\s*\.?$")


def _read_publisher_and_pages(text: str, candidate: Candidate,
                              publisher_first: bool = False) -> None:
    bare = _BARE_PAGES.search(text)
    if bare:
        candidate.set("page", pages(bare["page"]))
        text = text[:bare.start()]
    text, groups = peel_groups(page_tail(text, candidate).strip(" ,."))
    _read_imprint_groups(groups, candidate)
    read_publisher(text, candidate, publisher_first=publisher_first)


def _read_imprint_groups(groups: list[str], candidate: Candidate) -> None:
    """The groups after a publisher: a report number (``(HC 898 2012-13)``), a medium, or
    in parentheses the series (Cite Them Right's ``(Palgrave Study Skills)``)."""
    for group in read_groups(groups, candidate, codes=True):
        if group.startswith("("):
            candidate.set("collection-title", group[1:-1])

