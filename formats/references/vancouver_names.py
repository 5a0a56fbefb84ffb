"""The names of Vancouver references: ``Smith JM, Le Pelley ME, Creider Ch, et al.`` — family
name first, initials without periods, commas between — or one organisation; ``, editors``
after a group gives its role, and ``Patrias K, author; Wendling D, editor`` both roles.
"""

from __future__ import annotations

import re

from ..names import ORGANISATION_WORDS
from ..record import Name
from .common import Candidate, truncation

_ROLE = re.compile(r",\s*(?P<role>(?:[a-z]+\s+)?(?:editors?|eds?\.?|translators?|authors?|"
                   r"compilers?|illustrators?|red\.?))\.?$")  # ``red.``: Scandinavian editors
_ROLES = {"editor": "editor", "editors": "editor", "ed": "editor", "eds": "editor",
          "translator": "translator", "translators": "translator", "author": "author",
          "authors": "author", "compiler": "compiler", "compilers": "compiler",
          "illustrator": "illustrator", "illustrators": "illustrator"}
# ``Smith JM``, ``Creider Ch`` (a digraph initial), ``Smith JM Jr``.
_PERSON = re.compile(r"^(?P<family>[^\d,;&]+?)\s+(?P<given>[A-Z]{1,4}(?:-[A-Z]{1,2})?|[A-Z][a-z])"
                     r"(?:\s+(?P<suffix>Jr|Sr|II|III|IV|2nd|3rd))?$")
_SINGLE_NAME = re.compile(r"^[A-Z][a-z'’-]+$")
_INITIALS_ONLY = re.compile(r"^[A-Z]{1,4}$")
_AFFILIATION = re.compile(r"\s*\((?=[^()]*\b(?:University|Department|Institute|School|Hospital|"
                          r"College|Center|Centre)\b)[^()]*\)")
# ``Schumann Th, others, editors``: WoS-like ``others`` closes a list as ``et al.`` does.
_OTHERS = re.compile(r",\s*others$")


def has_role(sentence: str) -> bool:
    """Whether `sentence` ends in a role (``, editors``)."""
    return bool(_ROLE.search(sentence))


def people(sentence: str, candidate: Candidate, default_role: str = "author") -> bool:
    """The names of `sentence` into `candidate` by their roles; False (and nothing set) when
    the sentence does not read as a name list."""
    found: dict[str, list[Name]] = {}
    truncated: set[str] = set()
    sentence = _AFFILIATION.sub("", sentence)
    for group in sentence.split(";"):
        group = group.strip()
        role_match = _ROLE.search(group)
        role = default_role
        if role_match:
            role = _ROLES.get(role_match["role"].split()[-1].rstrip("."), "editor")
            group = group[:role_match.start()]
        group, cut = truncation(group)
        group, others = _OTHERS.subn("", group)
        names = _names(group)
        if names is None:
            return False
        found.setdefault(role, []).extend(names)
        if cut or others:
            truncated.add(role)
    for role, names in found.items():
        candidate.names.setdefault(role, names)
    candidate.truncated |= truncated
    return bool(found)


def _names(text: str) -> list[Name] | None:
    """``Smith JM, Le Pelley ME`` (also ``Christinasen, S, Iverson, I``) as names, a one-word
    name among them (``Harada K, Wiyono``) as a family name; one organisation as a literal;
    None when the list mixes the two."""
    pieces: list[str] = []
    for piece in (p.strip() for p in text.split(",")):
        if pieces and _INITIALS_ONLY.match(piece) and not _PERSON.match(pieces[-1]):
            pieces[-1] += " " + piece
        elif piece:
            pieces.append(piece)
    if len(pieces) == 1 and _is_organisation(pieces[0]):
        return [Name(literal=pieces[0])]  # ``Australian Institute of Health and Welfare``
    if not pieces or any(re.search(r"\s(?:and|&)\s", p) for p in pieces):
        return None
    people = [_PERSON.match(p) for p in pieces]
    if any(people) and all(m or _SINGLE_NAME.match(p) for m, p in zip(people, pieces, strict=True)):
        return [Name(family=m["family"], given=m["given"], suffix=m["suffix"] or "") if m
                else Name(family=p) for m, p in zip(people, pieces, strict=True)]
    organisation = text.strip()
    if "," not in organisation and len(organisation) > 2 and " " in organisation or \
            re.fullmatch(r"[A-Z][\w.-]*[A-Z][\w.-]*", organisation):
        return [Name(literal=organisation)]
    return None


def _is_organisation(text: str) -> bool:
    """One name of several capitalised words with an organisation's word among them."""
    words = text.split()
    return len(words) > 1 and words[0][:1].isupper() and bool(
        {w.strip(".,()&").lower() for w in words} & ORGANISATION_WORDS)


def authors_and_title(sentences: list[str], candidate: Candidate) -> None:
    """The first sentence as the authors when it reads as names and a title follows; the
    rest (or all) as the title."""
    if len(sentences) >= 2 and people(sentences[0], candidate):
        sentences = sentences[1:]
        if is_vancouver_names(candidate):
            candidate.evidence += 1.0
    candidate.set("title", ". ".join(sentences))


def is_vancouver_names(candidate: Candidate) -> bool:
    """Whether every name found is Vancouver's ``Family INITIALS`` (no periods)."""
    found = [n for names in candidate.names.values() for n in names]
    return any(n.given for n in found) and all(
        (n.given or n.family) and "." not in n.given for n in found)
