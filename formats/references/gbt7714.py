"""GB/T 7714-2015 references (and the 2005 and 1987 editions as people still paste them).

An entry is ``authors. title[CODE]. the rest``, where CODE is the type code (``J``, ``M``,
``C``, ``D``, ... with ``/OL`` when online) and the rest depends on the type:

    journal      刊名, 年, 卷(期): 页码[引用日期]. URL. DOI: ...
    book etc.    [版本.] [译者, 译.] 出版地: 出版者, 年: 页码.
    part         [M]//编者. 书名. 出版地: 出版者, 年: 页码.   (also ``[A]. 编者. 书名[C]. ...``)
    newspaper    报纸名, 2013-01-12(2).
    patent       题名: 专利号[P]. 公告日期.
    online       (发布日期)[引用日期]. URL.

In the author-year variant the year follows the authors (``陈凯, 等. 2023. 题名[J]...``) and
leaves the rest. Full-width punctuation (``，．：（）［Ｊ］``) is folded by `Reference`; Latin
surnames may be in capitals (``CHEN J, HU S``).
"""

from __future__ import annotations

import re

from ..names import is_han, is_organisation
from ..numbers import normalise_pages as pages
from ..numbers import strip_zeros
from ..record import Name
from .common import (
    Candidate,
    Grammar,
    Reference,
    han_share,
    name_list,
    parse_any_date,
    take_identifiers,
    truncation,
)

TYPES = {
    "J": "article-journal", "M": "book", "C": "book", "G": "book", "K": "book",
    "D": "thesis", "R": "report", "S": "standard", "P": "patent", "N": "article-newspaper",
    "EB": "webpage", "DB": "dataset", "DS": "dataset", "CP": "software", "A": "manuscript",
    "Z": "document", "CM": "graphic", "AO": "document",
}
# A part of a host (``//`` or a second type code): the part's type by its own code.
PART_TYPES = {"M": "chapter", "C": "paper-conference", "A": "paper-conference",
              "G": "chapter", "K": "chapter"}

TYPE_CODE = re.compile(r"\\?\[\s*(?P<code>EB|DB|DS|CP|CM|AO|[JMCGKDRSPNAZ])\s*"
                   r"(?:/\s*(?P<carrier>OL|CD|MT|DK))?\s*\\?\]")
# Sentence ends: a full stop not inside a number, after an abbreviation or an initial.
_STOP = re.compile(r"\.\s*")
_BEFORE_STOP = re.compile(r"(?:^|[\s.(])(?:[A-Z]|Vol|vol|No|no|Rev|Inc|Co|Ltd|St|Dr|pp|Jr|Sr|Mr|Ms|"
                          r"S\.l|s\.l|al)$")
_AUTHOR_YEAR = re.compile(r"^(?P<authors>[^.]{1,300}?)(?:[.,]\s*|(?<=等))"
                          r"\[?(?P<year>\d{4})[a-z]?\]?"
                          r"\s*\.\s*(?P<title>.+)$")
_TRANSLATED = re.compile(r"^(?P<names>.+?)\s*[,，]?\s*(?:译|编译|trans(?:lated)?\.?)$")
_EDITION = re.compile(r"^(?:第?\s*\d+\s*版|[^\s,:]{0,8}版|[\u4e00-\u9fff]{1,8}本"
                      r"|\d+(?:st|nd|rd|th)\s+ed\.?|Rev\.\s*ed\.?|"
                      r"[^.,:]{1,20}\bed(?:ition)?\.?)$")
# Pages as printed after the year: ``45-52``, ``e70095``, ``iv, 656``, ``38 leaves``, ``扉页``.
_PAGE = re.compile(r"(?:[A-Za-z]?\d|[ivxlcIVXLC]+\b)[\w+,.\s-]{0,36}|扉页|封[一二三四底]")
_PUBLISHER_YEAR = re.compile(r"^(?P<publisher>.*?)[\s,;]*"
                             r"(?:c?(?P<year>\d{4})[a-z]?(?:-\d{1,2}){0,2})?"
                             r"(?:\s*,\s*(?P<more>\d[\d+-]*))?$")
_UNKNOWN_PLACE = re.compile(r"\[\s*[Ss]\.\s*[l1nN]\.?\s*\]\s*:?|\[?出版(?:地|者)不详\]?\s*:?")
_SOURCE = re.compile(r"^(?P<container>.+?)\s*(?:,\s*|(?<![\d:])\.\s*(?=\d{4}(?!\d)))"
                     r"(?P<numbers>(?:\d|\(|Vol|vol|Suppl|[A-Z]\d).*)$")
