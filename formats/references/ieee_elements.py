"""What follows the title of an IEEE reference: a comma-separated run of elements, each known by
its mark — ``vol.``, ``no.``, ``pp.``, ``in``, ``Tech. Rep.``, a date, ``Place: Publisher``,
editors closed by ``Eds.`` — and the item type those marks tell.

The first unmarked elements after a quoted title are its journal; after ``in`` they are the
book or proceedings up to its editors (``in Book, Part Two, A. Editor, Ed.``) or, for a
conference, up to its place (``in Proc. X, Seoul, South Korea, 2024``). An ``in`` after an
unquoted title names the book's series (``Title, vol. I. in Series, vol. I.``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..numbers import normalise_pages as pages
from .common import Candidate
from .ieee_names import EDITORS, INITIALS_NAME, editors, name
from .pieces import segments, span_date, stops

ABBREVIATIONS = frozenset("vs St Dr Mr Ms Mt et al no No Jr Sr Vol vol Proc Jan Feb Mar Apr Jun "
                          "Jul Aug Sep Sept Oct Nov Dec".split())
_EDITORS_HERE = "\x00"  # stands where the editors were, between the book and the publisher
_PLACE_PUBLISHER = re.compile(
    r"(?:^|(?<=[.,\x00]\s)|(?<=\.))\s*(?P<place>[A-Z][^:;,\x00]{1,40}"
    r"(?:,\s*[A-Z][^:;,\x00]{1,30}){0,2}):\s*(?P<publisher>[^,:;\x00]+?"
    r"(?:,\s*(?:Inc|Ltd|LLC|Co|Corp)\.?)?)(?=\s*,|\.?\s*$)")
# A journal's numbers: what follows a title with a colon, never a publisher.
_NUMBERS_AFTER = re.compile(r"\s*,\s*(?:vols?|nos?|pp?)\.\s*\d")
_EDITION = re.compile(r"^(?P<edition>\d+(?:st|nd|rd|th)|[A-Z][a-z]+\.?)\s+ed(?:ition)?\.?"
                      r"(?:\s+(?P<publisher>.+))?$")
_SERIES = re.compile(r"\s*\((?P<series>[^()]+?)(?:,?\s*(?:no\.|vol\.)?\s*(?P<number>\d+)|"
                     r"(?<=Series)|(?<=Ser\.)|(?<=Notes))\)$")
_STANDARD = re.compile(r"^(?:ANSI/)?(?:IEEE|ISO|IEC|ETSI|ANSI|ITU-[TR]|BS|DIN|EN|NIST|ASTM|"
                       r"IETF|RFC|JIS|GB)\b[/ \w]*?(?:Std\.?|Standard|TR|TS|EN|Rec\.|RFC)?"
                       r"[\s-]*[A-Z]*[\s.-]?\d[\w.:/()-]*$")
# ``NERC Reliability Standard BAL-003-0.1b``: an issuer's words before ``Standard`` and its code.
_NAMED_STANDARD = re.compile(r"^(?:[A-Z][\w/&-]*\s+){1,3}(?:Std\.?|Standard)\s+[A-Z]*[\s.-]?\d"
                             r"[\w.:/()-]*$")
# ``Art. no. 102753`` stays whole: its ``no.`` follows ``Art.``, no sentence end.
_MARK_AFTER_STOP = re.compile(r"(?<=\.)(?<!\bArt\.)\s+"
                              r"(?=(?:vol|no|pp|Art)\.\s*\d|in\s|\d+\s*\(\d+\)(?:,|$))")
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}"
# ``Nov. 4`` (a month's day, kept with the year after it); ``Rep. 1`` is no month.
_BARE_CODE = re.compile(r"^\d+(?:\.\d+)+[a-z]?$")
_STANDARD_TITLE = re.compile(r"^(?:IEEE|ISO|IEC|ANSI)\s+(?:Standard|Std\.?|Guide|Recommended "
                             r"Practice)\s+(?:for|on)\b")
_MONTH_DAY = re.compile(r"^" + _MONTH_NAME + r"\.?\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?$")
_MORE_PAGES = re.compile(r"^[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?$")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_CONFERENCE = re.compile(r"\b(?:Proc|Proceedings|Conf|Conference|Symp|Symposium|Workshop|"
                         r"Meeting|Congress|Colloq|Convention|Summit)\b", re.IGNORECASE)
_STATE = re.compile(r"^(?:[A-Z]{2}|[A-Z][a-z]+|[A-Z]\.[A-Z]\.|USA|U\.K\.|UK|[A-Z][a-z]+"
                    r"(?:\s+[A-Z][a-z]+){0,2})$")
_PLACE = re.compile(r"^(?:[A-Z][\w'’\u00C0-\u024F-]+(?:\s+[A-Z][\w'’\u00C0-\u024F-]+){0,2}|"
                    r"[A-Z]\.\s?[A-Z]\.|U\.S\.A\.)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&'-]{2,}$")
_CODE_HOST = re.compile(r"git(?:hub|lab)|sourceforge|bitbucket|zenodo|cran|pypi",
                        re.IGNORECASE)
_COUNTRY_CODES = frozenset({"USA", "UAE", "PRC", "ROC"})
_WORDED_MARKS = frozenset({"vol", "no", "pp", "in", "art"})
_SCHOOL = re.compile(r"\bUniv|\bUni\b|\bInst|\bCollege|\bSchool")


def read(rest: str, candidate: Candidate, quoted: bool) -> None:
    """The elements of `rest` (the reference after its title) into `candidate`, and its
    type; `quoted` says whether the title was quoted (a part of a whole)."""
    rest = _take_editors(rest, candidate)
    rest = _take_place_publisher(rest, candidate)
    elements: list[tuple[str, str]] = []  # (mark, segment); the mark "" for a plain one
    for segment in _segments(rest):
        previous = elements[-1][0] if elements else ""
        if previous == "pp" and _MORE_PAGES.match(segment) and not _YEAR.match(segment):
            candidate.set("page", candidate.fields["page"] + ", " + pages(segment))
            continue
        elements.append((_marked(segment, candidate), segment))
    _type_and_rest(candidate, quoted, elements)


def _marked(segment: str, candidate: Candidate) -> str:
    """The mark `segment` carries (its value set in `candidate`), or "" for a plain one."""
    if segment == _EDITORS_HERE:
        return "editors"
    for pattern, handler in _MARKED:
        match = pattern.match(segment)
        if match:
            mark = handler(match, candidate)
            if mark in _WORDED_MARKS:  # ``vol.``, ``pp.``, ``in``: the style's wording
                candidate.skipped += " " + segment[:match.start(1)]
            return mark
    return ""


def take_series(title: str, candidate: Candidate) -> str:
    """A series in parentheses after a title (``(Applied Math. Series 55)``) into the
    candidate; the title without it."""
    series = _SERIES.search(title)
    if not series or series.start() == 0:
        return title
    candidate.set("collection-title", series["series"])
    if series["number"]:
        candidate.set("collection-number", series["number"])
    return title[:series.start()].rstrip()


def _take_editors(rest: str, candidate: Candidate) -> str:
    match = EDITORS.search(rest)
    if not match:
        return rest
    names, truncated = editors(match)
    candidate.set_names("editor", (names, truncated))
    candidate.skipped += " " + match.group()[match.end("names") - match.start():]
    candidate.skipped += " and others" if truncated else ""
    return rest[:match.start()].rstrip(" ,") + f", {_EDITORS_HERE}, " + rest[match.end():]


def _take_place_publisher(rest: str, candidate: Candidate) -> str:
    match = _PLACE_PUBLISHER.search(rest)
    if not match or _NUMBERS_AFTER.match(rest, match.end()):
        return rest  # ``Transportation Research Part D: Transport and Environment, vol. 32``
    start = match.start("place")
    ends = list(stops(match["place"], ABBREVIATIONS, initials=False))
    if ends:  # the place begins after the sentence before it (``..., Eds. London``)
        start += ends[-1].end()
    candidate.set("publisher-place", rest[start:match.end("place")])
    publisher, after = _publisher_run(match["publisher"], rest[match.end():])
    candidate.set("publisher", publisher)
    candidate.evidence += 0.25
    return rest[:start] + ", " + after


def _publisher_run(publisher: str, after: str) -> tuple[str, str]:
    """The publisher with the unmarked elements after it that come before the date
    (``Arizona State University, Program for Southeast Asian Studies, 2001``), and the rest."""
    following = segments(after)
    run = 1
    while run < len(following) and following[run] and not _is_marked(following[run]):
        run += 1
    if run == 1 or run >= len(following) or not _is_date(following[run]):
        return publisher, after
    return ", ".join([publisher, *following[1:run]]), ", ".join(following[run:])


def _is_marked(segment: str) -> bool:
    return any(pattern.match(segment) for pattern, _ in _MARKED)


def _is_date(segment: str) -> bool:
    return bool(_DATE.match(segment.rstrip(". ")))


def _segments(text: str) -> list[str]:
    """`text` cut at its commas outside parentheses and before marks after a full stop,
    ``Nov. 4`` kept with ``1978`` and ``Inc.`` with its company."""
    pieces = [part for piece in segments(text) for part in _MARK_AFTER_STOP.split(piece)]
    pieces[-1] = pieces[-1].rstrip(". ")
    found: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if found and (_MONTH_DAY.match(found[-1]) and re.match(r"^\d{4}$", piece)
                      or re.match(r"^(?:Inc|Ltd|LLC|Co|Corp)\.?$", piece)):
            found[-1] += ", " + piece
        else:
            found.append(piece)
    return found


# -- the marked elements


def _setter(variable: str, mark: str, group: int | str = 1) -> Handler:
    def handler(match: re.Match, candidate: Candidate) -> str:
        value = match[group] or ""
        candidate.set(variable, pages(value) if variable in ("page", "issue") else value)
        return mark
    return handler


def _container(match: re.Match, candidate: Candidate) -> str:
    container = take_series(match[1].strip(), candidate)
    edited = re.match(r"^(?P<names>.+?),?\s+Eds?\.,?\s+(?P<title>.+)$", container)
    if edited and INITIALS_NAME.match(edited["names"]):
        candidate.names.setdefault("editor", [
            name(n) for n in re.split(r",\s*and\s+|\s+and\s+|,\s*", edited["names"]) if n])
        container = edited["title"]
    candidate.set("container-title", container)
    return "in"


def _report(match: re.Match, candidate: Candidate) -> str:
    candidate.set("genre", match["genre"])
    candidate.set("number", match["number"] or "")
    return "report"


def _edition(match: re.Match, candidate: Candidate) -> str:
    candidate.set("edition", match["edition"])
    candidate.skipped += " ed"
    if match["publisher"] and "publisher" not in candidate.fields:
        candidate.set("publisher", match["publisher"])
    return "edition"


def _date(match: re.Match, candidate: Candidate) -> str:
    """A date; of two (a patent's filing year and its issue date), the fuller one."""
    date = span_date(match.group())
    if date is None:
        return "ignored"
    current = candidate.dates.get("issued")
    if current is None or (len(date.parts) > len(current.parts) and not current.end
                           and date.parts[0] >= current.parts[0]):
        candidate.dates["issued"] = date
    return "date"


def _volume_issue(match: re.Match, candidate: Candidate) -> str:
    candidate.set("volume", match["volume"])
    candidate.set("issue", pages(match["issue"]))
    return "vol"


def _standard_code(match: re.Match, candidate: Candidate) -> str:
    """``1900.6`` after a standard's title (``IEEE Standard for ..., 1900.6, IEEE, 2011``)."""
    if not _STANDARD_TITLE.match(candidate.fields.get("title", "")):
        return ""
    candidate.set("number", match.group())
    return "standard"


def _ignored(match: re.Match, candidate: Candidate) -> str:
    return "ignored"


Handler = Callable[[re.Match, Candidate], str]
_DATE = re.compile(r"^(?:(?:[A-Z][a-z]{2,8}\.?\s*(?:[-–/]\s*[A-Z][a-z]{2,8}\.?\s*)?)?"
                   r"(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?,\s*)?(?:1[5-9]|20)\d\d[a-z]?|"
                   r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})$")
