"""What follows the title in an APA or Harvard reference: the bracketed details and
description of the title (``(2nd ed., Vol. 3)``, ``[Doctoral dissertation, University]``),
and the source: a periodical (``Journal, 26(1), 21–27``), a part of a book (``In I. Editor
(Ed.), Book (pp. 3–9)``), a publisher (``Place: Publisher``), and the names that tell a
newspaper, a journal or a preprint server apart.
"""

from __future__ import annotations

import re

from ..numbers import normalise_pages as pages
from .authordate import date_of, editor_list, peel_groups, split_sentence
from .common import Candidate

# -- the groups after a title

# The kind of work a description in brackets names (matched on its start, in lower case).
_DESCRIPTION_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?:unpublished )?(?:doctoral|master'?s?|ph\.?\s?d\.?|mphil|msc|ma|honours|bachelor'?s?"
     r"|undergraduate|masters)\b.*(?:dissertation|thesis)|(?:dissertation|thesis)\b"
     r"|(?:博士|硕士|学士)(?:学位)?论文|学位论文", "thesis"),
    (r"(?:unpublished )?(?:conference|paper|poster|symposium|roundtable|keynote|workshop)\b"
     r".*(?:paper|presentation|session|address|abstract|poster)?", "paper-conference"),
    (r"data ?sets?\b|database\b", "dataset"),
    (r"(?:computer |mobile )?(?:software|program|app|application)\b|source code|"
     r"(?:r|python|julia|stata|matlab) (?:package|library|module)\b|"
     r"(?:large )?language model", "software"),
    (r"press release|(?:technical |research |annual )?report\b|white paper|fact sheet|"
     r"policy brief|brochure|pamphlet", "report"),
    (r"preprint\b", "article"),
    (r"(?:online )?video|film|motion picture", "motion_picture"),
    (r"(?:audio )?podcast|radio|television|tv\b", "broadcast"),
    (r"tweet|facebook|instagram|blog post|online forum|status update", "post"),
    (r"map\b", "map"),
)
_DESCRIPTION_TYPES = tuple((re.compile(pattern), kind) for pattern, kind in _DESCRIPTION_PATTERNS)
_MEDIA = frozenset({"online", "internet", "electronic", "e-book", "ebook", "kindle", "cd-rom",
                    "dvd", "online video", "electronic version", "pdf", "video recording",
                    "sound recording", "audio recording", "videorecording"})
_EDITION = re.compile(r"^(?P<edition>\d+\s*(?:st|nd|rd|th)?(?: [a-z]+)?|[A-Z][a-z]+\.?"
                     r"(?: [a-z]+\.?)?)\s*(?:ed|edn|edition)\.?$", re.IGNORECASE)


def edition_of(text: str) -> str:
    """``7th ed.`` → ``7th``, ``11 th ed.`` → ``11th``, ``Rev. ed.`` → ``Rev.``,
    ``40th anniversary edn`` → ``40th anniversary``; "" when `text` is no edition."""
    match = _EDITION.match(text.strip())
    if not match:
        return ""
    edition = match["edition"].strip()
    return re.sub(r"^(\d+)\s+(st|nd|rd|th)", r"\1\2", edition)


_DETAIL_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^vols?\.\s*(.+)$", re.IGNORECASE), "volume"),
    (re.compile(r"^pp?\.\s*(.+)$", re.IGNORECASE), "page"),
    (re.compile(r"^(?:[\w. ]*\b)?(?:no|number)\.?\s+([\w./-]*\d[\w./-]*)$", re.IGNORECASE),
     "number"),
    (re.compile(r"^(?:version|v\.|ver\.)\s*(\S+)$", re.IGNORECASE), "version"),
    (re.compile(r"^(.+?) version$", re.IGNORECASE), "version"),
)


def read_groups(groups: list[str], candidate: Candidate, codes: bool = False) -> list[str]:
    """Fields from the bracketed groups after a title (edition, volume, pages, number,
    version; a description in brackets gives `genre` and the type); those not understood.
    With `codes`, a short group with digits (``(HC 264 2016-17)``) is the work's number."""
    unread = []
    for group in groups:
        inner = group[1:-1].strip()
        if group[0] == "[":
            read = read_description(inner, candidate) or _read_details(inner, candidate,
                                                                         codes)
        else:
            read = _read_details(inner, candidate, codes) or _read_contributors(
                inner, candidate) or (bool(kind_of(inner)) and read_description(inner,
                                                                                 candidate))
        if not read:
            unread.append(group)
    if "number" in candidate.fields and candidate.type == "book":
        candidate.type = "report"
    return unread