_SOURCE_WITHOUT_YEAR = re.compile(r"^(?P<container>[^(]+?)\s*(?P<numbers>\(.*)$")
_NUMBERS = re.compile(
    r"^(?:(?P<year>(?:1[5-9]|20)\d\d)[a-z]?(?=$|[\s,(:])\s*,?\s*)?"
    r"(?:(?:Vol\.?\s*)?(?P<volume>[^,():\s][^,():]*?)\s*)?"
    r"(?:\((?P<issue>[^)]*)\))?\s*(?:[:.,]\s*(?P<page>[^\[(]+?))?\s*(?:\[.*)?$")
_VOLUME_ISSUE_PAGE = re.compile(r"\d\s*\([^()]{1,12}\)\s*:\s*[A-Za-z]?\d")
_YEAR_VOLUME_ISSUE_PAGE = re.compile(
    r",\s*(?:1[5-9]|20)\d\d\s*,\s*[^,()]{1,10}\s*\([^()]{1,12}\)\s*:\s*[A-Za-z]?\d")
_NEWSPAPER = re.compile(r"^(?P<container>.+?)\s*,\s*(?P<date>\d{4}-\d{1,2}-\d{1,2})"
                        r"(?:\s*\((?P<page>[^)]+)\))?")
_DATE = re.compile(r"\(\s*(?P<paren>\d{4}(?:-\d{1,2}){0,2})\s*\)"
                   r"|(?<![\d-])(?P<plain>\d{4}-\d{1,2}-\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2}"
                   r"|\d{4}-\d{1,2}|\d{4})(?![\d-])")
# An English rendering of the entry appended in brackets, as Chinese journals print it.
_TRANSLATION = re.compile(r"[.\s]*[(\[](?=[A-Z][^\u3400-\u9fff\]]{10,}\[(?:[A-Z]{1,2})(?:/OL)?\])"
                          r"[^\u3400-\u9fff]*$")
_STANDARD = re.compile(r"\b(?:[A-Z]{1,5}(?:/[A-Z]{1,2})?|ISO/IEC|T/[A-Z]+)\s*\d+(?:\.\d+)*"
                       r"(?:\s*[-—]\s*\d{4})?")
_PATENT_NUMBER = re.compile(r"^(?:(?:中国|美国|日本|[A-Z][a-z]+)\s*,\s*)?"
                            r"(?P<number>[A-Z]{0,2}\d[\dA-Z.]{5,})$")
# An official document's number (文号): ``发改价格〔2021〕1093号``, ``国办发〔2024〕12 号``.
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\[\s*\d{4}\s*\]\s*\d+\s*号")
_CODE_NUMBER = re.compile(r"^[\w./-]*\d[\w./-]*$")
_NO_PLACE = re.compile(r"^\[?\s*(?:S\.\s*[l1]\.?|出版地不详)\s*\]?$")
# After ``[P]``: ``中国专利: CN109919190A, 2019-06-21``, ``(申请公布号: CN115018770A, ...)``.
_PATENT_REST = re.compile(r"^\(?(?:[\u4e00-\u9fff]{1,6}\s*[:,]\s*)?"
                          r"(?!\d{4}(?:[-.]\d{1,2}){0,2}\s*$)"
                          r"(?P<number>[A-Z]{0,2}\d[\dA-Z.]{5,}[\dA-Z])\s*[,.]?\s*(?P<rest>.*)$")
# A host's year, volume, issue and pages, as a journal's: ``2024, 38(17): 19724-19731``.
_HOST_NUMBERS = re.compile(r"^(?P<year>(?:1[5-9]|20)\d\d)\s*,\s*(?P<volume>\d+)"
                           r"\s*(?:\((?P<issue>[^()]+)\))?\s*:\s*(?P<page>[A-Za-z]?\d[\w+,-]*)$")
_HOST_WITH_YEAR = re.compile(r"^(?P<title>[^:]+?),\s*"
                             r"(?P<publication>(?:1[5-9]|20)\d\d[a-z]?(?:\s*:\s*[\w+,-]+)?)$")
