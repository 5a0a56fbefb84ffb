"""Web of Science cited references: the CR lines of a WoS export, as the grammar reads them.

A cited reference is a comma-separated run of fields, each with its own mark:

    Alexander GM, 2002, EVOL HUM BEHAV, V23, P467, DOI 10.1016/S1090-5138(02)00107-1
    author        year  source         volume page  DOI

- the author is the first author only, ``FAMILY INITIALS`` (``VAN RIJSBERGEN C. J.``,
  ``Sung J.H.``), a full name (``Kaiming He``), an organisation (``UNISDR``, ``*AV``) or
  ``[Anonymous]``;
- the source is WoS's abbreviated journal, proceedings or book title (``J ECOL``,
  ``LECT NOTES COMPUT SC``, ``INFORM RETRIEVAL``); a thesis reads ``THESIS U MISSISSIPPI``;
- ``V…`` is the volume (``VB43``), ``P…`` or ``p…`` the first page (``pR621``), ``ARTN …``
  an article number;
- the DOI follows ``DOI`` (``DOI DOI 10.x/...`` in older records), or a list
  ``DOI [10.x/a, DOI 10.x/b]`` of the variants WoS holds; the first plain one is kept.

``[Anonymous]`` may stand without a year (``[Anonymous], P INT PICT COD S``), and ``Arxiv``
(or another preprint server) is the source of a preprint. Without volume and page the source
may be a book's title; the type then follows from the
source's words (proceedings, thesis, software) and from the author (organisations publish
reports).
"""

from __future__ import annotations

import re

from ..names import ORGANISATION_WORDS
from ..record import Date, Name
from .common import Candidate, Grammar, Reference

_FIELDS = re.compile(r"\s*,\s*")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_VOLUME = re.compile(r"^V(?P<value>[A-Z]{0,3}\d[\w.()/-]*|[A-Z]{1,3}\d*)$")
_PAGE = re.compile(r"^[Pp](?P<value>[A-Z]{0,3}\d[\w.+/-]*|[A-Z]{1,2}\d*)$")
_ARTICLE_NUMBER = re.compile(r"^(?:ARTN|UNSP)\s+(?P<value>\S+)$")
_PII = re.compile(r"^PII\s+(?P<value>\S+)$")
_DOI_TAIL = re.compile(r",\s*DOI\s+(?P<dois>\[[^\]]*\]?|.+)$")
_ONE_DOI = re.compile(r"^(?:DOI\s+)*(?P<doi>10\.\d{3,9}/\S+)$")
_THESIS = re.compile(r"^(?P<genre>THESIS|DISSERTATION|PHD THESIS|THESIS PHD)\b\s*(?P<school>.*)$",
                     re.IGNORECASE)
_PREPRINT = re.compile(r"^(?:ARXIV|BIORXIV|MEDRXIV|CHEMRXIV|PSYARXIV|SSRN|RESEARCH SQUARE|"
                       r"PREPRINTS)(?:\s+PREPRINT)?$", re.IGNORECASE)
# Words of abbreviated source titles that name a proceedings volume.
_CONFERENCE = re.compile(
    r"\b(?:PROC|PROCEEDINGS|CONF|CONFERENCE|SYMP|SYMPOSIUM|WORKSH|WORKSHOP|CONGR|CONGRESS|"
    r"MEETING|LECT NOTES|ADV NEUR|ADV NEURAL INFORM|INT C|ANN M|IEEE INT|IEEE I|INTERSPEECH|CON)\b"
    r"|^(?:P\s+)?(?:19|20)\d\d\s", re.IGNORECASE)
# ``IEEE INT C``, ``P PHOT SPEC C``: a proceedings' closing C; a journal's (``SOL ENERG MAT SOL
# C``) comes with its volume.
_CONFERENCE_END = re.compile(r"\b(?:C|S)$")
_JOURNAL_PROCEEDINGS = re.compile(r"^P (?:IEEE|NATL|ROY|AM|CAMB|JPN|I MECH|INDIAN)\b|.*\bJ\b")
_SOFTWARE = re.compile(r"\b(?:SOFTW|SOFTWARE|SOF|SOURC|PACKAGE|PROGR|STAT REL|VERSION)\b",
                       re.IGNORECASE)
