"""A Chicago bibliography entry's title and the sentences after it (`chicago_sentences`),
read into a candidate, and the type of work they tell.
"""

from __future__ import annotations

import re

from .chicago_sentences import (
    UNTITLED_INTERVIEW,
    Work,
    joined_host,
    joined_volume,
    known,
    read_sentence,
)
from .common import Candidate
from .humanities import (
    is_plain_name,
    periodical_type,
    sentences,
    split_quoted_title,
    split_trailing_date,
)

_VIDEO_HOSTS = ("youtube", "vimeo", "tiktok", "dailymotion")

# The kind of item, from the strongest sign to the weakest.
_KINDS = ("thesis", "paper-conference", "interview", "motion_picture", "graphic", "chapter",
          "article-journal", "webpage", "periodical", "report")
# A blog's name with the word that says it is one: ``K-Punk (blog)``.
_BLOG = re.compile(r"(?P<name>.+?)\s*\(blog\)$", re.IGNORECASE)


def read_work(body: str, candidate: Candidate, year: int = 0) -> tuple[int, int]:
    """The title and what follows it in a Chicago bibliography entry, into `candidate` (its
    type too); `year` is the author-date year, 0 in notes-bibliography. Returns how many of the
    sentences after the title are in the style's own form, and how many were understood."""
    quoted = split_quoted_title(body)
    if quoted:
        title, after = quoted
        parts = sentences(after)
    else:
        parts = sentences(body)
        if not parts:
            return 0, 0
        title, mark = parts.pop(0)
        while parts and mark in ("?", "!") and known(parts[0][0]) is None:
            more, mark = parts.pop(0)
            title += " " + more
    candidate.set("title", title)
    parts = joined_volume(joined_host(parts))
    work = Work(candidate, year)
    if not quoted and UNTITLED_INTERVIEW.fullmatch(title):
        work.kinds.add("interview")
    for sentence, _ in parts:
        read_sentence(work, sentence)
    understood = len(parts) - len(work.unknown)
    settle(work, bool(quoted))
    return work.marks, understood


def settle(work: Work, quoted: bool) -> None:
    """The type of the work read, and the sentences no pattern knew: a quoted title's first
    is its container, a book's last its publisher."""
    candidate = work.candidate
    kind = next((k for k in _KINDS if k in work.kinds), "")
    online = "URL" in candidate.fields or "accessed" in candidate.dates
    if quoted and work.unknown and "container-title" not in candidate.fields and (
            kind != "thesis"):  # after a degree and its school: the repository read it in
        _settle_name(work, 0, "container-title")
    if work.unknown and "publisher" not in candidate.fields and kind in _PUBLISHED:
        _settle_name(work, -1, "publisher")
    if kind in ("", "chapter") and "publisher" in candidate.fields:
        _settle_series(work)
    container = candidate.fields.get("container-title", "")
    blog = _BLOG.fullmatch(container)
    if blog:
        container = candidate.fields["container-title"] = blog["name"]
        candidate.skipped += " (blog)"
        work.marks += 1  # CMOS 14.208's word for a blog's name
        kind = "post-weblog"
    if kind == "periodical" or (quoted and not kind and "issued" in candidate.dates and container
                                and len(candidate.dates["issued"].parts) > 1):
        kind = periodical_type(container, online)
    if any(host in container.lower() for host in _VIDEO_HOSTS) or (
            not kind and "director" in candidate.names):
        kind = "motion_picture"
    if kind == "interview" and not quoted and container:
        del candidate.fields["container-title"]  # ``Interview by author. Chicago, May 3.``
        candidate.set("publisher-place", container)
    if not kind:
        kind = ("webpage" if online else "article") if quoted else _book_or_report(candidate)
    candidate.type = kind


# The kinds of work whose last sentence no pattern knew is their publisher.
_PUBLISHED = frozenset({"", "report", "motion_picture", "thesis", "chapter", "paper-conference",
                        "graphic"})


def _settle_name(work: Work, index: int, variable: str) -> None:
    """The unknown sentence at `index` into `variable` if it is a name (``Publisher, 2007``:
    a date after it is the work's)."""
    name, date = split_trailing_date(work.unknown[index])
    if is_plain_name(name):
        work.unknown.pop(index)
        work.candidate.set(variable, name)
        if date and not work.year:
            work.candidate.dates["issued"] = date


# A series' name in title case, perhaps with its number (``Technical Manual 1``, ``New
# Directions in Archaeology``).
_SERIES = re.compile(r"(?P<title>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|in|and|the|on|for|to|de"
                     r"|&))*)(?:\s+(?P<number>\d+[A-Za-z]?))?")


def _settle_series(work: Work) -> None:
    """The one sentence no pattern knew of a published book or chapter, a name in title case
    before its facts, into the series it belongs to (CMOS 14.123)."""
    if len(work.unknown) != 1 or "collection-title" in work.candidate.fields or (
            not work.unknown_before_facts):
        return
    series = _SERIES.fullmatch(work.unknown[0])
    if series and len(series["title"].split()) >= 2:
        work.unknown.pop()
        work.candidate.set("collection-title", series["title"])
        work.candidate.set("collection-number", series["number"] or "")


def _book_or_report(candidate: Candidate) -> str:
    """A book by an organisation that publishes it itself (``ABS (Australian Bureau of
    Statistics)`` ... ``ABS``) is its report."""
    authors = candidate.names.get("author", [])
    publisher = candidate.fields.get("publisher", "")
    if len(authors) == 1 and authors[0].literal and publisher and (
            publisher in authors[0].literal or authors[0].literal in publisher):
        return "report"
    return "book"

