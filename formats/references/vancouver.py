"""Vancouver references (NLM's Citing Medicine, ICMJE, and the AMA-like variants), as the
grammar reads them.

A reference is a run of sentences, each ending in a full stop:

    journal    Authors. Title. Journal [Internet]. 2010 Nov 19 [cited ...];87(22):60-1.
    book       Authors. Title [Internet]. 2nd ed. Secondary authors, editor. Place:
               Publisher; 2007 [cited ...]. 194 p. (Series; no. 5). Available from: URL
    chapter    Authors. Title. In: Editors, editors. Book. 2nd ed. Place: Publisher; 1995.
               p. 465-78.
    conference Authors. Title. In: Editors, editors. Proceedings; 1992 Sep 6-10; Geneva,
               Switzerland. Place: Publisher; 1992. p. 1561-5.
    newspaper  Authors. Title. Newspaper. 2019 Sep 9:16.
    thesis     Author. Title [dissertation]. Place: University; Year.

Scandinavian lists word the same elements their own way — ``I:`` for ``In:``, ``red.`` for
editors, ``2. utg.``, ``768 s.``, ``s. 229-332``, ``[Internett]``, ``[hentet 8. november
2020]``, ``Tilgjengelig fra:`` — and are read alike.

Authors are ``Family INITIALS`` without periods, comma-separated, closed by ``et al.``, or an
organisation; ``, editors`` makes them editors and ``Patrias K, author; Wendling D, editor``
gives both roles. Bracketed notes (``[Internet]``, ``[dissertation]``, ``[cited 2025 Jul
10]``, ``[updated ...]``) stand after the title or the date. The journal is the sentence before
the ``date;volume(issue):pages`` sentence; everything between the authors and the journal is
the title (it may itself hold a full stop). AMA's ``Accessed August 12, 2022.`` and ``Paper
presented at: Conference; dates; place.`` are read too.
"""

from __future__ import annotations

import re

from ..numbers import normalise_pages as pages
from .common import Candidate, Grammar, Reference, take_identifiers, tidy
from .pieces import is_foreign, sentences, span_date, stops
from .vancouver_names import authors_and_title, people
from .vancouver_parts import (
    DATE,
    GENRES,
    IN_HOST,
    PRESENTED,
    YEAR,
    is_publication,
    issued,
    marked_sentence,
    part_of_host,
    whole,
)

# ``Journal. 2010 Nov 19;87(22):60-1``, and Elsevier's ``Journal 1983:29-46`` (a year, no
# volume) or, ending the reference, ``Journal 1969``.
_JOURNAL_TAIL = re.compile(
    r"^(?:(?P<journal>.+?[^,;:])\.?\s+)?(?:(?P<date>" + DATE + r")\s*;\s*(?P<volume>[^():;]*?)"
    r"\s*(?:\((?P<issue>[^()]*)\))?\s*(?::\s*(?P<page>.+?))?"
    r"|(?P<year>" + YEAR + r"|undated|n\.d\.)\s*(?::\s*(?P<pages>[\w–-]+|\[[^\]]*\])"
    r"|(?P<bare>)))$")
_FULL_DATE = (YEAR + r"\s+[A-Za-z]{3,9}\.?\s+\d{1,2}|[A-Za-z]{3,9}\.?\s+\d{1,2},\s*" + YEAR)
# ``2019 Sep 9:16``, ``2016 Oct 2:25 (col. 2)``, ``2019 Feb 19:[about 3 p.]`` (an extent).
_NEWSPAPER_TAIL = re.compile(r"^(?P<date>" + DATE + r")\s*:\s*(?:(?P<page>[A-Z]?\d[\w-]*)"
                             r"(?:\s*\(col\.\s*\d+\))?|\[about [^\]]*\])$"
                             r"|^(?P<day>" + _FULL_DATE + r")$")
# ``medRxiv 2020.03.24.20042937``: a preprint server and the preprint's number.
_PREPRINT = re.compile(r"^(?P<server>\w*[Rr][Xx]iv|SSRN|Research Square|Preprints)\s+"
                       r"(?P<number>\d[\w.]*)$")
