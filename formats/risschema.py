"""RIS tags and CSL variables, in both directions: the RIS writer writes each variable under its
tag, and the RIS reader reads the same tags back into the same variables (adding the older and
rarer tags it only reads). A tag whose meaning depends on the item type (``T2`` is a book's
series but an article's journal) is listed in `TYPE_TAGS`.
"""

from __future__ import annotations

RIS = "ris"  # extension keys ris-xx are RIS tags kept as they were read

TYPES = {
    "article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "bill": "BILL", "book": "BOOK", "chapter": "CHAP", "dataset": "DATA",
    "entry-dictionary": "DICT", "entry-encyclopedia": "ENCYC", "graphic": "ART",
    "legal_case": "CASE", "legislation": "STAT", "manuscript": "MANSCPT", "map": "MAP",
    "motion_picture": "MPCT", "musical_score": "MUSIC", "pamphlet": "PAMP",
    "paper-conference": "CPAPER", "patent": "PAT", "personal_communication": "PCOMM",
    "report": "RPRT", "software": "COMP", "standard": "STAND", "thesis": "THES",
    "webpage": "ELEC", "post": "ELEC", "post-weblog": "BLOG", "broadcast": "VIDEO",
    "speech": "SOUND", "song": "SOUND", "hearing": "HEAR", "collection": "EDBOOK",
}
DEFAULT_TYPE = "GEN"

NAME_TAGS = {"author": "AU", "editor": "ED", "translator": "A4", "collection-editor": "A3"}

# CSL text variables with a tag of their own, by where they are written: before the date, after
# it, and after the pages.
TITLE_TAGS = {
    "title": "TI", "container-title": "T2", "container-title-short": "J2",
    "collection-title": "T3", "title-short": "ST", "original-title": "OP",
}
NUMBER_TAGS = {"volume": "VL", "issue": "IS"}  # followed by the pages
DETAIL_TAGS = {
    "edition": "ET", "publisher": "PB", "publisher-place": "CY",
    "genre": "M3", "number": "M1", "ISSN": "SN", "ISBN": "SN", "DOI": "DO", "URL": "UR",
    "language": "LA", "abstract": "AB", "call-number": "CN", "number-of-volumes": "NV",
    "section": "SE", "archive": "DB", "source": "DP", "archive_location": "AN",
    "reviewed-title": "RI",
}
TEXT_TAGS = {**TITLE_TAGS, **NUMBER_TAGS, **DETAIL_TAGS}

# Where a tag means another variable for some item types (Zotero's RIS translator agrees):
# CSL type → {tag: variable}. The writer uses these tags for these variables, the reader reads
# them so; a default variable whose tag a type takes over is carried in a note instead.
TYPE_TAGS: dict[str, dict[str, str]] = {
    "book": {"A2": "collection-editor", "A3": "editor", "T2": "collection-title",
             "M1": "collection-number"},
    "chapter": {"A2": "editor", "A3": "collection-editor"},
    "paper-conference": {"A2": "editor", "A3": "collection-editor", "C1": "event-place"},
    "entry-dictionary": {"A2": "editor"},
    "entry-encyclopedia": {"A2": "editor"},
    "report": {"A2": "collection-editor", "T2": "collection-title", "SN": "number"},
    "patent": {"SN": "number"},
    "personal_communication": {"A2": "recipient"},
    "song": {"A2": "performer"},
    "motion_picture": {"A3": "producer"},
    "broadcast": {"A3": "producer"},
    "software": {"ET": "version"},
    "dataset": {"ET": "version"},
    "map": {"C1": "scale"},
    "graphic": {"C3": "dimensions"},
}
# ISSN and ISBN always go to SN, one line per value ("; " between values in the record).
SERIAL_NUMBERS = ("ISSN", "ISBN")
# Types whose SP with no EP is the number of pages, not a page.
PAGE_COUNT_TYPES = frozenset({"book", "thesis", "manuscript"})

def tag_table(csl_type: str) -> dict[str, str]:
    """Tag → variable for `csl_type`: the defaults (names and text), with the type's own."""
    table = {tag: variable for variable, tag in NAME_TAGS.items()}
    table.update({tag: variable for variable, tag in TEXT_TAGS.items()
                  if variable not in SERIAL_NUMBERS})
    table.update(TYPE_TAGS.get(csl_type, {}))
    return table


def variable_tags(csl_type: str) -> dict[str, str]:
    """Variable → the tag it is written under for `csl_type` (names and text, in order)."""
    own = TYPE_TAGS.get(csl_type, {})
    taken = {tag: variable for tag, variable in own.items()}
    result: dict[str, str] = {}
    for table in (NAME_TAGS, TITLE_TAGS, NUMBER_TAGS, DETAIL_TAGS):
        for variable, tag in table.items():
            own_tag = next((t for t, v in own.items() if v == variable), "")
            if own_tag:
                result[variable] = own_tag
            elif taken.get(tag, variable) == variable or variable in SERIAL_NUMBERS:
                result[variable] = tag
    for tag, variable in own.items():
        result.setdefault(variable, tag)
    return result
