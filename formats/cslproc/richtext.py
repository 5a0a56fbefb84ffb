"""Values as rendered text: rich-text markup, quotation marks and apostrophes.

CSL-JSON values may carry markup (``<i>``, ``<b>``, ``<sc>``, ``<sup>``, ``<sub>``,
``<span class="nocase">``, ``<span style="font-variant:small-caps;">``) and quotation marks
typed as ``"``, ``'`` or the locale's own marks. `leaf` turns a value into a `Blob` whose
children carry that markup as decorations: quotation marks become the locale's (outer or inner,
whichever the surrounding output calls for), apostrophes become ``’``, and a mark that opens
nothing or closes nothing stays as typed. Decorations from markup flip against the
decorations around them (italics inside italics become roman); `resolve_flips` settles that
once the whole entry is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import textcase
from .output import Blob

# Letters of alphabets with case, digits and hyphens: text holding none (a title in Han
# script) is never set in italics, as citeproc-js does.
_ROMANESQUE = (r"[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f"
               r"\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e"
               r"\u0218\u0219\u021a\u021b\u202a-\u202e]")
ROMANESQUE = re.compile(_ROMANESQUE)
_CURLY_APOSTROPHE = re.compile(f"({_ROMANESQUE})\u2019({_ROMANESQUE})")
_LEADING_MARKS = ":.;!? "
_SPACE_BEFORE_MARK = re.compile(" ([:;?!\u00bb])")

_TAGS = {
    "<i>": ("</i>", ("font-style", "italic")),
    "<b>": ("</b>", ("font-weight", "bold")),
    "<sc>": ("</sc>", ("font-variant", "small-caps")),
    '<span style="font-variant:small-caps;">': ("</span>", ("font-variant", "small-caps")),
    "<sup>": ("</sup>", ("vertical-align", "sup")),
    "<sub>": ("</sub>", ("vertical-align", "sub")),
    '<span class="nocase">': ("</span>", None),
    '<span class="nodecor">': ("</span>", ("nodecor", "")),
}
_TAG_PATTERN = (r'<span\s+style="font-variant:\s*small-caps;?"[^>]*>|<span\s+class="no(?:case|'
                r'decor)"[^>]*>|</span>|</?(?:i|b|sc|sup|sub)>')
_FLIPS = {
    "font-style": {"italic": "normal", "normal": "italic"},
    "font-weight": {"bold": "normal", "normal": "bold"},
    "font-variant": {"small-caps": "normal", "normal": "small-caps"},
    "quotes": {"true": "inner", "inner": "true"},
}


@dataclass(frozen=True)
class QuoteMarks:
    """The locale's marks as they may appear in data, to be read as quotation marks."""

    open: str = "“"
    close: str = "”"
    open_inner: str = "‘"
    close_inner: str = "’"


def normalize_tags(text: str) -> str:
    text = re.sub(r'<span\s+style="font-variant:\s*small-caps;?"[^>]*>',
                  '<span style="font-variant:small-caps;">', text)
    return re.sub(r'<span\s+(class="no(?:case|decor)")[^>]*>', r"<span \1>", text)


def leaf(text: str, marks: QuoteMarks, prefix: str = "", suffix: str = "",
         decorations: tuple[tuple[str, str], ...] = (), text_case: str = "",
         strip_periods: bool = False, is_number: bool = False,
         keep_spaces: bool = False) -> Blob:
    """The blob for one value, as citeproc-js appends a string to its output (`keep_spaces`:
    a number, which it appends as it stands)."""
    if " " in text and not keep_spaces:
        text = _SPACE_BEFORE_MARK.sub("\u202f\\1", text).replace("\u00ab ", "\u00ab\u202f")
    if not text.startswith(" "):
        lead = len(text) - len(text.lstrip(_LEADING_MARKS))
        if 0 < lead < len(text):
            prefix, text = prefix + text[:lead], text[lead:]
    if text_case:
        text = textcase.CASES[text_case](text)
    if strip_periods:
        text = re.sub(r"\.([^a-z]|$)", r"\1", text)
    if decorations and not ROMANESQUE.search(text):
        decorations = tuple(d for d in decorations if d[0] != "font-style")
    blob = Blob(text, prefix, suffix, "", decorations, is_number)
    if not is_number and ("<" in text or "'" in text or '"' in text or "\u2019" in text
                          or marks.open in text or marks.open_inner in text):
        children = _parse(text, marks)
        if children is not None:
            blob.content = children
    return blob


# ------------------------------------------------------------------ parsing


@dataclass
class _Token:
    text: str
    kind: str  # "text", "open", "close"
    decoration: tuple[str, str] | None = None
    closer: str = ""
    quote: str = ""  # for quotation marks: "double", "single", "outer", "inner"
    forced: bool = False  # a mark read as opening only because an opener precedes it
    stays: bool = False  # left unmatched, printed as typed (citeproc-js: a ' after "(")


_SPLIT = re.compile(f"({_TAG_PATTERN}|\"|'|“|”|‘|’|„|‚|«|»|‹|›|「|」|『|』)")


