"""A CSL processor: bibliographies and citations from CSL-JSON items.

    processor = Processor(load("apa.csl"))
    entries = processor.bibliography(items, "text")

The bibliography is sorted by the style's keys, numbered, disambiguated (names added, given
names expanded, ``disambiguate`` conditions, year suffixes), rendered entry by entry,
subsequent authors substituted, and its punctuation resolved as citeproc-js resolves it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import locale as locales
from .collation import collation_key
from .context import NAME_VARIABLES, Context, Item, Settings, Shared
from .dates import sort_key as date_sort_key
from .disambiguation import (
    Cite,
    CiteOf,
    Disambiguation,
    disambiguate,
    name_key,
    register_names,
    uses_name_registry,
)
from .names import INHERITED, NameFormat, Names, initialize
from .output import (
    FORMATS,
    Blob,
    Format,
    Quotes,
    adjust_punctuation,
    alternate_nested_parentheses,
    render,
)
from .richtext import QuoteMarks, resolve_flips
from .style import (
    NUMBER_VARIABLES,
    Area,
    Formatting,
    Layout,
    SortKey,
    Style,
    StyleError,
    TextMacro,
    render_all,
)

_OPTIONS = tuple(INHERITED) + ("name-form", "name-delimiter", "names-delimiter")
_SPACE_SEPARATOR = "|"
_Shown = tuple[str, int, dict[str, Any]]  # a printed name: variable, index in it, the name
_MISSING = object()
_NO_QUOTES = Quotes("", "", "", "")


@dataclass
class Entry:
    """One formatted bibliography entry, with the item it formats."""

    id: str
    text: str


@dataclass
class _Prepared:
    item: Item
    seq: int
    number: int = 0
    settings: Disambiguation = field(default_factory=Disambiguation)


class Processor:
    """Formats items in one style and locale."""

    def __init__(self, style: Style, lang: str = "") -> None:
        self.style = style
        self.lang = lang or style.default_locale or locales.FALLBACK
        self._locales: dict[str, locales.Locale] = {}
        has_suffix = style.root.find(".//*[@variable='year-suffix']") is not None
        self._settings = {name: self._area_settings(name, has_suffix)
                          for name in ("citation", "bibliography")}
        self._shared = Shared(last_date=style.last_date_formatting())
        self._name_levels: dict[str, int] = {}  # the name registry's given-name expansions
        self._cites_number = style.citation is not None and style.root.find(
            f"{locales.NS}citation//*[@variable='citation-number']") is not None
        self._marks: dict[str, tuple[QuoteMarks, Quotes]] = {}
        # The style's own locale decides, even in a layout for another language (citeproc-js).
        self._punctuation_in_quote = self.locale().punctuation_in_quote

    # -- setup

    def _area_settings(self, area_name: str, has_year_suffix: bool) -> Settings:
        area: Area | None = getattr(self.style, area_name)
        inherited = {k: v for k, v in self.style.options.items() if k in _OPTIONS}
        if area is not None:
            inherited.update({k: v for k, v in area.options.items() if k in _OPTIONS})
        options = self.style.options
        rule = self.style.citation.options.get("givenname-disambiguation-rule", "") \
            if self.style.citation is not None else ""
        return Settings(inherited, self.style.default_locale or locales.FALLBACK,
                        options.get("page-range-format", ""),
                        options.get("demote-non-dropping-particle", "display-and-sort"),
                        options.get("initialize-with-hyphen", "true") != "false",
                        has_year_suffix, rule.startswith("primary-name"),
                        # citeproc-js capitalizes a term that opens an entry or a note,
                        # never one that opens an in-text citation.
                        area_name == "bibliography" or self.style.is_note)

    def locale(self, layout: Layout | None = None) -> locales.Locale:
        lang = layout.locales[0] if layout is not None and layout.locales else self.lang
        if lang not in self._locales:
            self._locales[lang] = locales.build(lang, self.style.locale_nodes)
        return self._locales[lang]

    def _context(self, item: Item, area_name: str, layout: Layout | None,
                 prepared: _Prepared | None = None, mode: str = "") -> Context:
        locale = self.locale(layout)
        ctx = Context(item, locale, self._quote_marks(locale)[0], self._settings[area_name],
                      self._shared,
                      mode=mode or area_name, name_levels=self._name_levels)
        if prepared is not None:
            ctx.citation_number = prepared.number
            ctx.year_suffix = prepared.settings.year_suffix
            ctx.disambig_names = prepared.settings.names
            ctx.given_levels = dict(prepared.settings.given_levels)
            ctx.disambiguate = prepared.settings.disambiguate
        return ctx

    def _quote_marks(self, locale: locales.Locale) -> tuple[QuoteMarks, Quotes]:
        marks = self._marks.get(locale.lang)
        if marks is None:
            found = QuoteMarks(locale.term("open-quote") or "“",
                               locale.term("close-quote") or "”",
                               locale.term("open-inner-quote") or "‘",
                               locale.term("close-inner-quote") or "’")
            marks = self._marks[locale.lang] = (found, Quotes(
                found.open, found.close, found.open_inner, found.close_inner))
        return marks

    # -- public

    def bibliography(self, items: Sequence[dict[str, Any]], output_format: str = "text") \
            -> list[Entry]:
        """The bibliography of `items`, one entry each, in the style's order."""
        area = self.style.bibliography
        if area is None:
            raise StyleError("the style has no bibliography")
        fmt = FORMATS[output_format]
        prepared = self.prepare(items)
        entries = []
        previous: list[str] | None = None
        substitute = area.options.get("subsequent-author-substitute")
        rule = area.options.get("subsequent-author-substitute-rule", "complete-all")
        for entry in prepared:
            layout = area.layout_for(entry.item.language)
            ctx = self._context(entry.item, "bibliography", layout, entry)
            root = self._render(ctx, layout, bibliography=True)
            if substitute is not None and ctx.author_names is not None:
                blob, names = ctx.author_names
                _substitute_author(blob, names, previous, substitute, rule)
                previous = names
            text = self._finish(root, ctx, fmt)
            entries.append(Entry(entry.item.id, text))
        return entries

    def citations(self, items: Sequence[dict[str, Any]], output_format: str = "text") \
            -> dict[str, str]:
        """Each item's in-text citation on its own (``(Chen et al., 2025)``, ``[1]``)."""
        area = self.style.citation
        if area is None:
            raise StyleError("the style has no citation layout")
        fmt = FORMATS[output_format]
        out = {}
        for entry in self.prepare(items):
            layout = area.layout_for(entry.item.language)
            ctx = self._context(entry.item, "citation", layout, entry)
            root = self._render(ctx, layout, bibliography=False)
            if self.style.is_note:
                alternate_nested_parentheses(root)
            out[entry.item.id] = self._finish(root, ctx, fmt, as_entry=False)
        return out

    # -- preparation: order, numbers, disambiguation

    def prepare(self, items: Sequence[dict[str, Any]]) -> list[_Prepared]:
        """The items in bibliography order, numbered and disambiguated."""
        prepared = [_Prepared(Item(data), seq) for seq, data in enumerate(items, 1)]
        self._name_levels.clear()
        for entry in prepared:
            entry.number = entry.seq
        citation = self.style.citation
        registering = citation is not None and uses_name_registry(citation.options)
        cites = {entry.seq: self._cite_text(entry, entry.settings)
                 for entry in prepared} if registering else {}
        cited = [list(cites[entry.seq].names) for entry in prepared] if registering else None
        if cited is not None:
            self._register(cited)
        area = self.style.bibliography
        if area is not None and area.sort:
            prepared = self._sorted(prepared, area.sort, cited)
            if not any(key.variable == "citation-number" for key in area.sort):
                for number, entry in enumerate(prepared, 1):
                    entry.number = number
            else:
                descending = next(k.descending for k in area.sort
                                  if k.variable == "citation-number")
                if descending:
                    for entry in prepared:
                        entry.number = len(prepared) - entry.seq + 1
        if citation is not None:
            disambiguate(prepared, self._reusing(cites), citation.options, self.style.root)
        return prepared

    def _reusing(self, cites: dict[int, Cite]) -> CiteOf:
        """`_cite_text`, taking the citations rendered before sorting where they still hold:
        no name in them expanded since, and no citation number in the citation."""
        if self._cites_number:
            return self._cite_text
        plain = Disambiguation()

        def cite(entry: _Prepared, settings: Disambiguation) -> Cite:
            found = cites.get(entry.seq) if settings == plain else None
            if found is None or any(name_key(name) in self._name_levels
                                    for _, _, name in found.names):
                return self._cite_text(entry, settings)
            return found

        return cite

    def _register(self, shown: list[list[_Shown]]) -> bool:
        """Set the name registry's expansions from the names printed; whether they changed."""
        assert self.style.citation is not None
        levels = register_names(shown, self.style.citation.options,
                                self._registry_initials)
        changed = levels != self._name_levels
        self._name_levels.clear()
        self._name_levels.update(levels)
        return changed

    def _registry_initials(self, given: str) -> str:
        """citeproc-js's key of initials for the name registry (the style's hyphen option
        applies)."""
        hyphen = self.style.options.get("initialize-with-hyphen", "true") != "false"
        return initialize(given, "%s", hyphen=hyphen)

    def _cite_text(self, entry: _Prepared, settings: Disambiguation) -> Cite:
        """The item's citation, as plain text, for telling ambiguous citations apart, with
        the names it shows."""
        area = self.style.citation
        assert area is not None
        layout = area.layout_for(entry.item.language)
        ctx = self._context(entry.item, "citation", layout, entry)
        # citeproc-js compares citations in their subsequent, near-note form.
        ctx.disambiguating, ctx.position, ctx.near_note = True, "subsequent", True
        ctx.year_suffix = settings.year_suffix
        ctx.disambig_names = settings.names
        ctx.given_levels = dict(settings.given_levels)
        ctx.disambiguate = settings.disambiguate
        root = Blob(render_all(layout.elements, ctx))
        adjust_punctuation(root, self._punctuation_in_quote)
        # ... and without decorations: quotation marks do not tell citations apart.
        return Cite(render(root, FORMATS["text"], _NO_QUOTES), tuple(ctx.shown_names))

    def _sorted(self, prepared: list[_Prepared], keys: list[SortKey],
                cited: list[list[_Shown]] | None) -> list[_Prepared]:
        """The entries in the order of the style's sort keys. A key is computed only when an
        earlier one ties (most entries differ on the first). With the name registry
        (`cited`: the names each citation prints), the names the keys print are registered
        too, as citeproc-js does."""
        chinese = self.lang.lower().startswith("zh")
        cache: dict[tuple[int, int], tuple | None] = {}

        def key_of(entry: _Prepared, index: int) -> tuple | None:
            found = cache.get((entry.seq, index), _MISSING)
            if found is _MISSING:
                value = self._sort_text(entry, keys[index])[0]
                found = cache[(entry.seq, index)] = (
                    None if value is None else collation_key(value, chinese))
            return found  # type: ignore[return-value]

        if cited is not None and keys:
            # The first key is printed for every entry anyway; for the others, the names of
            # every variable they can print stand in for the ones they do print.
            others = frozenset().union(*(self._name_variables(key) for key in keys[1:]))
            shown = [names + [(variable, index, name) for variable in others
                              for index, name in enumerate(entry.item.names.get(variable, ()))]
                     for entry, names in zip(prepared, cited, strict=True)]
            self._register(shown)
            values = [self._sort_text(entry, keys[0]) for entry in prepared]
            if self._name_variables(keys[0]) and self._register(
                    [names + printed for names, (_, printed) in zip(shown, values, strict=True)]):
                values = [self._sort_text(entry, keys[0]) for entry in prepared]
            cache.update({(entry.seq, 0): None if value is None else
                          collation_key(value, chinese)
                          for entry, (value, _) in zip(prepared, values, strict=True)})

        def compare(a: _Prepared, b: _Prepared) -> int:
            for index, key in enumerate(keys):
                left, right = key_of(a, index), key_of(b, index)
                if left == right:
                    continue
                if left is None:
                    return 1
                if right is None:
                    return -1
                order = -1 if left < right else 1
                return -order if key.descending else order
            return a.seq - b.seq

        return sorted(prepared, key=functools.cmp_to_key(compare))

    def _name_variables(self, key: SortKey) -> frozenset[str]:
        """The name variables sort key `key` can print."""
        if key.variable in NAME_VARIABLES:
            return frozenset({key.variable})
        return self.style.macro_name_variables(key.macro) if key.macro else frozenset()

    def _sort_text(self, entry: _Prepared, key: SortKey) -> tuple[str | None, list[_Shown]]:
        """A sort key's value (None: empty), and the names it printed."""
        if key.macro:
            ctx = self._context(entry.item, "bibliography", None, entry, mode="sort")
            ctx.names_min, ctx.names_use_first = key.names_min, key.names_use_first
            blobs: list[Blob] = []
            TextMacro(key.macro, Formatting(), self.style).render(ctx, blobs)
            return _key_string("".join(b.plain() for b in blobs)), ctx.shown_names
        if key.variable in NAME_VARIABLES:
            spec = NameFormat({"name-as-sort-order": "all", "sort-separator": " "},
                              Formatting())
            names = Names([key.variable], spec, None, None, [], None, Formatting(), self.style)
            ctx = self._context(entry.item, "bibliography", None, entry, mode="sort")
            ctx.names_min, ctx.names_use_first = key.names_min, key.names_use_first
            blobs = []
            names.render(ctx, blobs)
            return _key_string("".join(b.plain() for b in blobs)), ctx.shown_names
        return self._variable_sort_value(entry, key), []

    def _variable_sort_value(self, entry: _Prepared, key: SortKey) -> str | None:
        item, variable = entry.item, key.variable
        if variable == "citation-number":
            return f"{entry.seq:020d}"
        date = item.dates.get(variable)
        if date is not None or variable in ("issued", "accessed", "original-date",
                                            "event-date", "submitted", "available-date"):
            return _key_string(date_sort_key(date)) if date is not None else None
        value = item.text.get(variable, "")
        if variable in NUMBER_VARIABLES:
            value = _padded(value)
        return _key_string(value)

    # -- rendering

    def _render(self, ctx: Context, layout: Layout, bibliography: bool) -> Blob:
        children = render_all(layout.elements, ctx)
        decorations = layout.fmt.decorations
        if bibliography and self.style.bibliography is not None and \
                self.style.bibliography.options.get("second-field-align") and children:
            first = Blob([children[0]], decorations=(("display", "left-margin"),))
            rest = Blob(children[1:], decorations=(("display", "right-inline"),))
            rest.suffix = layout.fmt.suffix
            root = Blob([first, rest] if children[1:] else [first], decorations=decorations)
            if not children[1:]:
                root.suffix = layout.fmt.suffix
        else:
            root = Blob(children, suffix=layout.fmt.suffix, decorations=decorations)
        if layout.fmt.prefix:
            target = root.content[0] if root.content else root
            target.prefix = layout.fmt.prefix + target.prefix  # type: ignore[union-attr]
        return root

    def _finish(self, root: Blob, ctx: Context, fmt: Format, as_entry: bool = True) -> str:
        """The text of a rendered entry (`as_entry`: framed as a bibliography entry)."""
        adjust_punctuation(root, self._punctuation_in_quote)
        if ctx.markup:
            resolve_flips(root)
        text = render(root, fmt, self._quote_marks(ctx.locale)[1])
        if text and as_entry and fmt.entry != ("", ""):
            text = fmt.entry[0] + text + fmt.entry[1]
        return text


