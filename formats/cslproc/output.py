"""Rendered output before it becomes text: a tree of blobs, its punctuation, its formats.

Every rendering element yields a `Blob`: a string, or a list of blobs joined by a delimiter,
with a prefix, a suffix and decorations (italics, quotes, display, ...). Where the pieces of
a reference meet, punctuation from different elements collides (a title ending in ``?``
followed by a group's ``.``). `adjust_punctuation` resolves every collision in the tree the
way the reference CSL processor, citeproc-js, does: duplicates are dropped, ``?`` and ``!``
absorb a period, and punctuation moves inside or outside quotation marks as the locale's
``punctuation-in-quote`` says. `render` then writes the tree in one output format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

# How two punctuation marks that meet become one (left mark → right mark → result). Marks
# missing here are kept side by side.
_MERGED = {
    "!": {".": "!", "?": "!?", ":": "!", ",": "!,", ";": "!;"},
    "?": {"!": "?!", ".": "?", ":": "?", ",": "?,", ";": "?;"},
    ".": {"!": ".!", "?": ".?", ":": ".:", ",": ".,", ";": ".;"},
    ":": {"!": "!", "?": "?", ".": ":", ",": ":,", ";": ":;"},
    ",": {"!": ",!", "?": ",?", ":": ",:", ".": ",.", ";": ",;"},
    ";": {"!": "!", "?": "?", ":": ";", ",": ";,", ".": ";"},
}
PUNCTUATION = frozenset(_MERGED)
_PUNCTUATION_OR_SPACE = PUNCTUATION | {" ", "\u00a0"}
_INTO_QUOTES = PUNCTUATION - {";", ":"}
_OUT_OF_QUOTES = PUNCTUATION - {".", "!", "?"}
_FONT = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


class Blob:
    """A piece of output: `content` is a string (a leaf) or a list of blobs."""

    __slots__ = ("content", "prefix", "suffix", "delimiter", "decorations", "is_number",
                 "flips", "role")

    def __init__(self, content: str | list[Blob], prefix: str = "", suffix: str = "",
                 delimiter: str = "", decorations: tuple[tuple[str, str], ...] = (),
                 is_number: bool = False) -> None:
        self.content = content
        self.prefix = prefix
        self.suffix = suffix
        self.delimiter = delimiter
        self.decorations = decorations
        self.is_number = is_number
        self.flips = False  # decorations from markup, to flip against those around them
        self.role = ""  # "name", "inverted-name" or "label" in name lists

    @property
    def is_leaf(self) -> bool:
        return isinstance(self.content, str)

    def __repr__(self) -> str:
        return (f"Blob({self.content!r}, prefix={self.prefix!r}, suffix={self.suffix!r}, "
                f"delimiter={self.delimiter!r}, decorations={self.decorations!r})")

    def has_font(self, with_quotes: bool = False) -> bool:
        if not self.decorations:
            return False
        return any(name in _FONT or (with_quotes and name == "quotes")
                   for name, _ in self.decorations)

    def has_quotes(self) -> bool:
        if not self.decorations:
            return False
        return any(name == "quotes" for name, _ in self.decorations)

    def plain(self) -> str:
        """The text without affixes' punctuation adjusted or decorations (for sorting)."""
        if isinstance(self.content, str):
            return self.prefix + self.content + self.suffix
        inner = self.delimiter.join(p for p in (b.plain() for b in self.content) if p)
        return self.prefix + inner + self.suffix if inner else ""


def group(children: list[Blob], prefix: str = "", suffix: str = "", delimiter: str = "",
          decorations: tuple[tuple[str, str], ...] = ()) -> Blob | None:
    """A list blob of the non-empty `children`, or None when there are none."""
    kept = [child for child in children if child is not None and not is_empty(child)]
    if not kept:
        return None
    return Blob(kept, prefix, suffix, delimiter, decorations)


def is_empty(blob: Blob) -> bool:
    if isinstance(blob.content, str):
        return not blob.content
    return all(is_empty(child) for child in blob.content)


# ------------------------------------------------------------------ punctuation


def adjust_punctuation(root: Blob, punctuation_in_quote: bool) -> None:
    """Resolve where punctuation of neighbouring pieces meets (in place)."""
    _purge_empty(root)
    _upward_and_leftward(root)
    _downward(root, punctuation_in_quote)
    _quote_swaps(root, punctuation_in_quote)


