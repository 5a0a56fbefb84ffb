"""a record page's related-paper item references. (Grammar being written.)"""

from __future__ import annotations

from .common import Candidate, Grammar, Reference


def parse(reference: Reference) -> Candidate | None:
    return None


GRAMMAR = Grammar("page-related", "a record page's related-paper item", parse)
