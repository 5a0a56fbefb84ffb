"""Harvard references. (Grammar being written.)"""

from __future__ import annotations

from .common import Candidate, Grammar, Reference


def parse(reference: Reference) -> Candidate | None:
    return None


GRAMMAR = Grammar("harvard", "Harvard", parse)