# ``2. utg.`` (a Scandinavian edition), ``26. september 2018`` (a day before its month): the
# full stop after the number ends no sentence.
_ORDINAL_STOP = re.compile(r"\b(?P<number>\d{1,2})\.\s+(?=(?:utg|uppl|udg|opl|Aufl)\.|"
                           r"(?:jan|feb|mar|apr|mai|maj|jun|jul|aug|sep|okt|oct|nov|des|dec)"
                           r"[a-z]*\.?\s+(?:1[5-9]|20)\d\d)", re.IGNORECASE)
# A second sentence that shows the first was no Vancouver author list: a lone initial
# (``Salinger, J. D.``) or APA's and Harvard's ``(2015)``.
_FOREIGN_START = re.compile(r"^(?:[A-Z](?:$|[,.])|\((?:n\.\s?d|\d{4})|[“\"‘])")
# What every Vancouver reference shows somewhere: a first author ``Family II``, a journal's
# ``2010;87``, a book's ``Publisher; 2007``, or a bracketed ``[Internet]``/``[cited``.
_SIGNATURE = re.compile(r"^[^.,;:]{1,60}\s[A-Z]{1,4}[,.]\s|\d\s*;\s*\d|;\s*c?(?:1[5-9]|20)\d\d"
                        r"|\[(?:Internet|cited|updated|dissertation)"
                        r"|(?:1[5-9]|20)\d\d\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*:\s*[A-Z]?\d",
                        re.IGNORECASE)  # the last: a newspaper's ``2019 Sep 9:16``
# Chicago's ``(Wheeling, IL: Harland Davidson, 1998)``: a publication in parentheses.
_FOREIGN_MARKS = re.compile(r"\([^()]{2,80}:\s*[^()]{2,80},\s*(?:1[5-9]|20)\d\d\)")
# A bracketed note; a colon after it (``Title [Internet]: Publisher; 2015``) is kept apart.
_BRACKET = re.compile(r"\s*\[(?P<note>[^\]\[]{1,80})\](?P<colon>\s*:(?!//))?")
# The dates in notes, English and Scandinavian (``[oppdatert 24. okt 2019; hentet 1. jan
# 2020]``, ``[citerad 2020 maj 3]``).
_NOTE_DATE = re.compile(r"\b(?P<kind>cited|accessed|updated|modified|revised|hentet|lest|"
                        r"oppdatert|citerad|hämtad|uppdaterad|citeret|opdateret|besøgt)\s*:?\s*"
                        r"(?P<date>[^;\]]+)", re.IGNORECASE)
_CITED = ("cited", "accessed", "hentet", "lest", "citerad", "hämtad", "citeret", "besøgt")
_ACCESSED_SENTENCE = re.compile(r"\b(?:Accessed|Cited|Updated)\s+(?P<date>[A-Za-z0-9 ,]{6,30}?)"
                                r"(?=\.\s|\.?$)")
_AVAILABLE = re.compile(r"\b(?:Available(?:\s+(?:from|at|online))?|Tilgjengelig\s+fra|"
                        r"Tillgänglig\s+(?:från|via)|Tilgængelig\s+(?:fra|på))\s*:?(?=\s*$|\s*\.)|"
                        r"\bEpub\s+" + YEAR + r"[^.]*\.?", re.IGNORECASE)
_NOT_STOPS = frozenset("p pp s No no Vol vol Suppl Sect col ch Chap e.g i.e vs St Dr Mr Ms Jr "
                       "Sr Inc Ltd Co Univ Dept Cat".split())
# ``150 p. Report No.: CVD 40`` (``768 s.`` in Scandinavian lists): the page count ends its
# sentence though ``p.`` starts pages.
_PAGE_COUNT_STOP = re.compile(r"(?<=\d [ps])\.\s+(?=[A-Z])")
# ``What Is It Good For?Child Dev Perspect``: a question mark without its space.
_CLOSED_QUESTION = re.compile(r"(?<=[a-z][?!])(?=[A-Z][a-z])")
# A genre note closing a short sentence of its own: ``Title. PhD [dissertation].``
_SENTENCE_GENRE = re.compile(r"(?<=\.\s)(?P<words>[^.\[\]]{1,40}?)\s*\[(?P<note>[^\]\[]{1,80})\]"
                             r"(?=\.|$)")