# Abbreviations that open a host's title, not an editor's name: ``//Proc. Interspeech``.
_HOST_WORD = re.compile(r"^(?:Proc|Proceedings|Conf|Int|Intl|Symp|Trans|Adv|Ann|Rec|Dig)$")
# A Western name given-first with the surname in capitals: ``Barbara M. KEHM``, ``BarbaraM.KEHM``.
_GIVEN_FIRST = re.compile(r"(?:^|(?<=[,;]))\s*(?P<given>[A-Z][a-z]+)\s*(?P<initial>[A-Z])\.\s*"
                          r"(?P<family>[A-Z][A-Z'-]+)(?=\s*(?:[,;]|$))")
# An initial run into the surname: ``Pazzani M,BillsusD``.
_GLUED_INITIAL = re.compile(r"(?<![\w.])([A-Z][a-z]{2,})([A-Z])(?=\s*(?:[,;]|$))")
_WORD_NAME = re.compile(r"[A-Z][a-z]+")
_NATIONALITY = re.compile(r"^[\[(][\u4e00-\u9fff]{1,3}[\])]\s*")
_ORGANISATION_END = re.compile(r"(?:会|院|所|部|局|厅|办|室|中心|大学|学院|公司|集团|组|社|馆|站|"
                               r"报|网|委员会|政府|协会|学会|署|处)$")


def parse(reference: Reference) -> Candidate | None:
    """An entry with a GB/T type code, or None."""
    code = TYPE_CODE.search(reference.text)
    if code is None:
        return _parse_uncoded(reference)
    # A type code where the standard puts it (before ``.``, ``//`` or the end) is a mark no
    # other style makes.
    placed = re.match(r"\s*(?:[.:,]|//|$)", reference.text[code.end():])
    candidate = Candidate("gbt7714", TYPES[code["code"]], evidence=4.0 if placed else 2.0)
    head, tail = reference.text[:code.start()], reference.text[code.end():]
    translation = _TRANSLATION.search(tail)
    if translation:
        candidate.skipped, tail = translation.group(), tail[:translation.start()]
    journal_first = code["code"] == "J" and re.match(r"\s*,", tail)
    tail = _UNKNOWN_PLACE.sub("", take_identifiers(tail, candidate))
    _read_head(head, candidate)
    if journal_first:
        # The journal before the code: ``题名. 地理学报[J], 2020, 75(8): 1699-1710``
        parts = sentences(candidate.fields.get("title", ""))
        if len(parts) >= 2:
            candidate.set("title", ". ".join(parts[:-1]))
            _read_source(f"{parts[-1]}, {tail.lstrip(' ,')}", candidate)
            return candidate
    host = _host(tail)
    if host is not None:
        before, host_text = host
        candidate.type = PART_TYPES.get(code["code"], candidate.type)
        _read_responsibility(before, candidate)
        _read_host(host_text, candidate)
    else:
        _read_rest(tail, code["code"], candidate)
    _read_number(candidate)
    return candidate


def _parse_uncoded(reference: Reference) -> Candidate | None:
    """A journal article written as GB/T but without its ``[J]``: ``作者. 题名. 刊名, 2021,
    32(2): 175-187.``"""
    chinese = han_share(reference.text) > 0.3
    if not (_VOLUME_ISSUE_PAGE if chinese else _YEAR_VOLUME_ISSUE_PAGE).search(reference.text):
        return None
    candidate = Candidate("gbt7714", "article-journal",
                          evidence=1.0 + han_share(reference.text))
    parts = sentences(take_identifiers(reference.text, candidate))
    source = next((i for i in range(len(parts) - 1, 0, -1)
                   if _VOLUME_ISSUE_PAGE.search(parts[i])), 0)
    if source < 1:
        return None
    _read_head(". ".join(parts[:source]), candidate)
    _read_source(parts[source], candidate)
    return candidate


def sentences(text: str) -> list[str]:
    """`text` cut at its full stops (not those of numbers, initials, abbreviations)."""
    pieces, start = [], 0
    for stop in _STOP.finditer(text):
        after = text[stop.end():stop.end() + 1]
        in_number = text[stop.start() - 1:stop.start()].isdigit() \
            and text[stop.start() + 1:stop.start() + 2].isdigit()
        abbreviated = _BEFORE_STOP.search(text, max(0, stop.start() - 4), stop.start())
        if not in_number and after not in (":", ",") and not abbreviated:
            pieces.append(text[start:stop.start()])
            start = stop.end()
    pieces.append(text[start:])
    return [s.strip() for s in pieces if s.strip(" .,")]


