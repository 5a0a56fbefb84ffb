"""CSL disambiguation: make every item's citation distinct (CSL 1.0.2, "Disambiguation").

Items whose citations print the same are ambiguous. The style's options are tried in the
specification's order — add names (``disambiguate-add-names``), expand given names
(``disambiguate-add-givenname`` under ``givenname-disambiguation-rule``), the
``disambiguate="true"`` condition, and last year suffixes (``2020a``, ``2020b``), given in
bibliography order — each step kept only where it tells items apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol
from xml.etree import ElementTree


@dataclass(frozen=True)
class Disambiguation:
    """How one item's citation is set apart."""

    extra_names: int = 0
    given_levels: tuple[tuple[tuple[str, int], int], ...] = ()
    disambiguate: bool = False
    year_suffix: str = ""

    def with_given(self, variable: str, index: int, level: int) -> Disambiguation:
        levels = dict(self.given_levels)
        levels[(variable, index)] = level
        return replace(self, given_levels=tuple(sorted(levels.items())))


class _Entry(Protocol):
    item: Any
    settings: Disambiguation


CiteText = Callable[[Any, Disambiguation], str]


def disambiguate(entries: Sequence[_Entry], cite: CiteText, options: dict[str, str],
                 style_root: ElementTree.Element) -> None:
    """Set each entry's `settings` so that no two citations print alike, where the style's
    options can do it (in place; `entries` in bibliography order)."""
    add_names = options.get("disambiguate-add-names") == "true"
    add_given = options.get("disambiguate-add-givenname") == "true"
    rule = options.get("givenname-disambiguation-rule", "by-cite")
    add_suffix = options.get("disambiguate-add-year-suffix") == "true"
    condition = style_root.find(".//*[@disambiguate='true']") is not None
    if not (add_names or add_given or add_suffix or condition):
        return
    for group in _ambiguous(entries, cite):
        if add_names:
            group = _step(group, cite, _more_names)
        if add_given and group:
            levels = (1,) if rule.endswith("-with-initials") else (1, 2)
            primary_only = rule.startswith("primary-name")
            group = _step(group, cite, lambda e, _l=levels, _p=primary_only: _more_given(e, _l,
                                                                                        _p))
        if condition and group:
            for entry in group:
                entry.settings = replace(entry.settings, disambiguate=True)
            group = _still_ambiguous(group, cite)
        if add_suffix and group:
            for number, entry in enumerate(group):
                entry.settings = replace(entry.settings, year_suffix=_letters(number))


def _ambiguous(entries: Sequence[_Entry], cite: CiteText) -> list[list[_Entry]]:
    by_text: dict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        by_text[cite(entry, entry.settings)].append(entry)
    return [group for group in by_text.values() if len(group) > 1]


def _still_ambiguous(group: list[_Entry], cite: CiteText) -> list[_Entry]:
    texts = [cite(entry, entry.settings) for entry in group]
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        counts[text] += 1
    return [entry for entry, text in zip(group, texts, strict=True) if counts[text] > 1]


Expansion = Callable[[_Entry], list[Disambiguation]]


def _step(group: list[_Entry], cite: CiteText, expansions: Expansion) -> list[_Entry]:
    """Try an entry's expansions, smallest first, keeping the first that makes its citation
    unlike every other in the group; returns the entries still ambiguous."""
    for entry in group:
        original = entry.settings
        others = {cite(e, e.settings) for e in group if e is not entry}
        for candidate in expansions(entry):
            if cite(entry, candidate) not in others:
                entry.settings = candidate
                break
        else:
            entry.settings = original
    return _still_ambiguous(group, cite)


def _more_names(entry: _Entry) -> list[Disambiguation]:
    count = max((len(v) for v in entry.item.names.values()), default=0)
    return [replace(entry.settings, extra_names=n) for n in range(1, count + 1)]


def _more_given(entry: _Entry, levels: tuple[int, ...], primary_only: bool) \
        -> list[Disambiguation]:
    names = next((v for v in ("author", "editor", "translator") if entry.item.names.get(v)),
                 None)
    if names is None:
        return []
    count = 1 if primary_only else len(entry.item.names[names])
    candidates = []
    settings = entry.settings
    for index in range(count):
        for level in levels:
            settings = settings.with_given(names, index, level)
            candidates.append(settings)
    return candidates


def _letters(number: int) -> str:
    """0 → a, 25 → z, 26 → aa: citeproc-js's year-suffix letters."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


__all__ = ["Disambiguation", "disambiguate", "field"]
