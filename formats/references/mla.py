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
        r"(?P<role>edited|translated|directed|performances?|uploaded|narrated|created|produced"
        r"|adapted|introduction|foreword|illustrated|interview(?:ed)?|written|hosted|presented"
        r"|compiled)\s+(?:by|with)\s+(?P<value>.+)", re.IGNORECASE)),
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
    rest = take_locations(text, candidate)
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
        pieces = sentences(after)
    else:
        pieces = sentences(body)
        if not pieces:
            return None
        title, pieces = pieces[0][0], pieces[1:]
    parts = _joined_container(pieces)
    if not parts:
        return None  # a title alone: nothing of MLA's containers to read
    candidate.set("title", title)
    containers = [_read_container(part) for part in parts]
    _fill(candidate, containers, bool(quoted))
    candidate.evidence = min(2.0, _evidence(reference.text, block, containers)
                             + 0.5 * written_out(candidate))
    return candidate


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
    """The comma-separated elements, with ``July 3`` and ``2012`` joined again, and a place in
    brackets (``[Bangkok, Thailand]``)."""
    elements: list[str] = []
    for piece in sentence.split(", "):
        if elements and (re.fullmatch(r"\d{4}", piece) and _MONTH_DAY.search(elements[-1])
                         or elements[-1].count("[") > elements[-1].count("]")):
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
    """The elements no pattern knew that can be a name: not a bare number (a page printed
    without ``p.``, which MLA does not do)."""
    return [element for element in elements if not element.isdigit()]


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
    elif kind in ("volume", "issue", "edition"):
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