def _read_head(head: str, candidate: Candidate) -> None:
    """Authors (and, author-year, the year), then the title."""
    head = head.strip().rstrip(".")
    match = _AUTHOR_YEAR.match(head)
    if match and (looks_like_names(match["authors"]) or len(match["authors"]) <= 30):
        candidate.set_names("author", _authors(match["authors"]))
        candidate.set_date("issued", match["year"])
        candidate.set("title", match["title"])
        return
    split = split_names_off(head)
    if split:
        foreign = bool(_NATIONALITY.match(split[0]))
        candidate.set_names("author", _authors(_NATIONALITY.sub("", split[0]), foreign))
        candidate.set("title", split[1])
    else:
        candidate.set("title", head)


def _authors(text: str, foreign: bool = False) -> tuple[list[Name], bool]:
    """The authors' names; a given-first Western name among them (``Barbara M. KEHM``) and an
    organisation in capitals standing alone (``ST MICROELECTRONICS``) read as such. A Western
    name of two full words is given-first where the list marks it foreign (``[美]Al
    Sweigart``) or sets it among Han-script names (``李英华, 侯亚梅, Erika Bodin``): it is
    written as on the original, not inverted as GB/T writes Western names."""
    given_first = {m["family"]: Name(family=m["family"], given=f"{m['given']} {m['initial']}.")
                   for m in _GIVEN_FIRST.finditer(text)}
    if given_first:
        text = _GIVEN_FIRST.sub(lambda m: (", " if m.start() else "") + m["family"], text)
    text = _GLUED_INITIAL.sub(r"\1 \2", text)
    inverted = re.match(r"[A-Z][\w'-]+,\s*(?:[A-Z]\.\s*)+,", text)  # ``Lewis, P., Perez, E.``
    names, truncated = name_list(text, "family-given" if inverted else "family-first")
    names = [given_first.get(n.family, n) if n.family and not n.given else n for n in names]
    if foreign or any(is_han(n.family) for n in names):
        names = [Name(family=n.given, given=n.family) if _WORD_NAME.fullmatch(n.family)
                 and _WORD_NAME.fullmatch(n.given) else n for n in names]
    if len(names) == 1 and names[0].family.isupper() and names[0].given.isupper() and (
            re.fullmatch(r"[A-Z]{4,}", names[0].given)
            or is_organisation(f"{names[0].family} {names[0].given}")):
        names = [Name(literal=f"{names[0].family} {names[0].given}")]
    return names, truncated


def split_names_off(text: str) -> tuple[str, str] | None:
    """``names. the rest``, at the first full stop where what precedes reads as names (GB/T
    initials have no full stops, so one after a capital may end the names, unless a surname
    in capitals follows it: ``Barbara M. KEHM. Title``)."""
    for stop in re.finditer(r"\.", text):
        if stop.start() > 300:
            break
        names, rest = text[:stop.start()], text[stop.end():].strip()
        if re.search(r"(?:^|[,;])\s*[A-Z][a-z]+\s*[A-Z]$", names) \
                and re.match(r"[A-Z][A-Z'-]+\s*\.", rest):
            continue
        if rest.startswith(",") and re.search(r"(?:^|\s)[A-Z]$", names):
            continue  # initials with full stops, the list going on: ``Lewis, P., Perez, E.``
        if rest and looks_like_names(names):
            return names, rest
    return None


def looks_like_names(text: str) -> bool:
    """Whether `text` reads as a list of persons or organisations, not as a title."""
    text, _ = truncation(_NATIONALITY.sub("", text.strip()))
    pieces = [p.strip() for p in re.split(r"[,;、]|\s+and\s+|&", text) if p.strip()]
    if not pieces or len(text) > 300:
        return False
    return all(_is_name(piece, alone=len(pieces) == 1) for piece in pieces)


def _are_people(text: str) -> bool:
    """Han-script personal names only (``张曼,夏战国,刘兵``), no organisation."""
    pieces = [p.strip() for p in re.split(r"[,;、]", truncation(text)[0]) if p.strip()]
    return bool(pieces) and all(is_han(p) and len(p.replace(" ", "")) <= 4 for p in pieces)


