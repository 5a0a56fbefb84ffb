"""LaTeX in .bib values to Unicode text with CSL's rich-text markup.

Accents, ``\\&``, dashes and quotes become Unicode; ``\\textit{}``, ``\\emph{}``, ``\\textbf{}``,
``\\textsc{}``, ``\\textsuperscript{}`` and ``\\textsubscript{}`` become the HTML-like markup
CSL-JSON uses (``<i>``, ``<b>``, ``<span style="font-variant:small-caps;">``, ``<sup>``,
``<sub>``); math stays readable (``$\\alpha$-helix`` → ``α-helix``). In titles, a brace-protected
word whose case a style could change (``{Darwin}``) becomes ``<span class="nocase">``.
"""

from __future__ import annotations

import functools
import re

from .markup import NOCASE_CLOSE, NOCASE_OPEN

# Plain text needs no LaTeX parser: most .bib values are that, and the parser is slow.
_NEEDS_PARSER = re.compile(r"[\\{}$~^_%&]|--|``|''")

MARKUP_MACROS = {
    "textit": "<i>%s</i>", "emph": "<i>%s</i>", "textsl": "<i>%s</i>", "mkbibemph": "<i>%s</i>",
    "textbf": "<b>%s</b>", "mkbibbold": "<b>%s</b>",
    "textsc": '<span style="font-variant:small-caps;">%s</span>',
    "textsuperscript": "<sup>%s</sup>", "mkbibsuperscript": "<sup>%s</sup>",
    "textsubscript": "<sub>%s</sub>",
    "textnormal": "%s", "textrm": "%s", "url": "%s", "href": "%s", "mbox": "%s",
}
# Logos and symbols pylatexenc does not know (it would drop them); the symbols are what the
# bib writers escape LaTeX's special characters as.
LOGOS = {"textbraceleft": "{", "textbraceright": "}", "textbackslash": "\\",
         "textasciitilde": "~", "textasciicircum": "^",
         "LaTeX": "LaTeX", "TeX": "TeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX",
         "XeTeX": "XeTeX", "LuaTeX": "LuaTeX", "ConTeXt": "ConTeXt", "BibLaTeX": "BibLaTeX",
         "biber": "Biber", "AmS": "AMS", "METAFONT": "METAFONT"}


@functools.cache
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    context = get_default_latex_context_db()
    context.add_context_category("recconv", prepend=True, macros=[
        *(MacroTextSpec(name, simplify_repl=repl) for name, repl in MARKUP_MACROS.items()),
        *(MacroTextSpec(name, simplify_repl=text) for name, text in LOGOS.items())])
    return LatexNodes2Text(latex_context=context, math_mode="text")


def to_unicode(text: str) -> str:
    """The Unicode text of a LaTeX value (braces dropped), with CSL markup for styling macros."""
    return _decode(text).strip()


def _decode(text: str) -> str:
    return _converter().latex_to_text(text) if _NEEDS_PARSER.search(text) else text


def title_to_unicode(text: str) -> str:
    """As `to_unicode`, keeping brace protection of Title-case words as CSL's nocase spans.

    Protection matters only where a style's re-casing would change the word: an acronym or
    ``iPhone`` keeps its case anyway and is not wrapped.
    """
    pieces: list[str] = []
    for protected, chunk in _top_level_groups(text):
        decoded = _decode(chunk if protected is False else protected)
        if protected is not False and _casing_would_change(decoded):
            decoded = NOCASE_OPEN + decoded + NOCASE_CLOSE
        pieces.append(decoded)
    return "".join(pieces).strip()


def _casing_would_change(text: str) -> bool:
    """Whether a style lower-casing a title would alter `text`: a capital starts some word
    that is not all capitals (``Darwin``, ``New York``)."""
    words = re.findall(r"[^\W\d_]+", text)
    return any(w[0].isupper() and not w.isupper() and w[1:].islower() for w in words)


def _top_level_groups(text: str) -> list[tuple[str | bool, str]]:
    """Split at top-level braces: ``(False, plain)`` runs and ``(inner, "")`` groups; a group
    that starts with a command (``{\\em x}``, ``{\\"u}``) is plain LaTeX, not protection."""
    parts: list[tuple[str | bool, str]] = []
    depth, start, plain = 0, 0, 0
    for index, char in enumerate(text):
        if char == "\\" and index + 1 < len(text) and text[index + 1] in "{}":
            continue
        if char == "{" and (index == 0 or text[index - 1] != "\\"):
            if depth == 0:
                start = index
            depth += 1
        elif char == "}" and (index == 0 or text[index - 1] != "\\") and depth:
            depth -= 1
            if depth == 0 and not _is_command_part(text, start):
                parts.append((False, text[plain:start]))
                parts.append((text[start + 1:index], ""))
                plain = index + 1
    parts.append((False, text[plain:]))
    return [part for part in parts if part != (False, "")]


_COMMAND_BEFORE = re.compile(r"\\(?:[A-Za-z]+|.)\s*$")


def _is_command_part(text: str, start: int) -> bool:
    """Whether the group opening at `start` is a command's argument (``\\textit{x}``) or holds
    a command (``{\\em x}``, ``{\\"u}``) rather than protecting its words."""
    return bool(_COMMAND_BEFORE.search(text[:start])) or text[start + 1:].startswith("\\")