def _purge_empty(parent: Blob) -> None:
    content = parent.content
    if isinstance(content, str):
        return
    for child in content:
        if not isinstance(child.content, str):
            _purge_empty(child)
    if not all(child.content for child in content):
        parent.content = [child for child in content if child.content]


class _Side:
    """One end of a string held by a blob: its content's end or an affix, for merging."""

    __slots__ = ("blob", "slot")

    def __init__(self, blob: Blob, slot: str) -> None:
        self.blob, self.slot = blob, slot

    def get(self) -> str:
        return getattr(self.blob, self.slot)

    def set(self, value: str) -> None:
        setattr(self.blob, self.slot, value)


def _merge(left: _Side, right: _Side, to_right: bool = False) -> None:
    """Merge the last mark of `left` with the first of `right`, onto one side."""
    first, second = left.get()[-1:], right.get()[:1]
    if first == second:
        if to_right:
            left.set(left.get()[:-1])
        else:
            right.set(right.get()[1:])
        return
    if to_right:
        if first not in _MERGED:
            return
        merged = _MERGED[first].get(second)
        left.set(left.get()[:-1])
        right.set((merged if merged else first) + right.get()[(1 if merged else 0):])
        return
    if second not in _MERGED:
        return
    merged = _MERGED.get(first, {}).get(second)
    right.set(right.get()[1:])
    left.set((left.get()[:-1] + merged) if merged else left.get() + second)


def _upward_and_leftward(parent: Blob) -> None:
    """citeproc-js's upward pass (leading punctuation and spaces rise to the parent, trailing
    spaces too) and its leftward pass (a sibling's leading mark joins the suffix before it),
    in one bottom-up walk: each only reads affixes the other has already settled."""
    if isinstance(parent.content, str):
        if parent.suffix and parent.suffix[:1] in PUNCTUATION and \
                parent.suffix[:1] == parent.content[-1:]:
            parent.suffix = parent.suffix[1:]
        return
    children = parent.content
    if not children:
        return
    decorated = parent.has_font(with_quotes=True)
    delimiter = parent.delimiter
    last = len(children) - 1
    for i in range(last, -1, -1):
        child = children[i]
        _upward_and_leftward(child)
        if i == 0:
            if parent.prefix[-1:] == " " and child.prefix[:1] == " ":
                child.prefix = child.prefix[1:]
            mark = child.prefix[:1]
            if not decorated and mark and mark in _PUNCTUATION_OR_SPACE and not parent.prefix:
                parent.prefix += mark
                child.prefix = child.prefix[1:]
        if i == last:
            if not decorated and child.suffix[-1:] == " ":
                if parent.suffix[:1] != " ":
                    parent.suffix = " " + parent.suffix
                child.suffix = child.suffix[:-1]
        elif not delimiter:
            _join_sibling(child, children[i + 1])
        if delimiter and i > 0:
            mark = delimiter[-1:]
            if mark in _PUNCTUATION_OR_SPACE and mark == child.prefix[:1]:
                child.prefix = child.prefix[1:]


def _join_sibling(child: Blob, sibling: Blob) -> None:
    """A sibling's leading punctuation joins (or drops into) the suffix before it."""
    mark = sibling.prefix[:1]
    if not mark or mark not in PUNCTUATION or child.has_font() or sibling.has_font():
        return
    suffix_matches = mark == child.suffix[-1:]
    content_matches = (not child.suffix and isinstance(child.content, str)
                       and child.content[-1:] == mark)
    if suffix_matches or content_matches:
        sibling.prefix = sibling.prefix[1:]
    else:
        _merge(_Side(child, "suffix"), _Side(sibling, "prefix"))