_CONTRIBUTORS = re.compile(r"^(?P<names>.+),\s*(?P<role>Trans|Eds?|Ed\. & Trans|Narr)\.$")
_ROLES = {"trans": "translator", "ed": "editor", "eds": "editor", "ed. & trans": "translator",
          "narr": "narrator"}


def _read_contributors(text: str, candidate: Candidate) -> bool:
    """APA's ``J. Riviere, Trans.`` or ``R. Smith & K. Lee, Eds.`` after a title."""
    match = _CONTRIBUTORS.match(text)
    if not match:
        return False
    candidate.set_names(_ROLES[match["role"].lower()], editor_list(match["names"]))
    return True


_ORIGINAL = re.compile(r"\s*\(Original work published (?P<date>[^()]{4,30})\)\.?$")


def read_original_date(text: str, candidate: Candidate) -> str:
    """``(Original work published 1923)`` at the end of `text`: the original date; the text
    before it."""
    match = _ORIGINAL.search(text)
    date = date_of(match["date"]) if match else None
    if not date:
        return text
    candidate.dates["original-date"] = date
    candidate.skipped += " Original work published"
    return text[:match.start()]


def read_description(text: str, candidate: Candidate) -> bool:
    """``Doctoral dissertation, University of X`` → genre, type thesis, publisher; ``Online``
    → medium; False when `text` describes nothing known."""
    if text.lower() in _MEDIA:
        candidate.set("medium", text)
        if candidate.type == "book" and kind_of(text) == "motion_picture":
            candidate.type = "motion_picture"
        return True
    kind = kind_of(text)
    if not kind:
        if text and text[0].isupper() and len(text) < 60 and not re.search(r"\d", text):
            candidate.set("genre", text)
            return True
        return False
    genre, _, where = text.partition(",")
    candidate.type = kind
    candidate.set("genre", genre)
    if where.strip():
        candidate.set("publisher", where)
    return True


def kind_of(text: str) -> str:
    """The CSL type a description names (``Doctoral dissertation`` → thesis), or ""."""
    lowered = text.lower().replace("’", "'")
    return next((kind for pattern, kind in _DESCRIPTION_TYPES if pattern.match(lowered)), "")


def _read_details(text: str, candidate: Candidate, codes: bool) -> bool:
    read = []
    parts = _detail_parts(text)
    for part in parts:
        edition = edition_of(part)
        if edition:
            read.append(part)
            candidate.set("edition", edition)
            continue
        for pattern, variable in _DETAIL_PATTERNS:
            match = pattern.match(part)
            if match:
                read.append(part)
                candidate.set(variable, pages(match[1]) if variable == "page" else match[1])
                break
    if read and len(read) == len(parts):
        return True
    if codes and not read and re.search(r"\d", text) and len(text) < 40 and "," not in text:
        candidate.set("number", text)  # a report or paper number as the issuer writes it
        return True
    return False


def _detail_parts(text: str) -> list[str]:
    """The comma-parted details of a group, a page list kept whole (``pp. xi, 223``)."""
    parts: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if parts and re.match(r"pp?\.", parts[-1]) and re.fullmatch(r"\d+(?:\s*[-–]\s*\d+)?",
                                                                   part):
            parts[-1] += ", " + part
        elif part:
            parts.append(part)
    return parts


# -- sources

_PAGE = r"(?:[A-Za-z]{0,2}\d+[A-Za-z]{0,2}|[ivxlc]+)"
_PAGE_RANGE = _PAGE + r"\s*[-‐‑–—]\s*" + _PAGE
_PAGES = _PAGE + r"(?:\s*[-‐‑–—]\s*" + _PAGE + r")?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*"
# A volume is a number (``26``, ``S2``, ``12/3``); a range of them or a Roman numeral only
# when an issue or pages follow.
_VOLUME = (r"(?P<volume>[A-Za-z]?\d+[A-Za-z]?(?:/\d+)?|(?:\d+[-–]\d+|[IVXLC]+)"
           r"(?=\s*\(|,\s*(?:pp?\.\s*)?[A-Za-z]?\d))")
