"""APA 6 and 7 references, and the pieces the author-date styles of its family share.

The grammar reads an APA reference as

    Authors. (Date). Title (details) [Description]. Source. DOI or URL

- Authors: ``Family, I. I., Family, I., & Family, I.`` (APA 7 lists up to 20, then ``. . .``
  and the last author), an organisation, or ``Editor, I. (Ed.).`` for an edited book; with no
  author, the title stands first and the date follows it.
- Date: ``(2019)``, ``(2019a)``, ``(2019, May 4)``, ``(2015, July/August)``, ``(n.d.)``,
  ``(in press)``; a period follows it.
- Title, then in parentheses the edition, volume, pages, report number or version, and in
  square brackets a description that names the kind of work (``[Doctoral dissertation,
  University]``, ``[Data set]``, ``[Computer software]``, ``[Conference paper]``).
- Source: a periodical ``Journal, 26(1), 21–27`` (or ``Article e123``); a part of a book
  ``In I. Editor (Ed.), Book (2nd ed., pp. 3–9). Publisher.``; a publisher (APA 6 puts the
  place before it, ``Place: Publisher``); a site, newspaper or event name; ``Retrieved from``.

What APA shares with Harvard (author lists, dates, sentences, the title's bracketed groups,
the periodical, ``In ...`` and publisher readers) is in `authordate` and
`authordate_sources`.
"""

from __future__ import annotations

import re

from ..dates import month_number
from .authordate import (
    UNDATED,
    clear_leftovers,
    date_of,
    peel_groups,
    read_authors,
    reads_as_title,
    sentences,
    set_aside_layout,
    split_sentence,
    strip_identifiers,
)
from .authordate_sources import (
    DATABASE,
    is_blog,
    is_issuing_body,
    is_journal,
    is_newspaper,
    is_periodical,
    is_preprint_server,
    is_publisher,
    is_report,
    kind_of,
    page_range,
    read_description,
    read_groups,
    read_in_part,
    read_original_date,
    read_periodical,
    read_publisher,
)
from .common import Candidate, Grammar, Reference

# -- the grammar

_DATE = re.compile(
    r"\(\s*(?P<date>(?:1[5-9]|20)\d\d[a-z]?(?:\s*[-–/]\s*(?:\d{2}){1,2}[a-z]?)?"
    r"(?:,\s*[^()]{1,40}?)?|" + UNDATED + r")\.?\s*\)",
    re.IGNORECASE)
_QUOTED_OR_DATED = re.compile(r"[“”\"‘]|(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")


def parse(reference: Reference) -> Candidate | None:
    """An APA reference (6th or 7th edition), or None when the text has no APA date."""
    if not _apa_date(reference.text):
        return None
    candidate = Candidate("apa", "book")
    text = strip_identifiers(reference.text, candidate)
    match = _apa_date(text)
    if not match:
        return None
    date = date_of(match["date"])
    if date:
        candidate.dates["issued"] = date
    set_aside_layout("", candidate, re.sub(r"\d", "", match["date"]))
    head, body = text[:match.start()].strip(), text[match.end():].lstrip(" .,")
    if reads_as_title(head):
        candidate.set("title", head.rstrip("."))
        source = body
    else:
        read_authors(head, candidate)
        source = _read_title(body, candidate)
    _read_source(read_original_date(clear_leftovers(source), candidate), candidate)
    _settle_type(candidate, match["date"])
    candidate.evidence = _evidence(reference.text)
    set_aside_layout(text, candidate)
    return candidate


def _apa_date(text: str) -> re.Match[str] | None:
    """The date after the authors, closed by a period (Harvard's ``(2019) Title`` is not
    APA's), with no quoted title or year before it (other styles' order)."""
    match = _DATE.search(text)
    if (not match or match.start() == 0 or not _closed(text, match)
            or _QUOTED_OR_DATED.search(text, 0, match.start())):
        return None
    return match


def _closed(text: str, date: re.Match[str]) -> bool:
    """Whether a period closes the date: after it, or (a slip) within its parentheses,
    ``(2016, January.)``."""
    inner = date.group()[1:-1].strip()
    return text[date.end():date.end() + 1] == "." or inner.endswith(".") and "," in inner



