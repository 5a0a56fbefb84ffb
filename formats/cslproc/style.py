"""A CSL style read into rendering elements, once, and the elements that print text.

`load` parses the XML (standard library ``xml.etree``) into a `Style`: options, macros, the
citation and bibliography layouts and their sort keys. Each element renders into a list of
`Blob` s; ``cs:choose`` adds its branch's output straight to its parent's list, and groups
(and macro calls, which citeproc-js treats as groups) apply CSL's group suppression through
the context's frames.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from . import locale as locales
from . import numbers, textcase
from .context import DATE_VARIABLES, NAME_VARIABLES, Context, Frame
from .output import Blob
from .richtext import leaf

NS = locales.NS  # the CSL namespace, as ElementTree writes it
_DECORATION_ATTRIBUTES = ("font-style", "font-variant", "font-weight", "text-decoration",
                          "vertical-align")
NUMBER_VARIABLES = frozenset({
    "chapter-number", "citation-number", "collection-number", "edition",
    "first-reference-note-number",
    "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first",
    "part-number", "printing-number", "section", "supplement-number", "version", "volume",
})
_PLAIN_NUMBER = re.compile(r"^[1-9][0-9]*$")
# Variables cs:text prints through the number machinery (ranges get the en dash).
_NUMBERED_TEXT = frozenset({"page", "page-first", "chapter-number", "collection-number",
                            "edition", "issue", "number", "number-of-pages",
                            "number-of-volumes", "volume", "locator"})
# Variables citeproc-js prints through its "multi-field" path: backslashes kept, title case
# for English items only.
_MULTI_FIELDS = frozenset({"event", "event-title", "publisher", "publisher-place",
                           "event-place", "title", "container-title", "collection-title",
                           "authority", "genre", "title-short", "medium", "country",
                           "jurisdiction", "archive", "archive-place"})


class StyleError(ValueError):
    """A style that cannot be used: not CSL, or no layout where one is needed."""


class Element:
    """A rendering element: appends its output (if any) to `out`."""

    def render(self, ctx: Context, out: list[Blob]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass
class Formatting:
    """Affixes, decorations, text-case and strip-periods of one element."""

    prefix: str = ""
    suffix: str = ""
    decorations: tuple[tuple[str, str], ...] = ()
    text_case: str = ""
    strip_periods: bool = False

    @classmethod
    def read(cls, node: ElementTree.Element) -> Formatting:
        decorations = [(name, node.get(name, "")) for name in _DECORATION_ATTRIBUTES
                       if node.get(name)]
        if node.get("quotes") == "true":
            decorations.append(("quotes", "true"))
        if node.get("display"):
            decorations.append(("display", node.get("display", "")))
        return cls(node.get("prefix", ""), node.get("suffix", ""), tuple(decorations),
                   node.get("text-case", ""), node.get("strip-periods") == "true")

    def leaf(self, ctx: Context, text: str, text_case: str | None = None,
             is_number: bool = False, strip_periods: bool | None = None,
             keep_spaces: bool = False) -> Blob:
        ctx.printed = True
        case = self.text_case if text_case is None else text_case
        if case == "title" and "jurisdiction" in ctx.item.text:
            case = ""  # citeproc-js never title-cases legal items
        blob = leaf(text, ctx.marks, self.prefix, self.suffix, self.decorations, case,
                    self.strip_periods if strip_periods is None else strip_periods, is_number,
                    keep_spaces)
        if not isinstance(blob.content, str):
            ctx.markup = True
        return blob

    def wrap(self, children: list[Blob], delimiter: str = "") -> Blob:
        return Blob(children, self.prefix, self.suffix, delimiter, self.decorations)


def render_all(elements: list[Element], ctx: Context) -> list[Blob]:
    out: list[Blob] = []
    for element in elements:
        element.render(ctx, out)
    return out


# ------------------------------------------------------------------ text, number, label


def _title_case_allowed(ctx: Context, text_case: str) -> str:
    """Title case applies to English items only (or to items of no language in an English
    style), as in citeproc-js."""
    if text_case != "title":
        return text_case
    language = (ctx.item.language or ctx.style_lang)[:2].lower()
    return text_case if language == "en" else ""


def number_output(ctx: Context, fmt: Formatting, variable: str, value: str,
                  form: str = "numeric") -> Blob:
    """A number variable as citeproc-js prints it: one piece per number (a number blob,
    which punctuation does not merge into), labels the value carries (``114, illus.``), the
    element's affixes and decorations around."""
    number = numbers.parse(value, variable, lambda term: ctx.locale.term(term) is not None)
    if variable in numbers.RANGED:
        numbers.fix_ranges(number, variable, ctx.locale, ctx.page_range_format)
    gender = ctx.locale.gender_of(variable) if form != "numeric" else ""
    bare = Formatting("", "", (), fmt.text_case, fmt.strip_periods)
    master = number.parts[0].label if number.parts else ""
    pieces = []
    for part in number.parts:
        if part.label_visible:
            name = part.label[4:] if part.label.startswith("var:") else \
                numbers.LABELS.get(part.label, "")
            text = (ctx.locale.term(name, "long" if part.label == master else "short",
                                    part.plural) if name else "") or part.label
            pieces.append(Blob(text + part.label_suffix))
        if part.collapsible:
            text = part.particle + numbers.in_form(part.value, form, ctx.locale, gender)
            # Only a plain number is a number to punctuation (``1 ??`` takes a period), but
            # each is printed as it is (``1 ??`` keeps its plain space).
            piece = bare.leaf(ctx, text, is_number=_PLAIN_NUMBER.match(part.value) is not None,
                              keep_spaces=True)
        else:
            piece = bare.leaf(ctx, part.particle + part.value)
        piece.suffix += part.joiner.replace("\\-", "-")
        pieces.append(piece)
    return Blob(pieces, fmt.prefix, fmt.suffix, "", fmt.decorations)