_PERIODICAL = re.compile(
    r"(?:,\s*|\s+(?=(?:[Vv]ol\.?\s*)?\d+\s*(?:\(|,\s*[A-Za-z]?\d|:\s*[A-Za-z]?\d)))"
    r"(?:[Vv]ol(?:ume)?\.?\s*)?" + _VOLUME
    + r"(?:\s*\((?P<issue>[^()]{1,24})\)|\.(?P<dotted>\d{1,3})(?=,)"
    r"|,\s*(?:[Nn]o\.|[Ii]ssue|[Nn]r\.)\s*(?P<number>[\w/-]+))?"
    r"(?:\s+(?:[A-Z][a-z]+|[a-z]+)(?=[,.]|$))?"
    r"(?:(?:,\s*|:\s*|\s+)(?:(?:pp?\.?\s*)?(?P<page>" + _PAGES + r")"
    r"|(?:[Aa]rticle|[Aa]rt\.|[Ee]locator)\s*(?:[Nn]o\.\s*)?(?P<article>\S+?)))?"
    r"\s*\.?$")
_ISSUE_ONLY = re.compile(
    r"(?:,\s*|\s*)\((?P<issue>[^()]{1,12})\)(?:,\s*|:\s*)(?:pp?\.\s*)?"
    r"(?P<page>\w+(?:\s*[-–]\s*\w+)?)\s*\.?$")
# ``Journal, 52–61`` or ``Journal, pp. 5-9``: a periodical (or proceedings) printed with pages
# and no volume.
_PAGES_ALONE = re.compile(
    r",\s*(?:pp?\.\s*(?P<page>" + _PAGES + r")|(?P<range>" + _PAGE_RANGE + r"))\s*\.?$")


_PAGE_MARK = re.compile(r"\bpp?\.\s*[A-Za-z]?\d|\bpp\.\s*[ivxlc]+\b")


def is_periodical(text: str) -> bool:
    """Whether `text` reads as a periodical with its volume (``Journal, 26(1), 21–27``)."""
    match = _PERIODICAL.search(text.strip())
    return bool(match) and match.start() > 0


def read_periodical(text: str, candidate: Candidate, pages_alone: bool = False) -> bool:
    """``Journal, 26(1), 21–27`` (also ``86.6``, ``Article e123``, ``vol. 3, no. 2, pp.
    5-9``, ``(10), 35-44``, ``I, 119–134``) into container, volume, issue, page; with
    `pages_alone`, ``Journal, 52–61`` too. False when `text` is no periodical."""
    text = text.strip()
    match = _PERIODICAL.search(text) or _ISSUE_ONLY.search(text)
    if not match and pages_alone and ":" not in text:
        match = _PAGES_ALONE.search(text)
    if not match or match.start() == 0:
        return False
    container = text[:match.start()].strip(" ,.")
    if not container or len(container) > 200 or _PAGE_MARK.search(container):
        return False
    found = match.groupdict()
    candidate.set("container-title", container)
    candidate.set("volume", found.get("volume") or "")
    candidate.set("issue", found.get("issue") or found.get("dotted") or found.get("number")
                  or "")
    page = found.get("page") or found.get("range")
    if page:
        candidate.set("page", pages(page))
    if found.get("article"):
        candidate.set("number", found["article"])
    return True


_ONLY_PAGES = re.compile(r"(?:pp?\.\s*)?(" + _PAGE_RANGE + r")\.?")


def page_range(text: str) -> str:
    """The pages when `text` is a page range alone (``79–116``, ``pp. 3-9``), else ""."""
    match = _ONLY_PAGES.fullmatch(text.strip())
    return pages(match[1]) if match else ""


_IN_PART = re.compile(
    r"^[Ii]n:?\s+(?:(?P<editors>[^()]{1,600}?)\s*(?:\((?P<role>(?:[Ee]ds?|[Ee]dited|[Tt]rans|"
    r"[Cc]omps?|[Ee]d\. & [Tt]rans)\.?(?: by)?)\)\.?|,?\s+(?P<bare>eds?\.?)(?=\s))\s*,?\s*)?"
    r"(?P<rest>.*)$")


def read_in_part(text: str, candidate: Candidate) -> str:
    """``In I. Editor (Ed.), Book (pp. 3–9). Publisher`` (APA) or ``in Editor, I. (ed.)
    Book. Place: Publisher, pp. 3-9`` (Harvard): editors, container title and its details;
    what follows the container title (publisher and such); `text` itself when it is no
    such part. The type becomes chapter, paper-conference or a dictionary entry."""
    match = _IN_PART.match(text)
    if not match:
        return text
    candidate.skipped += " In"
    if match["editors"]:
        role = (match["role"] or match["bare"] or "").lower()
        variable = "translator" if role.startswith("trans") else "editor"
        candidate.set_names(variable, editor_list(match["editors"]))
    first, rest = _container_and_rest(match["rest"])
    title, groups = peel_groups(first)
    title = page_tail(title, candidate)
    unread = read_groups(groups, candidate)
    candidate.set("container-title", " ".join([title, *unread]))
    candidate.type = _part_type(title, candidate.type)
    return rest.strip()


