"""Free-text references — a reference list copied from a paper, a thesis or a journal's "cite
this article" box — parsed into records.

Each style has its own grammar (one module each) on the shared pieces of `common`. A reference
is read by every grammar, and the candidate that explains the most of it wins
(`Candidate.score`); `parse_reference` says which style that was.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..record import ET_AL, Origin, Record
from . import apa, chicago, gbt7714, harvard, ieee, mla, related, vancouver, wos
from .common import Candidate, Grammar, Reference

GRAMMARS: tuple[Grammar, ...] = (
    gbt7714.GRAMMAR, apa.GRAMMAR, vancouver.GRAMMAR, ieee.GRAMMAR, chicago.AUTHOR_DATE,
    chicago.NOTES, mla.GRAMMAR, harvard.GRAMMAR, wos.GRAMMAR, related.GRAMMAR,
)

# Below this share of the reference explained, no parse is trusted.
MINIMUM_SCORE = 0.5


@dataclass(frozen=True)
class Parse:
    """A reference read as `style`, and how much of it the record explains (0 to 1)."""

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
        if candidate is None:
            continue
        score = candidate.score(reference)
        if score > best_score:
            best, best_score = candidate, score
    if best is None or best_score < MINIMUM_SCORE:
        return None
    return Parse(best.style, to_record(best, reference, origin), best_score)


def to_record(candidate: Candidate, reference: Reference, origin: Origin | None) -> Record:
    """The candidate as a record; the reference as given is kept with it."""
    names = {variable: list(people) + ([ET_AL] if variable in candidate.truncated else [])
             for variable, people in candidate.names.items()}
    for variable in candidate.truncated - set(names):
        names[variable] = [ET_AL]
    record = Record(type=candidate.type, fields=dict(candidate.fields), names=names,
                    dates=dict(candidate.dates), origin=origin)
    record.add_extra("reference", reference.original.strip())
    return record
