"""CSL disambiguation: make every item's citation distinct (CSL 1.0.2, "Disambiguation").

Items whose citations print the same are ambiguous. The style's options are applied as
citeproc-js applies them:

- given names (``disambiguate-add-givenname``): under the ``all-names`` and ``primary-name``
  rules, every cited name that shares its family name with another person's is expanded,
  to initials or to the full given name, whatever the citations; under ``by-cite``, given
  names are expanded name by name for ambiguous citations only;
- names (``disambiguate-add-names``): names hidden by et-al are added, one at a time, to a
  group of ambiguous citations, kept where they tell items apart;
- year suffixes (``disambiguate-add-year-suffix``): ``2020a``, ``2020b`` in bibliography
  order; then the ``disambiguate="true"`` condition for what is still ambiguous.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol
from xml.etree import ElementTree

_GIVEN_TAIL = re.compile(r"[,!]* ([^,]+)$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Disambiguation:
    """How one item's citation is set apart."""

    names: int = 0  # how many names to show where et-al would cut the list (0: as usual)
    given_levels: tuple[tuple[tuple[str, int], int], ...] = ()
    disambiguate: bool = False
    year_suffix: str = ""

    def with_given(self, variable: str, index: int, level: int) -> Disambiguation:
        levels = dict(self.given_levels)
        levels[(variable, index)] = max(level, levels.get((variable, index), 0))
        return replace(self, given_levels=tuple(sorted(levels.items())))


class _Entry(Protocol):
    item: Any
    settings: Disambiguation


@dataclass(frozen=True)
class Cite:
    """An item's citation as plain text, and the names it printed, as (variable, index,
    name) in order."""

    text: str
    names: tuple[tuple[str, int, dict[str, Any]], ...]


CiteOf = Callable[[Any, Disambiguation], Cite]


def register_names(rendered: Iterable[Iterable[tuple[str, int, dict[str, Any]]]],
                   options: dict[str, str], initials: Callable[[str], str]) -> dict[str, int]:
    """The name registry's given-name expansions, by `name_key`.

    Under the ``all-names`` and ``primary-name`` rules citeproc-js registers the names it
    prints in citations and sort keys (`rendered`: per item, as (variable, index, name); under
    ``primary-name`` only the first of each list counts) and expands each wherever it prints:
    to initials when another person shares the family name, to the full given name when the
    initials are shared too (never, under ``-with-initials``). `initials` turns a given name
    into citeproc-js's key of initials."""
    if not uses_name_registry(options):
        return {}
    rule = options["givenname-disambiguation-rule"]
    primary_only = rule.startswith("primary-")
    registry: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    people = []
    for names in rendered:
        for _, index, name in names:
            if primary_only and index > 0:
                continue
            family, given = _registry_keys(name)
            if family:
                key = (family, initials(given), given)
                registry[key[0]][key[1]].add(given)
                people.append((name, key))
    levels: dict[str, int] = {}
    for name, (family, initial_key, _) in people:
        level = 0
        if len(registry[family]) > 1:
            level = 1
        if len(registry[family][initial_key]) > 1 and not rule.endswith("-with-initials"):
            level = 2
        if level:
            levels[name_key(name)] = level
    return levels


def uses_name_registry(options: dict[str, str]) -> bool:
    """Whether the citation options expand given names through the name registry."""
    return options.get("disambiguate-add-givenname") == "true" and \
        options.get("givenname-disambiguation-rule", "by-cite") != "by-cite"


def _registry_keys(name: dict[str, Any]) -> tuple[str, str]:
    if name.get("literal") or not name.get("family"):
        return "", ""
    return _person_keys(str(name.get("family", "")), str(name.get("given", "")))


@functools.lru_cache(maxsize=65536)  # every printed name asks, many times over
def _person_keys(family: str, given: str) -> tuple[str, str]:
    family, given = _strip_periods(family), _strip_periods(given)
    tail = _GIVEN_TAIL.search(given)
    if tail and tail[1] == tail[1].lower():
        given = given[:tail.start()]
    return family, given