_MEDIA = ("internet", "internett", "e-book", "ebook", "cd-rom", "dvd", "dvd-rom", "microfiche",
          "online", "database on the internet", "monograph on the internet",
          "homepage on the internet", "video", "audio", "podcast", "computer program")


def parse(reference: Reference) -> Candidate | None:
    """A Vancouver reference: authors, title, then a journal, book, chapter or other tail."""
    text = reference.text
    if is_foreign(text) or "“" in text[:150] or not _SIGNATURE.search(text):
        return None
    candidate = Candidate("vancouver", "article-journal")
    text = _take_notes(take_identifiers(_CLOSED_QUESTION.sub(" ", text), candidate), candidate)
    text = _ORDINAL_STOP.sub(r"\g<number> ", _take_accessed(text, candidate))
    text = re.sub(r"\.(?:\s*\.)+", ".", text)  # ``bil. [Internett]. Oslo``: the note gone
    found = [piece for sentence in sentences(text, _NOT_STOPS)
             for piece in _PAGE_COUNT_STOP.split(sentence)]
    if len(found) < 2 or _FOREIGN_MARKS.search(text) or any(
            _FOREIGN_START.match(s) for s in found[1:3]):
        return None
    if "," in found[0] and not people(found[0], Candidate("vancouver", "")):
        return None  # a first sentence with commas must be the author list
    host = next((i for i, s in enumerate(found) if i >= 2 and IN_HOST.match(s)), None)
    if host is not None:
        part_of_host(found, host, candidate)
    elif any(PRESENTED.match(s) for s in found) or not _journal(found, candidate):
        whole(found, candidate)
    if candidate.evidence < 0.5 or not ("title" in candidate.fields or candidate.names):
        return None  # none of Vancouver's own marks
    return candidate


# -- notes, access dates and sentences


def _take_notes(text: str, candidate: Candidate) -> str:
    """Bracketed notes out of the text: the medium, a thesis's kind, the dates cited and
    updated."""
    def note(match: re.Match) -> str:
        content = match["note"].strip()
        lowered = content.lower()
        colon = ":" if match["colon"] else ""
        online = re.match(r"^(?P<genre>.+?)\s+on the internet$", lowered)
        if online and GENRES.match(online["genre"]):  # ``[PhD thesis on the Internet]``
            candidate.set("genre", content[:len(online["genre"])])
            candidate.set("medium", content[-len("internet"):])
            candidate.type = "thesis"
            candidate.evidence += 0.5
            return colon
        if lowered in _MEDIA or lowered.endswith("on the internet"):
            candidate.set("medium", content)
            candidate.evidence += 0.5
            return ". " if colon else ""  # the title ends at the medium, the publisher follows
        if GENRES.match(content):
            candidate.set("genre", content)
            candidate.type = "thesis"
            return colon
        if lowered == "preprint":
            candidate.evidence += 0.25
            return colon
        dated = {m["kind"].lower(): m["date"] for m in _NOTE_DATE.finditer(content)}
        if dated:
            cited = next((dated[k] for k in _CITED if k in dated), None)
            date = span_date(cited) if cited else None
            if date:
                candidate.dates["accessed"] = date
            candidate.evidence += 0.5
            return colon
        return match.group()
    return _BRACKET.sub(note, _take_sentence_genre(text, candidate))


def _take_sentence_genre(text: str, candidate: Candidate) -> str:
    """A thesis's kind printed as a sentence after the authors' and the title's, the note
    closing it (``Title. PhD [dissertation].``, ``Title. Biomedical Science, Honours
    [thesis].``): the words and the note together."""
    for match in _SENTENCE_GENRE.finditer(text):
        before = list(stops(text[:match.start()] + "x", _NOT_STOPS))
        if GENRES.match(match["note"]) and len(before) >= 2:
            candidate.set("genre", f"{match['words'].strip()} {match['note'].strip()}")
            candidate.type = "thesis"
            return text[:match.start()] + text[match.end():]
    return text


