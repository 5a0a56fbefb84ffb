"""The normalized record: what every reader produces and every writer consumes.

Variables are keyed by their CSL 1.0.2 names (``title``, ``container-title``, ``DOI``, ...) and
typed as CSL types them: plain variables are strings, name variables are lists of `Name`,
date variables are `Date`. Whatever a source holds that CSL has no variable for goes into
`Record.extra` (or, for classification codes, `Record.classifications`) so that nothing read
is ever thrown away; writers carry it in their own extension slot.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ITEM_TYPES = frozenset({
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
})

NAME_VARIABLES = frozenset({
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director", "executive-producer",
    "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author",
    "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator",
    "translator",
})

DATE_VARIABLES = frozenset({
    "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
})

TEXT_VARIABLES = frozenset({
    "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place",
    "authority", "call-number", "chapter-number", "citation-key", "citation-label",
    "collection-number", "collection-title", "container-title", "container-title-short",
    "dimensions", "division", "DOI", "edition", "event-place", "event-title", "genre", "ISBN",
    "ISSN", "issue", "jurisdiction", "language", "license", "locator", "medium", "note",
    "number", "number-of-pages", "number-of-volumes", "original-publisher",
    "original-publisher-place", "original-title", "page", "page-first", "part-number",
    "part-title", "PMCID", "PMID", "printing-number", "publisher", "publisher-place",
    "references", "reviewed-genre", "reviewed-title", "scale", "section", "source", "status",
    "supplement-number", "title", "title-short", "URL", "version", "volume", "volume-title",
    "year-suffix",
})

# Labels for the extension data readers keep; a key not listed here is shown as itself.
EXTRA_LABELS = {
    "times-cited": "Times cited",
    "original-container-title": "Container title as given",
    "funding": "Funding",
    "corresponding-author": "Corresponding author",
    "cn-serial": "CN serial number",
    "translated-title": "Translated title",
    "translated-author": "Translated author",
    "translated-container-title": "Translated container title",
    "translated-keywords": "Translated keywords",
    "translated-abstract": "Translated abstract",
    "assignee": "Assignee",
    "applicant-address": "Applicant address",
    "implementation-date": "Implementation date",
    "claims": "Claims",
    "major": "Major",
    "related-to": "Related to",
    "related": "Related records",
    "related-total": "Related records on the source page",
    "document-type": "Document type",
    "reference": "Reference as given",
}


@dataclass(frozen=True)
class Name:
    """A personal name in CSL's parts, or an organisation's name as `literal`."""

    family: str = ""
    given: str = ""
    dropping_particle: str = ""
    non_dropping_particle: str = ""
    suffix: str = ""
    literal: str = ""
    affiliations: tuple[str, ...] = ()

    def last_name(self) -> str:
        """The family name with any non-dropping particle (``van Gogh``), or the literal."""
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.non_dropping_particle, self.family) if p)

    def inverted(self) -> str:
        """``Last, Given, Suffix`` (``van Gogh, Vincent``), or the literal."""
        if self.literal:
            return self.literal
        given = " ".join(p for p in (self.given, self.dropping_particle) if p)
        return ", ".join(p for p in (self.last_name(), given, self.suffix) if p)


# BibTeX's "and others", pandoc's {"literal": "others"}: the name list goes on unnamed.
ET_AL = Name(literal="others")


@dataclass(frozen=True)
class Date:
    """A CSL date: year, month, day as far as known, an optional range end, or a literal."""

    parts: tuple[int, ...] = ()
    end: tuple[int, ...] = ()
    season: str = ""
    circa: bool = False
    literal: str = ""

    @property
    def year(self) -> int | None:
        return self.parts[0] if self.parts else None

    def iso(self) -> str:
        """``2025``, ``2025-03`` or ``2025-03-07`` (with ``/end`` for ranges); else the literal."""
        if not self.parts:
            return self.literal
        text = "-".join(f"{n:04d}" if i == 0 else f"{n:02d}" for i, n in enumerate(self.parts))
        if self.end:
            text += "/" + "-".join(
                f"{n:04d}" if i == 0 else f"{n:02d}" for i, n in enumerate(self.end))
        return text


@dataclass(frozen=True)
class Classification:
    """A subject code in a classification scheme, with the class name where the source gives it.

    ``Classification("CLC", "R-3", "医学研究方法")`` is the Chinese Library Classification code
    R-3, "methods of medical research".
    """

    scheme: str
    code: str
    label: str = ""

    def __str__(self) -> str:
        return f"{self.code} [{self.label}]" if self.label else self.code


# Long names of the classification schemes readers produce, for labels in notes.
SCHEME_LABELS = {
    "CLC": "CLC",
    "discipline": "Discipline code",
}


@dataclass(frozen=True)
class Origin:
    """Where a record starts: file (or ``<stdin>``) and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Record:
    """One bibliographic item, keyed by CSL variable names."""

    type: str = "article"
    fields: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[Name]] = field(default_factory=dict)
    dates: dict[str, Date] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    classifications: list[Classification] = field(default_factory=list)
    extra: dict[str, list[str]] = field(default_factory=dict)
    related: list[Record] = field(default_factory=list)
    origin: Origin | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if self.type not in ITEM_TYPES:
            raise ValueError(f"not a CSL item type: {self.type!r}")
        _check_keys(self.fields, TEXT_VARIABLES, "text")
        _check_keys(self.names, NAME_VARIABLES, "name")
        _check_keys(self.dates, DATE_VARIABLES, "date")

    def get(self, variable: str) -> str:
        """A text variable's value, or "" when the record has none."""
        return self.fields.get(variable, "")

    @property
    def authors(self) -> list[Name]:
        return self.names.get("author", [])

    @property
    def year(self) -> int | None:
        issued = self.dates.get("issued")
        return issued.year if issued else None

    def add_extra(self, key: str, *values: str) -> None:
        """Keep values that have no CSL variable, under `key`, in reading order."""
        kept = [v for v in values if v]
        if kept:
            self.extra.setdefault(key, []).extend(kept)

    def affiliations(self) -> list[tuple[str, list[Name]]]:
        """Each affiliation with the authors linked to it, in first-seen order.

        Affiliations no author is linked to (kept in ``extra["unlinked-affiliation"]``) come
        last, with no authors.
        """
        groups: dict[str, list[Name]] = {}
        for name in self.authors:
            for affiliation in name.affiliations:
                groups.setdefault(affiliation, []).append(name)
        for affiliation in self.extra.get("unlinked-affiliation", []):
            groups.setdefault(affiliation, [])
        return list(groups.items())

    def extension_fields(self) -> list[tuple[str, str, str]]:
        """What no CSL variable holds, as ``(key, label, value)`` for a writer's extension slot.

        Covers `extra` (except unlinked affiliations, which `affiliations` already lists) and
        `classifications`, one entry per key or scheme with values joined by ``"; "``.
        """
        entries = [
            (key, EXTRA_LABELS.get(key, key), "; ".join(values))
            for key, values in self.extra.items()
            if key != "unlinked-affiliation"
        ]
        schemes: dict[str, list[str]] = {}
        for item in self.classifications:
            schemes.setdefault(item.scheme, []).append(str(item))
        entries += [
            (scheme.lower(), SCHEME_LABELS.get(scheme, scheme), "; ".join(codes))
            for scheme, codes in schemes.items()
        ]
        return entries

    def describe(self) -> str:
        """A short label for messages: the citation key, else the start of the title."""
        if self.id:
            return self.id
        title = self.get("title")
        return repr(title[:40] + ("…" if len(title) > 40 else "")) if title else "untitled record"


def _check_keys(mapping: dict, allowed: frozenset[str], kind: str) -> None:
    unknown = set(mapping) - allowed
    if unknown:
        raise ValueError(f"not CSL {kind} variables: {', '.join(sorted(unknown))}")
