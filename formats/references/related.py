"""A record page's related-paper item: the title line (after a ``•`` bullet and a ``[n]``
number), one line per author (``Wang, Juanjuan``), and the source line the page builds from
the item's own record: ``JOURNAL, YEAR, VOL (ISSUE) : FIRST - LAST``, any part after the year
may be missing (``CANCER LETTERS, 2024, 582``). The lines are what tells this layout from the
others, so it is read from the reference as given, line by line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..names import parse_name
from ..numbers import normalise_pages as pages
from ..numbers import strip_zeros
from .common import Candidate, Grammar, Reference

ITEM = re.compile(
    r"^\s*(?:[•·●▪◦]\s*(?:[\[［]\s*\d+\s*[\]］]\s*)?|[\[［]\s*\d+\s*[\]］]\s*)(?P<title>.+)$")
SOURCE = re.compile(
    r"^(?P<container>.+?),\s*(?P<year>\d{4})(?:,\s*(?P<volume>[^ ,(]+))?"
    r"(?:\s*\((?P<issue>[^)]+)\))?(?:\s*:\s*(?P<first>[^\s-]+)(?:\s*-\s*(?P<last>\S+))?)?\s*$")
_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")
# An author line: a name or a few, no labels (``作者``, ``DOI:``) and no long text.
_AUTHOR_LINE = re.compile(r"^[^:：|]{1,80}$")


def parse(reference: Reference) -> Candidate | None:
    """The item, when the reference as given is one title line, author lines and a source
    line; else None."""
    lines = [line.strip() for line in reference.original.splitlines() if line.strip()]
    if len(lines) < 2 or not SOURCE.match(lines[-1]) or not all(
            _AUTHOR_LINE.match(line) for line in lines[1:-1]):
        return None
    return read_item(lines)


def read_item(lines: list[str],
              split_authors: Callable[[str], list[str]] = _AUTHOR_SEPARATOR.split) -> Candidate:
    """A related item from its lines: the title, author lines (names parted by
    `split_authors`) and, last, its source line, which may be missing."""
    title = ITEM.match(lines[0])
    candidate = Candidate("page-related", "article-journal", evidence=1.0)
    candidate.set("title", title["title"] if title else lines[0])
    rest = lines[1:]
    source = SOURCE.match(rest[-1]) if rest else None
    if source:
        rest.pop()
        candidate.set("container-title", source["container"])
        candidate.set_date("issued", source["year"])
        candidate.set("volume", strip_zeros(source["volume"] or ""))
        candidate.set("issue", strip_zeros((source["issue"] or "").strip()))
        if source["first"]:
            candidate.set("page", pages("-".join(
                part for part in (source["first"], source["last"]) if part)))
    names = [parse_name(name) for line in rest for name in split_authors(line)
             if name.strip()]
    if names:
        candidate.names["author"] = names
    return candidate


GRAMMAR = Grammar("page-related", "a record page's related-paper item", parse)
