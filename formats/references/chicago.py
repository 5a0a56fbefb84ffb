"""Chicago references. (Grammars being written.)"""

from __future__ import annotations

from .common import Candidate, Grammar, Reference


def parse_author_date(reference: Reference) -> Candidate | None:
    return None


def parse_notes(reference: Reference) -> Candidate | None:
    return None


AUTHOR_DATE = Grammar("chicago-author-date", "Chicago author-date", parse_author_date)
NOTES = Grammar("chicago-notes", "Chicago notes-bibliography", parse_notes)
