"""MLA 8 and 9 works-cited entries (MLA Handbook, 8th and 9th editions).

An entry is the author, the title, and then one or more containers, each a sentence of
elements in a fixed order, separated by commas:

    Family, Given, and Given Family. Title of Book. 2nd ed., vol. 2, Publisher, 2009.
    Family, Given, et al. “Title of Article.” Journal, vol. 9, no. 1, 2015, pp. 6-18.
    Family, Given. “Chapter.” Book, edited by Given Family, Publisher, 2010, pp. 27-51.
    Family, Given, editor. Title. Publisher, 2002.
    “Episode.” Series, directed by Given Family, season 4, episode 10, Studio, 2008.
    Family, Given. “Video.” YouTube, uploaded by Channel, 3 July 2012, www.youtube.com/….
    “Title.” Website, Publisher, 3 July 2012, URL. Accessed 15 July 2021.

The first container holds the work (its title, or the periodical's or book's, then
contributors, version, number, publisher, date, location); a second container is the
database or platform the work was found in and is not kept. Names, titles, sentences and
dates are read as Chicago reads them (`humanities`, `humanities_names`); `_ELEMENTS` says how
each element of a container is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numbers import normalise_pages as pages
from .chicago_sentences import DEGREE, UNTITLED_INTERVIEW
from .common import Candidate, Grammar, Reference
from .humanities import (
    DATE,
    DIGIT,
    MONTH,
    YEAR_FIRST,
    is_database,
    is_plain_name,
    periodical_type,
    place_and_publisher,
    plainly_other,
    read_date,
    sentences,
    split_quoted_title,
    take_locations,
)
from .humanities_names import (
    INITIAL_FIRST,
    given_first_names,
    roles,
    set_contributors,
    split_author_block,
    written_out,
)

_ELEMENTS = (
    ("contributor", re.compile(
        r"(?P<role>(?i:edited|translated|directed|performances?|uploaded|narrated|created"
        r"|produced|adapted|introduction|foreword|illustrated|interview(?:ed)?|written|hosted"
        r"|presented|compiled)|[a-z]+(?:\s+[a-z]+)?)\s+(?:by|with)\s+(?P<value>.+)")),
    # the version a book was read in: ``E-book``, ``Kindle ed.``
    ("medium", re.compile(r"(?P<value>e-?book|kindle(?:\s+ed(?:\.|ition))?|audiobook|pdf"
                          r"|dvd|blu-ray|cd)", re.IGNORECASE)),
    # an event's location that is none: ``Online``, ``Virtual``
    ("online", re.compile(r"(?P<value>online|virtual)", re.IGNORECASE)),
    # lower-case after a comma: ``Collected Works, Vol. II, edited by`` is the book's title
    ("volume", re.compile(r"(?:vols?\.?|volume)\s*(?P<value>[\w–-]+)")),
    ("issue", re.compile(r"(?:nos?\.|issue)\s*(?P<value>[\w/–-]*\d[\w/–-]*)", re.IGNORECASE)),
    ("season", re.compile(r"season\s+(?P<value>\d+)", re.IGNORECASE)),
    ("episode", re.compile(r"episode\s+(?P<value>\d+)", re.IGNORECASE)),
    ("page", re.compile(r"pp?\.\s*(?P<value>[\w–-]+)")),
    ("edition", re.compile(r"(?P<value>\S+(?:\s+\S+)?)\s+ed(?:\.|ition)?", re.IGNORECASE)),
    ("thesis", re.compile(DEGREE)),
    ("date", re.compile(rf"(?P<value>{DATE}|(?:c\.\s*)?(?:1[5-9]|20)\d\d|n\.\s?d\.?)")),
)
_PERIODICAL_ELEMENTS = frozenset({"volume", "issue", "page"})
_VIDEO_HOSTS = ("youtube", "vimeo", "tiktok", "dailymotion")
_AUDIO_PLATFORMS = ("spotify", "apple music", "soundcloud", "bandcamp", "tidal", "deezer")
_CONFERENCE = re.compile(r"\b(?:Proceedings|Conference|Symposium|Workshop|Congress)\b")
_MONTH_DAY = re.compile(MONTH + r"\s+\d{1,2}$")
# A meeting's place after its name: ``Symposium on Language [Bangkok, Thailand]``.
_PLACE_AFTER = re.compile(r"(.+?)(?:\s+\[([^\[\]]+)\])?")
_ACCESSED_DAY_FIRST = re.compile(r"Accessed\s+\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}")


@dataclass
class _Container:
    """The elements of one container, by kind, and those no pattern knew, in order."""

    found: dict[str, str] = field(default_factory=dict)
    roles: list[tuple[str, str]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    first_unknown: bool = False  # the container's first element is one no pattern knew


def parse(reference: Reference) -> Candidate | None:
    """An MLA works-cited entry: names, title, then containers of comma-separated elements."""
    text = reference.text
    if plainly_other(text):
        return None
    candidate = Candidate("mla", "book")
    rest = _EMPTY_BRACKETS.sub("", take_locations(text, candidate)).strip()
    block, body = split_author_block(rest)
    if YEAR_FIRST.match(body):
        return None  # the year after the names: author-date, APA or Harvard
    if not block and INITIAL_FIRST.match(body):
        return None  # ``A. Author, Title``: IEEE's names, not a title
    if block:
        set_contributors(candidate, block)
    quoted = split_quoted_title(body)
    if quoted:
        title, after = quoted
        pieces = _rejoined(sentences(after))
    else:
        pieces = _rejoined(sentences(body))
        if not pieces:
            return None
        title, pieces = pieces[0][0], pieces[1:]
    pieces = [piece for piece in pieces if not _described(candidate, piece[0])]
    closing = _closing_medium(candidate, pieces)
    if closing == "seventh":
        candidate.set("title", title)
        return _read_seventh(candidate, [piece for piece, _ in pieces], bool(quoted), block)
    parts = _joined_container(pieces)
    if not parts:
        return None  # a title alone: nothing of MLA's containers to read
    candidate.set("title", title)
    containers = [_read_container(part) for part in parts]
    _fill(candidate, containers, bool(quoted))
    if closing:
        candidate.type = "speech"
    candidate.evidence = min(2.0, _evidence(reference.text, block, containers)
                             + 0.5 * written_out(candidate))
    return candidate


# The brackets MLA 7 prints around a URL, left when the URL is taken.
_EMPTY_BRACKETS = re.compile(r"<\s*>")
# ``n.p.`` or ``n. pag.`` (no pages) before the medium: ``27 (2013): n.p. Web.``
_NO_PAGES = re.compile(r"(?P<before>.*?)(?::\s*|\.\s+|\s+)n\.\s?p(?:ag)?\.\s+(?P<after>[A-Z].*)")
_ROLE_SENTENCE = re.compile(r"(?:Ed|Eds|Trans|Comp|Dir|Narr|Perf)")


def _rejoined(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The sentences with what a full stop or question mark wrongly parted made one again: a
    parenthesis opening a sentence goes on the one before (``Am I a Fiction? (Three
    lectures…)``), MLA 7's abbreviated role its names (``Ed. Given Family``); and ``n.p.`` set
    apart from the medium after it."""
    joined: list[tuple[str, str]] = []
    for piece, mark in pieces:
        if joined and (piece.startswith("(") or _ROLE_SENTENCE.fullmatch(joined[-1][0])):
            before, before_mark = joined.pop()
            piece = f"{before}{before_mark if before_mark == '.' else ''} {piece}"
        no_pages = _NO_PAGES.fullmatch(piece)
        if no_pages:
            joined.append((no_pages["before"], "."))
            piece = no_pages["after"]
        joined.append((piece, mark))
    return joined