# APA's details after a book title, ``(2nd ed., Vol. 3, pp. 5–9)``; Harvard's imprint,
# ``. Place: Publisher``.
_DETAILS_GROUP = re.compile(r"\s\([^()]*\b(?:pp?|[Vv]ols?|[Ee]dn?)\.[^()]*\)(?=\.(?:\s|$)|$)")
_IMPRINT = re.compile(r"(?:^|(?<=\.\s))(?!Vol|Part|Book|Chapter)[A-Z][^.:()]{1,40}:\s")


def _container_and_rest(text: str) -> tuple[str, str]:
    """The container title of a part (with its details group) and what follows it: the
    title runs over its sentences (``Book. A survey. Vol. 2``) to APA's details group or to
    Harvard's imprint, when one follows, or to Harvard's pages when no publisher stands
    before them; else it ends with its first sentence."""
    first, rest = split_sentence(text)
    group = _DETAILS_GROUP.search(text, len(first))
    if group:
        return text[:group.end()], text[group.end():].lstrip(" .")
    imprint = _IMPRINT.search(rest)
    if not imprint and rest and _PAGE_TAIL.search(rest):
        last = _PAGE_TAIL.sub("", rest).rsplit(". ", 1)[-1]
        return (text, "") if not is_publisher(last) else (first, rest)
    if not imprint or imprint.start() == 0:
        return first, rest
    between = rest[:imprint.start()]
    if "(" in between or any(edition_of(part) for part in re.split(r"\.\s", between)):
        return first, rest
    return text[:len(text) - len(rest) + imprint.start()].rstrip(" ."), rest[imprint.start():]


_PAGE_TAIL = re.compile(r",?\s*pp?\.\s*(?P<page>" + _PAGES + r")\s*\.?$")


def page_tail(text: str, candidate: Candidate) -> str:
    """Harvard's ``Book title, pp. 59-85`` or ``Publisher, pp. xi, 223``: the pages read
    off the end of `text`; the text before them."""
    match = _PAGE_TAIL.search(text)
    if not match:
        return text
    candidate.set("page", pages(match["page"]))
    return text[:match.start()]


PROCEEDINGS = re.compile(r"\b(?:proceedings|proc\.|conference|symposium|congress|workshop|"
                          r"colloquium|meeting)\b", re.IGNORECASE)
# A book that holds conference papers says so: ``proceedings``, or an event's name (``Annual
# Conference``); a sentence-case title that speaks of ``a planning conference`` is a book's.
_PAPERS_HOST = re.compile(r"\b(?:[Pp]roceedings|[Pp]roc\.|PROCEEDINGS)|\b(?:Conference|"
                          r"Symposium|Congress|Workshop|Colloquium|Meeting)\b")
_REFERENCE_WORK = re.compile(r"\b(?:dictionary|encyclopa?edia|thesaurus)\b", re.IGNORECASE)


def _part_type(container: str, current: str) -> str:
    if current not in ("book", "report", "article-journal", "paper-conference"):
        return current  # a description in brackets said what it is (a podcast episode)
    if _REFERENCE_WORK.search(container):
        return ("entry-dictionary" if "dictionary" in container.lower()
                else "entry-encyclopedia")
    if _PAPERS_HOST.search(container) or current == "paper-conference":
        return "paper-conference"
    return "chapter"


_PUBLISHER_WORDS = re.compile(
    r"\b(?:press|publish\w*|books|verlag|editions|wiley|elsevier|springer|routledge|sage|"
    r"pearson|macmillan|penguin|mcgraw|norton|harpercollins|stationery office|hmso|"
    r"academic|scholastic|oxford|cambridge|author)\b", re.IGNORECASE)
_COMPANY_ENDING = re.compile(r"^(?:inc|ltd|llc|plc|co|corp|gmbh|s\.a|b\.v|pty)\.?$",
                             re.IGNORECASE)


def is_publisher(name: str) -> bool:
    """Whether `name` reads as a publisher's (``Routledge``, ``Academic Press``)."""
    return bool(_PUBLISHER_WORDS.search(name))


