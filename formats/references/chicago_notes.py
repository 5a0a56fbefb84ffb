"""Chicago notes-bibliography (CMOS chapter 14). A bibliography entry moves the date into the
facts of publication, after the title and its sentences (`chicago_work`):

    Family, Given. Title of Book. Edited by Given Family. Place: Publisher, 2007.
    Family, Given. “Title of Article.” Journal 15, no. 2 (1991): 123–31.
    Family, Given. “Title.” PhD diss., University, 2019.

A note writes the names given name first, commas between the parts and the facts of
publication in parentheses (the page after them is the note's own locator, not kept):

    1. Given Family, Title of Book, 5th ed. (Place: Publisher, 2016), 107.
    2. Given Family, “Title of Article,” Journal 16, no. 6 (2011): 12.
    3. Given Family, “Chapter,” in Book, ed. Given Family (Place: Publisher, 2010), 77.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..names import is_organisation
from ..record import Name
from .chicago_sentences import DATED_PAGES as _DATED_PAGES
from .chicago_sentences import THESIS, Work, read_sentence
from .chicago_work import read_work, settle
from .common import YEAR, Candidate, Reference
from .humanities import (
    DATE,
    OPENING_QUOTES,
    YEAR_FIRST,
    is_plain_name,
    place_and_publisher,
    plainly_other,
    split_quoted_title,
    split_trailing_date,
    take_locations,
    trim,
)
from .humanities_names import (
    INITIAL_FIRST,
    given_first_names,
    roles,
    set_contributors,
    split_author_block,
    written_out,
)


def parse_notes(reference: Reference) -> Candidate | None:
    """A bibliography entry (``Family, Given. Title. Place: Publisher, 2007.``) or a note
    (``1. Given Family, Title (Place: Publisher, 2007), 12.``) of CMOS chapter 14."""
    text = reference.text
    if plainly_other(text):
        return None
    located = Candidate("chicago-notes", "book")
    rest = take_locations(text, located)
    readings = (_parse_note(reference, rest, _copy(located)),
                _parse_bibliography_entry(rest, _copy(located)))
    return max((c for c in readings if c), key=lambda c: c.score(reference), default=None)


def _copy(candidate: Candidate) -> Candidate:
    return replace(candidate, fields=dict(candidate.fields), names=dict(candidate.names),
                   dates=dict(candidate.dates), truncated=set(candidate.truncated))


def _parse_bibliography_entry(rest: str, candidate: Candidate) -> Candidate | None:
    block, body = split_author_block(rest)
    organisation = "" if block else _organisation(rest)
    if organisation:
        body = rest[len(organisation):].lstrip(". ")
        candidate.set_names("author", ([Name(literal=organisation)], False))
    if YEAR_FIRST.match(body):
        return None  # the year after the names: author-date, APA or Harvard
    if not (block or organisation) and INITIAL_FIRST.match(body):
        return None  # ``A. Author, Title``: IEEE's names, not a title
    if block:
        set_contributors(candidate, block)
    marks, understood = read_work(body, candidate)
    if "title" not in candidate.fields or not (block or organisation or understood):
        return None  # a title alone, nothing after it known: not an entry of this style
    candidate.evidence = min(2.0, 1.0 * marks + 0.5 * written_out(candidate))
    return candidate


_NOT_A_NAME = re.compile(r"[\d“”\"‘’]")


def _organisation(text: str) -> str:
    """The organisation that opens `text` (``World Health Organization. Title...``, or any name
    before a quoted title), or ``""`` when the first sentence is the title."""
    stop = next((m for m in _NAME_STOP.finditer(text, 0, 200)
                 if not _ABBREVIATED.search(text, 0, m.start())), None)
    if not stop:
        return ""
    name, after = text[:stop.start()], text[stop.end():]
    if not _NOT_A_NAME.search(name) and len(name) < 120 and (
            after[:1] in OPENING_QUOTES or ("," not in name and is_organisation(name))):
        return name
    return ""


_NAME_STOP = re.compile(r"\.\s+")
# A name's abbreviation with stops inside goes on: ``U.S. Department of State``.
_ABBREVIATED = re.compile(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$")


# Notes: ``Given Family, Given Family, and Given Family[, ed.], Title...``.
_NOTE_NAME = re.compile(
    r"(?:and\s+)?[^\W\d_][\w'’.-]*(?:\s+(?:and\s+)?(?:[^\W\d_][\w'’.-]*|et\s+al\.?)){1,6}")
_NOTE_ROLE = re.compile(r"(?:eds?|trans|comp)\.")
_NOTE_DATED = re.compile(
    rf",\s*(?:last\s+)?(?:modified|updated|published|posted)\s+(?:on\s+)?(?P<date>{DATE})$",
    re.IGNORECASE)
_NOTE_DESCRIPTION = re.compile(r"(?P<words>[a-z]+(?:\s+[a-z]+){0,2})\s+(?=\()")
_NOTE_FACTS = re.compile(
    r"\s*\((?P<facts>[^()]*(?:\d{4}|n\.\s?d\.)[^()]*)\)(?:,\s*(?P<locator>[^()]*))?$")
# What can follow a note's quoted title: its container, with the facts of publication.
_NOTE_SENTENCES = frozenset({"host", "contributors", "thesis", "event", "journal", "facts",
                             "periodical", "date", "volumes", "volume count", "report",
                             "dated pages"})
_ORDINALS = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
             r"|twelfth)")
_NOTE_EXTRA = re.compile(
    r"(?:(?P<role>eds?\.|trans\.|comp\.|edited\s+by|translated\s+by|compiled\s+by)\s+(?P<names>.+)"
    r"|(?P<edition>\d+(?:st|nd|rd|th)|rev\.|revised|" + _ORDINALS + r")\s+ed(?:\.|ition)"
    r"|vols?\.\s*(?P<volume>[^\s,]+)"
    r"(?:,\s*(?P<series>[^\W\d_].*))?)", re.IGNORECASE)


def _parse_note(reference: Reference, rest: str, candidate: Candidate) -> Candidate | None:
    first = rest.find(", ")
    untitled = rest[:1] in OPENING_QUOTES
    if not untitled and (first < 0 or not _is_note_name(rest[:first])):
        return None
    head = ("", (), rest) if untitled else _note_head(rest)
    if head is None:
        return None
    names, variables, body = head
    for variable in variables:
        candidate.set_names(variable, given_first_names(names))
    if not _read_note_body(body, candidate):
        return None
    numbered = bool(reference.label) and not reference.original.lstrip().startswith("[")
    candidate.evidence = 1.0 + 0.5 * numbered + 0.5 * written_out(candidate)
    return candidate


def _is_note_name(piece: str) -> bool:
    return bool(_NOTE_NAME.fullmatch(piece)) and not piece.startswith("and ")


def _note_head(text: str) -> tuple[str, tuple[str, ...], str] | None:
    """The names of a note, their variables, and the rest: the names run to the first comma,
    or on to the piece that opens with ``and`` (``A, B, and C``), then perhaps ``ed.``."""
    pieces = text.split(", ", 12)
    if len(pieces) < 2 or not _is_note_name(pieces[0]):
        return None
    count = 1
    for index in range(1, len(pieces) - 1):
        if not _NOTE_NAME.fullmatch(pieces[index]):
            break
        if pieces[index].startswith("and "):
            count = index + 1
            break
    variables: tuple[str, ...] = ("author",)
    if _NOTE_ROLE.fullmatch(pieces[count]) and count + 1 < len(pieces):
        variables = roles(pieces[count])
        count += 1
    body = ", ".join(pieces[count:])
    if not body or not (body[0] in OPENING_QUOTES or body[0].isupper()):
        return None
    return ", ".join(pieces[:count]), variables, body


def _read_note_body(body: str, candidate: Candidate) -> bool:
    """Title and facts of a note; False when they are not in a note's form."""
    quoted = split_quoted_title(body)
    if not quoted:
        return _read_note_facts(body, "title", candidate)
    title, after = quoted
    after = trim(after)
    candidate.set("title", title)
    described = _NOTE_DESCRIPTION.match(after)
    if described:  # ``“Title,” abstract (PhD diss., …)``: what of the work is cited
        candidate.skipped += f" {described['words']}"
        after = after[described.end():]
    if after.startswith("("):
        candidate.type = "article"
        return _read_note_facts(after, "", candidate)  # ``“Title” (PhD diss., …, 2008)``
    if re.match(r"in\s", after):
        candidate.type = "chapter"
        return _read_note_facts(after[3:], "container-title", candidate)
    work = Work(candidate, note=True)
    dated = _NOTE_DATED.search(after)
    if dated:
        work.date(dated["date"])
        after = after[:dated.start()]
    # a degree's facts stand in parentheses: ``(PhD diss., University, 2008)``
    only = _NOTE_SENTENCES if after.endswith(")") else _NOTE_SENTENCES - {"thesis"}
    if _DATED_PAGES.fullmatch(after) and not after.startswith("in "):
        # ``“Title,” Periodical, 2007, 1–14``: a chapter would stand ``in`` its book
        read_sentence(work, after, only)
        work.kinds.discard("chapter")
        work.kinds.add("article-journal")
    elif not read_sentence(work, after, only):
        if not (dated or "URL" in candidate.fields) or not is_plain_name(after):
            return False
        work.unknown.clear()
        site, _, owner = after.partition(", ")  # ``Privacy & Terms, Google``
        candidate.set("container-title", site)
        candidate.set("publisher", owner)
    settle(work, True)
    return True


