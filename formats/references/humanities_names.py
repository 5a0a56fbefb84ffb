"""Names as Chicago and MLA print them: in a bibliography entry the first inverted
(``Family, Given, Given Family, and Given Family``), roles after them (``, eds.``), in notes
and after ``edited by`` all given name first; where the block of names ends and the title
begins.
"""

from __future__ import annotations

import re

from ..names import SUFFIXES, parse_name
from ..record import Name
from .common import Candidate, truncation
from .humanities import INITIAL, OPENING_QUOTES

_ROLE_WORDS = {
    "ed": "editor", "eds": "editor", "editor": "editor", "editors": "editor",
    "edited": "editor", "trans": "translator", "tr": "translator", "translator": "translator",
    "translators": "translator", "translated": "translator", "comp": "compiler",
    "comps": "compiler", "compiler": "compiler", "compilers": "compiler",
    "compiled": "compiler", "dir": "director", "dirs": "director", "director": "director",
    "directors": "director", "directed": "director", "interview": "interviewer",
    "interviewed": "interviewer", "performance": "performer", "performances": "performer",
    "performed": "performer", "narrated": "narrator", "narrator": "narrator",
    "produced": "producer", "producer": "producer", "illustrated": "illustrator",
    "host": "host", "hosted": "host", "created": "series-creator",
}
# ``, eds.``, ``, trans.``, ``, editors``, ``, ed. and trans.`` after the names.
_ROLE = re.compile(
    r",?\s+(?P<role>(?:eds?|editors?|trans|translators?|comps?|compilers?|dirs?|directors?"
    r"|narrator|producer|host)\.?(?:,?\s+(?:and\s+)?(?:eds?|editors?|trans|translators?)\.?)?)$")
_NAME_SEPARATORS = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)")
_PARTICLES = frozenset("de van von der den la le da di du del della dos das ten ter bin ibn al y"
                       .split())
_DASHES_FOR_SAME_AUTHOR = re.compile(r"[-—–_]{2,}\.?")


def roles(phrase: str) -> tuple[str, ...]:
    """The name variables a role phrase names: ``eds.`` → ``("editor",)``, ``ed. and
    trans.`` → ``("editor", "translator")``, ``Directed by`` → ``("director",)``."""
    found = (_ROLE_WORDS.get(word) for word in re.findall(r"[a-z]+", phrase.lower()))
    return tuple(dict.fromkeys(variable for variable in found if variable))


def inverted_names(text: str) -> tuple[list[Name], bool]:
    """``Family, Given, Given Family, and Given Family`` (``et al.`` closing it, or ``and``
    without the comma) → the names, and whether the list was cut short. A list without a
    comma is an organisation's name; the three-em dash of a repeated author gives none."""
    text, truncated = cut_short(text)
    if not text or _DASHES_FOR_SAME_AUTHOR.fullmatch(text):
        return [], truncated
    if "," not in text:
        return [Name(literal=text)], truncated
    family, _, rest = text.partition(",")
    pieces = [p for p in _NAME_SEPARATORS.split(rest.strip()) if p.strip(" .")]
    if not pieces:
        return [Name(literal=family.strip())], truncated
    first = f"{family}, {pieces[0]}"
    others = pieces[1:]
    if others and others[0].lower() in SUFFIXES:
        first += ", " + others.pop(0)
    return [_with_initial_stop(parse_name(first))] + [parse_name(p) for p in others], truncated


def cut_short(text: str) -> tuple[str, bool]:
    """The names without the ``et al.`` or ``and others`` that closes them, and whether one
    did."""
    text, truncated = truncation(text.strip().rstrip(","))
    others = _AND_OTHERS.search(text)
    return (text[:others.start()], True) if others else (text, truncated)


_AND_OTHERS = re.compile(r",?\s+and\s+others\.?$")


def given_first_names(text: str) -> tuple[list[Name], bool]:
    """``Given Family, Given Family, and Given Family`` (as notes and ``edited by`` write
    them) → the names, and whether ``et al.`` cut the list short."""
    text, truncated = cut_short(text)
    pieces = [p for p in _NAME_SEPARATORS.split(text) if p.strip(" .")]
    return [parse_name(piece) for piece in pieces], truncated


def _with_initial_stop(name: Name) -> Name:
    """``Akaogi, M`` read before ``. 2007.`` keeps its initial's full stop."""
    if re.fullmatch(r"(?:.*\s)?[A-Z]", name.given):
        return Name(family=name.family, given=name.given + ".",
                    non_dropping_particle=name.non_dropping_particle, suffix=name.suffix)
    return name