def _is_name(piece: str, alone: bool = False) -> bool:
    """A person's or organisation's name; `alone`: the only name, where a short
    organisation (``科技部监督司``, ``IPCC``) may stand."""
    if re.search(r"\d", piece):
        return False
    if is_han(piece):
        compact = piece.replace(" ", "")
        if len(compact) <= (8 if "·" in compact else 4):
            return True
        return len(compact) <= (20 if alone else 40) and bool(
            alone or _ORGANISATION_END.search(compact)
            or compact.startswith(("《", "中国", "国家")))
    words = piece.split()
    if alone and len(words) <= 3:
        return True
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w[:1] in "(-'" or w in (
        "de", "van", "von", "der", "da", "di", "la", "le", "du", "of", "and", "for", "the")
        for w in words)


def _host(tail: str) -> tuple[str, str] | None:
    """For a part, what precedes its host (translators) and the host; else None."""
    if "//" in tail:
        before, _, host = tail.partition("//")
        return before, TYPE_CODE.sub(". ", host)
    second = TYPE_CODE.search(tail)
    if second and second["code"] in ("C", "M", "G", "K"):
        return "", tail[:second.start()] + ". " + tail[second.end():]
    return None


def _read_responsibility(text: str, candidate: Candidate) -> list[str]:
    """Edition and translators that open the rest; the sentences left."""
    left = []
    for sentence in sentences(text):
        translated = _TRANSLATED.match(sentence)
        if translated and looks_like_names(translated["names"]):
            candidate.set_names("translator", name_list(translated["names"], "family-first"))
        elif _EDITION.match(sentence) and not candidate.fields.get("edition"):
            candidate.set("edition", sentence)
        else:
            left.append(sentence)
    return left


def _read_host(text: str, candidate: Candidate) -> None:
    """``editors. host title. [edition.] place: publisher, year: pages``."""
    parts = _read_responsibility(text, candidate)
    publication = parts.pop() if len(parts) >= 2 and _is_publication(parts[-1]) else ""
    joined = _HOST_WITH_YEAR.match(parts[-1]) if parts and not publication else None
    if joined:  # no full stop before the year: ``//Proceedings of IEEE, 2021: 100-110``
        parts[-1], publication = joined["title"], joined["publication"]
    split = split_names_off(". ".join(parts)) if len(parts) >= 1 else None
    if split and not _HOST_WORD.match(split[0].strip()):
        candidate.set_names("editor", name_list(re.sub(r"[,，]?\s*(?:主?编|eds?\.?)$", "",
                                                        split[0]), "family-first"))
        parts = [split[1]]
    candidate.set("container-title", ". ".join(parts))
    _read_publication(publication, candidate)


def _is_publication(sentence: str) -> bool:
    """``place: publisher, year: pages`` or a part of it, down to ``1981`` or ``2003: 61-86``."""
    return ":" in sentence or bool(re.search(r",\s*\d{4}\b", sentence)) \
        or bool(re.fullmatch(r"c?\d{4}[a-z]?", sentence.strip()))


ONLINE_CODES = frozenset({"EB", "DB", "DS", "CP", "Z"})


def _read_rest(tail: str, code: str, candidate: Candidate) -> None:
    parts = _read_responsibility(tail, candidate)
    if len(parts) >= 2 and "author" not in candidate.names and _are_people(parts[0]):
        # CNKI's own export puts the authors after the title: ``题名[J]. 作者. 刊名. 2019(1)``
        candidate.set_names("author", name_list(parts.pop(0), "family-first"))
    rest = ". ".join(parts)
    if code == "J":
        _read_source(rest, candidate)
    elif code == "N":
        match = _NEWSPAPER.match(rest)
        if match:
            candidate.set("container-title", match["container"])
            date = parse_any_date(match["date"])
            if date:
                candidate.dates["issued"] = date
            candidate.set("page", match["page"] or "")
        else:
            _read_source(rest, candidate)
    elif code == "P" and (patent := _PATENT_REST.match(rest)):
        candidate.set("number", patent["number"])
        _read_dates(patent["rest"], candidate)
    elif parts and _is_publication(parts[0]) and not _DATE.fullmatch(parts[0]) and (
            code not in ONLINE_CODES or ":" in parts[0]):
        _read_publication(parts[0], candidate)
        _read_dates(". ".join(parts[1:]), candidate)
    else:
        document = _DOCUMENT_NUMBER.search(rest)
        if document and "number" not in candidate.fields:
            candidate.set("number", document.group())
            rest = rest[:document.start()] + rest[document.end():]
        _read_dates(rest, candidate, keep_text=True)


