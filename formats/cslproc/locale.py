"""CSL locales: terms, date formats and options, merged in the CSL 1.0.2 fallback order.

A style asking for ``zh-CN`` gets, per term, the first definition found in: the style's
``cs:locale xml:lang="zh-CN"``, its ``cs:locale xml:lang="zh"``, its ``cs:locale`` without a
language, the locale file ``zh-CN``, the language's primary dialect file, then ``en-US``.
The locale files are those citeproc-py ships.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

NS = "{http://purl.org/net/xbiblio/csl}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FALLBACK = "en-US"

# Form fallbacks (CSL 1.0.2, "Terms"): a missing form falls back along these chains.
_FORM_FALLBACK = {
    "long": ("long",),
    "short": ("short", "long"),
    "verb": ("verb", "long"),
    "verb-short": ("verb-short", "verb", "long"),
    "symbol": ("symbol", "short", "long"),
}
_ORDINAL = re.compile(r"^(?:long-)?ordinal(?:-\d\d)?$")


@dataclass(frozen=True)
class Term:
    """One term definition: its singular and plural text, gender, and ordinal matching."""

    single: str
    multiple: str
    gender: str = ""  # the gender of the noun the term is (for ordinals numbering it)
    gender_form: str = ""  # for ordinal terms: the gender this form agrees with
    match: str = ""  # for ordinal-NN: last-digit, last-two-digits or whole-number

    def text(self, plural: bool) -> str:
        return self.multiple if plural else self.single


@dataclass(frozen=True)
class DatePartFormat:
    """A ``cs:date-part`` of a locale date format, as attributes."""

    name: str
    attributes: dict[str, str]


@dataclass
class Locale:
    """The merged terms, date formats and options of one language."""

    lang: str
    terms: dict[tuple[str, str], list[Term]] = field(default_factory=dict)
    dates: dict[str, tuple[dict[str, str], list[DatePartFormat]]] = field(default_factory=dict)
    punctuation_in_quote: bool = False
    limit_day_ordinals_to_day_1: bool = False

    def term(self, name: str, form: str = "long", plural: bool = False,
             gender: str = "") -> str | None:
        """The text of term `name`, or None when no form of it is defined."""
        found = self.term_entry(name, form, gender)
        return None if found is None else found.text(plural)

    def term_entry(self, name: str, form: str = "long", gender: str = "") -> Term | None:
        for candidate in _FORM_FALLBACK.get(form, (form, "long")):
            entries = self.terms.get((name, candidate))
            if entries:
                return _by_gender(entries, gender)
        return None

    def gender_of(self, name: str) -> str:
        """The grammatical gender of the noun term `name` (``""`` when the locale says none)."""
        entry = self.term_entry(name)
        return entry.gender if entry else ""

    def ordinal(self, number: int, gender: str = "") -> str:
        """The ordinal suffix for `number` (``st``, ``nd``, ``e``), by the CSL 1.0.2 rules:
        an ``ordinal-10``…``ordinal-99`` match wins over an ``ordinal-00``…``ordinal-09`` one,
        and a term of the noun's gender over a neuter one."""
        for digits in dict.fromkeys((number % 100, number % 10)):
            entries = [t for t in self.terms.get((f"ordinal-{digits:02d}", "long"), [])
                       if _ordinal_matches(t, digits, number)]
            if entries and (gender in {t.gender_form for t in entries} or
                            "" in {t.gender_form for t in entries}):
                return _by_gender(entries, gender).single
        entry = self.term_entry("ordinal", gender=gender)
        return entry.single if entry else ""

    def long_ordinal(self, number: int, gender: str = "") -> str:
        """``first`` … ``tenth``; beyond ten, the number with its ordinal suffix."""
        if 1 <= number <= 10:
            entries = self.terms.get((f"long-ordinal-{number:02d}", "long"))
            if entries:
                return _by_gender(entries, gender).single
        return f"{number}{self.ordinal(number, gender)}"