_REVIEW = re.compile(r"Review\s+of\s+.+")


def _described(candidate: Candidate, piece: str) -> bool:
    """Whether `piece` describes the work and is set aside: the work a review is of."""
    if _REVIEW.fullmatch(piece):
        candidate.skipped += f" {piece}"
        return True
    return False


# MLA 7 closes an entry with its medium of publication (``Print.``, ``Web.`` and the day of
# access); both editions may close with the kind of a talk (``Lecture.``).
_MEDIA = frozenset({"print", "web", "dvd", "cd", "cd-rom", "film", "television", "radio",
                    "mp3 file", "pdf file", "kindle file", "e-mail", "email", "microfilm",
                    "microfiche", "videocassette", "audiocassette", "lp", "broadcast"})
_TALKS = frozenset({"lecture", "address", "keynote address", "keynote speech", "reading",
                    "presentation", "speech", "conference presentation", "panel discussion"})


def _closing_medium(candidate: Candidate, pieces: list[tuple[str, str]]) -> str:
    """The medium that closes `pieces` (taken off them) into `candidate`: ``"seventh"`` for
    MLA 7's, ``"talk"`` for the kind of a talk, ``""`` for none."""
    if len(pieces) >= 2 and pieces[-2][0].lower() == "web":
        accessed = read_date(pieces[-1][0])
        if accessed and re.match(r"\d{1,2}\s+[A-Z]|[A-Z][a-z]+\.?\s+\d{4}", pieces[-1][0]):
            candidate.dates["accessed"] = accessed
            candidate.set("medium", pieces[-2][0])
            del pieces[-2:]
            return "seventh"
    if not pieces:
        return ""
    last = pieces[-1][0]
    if last.lower() in _MEDIA:
        candidate.set("medium", last)
        pieces.pop()
        return "seventh"
    if last.lower() in _TALKS:
        candidate.set("genre", last)
        pieces.pop()
        return "talk"
    return ""


