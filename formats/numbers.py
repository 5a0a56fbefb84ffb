"""Page ranges and numbers as exports write them."""

from __future__ import annotations

import re


def normalise_pages(text: str) -> str:
    """``605 - 609`` → ``605-609``; CNKI's ``~`` ranges as ``-``; ``+`` parts kept."""
    return re.sub(r"\s*[-~～‐‑‒–—―]+\s*", "-", re.sub(r"\s*\+\s*", "+", text.strip()))


def strip_zeros(number: str) -> str:
    """``03`` → ``3``; anything that is not a plain number is kept as it is."""
    return str(int(number)) if number.isdigit() else number