def _ordinal_matches(term: Term, digits: int, number: int) -> bool:
    match = term.match or ("last-digit" if digits < 10 else "last-two-digits")
    if match == "whole-number":
        return number == digits
    if match == "last-two-digits":
        return number % 100 == digits
    return number % 10 == digits


def _by_gender(entries: list[Term], gender: str) -> Term:
    for entry in entries:
        if entry.gender_form == gender:
            return entry
    for entry in entries:
        if not entry.gender_form:
            return entry
    return entries[0]


# ------------------------------------------------------------------ loading


@functools.cache
def _locales_folder() -> Path:
    spec = importlib.util.find_spec("citeproc")
    if spec is None or not spec.submodule_search_locations:
        raise LookupError("citeproc-py, whose locale files recconv uses, is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "locales"


@functools.cache
def primary_dialects() -> dict[str, str]:
    """Language → its primary dialect (``de`` → ``de-DE``), from the locales' own index."""
    index = json.loads((_locales_folder() / "locales.json").read_text(encoding="utf-8"))
    return index["primary-dialects"]


def known(lang: str) -> bool:
    """Whether a locale file exists for `lang` or its primary dialect."""
    return _locale_file(lang) is not None


def _locale_file(lang: str) -> Path | None:
    for name in (lang, primary_dialects().get(lang.split("-")[0], "")):
        path = _locales_folder() / f"locales-{name}.xml"
        if name and path.is_file():
            return path
    return None


@functools.cache
def _file_locale(lang: str) -> ElementTree.Element | None:
    path = _locale_file(lang)
    return ElementTree.parse(path).getroot() if path else None


def build(lang: str, style_locales: list[ElementTree.Element]) -> Locale:
    """The locale for `lang`, with the style's own ``cs:locale`` overrides applied."""
    lang = lang or FALLBACK
    base = lang.split("-")[0]
    sources = [_file_locale(FALLBACK)]
    dialect = primary_dialects().get(base)
    for name in dict.fromkeys(n for n in (dialect, lang) if n):
        found = _file_locale(name)
        if found is not None and found not in sources:
            sources.append(found)
    by_lang = {element.get(XML_LANG, ""): element for element in style_locales}
    sources += [by_lang[key] for key in ("", base, lang) if key in by_lang]
    locale = Locale(lang)
    for source in sources:
        if source is not None:
            _overlay(locale, source)
    return locale


def _overlay(locale: Locale, source: ElementTree.Element) -> None:
    terms = [t for t in source.iter(f"{NS}term")]
    if any(_ORDINAL.match(t.get("name", "")) for t in terms):
        # A source defining any ordinal term replaces all ordinal terms below it.
        locale.terms = {k: v for k, v in locale.terms.items() if not _ORDINAL.match(k[0])}
    replaced: set[tuple[str, str]] = set()
    for element in terms:
        key = (element.get("name", ""), element.get("form", "long"))
        entry = _term(element)
        if key not in replaced:
            locale.terms[key] = []
            replaced.add(key)
        locale.terms[key].append(entry)
    for date in source.iterfind(f"{NS}date"):
        parts = [DatePartFormat(p.get("name", ""), dict(p.attrib))
                 for p in date.iterfind(f"{NS}date-part")]
        locale.dates[date.get("form", "")] = (dict(date.attrib), parts)
    options = source.find(f"{NS}style-options")
    if options is not None:
        if "punctuation-in-quote" in options.attrib:
            locale.punctuation_in_quote = options.get("punctuation-in-quote") == "true"
        if "limit-day-ordinals-to-day-1" in options.attrib:
            locale.limit_day_ordinals_to_day_1 = (
                options.get("limit-day-ordinals-to-day-1") == "true")


def _term(element: ElementTree.Element) -> Term:
    single = element.find(f"{NS}single")
    multiple = element.find(f"{NS}multiple")
    if single is None and multiple is None:
        text = element.text or ""
        one, many = text, text
    else:
        one = (single.text or "") if single is not None else ""
        many = (multiple.text or "") if multiple is not None else one
    return Term(one, many, element.get("gender", ""), element.get("gender-form", ""),
                element.get("match", ""))