def _downward(parent: Blob, in_quote: bool) -> None:
    if isinstance(parent.content, str):
        if parent.suffix and parent.suffix[:1] in PUNCTUATION and \
                parent.suffix[:1] == parent.content[-1:]:
            parent.suffix = parent.suffix[1:]
        return
    if not parent.content:
        return
    children = parent.content
    if parent.delimiter[:1] in PUNCTUATION:
        mark = parent.delimiter[0]
        for child in children[:-1]:
            if child.suffix[-1:] != mark:
                child.suffix += mark
        parent.delimiter = parent.delimiter[1:]
    last = len(children) - 1
    for i in range(last, -1, -1):
        child = children[i]
        decorated = child.has_font(with_quotes=True)
        if i == last:
            _last_child_suffix(parent, child, in_quote)
        elif parent.delimiter:
            mark = parent.delimiter[:1]
            if mark in _PUNCTUATION_OR_SPACE and mark == child.suffix[-1:]:
                child.suffix = child.suffix[:-1]
        else:
            sibling = children[i + 1]
            mark = child.suffix[-1:]
            if (not _is_number(child) and not decorated and mark in _PUNCTUATION_OR_SPACE
                    and mark == sibling.prefix[:1]):
                sibling.prefix = sibling.prefix[1:]
        if (child.suffix and child.suffix[:1] in PUNCTUATION and not decorated
                and isinstance(child.content, str) and not _is_number(child)):
            _merge(_Side(child, "content"), _Side(child, "suffix"))
        _downward(child, in_quote)


def _last_child_suffix(parent: Blob, child: Blob, in_quote: bool) -> None:
    """Where the parent's suffix meets its last child's end."""
    if not parent.suffix and not child.suffix:
        return
    mark = parent.suffix[:1]
    if mark in PUNCTUATION:
        migrate = _merges_below(mark, child) or (in_quote and _quotes_at_end(child))
        if migrate and not _ends_in_number(child):
            inner = _Side(child, "content" if isinstance(child.content, str) else "suffix")
            _merge(inner, _Side(parent, "suffix"))
            if parent.suffix[:1] == ".":
                child.suffix += "."
                parent.suffix = parent.suffix[1:]
    if child.suffix[-1:] == " " and parent.suffix[:1] == " ":
        parent.suffix = parent.suffix[1:]
    if child.suffix[:1] in _PUNCTUATION_OR_SPACE:
        if isinstance(child.content, str) and child.content[-1:] == child.suffix[:1]:
            child.suffix = child.suffix[1:]
        if child.suffix[-1:] and child.suffix[-1:] == parent.suffix[:1]:
            parent.suffix = parent.suffix[:-1]
    if _ends_with(parent, parent.suffix[:1]):
        parent.suffix = parent.suffix[1:]


def _is_number(blob: Blob) -> bool:
    if blob.is_number:
        return True
    return (isinstance(blob.content, list) and len(blob.content) == 1
            and blob.content[0].is_number)


def _ends_in_number(blob: Blob) -> bool:
    while True:
        if blob.is_number:
            return True
        if isinstance(blob.content, str) or not blob.content:
            return False
        blob = blob.content[-1]


def _merges_below(mark: str, blob: Blob) -> bool:
    """Whether `mark` would merge into one character with the end of `blob` or below it."""
    while True:
        end = blob.suffix[-1:]
        if not end and isinstance(blob.content, str):
            end = blob.content[-1:]
        merged = _MERGED.get(end, {}).get(mark)
        if merged and len(merged) == 1:
            return True
        if isinstance(blob.content, str) or not blob.content:
            return False
        blob = blob.content[-1]


def _quotes_at_end(blob: Blob) -> bool:
    while True:
        if blob.has_quotes():
            return True
        if isinstance(blob.content, str) or not blob.content:
            return False
        blob = blob.content[-1]


def _ends_with(blob: Blob, mark: str) -> bool:
    if mark not in PUNCTUATION:
        return False
    while True:
        if isinstance(blob.content, str):
            return blob.content[-1:] == mark
        if not blob.content:
            return False
        child = blob.content[-1]
        if child.suffix:
            return child.suffix[-1:] == mark
        blob = child


def _quote_swaps(parent: Blob, in_quote: bool) -> None:
    """Move commas and periods into closing quotes (or colons and semicolons out of them)."""
    if isinstance(parent.content, str):
        return
    for child in parent.content:
        if child.has_quotes():
            if in_quote:
                _swap_in(child)
            else:
                _swap_out(child)
        _quote_swaps(child, in_quote)


def _inner_end(blob: Blob) -> _Side:
    if isinstance(blob.content, str):
        return _Side(blob, "content")
    return _Side(blob.content[-1], "suffix")


