"""Chicago references (The Chicago Manual of Style, 17th and 18th editions), in both systems:
author-date (chapter 15, `chicago_author_date`) puts the year straight after the names,
notes-bibliography (chapter 14, `chicago_notes`) moves it into the facts of publication, and
its notes write the names given name first with the facts in parentheses.

Both read the title and the sentences after it alike (`chicago_work`), on what Chicago shares
with MLA (`humanities`, `humanities_names`).
"""

from __future__ import annotations

from .chicago_author_date import parse_author_date
from .chicago_notes import parse_notes
from .common import Grammar

AUTHOR_DATE = Grammar("chicago-author-date", "Chicago author-date", parse_author_date)
NOTES = Grammar("chicago-notes", "Chicago notes-bibliography", parse_notes)
