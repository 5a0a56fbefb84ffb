"""What rendering one item needs: the item's data, the locale, and the state of the pass.

`Item` is a CSL-JSON item read once (dates parsed, numbers as strings). `Context` carries it
through one rendering of a layout, with the group frames that decide CSL's group suppression
and the variables a ``cs:substitute`` has used up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .locale import Locale
from .richtext import QuoteMarks

NAME_VARIABLES = frozenset({
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director", "editor-translator",
    "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator",
    "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
    "script-writer", "series-creator", "translator",
})
DATE_VARIABLES = frozenset({
    "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
})
_SHORT_FORMS = {"title": "title-short", "container-title": "container-title-short"}


@dataclass(frozen=True)
class DateValue:
    """A date variable: start parts (year, month, day), an optional end, season, literal."""

    start: tuple[int, ...] = ()
    end: tuple[int, ...] = ()
    season: str = ""
    circa: bool = False
    literal: str = ""

    @property
    def is_range(self) -> bool:
        return bool(self.end) and self.end != self.start


class Item:
    """One CSL-JSON item, prepared for rendering."""

    __slots__ = ("id", "type", "text", "names", "dates", "language", "raw")

    def __init__(self, data: dict[str, Any]) -> None:
        self.raw = data
        self.id = str(data.get("id", ""))
        self.type = str(data.get("type", "article"))
        self.text: dict[str, str] = {}
        self.names: dict[str, list[dict[str, Any]]] = {}
        self.dates: dict[str, DateValue] = {}
        for key, value in data.items():
            if key in NAME_VARIABLES and isinstance(value, list):
                self.names[key] = [n for n in value if isinstance(n, dict)]
            elif key in DATE_VARIABLES:
                date = parse_date(value)
                if date is not None:
                    self.dates[key] = date
            elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
                text = str(value).strip() if isinstance(value, str) else str(value)
                if text:
                    self.text[key] = text
        if "page" in self.text and "page-first" not in self.text:
            self.text["page-first"] = re.split(r"\s*(?:[-\u2013,&]|\s+and\s+)\s*",
                                               self.text["page"], maxsplit=1)[0]
        self.language = self.text.get("language", "")

    def value(self, variable: str, form: str = "long") -> str:
        if form == "short" and variable in _SHORT_FORMS:
            return self.text.get(_SHORT_FORMS[variable]) or self.text.get(variable, "")
        return self.text.get(variable, "")


def parse_date(value: Any) -> DateValue | None:
    """A CSL-JSON date object (``date-parts``, ``literal``, ``raw``) or an EDTF-like string."""
    if isinstance(value, str):
        value = {"raw": value}
    if not isinstance(value, dict):
        return None
    season = str(value.get("season", "") or "")
    circa = bool(value.get("circa"))
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        start = _int_parts(parts[0])
        end = _int_parts(parts[1]) if len(parts) > 1 and isinstance(parts[1], list) else ()
        if start:
            return DateValue(start, end, season, circa)
    if value.get("literal"):
        return DateValue(literal=str(value["literal"]), season=season, circa=circa)
    raw = value.get("raw")
    if isinstance(raw, str) and raw.strip():
        return _raw_date(raw.strip(), season, circa)
    return None


def _int_parts(parts: list[Any]) -> tuple[int, ...]:
    out: list[int] = []
    for part in parts[:3]:
        try:
            number = int(str(part).strip())
        except ValueError:
            break
        out.append(number)
    return tuple(out)


_RAW = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def _raw_date(raw: str, season: str, circa: bool) -> DateValue:
    halves = raw.split("/")
    matches = [_RAW.match(h.strip()) for h in halves[:2]]
    if all(matches):
        start = tuple(int(g) for g in matches[0].groups() if g)  # type: ignore[union-attr]
        end = tuple(int(g) for g in matches[1].groups() if g) if len(matches) > 1 else ()
        return DateValue(start, end, season, circa)  # type: ignore[arg-type]
    return DateValue(literal=raw, season=season, circa=circa)


class Frame:
    """What happened inside one group: a variable rendered, one was empty, a term printed."""

    __slots__ = ("success", "attempt", "term")

    def __init__(self) -> None:
        self.success = False
        self.attempt = False
        self.term = False


@dataclass(frozen=True)
class Settings:
    """What a style (and the area, citation or bibliography) sets for every item."""

    inherited: dict[str, str]  # name options cs:style and the area set for all cs:name
    style_lang: str  # the style's default locale, for text-case decisions
    page_range_format: str = ""
    demote: str = "display-and-sort"  # demote-non-dropping-particle
    initialize_with_hyphen: bool = True
    has_year_suffix: bool = False  # the style prints year-suffix itself
    primary_names_only: bool = False  # the name registry expands first names only
    capitalize_leading_term: bool = True  # a term opening the output takes a capital


@dataclass
class Shared:
    """What one processor's renderings share (citeproc-js keeps some state across entries)."""

    last_date: Any = None  # the formatting of the style's last cs:date
    range_printed: bool = False  # a date range has been printed