@dataclass
class TextVariable(Element):
    variable: str
    form: str
    fmt: Formatting

    def render(self, ctx: Context, out: list[Blob]) -> None:
        variable = self.variable
        if variable == "citation-number":
            ctx.variable(variable, True)
            out.append(self.fmt.leaf(ctx, str(ctx.citation_number), is_number=True))
            return
        if variable == "year-suffix":
            ctx.variable(variable, True)
            ctx.year_suffix_done = True
            if ctx.year_suffix:
                out.append(self.fmt.leaf(ctx, ctx.year_suffix))
            return
        value = ctx.text(variable, self.form)
        ctx.variable(variable, bool(value))
        if not value:
            return
        if ctx.substituting:
            ctx.suppressed.add(variable)
        if variable in _NUMBERED_TEXT:
            out.append(number_output(ctx, self.fmt, variable, value))
        elif variable in _MULTI_FIELDS:
            out.append(self.fmt.leaf(ctx, value, _title_case_allowed(ctx, self.fmt.text_case)))
        elif variable in ("URL", "DOI"):
            out.append(self.fmt.leaf(ctx, value, strip_periods=False))
        else:
            out.append(self.fmt.leaf(ctx, value.replace("\\", "")))


@dataclass
class TextTerm(Element):
    term: str
    form: str
    plural: bool
    fmt: Formatting

    def render(self, ctx: Context, out: list[Blob]) -> None:
        text = ctx.locale.term(self.term, self.form, self.plural) or ""
        if text:
            ctx.term()
            if not ctx.printed and ctx.settings.capitalize_leading_term and ctx.mode != "sort":
                text = textcase.CASES["capitalize-first"](text)
            out.append(self.fmt.leaf(ctx, text))


@dataclass
class TextValue(Element):
    value: str
    fmt: Formatting

    def render(self, ctx: Context, out: list[Blob]) -> None:
        ctx.term()
        if self.value:
            out.append(self.fmt.leaf(ctx, self.value))


@dataclass
class TextMacro(Element):
    """A macro call: a group around the macro's elements, with the call's formatting."""

    name: str
    fmt: Formatting
    style: Style = field(repr=False)
    elements: list[Element] | None = field(default=None, repr=False)

    def render(self, ctx: Context, out: list[Blob]) -> None:
        elements = self.elements
        if elements is None:
            elements = self.elements = self.style.macro(self.name)
        inner: list[Blob] = []
        _render_group(ctx, elements, Formatting(), "", inner)
        if ctx.mode == "sort" and self.style.macro_has_date(self.name):
            # citeproc-js keys a sort macro that holds a date on the date alone.
            from .dates import SORT_DATE

            inner = [Blob(key, decorations=(SORT_DATE,)) for key in _sort_dates(inner)]
        if inner:
            fmt = self.fmt
            if fmt.prefix or fmt.suffix or fmt.decorations:
                out.append(fmt.wrap(inner))
            else:  # a wrapper of nothing around the macro's group changes no punctuation
                out += inner