def _read_title(body: str, candidate: Candidate) -> str:
    """The title and its groups into `candidate`; the text after it."""
    first, rest = split_sentence(body)
    second, after = split_sentence(rest)
    if first.endswith(("?", "!")) and _title_goes_on(rest):
        first, rest = f"{first} {second}", after
    elif _subtitle(second) and is_periodical(split_sentence(after)[0]):
        first, rest = f"{first}. {second}", after
    title, groups = peel_groups(first)
    unread = read_groups(groups, candidate)
    candidate.set("title", " ".join([title, *unread]).rstrip("."))
    return rest


def _title_goes_on(rest: str) -> bool:
    """After a title's question mark, a sentence more before the source is still the title
    (``Alien life? Psychologists have some predictions. The Washington Post.``)."""
    following = list(sentences(rest))
    return (len(following) >= 2 and following[0][:1].isupper()
            and not re.match(r"In:?\s|\[", following[0]) and not re.search(r"\d", following[0]))


def _subtitle(sentence: str) -> bool:
    """Whether a sentence after the title may be the title's second (``Noun incorporation.
    New evidence from Athapaskan.``): no periodical, part or description."""
    return bool(sentence) and not (is_periodical(sentence) or re.match(r"In:?\s|\[", sentence)
                                   or sentence.startswith("("))


def _read_source(source: str, candidate: Candidate) -> None:
    if re.match(r"[Ii]n:?\s", source):
        source = read_in_part(source, candidate)
    parts = _without_numbers(list(sentences(source)), candidate)
    if not parts:
        return
    first, rest = parts[0], parts[1:]
    if candidate.type == "book" and kind_of(first) in ("software", "dataset") and len(
            first) < 40:
        read_description(first, candidate)  # ``knitcitations. R package. URL``
        if not rest:
            return
        first, rest = rest[0], rest[1:]
    if candidate.type in ("chapter", "paper-conference", "entry-dictionary",
                          "entry-encyclopedia") and "container-title" in candidate.fields:
        read_publisher(first, candidate)
    elif read_periodical(first, candidate, pages_alone=True):
        candidate.type = "article-journal"
    elif page_range(first):
        candidate.set("page", page_range(first))
    elif candidate.type == "paper-conference":
        event, _, place = first.partition(",")
        candidate.set("event-title", event)
        candidate.set("event-place", place)
    elif candidate.type == "thesis":
        if "publisher" not in candidate.fields and not DATABASE.search(first):
            university, _, place = first.partition(",")  # APA 6: ``University, Place``
            candidate.set("publisher", university)
            candidate.set("publisher-place", place)
        set_aside_layout("", candidate, " ".join(p for p in parts if DATABASE.search(p)))
    elif candidate.type in ("book", "article") and (is_preprint_server(first)
                                                   or is_journal(first)):
        candidate.set("container-title", first)
        candidate.type = "article" if is_preprint_server(first) else "article-journal"
    elif candidate.type == "book" and _site_like(first, candidate):
        candidate.set("container-title", first)
    else:
        read_publisher(first, candidate)
    if rest and candidate.type in ("chapter", "book") and "publisher" not in candidate.fields:
        read_publisher(rest[0], candidate)


def _without_numbers(parts: list[str], candidate: Candidate) -> list[str]:
    """The sentences of the source without those that are an accession or report number in
    parentheses alone (APA 6's ``(AAT 3308864)``, ``(UMI No. 3300000)``), read as the
    number."""
    kept = []
    for part in parts:
        if not (re.fullmatch(r"\([^()]*\d[^()]*\)", part) and not read_groups(
                [part], candidate, codes=True)):
            kept.append(part)
    return kept


def _site_like(name: str, candidate: Candidate) -> bool:
    """A webpage's site or a newspaper: a date finer than the year, no publisher words."""
    issued = candidate.dates.get("issued")
    detailed = issued is not None and len(issued.parts) > 1
    return detailed and not is_publisher(name) and "ISBN" not in candidate.fields


