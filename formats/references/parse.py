"""Every grammar on every reference, and the reading that explains the most of it
(`Candidate.score`); `parse_reference` says which style that was.

Loading the grammars compiles a great many patterns, so this module is imported only where a
reference is parsed (the `text` reader), never at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..record import Origin, Record
from . import apa, chicago, gbt7714, harvard, ieee, mla, related, vancouver, wos
from .common import Candidate, Grammar, Reference, to_record

GRAMMARS: tuple[Grammar, ...] = (
    gbt7714.GRAMMAR, apa.GRAMMAR, vancouver.GRAMMAR, ieee.GRAMMAR, chicago.AUTHOR_DATE,
    chicago.NOTES, mla.GRAMMAR, harvard.GRAMMAR, wos.GRAMMAR, related.GRAMMAR,
)

# Below this share of the reference explained, no parse is trusted.
MINIMUM_SCORE = 0.5


@dataclass(frozen=True)
class Parse:
    """A reference read as `style`, and how well (`Candidate.score`)."""

    style: str
    record: Record
    score: float


def parse_reference(text: str, origin: Origin | None = None) -> Parse | None:
    """The record the best-fitting style reads from `text`, or None when no style fits."""
    reference = Reference.of(text)
    if not reference.text:
        return None
    best: Candidate | None = None
    best_score = 0.0
    for grammar in GRAMMARS:
        candidate = grammar.parse(reference)
        if candidate is None or candidate.parts() < 2:  # a title alone is no reading
            continue
        score = candidate.score(reference)
        if score > best_score:
            best, best_score = candidate, score
    if best is None or best_score < MINIMUM_SCORE:
        return None
    return Parse(best.style, to_record(best, origin, reference), best_score)