# MLA 7's sentences after the title: ``Journal 5.2 (2013): 250-68``, ``Periodical 21 Aug.
# 2012``, ``Ed. Given Family``, ``Place: Publisher, 2013``.
_SEVENTH_JOURNAL = re.compile(
    r"(?P<container>[^\d()]*[^\W\d_][^\d()]*?)(?:\s+(?P<volume>\d+)(?:\.(?P<issue>\d+))?)?"
    r"\s*\((?P<date>[^()]*\d{4})\)(?::\s*(?P<page>[\w–-]+(?:,\s*[\w–-]+)*))?")
_SEVENTH_DATED = re.compile(rf"(?P<container>[^\d]+?),?\s+(?P<date>\d{{1,2}}\s+{MONTH}\s+\d{{4}})"
                            r"(?:[:,]\s*(?P<page>[\w–-]+))?")
_SEVENTH_ROLE = re.compile(r"(?P<role>Ed|Eds|Trans|Comp|Dir|Narr|Perf)\.\s+(?:by\s+)?"
                           r"(?P<names>.+)")
_SEVENTH_FACTS = re.compile(r"(?P<facts>.+?),\s*(?P<date>(?:1[5-9]|20)\d\d|n\.\s?d\.?)"
                            r"(?:[.,]\s*(?P<page>\d+(?:\s*[-–]\s*\d+)?))?")
_SEVENTH_PAGES = re.compile(r"(?P<page>\d+(?:\s*[-–]\s*\d+)?)")
_SEVENTH_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def _read_seventh(candidate: Candidate, parts: list[str], quoted: bool,
                  block: str) -> Candidate:
    """An MLA 7 entry's sentences after its title into `candidate`, its type and evidence: a
    quoted title's first sentence no pattern knew is its container, a later one the publisher
    or sponsor of a site."""
    unknown: list[str] = []
    kinds: set[str] = set()
    for part in parts:
        journal = _SEVENTH_JOURNAL.fullmatch(part)
        dated = _SEVENTH_DATED.fullmatch(part)
        role = _SEVENTH_ROLE.fullmatch(part)
        facts = _SEVENTH_FACTS.fullmatch(part)
        found = place_and_publisher(facts["facts"]) if facts else None
        if journal and (journal["volume"] or quoted):
            candidate.set("container-title", journal["container"])
            candidate.set("volume", journal["volume"] or "")
            candidate.set("issue", journal["issue"] or "")
            _set_element(candidate, "date", journal["date"])
            if journal["page"]:
                candidate.set("page", pages(journal["page"]))
            kinds.add("journal" if journal["volume"] else "periodical")
        elif dated and quoted and "container-title" not in candidate.fields:
            candidate.set("container-title", dated["container"])
            _set_element(candidate, "date", dated["date"])
            if dated["page"]:
                candidate.set("page", pages(dated["page"]))
            kinds.add("periodical")
        elif role:
            for variable in roles(role["role"]):
                candidate.set_names(variable, given_first_names(role["names"]))
            candidate.skipped += f" {role['role']}"
        elif found:
            candidate.set("publisher-place", found[0])
            candidate.set("publisher", found[1])
            if facts:
                _set_element(candidate, "date", facts["date"])
                if facts["page"]:
                    candidate.set("page", pages(facts["page"]))
            kinds.add("facts")
        elif _SEVENTH_YEAR.fullmatch(part) or (read_date(part) and DIGIT.match(part)):
            _set_element(candidate, "date", part)
        elif _SEVENTH_PAGES.fullmatch(part):
            candidate.set("page", pages(part))
        elif _element(part)[0] in ("edition", "volume"):
            _set_element(candidate, *_element(part))
        else:
            unknown.append(part)
    if quoted and unknown and "container-title" not in candidate.fields:
        candidate.set("container-title", unknown.pop(0))
    if unknown and is_plain_name(unknown[0]) and "publisher" not in candidate.fields:
        _set_publisher(candidate, unknown.pop(0))
    candidate.type = _seventh_type(candidate, kinds, quoted)
    marks = 2 + len(kinds & {"journal", "periodical"}) + bool(
        re.search(r",\s+(?:eds?|trans)\.$", block))
    candidate.evidence = min(2.0, 0.5 * marks + 0.5 * written_out(candidate))
    return candidate