def _swap_in(blob: Blob) -> None:
    while blob.suffix[:1] in _INTO_QUOTES and blob.suffix:
        _merge(_inner_end(blob), _Side(blob, "suffix"))


def _swap_out(blob: Blob) -> None:
    while True:
        end = _inner_end(blob)
        if not (end.get()[-1:] in _OUT_OF_QUOTES and end.get()):
            return
        _merge(end, _Side(blob, "suffix"), to_right=True)


def alternate_nested_parentheses(blob: Blob) -> None:
    """Turn parentheses nested in parentheses into brackets, ``(… [1776])``, in the affixes
    of groups (not of single values), as citeproc-js does in the citations of note styles."""
    depth = 0

    def update(affix: str) -> str:
        nonlocal depth
        if "(" not in affix and ")" not in affix:
            return affix
        out = []
        for c in affix:
            if c == "(":
                out.append("[" if depth % 2 else c)
                depth += 1
            elif c == ")":
                depth -= 1
                out.append("]" if depth % 2 else c)
            else:
                out.append(c)
        return "".join(out)

    def walk(node: Blob) -> None:
        if isinstance(node.content, str):
            return
        node.prefix = update(node.prefix)
        for child in node.content:
            walk(child)
        node.suffix = update(node.suffix)

    walk(blob)


# ------------------------------------------------------------------ output formats


@dataclass(frozen=True)
class Format:
    """How one output format writes text and decorations."""

    name: str
    escape: Callable[[str], str]
    wrap: dict[tuple[str, str], tuple[str, str]]
    entry: tuple[str, str] = ("", "")
    # What goes around a ``display`` part (block, left-margin, right-inline, indent).
    display: dict[str, tuple[str, str]] = field(default_factory=lambda: dict(_TEXT_DISPLAY))


_TEXT_DISPLAY = {"block": ("\n", ""), "left-margin": ("", " "), "right-inline": ("", ""),
                 "indent": ("\n    ", "")}


# Superscript characters HTML and RTF print as their base character raised, as citeproc-js
# does: the letters and digits Unicode decomposes as <super>, and four modifier letters.
_SUPERSCRIPT_BASES = {"\u02c0": "\u0294", "\u02c1": "\u0295", "\u06e5": "\u0648",
                      "\u06e6": "\u064a"} | {
    c: "".join(chr(int(code, 16)) for code in unicodedata.decomposition(c).split()[1:])
    for c in "\u00aa\u00b2\u00b3\u00b9\u00ba\u02b0\u02b1\u02b2\u02b3\u02b4\u02b5\u02b6"
             "\u02b7\u02b8\u02e0\u02e1\u02e2\u02e3\u02e4\u2070\u2071\u2120\u2122"
             + "".join(map(chr, range(0x1d2c, 0x1d62))) + "".join(map(chr, range(0x2074, 0x2080)))
             + "".join(map(chr, range(0x3192, 0x31a0)))
    if unicodedata.decomposition(c).startswith("<super>")}
_SUPERSCRIPT = re.compile(f"[{''.join(_SUPERSCRIPT_BASES)}]")
_DOUBLE_SPACE = re.compile(r"\s\s")


def _escape_html(text: str) -> str:
    text = text.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")
    text = _DOUBLE_SPACE.sub("\u00a0 ", text)
    return _SUPERSCRIPT.sub(lambda m: f"<sup>{_SUPERSCRIPT_BASES[m[0]]}</sup>", text)


def _escape_markdown(text: str) -> str:
    return "".join("\\" + c if c in "\\*_`[]<>#" else c for c in text)


def _escape_rtf(text: str) -> str:
    text = _SUPERSCRIPT.sub(lambda m: f"\x00{_SUPERSCRIPT_BASES[m[0]]}\x01", text)
    out = []
    for c in text:
        if c in "\\{}":
            out.append("\\" + c)
        elif c == "\x00":
            out.append("\\super ")
        elif c == "\x01":
            out.append("\\nosupersub{}")
        elif ord(c) > 126:
            code = ord(c)
            if code > 0xFFFF:  # RTF counts UTF-16 units
                code -= 0x10000
                high, low = 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)
                out.append(f"\\uc0\\u{high}{{}}\\uc0\\u{low}{{}}")
            else:
                out.append(f"\\uc0\\u{code}{{}}")
        elif c == "\t":
            out.append("\\tab{}")
        else:
            out.append(c)
    return "".join(out)


