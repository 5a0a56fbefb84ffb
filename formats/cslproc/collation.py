"""Comparing sort keys as citeproc-js does: ICU collation, base strength, punctuation ignored,
digits compared as numbers.

citeproc-js compares keys with ``localeCompare(…, {sensitivity: "base", ignorePunctuation:
true, numeric: true})`` in the style's locale. `collation_key` gives a Python key with the
same order for the scripts bibliographies hold: case and accents are ignored, spaces and
punctuation are skipped, runs of digits compare by value, and scripts come in ICU's order —
Latin, Greek, Cyrillic, then the rest, with Han characters last in radical-stroke order; in a
Chinese locale, Han characters come first, in pinyin order, as ICU's ``zh`` collation puts
them. Han ranks come from ICU itself (``data/han-root.txt``, ``data/han-zh.txt``).
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

_IGNORED_CATEGORIES = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Zl", "Zp",
                                 "Cc", "Cf", "Mn", "Me"})
_SEPARATOR = "|"  # citeproc-js's sort separator: a symbol, which ICU does not skip


def _script_rank(char: str, chinese: bool) -> int:
    code = ord(char)
    if char == _SEPARATOR:
        return -2
    if _is_han(code):
        return 1 if chinese else 9
    if char.isdigit():
        return -1
    if unicodedata.category(char).startswith("S"):
        return -2  # symbols sort before digits and letters
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return 2
    if 0x370 <= code <= 0x3FF or 0x1F00 <= code <= 0x1FFF:
        return 3
    if 0x400 <= code <= 0x52F:
        return 4
    return 8


def _is_han(code: int) -> bool:
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x2FA1F)


@functools.cache
def _han_ranks(chinese: bool) -> dict[str, int]:
    name = "han-zh.txt" if chinese else "han-root.txt"
    order = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return {char: rank for rank, char in enumerate(order)}


def collation_key(text: str, chinese: bool = False) -> tuple:
    """A key ordering strings as ICU does at base strength, punctuation ignored."""
    folded = unicodedata.normalize("NFKD", text.lower())
    elements: list[tuple] = []
    digits = ""
    for char in folded:
        if char.isdigit() and char.isascii():
            digits += char
            continue
        if digits:
            elements.append((-1, int(digits), ""))
            digits = ""
        if char != _SEPARATOR and unicodedata.category(char) in _IGNORED_CATEGORIES:
            continue
        rank = _script_rank(char, chinese)
        if rank in (1, 9):
            elements.append((rank, _han_ranks(chinese).get(char, ord(char)), ""))
        else:
            elements.append((rank, 0, char))
    if digits:
        elements.append((-1, int(digits), ""))
    return tuple(elements)
