"""CSL's rich-text markup in record text: the HTML-like tags CSL-JSON allows in values.

Records keep italics, bold, small capitals, super- and subscripts and case protection as
CSL-JSON writes them (``<i>E. coli</i>``, ``<span class="nocase">Darwin</span>``); each writer
turns them into its own form or drops them where its format has none.
"""

from __future__ import annotations

import re

NOCASE_OPEN = '<span class="nocase">'
NOCASE_CLOSE = "</span>"

SMALL_CAPS_OPEN = '<span style="font-variant:small-caps;">'
_TAG = re.compile(r"</?(?:i|b|sup|sub)>|</span>"
                  r'|<span (?:class="nocase"|style="font-variant:\s*small-caps;?")>')


def has_markup(text: str) -> bool:
    """Whether `text` holds any of CSL's markup tags."""
    return "<" in text and bool(_TAG.search(text))


def strip(text: str) -> str:
    """`text` without markup: for formats that have no way to show it."""
    return _TAG.sub("", text) if "<" in text else text


LATEX = {
    "<i>": r"\textit{", "<b>": r"\textbf{", "<sup>": r"\textsuperscript{",
    "<sub>": r"\textsubscript{", NOCASE_OPEN: "{", SMALL_CAPS_OPEN: r"\textsc{",
}


def to_latex(tag: str) -> str:
    """The LaTeX for one markup tag: an opening command, or the closing brace."""
    return "}" if tag.startswith("</") else LATEX.get(tag.replace(" ;", ";"), "{")


def pieces(text: str) -> list[tuple[str, str]]:
    """`text` as ``(tag, "")`` and ``("", plain)`` pieces, in order, for writers to render."""
    result, position = [], 0
    for match in _TAG.finditer(text):
        if match.start() > position:
            result.append(("", text[position:match.start()]))
        result.append((match.group(), ""))
        position = match.end()
    if position < len(text):
        result.append(("", text[position:]))
    return result