def _strip_periods(text: str) -> str:
    return _SPACES.sub(" ", text.replace(".", " ")).rstrip()


def name_key(name: dict[str, Any]) -> str:
    """A person's name as the name registry knows it."""
    family, given = _registry_keys(name)
    return f"{family}|{given}"


def disambiguate(entries: Sequence[_Entry], cite: CiteOf, options: dict[str, str],
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
    by_cite = add_given and rule == "by-cite"
    for group in _ambiguous(entries, cite):
        groups = [group]
        if add_names or by_cite:
            groups = _add_names_and_givens(group, cite, add_names, by_cite)
        for remaining in groups:
            if add_suffix:
                for number, entry in enumerate(remaining):
                    entry.settings = replace(entry.settings, year_suffix=_letters(number))
            elif condition:
                for entry in remaining:
                    entry.settings = replace(entry.settings, disambiguate=True)


def _ambiguous(entries: Sequence[_Entry], cite: CiteOf) -> list[list[_Entry]]:
    by_text: dict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        by_text[cite(entry, entry.settings).text].append(entry)
    return [group for group in by_text.values() if len(group) > 1]


# ------------------------------------------------------------------ adding names


def _add_names_and_givens(group: list[_Entry], cite: CiteOf, add_names: bool,
                          by_cite: bool) -> list[list[_Entry]]:
    """Expand the group's citations step by step, keeping a step wherever it splits the
    group; returns the groups of entries still ambiguous."""
    unresolved: list[list[_Entry]] = []
    pending = [group]
    while pending:
        current = pending.pop()
        # As in citeproc-js, the citations compared carry every step tried so far, but an
        # entry keeps only what the step that split the group changed.
        trial = {id(entry): entry.settings for entry in current}
        for step in _steps(current, cite, add_names, by_cite):
            trial = {key: step.expand(settings) for key, settings in trial.items()}
            buckets: dict[str, list[_Entry]] = defaultdict(list)
            for entry in current:
                buckets[cite(entry, trial[id(entry)]).text].append(entry)
            if len(buckets) == 1:
                continue
            for entry in current:
                entry.settings = step.keep(entry.settings, trial[id(entry)])
            pending += [b for b in buckets.values() if len(b) > 1]
            break
        else:
            unresolved.append(current)
    return unresolved


@dataclass(frozen=True)
class _Step:
    """One expansion: one more name shown (`names`), or one name's given name one level
    further (`given`: variable and index)."""

    names: int = 0
    given: tuple[str, int] | None = None

    def expand(self, settings: Disambiguation) -> Disambiguation:
        if self.given is not None:
            variable, index = self.given
            level = dict(settings.given_levels).get(self.given, 0) + 1
            return settings.with_given(variable, index, min(level, 2))
        return replace(settings, names=max(settings.names, self.names))

    def keep(self, kept: Disambiguation, tried: Disambiguation) -> Disambiguation:
        """`kept` with what this step set in `tried`, and the names `tried` shows."""
        kept = replace(kept, names=tried.names)
        if self.given is not None:
            return kept.with_given(*self.given, dict(tried.given_levels).get(self.given, 0))
        return kept


def _steps(group: list[_Entry], cite: CiteOf, add_names: bool, by_cite: bool) -> list[_Step]:
    """The expansions to try, in citeproc-js's order: the given name of each shown name,
    twice (initials, then in full), then one more name, and so on."""
    shown = max(len(cite(e, e.settings).names) for e in group)
    most = max((len(names) for e in group for names in e.item.names.values()), default=0)
    steps: list[_Step] = []
    for count in range(shown, most + 1):
        if by_cite:
            variable = _first_variable(group, cite)
            for index in range(count):
                steps += [_Step(given=(variable, index))] * 2
        if add_names and count < most:
            steps.append(_Step(names=count + 1))
    return steps


def _first_variable(group: list[_Entry], cite: CiteOf) -> str:
    for entry in group:
        names = cite(entry, entry.settings).names
        if names:
            return names[0][0]
    return "author"


def _letters(number: int) -> str:
    """0 → a, 25 → z, 26 → aa: citeproc-js's year-suffix letters."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
