"""Vancouver references that are no journal article: books, chapters, conference papers,
theses, reports and web pages. After the authors and the title come sentences known by their
form — ``2nd ed.``, ``Place: Publisher; Year``, ``p. 465-78``, ``(Series; no. 5)`` — or, as
Elsevier's Vancouver prints parts, one sentence of comma-separated elements:

    Title. In: Editors, editors. Book, vol. 4. Place: Publisher; 1994, p. 367-406.
    Title. Book, 1996, p. 159-73.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..numbers import normalise_pages as pages
from ..record import Name
from .common import Candidate
from .pieces import span_date
from .vancouver_names import authors_and_title, has_role, is_vancouver_names, people

YEAR = r"(?:1[5-9]|20)\d\d"
_MONTH = r"[A-Za-z]{3,9}\.?"
DATE = (YEAR + r"(?:\s+" + _MONTH + r"(?:\s*[-/]\s*" + _MONTH + r")?"
        r"(?:\s+\d{1,2}(?:\s*-\s*\d{1,2})?)?)?|" + _MONTH + r"\s+\d{1,2},\s*" + YEAR)
# ``dissertation``, ``PhD thesis``, ``unpublished DPhil thesis``, ``Thesis (PhD)``.
GENRES = re.compile(r"^(?:(?:unpublished|doctoral|master['’]?s|masters|ph\.?\s?d\.?|d\.?phil|"
                    r"m\.?phil|m\.?sc|m\.?a|m\.?d|b\.?sc|bachelor['’]?s|honou?rs|"
                    r"undergraduate)\s+){0,3}(?:dissertation|thesis)$|^thesis\b.*$", re.IGNORECASE)
# ``Canberra: AIHW.``: a place and publisher whose year comes in the next sentence.
_PLACE_PUBLISHER = re.compile(r"^(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}"
                              r"(?:\s\([A-Z]{2,3}\))?)\s*:\s*(?P<publisher>[A-Z][^:;]{1,80})$")
PRESENTED = re.compile(r"^(?:Paper|Poster|Abstract)?\s*presented at:?\s*(?P<event>.+)$",
                       re.IGNORECASE)
# ``In:`` (``I:`` in Scandinavian lists) before a host's editors or title.
IN_HOST = re.compile(r"^(?:In|I(?=:))(?::\s+|\s+(?=[^.]*,\s*(?:editors?|eds?)\b))")
_PUBLICATION = re.compile(
    r"^(?:(?P<place>[^:;]{2,60}?)\s*:\s*(?P<publisher>[^:;]{2,120}?)\s*(?P<separator>[;,])"
    r"|(?P<issuer>[^:;]{2,120}?)\s*(?P<plain>[;,]))"
    r"\s*c?(?P<date>" + YEAR + r"(?:\s+" + _MONTH + r"(?:\s+\d{1,2})?)?"
    r"|\d{1,2}\.?\s+" + _MONTH + r"\s+" + YEAR + r")"  # ``26. september 2018``
    r"(?:-(?:\d{2}|\d{4}))?\s*-?$")
# The end of a sentence of elements: ``, [Place: ]Publisher; Year`` or ``, Year``, then
# ``, p. 10-20``.
_ELEMENTS_DATE = re.compile(r"(?P<separator>^|[;,])\s*c?(?P<date>" + YEAR
                            + r"[a-z]?|forthcoming|n\.d\.|undated)$")
_ELEMENTS_PAGES = re.compile(r",\s*pp?\.\s*(?P<page>[A-Za-z]?\d[\w–-]*)$")
_ELEMENTS_VOLUME = re.compile(r",\s*vols?\.\s*(?P<volume>[\w.-]+)$")
# An organisation named in one word, before the title: ``Kreftregisteret.``, ``UNICEF.``
_ONE_WORD = re.compile(r"^[A-Z][\w'’-]{4,}$")
_CITY = re.compile(r"^[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?$")
_EDITION = re.compile(r"^(?P<edition>\d+(?:st|nd|rd|th)|[A-Z][a-z]+\.?(?:\s+[a-z]+\.?)?)\s+"
                      r"ed(?:ition)?\.?$"
                      r"|^(?P<ordinal>\d+)\.?\s*(?:utg|uppl|udg|opl|Aufl|éd)\.?$")  # ``2. utg.``
# ``[place unknown]``, ``[publisher unknown]``: NLM's words for what the item does not say.
_UNKNOWN = re.compile(r"^\[[a-z ]*unknown\]$", re.IGNORECASE)
# ``The cat: diseases and clinical management; vol. 1``: a host's volume after its title.
_TITLE_VOLUME = re.compile(r";\s*(?:vols?\.|Bind|Band|Bd\.)\s*(?P<volume>[\w.-]+)$")
# A reference work's host: its entries are no chapters.
_REFERENCE_WORK = re.compile(r"\bencyclop|\bdictionar|leksikon|lexikon|ordbo[kg]",  # also
                             re.IGNORECASE)  # in compounds: ``helseleksikon``
_EVENT = re.compile(r"^(?P<name>.+?);\s*(?P<date>" + DATE + r")\s*[;:]\s*(?P<place>.+)$")
_CONFERENCE = re.compile(r"\b(?:Proceedings|Conference|Congress|Symposium|Workshop|Meeting|"
                         r"Colloquium|Summit)\b", re.IGNORECASE)


def is_publication(sentence: str) -> bool:
    """Whether `sentence` is a book's ``Place: Publisher; Year``."""
    match = _PUBLICATION.match(sentence)
    return bool(match and match["place"])