def _settle_type(candidate: Candidate, date: str) -> None:
    """Journal articles dated to the month are magazine articles (APA 7), or newspaper
    articles when a newspaper prints them with a page alone; a site-like
    container makes a newspaper article or a webpage; a bare title with a URL, a webpage."""
    fields = candidate.fields
    months = any(month_number(word) for word in re.findall(r"[A-Za-z]{3,}", date))
    if candidate.type == "article-journal" and months:
        candidate.type = "article-magazine" if "volume" in fields else "article-newspaper"
        if is_newspaper(fields["container-title"]) and fields.keys().isdisjoint(
                ("issue", "page")) and "volume" in fields:
            fields["page"] = fields.pop("volume")  # ``The New York Times, A1``
            candidate.type = "article-newspaper"
    elif candidate.type == "book" and "container-title" in fields:
        site = fields["container-title"]
        candidate.type = ("article-newspaper" if is_newspaper(site)
                          and not _NEWS_WEBSITE.match(site) else "webpage")
    elif (candidate.type == "book" and "URL" in fields and "publisher" not in fields
          and "DOI" not in fields and "edition" not in fields):
        candidate.type = "webpage"
    if candidate.type in ("book", "webpage") and (
            is_report(fields.get("title", ""), fields.get("URL", ""))
            or is_issuing_body(fields.get("publisher", "")) and "edition" not in fields
            and "ISBN" not in fields):
        candidate.type = "report"
    if candidate.type == "webpage" and is_blog(fields.get("URL", "")):
        candidate.type = "post-weblog"
    if candidate.type == "book" and _by_agency_alone(candidate):
        candidate.type = "report"
    if _TALK.match(fields.get("genre", "")):
        candidate.type = "speech"
        if "container-title" in fields and "publisher" not in fields:
            fields["publisher"] = fields.pop("container-title")  # the platform it is on


# The description of a talk's slides or notes (``[PowerPoint slides]``, ``[Lecture notes]``).
_TALK = re.compile(r"^(?:PowerPoint|Presentation|Lecture|Google) (?:slides|notes)$|^Lecture$",
                   re.IGNORECASE)


def _by_agency_alone(candidate: Candidate) -> bool:
    """A work an agency issues itself, with no publisher, URL or edition (``Australian
    Government Productivity Commission. (2012). Title.``): a report."""
    fields = candidate.fields
    authors = candidate.names.get("author", [])
    return bool(authors) and all(a.literal and is_issuing_body(a.literal) for a in authors) and (
        fields.keys().isdisjoint(("publisher", "URL", "DOI", "edition", "ISBN",
                                  "container-title")))


# A broadcaster's news site (``CBC News``, ``BBC News``): a webpage on a news website, which
# APA 7 tells apart from a newspaper's article.
_NEWS_WEBSITE = re.compile(r"^[A-Z]{2,5} News$")


_MARKS = (
    re.compile(r"\(Eds?\.\),|[(,] pp\. \d[^()]*\)\. |https://doi\.org/|Retrieved from"),
    re.compile(r"\((?:1[5-9]|20)\d\d[a-z]?, [A-Z][a-z]+(?: \d{1,2}(?:[-–]\d{1,2})?)?\)\."),
    re.compile(r", \d+\(\w{1,8}\), (?:Article )?[A-Za-z]?\d+(?:[-–]\d+)?\.?(?: |$)"),
    re.compile(r"^[A-Z][\w'’-]+, (?:[A-Z]\.[\s-]?)+(?:\(Eds?\.\)\. )?\((?:1[5-9]|20)\d\d"),
)


def _evidence(text: str) -> float:
    """APA's marks: the date in parentheses closed by a period, ``&`` before the last
    author, ``(Eds.),``, ``(pp. …)``, ``https://doi.org``, ``Retrieved from``."""
    date = _DATE.search(text)
    if not date:
        return 0.0
    evidence = 1.0 if _closed(text, date) else 0.0
    if re.search(r",\s*&\s", text[:date.start()]):
        evidence += 0.5
    for mark in _MARKS:
        if mark.search(text):
            evidence += 0.5
    return min(evidence, 2.0)


GRAMMAR = Grammar("apa", "APA 6 and 7", parse)