def _take_accessed(text: str, candidate: Candidate) -> str:
    """AMA's ``Accessed August 12, 2022.`` sentence and ``Available from:`` labels."""
    match = _ACCESSED_SENTENCE.search(text)
    if match and "accessed" not in candidate.dates:
        date = span_date(match["date"])
        if date:
            candidate.dates["accessed"] = date
            text = text[:match.start()] + text[match.end():]
    return tidy(_AVAILABLE.sub("", text))


# -- journal articles and newspapers


def _journal(sentences: list[str], candidate: Candidate) -> bool:
    """``... Journal. 2010 Nov 19;87(22):60-1``, Elsevier's ``Journal 1983:29-46`` (no
    volume), or a newspaper's ``2019 Sep 9:16``."""
    for index in range(1, len(sentences)):
        tail = _JOURNAL_TAIL.match(sentences[index])
        if tail and tail["bare"] is not None and not (
                tail["journal"] and 2 <= index == len(sentences) - 1):
            tail = None  # ``Journal 1969`` only as the last sentence, after a title
        if tail and tail["bare"] is not None and ";" in (tail["journal"] or ""):
            tail = None  # ``Oslo: Publisher; 26 september 2018``: a publication
        if tail and tail["year"] and any(is_publication(s) for s in sentences[1:index]):
            tail = None  # ``Place: Publisher; 2016. NIBR-rapport 2016:14``: a book's or
            # report's sentences, no journal's
        newspaper = None if tail else _NEWSPAPER_TAIL.match(sentences[index])
        if tail or newspaper:
            break
    else:
        return False
    match = tail or newspaper
    before = sentences[:index]
    journal = tail["journal"] if tail and tail["journal"] else None
    if journal is None:
        if len(before) < 2:
            return False
        journal = before.pop()
    elif len(before) < 2 and tail and tail["year"]:  # ``Authors. Title 2011:23-51``: a part
        # whose host is not given
        before.append(journal)
        journal = ""
    authors_and_title(before, candidate)
    preprint = _PREPRINT.match(journal)
    if preprint:
        journal = preprint["server"]
        candidate.set("number", preprint["number"])
    candidate.set("container-title", journal)
    issued(candidate, (tail["date"] or tail["year"]) if tail else match["date"] or match["day"])
    page = (match["page"] or (tail["pages"] if tail else "") or "").rstrip(".")
    article = re.match(r"^Article\s+(?P<number>\S+)$", page)
    if article:  # ``202: Article 108719``: an article number, printed as such
        candidate.set("number", article["number"])
    elif not page.startswith("["):  # ``[about 1 p.]``: the extent, not the pages
        candidate.set("page", pages(page))
    _journal_kind(candidate, tail)
    if preprint:
        candidate.type = "article"
    _trailing(sentences[index + 1:], candidate)
    return True


def _journal_kind(candidate: Candidate, tail: re.Match | None) -> None:
    """The type the journal sentence tells: an article, a newspaper's, or a part of a book
    not named; its volume and issue."""
    if tail is None:
        candidate.type = "article-newspaper"
        candidate.evidence += 0.5 if "page" in candidate.fields else 0.0  # ``2019 Sep 9:16``
        return
    candidate.type = "article-journal" if "container-title" in candidate.fields else "chapter"
    candidate.set("volume", tail["volume"] or "")
    candidate.set("issue", tail["issue"] or "")
    candidate.evidence += 1.0 if tail["volume"] is not None else 0.5
    if candidate.fields.get("volume", "").startswith("Sect"):
        candidate.type = "article-newspaper"  # ``2002 Aug 12;Sect. A:2``
        candidate.fields.pop("volume")
        candidate.fields["page"] = re.sub(r"\s*\(col\.[^)]*\)$", "", candidate.fields["page"])


def _trailing(sentences: list[str], candidate: Candidate) -> None:
    """Sentences after the source: notes such as ``Review`` are left; PMIDs and DOIs were
    taken before."""
    for sentence in sentences:
        marked_sentence(sentence, candidate)
    candidate.fields.pop("chapter-title", None)  # a chapter's name after a journal: no part


GRAMMAR = Grammar("vancouver", "Vancouver / NLM", parse)