def _read_source(text: str, candidate: Candidate) -> None:
    """``Journal, 2012, 57(34): 3219`` (in author-year, without the year)."""
    if re.match(r"(?:1[5-9]|20)\d\d\b", text):  # no journal named: ``[J]. 2011: 209-224``
        numbers_text = text
    else:
        match = _SOURCE.match(text) or _SOURCE_WITHOUT_YEAR.match(text)
        if not match:
            candidate.set("container-title", text)
            return
        candidate.set("container-title", match["container"])
        numbers_text = match["numbers"]
    numbers = _NUMBERS.match(numbers_text.strip())
    if not numbers:
        return
    candidate.set_date("issued", numbers["year"])
    volume, page = numbers["volume"] or "", numbers["page"] or ""
    if "-" in volume and not page and not numbers["issue"]:
        volume, page = "", volume  # online first: ``学报, 1-13``
    candidate.set("volume", volume)
    candidate.set("issue", strip_zeros((numbers["issue"] or "").strip()))
    candidate.set("page", pages(page).rstrip("."))


def _read_publication(text: str, candidate: Candidate) -> None:
    """``place: publisher, year: pages`` (any part but the publisher may be missing)."""
    numbers = _HOST_NUMBERS.match(text.strip().rstrip("."))
    if numbers:
        candidate.set_date("issued", numbers["year"])
        candidate.set("volume", numbers["volume"])
        candidate.set("issue", strip_zeros((numbers["issue"] or "").strip()))
        candidate.set("page", pages(numbers["page"]))
        return
    pieces = [p.strip() for p in text.strip().rstrip(".").split(":")]
    if len(pieces) >= 2 and _PAGE.fullmatch(pages(pieces[-1])):
        candidate.set("page", pages(pieces.pop()))
    if len(pieces) >= 2:
        place = pieces.pop(0)
        if not _NO_PLACE.match(place):
            candidate.set("publisher-place", place)
    match = _PUBLISHER_YEAR.match(":".join(pieces))
    if match:
        candidate.set("publisher", match["publisher"])
        if match["more"]:
            candidate.set("volume" if "page" in candidate.fields else "page", match["more"])
        date = parse_any_date(match["year"] or "")
        if date:
            candidate.dates["issued"] = date


def _read_dates(text: str, candidate: Candidate, keep_text: bool = False) -> None:
    """An online or dated entry's rest: ``(2021-04-21)``, ``2008-01-16``, a site name."""
    found = list(_DATE.finditer(text))
    dated = [m for m in found if m["paren"]] or sorted(found, key=lambda m: -len(m.group()))
    if dated:
        date = parse_any_date(dated[0]["paren"] or dated[0]["plain"])
        issued = candidate.dates.get("issued")
        if date and (dated[0]["paren"] or not issued or len(date.parts) > len(issued.parts)):
            candidate.dates["issued"] = date
    for match in reversed(found):
        text = text[:match.start()] + text[match.end():]
    leftover = re.sub(r"\(\s*\)", "", text).strip(" .,:;")
    if keep_text and leftover and not re.fullmatch(r"[\d\s.,:;()-]*", leftover):
        variable = "container-title" if candidate.type in ("webpage", "document") else "publisher"
        place, _, name = leftover.rpartition(":")
        if place and variable == "publisher" and len(place) <= 40:
            candidate.set("publisher-place", place)
            leftover = name
        candidate.set(variable, leftover.strip(" ,"))


def _read_number(candidate: Candidate) -> None:
    """A standard's, patent's or report's number, where the title carries it."""
    title = candidate.fields.get("title", "")
    if candidate.type == "standard":
        match = _STANDARD.search(title)
        if match:
            candidate.set("number", match.group())
            rest = re.sub(r"\(\s*\)", "", title[:match.start()] + " " + title[match.end():])
            candidate.set("title", rest.strip(" ,:."))
        return
    document = _DOCUMENT_NUMBER.search(title)
    if document and document.end() == len(title.rstrip()) and ":" in title[:document.start()]:
        candidate.set("number", document.group())
        candidate.set("title", title[:document.start()].rstrip(" :"))
        return
    if candidate.type in ("patent", "report", "manuscript") and ":" in title:
        name, _, number = title.rpartition(":")
        patent = _PATENT_NUMBER.match(number.strip())
        if patent or (_CODE_NUMBER.match(number.strip()) and not is_han(number)
                      and not re.fullmatch(r"\s*\d{4}\s*", number)):
            candidate.set("number", patent["number"] if patent else number)
            candidate.set("title", name)


GRAMMAR = Grammar("gbt7714", "GB/T 7714-2015 (numeric and author-year)", parse)
