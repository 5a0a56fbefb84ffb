"""APA 6 and 7 references. (Grammar being written.)"""

from __future__ import annotations

from .common import Candidate, Grammar, Reference


def parse(reference: Reference) -> Candidate | None:
    return None


GRAMMAR = Grammar("apa", "APA 6 and 7", parse)