_MARKED: tuple[tuple[re.Pattern, Handler], ...] = (
    (re.compile(r"^vols?\.\s*([^\s:]+(?:\s*[-–]\s*[^\s:]+)?)$", re.IGNORECASE),
     _setter("volume", "vol")),
    (re.compile(r"^(?:Art(?:icle)?\.?\s*(?:no|ID)\.?|Paper)\s*(.+)$", re.IGNORECASE),
     _setter("number", "art")),
    (re.compile(r"^nos?\.\s*(.+)$", re.IGNORECASE), _setter("issue", "no")),
    (re.compile(r"^pp?\.\s*(.+)$"), _setter("page", "pp")),
    (re.compile(r"^in\s+(.+)$"), _container),
    (re.compile(r"^presented at(?: the)?\s+(.+)$", re.IGNORECASE),
     _setter("event-title", "presented")),
    (re.compile(r"^(?P<volume>\d+)\s*\((?P<issue>\d+(?:\s*[-–]\s*\d+)?)\)$"), _volume_issue),
    (re.compile(r"^(?:Ph\.?\s?D\.?|M\.?\s?S\.?|M\.?\s?Sc\.?|M\.?\s?Eng\.?|M\.?\s?A\.?|"
                r"B\.?\s?Sc?\.?|Master['’]?s|Doctoral|Bachelor['’]?s|Diploma|Honou?rs)\s+"
                r"(?:dissertation|thesis)$", re.IGNORECASE),
     _setter("genre", "thesis", 0)),
    (re.compile(r"^(?P<genre>Tech(?:nical)?\.?\s+(?:Rep(?:ort)?\.?|Memo\.?|Note)|"
                r"(?:Internal|Res(?:earch)?\.?|Project)\s+Rep(?:ort)?\.?|Rep\.|"
                r"White\s+Paper)\s*(?P<number>.*)$", re.IGNORECASE), _report),
    (re.compile(r"^(?:[A-Z][\w.]*\s+){0,2}Patent(?:\s+App(?:lication|l)?\.?)?\s*(?:No\.?\s*)?"
                r"(?P<number>\S.*)$"), _setter("number", "patent", "number")),
    (_STANDARD, _setter("number", "standard", 0)),
    (_BARE_CODE, _standard_code),
    (_NAMED_STANDARD, _setter("number", "standard", 0)),
    (re.compile(r"^(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+\.?)\s+ed(?:ition)?\.?(?:\s+.+)?$"),
     lambda m, c: _edition(_EDITION.match(m.group()), c)),
    (_DATE, _date),
    (re.compile(r"^(?:ch|sec|para|Ch|Sec|Chapter|Section)\.?\s*\d.*$"), _ignored),
    (re.compile(r"^(?:to be published|submitted for publication|in press|unpublished|"
                r"private communication|early access|forthcoming|undated)\b.*$",
                re.IGNORECASE), _ignored),
)