def issued(candidate: Candidate, text: str) -> None:
    """The date of `text` as the candidate's issued date, unless it has one."""
    date = span_date(text)
    if date and "issued" not in candidate.dates:
        candidate.dates["issued"] = date


def part_of_host(sentences: list[str], host: int, candidate: Candidate) -> None:
    """``Authors. Title. In: Editors, editors. Host title. ... Place: Publisher; Year. p. x.``"""
    authors_and_title(sentences[:host], candidate)
    rest = sentences[host:]
    rest[0] = IN_HOST.sub("", rest[0])
    candidate.evidence += 0.5
    if has_role(rest[0]):  # the editors' sentence, read or not (``Csató, Isaksson, editors``),
        people(rest[0], candidate, "editor")  # is never the host's title
        rest = rest[1:]
    host_title, event = _body(rest, candidate)
    chapter = candidate.fields.pop("chapter-title", "")  # ``Chapter 2, Name``: the part's own
    host = ". ".join(host_title + ([chapter] if chapter else []))
    volume = _TITLE_VOLUME.search(host)
    if volume:
        candidate.set("volume", volume["volume"])
        host = host[:volume.start()]
    candidate.set("container-title", host)
    conference = event or _CONFERENCE.search(candidate.fields.get("container-title", ""))
    candidate.type = "paper-conference" if conference else "chapter"
    if _REFERENCE_WORK.search(host) and not conference:
        candidate.type = "entry-encyclopedia"


def whole(sentences: list[str], candidate: Candidate) -> None:
    """A book, report, thesis, web page or conference paper: authors, title, then marked
    sentences (edition, place and publisher, pages, series)."""
    start = 1 if people(sentences[0], candidate) else 0
    if start and is_vancouver_names(candidate):
        candidate.evidence += 1.0
    online = "medium" in candidate.fields or "URL" in candidate.fields
    if not start and _ONE_WORD.match(sentences[0]) and (len(sentences) > 2 or online):
        candidate.names["author"] = [Name(literal=sentences[0])]  # ``Kreftregisteret.``
        start = 1
    title, event = _body(sentences[start:], candidate)
    if not title and start:
        candidate.names.clear()
        title = [sentences[0]]
    if len(title) > 1 and _is_title_case(title[-1]) and not _is_title_case(title[0]):
        candidate.set("collection-title", title.pop())
    fields = candidate.fields
    if "chapter-title" in fields:
        candidate.set("container-title", ". ".join(title))
        candidate.set("title", fields.pop("chapter-title"))
        candidate.type = "chapter"
        return
    if len(title) > 1 and ("publisher" not in fields or "page" in fields) and not event:
        candidate.set("container-title", title.pop())
    elif len(title) > 1 and "medium" in fields and len(title[-1].split()) <= 3:
        candidate.set("container-title", title.pop())  # a web page's site: ``Title. WHO.``
    candidate.set("title", ". ".join(title))
    candidate.type = _type_of_whole(candidate, bool(event))