def _key_string(text: str) -> str | None:
    """A rendered sort key as citeproc-js keeps it: spaces as its separator, empty as none."""
    return (text.replace(" ", _SPACE_SEPARATOR) + _SPACE_SEPARATOR) if text else None


def _padded(value: str) -> str:
    """A number sorted by value: its first number zero-padded to 20 digits."""
    match = re.search(r"\s*(-?[0-9]+)", value)
    if not match:
        return value
    number = int(match[1])
    return f"{99999999999999999999 + number if number < 0 else number:020d}"


def _substitute_author(blob: Blob, names: list[str], previous: list[str] | None,
                       substitute: str, rule: str) -> None:
    """Replace repeated names with the style's substitute (often ``———``), by `rule`.

    `blob` holds the entry's first name list, one part per variable; `names` and
    `previous` are the names shown in this entry and in the last one that had its own."""
    if not previous or not names:
        return
    if rule in ("complete-all", "complete-each"):
        if names != previous:
            return
        if rule == "complete-each":
            for name_blob in _name_blobs(blob):
                name_blob.content = [Blob(substitute)]
            return
        first = blob.content[0] if isinstance(blob.content, list) and blob.content else None
        parts = first.content if first is not None and isinstance(first.content, list) else []
        labels = [p for p in parts if p.role == "label"]
        if labels:
            blob.content = [Blob(substitute)] + labels
        elif first is not None:
            first.content = [Blob(substitute)]
        return
    matching = 0
    while matching < min(len(names), len(previous)) and names[matching] == previous[matching]:
        matching += 1
    if rule == "partial-first":
        matching = min(matching, 1)
    for name_blob in _name_blobs(blob)[:matching]:
        name_blob.content = [Blob(substitute)]


def _name_blobs(blob: Blob) -> list[Blob]:
    found = []
    stack = [blob]
    while stack:
        current = stack.pop(0)
        if current.role in ("name", "inverted-name", "institution"):
            found.append(current)
        elif isinstance(current.content, list):
            stack = list(current.content) + stack
    return found
