"""The names of IEEE references: ``A. B. Smith, C. Li, and D. van Dam`` — initials before the
family name, commas between, a last ``and``, ``et al.`` or ``and others`` to cut the list short,
``Ed.``/``Eds.`` after editors — at the start of a reference and after a book's title.
"""

from __future__ import annotations

import re

from ..names import ORGANISATION_WORDS, parse_name
from ..record import Name

_PARTICLE = (r"(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]el|[Dd]ella|[Dd]i|[Dd]a|[Dd]u|dos|das|"
             r"[Ll]a|[Ll]e|ten|ter|(?!and\b|et\b)[a-z]{2,3})\s+)")
_FAMILY_WORD = r"[A-Z\u00C0-\u024F][\w'’\u00C0-\u024F-]*"
# ``Smith``, ``de Pury Toumi``, ``Hla Pe``: the words of a family name, the particles first.
_FAMILY = _PARTICLE + r"*" + _FAMILY_WORD + r"(?:\s" + _FAMILY_WORD + r"){0,2}"
# ``A. B.``, ``W.-K.``, ``Y . H.`` (space before the period, as PDFs extract), ``Ph.``
INITIALS = r"(?:[A-Z\u00C0-\u00DE\u0141\u0160\u017D][a-z]?\s?\.[\s-]*)+"
INITIALS_NAME = re.compile(INITIALS + _FAMILY + r"(?:\s+(?:Jr|Sr)\.?|,\s+(?:Jr|Sr)\.|\s+I{2,3})?")
_FULL_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+" + _PARTICLE + r"*" + _FAMILY_WORD)
_NAME_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,\s*&\s*|\s+and\s+|\s*&\s*|,\s*)")
_ET_AL = re.compile(r",?\s+(?:et\s+al\.?|and\s+others),?")
_OPEN_QUOTE = re.compile(r"[“\"]|''|‘‘")
_EDITOR_MARK = re.compile(r"\s*,?\s*\(?(?:Eds?|eds?)\.\)?(?:,\s*|\s+|$)")


def authors(text: str) -> tuple[list[Name], str, bool, str]:
    """The author list at the start: the names, ``author`` or ``editor``, whether ``et al.``
    cut it short, and the text after."""
    names: list[Name] = []
    position = 0
    truncated = False
    while True:
        full_names = not names or (names[-1].given[:1].isupper() and "." not in names[-1].given)
        match = INITIALS_NAME.match(text, position)
        if not match and full_names:
            match = _FULL_NAME.match(text, position)
            if match and _organisation(text[position:])[0]:
                break  # ``National Aeronautics and Space Administration, “Title,”``
        if not match or not _ends_name(text, match.end()):
            break
        names.append(name(match.group()))
        position = match.end()
        et_al = _ET_AL.match(text, position)
        if et_al:
            truncated, position = True, et_al.end()
            break
        separator = _NAME_SEPARATOR.match(text, position)
        if not separator or _OPEN_QUOTE.match(text, separator.end()):
            break
        position = separator.end()
        if _EDITOR_MARK.match(text, match.end()):
            break
    if not names:
        return [], "author", False, text
    rest = text[position:]
    role = "author"
    editor = _EDITOR_MARK.match(rest)
    if editor:
        role, rest = "editor", rest[editor.end():]
    return names, role, truncated, rest.lstrip(" ,.")


# Words that name an organisation, not a person, beyond the shared list's.
_BODY_WORDS = frozenset({"administration", "authority", "service", "government", "national",
                         "federal", "international", "federation", "agency"})


def _organisation(text: str) -> tuple[bool, str]:
    """Whether `text` begins with an organisation's name before its first comma (``Energy
    Networks Australia, “Title,”``), and that name."""
    head = text.split(",", 1)[0].strip()
    words = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", head)}
    words |= {w.lower() for w in re.findall(r"[A-Za-z]+", head)}
    return bool(words & (ORGANISATION_WORDS | _BODY_WORDS)), head


def _ends_name(text: str, end: int) -> bool:
    """Whether a name may end at `end`: a separator, a quote or the end follows."""
    following = text[end:end + 6]
    return not following or bool(re.match(r"\s*(?:,|and\b|&|[“\"]|\.|\(Eds?\.\)|et al)",
                                          following))


def name(text: str) -> Name:
    """``A. B. van Dam Jr.`` as a name: the initials given, the rest the family name."""
    text = text.strip()
    initials = re.match(INITIALS, text)
    if initials and initials.end() < len(text):
        given = re.sub(r"\s+\.", ".", initials.group().strip())
        family = text[initials.end():].strip()
        suffix = re.search(r",?\s+(Jr|Sr)\.?$|\s+(I{2,3})$", family)
        if suffix:
            family = family[:suffix.start()]
            return Name(family=family, given=given, suffix=suffix.group().strip(" ,"))
        return Name(family=family, given=given)
    return parse_name(text)


# A run of editors' names closed by ``Eds.``: ``P. Ruiz and M. Sato, Eds.``, ``J. Barrau and
# others, Eds.``, ``W. Boeder and H. G., Eds.`` (a name cut to its initials).
_EDITOR_NAME = INITIALS + r"(?:" + _FAMILY + r")?"
EDITORS = re.compile(r"(?<![\w.])(?P<names>" + _EDITOR_NAME + r"(?:(?:,\s*and\s+|\s+and\s+|,\s*)"
                     + _EDITOR_NAME + r")*(?P<others>,?\s+and\s+others)?),?\s+\(?Eds?\.\)?")
_EDITOR_SEPARATOR = re.compile(r",\s*and\s+|\s+and\s+|,\s*")


def editors(match: re.Match) -> tuple[list[Name], bool]:
    """The names of an `EDITORS` match, and whether ``and others`` cut them short."""
    names = match["names"][:match.start("others") - match.start("names")] if match["others"] \
        else match["names"]
    return [name(n) for n in _EDITOR_SEPARATOR.split(names) if n.strip()], bool(match["others"])