@dataclass
class Context:
    """The state of one rendering of one item."""

    item: Item
    locale: Locale
    marks: QuoteMarks
    settings: Settings
    shared: Shared = field(default_factory=Shared)
    mode: str = "bibliography"  # "citation", "bibliography", or "sort"
    locator: str = ""
    locator_label: str = ""
    sort_dates_only: bool = False
    disambiguating: bool = False  # a citation rendered only to compare: accessed is left out
    citation_number: int = 0
    year_suffix: str = ""
    position: str = "first"
    near_note: bool = False
    disambiguate: bool = False
    # Disambiguation: how many names to show where et-al would cut the list (0: as the style
    # says), and per (variable, index) how far a given name is expanded (1: initials, 2: full).
    disambig_names: int = 0
    namesets: int = 0  # name lists rendered so far
    given_levels: dict[tuple[str, int], int] = field(default_factory=dict)
    name_levels: dict[str, int] = field(default_factory=dict)  # by name_key, for every use
    sort_names: bool = False  # rendering a sort key: names in sort order, et-al from names-min
    names_min: int | None = None
    names_use_first: int | None = None
    names_use_last: bool | None = None
    suppressed: set[str] = field(default_factory=set)
    substituting: int = 0
    substitute_source: Any = None  # the cs:names whose cs:substitute is being rendered
    frames: list[Frame] = field(default_factory=lambda: [Frame()])
    shown_names: list[tuple[str, int, dict[str, Any]]] = field(default_factory=list)
    year_suffix_done: bool = False
    # subsequent-author-substitute: the entry's first name list, when nothing printed
    # before it and its variable is the item's own (not substituted): its blob and names.
    author_names: tuple[Any, list[str]] | None = None
    names_seen: bool = False
    author_open: bool = False  # the name list being rendered may be the compared one
    printed: bool = False  # anything printed yet in this entry
    markup: bool = False  # a value held rich-text markup or quotation marks

    @property
    def inherited(self) -> dict[str, str]:
        return self.settings.inherited

    @property
    def style_lang(self) -> str:
        return self.settings.style_lang

    @property
    def page_range_format(self) -> str:
        return self.settings.page_range_format

    @property
    def demote(self) -> str:
        return self.settings.demote

    @property
    def initialize_with_hyphen(self) -> bool:
        return self.settings.initialize_with_hyphen

    @property
    def style_has_year_suffix(self) -> bool:
        return self.settings.has_year_suffix

    def variable(self, variable: str, present: bool) -> None:
        """Record a variable call in the current group frame."""
        if present:
            self.frames[-1].success = True
        else:
            self.frames[-1].attempt = True

    def term(self) -> None:
        self.frames[-1].term = True

    def text(self, variable: str, form: str = "long") -> str:
        if variable in self.suppressed:
            return ""
        return self.item.value(variable, form)
