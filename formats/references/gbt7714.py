"""GB/T 7714-2015 references. (Grammar being written.)"""

from __future__ import annotations

from .common import Candidate, Grammar, Reference


def parse(reference: Reference) -> Candidate | None:
    return None


GRAMMAR = Grammar("gbt7714", "GB/T 7714-2015", parse)
