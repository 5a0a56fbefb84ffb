"""The sentences after a title in a Chicago bibliography entry (both systems), each one
element: `In` a host book, `Edited by`, an edition, `Place: Publisher`, a journal's volume and
issue, a periodical and its date, a degree, a paper's meeting. `SENTENCES` says how each is
known and read, into a `Work`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..numbers import normalise_pages as pages
from ..record import Date
from .common import YEAR, Candidate
from .humanities import (
    DATE,
    DIGIT,
    MONTH,
    YEAR_OR_NONE,
    is_database,
    place_and_publisher,
    read_date,
    split_trailing_date,
)
from .humanities_names import given_first_names, roles

_VIDEO_MEDIA = frozenset("dvd blu-ray vhs videocassette film video streaming video".split(" "))
_MEDIA = _VIDEO_MEDIA | frozenset(
    "epub pdf kindle e-book ebook audiobook cd cd-rom mp3 microfiche microfilm podcast audio "
    "pdf e-book kindle edition nook adobe digital editions".split(" "))

_HOST = re.compile(r"[Ii]n\s+(?P<host>[^\W\d_“\"‘].*)")
_HOST_NAMES = re.compile(
    r",\s*(?:(?P<role>edited|compiled|translated|ed\.|eds\.|comp\.|trans\.)(?:\s+by)?|by)\s+")
_SPELLED_OUT = frozenset({"edited", "compiled", "translated"})
_HOST_PAGES = re.compile(
    r",\s*(?:pp?\.\s*)?(?P<page>(?:\d+|[ivxlcdm]+)(?:\s*[-–—]\s*(?:\d+|[ivxlcdm]+))?)$")
_HOST_VOLUME = re.compile(r",\s*(?:vol\.\s*(?P<volume>[\w–-]+)|(?P<roman>[IVXLC]+))$")
# Where the meeting was, after the proceedings' title: ``Proceedings of …, Melbourne``.
_MEETING_PLACE = re.compile(r",\s+(?P<place>[A-Z][\w.'’-]+(?:,?\s+[A-Z][\w.'’-]+){0,2})$")
_CONFERENCE_WORDS = re.compile(
    r"\b(?:Proceedings|Conference|Symposium|Workshop|Congress|Colloquium|Meeting)\b")
_PHRASE = re.compile(
    r"(?P<role>(?:Edited|Translated|Compiled|Directed|Produced|Narrated|Performed|Illustrated"
    r"|Hosted|Interview(?:ed)?|Introduction|Foreword|Afterword|Preface|Selected|Revised"
    r"|Written|Adapted)(?:(?:,\s*|\s+and\s+)(?:edited|translated|compiled|directed|produced"
    r"|with\s+an\s+introduction))*)\s+(?:by|with)\s+(?P<names>.+)")
DEGREE = (r"(?P<genre>(?:(?:PhD|Ph\.\s?D\.|DPhil|D\.Phil\.|EdD|Ed\.D\.|MA|M\.A\.|MS|M\.S\.|MSc"
          r"|M\.Sc\.|MPhil|M\.Phil\.|MFA|[Mm]aster['’]?s|[Dd]octoral|[Bb]achelor['’]?s|BA|B\.A\.|Honou?rs"
          r"|Senior|Undergraduate)\s+(?:diss(?:ertation)?\.?|thesis|essay)"
          r"|[Dd]issertation|[Tt]hesis))")
THESIS = re.compile(DEGREE + r"\.?\s*,?\s*(?P<school>.*)")
_EVENT = re.compile(r"(?:(?:Paper|Poster|Lecture|Talk|Keynote(?:\s+address)?)\s+)?(?:presented"
                    r"|delivered|given|read)\s+at\s+(?:the\s+)?(?P<event>.+)", re.IGNORECASE)
_VOLUME = re.compile(
    r"(?<!no\.)(?<!nos\.)(?<!No\.)(?<!Nos\.)[\s,]+(?:[Vv]ol\.\s*)?"
    r"(?P<volume>\d+[A-Za-z]?(?:[–-]\d+)?|[IVXLC]+)(?:,?\s*(?:nos?|Nos?)\.\s*(?P<issue>[\w/–-]+))?"
    r"(?:\s*\((?P<paren>[^()]{1,40})\))?(?:\s*:\s*(?P<page>[\w–-]+(?:\s*,\s*[\w–-]+)*))?$")
_ISSUE_ONLY = re.compile(
    r",\s*(?:nos?|Nos?)\.\s*(?P<issue>[\w/–-]+)(?:\s*\((?P<paren>[^()]{1,40})\))?"
    r"(?:\s*[:,]\s*(?P<page>[\w–-]+))?$")
# ``Newspaper (Place), May 3, 1984, 74``: the place a newspaper's name leaves out, the page.
_PERIODICAL = re.compile(
    rf"(?P<container>[^,:\d()]+?)(?:\s+\((?P<place>[A-Z][^()\d]*)\))?"
    rf"(?:,\s*(?P<publisher>[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){{0,3}}))?"
    rf",\s*(?P<date>{DATE})(?:,\s*(?P<page>[A-Z]?\d+(?:\s*[-–]\s*[A-Z]?\d+)?))?")
_DATED = re.compile(r"(?:(?P<revised>(?:Last\s+)?(?:[Mm]odified|[Uu]pdated|[Pp]ublished|[Pp]osted|"
                    rf"[Rr]evised))\s+(?:on\s+)?)?(?P<date>{DATE}|{YEAR_OR_NONE})")
# A part printed with its pages and no publisher: ``Proceedings (Place), 2000, 52–61`` (a
# meeting's paper), ``2012, 79–116`` (a book's chapter with no book named); author-date gives
# no year there.
DATED_PAGES = re.compile(
    rf"(?:(?P<container>[^\d\s].*?)(?:\s+\((?P<place>[A-Z][^()\d]*)\))?,\s*)?"
    rf"(?:(?P<date>(?:{MONTH}\s+)?(?:1[5-9]|20)\d\d),\s*(?P<page>\d+(?:\s*[-–]\s*\d+)?)"
    rf"|(?:(?P<month>{MONTH}),\s*)?(?P<range>\d+\s*[-–]\s*\d+))")
_EDITION = re.compile(r"(?P<edition>\d+(?:st|nd|rd|th)|Rev\.|[A-Z][a-z]+(?:\s+and\s+[a-z]+)?)"
                      r"\s+ed(?:\.|ition)?"
                      r"|(?P<foreign>(?:\d+(?:e|re|er|\.)\s+)?[ÉE]d(?:ition|\.)\s+(?:revue|augmentée"
                      r"|corrigée|refondue|nouvelle)(?:\s+et\s+(?:revue|augmentée|corrigée))?"
                      r"|\d+\.\s+(?:Auflage|Aufl\.)|\d+[ªa]\s+ed(?:\.|ición|izione))",
                      re.IGNORECASE)
_VOLUMES = re.compile(r"Vols?\.\s*(?P<volume>[\w–-]+)(?:\s+of\s+(?P<series>.+))?")
_VOLUME_COUNT = re.compile(r"(?P<count>\d+)\s+vols\.?")
# A catalogue or document number printed on its own: ``Cat. no. HSE 168``.
_CATALOGUE = re.compile(r"(?:Cat(?:alogue)?\.?|Catalog|Publication|Pub\.|Document|Doc\.)\s+"
                        r"(?:[Nn]o\.|[Nn]umber)\s*(?P<number>[A-Z]*\s?[-\d][\w./-]*)")
_REPORT = re.compile(r"(?P<genre>(?:[A-Z][\w.-]*\s+){0,3}(?:Report|Paper|Brief|Memorandum))"
                     r"(?:\s*,?\s*(?:[Nn]o\.|[Nn]umber)?\s*(?P<number>[A-Z]*[-\d][\w./-]*))?")
# Known and not kept: the book a review is of, a database's accession number.
_ASIDE = re.compile(r"Review\s+of\s+.+|(?:ISI|WOS):\s*\w+")
UNTITLED_INTERVIEW = re.compile(r"Interview(?:ed)?\s+(?:by|with)\s+.+|(?:Personal\s+)?interview"
                                 r"|Unpublished\s+interview.*", re.IGNORECASE)


@dataclass
class Work:
    """What the sentences after a title have told: the candidate being filled, the year an
    author-date entry gave, the kinds of item the sentences point to, those not understood."""

    candidate: Candidate
    year: int = 0
    note: bool = False
    kinds: set[str] = field(default_factory=set)
    unknown: list[str] = field(default_factory=list)
    marks: int = 0  # sentences in the style's own form: "Place: Publisher, 2007.", "(2): 12"
    unknown_before_facts: int = 0  # how many sentences no pattern knew came before the facts

    def locate(self, page: str) -> None:
        """The pages of the work, or in a note the page cited, which is set aside."""
        if self.note:
            self.candidate.skipped += f" {page}"
        else:
            self.candidate.set("page", pages(page))

    def date(self, text: str, variable: str = "issued") -> None:
        """The date `text` gives, into `variable` unless one as full is there already (the
        author-date year stands in for a date without one: ``October 22``)."""
        date = read_date(text, self.year)
        if date and (variable not in self.candidate.dates or len(date.parts) > len(
                self.candidate.dates[variable].parts) or not self.year):
            self.candidate.dates[variable] = date


def _match_periodical(sentence: str) -> re.Match | None:
    return _PERIODICAL.fullmatch(sentence) if DIGIT.search(sentence) else None


def _match_host(sentence: str) -> re.Match | None:
    return _HOST.fullmatch(sentence)


def _read_host(work: Work, match: re.Match) -> None:
    host = match["host"]
    page = _HOST_PAGES.search(host)
    if page and YEAR.fullmatch(page["page"]):
        page = None
    if not page:  # ``In The Power of Place, 44–78, 1997``: the date after the pages
        undated, date = split_trailing_date(host)
        page = _HOST_PAGES.search(undated) if date or undated != host else None
        if page and re.search(r"\d", page["page"]) and not YEAR.fullmatch(page["page"]):
            if date and not work.year:
                work.candidate.dates["issued"] = date
            host = undated
        else:
            page = None
    if page and re.search(r"\d|\b[ivxlcdm]+$", page["page"]) and not YEAR.fullmatch(page[1]):
        work.locate(page["page"])
        host = host[:page.start()]
    host, date = split_trailing_date(host)
    if date and not work.year:
        work.candidate.dates["issued"] = date
    host = _host_volume(work, host)
    names = _HOST_NAMES.search(host)
    if names and names["role"] in _SPELLED_OUT:  # the style's wording: ``In``, ``edited by``
        work.candidate.skipped += f" In {names.group(0)}"
    if names:
        variable = (roles(names["role"]) or ("editor",))[0] if names["role"] else (
            "container-author")
        work.candidate.set_names(variable, given_first_names(host[names.end():]))
        work.marks += names["role"] == "edited"
        host = _host_volume(work, host[:names.start()])
    meeting = _CONFERENCE_WORDS.search(host)
    place = _MEETING_PLACE.search(host) if meeting else None
    if place and not _CONFERENCE_WORDS.search(place["place"]):
        work.candidate.set("event-place", place["place"])
        host = host[:place.start()]
    work.candidate.set("container-title", host)
    work.kinds.add("paper-conference" if meeting else "chapter")
    work.marks += 1  # ``In`` before the book: Chicago's, not MLA's


def _host_volume(work: Work, host: str) -> str:
    """The host without the volume at its end (``, vol. 2``, ``, VIII``), which is kept."""
    volume = _HOST_VOLUME.search(host)
    if not volume:
        return host
    work.candidate.set("volume", volume["volume"] or volume["roman"])
    return host[:volume.start()]


_OTHER_ROLE = re.compile(r",\s+[a-z]+(?:\s+[a-z]+)?\s+by\s")


def _read_phrase(work: Work, match: re.Match) -> None:
    variables = roles(match["role"])
    if {"editor", "translator", "compiler"}.issuperset(variables):
        work.candidate.skipped += f" {match.string[:match.start('names')]}"  # ``Edited by``
    names = match["names"]
    others = _OTHER_ROLE.search(names)
    if others:  # ``Directed by …, performance by …``: each role its own names
        names = names[:others.start()]
    text, date = split_trailing_date(names)
    if "interviewer" in variables or match["role"].startswith("Interview"):
        work.kinds.add("interview")
        text = text.split(",")[0]
        if date and "issued" not in work.candidate.dates:
            work.candidate.dates["issued"] = date
    if "director" in variables:
        work.kinds.add("motion_picture")
    if " with " in match.group(0) and "interviewer" in variables:
        return
    for variable in variables:
        work.candidate.set_names(variable, given_first_names(text))


def _read_thesis(work: Work, match: re.Match) -> None:
    school = match["school"].strip(" ,")
    if school.startswith("(") and school.endswith(")"):
        school = school[1:-1]
    school, date = split_trailing_date(school)
    work.candidate.set("genre", match["genre"])
    work.candidate.set("publisher", school)
    if date and not work.year:
        work.candidate.dates["issued"] = date
        work.marks += 1
    work.kinds.add("thesis")


def _read_event(work: Work, match: re.Match) -> None:
    event, date = split_trailing_date(match["event"])
    work.candidate.skipped += f" {match.string[:match.start('event')]}"  # ``presented at``
    if not date and event != match["event"]:  # ``May 25–26`` after the author-date year
        work.candidate.skipped += f" {match['event'][len(event):]}"
    title, _, place = event.partition(", ")
    work.candidate.set("event-title", title)
    work.candidate.set("event-place", place)
    if date and (not work.year or "issued" not in work.candidate.dates):
        work.candidate.dates["issued"] = date
    work.kinds.add("paper-conference")
    work.marks += 1


def _match_journal(sentence: str) -> re.Match | None:
    if not DIGIT.search(sentence):
        return None
    for pattern in (_VOLUME, _ISSUE_ONLY):
        match = pattern.search(sentence)
        if match and re.search(r"[^\W\d_]", sentence[:match.start()]) and (
                pattern is _ISSUE_ONLY or match["issue"] or match["paren"] or match["page"]):
            return match
    return None


def _read_journal(work: Work, match: re.Match) -> None:
    candidate = work.candidate
    candidate.set("container-title", match.string[:match.start()])
    if "volume" in match.re.groupindex:
        candidate.set("volume", match["volume"])
    issue, paren = match["issue"], match["paren"]
    if paren and YEAR.search(paren):
        work.date(paren)
        work.marks += not work.year
    elif paren and not issue and re.fullmatch(r"[\w/–-]*\d[\w/–-]*", paren):
        issue = paren
    candidate.set("issue", issue or "")
    if match["page"]:
        work.locate(match["page"])
        work.marks += bool(work.year and (match["issue"] or paren))
    work.kinds.add("article-journal")


def _match_facts(sentence: str) -> tuple[str, str, Date | None] | None:
    if ":" not in sentence:
        return None
    text, date = split_trailing_date(sentence)
    found = place_and_publisher(text)
    return (*found, date) if found else None


def _read_facts(work: Work, facts: tuple[str, str, Date | None]) -> None:
    place, publisher, date = facts
    work.unknown_before_facts = len(work.unknown)
    work.candidate.fields["publisher-place"] = place
    work.candidate.fields["publisher"] = publisher
    if date and not work.year:
        work.candidate.dates["issued"] = date
    work.marks += bool(date) != bool(work.year)


def _read_periodical(work: Work, match: re.Match) -> None:
    if "container-title" not in work.candidate.fields:
        work.candidate.set("container-title", match["container"])
        work.candidate.set("publisher-place", match["place"] or "")
        work.candidate.set("publisher", match["publisher"] or "")
    work.date(match["date"])
    if match["page"]:
        work.locate(match["page"])
    # ``May 3, 1984`` in notes, ``May 3`` after author-date's year; MLA puts the day first
    work.marks += (bool(YEAR.search(match["date"])) != bool(work.year)
                   and not match["date"][:1].isdigit())
    work.kinds.add("periodical")


def _read_dated(work: Work, match: re.Match) -> None:
    work.date(match["date"])
    if match["revised"] and re.search(r"modified|updated", match["revised"], re.IGNORECASE):
        work.kinds.add("webpage")  # ``Last modified November 15, 2010``: a page on the web


def _read_dated_pages(work: Work, match: re.Match) -> None:
    container, place = match["container"] or "", match["place"] or ""
    work.candidate.set("container-title", container)
    work.candidate.set("event-place", place)
    work.candidate.set("page", pages(match["page"] or match["range"]))
    work.date(match["date"] or match["month"] or "")
    work.kinds.add("paper-conference" if place or _CONFERENCE_WORDS.search(container)
                   else "chapter")
    work.marks += 1  # pages without ``pp.``: Chicago's, not MLA's


def _read_edition(work: Work, match: re.Match) -> None:
    work.candidate.set("edition", match["edition"] or match["foreign"])


def _read_volumes(work: Work, match: re.Match) -> None:
    work.candidate.set("volume", match["volume"])
    work.candidate.set("collection-title", match["series"] or "")


def _read_volume_count(work: Work, match: re.Match) -> None:
    work.candidate.set("number-of-volumes", match["count"])


def _read_catalogue(work: Work, match: re.Match) -> None:
    work.candidate.set("number", match["number"])
    work.kinds.add("report")


def _read_report(work: Work, match: re.Match) -> None:
    if "chapter" in work.kinds:  # after the book a chapter is in: the book's series
        work.candidate.set("collection-title", match["genre"])
        work.candidate.set("collection-number", match["number"] or "")
        return
    work.candidate.set("genre", match["genre"])
    work.candidate.set("number", match["number"] or "")
    work.kinds.add("report")


# An artwork's medium (CMOS 14.235): ``Oil on canvas``, ``Gelatin silver print``, ``Bronze``.
_ART_MEDIUM = re.compile(
    r"(?:[A-Z][a-z]+(?:,?\s+[a-z]+)*\s+on\s+(?:canvas|paper|panel|board|wood|linen"
    r"|silk|vellum|parchment|copper|masonite)(?:\s+\w+)?"
    r"|(?:Gelatin\s+silver|Albumen|Chromogenic|Inkjet|Platinum)\s+print|Lithograph|Etching"
    r"|Woodcut|Engraving|Screenprint|Photograph|Watercolou?r|Gouache|Pastel|Charcoal|Tempera"
    r"|Fresco|Bronze|Marble|Terracotta|Mixed\s+media)")


def _match_medium(sentence: str) -> str | None:
    if _ART_MEDIUM.fullmatch(sentence):
        return sentence
    return sentence if sentence.lower() in _MEDIA else None


def _read_medium(work: Work, medium: str) -> None:
    work.candidate.set("medium", medium)
    if medium.lower() in _VIDEO_MEDIA:
        work.kinds.add("motion_picture")
    elif _ART_MEDIUM.fullmatch(medium):
        work.kinds.add("graphic")


def _match_aside(sentence: str) -> str | None:
    return sentence if _ASIDE.fullmatch(sentence) or is_database(sentence) else None


def _read_nothing(work: Work, found: object) -> None:
    """Known, and set aside: the database read in, the book a review is of."""
    work.candidate.skipped += f" {found}"


# In this order: the first that knows a sentence reads it; each is named for what it reads.
Reader = Callable[[Work, object], None]
SENTENCES: tuple[tuple[str, Callable[[str], object], Reader], ...] = (
    ("host", _match_host, _read_host),
    ("contributors", _PHRASE.fullmatch, _read_phrase),
    ("thesis", THESIS.fullmatch, _read_thesis),
    ("event", _EVENT.fullmatch, _read_event),
    ("journal", _match_journal, _read_journal),
    ("facts", _match_facts, _read_facts),
    ("dated pages", DATED_PAGES.fullmatch, _read_dated_pages),
    ("periodical", _match_periodical, _read_periodical),
    ("date", _DATED.fullmatch, _read_dated),
    ("edition", _EDITION.fullmatch, _read_edition),
    ("volumes", _VOLUMES.fullmatch, _read_volumes),
    ("volume count", _VOLUME_COUNT.fullmatch, _read_volume_count),
    ("report", _REPORT.fullmatch, _read_report),
    ("catalogue", _CATALOGUE.fullmatch, _read_catalogue),
    ("medium", _match_medium, _read_medium),
    ("aside", _match_aside, _read_nothing),
)


def known(sentence: str) -> tuple[str, Reader, object] | None:
    """The name and reader of the first of `SENTENCES` that knows `sentence`, and what its
    matcher found; None when none does."""
    for name, matcher, reader in SENTENCES:
        found = matcher(sentence)
        if found:
            return name, reader, found
    return None


def read_sentence(work: Work, sentence: str, only: frozenset[str] | None = None) -> bool:
    """`sentence` read into `work` by the first of `SENTENCES` that knows it (of those named in
    `only`, if given); False, and the sentence kept as unknown, when none does."""
    found = known(sentence)
    if found and (only is None or found[0] in only):
        found[1](work, found[2])
        return True
    work.unknown.append(sentence)
    return False


def joined_host(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The sentences with a host book's title that has full stops inside (``In Languages of
    India. A Survey. Vol. 2, edited by …``) made one, up to the sentence with its editors."""
    for start, (sentence, _) in enumerate(parts):
        if not _HOST.fullmatch(sentence) or _HOST_NAMES.search(sentence):
            continue
        for end in range(start + 1, min(start + 4, len(parts))):
            if _HOST_NAMES.search(parts[end][0]):
                joined = " ".join(piece + mark for piece, mark in parts[start:end]) + " " + (
                    parts[end][0])
                return [*parts[:start], (joined, parts[end][1]), *parts[end + 1:]]
        break
    return parts


def joined_volume(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The sentences with a journal's volume that a stray full stop parted from the journal's
    name (``Virginia Quarterly Review. 75, no. 3 (1999): 417–19``) made one again."""
    for index in range(1, len(parts)):
        name, volume = parts[index - 1][0], parts[index][0]
        if volume[:1].isdigit() and not DIGIT.search(name) and not _match_journal(volume):
            joined = f"{name} {volume}"
            if _match_journal(joined):
                return [*parts[:index - 1], (joined, parts[index][1]), *parts[index + 1:]]
    return parts