# Leading words of abbreviated journal titles.
_JOURNAL = re.compile(r"^(?:REV|ANN|ANNU|ACTA|ARCH|BULL|BRIT|AM|EUR|TRANS|IEEE T|NAT|PHYS|CHEM|"
                      r"PROG|CURR|APPL|CLIN|B|P|Z)\b|\bJ\b|\bLETT\b|\s[A-D]$")
# Abbreviated journal titles drop articles, prepositions and conjunctions (ISO 4); a book's
# title keeps them: ``RESPIRATION AND EMOTION, P43`` is a part of a book.
_FUNCTION_WORD = re.compile(r"\b(?:AND|OF|THE|IN|FOR|ON|TO|WITH)\b")
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?$", re.IGNORECASE)
# IEEE and ACM proceedings DOIs carry the conference's acronym and year.
_CONFERENCE_DOI = re.compile(r"/[A-Z][A-Z0-9-]{2,}\.(?:19|20)\d\d\.")
_INITIALS = re.compile(r"^(?:[A-Z]{1,4}\.?|(?:[A-Z][a-z]?\.-?)+)$")
_CHAPTER_DOI = re.compile(r"(?:/978-|\.ch\d|_\d+$)", re.IGNORECASE)
# A full stop before a word: a sentence (a title), never in a CR line's author.
_SENTENCE = re.compile(r"[A-Za-z]{2,}\.\s+[A-Za-z]{2,}")
_PERSON_WORD = re.compile(r"^[A-Z][a-z'’-]+$")
_MARKS = ((_VOLUME, "volume"), (_PAGE, "page"), (_ARTICLE_NUMBER, "number"), (_PII, ""))
_PARTICLES = frozenset("van von de der den del della da di du dos das la le ten ter".split())


def parse(reference: Reference) -> Candidate | None:
    """A WoS cited reference: ``Author, Year, Source, V…, P…, DOI …``."""
    text = reference.text
    if reference.label and text.startswith(","):
        text = f"[{reference.label}]{text}"  # ``[Anonymous], 2010, ...`` read as a list label
    if len(text) > 600 or "," not in text or '"' in text or "“" in text:
        return None
    candidate = Candidate("wos", "article-journal")
    fields = [f for f in _FIELDS.split(_take_doi(text, candidate).strip().rstrip(".")) if f]
    if len(fields) < 2:
        return None
    author, fields = ("", fields) if _YEAR.match(fields[0]) else (fields[0], fields[1:])
    if fields and _YEAR.match(fields[0]):
        candidate.dates["issued"] = Date((int(fields.pop(0)),))
    source, marked = _take_numbers(fields, candidate)
    anonymous = author.startswith("[") and author.endswith("]")
    if "issued" not in candidate.dates and not marked and not (anonymous and source):
        return None  # ``[Anonymous], P INT PICT COD S``: WoS's own author mark, no year
    # The bare year after the author and the V/P marks are the CR line's own shape.
    dated = "issued" in candidate.dates
    candidate.evidence += 2.0 if dated and source and marked else 1.0 if dated else 0.5
    if author:  # ``1997, UDANA INSPIRED UTTER``: no author
        name = _author(author, verbatim=source != source.upper())
        if name is None:
            return None
        candidate.names["author"] = [name]
    _source(source, candidate)
    return candidate


def _take_doi(text: str, candidate: Candidate) -> str:
    match = _DOI_TAIL.search(text)
    if not match:
        return text
    variants = [v.strip() for v in match["dois"].strip("[]").split(",")]
    pairs = [(m["doi"], v) for v in variants if (m := _ONE_DOI.match(v))]
    dois = [doi for doi, _ in pairs]
    plain = [doi for doi, v in pairs if not v.upper().startswith("DOI")]
    if dois:
        kept = (plain or dois)[0]
        candidate.set("DOI", kept)
        candidate.skipped = " ".join(v for v in variants if not v.endswith(kept))
    return text[:match.start()]


def _take_numbers(fields: list[str], candidate: Candidate) -> tuple[str, int]:
    """The source (the fields before the first mark) and how many marks (volume, page,
    article number) followed it."""
    source: list[str] = []
    marked = 0
    for field in fields:
        for pattern, variable in _MARKS:
            match = pattern.match(field)
            if match and (not variable or variable not in candidate.fields):
                if variable:
                    candidate.set(variable, match["value"])
                marked += 1
                break
        else:
            if not marked:
                source.append(field)
    return ", ".join(source), marked