def _sort_dates(blobs: list[Blob]) -> list[str]:
    from .dates import SORT_DATE

    found = []
    for blob in blobs:
        if SORT_DATE in blob.decorations:
            found.append(blob.content)
        elif isinstance(blob.content, list):
            found += _sort_dates(blob.content)
    return found


@dataclass
class Number(Element):
    variable: str
    form: str
    fmt: Formatting

    def render(self, ctx: Context, out: list[Blob]) -> None:
        value = ctx.text(self.variable)
        ctx.variable(self.variable, bool(value))
        if not value:
            return
        if ctx.substituting:
            ctx.suppressed.add(self.variable)
        out.append(number_output(ctx, self.fmt, self.variable, value, self.form))


@dataclass
class Label(Element):
    variable: str
    form: str
    plural: str
    fmt: Formatting

    def render(self, ctx: Context, out: list[Blob]) -> None:
        """The variable's term, as citeproc-js prints it: even where the item has no value
        (groups around it decide), plural where the value holds several numbers."""
        term = self.variable
        if term == "locator":
            term = ctx.locator_label or "page"
        # The plural is the value's, even where cs:substitute has used the variable up.
        value = ctx.locator if term == "locator" else ctx.item.value(self.variable)
        plural = self.plural == "always"
        if value and self.plural == "contextual":
            number = numbers.parse(value, self.variable,
                                   lambda t: ctx.locale.term(t) is not None)
            plural = number.plural
            embedded = numbers.LABELS.get(number.parts[0].label) if number.parts else None
            if self.variable in ("locator", "number", "page") and embedded:
                term = "number" if (self.variable == "number" and embedded == "issue"
                                    and ctx.locale.term("number")) else embedded
        text = ctx.locale.term(term, self.form, plural) or ""
        if text:
            ctx.term()
            out.append(self.fmt.leaf(ctx, text))


# ------------------------------------------------------------------ group, choose


@dataclass
class Group(Element):
    children: list[Element]
    delimiter: str
    fmt: Formatting

    def render(self, ctx: Context, out: list[Blob]) -> None:
        _render_group(ctx, self.children, self.fmt, self.delimiter, out)


def _render_group(ctx: Context, children: list[Element], fmt: Formatting, delimiter: str,
                  out: list[Blob]) -> None:
    """CSL group suppression as citeproc-js applies it: a group prints when a variable in it
    printed, or when a term printed and no variable was called."""
    frame = Frame()
    frames = ctx.frames
    frames.append(frame)
    inner: list[Blob] = []
    for child in children:
        child.render(ctx, inner)
    frames.pop()
    parent = frames[-1]
    if frame.success or (frame.term and not frame.attempt):
        parent.success = True
        if inner:
            out.append(fmt.wrap(inner, delimiter))
    else:
        parent.attempt = frame.attempt


Test = Callable[[Context], bool]


@dataclass
class Branch:
    tests: list[Test]
    match: str  # all, any, none
    children: list[Element]

    def applies(self, ctx: Context) -> bool:
        if not self.tests:  # cs:else
            return True
        if self.match == "any":
            for test in self.tests:
                if test(ctx):
                    return True
            return False
        if self.match == "none":
            for test in self.tests:
                if test(ctx):
                    return False
            return True
        for test in self.tests:
            if not test(ctx):
                return False
        return True


@dataclass
class Choose(Element):
    branches: list[Branch]

    def render(self, ctx: Context, out: list[Blob]) -> None:
        for branch in self.branches:
            if branch.applies(ctx):
                for child in branch.children:
                    child.render(ctx, out)
                return


def _has_variable(ctx: Context, variable: str) -> bool:
    """CSL's ``variable`` test, on the item's data (a substituted variable still counts)."""
    item = ctx.item
    if variable in NAME_VARIABLES:
        return bool(item.names.get(variable))
    if variable in DATE_VARIABLES:
        return variable in item.dates
    if variable == "locator":
        return bool(ctx.locator)
    if variable in ("citation-number", "year-suffix"):
        return variable != "year-suffix" or bool(ctx.year_suffix)
    return bool(item.text.get(variable))