def _tokens(text: str, marks: QuoteMarks) -> list[_Token]:
    text = _CURLY_APOSTROPHE.sub(r"\1'\2", normalize_tags(text))
    pieces = [p for p in _SPLIT.split(text) if p]
    tokens: list[_Token] = []
    for i, piece in enumerate(pieces):
        before = pieces[i - 1] if i else ""
        after = pieces[i + 1] if i + 1 < len(pieces) else ""
        tokens.append(_classify(piece, before, after, marks, tokens))
    return tokens


def _classify(piece: str, before: str, after: str, marks: QuoteMarks,
              earlier: list[_Token]) -> _Token:
    if piece in _TAGS:
        closer, decoration = _TAGS[piece]
        return _Token(piece, "open", decoration, closer)
    if piece in ("</i>", "</b>", "</sc>", "</sup>", "</sub>", "</span>"):
        return _Token(piece, "close")
    forced = bool(earlier) and earlier[-1].kind == "open" and before == earlier[-1].text
    opening_place = (not before or before[-1:].isspace() or before[-1:] == "(" or forced)
    if piece == '"':
        if opening_place:
            return _Token(piece, "open", ("quotes", ""), '"', "double", forced)
        return _Token(piece, "close")
    if piece == "'":
        if opening_place:
            if after[:1] == " ":
                return _Token(" \u2019" if forced else "\u2019", "text")
            return _Token(piece, "open", ("quotes", ""), "'", "single", forced,
                          stays=before[-1:] == "(")
        if after and after[:1] not in ",.?:; " and not _is_tag(after):
            return _Token("\u2019", "text")  # an apostrophe: it's, O'Brien
        return _Token(piece, "close")
    if piece == marks.open and piece not in ('"', "'"):
        return _Token(piece, "open", ("quotes", "true"), marks.close, "outer")
    if piece == marks.open_inner and piece not in ('"', "'"):
        return _Token(piece, "open", ("quotes", "inner"), marks.close_inner, "inner")
    if piece in (marks.close, marks.close_inner):
        return _Token(piece, "close")
    return _Token(piece, "text")


def _is_tag(text: str) -> bool:
    return text.startswith("<") and re.fullmatch(_TAG_PATTERN, text) is not None


def _pair(tokens: list[_Token]) -> None:
    """Match openers with closers; whatever is left unmatched becomes plain text."""
    stack: list[int] = []
    for i, token in enumerate(tokens):
        if token.kind == "open":
            stack.append(i)
        elif token.kind == "close":
            while stack and tokens[stack[-1]].closer != token.text:
                _literal(tokens[stack.pop()])
            if stack:
                stack.pop()
            elif token.text == "'":
                tokens[i] = _Token("\u2019", "text")
            else:
                _literal(token)
    for i in stack:
        # Left open at the end: as citeproc-js, a mark forced open keeps a space before it.
        _literal(tokens[i], spaced=tokens[i].forced, apostrophe=not tokens[i].stays)


def _literal(token: _Token, spaced: bool = False, apostrophe: bool = True) -> None:
    if apostrophe and token.text == "'":
        token.text = "\u2019"
    if spaced and token.quote:
        token.text = " " + token.text
    token.kind, token.decoration = "text", None


def _parse(text: str, marks: QuoteMarks) -> list[Blob] | None:
    tokens = _tokens(text, marks)
    if all(t.kind == "text" and t.text != "\u2019" for t in tokens):
        return None
    _pair(tokens)
    if all(t.kind == "text" for t in tokens):
        return [Blob("".join(t.text for t in tokens))]
    outer = next((t.quote for t in tokens if t.kind == "open" and t.quote in ("double",
                                                                            "single")), "")
    root: list[Blob] = []
    stack: list[list[Blob]] = [root]
    for token in tokens:
        if token.kind == "text":
            _append_text(stack[-1], token.text)
        elif token.kind == "open":
            children: list[Blob] = []
            decoration = token.decoration
            if decoration is not None and decoration[0] == "quotes" and not decoration[1]:
                decoration = ("quotes", "true" if token.quote == outer else "inner")
            child = Blob(children, decorations=(decoration,) if decoration else ())
            child.flips = decoration is not None
            stack[-1].append(child)
            stack.append(children)
        else:
            stack.pop()
    return root


def _append_text(children: list[Blob], text: str) -> None:
    if children and children[-1].is_leaf and not children[-1].decorations:
        children[-1].content += text  # type: ignore[operator]
    else:
        children.append(Blob(text))


def resolve_flips(blob: Blob, enclosing: dict[str, str] | None = None) -> None:
    """Settle markup decorations against those around them (in place)."""
    enclosing = enclosing or {}
    if blob.flips:
        blob.decorations = tuple(_flipped(d, enclosing) for d in blob.decorations)
        blob.flips = False
    if isinstance(blob.content, str):
        return
    if blob.decorations:
        enclosing = {**enclosing, **{k: v for k, v in blob.decorations if k in _FLIPS}}
    for child in blob.content:
        resolve_flips(child, enclosing)


def _flipped(decoration: tuple[str, str], enclosing: dict[str, str]) -> tuple[str, str]:
    name, value = decoration
    if name == "nodecor":
        return decoration
    around = enclosing.get(name)
    if around is None or name not in _FLIPS:
        return decoration
    return (name, _FLIPS[name].get(around, value))