def _seventh_type(candidate: Candidate, kinds: set[str], quoted: bool) -> str:
    medium = candidate.fields.get("medium", "").lower()
    if medium in ("dvd", "film", "videocassette", "television", "broadcast"):
        return "motion_picture" if medium != "television" else "broadcast"
    if "journal" in kinds:
        return "article-journal"
    if not quoted:
        return "book"
    if "facts" in kinds or "editor" in candidate.names:
        return "chapter"
    container = candidate.fields.get("container-title", "")
    if container:
        return periodical_type(container, medium == "web")
    return "webpage" if medium == "web" else "article"


def _joined_container(pieces: list[tuple[str, str]]) -> list[str]:
    """The sentences after the title; a container's title with full stops inside
    (``Languages of India. A Survey. Vol. 2, edited by …``) made one with the sentence of its
    contributors."""
    parts = [piece for piece, _ in pieces]
    for end in range(1, min(4, len(parts))):
        if _EDITED_BY.search(parts[end]):
            if any(_element(e)[0] for part in parts[:end] for e in _elements(part)):
                break
            return [" ".join(p + mark for p, mark in pieces[:end]) + " " + parts[end],
                    *parts[end + 1:]]
    return parts


_EDITED_BY = re.compile(r", edited by ")


def _read_container(sentence: str) -> _Container:
    """The elements of one container. A title with commas inside runs on to the contributors
    that follow it (``Tense-Aspect, Transitivity and Causativity, edited by …``)."""
    container = _Container()
    elements = _elements(sentence)
    found = [_element(element) for element in elements]
    lead = next((i for i, (kind, _) in enumerate(found) if kind), len(found))
    if 1 < lead < len(found) and found[lead][0] == "contributor":
        elements[:lead], found[:lead] = [", ".join(elements[:lead])], [("", None)]
    for index, (element, (kind, value)) in enumerate(zip(elements, found, strict=True)):
        if kind == "contributor":
            container.roles.append((value[0], value[1]))
        elif kind:
            container.found.setdefault(kind, value)
        else:
            container.unknown.append(element)
            container.first_unknown |= index == 0
    return container


def _elements(sentence: str) -> list[str]:
    """The comma-separated elements, with ``July 3`` and ``2012`` joined again, and what stands
    in brackets or parentheses (``[Bangkok, Thailand]``)."""
    elements: list[str] = []
    for piece in sentence.split(", "):
        if elements and (re.fullmatch(r"\d{4}", piece) and _MONTH_DAY.search(elements[-1])
                         or elements[-1].count("[") > elements[-1].count("]")
                         or elements[-1].count("(") > elements[-1].count(")")):
            elements[-1] += ", " + piece
        elif piece.strip():
            elements.append(piece.strip())
    return elements


def _element(element: str) -> tuple[str, object]:
    for kind, pattern in _ELEMENTS:
        match = pattern.fullmatch(element)
        if match:
            if kind == "contributor":
                return kind, (match["role"].lower(), match["value"])
            return kind, match["value"] if kind != "thesis" else match["genre"]
    return "", None


def _fill(candidate: Candidate, containers: list[_Container], quoted: bool) -> None:
    """The first container's elements into `candidate`, what later ones add, and the type."""
    first = containers[0] if containers else _Container()
    unknown = _named(first.unknown)
    periodical = bool(_PERIODICAL_ELEMENTS & set(first.found))
    if unknown and first.first_unknown and (quoted or periodical):
        title, place = _PLACE_AFTER.fullmatch(unknown.pop(0)).groups()
        candidate.set("container-title", title)
        candidate.set("event-place", place or "")
    if unknown:
        _set_publisher(candidate, unknown[0])
    for kind, value in first.found.items():
        _set_element(candidate, kind, str(value))
    for variable_role, names in first.roles:
        for variable in roles(variable_role):
            candidate.set_names(variable, given_first_names(names))
        if not roles(variable_role):
            candidate.skipped += f" {variable_role} {names}"  # ``music by``: not kept
    for container in containers:
        candidate.skipped += "".join(f" {container.found['online']}"
                                     for _ in ("online",) if "online" in container.found)
    located = "URL" in candidate.fields or "DOI" in candidate.fields
    for later in containers[1:]:
        if located and later is containers[-1] and _is_platform_only(later):
            candidate.skipped += f" {later.unknown[0]}"  # the database it was read in
        if "thesis" in later.found:
            candidate.set("genre", later.found["thesis"])
            if later.unknown and "publisher" not in candidate.fields:
                _set_publisher(candidate, ", ".join(later.unknown))
        if "date" in later.found and "issued" not in candidate.dates:
            _set_element(candidate, "date", later.found["date"])
    candidate.type = _type(candidate, containers, quoted)
    if candidate.type != "paper-conference" and "event-place" in candidate.fields:
        # ``Florida Times Union [Jacksonville]``: the city a newspaper's name leaves out
        candidate.fields["publisher-place"] = candidate.fields.pop("event-place")


