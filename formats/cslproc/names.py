"""``cs:names``: name lists with et-al, "and", initials, sort order, particles, labels and
substitution.

Each name is built from its parts as citeproc-js builds it, so that its output and its
punctuation match: the family unit (particles, family name, suffix) and the given unit
(initialised per ``initialize-with``), joined in display order or, under
``name-as-sort-order``, inverted. Names written in a script without letter case (Han, kana,
hangul) are printed family name first with no space (``张三``); a Latin-script name in a
Chinese or Japanese item is printed family name first with a space.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from .context import Context
from .disambiguation import name_key
from .output import Blob
from .richtext import ROMANESQUE
from .style import NS, Element, Formatting, Style, _children, _int, render_all

_STARTS_ROMANESQUE = re.compile(
    r"^[&a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff"
    r"\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]")
_INITIAL = re.compile(
    r"^([A-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u042f\u0590-\u05d4\u05d6-\u05ff\u0600-\u06ff"
    r"\u0370\u0372\u0376\u0386\u0388-\u03ab\u03e2\u03e4\u03e6\u03e8\u03ea\u03ec\u03ee\u03f4"
    r"\u03f7\u03fd-\u03ff])([a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u052f\u0600-\u06ff"
    r"\u0370-\u03ff\u1f00-\u1fff]*|)(\.)*")
_NAME_SEPARATOR = re.compile(r"([-\s]+)")
_PARTICLE_FAMILY = re.compile(r"^([^ ]+(?:-|\u02bb|\u2019| |') *)(.+)$")
_PARTICLE_GIVEN = re.compile(r"^([^ ]+(?:\u02bb |\u2019 | |' ) *)(.+)$")
_SUFFIX_COMMA = re.compile(r"(\s*,!*\s*)")
_FIRST_LETTER = re.compile(r"^[-'\u02bb\u2019\s]*(.).*$", re.S)
_LEADING_TAGS = re.compile(r"^(?:<[^>]+>)*")
_SPACES = re.compile(r"\s+")
_SPACED_HYPHEN = re.compile(r"\s*-\s*")
_HYPHEN_LOWER = re.compile(r"-([a-z])")
_DASH_LOWER = re.compile(r"\u2013([a-z])")
_PERIOD_GLUED = re.compile(r"\.(?=[^ ])")
_AFTER_LAST_PERIOD = re.compile(r"[^.]+$")
_TRAILING_SPACE = re.compile(r"[\t\n\x0b\x0c\r \ufeff\u00a0]+$")
_ASCII_SPACES = re.compile(r"[\t\n\x0b\x0c\r ]+")
_LAST_PERIOD = re.compile(r"^(.*)\.(.*)$")
# Attributes of cs:name that cs:style, cs:citation and cs:bibliography may set for all names.
INHERITED = ("and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min",
             "et-al-use-first", "et-al-use-last", "et-al-subsequent-min",
             "et-al-subsequent-use-first", "initialize", "initialize-with", "name-as-sort-order",
             "sort-separator", "form")


@dataclass
class NameFormat:
    """A ``cs:name``: its own attributes (inherited ones are merged in at render time)."""

    attributes: dict[str, str]
    fmt: Formatting
    family: Formatting = field(default_factory=Formatting)
    given: Formatting = field(default_factory=Formatting)


@dataclass
class Names(Element):
    variables: list[str]
    name: NameFormat | None
    et_al: tuple[str, Formatting] | None
    label: tuple[Formatting, str, str, bool] | None  # formatting, form, plural, label first
    substitute: list[Element]
    delimiter: str | None
    fmt: Formatting
    style: Style = field(repr=False)
    bare: bool = False  # no child elements: inside cs:substitute, it takes the original's

    def render(self, ctx: Context, out: list[Blob]) -> None:
        if self.bare and ctx.substitute_source is not None:
            _inherit(self, ctx.substitute_source).render_own(ctx, out)
            return
        self.render_own(ctx, out)

    def render_own(self, ctx: Context, out: list[Blob]) -> None:
        ctx.frames[-1].attempt = True
        top = not ctx.substituting
        if top:
            # Only the entry's first name list, with nothing printed before it, is compared
            # for subsequent-author-substitute.
            ctx.author_open = ctx.mode == "bibliography" and not ctx.names_seen and \
                not ctx.printed
            ctx.names_seen = True
        try:
            self._render_names(ctx, out)
        finally:
            if top:
                ctx.author_open = False

    def _render_names(self, ctx: Context, out: list[Blob]) -> None:
        lists = [(v, ctx.item.names[v]) for v in self.variables
                 if ctx.item.names.get(v) and v not in ctx.suppressed]
        if lists:
            shown_before = len(ctx.shown_names)
            blob = self._names(ctx, lists)
            if blob is not None:
                ctx.frames[-1].success = True
                out.append(blob)
                if ctx.author_open and len(self.variables) == 1:
                    shown = [n for _, _, n in ctx.shown_names[shown_before:]]
                    ctx.author_names = (blob.content[0], [_raw_name(n) for n in shown])
            return
        self._substitute(ctx, out)

    # -- substitution

    def _substitute(self, ctx: Context, out: list[Blob]) -> None:
        for element in self.substitute:
            found: list[Blob] = []
            ctx.substituting += 1
            outer, ctx.substitute_source = ctx.substitute_source, self
            try:
                element.render(ctx, found)
            finally:
                ctx.substituting -= 1
                ctx.substitute_source = outer
            if found:
                if isinstance(element, Names):
                    ctx.suppressed.update(element.variables)
                ctx.frames[-1].success = True
                out.append(self.fmt.wrap(found))
                return
            if isinstance(element, Names) and not element.bare:
                # As in citeproc-js: a cs:names of its own that was tried and printed nothing
                # takes what is substituted after it out of subsequent-author-substitute.
                ctx.author_open = False

    # -- name lists

    def _names(self, ctx: Context, lists: list[tuple[str, list[dict[str, Any]]]]) -> Blob | None:
        options = self._options(ctx)
        ctx.namesets += 1
        if ctx.substituting:
            ctx.suppressed.update(v for v, _ in lists)
        if _same_editor_and_translator(lists):
            lists = [("editortranslator", lists[0][1])]
        if options.get("form") == "count":
            count = sum(len(self._shown(ctx, names, options)[0]) for _, names in lists)
            return self.fmt.leaf(ctx, str(count)) if count else None
        parts = []
        for variable, names in lists:
            part = self._variable(ctx, variable, names, options)
            if part is not None:
                parts.append(part)
        if not parts:
            return None
        delimiter = self.delimiter if self.delimiter is not None else \
            ctx.inherited.get("names-delimiter", "")
        return self.fmt.wrap([Blob(parts, delimiter=delimiter)])

    def _options(self, ctx: Context) -> dict[str, str]:
        options = {key: ctx.inherited[key] for key in INHERITED if key in ctx.inherited}
        if "name-form" in ctx.inherited:
            options.setdefault("form", ctx.inherited["name-form"])
        if "name-delimiter" in ctx.inherited:
            options["delimiter"] = ctx.inherited["name-delimiter"]
        if self.name is not None:
            options.update(self.name.attributes)
        return options

    def _shown(self, ctx: Context, names: list[dict[str, Any]],
               options: dict[str, str]) -> tuple[list[dict[str, Any]], bool]:
        """The names to print and whether et-al follows them."""
        minimum, first = _int(options.get("et-al-min")), _int(options.get("et-al-use-first"))
        if ctx.position != "first" and ctx.mode == "citation":
            minimum = _int(options.get("et-al-subsequent-min")) or minimum
            first = _int(options.get("et-al-subsequent-use-first")) or first
        if ctx.mode == "sort" and ctx.names_min is not None:
            minimum = ctx.names_min
            first = ctx.names_use_first if ctx.names_use_first is not None else first
        if minimum and first is not None and len(names) >= minimum and first < len(names):
            # Disambiguation adds names to the first name list only.
            count = max(first, ctx.disambig_names if ctx.namesets == 1 else 0)
            if options.get("et-al-use-last") == "true" and count > minimum - 2:
                count = minimum - 2
            if count < len(names):
                return names[:count], True
        return names, False

    def _variable(self, ctx: Context, variable: str, names: list[dict[str, Any]],
                  options: dict[str, str]) -> Blob | None:
        shown, et_al = self._shown(ctx, names, options)
        if not shown:
            return None
        delimiter = options.get("delimiter", ", ")
        rendered = []
        for index, name in enumerate(shown):
            blob = self._one(ctx, variable, index, name, options)
            if blob is not None:
                rendered.append(blob)
                ctx.shown_names.append((variable, index, name))
        if not rendered:
            return None
        use_last = options.get("et-al-use-last") == "true" and et_al and \
            len(names) - len(shown) >= 2
        if use_last:
            last = self._one(ctx, variable, len(names) - 1, names[-1], options)
            ellipsis = None if ctx.mode == "sort" else self._ellipsis(len(rendered) + 1, delimiter)
            listed = _join_final(rendered + ([last] if last else []), delimiter, ellipsis)
        elif et_al and ctx.mode != "sort":
            listed = self._with_et_al(ctx, rendered, delimiter, options)
        elif ctx.mode == "sort":
            listed = _join_plain(rendered, delimiter)
        else:
            listed = _join_final(rendered, delimiter, self._and(ctx, rendered, options))
        listed = self.name.fmt.wrap([listed]) if self.name is not None else listed
        label = self._label(ctx, variable, len(names)) if ctx.mode != "sort" else None
        if label is None:
            return Blob([listed])
        return Blob([label, listed] if self.label[3] else [listed, label])  # type: ignore[index]

    def _and(self, ctx: Context, rendered: list[Blob], options: dict[str, str]) -> Blob | None:
        if len(rendered) < 2:
            return None
        delimiter = options.get("delimiter", ", ")
        kind = options.get("and")
        if not kind:
            return Blob(delimiter) if delimiter else None
        term = (ctx.locale.term("and") if kind == "text" else "&") or ""
        spaced = bool(_STARTS_ROMANESQUE.match(term))
        single, multiple = (" ", delimiter) if spaced else ("", "")
        precedes = options.get("delimiter-precedes-last", "contextual")
        if rendered[-1].role == "institution":
            # citeproc-js joins an organisation last with its own "and", which takes
            # delimiter-precedes-last from the style or the area, not from cs:name.
            precedes = ctx.inherited.get("delimiter-precedes-last", "contextual")
        if precedes == "always":
            single = delimiter
        elif precedes == "never":
            multiple = " " if multiple else multiple
        elif precedes == "after-inverted-name":
            single = delimiter if single else single
            multiple = " " if multiple else multiple
            if rendered[-2].role == "inverted-name":
                single = multiple = delimiter
        prefix = single if len(rendered) == 2 else multiple
        return Blob(term, prefix, " " if spaced else "")

    def _with_et_al(self, ctx: Context, rendered: list[Blob], delimiter: str,
                    options: dict[str, str]) -> Blob:
        term_name, fmt = self.et_al if self.et_al is not None else ("et-al", Formatting())
        term = ctx.locale.term(term_name) or ""
        joined = _join_plain(rendered, delimiter)
        if not term:
            return Blob([joined])
        single, multiple = " ", delimiter
        precedes = options.get("delimiter-precedes-et-al", "contextual")
        if precedes == "always":
            single = delimiter
        elif precedes == "never":
            multiple = " "
        elif precedes == "after-inverted-name":
            single, multiple = delimiter, " "
        if not _STARTS_ROMANESQUE.match(term):
            single = "" if single == " " else single
            multiple = "" if multiple == " " else multiple
        et_al = fmt.leaf(ctx, term)
        et_al.prefix = (single if len(rendered) == 1 else multiple) + et_al.prefix
        return Blob([joined, et_al])

    @staticmethod
    def _ellipsis(count: int, delimiter: str) -> Blob:
        return Blob("\u2026", " " if count == 2 else delimiter, " ")

    def _label(self, ctx: Context, variable: str, count: int) -> Blob | None:
        if self.label is None:
            return None
        fmt, form, plural_rule, _ = self.label
        plural = plural_rule == "always" or (plural_rule == "contextual" and count > 1)
        text = ctx.locale.term(variable, form, plural)
        if not text:
            return None
        blob = fmt.leaf(ctx, text)
        blob.role = "label"
        return blob

    # -- one name

    def _one(self, ctx: Context, variable: str, index: int, raw: dict[str, Any],
             options: dict[str, str]) -> Blob | None:
        name = _normalized(raw)
        if name.get("literal") and not name.get("family"):
            family = self.name.family if self.name else Formatting()
            blob = Blob([_part(ctx, name["literal"], family) or Blob("")])
            blob.role = "institution"
            return blob
        if not name.get("family") and not name.get("given"):
            return None
        level = ctx.given_levels.get((variable, index), 0)
        if ctx.name_levels and (index == 0 or not ctx.settings.primary_names_only):
            level = max(level, ctx.name_levels.get(name_key(raw), 0))
        return _personal(ctx, name, index, options, self.name, level)


def _raw_name(name: dict[str, Any]) -> str:
    """A name as citeproc-js compares it for subsequent-author-substitute: its parts joined."""
    return "".join(str(name.get(part, "")) for part in (
        "non-dropping-particle", "family", "given", "dropping-particle", "suffix", "literal"))


def ctx_leaf(ctx: Context, text: str, fmt: Formatting) -> Blob:
    return fmt.leaf(ctx, text)


def _same_editor_and_translator(lists: list[tuple[str, list[dict[str, Any]]]]) -> bool:
    variables = [v for v, _ in lists]
    if sorted(variables) != ["editor", "translator"]:
        return False
    return lists[0][1] == lists[1][1]


def _inherit(element: Names, parent: Names) -> Names:
    return Names(element.variables, parent.name, parent.et_al, parent.label, [],
                 element.delimiter if element.delimiter is not None else parent.delimiter,
                 element.fmt, element.style)


# ------------------------------------------------------------------ building one name


def _normalized(raw: dict[str, Any]) -> dict[str, Any]:
    """The name as citeproc-js reads it: particles parsed out of family and given names."""
    name = {k: (str(v) if not isinstance(v, bool) else v) for k, v in raw.items()}
    family, given = name.get("family", ""), name.get("given", "")
    if family.startswith('"') and family.endswith('"') and len(family) > 1:
        name["family"] = family[1:-1]
        return name
    if raw.get("parse-names") in (False, 0, "false"):
        return name
    if family and given and not name.get("non-dropping-particle") and \
            not raw.get("static-particles"):
        _parse_particles(name)
    return name


def _parse_particles(name: dict[str, Any]) -> None:
    family, particles = _split_particles(name["family"], given=False)
    name["family"] = family
    particle = "".join(particles)
    particle = particle.strip() + (" " if particle.endswith(" ") and
                                   particle.strip()[-1:] in ("'", "\u2019") else "")
    if particle:
        name["non-dropping-particle"] = particle
    given = name.get("given", "")
    if not name.get("suffix") and given:
        match = _SUFFIX_COMMA.search(given)
        if match:
            comma = match[1]
            suffix = given[match.start() + len(comma):]
            if suffix.replace(".", "") == "et al" and not name.get("dropping-particle"):
                name["dropping-particle"] = suffix
            else:
                if len(comma.replace(" ", "")) == 2:
                    name["comma-suffix"] = True
                name["suffix"] = suffix
            name["given"] = given = given[:match.start()]
    given, particles = _split_particles(given, given=True)
    name["given"] = given
    dropping = "".join(particles).strip()
    if dropping:
        name["dropping-particle"] = dropping


def _split_particles(value: str, given: bool) -> tuple[str, list[str]]:
    """Lower-case words at the start of a family name (``van der``) or the end of a given
    name (``Alexander von``), as particles."""
    original = value
    text = value[::-1] if given else value
    pattern = _PARTICLE_GIVEN if given else _PARTICLE_FAMILY
    particles: list[str] = []
    match = pattern.match(text)
    while match:
        piece = match[1][::-1] if given else match[1]
        first = _FIRST_LETTER.sub(r"\1", piece)
        if not first or first.upper() == first:
            break
        if given:
            particles.append(original[-len(piece):])
            original = original[:-len(piece)]
        else:
            particles.append(original[:len(piece)])
            original = original[len(piece):]
        text = match[2]
        match = pattern.match(text)
    if given:
        particles.reverse()
        for i in range(1, len(particles)):
            if particles[i][:1] == " ":
                particles[i - 1] += " "
        particles = [p[1:] if p[:1] == " " else p for p in particles]
        return original[:len(text[::-1])] if particles else value, particles
    return (original if particles else value), particles


def _romanesque(name: dict[str, Any], language: str) -> int:
    """2: a name in a cased alphabet; 1: mixed, or such a name in a Chinese or Japanese item;
    0: a name in a script without case."""
    family = name.get("family", "").replace('"', "")
    level = 2
    if not ROMANESQUE.search(family):
        level = 0
    if not level and _STARTS_ROMANESQUE.match(name.get("given", "")):
        level = 1
    if level == 2 and language[:2] in ("ja", "zh"):
        level = 1
    return level


def _join(blobs: list[Blob | None], delimiter: str) -> Blob | None:
    kept = [b for b in blobs if b is not None and not _empty(b)]
    if not kept:
        return None
    if len(kept) > 1:
        for blob in kept[:-1]:
            blob.suffix += delimiter
    return Blob(kept)


def _join_plain(blobs: list[Blob], delimiter: str) -> Blob:
    return _join(list(blobs), delimiter) or Blob([])


def _join_final(blobs: list[Blob], delimiter: str, final: Blob | None) -> Blob:
    if len(blobs) < 2:
        return Blob(list(blobs))
    if final is None:
        return _join_plain(blobs, delimiter)
    if len(blobs) == 2:
        return Blob([blobs[0], final, blobs[1]])
    for blob in blobs[:-2]:
        blob.suffix += delimiter
    return Blob(blobs[:-1] + [final, blobs[-1]])


def _empty(blob: Blob) -> bool:
    return not blob.content


def _part(ctx: Context, text: str, fmt: Formatting | None) -> Blob | None:
    if not text:
        return None
    if fmt is None:
        return ctx_leaf(ctx, text, Formatting())
    bare = Formatting("", "", fmt.decorations, fmt.text_case, fmt.strip_periods)
    if fmt.strip_periods:
        text = text.replace(".", "")
    return ctx_leaf(ctx, text, bare)


def _personal(ctx: Context, name: dict[str, Any], index: int, options: dict[str, str],
              spec: NameFormat | None, requested_level: int) -> Blob | None:
    family_fmt = spec.family if spec else Formatting()
    given_fmt = spec.given if spec else Formatting()
    form = options.get("form", "long")
    initialize_with = options.get("initialize-with")
    level = 0 if form != "long" else (1 if initialize_with is not None else 2)
    level = max(level, requested_level)
    given_text = name.get("given", "")
    if level == 1 and name.get("family"):
        if initialize_with is not None:
            given_text = initialize(given_text, initialize_with,
                                    normalize_only=options.get("initialize") == "false",
                                    hyphen=ctx.initialize_with_hyphen)
    elif level == 0:
        given_text = ""
    dropping = _part(ctx, name.get("dropping-particle", ""), given_fmt) if given_text else None
    family = _part(ctx, name.get("family", ""), family_fmt)
    non_dropping = _part(ctx, name.get("non-dropping-particle", ""), family_fmt)
    given = _part(ctx, given_text, given_fmt)
    suffix = _suffix(ctx, name.get("suffix", ""), initialize_with) if given_text else None
    sort_separator = options.get("sort-separator", ", ")
    suffix_separator = ", " if name.get("comma-suffix") else " "
    level_script = _romanesque(name, ctx.item.language)
    hyphenated = _ends_joining(name.get("non-dropping-particle", ""))
    order = options.get("name-as-sort-order", "")
    inverted = False
    if level_script == 0:
        blob = _join([non_dropping, family, given], "")
    elif level_script == 1 or name.get("static-ordering"):
        blob = _join([_join([non_dropping, family], " "), given], " ")
    elif ctx.mode == "sort":
        if ctx.demote == "never":
            merged = _join([_join([_join([non_dropping, family], " "), dropping], " "), given],
                           "|")
        else:
            merged = _join([family, _join([given, dropping, non_dropping], " ")], "|")
        blob = _join([merged, suffix], " ")
    elif order == "all" or (order == "first" and index == 0):
        inverted = True
        if given_text in ("Lord", "Lady"):
            sort_separator = ", "
        if ctx.demote == "display-and-sort":
            second = _join([_join([given, dropping], " "), non_dropping], " ")
            _affixes(second, given_fmt)
            _affixes(family, family_fmt)
            blob = _join([_join([family, second], sort_separator), suffix], sort_separator)
        else:
            first = _join([non_dropping, family], "" if hyphenated else " ")
            _affixes(first, family_fmt)
            second = _join([given, dropping], " ")
            _affixes(second, given_fmt)
            blob = _join([_join([first, second], sort_separator), suffix], sort_separator)
    else:
        particle = name.get("dropping-particle", "")
        if particle and name.get("family") and not name.get("non-dropping-particle") and \
                particle[-1:] in ("'", "\u02bc", "\u2019", "-") and particle[:-1] != "de":
            family = _join([dropping, family], "")
            dropping = None
        if hyphenated:
            second = _join([dropping, _join([non_dropping, family], "")], " ")
        else:
            second = _join([dropping, non_dropping, family], " ")
        second = _join([second, suffix], suffix_separator)
        _affixes(second, family_fmt)
        _affixes(given, given_fmt)
        blob = _join([given, second], " ")
    if blob is not None:
        blob.role = "inverted-name" if inverted else "name"
    return blob


def _affixes(blob: Blob | None, fmt: Formatting) -> None:
    if blob is not None:
        blob.prefix, blob.suffix = fmt.prefix, fmt.suffix


def _ends_joining(particle: str) -> bool:
    return particle[-1:] in ("\u2019", "'", "-", " ")


def _suffix(ctx: Context, text: str, initialize_with: str | None) -> Blob | None:
    if not text:
        return None
    if initialize_with is not None:
        text = initialize(text, initialize_with, normalize_only=True)
    trailing = ""
    if text.endswith("."):
        text, trailing = text[:-1], "."
    blob = ctx_leaf(ctx, text, Formatting())
    blob.suffix = trailing + blob.suffix
    return blob


# ------------------------------------------------------------------ initials


@functools.lru_cache(maxsize=65536)  # names repeat across entries, citations and sort keys
def initialize(given: str, terminator: str, normalize_only: bool = False,
               hyphen: bool = True) -> str:
    """Given names as initials (``John Ronald`` → ``J. R.``), or with `normalize_only`,
    only the initials already there punctuated (``J R`` → ``J. R.``)."""
    if not given:
        return ""
    if given in ("Lord", "Lady") or (not _STARTS_ROMANESQUE.match(_LEADING_TAGS.sub("", given))
                                     and "%s" not in terminator):
        return given
    if not hyphen:
        given = given.replace("-", " ")
    given = _SPACES.sub(" ", _SPACED_HYPHEN.sub("-", given))
    given = _HYPHEN_LOWER.sub("\u2013\\1", given)
    given = _PERIOD_GLUED.sub(". ", given)
    pieces = _NAME_SEPARATOR.split(given)
    if len(pieces) == 1:
        tail = _AFTER_LAST_PERIOD.search(pieces[0])
        if tail and len(tail[0]) == 1 and tail[0] != tail[0].lower():
            pieces[0] += "."
    if normalize_only:
        out = _normalize_initials(pieces, terminator)
    else:
        out = _initials(pieces, terminator)
    return _DASH_LOWER.sub(r"-\1", out)


def _tidy(text: str) -> str:
    text = _TRAILING_SPACE.sub("", text)
    return _ASCII_SPACES.sub(" ", _SPACED_HYPHEN.sub("-", text))


def _initials(pieces: list[str], terminator: str) -> str:
    count = len(pieces)
    for i in range(0, count, 2):
        word = pieces[i]
        if not word:
            continue
        match = _INITIAL.match(word)
        groups = [match[1], match[2], match[3]] if match else None
        if groups is None and not _STARTS_ROMANESQUE.match(word) and len(word) > 1 and \
                "%s" in terminator:
            groups = [word[0], word[1:], None]
        if groups and groups[1] and groups[2]:
            groups = [groups[0] + groups[1], "", groups[2]]
        if groups and groups[0][:1] == groups[0][:1].upper():
            extra = ""
            if groups[1]:
                caps = ""
                for char in groups[1]:
                    if char != char.upper():
                        break
                    caps += char
                if len(caps) < len(groups[1]):
                    extra = caps.lower()
            pieces[i] = groups[0] + extra
            if i < count - 1:
                if "%s" in terminator:
                    pieces[i] = terminator.replace("%s", pieces[i])
                elif "-" in pieces[i + 1]:
                    pieces[i + 1] = terminator + "-"
                else:
                    pieces[i + 1] = terminator
            elif "%s" in terminator:
                pieces[i] = terminator.replace("%s", pieces[i])
            else:
                pieces.append(terminator)
        elif ROMANESQUE.search(word) and (not groups or not groups[2]):
            pieces[i] = " " + word
    return _tidy("".join(pieces))


def _normalize_initials(pieces: list[str], terminator: str) -> str:
    abbreviation = []
    for i, piece in enumerate(pieces):
        if len(piece) > 1 and piece.endswith("."):
            pieces[i] = _LAST_PERIOD.sub(r"\1\2", piece)
            abbreviation.append(True)
        elif len(piece) == 1 and piece.upper() == piece:
            abbreviation.append(True)
        else:
            abbreviation.append(False)
    for i in range(0, len(pieces), 2):
        if not abbreviation[i]:
            continue
        if i < len(pieces) - 2:
            pieces[i + 1] = "" if abbreviation[i + 2] else " "
            if len(pieces[i + 2]) > 1:
                pieces[i + 1] = terminator.rstrip("\ufeff") + pieces[i + 1]
            else:
                pieces[i + 1] = terminator + pieces[i + 1] if pieces[i + 1] else terminator
        if i == len(pieces) - 1:
            pieces[i] += terminator
    return _tidy("".join(pieces))


# ------------------------------------------------------------------ reading the element


def read_names(node: ElementTree.Element, fmt: Formatting, style: Style) -> Names:
    name = et_al = label = None
    substitute: list[Element] = []
    seen_name = False
    children = _children(node)
    for child in children:
        tag = child.tag.removeprefix(NS)
        if tag == "name":
            seen_name = True
            parts = {p.get("name"): Formatting.read(p) for p in child.iterfind(f"{NS}name-part")}
            attributes = {k: v for k, v in child.attrib.items() if k in INHERITED or k in
                          ("delimiter", "form")}
            name = NameFormat(attributes, Formatting.read(child),
                              parts.get("family", Formatting()), parts.get("given", Formatting()))
        elif tag == "et-al":
            et_al = (child.get("term", "et-al"), Formatting.read(child))
        elif tag == "label":
            # Before cs:name it prints first; with no cs:name, after the names.
            before_name = not seen_name and node.find(f"{NS}name") is not None
            label = (Formatting.read(child), child.get("form", "long"),
                     child.get("plural", "contextual"), before_name)
        elif tag == "substitute":
            substitute = [style.element(c) for c in _children(child)]
    return Names(node.get("variable", "").split(), name, et_al, label, substitute,
                 node.get("delimiter"), fmt, style, bare=not children)


__all__ = ["Names", "read_names", "initialize", "render_all"]