def _type_of_whole(candidate: Candidate, event: bool) -> str:
    fields = candidate.fields
    if event or "event-title" in fields:
        return "paper-conference"
    if candidate.type == "thesis" or "genre" in fields:
        return "thesis"
    if "number" in fields:
        return "report"
    if "container-title" in fields and "page" in fields:
        conference = _CONFERENCE.search(fields["container-title"])
        return "paper-conference" if conference else "chapter"
    if "publisher" not in fields and "container-title" in fields:
        return "webpage" if "medium" in fields or "URL" in fields else "article"
    web = fields.get("medium", "").lower() == "internet" or "URL" in fields
    book_marks = any(v in fields for v in ("edition", "number-of-pages", "ISBN"))
    if web and not book_marks and not candidate.names.get("editor"):
        return "webpage"
    return "book"


def _body(sentences: list[str], candidate: Candidate) -> tuple[list[str], bool]:
    """The unmarked sentences before the first marked one (a title), and whether a
    conference's ``name; date; place`` was among them; marked sentences go to `candidate`."""
    title: list[str] = []
    event = False
    marked = False
    for index, sentence in enumerate(sentences):
        conference = _EVENT.match(sentence)
        if conference and not marked:
            title.append(conference["name"])
            candidate.set("event-place", conference["place"])
            event = True
            continue
        if marked_sentence(sentence, candidate):
            marked = True
            continue
        if title and _place_publisher(sentence, sentences[index + 1:], candidate):
            marked = True
            continue
        head = _elements(sentence, candidate)
        if head is not None:
            title += [head] if head and not marked else []
            marked = True
        elif not marked:
            title.append(sentence)
        elif GENRES.match(sentence):
            candidate.set("genre", sentence)
    return title, event


def _place_publisher(sentence: str, following: list[str], candidate: Candidate) -> bool:
    """``Place: Publisher`` as a sentence of its own, the year in the sentence after it."""
    match = _PLACE_PUBLISHER.match(sentence)
    if not match or "publisher" in candidate.fields or not (
            following and re.search(YEAR, following[0])):
        return False
    candidate.set("publisher-place", match["place"])
    candidate.set("publisher", match["publisher"])
    candidate.evidence += 0.25
    return True


def _elements(sentence: str, candidate: Candidate) -> str | None:
    """A sentence of comma-separated elements ending in a date (and pages): its head (the
    book's title, or ""), the rest into `candidate`; None when the sentence is no such."""
    page = _ELEMENTS_PAGES.search(sentence)
    body = sentence[:page.start()] if page else sentence
    date = _ELEMENTS_DATE.search(body)
    if not date:
        return None
    if page:
        candidate.set("page", pages(page["page"]))
    issued(candidate, date["date"])
    head = body[:date.start()].strip()
    if date["separator"] == ";":
        head = _publisher(head, candidate)
    volume = _ELEMENTS_VOLUME.search(head)
    if volume:
        candidate.set("volume", volume["volume"])
        head = head[:volume.start()]
    return head.strip(" ,")


def _publisher(text: str, candidate: Candidate) -> str:
    """``Book, Place, ST: Publisher`` (the part before ``; Year``): the place and publisher
    into `candidate`; the text before them."""
    before, colon, publisher = text.rpartition(":")
    if not colon:
        before, _, publisher = text.rpartition(",")
        candidate.set("publisher", publisher)
        return before
    candidate.set("publisher", publisher)
    pieces = before.split(",")
    place = [pieces.pop().strip()]
    if len(pieces) > 1 and _CITY.match(pieces[-1].strip()):
        place.insert(0, pieces.pop().strip())  # ``Tempe, Arizona``
    candidate.set("publisher-place", ", ".join(place))
    return ",".join(pieces)


def marked_sentence(sentence: str, candidate: Candidate) -> bool:
    """A sentence known by its form (edition, publication, pages, ...) into `candidate`."""
    for pattern, handler in _MARKS:
        match = pattern.match(sentence)
        if match and handler(match, candidate) is not False:  # a handler may decline
            return True
    return False


def _field(variable: str, group: str | int,
           transform: Callable[[str], str] = str) -> Callable[[re.Match, Candidate], None]:
    def handler(match: re.Match, candidate: Candidate) -> None:
        candidate.set(variable, transform(match[group] or ""))
    return handler