def read_publisher(text: str, candidate: Candidate, publisher_first: bool = False) -> None:
    """``Place: Publisher``, ``Publisher``, ``Place, Publisher`` or ``Publisher, Place``
    (whichever side names a publisher; with `publisher_first`, the publisher when neither
    does) into publisher and publisher-place."""
    text = text.strip(" .,;")
    if not text:
        return
    place, colon, publisher = text.partition(":")
    if colon and publisher.strip() and len(place) < 60:
        candidate.set("publisher-place", place)
        candidate.set("publisher", publisher)
        return
    first, comma, second = text.rpartition(",") if _COMPANY_ENDING.match(
        text.rpartition(",")[2].strip()) else text.partition(",")
    if not comma or _COMPANY_ENDING.match(second.strip()):
        candidate.set("publisher", text)
    elif _PUBLISHER_WORDS.search(second) and not _PUBLISHER_WORDS.search(first):
        candidate.set("publisher-place", first)
        candidate.set("publisher", second)
    elif (_PUBLISHER_WORDS.search(first) and not _PUBLISHER_WORDS.search(second)) or (
            publisher_first and ("," not in second or _PLACE_AND_STATE.match(second.strip()))):
        candidate.set("publisher", first)
        candidate.set("publisher-place", second)
    else:
        candidate.set("publisher", text)



# A place with its state, ``Wantirna, Vic``, ``Milwaukee, WI``.
_PLACE_AND_STATE = re.compile(r"^[A-Z][\w .'-]+,\s*(?:Vic|NSW|Qld|Tas|ACT|NT|SA|WA|[A-Z]{2})\.?$")


DATABASE = re.compile(r"proquest|dissertations|theses|database|repository|ethos|ebsco|"
                      r"jstor|eric\b", re.IGNORECASE)
_NEWSPAPER = re.compile(
    r"\b(?:times|post|guardian|telegraph|herald|tribune|gazette|chronicle|independent|"
    r"observer|daily|mail|courier|inquirer|globe|examiner|advertiser|express|mirror|"
    r"newspaper|news|journal|star|sun|age|australian|standard|record|review)\b",
    re.IGNORECASE)
_JOURNAL_WORDS = re.compile(
    r"\b(?:journal|review|quarterly|bulletin|annals|letters|transactions|proceedings|"
    r"research|studies|science|medicine|psychology|magazine|acta|archives)\b", re.IGNORECASE)
_PREPRINT = re.compile(r"rxiv|\bssrn\b|preprints?\b|research square|\bosf\b", re.IGNORECASE)


_REPORT_TITLE = re.compile(
    r"\b(?:annual|technical|research|final|progress|interim|status|summary)\s+report\b"
    r"|^(?:the\s+)?report\b|\breport\s+(?:of|on)\s+the\b"
    r"|\breport\s+(?:19|20)\d\d(?:\s*[-–/]\s*\d{2,4})?$", re.IGNORECASE)


def is_report(title: str, url: str = "") -> bool:
    """Whether a work whose source reads as a book's or a webpage's is a report: its title
    names it one (``Annual report 2020``, ``Report of the Inquiry``), or it is a PDF."""
    return bool(_REPORT_TITLE.search(title)) or url.lower().endswith(".pdf")


_ISSUING_BODY = re.compile(r"\b(?:university|government|ministry|department|agency|commission|"
                           r"council|institute|bureau|authority)\b", re.IGNORECASE)


def is_issuing_body(publisher: str) -> bool:
    """Whether a work's publisher is a body that issues reports rather than a publisher of
    books (``University of Calgary``, ``Government of Alberta``; not ``... Press``)."""
    return bool(_ISSUING_BODY.search(publisher)) and not is_publisher(publisher)


_BLOG = re.compile(r"^https?://[^/]*\bblog|/blogs?/|blogspot\.", re.IGNORECASE)


def is_blog(url: str) -> bool:
    """Whether a webpage's URL is a blog's (``https://bioliteracy.blog/...``)."""
    return bool(_BLOG.search(url))


def is_newspaper(name: str) -> bool:
    """Whether `name` reads as a newspaper's (``The Guardian``, ``Financial Times``)."""
    return bool(_NEWSPAPER.search(name))


def is_journal(name: str) -> bool:
    """Whether `name` reads as a journal's (``Journal of…``, ``…Review``, ``Annals…``)."""
    return bool(_JOURNAL_WORDS.search(name))


def is_preprint_server(name: str) -> bool:
    """``arXiv``, ``PsyArXiv``, ``SSRN``, ``Research Square``."""
    return bool(_PREPRINT.search(name))