# -- the type, and the unmarked elements placed by it


def _type_and_rest(candidate: Candidate, quoted: bool, elements: list[tuple[str, str]]) -> None:
    """The item type from the marks seen; the unmarked elements placed by that type."""
    marks = {mark for mark, _ in elements}
    plain = [segment for mark, segment in elements if not mark]
    for mark in ("patent", "thesis", "report", "standard"):
        if mark in marks:
            candidate.type = mark
            candidate.evidence += 0.5
            _publisher_and_place(candidate, plain)
            return
    if "in" in marks and not quoted:
        candidate.set("collection-title", candidate.fields.pop("container-title", ""))
    elif "in" in marks:
        _part_of_host(candidate, elements)
        return
    if "presented" in marks:
        candidate.type = "paper-conference"
        candidate.set("event-place", ", ".join(plain))
    elif quoted:
        _part(candidate, elements, marks)
    else:
        _whole(candidate, plain)


def _part_of_host(candidate: Candidate, elements: list[tuple[str, str]]) -> None:
    """A chapter or a conference paper: ``in`` its book or proceedings. Before the editors,
    the unmarked elements after ``in`` still belong to the book's title."""
    fields = candidate.fields
    start = next(i for i, (mark, _) in enumerate(elements) if mark == "in") + 1
    end = start
    while end < len(elements) and not elements[end][0]:
        end += 1
    book = [segment for _, segment in elements[start:end]]
    edited = any(mark == "editors" for mark, _ in elements[end:])
    if edited:
        candidate.set("container-title", ", ".join([fields["container-title"], *book]))
    plain = [segment for i, (mark, segment) in enumerate(elements)
             if not mark and not (edited and start <= i < end)]
    book_like = "editor" in candidate.names or "publisher" in fields or "edition" in fields
    conference = _CONFERENCE.search(fields.get("container-title", ""))
    candidate.type = "paper-conference" if conference or not book_like else "chapter"
    if candidate.type == "paper-conference" and not edited:
        _event_place(candidate, plain)
    else:
        _publisher_and_place(candidate, plain)