def _is_platform_only(container: _Container) -> bool:
    """A later container that is a name alone (``JSTOR``, ``Business Insights: Essentials``):
    the database or platform the work was read in."""
    return (not container.found and not container.roles and len(container.unknown) == 1
            and is_plain_name(container.unknown[0]))


def _named(elements: list[str]) -> list[str]:
    """The elements no pattern knew that can be a name: not a bare number or range (pages
    printed without ``pp.``, which MLA does not do)."""
    return [element for element in elements if not _BARE_PAGES.fullmatch(element)]


_BARE_PAGES = re.compile(r"\d+(?:\s*[-–]\s*\d+)?")


def _set_publisher(candidate: Candidate, text: str) -> None:
    found = place_and_publisher(text)
    if found:
        candidate.set("publisher-place", found[0])
        candidate.set("publisher", found[1])
    elif not is_database(text):
        candidate.set("publisher", text)


def _set_element(candidate: Candidate, kind: str, value: str) -> None:
    if kind == "date":
        date = read_date(value)
        if date:
            candidate.dates["issued"] = date
    elif kind == "page":
        candidate.set("page", pages(value))
    elif kind == "thesis":
        candidate.set("genre", value)
    elif kind in ("volume", "issue", "edition", "medium"):
        candidate.set(kind, value)


def _type(candidate: Candidate, containers: list[_Container], quoted: bool) -> str:
    kinds = {kind for container in containers for kind in container.found}
    contributions = {role for container in containers[:1] for role, _ in container.roles}
    container = candidate.fields.get("container-title", "")
    online = "URL" in candidate.fields or "accessed" in candidate.dates
    if "thesis" in kinds:
        return "thesis"
    if any(is_platform(container.unknown[0], _AUDIO_PLATFORMS)
           for container in containers[1:] if container.unknown):
        return "song"
    if "season" in kinds or "episode" in kinds:
        return "broadcast"
    if ("directed" in contributions or "uploaded" in contributions or "director" in
            candidate.names or any(host in container.lower() for host in _VIDEO_HOSTS)):
        return "motion_picture"
    if {"interview", "interviewed"} & contributions or (
            not quoted and UNTITLED_INTERVIEW.fullmatch(candidate.fields.get("title", ""))):
        return "interview"
    if _CONFERENCE.search(container):
        return "paper-conference"
    if not quoted:
        return "document" if container else "book"
    first = containers[0].found if containers else {}
    if "edited" in contributions or ("page" in first and "publisher" in candidate.fields
                                     and not {"volume", "issue"} & set(first)):
        return "chapter"
    if {"volume", "issue"} & set(first):
        magazine = "publisher" in candidate.fields or "magazine" in container.lower().split()
        return "article-magazine" if magazine else "article-journal"
    if container:
        return periodical_type(container, online)
    return "webpage" if online else "article"


def is_platform(name: str, platforms: tuple[str, ...]) -> bool:
    """Whether `name` is one of `platforms` (``Spotify``, ``YouTube``)."""
    return name.lower().startswith(platforms)


def _evidence(text: str, block: str, containers: list[_Container]) -> float:
    """MLA's own marks: ``vol.``/``no.``/``pp.`` among commas, ``edited by`` inside a
    container, ``Publisher, 2005.`` with no place, ``, editors.``, ``et al.`` after the first
    name, the day before the month (``3 July 2012``, ``Accessed 15 July 2021``)."""
    first = containers[0] if containers else _Container()
    unknown = _named(first.unknown)
    marks = [
        bool(_PERIODICAL_ELEMENTS & set(first.found)),
        bool(first.roles),
        bool(unknown and "date" in first.found and "thesis" not in first.found
             and not any(":" in u for u in unknown)),
        bool(re.search(r",\s+(?:editors?|translators?|et al\.?)\.?$", block)),
        bool(_ACCESSED_DAY_FIRST.search(text)),
        bool(re.match(r"\d{1,2}\s+[A-Z]", first.found.get("date", ""))),  # 3 July 2012
    ]
    return min(2.0, 0.5 * sum(marks))


GRAMMAR = Grammar("mla", "MLA 8 and 9", parse)
