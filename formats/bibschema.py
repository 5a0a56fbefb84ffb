"""The .bib dialects as data: entry types and field slots of BibTeX and BibLaTeX.

Both directions use these tables: the bib writers fill each slot from the first of its CSL
variables that has a value; the bib reader turns a field back into the slot's first variable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

# How a slot's value is written, by name (the writers' `FORMS`) or by a dialect's own function.
Form = Callable[..., str]


@dataclass(frozen=True)
class Slot:
    """A .bib field and its sources, the first with a value winning; `form` is a key of `FORMS`
    or `Dialect.forms`, and `types` (if any) the entry types the slot is for. A variable fills
    one field only, unless a later slot `shares` it (``month`` after ``year``: both ``issued``).
    """

    name: str
    sources: tuple[str, ...]
    form: str = "text"
    types: frozenset[str] = frozenset()
    shares: bool = False


def slot(name: str, *sources: str, form: str = "text", only: str = "",
         shares: bool = False) -> Slot:
    """A `Slot` as tables write it: `only` lists entry types, separated by spaces."""
    return Slot(name, sources, form, frozenset(only.split()), shares)


@dataclass(frozen=True)
class Dialect:
    """One .bib dialect as data: entry types, field slots, and names custom fields avoid."""

    entry_types: Mapping[str, str]  # CSL item type → entry type; any other → misc
    slots: tuple[Slot, ...]
    genre_types: tuple[tuple[str, str, str], ...] = ()  # (CSL type, word in genre, entry type)
    forms: Mapping[str, Form] = field(default_factory=dict)  # forms of this dialect's own
    reserved: frozenset[str] = frozenset()  # fields with a meaning a custom field must not take
    # Entry type for an item with editors and no author (BibLaTeX's @collection for a book).
    edited_types: Mapping[str, str] = field(default_factory=dict)
    # A field an entry type must have, and its value when the record gives none; reading, the
    # same value says nothing (BibLaTeX's @report needs a `type`).
    required: Mapping[str, tuple[str, str]] = field(default_factory=dict)


BIBTEX_ENTRY_TYPES = {
    "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "review": "article", "review-book": "article",
    "book": "book", "classic": "book", "pamphlet": "booklet",
    "chapter": "incollection", "entry": "incollection", "entry-dictionary": "incollection",
    "entry-encyclopedia": "incollection", "paper-conference": "inproceedings",
    "manuscript": "unpublished", "report": "techreport", "thesis": "phdthesis",
}
# CSL language codes and the babel names .bib files give languages by (`langid`, `language`).
BABEL_NAMES = {
    "en": "english", "en-US": "american", "en-GB": "british", "de": "german",
    "de-DE": "ngerman", "de-AT": "naustrian", "fr": "french", "es": "spanish", "it": "italian",
    "pt": "portuguese", "pt-BR": "brazilian", "nl": "dutch", "ru": "russian", "pl": "polish",
    "sv": "swedish", "da": "danish", "fi": "finnish", "nb": "norsk", "cs": "czech",
    "el": "greek", "tr": "turkish", "hu": "magyar", "ja": "japanese", "ko": "korean",
    "la": "latin", "uk": "ukrainian", "ca": "catalan", "hr": "croatian", "sk": "slovak",
}


# Fields biber and pandoc read as lists split at "and" (BibLaTeX's literal lists).
LITERAL_LISTS = frozenset({"publisher", "location", "address", "institution", "organization",
                           "school"})

# What a BibTeX entry type says of its item, so that a `type` field saying the same is not needed.
IMPLIED_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}
GENRE_TYPES = (("thesis", "master", "mastersthesis"), ("thesis", "硕士", "mastersthesis"))

BIBTEX_SLOTS = (
    slot("author", "author", form="names"),
    slot("editor", "editor", form="names"),
    slot("translator", "translator", form="names"),
    slot("title", "title", form="title"),
    slot("shorttitle", "title-short", form="title"),
    slot("journal", "container-title", only="article"),
    slot("shortjournal", "container-title-short", only="article"),
    slot("booktitle", "container-title", "event-title", form="title",
         only="incollection inproceedings"),
    slot("howpublished", "container-title", only="misc booklet unpublished"),
    slot("year", "issued", form="year"),
    slot("month", "issued", form="month", shares=True),
    slot("date", "issued", form="finer-date", shares=True),
    slot("volume", "volume"),
    slot("number", "issue", only="article"),
    slot("eid", "number", only="article"),
    slot("number", "number", "issue"),
    slot("pages", "page", "page-first", form="pages"),
    slot("pagetotal", "number-of-pages"),
    slot("chapter", "chapter-number"),
    slot("series", "collection-title", form="title"),
    slot("number", "collection-number"),
    slot("edition", "edition"),
    slot("type", "genre", only="phdthesis mastersthesis techreport"),
    slot("school", "publisher", only="phdthesis mastersthesis"),
    slot("institution", "publisher", only="techreport"),
    slot("publisher", "publisher"),
    slot("organization", "authority"),
    slot("address", "publisher-place", "event-place"),
    slot("urldate", "accessed", form="date"),
    slot("doi", "DOI", form="verbatim"),
    slot("url", "URL", form="verbatim"),
    slot("issn", "ISSN"), slot("isbn", "ISBN"), slot("language", "language", form="language"),
    slot("keywords", "keywords", form="keywords"),
    slot("abstract", "abstract"), slot("annote", "annote"), slot("note", "note"),
)

# `related` too: biber reads BibTeX files as well, and takes that field's value for entry keys.
BIBTEX = Dialect(BIBTEX_ENTRY_TYPES, BIBTEX_SLOTS, GENRE_TYPES,
                 reserved=frozenset({"crossref", "key", "related"}))


BIBLATEX_ENTRY_TYPES = {
    "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "review": "review", "review-book": "review",
    "periodical": "periodical", "book": "book", "classic": "book", "pamphlet": "booklet",
    "chapter": "incollection", "entry": "inreference", "entry-dictionary": "inreference",
    "entry-encyclopedia": "inreference", "paper-conference": "inproceedings",
    "manuscript": "unpublished", "speech": "unpublished", "report": "report",
    "thesis": "thesis", "webpage": "online", "post": "online", "post-weblog": "online",
    "patent": "patent", "dataset": "dataset", "software": "software", "standard": "standard",
    "bill": "legislation", "legislation": "legislation", "regulation": "legislation",
    "legal_case": "jurisdiction", "treaty": "legal", "personal_communication": "letter",
    "graphic": "artwork", "figure": "image", "motion_picture": "movie", "song": "audio",
    "performance": "performance",
}
# Articles in magazines and newspapers: biblatex-chicago formats both by `entrysubtype`
# "magazine" (the field is for styles to define; the standard styles ignore it).
SUBTYPES = {"article-magazine": "magazine", "article-newspaper": "magazine"}

# Entry types whose `type` field says what kind of item it is (the CSL genre).
_TYPED = "thesis report patent misc dataset manual booklet unpublished software standard"

BIBLATEX_SLOTS = (
    slot("author", "author", form="names"),
    slot("bookauthor", "container-author", form="names"),
    slot("editor", "editor", form="names"),
    slot("translator", "translator", form="names"),
    slot("title", "title", form="title"),
    slot("shorttitle", "title-short", form="title"),
    slot("origtitle", "original-title", form="title"),
    slot("journaltitle", "container-title", only="article review"),
    slot("shortjournal", "container-title-short", only="article review"),
    slot("booktitle", "container-title", form="title",
         only="incollection inproceedings inreference"),
    slot("organization", "container-title", only="online"),
    slot("howpublished", "container-title", only="misc booklet unpublished software"),
    slot("eventtitle", "event-title", form="title"),
    slot("date", "issued", form="date"),
    slot("volume", "volume"),
    slot("number", "issue", only="article review periodical"),
    slot("eid", "number", only="article review"),
    slot("number", "number", "issue"),
    slot("pages", "page", "page-first", form="pages"),
    slot("pagetotal", "number-of-pages"),
    slot("chapter", "chapter-number"),
    slot("part", "part-number"),
    slot("volumes", "number-of-volumes"),
    slot("series", "collection-title", form="title"),
    slot("number", "collection-number"),
    slot("edition", "edition"),
    slot("version", "version"),
    slot("type", "genre", only=_TYPED),
    slot("institution", "publisher", only="thesis report"),
    slot("publisher", "publisher"),
    slot("location", "authority", only="patent"),
    slot("location", "publisher-place"),
    slot("organization", "authority"),
    slot("venue", "event-place"),
    slot("eventdate", "event-date", form="date"),
    slot("origdate", "original-date", form="date"),
    slot("origpublisher", "original-publisher"),
    slot("origlocation", "original-publisher-place"),
    slot("urldate", "accessed", form="date"),
    slot("pubstate", "status"),
    slot("doi", "DOI", form="verbatim"),
    slot("url", "URL", form="verbatim"),
    slot("eprint", "PMID"),
    slot("eprinttype", "PMID", form="pubmed", shares=True),
    slot("issn", "ISSN"), slot("isbn", "ISBN"), slot("langid", "language", form="language"),
    slot("keywords", "keywords", form="keywords"),
    slot("abstract", "abstract"), slot("annotation", "annote"), slot("note", "note"),
    slot("entrysubtype", "type", form="subtype"),
)


BIBLATEX = Dialect(
    BIBLATEX_ENTRY_TYPES, BIBLATEX_SLOTS,
    # Fields biber and biblatex act on (entry keys, options, code): no custom field takes them.
    reserved=frozenset({"crossref", "xref", "xdata", "related", "relatedtype", "ids",
                        "entryset", "execute", "options", "sortkey", "presort"}),
    edited_types={"book": "collection"},
    required={"report": ("type", "techreport"), "thesis": ("type", "phdthesis")},
)


# Entry types no writer produces, as the CSL type they hold.
EXTRA_ENTRY_TYPES = {
    "mastersthesis": "thesis", "inbook": "chapter", "bookinbook": "chapter", "suppbook": "chapter",
    "suppcollection": "chapter", "conference": "paper-conference", "proceedings": "book",
    "mvproceedings": "book", "collection": "book", "mvcollection": "book", "mvbook": "book",
    "reference": "book", "mvreference": "book", "manual": "book", "electronic": "webpage",
    "www": "webpage", "suppperiodical": "article-journal", "misc": "document",
}
# The field that carries the CSL type where the entry type cannot (a webpage is @misc in BibTeX).
CSL_TYPE_FIELD = "csl-type"


def _reversed(types: Mapping[str, str]) -> dict[str, str]:
    reverse: dict[str, str] = {}
    for csl, bib in types.items():
        reverse.setdefault(bib, csl)
    return reverse


_CSL_TYPES = {**EXTRA_ENTRY_TYPES, **_reversed(BIBTEX.entry_types),
              **_reversed(BIBLATEX.entry_types)}


def csl_type_of(entry_type: str, subtype: str = "") -> str:
    """The CSL item type an entry type (with BibLaTeX's ``entrysubtype``) stands for."""
    subtype = subtype.strip().lower()
    if entry_type == "article" and subtype in ("magazine", "newspaper"):
        return "article-" + subtype
    return _CSL_TYPES.get(entry_type.lower(), "document")