def _tests(node: ElementTree.Element) -> list[Test]:
    tests: list[Test] = []
    for variable in node.get("variable", "").split():
        tests.append(lambda ctx, v=variable: _has_variable(ctx, v))
    for kind in node.get("type", "").split():
        tests.append(lambda ctx, k=kind: ctx.item.type == k)
    for variable in node.get("is-numeric", "").split():
        # On the item's data, as the variable test: a substituted variable still counts.
        tests.append(lambda ctx, v=variable: numbers.is_numeric(ctx.item.value(v), v))
    for variable in node.get("is-uncertain-date", "").split():
        tests.append(lambda ctx, v=variable: bool(ctx.item.dates.get(v)) and
                     ctx.item.dates[v].circa)
    for locator in node.get("locator", "").split():
        tests.append(lambda ctx, lo=locator: bool(ctx.locator) and
                     (ctx.locator_label or "page") == lo)
    for position in node.get("position", "").split():
        tests.append(lambda ctx, p=position: _position(ctx, p))
    if node.get("disambiguate") == "true":
        tests.append(lambda ctx: ctx.disambiguate)
    return tests


def _position(ctx: Context, position: str) -> bool:
    if ctx.mode == "bibliography":
        return False
    if position == "first":
        return ctx.position == "first"
    if position == "subsequent":
        return ctx.position != "first"
    if position == "near-note":
        return ctx.near_note
    return ctx.position == position


# ------------------------------------------------------------------ the style


@dataclass
class Layout:
    """A ``cs:layout``: its elements and formatting; `locales` for CSL-M's per-language ones."""

    elements: list[Element]
    fmt: Formatting
    delimiter: str
    locales: tuple[str, ...] = ()


@dataclass
class SortKey:
    variable: str
    macro: str
    descending: bool
    names_min: int | None = None
    names_use_first: int | None = None
    names_use_last: bool | None = None


@dataclass
class Area:
    """``cs:citation`` or ``cs:bibliography``: layouts, sort keys, options."""

    layouts: list[Layout]
    sort: list[SortKey]
    options: dict[str, str]

    def layout_for(self, language: str) -> Layout:
        primary = language.split("-")[0].lower()
        for layout in self.layouts:
            if layout.locales and any(loc.split("-")[0].lower() == primary
                                      for loc in layout.locales):
                return layout
        return next((layout for layout in self.layouts if not layout.locales),
                    self.layouts[-1])