def _publication(match: re.Match, candidate: Candidate) -> bool:
    if match["plain"] == "," and "genre" not in candidate.fields:
        return False  # ``Issuer, Year`` only after a thesis's kind
    place, publisher = match["place"] or "", match["publisher"] or match["issuer"]
    for variable, value in (("publisher-place", place), ("publisher", publisher)):
        if _UNKNOWN.match(value):
            candidate.skipped += " " + value  # NLM's wording, no value
        else:
            candidate.set(variable, value)
    issued(candidate, match["date"])
    comma = (match["separator"] or match["plain"]) == ","
    candidate.evidence += 0.25 if comma else 0.5
    return True


def _chapter(match: re.Match, candidate: Candidate) -> None:
    candidate.fields["chapter-title"] = match["title"]
    candidate.set("page", pages(match["page"] or ""))


def _series(match: re.Match, candidate: Candidate) -> None:
    candidate.set("collection-title", match["series"])
    candidate.set("collection-number", match["number"] or "")


def _presented(match: re.Match, candidate: Candidate) -> None:
    parts = [p.strip() for p in match["event"].split(";")]
    candidate.set("event-title", parts[0])
    dates = [span_date(p) for p in parts[1:] if re.search(YEAR, p)]
    if dates and dates[0]:
        candidate.dates.setdefault("issued", dates[0])
    places = [p for p in parts[1:] if not re.search(YEAR, p)]
    if places:
        candidate.set("event-place", places[-1])


def _catalogue(match: re.Match, candidate: Candidate) -> None:
    candidate.set("number", match["number"])
    candidate.evidence += 0.5
    if match["date"]:
        issued(candidate, match["date"])


def _contributors(match: re.Match, candidate: Candidate) -> None:
    people(match.group(), candidate, "editor")


def _bare_year(match: re.Match, candidate: Candidate) -> None:
    issued(candidate, match.group())


def _edition(match: re.Match, candidate: Candidate) -> None:
    candidate.set("edition", match["edition"] or match["ordinal"])


_MARKS = (
    (_EDITION, _edition),
    (re.compile(r"^Cat(?:alogue)?\.?\s*no\.?\s*:?\s*(?P<number>[^;]+?)(?:\s*;\s*(?P<date>" + YEAR
                + r"))?$", re.IGNORECASE), _catalogue),
    (_PUBLICATION, _publication),
    # ``p. 465-78``; ``s. 229-332`` in Scandinavian lists.
    (re.compile(r"^(?:p|pp|s)\.?\s*(?P<page>[A-Za-z]?\d[\w\s,-]*)$"),
     _field("page", "page", pages)),
    (re.compile(r"^(?P<count>\d+|[ivxlc]+,\s*\d+)\s*[ps]$"), _field("number-of-pages", "count")),
    (re.compile(r"^(?:Chapter|Chap\.?|Ch\.?)\s*(?P<number>\w+),\s*(?P<title>.+?)"
                r"(?:;\s*p\.?\s*(?P<page>.+))?$"), _chapter),
    (re.compile(r"^\((?P<series>[^();]+?)(?:;\s*(?:no|vol)\.?\s*(?P<number>[\w.-]+))?\)$"),
     _series),
    (re.compile(r"^(?:Report|Rep\.?|Technical report)\s*No\.?\s*:?\s*(?P<number>.+)$",
                re.IGNORECASE), _field("number", "number")),
    (re.compile(r"^(?:vols?\.|Bind|Band|Bd\.)\s*(?P<volume>[\w.-]+)(?:,\s.+)?$", re.IGNORECASE),
     _field("volume", "volume")),
    # ``NIBR-rapport 2016:14``: a report series and its number.
    (re.compile(r"^[\w-]*(?:rapport|[Rr]eport)\s+(?:[Nn]o\.?\s*)?\d[\w.:/-]*$"),
     _field("number", 0)),
    (PRESENTED, _presented),
    (GENRES, _field("genre", 0)),
    (re.compile(r"^[^.;:]+,\s*(?:[a-z]+\s+)?(?:editors?|translators?|illustrators?|"
                r"compilers?|red)$"), _contributors),
    (re.compile(r"^c?(?:" + DATE + r")$"), _bare_year),
    (re.compile(r"^(?P<page>[A-Z]?\d+\s*-\s*[A-Z]?\d+)$"), _field("page", "page", pages)),
)


def _is_title_case(text: str) -> bool:
    words = [w for w in text.split() if len(w) > 3]
    return len(words) >= 2 and all(w[0].isupper() for w in words)