FORMATS = {
    "text": Format("text", lambda s: s, {}),
    "html": Format("html", _escape_html, {
        ("font-style", "italic"): ("<i>", "</i>"),
        ("font-style", "oblique"): ("<em>", "</em>"),
        ("font-style", "normal"): ('<span style="font-style:normal;">', "</span>"),
        ("font-variant", "small-caps"): ('<span style="font-variant:small-caps;">', "</span>"),
        ("font-variant", "normal"): ('<span style="font-variant:normal;">', "</span>"),
        ("font-weight", "bold"): ("<b>", "</b>"),
        ("font-weight", "normal"): ('<span style="font-weight:normal;">', "</span>"),
        ("text-decoration", "underline"): ('<span style="text-decoration:underline;">',
                                           "</span>"),
        ("text-decoration", "none"): ('<span style="text-decoration:none;">', "</span>"),
        ("vertical-align", "sup"): ("<sup>", "</sup>"),
        ("vertical-align", "sub"): ("<sub>", "</sub>"),
    }, entry=('<div class="csl-entry">', "</div>"), display={
        "block": ('\n\n    <div class="csl-block">', "</div>\n"),
        "left-margin": ('\n    <div class="csl-left-margin">', "</div>"),
        "right-inline": ('<div class="csl-right-inline">', "</div>\n  "),
        "indent": ('<div class="csl-indent">', "</div>\n  "),
    }),
    "markdown": Format("markdown", _escape_markdown, {
        ("font-style", "italic"): ("*", "*"),
        ("font-style", "oblique"): ("*", "*"),
        ("font-weight", "bold"): ("**", "**"),
        ("vertical-align", "sup"): ("^", "^"),
        ("vertical-align", "sub"): ("~", "~"),
    }),
    "rtf": Format("rtf", _escape_rtf, {
        ("font-style", "italic"): ("{\\i{}", "}"),
        ("font-style", "oblique"): ("{\\i{}", "}"),
        ("font-style", "normal"): ("{\\i0{}", "}"),
        ("font-variant", "small-caps"): ("{\\scaps ", "}"),
        ("font-variant", "normal"): ("{\\scaps0{}", "}"),
        ("font-weight", "bold"): ("{\\b{}", "}"),
        ("font-weight", "normal"): ("{\\b0{}", "}"),
        ("text-decoration", "underline"): ("{\\ul{}", "}"),
        ("text-decoration", "none"): ("{\\ul0{}", "}"),
        ("vertical-align", "sup"): ("\\super ", "\\nosupersub{}"),
        ("vertical-align", "sub"): ("\\sub ", "\\nosupersub{}"),
    }, display={
        "block": ("\\line{}", "\\line\r\n"),
        "left-margin": ("", "\\tab "),
        "right-inline": ("", "\r\n"),
        "indent": ("\n\\tab ", "\\line\r\n"),
    }),
}


@dataclass(frozen=True)
class Quotes:
    """The locale's quotation marks, outer and inner."""

    open: str = "“"
    close: str = "”"
    open_inner: str = "‘"
    close_inner: str = "’"


def render(blob: Blob, fmt: Format, quotes: Quotes) -> str:
    """The text of `blob` in format `fmt`, decorations and quotation marks applied."""
    if isinstance(blob.content, str):
        inner = fmt.escape(blob.content)
    else:
        parts = [render(child, fmt, quotes) for child in blob.content]
        inner = fmt.escape(blob.delimiter).join(p for p in parts if p)
    if not inner:
        return ""
    display = ""
    for name, value in blob.decorations:
        if name == "quotes":
            inner = (fmt.escape(quotes.open) + inner + fmt.escape(quotes.close)
                     if value == "true" else
                     fmt.escape(quotes.open_inner) + inner + fmt.escape(quotes.close_inner))
        elif name == "display":
            display = value
        else:
            before, after = fmt.wrap.get((name, value), ("", ""))
            inner = before + inner + after
    text = fmt.escape(blob.prefix) + inner + fmt.escape(blob.suffix)
    return _display(text, display, fmt) if display else text


def _display(text: str, display: str, fmt: Format) -> str:
    before, after = fmt.display.get(display, ("", ""))
    return before + text + after