def _part(candidate: Candidate, elements: list[tuple[str, str]], marks: set[str]) -> None:
    """A quoted title without ``in``: an article (its journal the unmarked elements before the
    first number), a web page, a report without its mark or a manuscript."""
    fields = candidate.fields
    numbered = marks & {"vol", "no", "pp", "art"}
    plain = [segment for mark, segment in elements if not mark]
    if numbered:
        journal = []
        for mark, segment in elements:
            if mark:
                break
            journal.append(segment)
        candidate.set("container-title", ", ".join(journal) or (plain[:1] or [""])[0])
        candidate.type = "article-journal"
        candidate.evidence += 0.5
        return
    if plain and "container-title" not in fields:
        candidate.set("container-title", plain.pop(0))
    if "medium" in fields or "URL" in fields:
        candidate.type = "webpage"
    elif plain and all(_STATE.match(p) for p in plain):
        candidate.type = "report"  # an issuer and its place: a report without its mark
        candidate.set("publisher", fields.pop("container-title"))
        candidate.set("publisher-place", ", ".join(plain))
    elif "container-title" not in fields:
        candidate.type = "manuscript"
    else:
        candidate.type = "article-journal"


def _whole(candidate: Candidate, plain: list[str]) -> None:
    """An unquoted title: a book, or software when nothing publishes it but a code host."""
    fields = candidate.fields
    if "publisher" not in fields and plain:
        candidate.set("publisher", plain.pop(0))
        if plain and all(_PLACE.match(p) or _STATE.match(p) for p in plain):
            candidate.set("publisher-place", ", ".join(plain))  # a manual's company's city
    publisher = fields.get("publisher", "")
    code_host = _CODE_HOST.search(publisher + " " + fields.get("URL", ""))
    # Software has versions, a book editions.
    whole = publisher or "edition" in fields
    candidate.type = "software" if code_host or not whole else "book"