def _author(text: str, verbatim: bool = False) -> Name | None:
    """The first author. WoS writes ``FAMILY GIVEN``; a record whose source WoS kept as cited
    (`verbatim`: mixed case, not its upper-case abbreviation) may keep the citing paper's
    ``Given Family`` (``Kaiming He``)."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        return Name(literal=text[1:-1].strip())
    text = text.lstrip("*").strip()
    if not text or len(text) > 120 or re.search(r"\d{3}", text) or _SENTENCE.search(text):
        return None
    words = text.split()
    if len(words) == 1:
        return Name(family=text) if _PERSON_WORD.match(text) else Name(literal=text)
    if _is_organisation(words):
        return Name(literal=text)
    suffix = next((w for w in words[1:] if _SUFFIX.match(w)), "")
    if suffix:  # ``Gallup Jr G. G.``
        words = [w for w in words if w != suffix]
    cut = len(words)
    while cut > 1 and _INITIALS.match(words[cut - 1]):
        cut -= 1
    if cut == len(words):
        persons = all(_PERSON_WORD.match(w.rstrip(".")) for w in words)
        if len(words) == 2 and persons:  # ``Liu Xiaoming.``, ``Kaiming He``
            family, given = (words[1], words[0]) if verbatim else (words[0], words[1])
            return Name(family=family, given=given, suffix=suffix.rstrip("."))
        if len(words) == 3 and persons and words[0].lower() not in _PARTICLES:
            # ``Mazinani Mohammad Reza``: the family name, then the full given names
            return Name(family=words[0], given=" ".join(words[1:]), suffix=suffix.rstrip("."))
        return Name(literal=text)
    # ``Connelly Elizabeth B.``, ``Solloway Sharon G``: a full given name before a middle
    # initial (dotted, or in a record kept as cited).
    if cut == 2 and ("." in words[-1] or verbatim) and _PERSON_WORD.match(words[1]) \
            and words[0].lower() not in _PARTICLES:
        cut = 1
    return Name(family=" ".join(words[:cut]), given=" ".join(words[cut:]),
                suffix=suffix.rstrip("."))


def _is_organisation(words: list[str]) -> bool:
    lowered = {w.strip(".,()&").lower() for w in words}
    return bool(lowered & ORGANISATION_WORDS) or len(words) > 4 or "." in words[0][:-1]


def _source(source: str, candidate: Candidate) -> None:
    """The source field and the type it tells, given what else the reference holds."""
    if _PREPRINT.match(source):  # ``Arxiv``: a preprint server
        candidate.type = "article"
        candidate.set("container-title", source)
        return
    thesis = _THESIS.match(source)
    if thesis:
        candidate.type = "thesis"
        candidate.set("genre", thesis["genre"])
        candidate.set("publisher", thesis["school"])
        candidate.evidence = min(candidate.evidence + 0.5, 2.0)
        return
    numbered = any(v in candidate.fields for v in ("volume", "page", "number"))
    volume = "volume" in candidate.fields
    doi = candidate.fields.get("DOI", "")
    authors = candidate.names.get("author")
    person = bool(authors) and not authors[0].literal
    conference = _CONFERENCE.search(source) or (not volume and _CONFERENCE_END.search(source))
    if (conference and not _JOURNAL_PROCEEDINGS.match(source)) or (
            not volume and _CONFERENCE_DOI.search(doi)):
        candidate.type = "paper-conference"
    elif numbered and not volume and (_CHAPTER_DOI.search(doi) or _FUNCTION_WORD.search(source)):
        candidate.type = "chapter"
    elif numbered or _JOURNAL.search(source):
        candidate.type = "article-journal"
    elif _SOFTWARE.search(source):
        candidate.type = "software"
    elif authors and not person and not doi:
        candidate.type = "report"
    else:
        candidate.type = "book"
    variable = "container-title" if candidate.type in (
        "article-journal", "paper-conference", "chapter") else "title"
    candidate.set(variable, source)


GRAMMAR = Grammar("wos", "Web of Science cited reference", parse)