def _read_note_facts(text: str, variable: str, candidate: Candidate) -> bool:
    """``Title, 5th ed., ed. Given Family (Place: Publisher, 2016), 12`` into `variable` and
    the facts; False without the parenthesised facts."""
    facts = _NOTE_FACTS.search(text)
    if not facts:
        return False
    candidate.skipped += f" {facts['locator'] or ''}"
    pieces = text[:facts.start()].rstrip(" ,").split(", ")
    start = next((i for i in range(1, len(pieces)) if _NOTE_EXTRA.match(pieces[i])),
                 len(pieces))
    if variable:
        candidate.set(variable, ", ".join(pieces[:start]))
    extras: list[str] = []
    for piece in pieces[start:]:
        if _NOTE_EXTRA.match(piece) or not extras:
            extras.append(piece)
        else:
            extras[-1] += ", " + piece
    for extra in extras:
        _read_note_extra(extra, candidate)
    inside, date = split_trailing_date(facts["facts"].strip())
    if date:
        candidate.dates["issued"] = date
    thesis = THESIS.fullmatch(inside)
    if thesis:
        candidate.set("genre", thesis["genre"])
        candidate.set("publisher", thesis["school"])
        candidate.type = "thesis"
        return True
    found = place_and_publisher(inside)
    if found:
        candidate.set("publisher-place", found[0])
        candidate.set("publisher", found[1])
    elif not YEAR.fullmatch(inside):
        candidate.set("publisher", inside)
    return True


def _read_note_extra(extra: str, candidate: Candidate) -> None:
    match = _NOTE_EXTRA.match(extra)
    if not match:
        return
    if match["role"]:
        for variable in roles(match["role"]):
            candidate.set_names(variable, given_first_names(match["names"]))
    elif match["edition"]:
        candidate.set("edition", match["edition"])
    elif match["volume"]:
        candidate.set("volume", match["volume"])
        candidate.set("collection-title", match["series"] or "")  # ``vol. 16, Sacra Pagina``