def _publisher_and_place(candidate: Candidate, plain: list[str]) -> None:
    """A report's, thesis's or standard's issuer (the first plain element, or the one naming
    a university) and the place after it."""
    if not plain or "publisher" in candidate.fields:
        return
    school = next((i for i, p in enumerate(plain) if _SCHOOL.search(p)), 0)
    # A report's issuer is the laboratory with its university; a thesis's the university.
    first = 0 if candidate.type == "report" else school
    candidate.set("publisher", ", ".join(plain[first:school + 1]))
    place = plain[school + 1:school + 4]
    if place:
        candidate.set("publisher-place", ", ".join(place))


def _event_place(candidate: Candidate, plain: list[str]) -> None:
    """A conference's place: the run of place names (``Seoul, South Korea``) that ends the
    unmarked elements; those before it still belong to the proceedings' name."""
    cut = len(plain)
    while cut > 0 and _PLACE.match(plain[cut - 1]) and not (
            _ACRONYM.match(plain[cut - 1]) and plain[cut - 1] not in _COUNTRY_CODES):
        cut -= 1
    container = ", ".join([candidate.fields.get("container-title", ""), *plain[:cut]])
    candidate.set("container-title", container.strip(", "))
    candidate.set("event-place", ", ".join(plain[cut:]))