@dataclass
class Style:
    """A loaded style."""

    root: ElementTree.Element
    options: dict[str, str]
    default_locale: str
    locale_nodes: list[ElementTree.Element]
    citation: Area | None = None
    bibliography: Area | None = None
    macros: dict[str, ElementTree.Element] = field(default_factory=dict)
    _compiled: dict[str, list[Element]] = field(default_factory=dict)
    _name_variables: dict[str, frozenset[str]] = field(default_factory=dict)

    def last_date_formatting(self) -> Formatting | None:
        """The formatting of the style's last ``cs:date`` in citeproc-js's build order
        (citation, then bibliography; sort keys, then layout; macros expanded in place)."""
        last: list[ElementTree.Element] = []
        built: set[str] = set()  # citeproc-js builds a macro once, where it is first called

        def walk(node: ElementTree.Element) -> None:
            for child in _children(node):
                tag = child.tag.removeprefix(NS)
                if tag == "date":
                    last[:] = [child]
                macro = child.get("macro")
                if tag in ("text", "key") and macro in self.macros and macro not in built:
                    built.add(macro)
                    walk(self.macros[macro])
                walk(child)

        for area in ("citation", "bibliography"):
            node = self.root.find(f"{NS}{area}")
            if node is not None:
                walk(node)
        return Formatting.read(last[0]) if last else None

    def macro_has_date(self, name: str) -> bool:
        node = self.macros.get(name)
        return node is not None and node.find(f".//{NS}date") is not None

    def macro_name_variables(self, name: str) -> frozenset[str]:
        """The name variables the ``cs:names`` of macro `name`, and of the macros it calls,
        can print."""
        known = self._name_variables.get(name)
        if known is None:
            node = self.macros.get(name)
            self._name_variables[name] = frozenset()  # for a macro that calls itself
            found: set[str] = set()
            for child in node.iter() if node is not None else ():
                if child.tag == f"{NS}names":
                    found.update(child.get("variable", "").split())
                elif child.tag == f"{NS}text" and child.get("macro"):
                    found |= self.macro_name_variables(child.get("macro", ""))
            known = self._name_variables[name] = frozenset(found)
        return known

    def macro(self, name: str) -> list[Element]:
        compiled = self._compiled.get(name)
        if compiled is None:
            node = self.macros.get(name)
            if node is None:
                raise StyleError(f"the style calls an undefined macro {name!r}")
            self._compiled[name] = []  # a macro calling itself renders nothing the second time
            compiled = self._compiled[name] = [self.element(child) for child in _children(node)]
        return compiled

    @property
    def is_note(self) -> bool:
        return self.options.get("class") == "note"

    def element(self, node: ElementTree.Element) -> Element:
        """The rendering element for one XML node."""
        from .dates import read_date
        from .names import read_names

        tag = node.tag.removeprefix(NS)
        fmt = Formatting.read(node)
        if tag == "text":
            return self._text(node, fmt)
        if tag == "number":
            return Number(node.get("variable", ""), node.get("form", "numeric"), fmt)
        if tag == "label":
            return Label(node.get("variable", ""), node.get("form", "long"),
                         node.get("plural", "contextual"), fmt)
        if tag == "group":
            return Group([self.element(c) for c in _children(node)], node.get("delimiter", ""),
                         fmt)
        if tag == "choose":
            return Choose([Branch(_tests(b), b.get("match", "all"),
                                  [self.element(c) for c in _children(b)])
                           for b in _children(node)])
        if tag == "date":
            return read_date(node, fmt, self)
        if tag == "names":
            return read_names(node, fmt, self)
        raise StyleError(f"unknown CSL element cs:{tag}")

    def _text(self, node: ElementTree.Element, fmt: Formatting) -> Element:
        if node.get("macro"):
            return TextMacro(node.get("macro", ""), fmt, self)
        if node.get("term"):
            return TextTerm(node.get("term", ""), node.get("form", "long"),
                            node.get("plural") == "true", fmt)
        if node.get("variable"):
            return TextVariable(node.get("variable", ""), node.get("form", "long"), fmt)
        return TextValue(node.get("value", ""), fmt)


def _children(node: ElementTree.Element) -> list[ElementTree.Element]:
    return [child for child in node if isinstance(child.tag, str)]


def load(path: str | Path) -> Style:
    """The style in the ``.csl`` file `path` (cached: a style file is read once)."""
    return _load(str(Path(path).resolve()))


@functools.cache
def _load(path: str) -> Style:
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as exc:
        raise StyleError(f"cannot read CSL style {path}: {exc}") from None
    return from_xml(root)


def from_xml(root: ElementTree.Element) -> Style:
    """The style held by the parsed XML `root`."""
    if root.tag != f"{NS}style":
        raise StyleError("not a CSL style (no cs:style root element)")
    style = Style(root, dict(root.attrib), root.get("default-locale", ""),
                  [n for n in root.iterfind(f"{NS}locale")])
    style.macros = {m.get("name", ""): m for m in root.iterfind(f"{NS}macro")}
    for tag in ("citation", "bibliography"):
        node = root.find(f"{NS}{tag}")
        if node is not None:
            setattr(style, tag, _area(style, node))
    return style


def _area(style: Style, node: ElementTree.Element) -> Area:
    layouts = []
    for layout in node.iterfind(f"{NS}layout"):
        layouts.append(Layout([style.element(c) for c in _children(layout)],
                              Formatting.read(layout), layout.get("delimiter", ""),
                              tuple(layout.get("locale", "").split())))
    if not layouts:
        raise StyleError(f"cs:{node.tag.removeprefix(NS)} has no cs:layout")
    keys = []
    sort = node.find(f"{NS}sort")
    for key in (sort.iterfind(f"{NS}key") if sort is not None else ()):
        keys.append(SortKey(key.get("variable", ""), key.get("macro", ""),
                            key.get("sort") == "descending",
                            _int(key.get("names-min")), _int(key.get("names-use-first")),
                            None if key.get("names-use-last") is None
                            else key.get("names-use-last") == "true"))
    return Area(layouts, keys, dict(node.attrib))


def _int(text: str | None) -> int | None:
    return int(text) if text is not None and text.strip().isdigit() else None
