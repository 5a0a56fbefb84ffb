"""Letter case of titles that arrive in capitals, as indexes print journal names."""

from __future__ import annotations

import re

from .record import Record

# Words a reference list keeps in lower case inside a title (English, plus the Romance and
# German articles and prepositions common in journal names).
MINOR_WORDS = frozenset("""
a an and as at but by for from in into nor of on or per the to upon via vs with
und der die das des dem für im zur zum von
de del della di du et la le les y en
""".split())

# Initialisms that stay in capitals; anything else all-caps becomes Title Case.
INITIALISMS = frozenset("""
ACM ACS AIDS AIP AJR AMA APS BBA BJU BMC BMJ CA CNS DNA EMBO EPL FEBS HIV IEEE IET IFAC IOP JAMA
JCI MRS NMR PLOS PNAS QJM RNA SIAM SPIE UK US USA
""".split())

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def is_all_caps(text: str) -> bool:
    """Whether `text` has letters and none of them is lower case."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def title_case_capitals(text: str) -> str:
    """Title Case for an all-capitals title; any other text is returned unchanged.

    >>> title_case_capitals("EXPERIMENTAL AND MOLECULAR MEDICINE")
    'Experimental and Molecular Medicine'
    >>> title_case_capitals("IEEE TRANSACTIONS ON MEDICAL IMAGING")
    'IEEE Transactions on Medical Imaging'
    """
    if not is_all_caps(text):
        return text
    pieces: list[str] = []
    position = 0
    first = True
    for match in _WORD.finditer(text):
        pieces.append(text[position:match.start()])
        after_colon = pieces[-1].rstrip().endswith((":", "-", "—"))
        pieces.append(_case_word(match.group(), first or after_colon))
        position = match.end()
        first = False
    pieces.append(text[position:])
    cased = "".join(pieces)
    cased = re.sub(r"\((\w+)\)", lambda m: text[m.start():m.end()], cased)  # "(CVPR)" stays
    return re.sub(r"(?<=\d)(St|Nd|Rd|Th)\b", lambda m: m[1].lower(), cased)  # "2nd"


def set_container_title(record: Record, container: str) -> None:
    """Set the container title in reference-list case, keeping an all-capitals original."""
    cased = title_case_capitals(container)
    record.fields["container-title"] = cased
    if cased != container:
        record.add_extra("original-container-title", container)


def _case_word(word: str, leading: bool) -> str:
    if word in INITIALISMS:
        return word
    lower = word.lower()
    if lower in MINOR_WORDS and not leading:
        return lower
    return lower[:1].upper() + lower[1:]