def contributors(block: str) -> tuple[tuple[str, ...], list[Name], bool]:
    """The name block before the title: its name variables (``author``, or the roles written
    after it: ``, eds.``), the names, and whether ``et al.`` cut them short."""
    role = _ROLE.search(block)
    variables = roles(role["role"]) if role else ("author",)
    names, truncated = inverted_names(block[:role.start()] if role else block)
    return variables, names, truncated


def set_contributors(candidate: Candidate, block: str) -> None:
    """The names of `block` (see `contributors`) into `candidate`."""
    variables, names, truncated = contributors(block)
    for variable in variables:
        candidate.set_names(variable, (list(names), truncated))


# After an initial, what says the name goes on: another initial, a given name closed by a
# stop or a comma (``wa``) or in parentheses, the particles printed after the given names
# (``Veen, Lolke J. van der.``).
_NAME_GOES_ON = re.compile(
    r"[A-Z]\.(?:[\s,]|$)|(?:[^\W\d_a-z][\w'’-]*|[a-z]{1,3}|\([^()]+\))[.,](?:\s|$)"
    r"|(?:(?:" + "|".join(sorted(_PARTICLES)) + r")\b\s*)+[.,](?:\s|$)")
_BLOCK_STOP = re.compile(r"\.\s+")


def split_author_block(text: str) -> tuple[str, str]:
    """``Family, Given, and Given Family. Rest`` → the name block and the rest; the block ends
    at the first full stop that closes neither an initial (``J. D.``) nor a given name going on
    after one (``M. Keith.``). ``("", text)`` when the text opens with a quoted title or no
    block of names fits."""
    if not text or text[0] in OPENING_QUOTES:
        return "", text
    fallbacks: list[int] = []
    for stop in _BLOCK_STOP.finditer(text, 0, min(len(text), 300)):
        word = text[text.rfind(" ", 0, stop.start()) + 1:stop.start()]
        if INITIAL.fullmatch(word):
            if _NAME_GOES_ON.match(text, stop.end()):
                fallbacks.append(stop.start() + 1)
                continue
            end = stop.start() + 1
        else:
            end = stop.start()
        for cut in [end, *reversed(fallbacks)]:
            if is_name_block(text[:cut]):
                return text[:cut], text[cut:].lstrip(". ")
        return "", text
    return "", text


# ``A. Author, Title``: the names given first with initials, as IEEE writes them.
INITIAL_FIRST = re.compile(r"[A-Z]\.[\s-]")
_NOT_IN_NAMES = re.compile(r'[\d:;“”"()\[\]?!]')
# A given name written out after its initials: ``Diller, Anthony V. N. (Van Nostrand)``.
_EXPANSION = re.compile(r"\s*\([^\W\d_][^()\d]*\)")


def is_name_block(block: str) -> bool:
    """Whether `block` reads as names with the first inverted (``Family, Given, and Given
    Family``, roles and ``et al.`` allowed): no digits or title marks, a short family name not
    followed by initials (Vancouver's ``Smith JM``), and the names after the first written
    whole."""
    block = _EXPANSION.sub("", block)
    if not block or _NOT_IN_NAMES.search(block):
        return False
    role = _ROLE.search(block)
    body, _ = cut_short(block[:role.start()] if role else block)
    family, comma, rest = body.partition(",")
    words = family.split()
    if not comma or not 1 <= len(words) <= 4 or not words[-1][:1].isupper():
        return False
    if len(words) > 1 and len(words[-1]) <= 3 and words[-1].isupper():
        return False
    pieces = [p for p in _NAME_SEPARATORS.split(rest.strip()) if p.strip(" .")]
    if not pieces or not pieces[0][:1].isupper() or len(
            [w for w in pieces[0].split() if w not in _PARTICLES]) > 3:
        return False  # at most three given names (``Random Indexing Word Representations``)
    if len(pieces) > 1 and pieces[1].lower() in SUFFIXES:
        pieces.pop(1)
    return all(_is_whole_name(piece) for piece in pieces[1:])


def _is_whole_name(piece: str) -> bool:
    words = piece.split()
    return 2 <= len(words) <= 5 and words[-1][:1].isupper() and all(
        w[:1].isupper() or w in _PARTICLES for w in words)



def written_out(candidate: Candidate) -> bool:
    """Whether the first name has its given name written out (``Booker, M. Keith``), as
    Chicago and MLA print it, where APA, Harvard, IEEE and Vancouver give initials."""
    first = next((names[0] for names in candidate.names.values() if names), None)
    return bool(first and first.given and re.search(r"[^\W\d_]{2,}", first.given)
                and not first.given.isupper())
