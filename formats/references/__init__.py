"""Free-text references — a reference list copied from a paper, a thesis or a journal's "cite
this article" box — parsed into records.

Each style has its own grammar (one module each) on the shared pieces of `common`. A reference
is read by every grammar, and the candidate that explains the most of it wins
(`Candidate.score`); `parse_reference` says which style that was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..record import ET_AL, Name, Origin, Record
from . import apa, chicago, gbt7714, harvard, ieee, mla, related, vancouver, wos
from .common import Candidate, Grammar, Reference

GRAMMARS: tuple[Grammar, ...] = (
    gbt7714.GRAMMAR, apa.GRAMMAR, vancouver.GRAMMAR, ieee.GRAMMAR, chicago.AUTHOR_DATE,
    chicago.NOTES, mla.GRAMMAR, harvard.GRAMMAR, wos.GRAMMAR, related.GRAMMAR,
)

# Below this share of the reference explained, no parse is trusted; below the second, the
# record keeps the reference as given.
MINIMUM_SCORE = 0.5
FULLY_EXPLAINED = 0.9
# Variables whose value the grammars write in one form, not as printed (any dash as ``-``).
_NORMALISED = frozenset({"page"})


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


def to_record(candidate: Candidate, origin: Origin | None,
              reference: Reference | None = None) -> Record:
    """The candidate as a record. Read from `reference`, values keep the characters printed
    there (``：``, not the folded ``:``), and a reference the record explains only in part is
    kept whole with it, so that nothing of it is lost."""
    printed = reference.as_printed if reference else str
    names = {variable: [_printed_name(printed, name) for name in people]
             + ([ET_AL] if variable in candidate.truncated else [])
             for variable, people in candidate.names.items()}
    for variable in candidate.truncated - set(names):
        names[variable] = [ET_AL]
    fields = {variable: value if variable in _NORMALISED else printed(value)
              for variable, value in candidate.fields.items()}
    record = Record(type=candidate.type, fields=fields, names=names,
                    dates=dict(candidate.dates), origin=origin)
    if reference and candidate.coverage(reference) < FULLY_EXPLAINED:
        record.add_extra("reference", " ".join(reference.original.split()))
    return record


def _printed_name(printed: Callable[[str], str], name: Name) -> Name:
    return replace(name, family=printed(name.family), given=printed(name.given),
                   literal=printed(name.literal))
