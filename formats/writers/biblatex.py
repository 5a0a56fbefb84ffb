"""BibLaTeX (for biber): the BibTeX writer's entry builder with biblatex's types and fields.

Entry types and fields follow the biblatex manual (§2.1, §2.2): `@online`, `@patent`,
`@dataset`, `@software`, `@thesis` with `type`, ISO `date`, `journaltitle`, `location`, and
the non-standard types (`@standard`, `@legislation`, ...) that the standard styles print as
`@misc`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..record import Record
from ..registry import Options, Writer, WriteStream
from .bibtex import Dialect, slot, write_entries

ENTRY_TYPES = {
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

SLOTS = (
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
    slot("issn", "ISSN"), slot("isbn", "ISBN"), slot("language", "language"),
    slot("keywords", "keywords", form="keywords"),
    slot("abstract", "abstract"), slot("annotation", "annote"), slot("note", "note"),
    slot("entrysubtype", "type", form="subtype"),
)


def _subtype(record: Record, _source: str) -> str:
    return SUBTYPES.get(record.type, "")


def _pubmed(record: Record, variable: str) -> str:
    return "pubmed" if record.get(variable).strip() else ""


BIBLATEX = Dialect(
    ENTRY_TYPES, SLOTS, forms={"subtype": _subtype, "pubmed": _pubmed},
    # Fields biber and biblatex act on (entry keys, options, code): no custom field takes them.
    reserved=frozenset({"crossref", "xref", "xdata", "related", "relatedtype", "ids",
                        "entryset", "execute", "options", "sortkey", "presort"}),
)


def write_biblatex(records: Iterable[Record], options: Options) -> WriteStream:
    """Yield one BibLaTeX entry per record as it arrives."""
    return write_entries(records, BIBLATEX)


WRITER = Writer(name="biblatex", description="BibLaTeX (.bib for biber), UTF-8",
                write=write_biblatex, aliases=("bltx",), suffixes=())
