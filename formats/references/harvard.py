"""Harvard references: Cite Them Right and the common variants (the Australian AGPS/UTS
form, the Elsevier and university house forms).

The grammar reads a Harvard reference as

    Authors (Year) 'Part title', Source. Available at: URL (Accessed: date).
    Authors (Year) Book title. Edition. Place: Publisher.
    Authors Year, 'Part title', Source, viewed date, <URL>.          (AGPS)

- Authors: ``Family, I.``, ``Family, I. and Family, I.``, ``Family, I. et al.``, ``Family I``
  without points, or an organisation; with no author, the title stands first (``Title
  Year, Publisher, <URL>``), and a newspaper's name may stand for the author.
- Year: ``(2019)``, ``(2019a)``, ``(n.d.)``, a conference's ``(21-23 March 2018)``, or bare
  after the names and followed by a comma.
- Title: quoted for a part (article, chapter, paper, newspaper article), plain (italic in
  print) for a whole work, closed by a period (a comma in AGPS), perhaps with a description
  in brackets (``[PhD thesis]``, ``[Online]``, ``[Dataset]``).
- Source: ``Journal, 24(1), pp. 46-54`` (or ``vol. 24, no. 1, pp.``), ``in Editor, I. (ed.)
  Book. Place: Publisher, pp. 3-9``, ``Newspaper, 16 May, p. 3``, ``PhD thesis. University``,
  ``Place: Publisher``; then ``Available at:``/``Available from:``, ``(Accessed: …)``,
  ``[Accessed …]`` or ``viewed …``.

The pieces it shares with APA (author lists, titles and their bracketed details, periodical,
``In ...`` and publisher readers) are in `authordate` and `authordate_sources`; what follows
the title is read in `harvard_sources`.
"""

from __future__ import annotations

import re

from ..dates import month_number
from .authordate import (
    UNDATED,
    clear_leftovers,
    date_of,
    peel_groups,
    read_authors,
    reads_as_title,
    sentence_end,
    set_aside_layout,
    strip_identifiers,
)
from .authordate_sources import (
    edition_of,
    is_issuing_body,
    is_journal,
    is_newspaper,
    is_periodical,
    is_publisher,
    is_report,
    read_groups,
)
from .common import Candidate, Grammar, Reference
from .harvard_sources import read_source

_YEAR = r"(?:1[5-9]|20)\d\d[a-z]?"
_YEAR_IN_PARENTHESES = re.compile(
    r"\((?P<date>(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[A-Z][a-z]{2,8}\.?,?\s+)?" + _YEAR
    + r"(?:\s*[-–/]\s*\d{2,4})?|" + UNDATED + r")\)")
# AGPS writes ``Smith, J 2019, Title``, the Elsevier form ``Smith, J., 2019. Title``; a
# year between commas (Web of Science) or after a period (Chicago, GB/T) is not Harvard's.
# The South African house form writes ``Smith, J.M. 2021. Title``: the year after an initial.
_BARE_YEAR = re.compile(
    r"(?:(?:(?<![.,;:])|(?<=\b[A-Z]\.))\s+(?P<agps>" + _YEAR + r"|n\.\s?d\.),(?=\s)"
    r"|,\s*(?P<elsevier>" + _YEAR + r"|n\.\s?d\.)\.(?=\s)"
    r"|(?:(?<=\b[A-Z]\.)|(?<=\b[A-Z]{2}\.)|(?<=\b[A-Z]{3}\.))\s+(?P<initials>" + _YEAR
    + r")\.(?=\s)"
    r"|(?<![.,;:])\s+(?P<undated>n\.\s?d\.)\s(?=[A-Z]))")
# The Australian Government Style Manual (2021) form, ``Day T (2018) Title, 2nd edn,
# Publisher, Place``: names without comma or points, or an access date that stands free
# (``, accessed 9 May 2021``, not Cite Them Right's ``(Accessed: …)``); its parts are parted
# by commas.
_AGSM_NAMES = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)* [A-Z]{1,3}(?:,\s|\sand\s|$)"
                         r"|^(?=\w*[A-Z]\w*[A-Z])[A-Z][A-Za-z&]{1,9} \([A-Z][^()]+\)$")
# (the second form: an agency's abbreviation and name, ``DoH (Department of Health)``)
_FREE_ACCESS = re.compile(r"(?<![(\[])\b(?:accessed|viewed) \d")
# What AGSM prints after the access date, other than the URL: the database it was read in.
_ACCESS_TAIL = re.compile(
    r"\b(?:accessed|viewed)\s+\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\s*[,.]\s*"
    r"(?P<tail>(?![^<>]*(?i:https?:|www\.|doi))[^\s<>][^<>]{1,120}?)\s*\.?$")
# The names may end in a full stop only after an initial, "et al." or a company's "Ltd.".
_HEAD_END = re.compile(r"(?:^|[\s.-])(?:[A-Z][a-z]?\.|[A-Z]{2,3}\.|et al\.|Inc\.|Ltd\.|Co\.)$"
                       r"|[^.]$")
# ``Cairns RB.``: the point after initials written without points closes the names.
_INITIALS_STOP = re.compile(r"(?<=\s[A-Z]{2})\.$|(?<=\s[A-Z]{3})\.$")
_QUOTES = {"'": "'", "‘": "’", "“": "”", '"': '"'}
_OPEN_QUOTES = ("‘", "“", '"')


def parse(reference: Reference) -> Candidate | None:
    """A Harvard reference, or None when no year follows a leading name or title."""
    if not _split_at_year(reference.text)[0]:
        return None
    candidate = Candidate("harvard", "book")
    text = strip_identifiers(_without_database(reference.text, candidate), candidate)
    head, date, bare, body = _split_at_year(text)
    if not head:
        return None
    issued = date_of(date)
    if issued:
        candidate.dates["issued"] = issued
    set_aside_layout("", candidate, re.sub(r"\d", "", date))
    commas = bare in ("agps", "undated") or (not bare and _agsm(head, reference.text))
    if reads_as_title(head):
        _read_title_first(head, candidate)
        source = body
    else:
        read_authors(_INITIALS_STOP.sub("", head), candidate)
        source = _read_title(body, candidate, commas=commas)
    read_source(clear_leftovers(source), candidate, agps=commas,
                publisher_first=bare == "elsevier")
    _settle_type(candidate, reference.text)
    candidate.evidence = _evidence(reference.text, bool(bare))
    set_aside_layout(text, candidate)
    return candidate


_BARE_FORMS = ("agps", "elsevier", "initials", "undated")


def _split_at_year(text: str) -> tuple[str, str, str, str]:
    """``(names or title, date text, how the year stood, the rest)``: how is "" for a year
    in parentheses, else the name of the `_BARE_YEAR` form; the head is empty when no year
    follows a quote-free lead."""
    matches = [m for m in (_YEAR_IN_PARENTHESES.search(text), _BARE_YEAR.search(text)) if m]
    if not matches:
        return "", "", "", ""
    match = min(matches, key=lambda m: m.start())
    head = text[:match.start()].strip(" ,")
    if not _plausible_head(head) or text[match.end():match.end() + 2] == ". ":
        # "(2019). Title" is APA's; Harvard writes "(2019) Title"
        return "", "", "", ""
    if match.re is _YEAR_IN_PARENTHESES:
        return head, match["date"], "", text[match.end():].lstrip(" .,")
    form = next(name for name in _BARE_FORMS if match[name])
    return head, match[form], form, text[match.end():].lstrip(" .,")


def _agsm(head: str, text: str) -> bool:
    """Whether the reference is in the AGSM form (see `_AGSM_NAMES`)."""
    return bool(_AGSM_NAMES.match(head) or _FREE_ACCESS.search(text))


def _without_database(text: str, candidate: Candidate) -> str:
    """`text` without the database AGSM names after the access date (``accessed 20 March
    2021, Academic Search Complete, EBSCOhost``), which is set aside as read."""
    match = _ACCESS_TAIL.search(text)
    if not match:
        return text
    set_aside_layout("", candidate, match["tail"])
    return text[:match.start("tail")].rstrip(" ,.")


def _read_title_first(head: str, candidate: Candidate) -> None:
    """A title where the authors stand; quoted, it is a part's (an unsigned article)."""
    title = head.rstrip(".")
    if title[:1] in _QUOTES and title.endswith(_QUOTES[title[0]]) and len(title) > 2:
        title = title[1:-1]
        candidate.type = "article-journal"
    candidate.set("title", title)


def _plausible_head(head: str) -> bool:
    """Names or a title before the year: no quotes, no sentence within (but initials), not
    ending in a month (``Vogue, Dec. 2015`` is a date) or a full stop after a full name."""
    if not head or len(head) > 2000 or any(q in head for q in _OPEN_QUOTES):
        return False
    if re.search(r"(?<!\d)(?:1[5-9]|20)\d\d[.,]", head):
        return False  # a year closed by a point before this one: GB/T's or WoS's order
    if re.search(r"[a-z]{2}\.\s", head) and not re.search(r"\bet al\.\s", head):
        return False
    last = head.rsplit(" ", 1)[-1].strip(".,")
    return not month_number(last) and bool(_HEAD_END.search(head))


def _read_title(body: str, candidate: Candidate, commas: bool) -> str:
    """The title (quoted, or up to the period or a closing bracket group) into `candidate`;
    the text after it."""
    quoted = _quoted(body)
    if quoted:
        title, rest = quoted
        candidate.type = "article-journal"
    else:
        end = _title_end(body, commas)
        closing = _bracket_end(body, end)
        part_of = _PART_OF.search(body, 0, closing)
        if part_of:
            closing = part_of.start()
        closing = _periodical_after_comma(body, closing)
        title, rest = body[:closing], body[closing:]
    title, groups = peel_groups(title.strip())
    unread = read_groups(groups, candidate)
    title = _edition_after(title.rstrip(",. "), candidate)
    candidate.set("title", " ".join([title, *unread]))
    return rest.lstrip(" .,")


# The Elsevier form's plain chapter title, ``Title, in: Editor, I. (Eds.), Book``.
_PART_OF = re.compile(r",\s+(?=[Ii]n:\s)")


def _periodical_after_comma(body: str, end: int) -> int:
    """Where a plain title that a comma parts from its periodical ends (``Title, Journal,
    12(3): 4-9``): at that comma, when the rest of the sentence reads as a periodical;
    else `end`."""
    sentence = body[:end]
    for match in re.finditer(r",\s+", sentence):
        rest = sentence[match.end():]
        if not re.search(r"\d", sentence[:match.start()]) and is_periodical(rest) and (
                not re.match(r"\d", rest)):
            return match.start()
    return end


def _title_end(body: str, commas: bool) -> int:
    """Where a plain title ends: at its sentence's end, or after a question (``What is AI?
    Here's everything you need to know, ZDNet website``) that a second plain sentence
    follows before the source."""
    end = sentence_end(body, commas=commas)
    if body[end:end + 1] not in ("?", "!"):
        return end
    following = sentence_end(body, end + 1, commas=commas)
    sentence = body[end + 1:following].strip()
    after = body[following:following + 3]
    if (following < len(body) and sentence[:1].isupper() and not re.search(r"\d", sentence)
            and not re.match(r"[Ii]n:?\s|\[", sentence) and not re.match(r"[,.]\s*\d", after)
            and not (is_journal(sentence) or is_publisher(sentence) or ":" in sentence)):
        return following
    return end + 1


def _quoted(body: str) -> tuple[str, str] | None:
    if not body or body[0] not in _QUOTES:
        return None
    close = _QUOTES[body[0]]
    index = 1
    while True:
        index = body.find(close, index)
        if index < 0:
            return None
        after = body[index + 1:index + 2]
        if not after or after in ",.;:[(" or after == " " and (
                close not in "'’" or body[index - 1] in ",.?!" or _closes(body[index + 2:])):
            return body[1:index].rstrip(",. "), body[index + 1:]
        index += 1


def _closes(following: str) -> bool:
    """Whether a quotation mark followed by a space closes the title: not an apostrophe
    within it (``'Experts' personal metaphors'``), after which a word in lower case goes on
    (but ``in``, AGPS's part of a book)."""
    word = following.split(" ", 1)[0]
    return not word[:1].islower() or word in ("in", "in:")


def _bracket_end(body: str, end: int) -> int:
    """The title ends after a ``[description]`` followed by a comma, if that comes first."""
    match = re.search(r"\](?=[,.])", body[:end])
    return match.end() if match else end


_TRAILING_EDITION = re.compile(r",\s*(?P<edition>[^,]{1,30}?\s(?:ed|edn|edition)\.?)$")


def _edition_after(title: str, candidate: Candidate) -> str:
    """The Elsevier form's ``Book title, 2nd ed.``: the edition read off the title."""
    match = _TRAILING_EDITION.search(title)
    if match and edition_of(match["edition"]):
        candidate.set("edition", edition_of(match["edition"]))
        return title[:match.start()]
    return title



def _settle_type(candidate: Candidate, text: str) -> None:
    """A quoted title with no periodical found is an article if a container was read, else
    a part of a work; a work with a URL and no publisher of books, a webpage."""
    fields = candidate.fields
    if candidate.type == "article-journal" and "container-title" not in fields:
        candidate.type = "book"
    if candidate.type == "book" and "number" in fields:
        candidate.type = "report"
    if candidate.type == "book" and "URL" in fields and "DOI" not in fields and not (
            "edition" in fields or "ISBN" in fields or "publisher-place" in fields
            or "medium" in fields and not _online_alone(fields, text)) or _issued_online(fields):
        candidate.type = "webpage"
    if candidate.type in ("book", "webpage") and is_report(fields.get("title", ""),
                                                            fields.get("URL", "")):
        candidate.type = "report"
    if candidate.type == "book" and _issued_by_body(candidate):
        candidate.type = "report"
    issued = candidate.dates.get("issued")
    container = fields.get("container-title", "")
    if candidate.type == "article-journal" and is_newspaper(container) and (
            "volume" not in fields) and (not is_journal(container) or (
                issued is not None and len(issued.parts) == 3)):
        candidate.type = "article-newspaper"


def _online_alone(fields: dict[str, str], text: str) -> bool:
    """``Title [Online]. Available from: URL``: a page read online, nothing (no publisher,
    no e-book collection) between its title and its address."""
    title = fields.get("title", "")
    return bool(title) and bool(re.search(re.escape(title) + r"\.?\s*\[(?i:online|internet)\]"
                                          r"\.?\s+Available (?:at|from)", text))


def _issued_by_body(candidate: Candidate) -> bool:
    """A work an agency issues itself (``Department of Health, 2008. Title. London:
    Department of Health``): a report, unless it has an edition or an ISBN."""
    fields = candidate.fields
    authors = candidate.names.get("author", [])
    publisher = fields.get("publisher", "")
    return bool(publisher) and is_issuing_body(publisher) and not (
        "edition" in fields or "ISBN" in fields) and (
            len(authors) == 1 and authors[0].literal == publisher)


def _issued_online(fields: dict[str, str]) -> bool:
    """Bath's webpage, ``Title [Online]. Place: Organisation. Available from: URL``: online,
    with a place, issued by a body that is no publisher of books."""
    return ("URL" in fields and fields.get("medium", "pdf").lower() != "pdf"
            and "publisher-place" in fields
            and not is_publisher(fields.get("publisher", "")) and "edition" not in fields
            and "ISBN" not in fields and "DOI" not in fields)


_MARKS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"^[^()]{1,2000}?(?:\((?:eds?|ed\.)\)\s*)?\(\s*(?:1[5-9]|20)\d\d[a-z]?\s*\)\s+"
                r"(?=[A-Z'‘“\"\[])"), 1.0),
    (re.compile(r"(?:\((?:1[5-9]|20)\d\d[a-z]?\)|(?:1[5-9]|20)\d\d[a-z]?,)\s*[‘“'\"]"), 0.5),
    (re.compile(r"Available (?:at|from):|\(Accessed:? |\[Accessed |\b(?:viewed|accessed) \d"), 0.5),
    (re.compile(r"\((?:eds?|ed\.)\)|\bIn: |\bin [A-Z][^()]{0,80}\(eds?\.?\)"), 0.5),
    (re.compile(r"\d\s?\(\w{1,8}\),\s+pp?\.\s?\w|, vol\. \w+, no\. \w+|\bedn\b"), 0.5),
    (re.compile(r"^[A-Z][\w'’-]+,? (?:[A-Z]\.?){1,3}(?:,| and| \(| (?:1[5-9]|20)\d\d)"), 0.5),
    (re.compile(r"\[(?:[A-Za-z.'’ ]*\s)?(?:[Tt]hesis|[Dd]issertation)\]"), 0.5),
    (re.compile(r"[A-Za-z], \d+\(\w+\):\s?[A-Za-z]?\d"), 0.5),
)


def _evidence(text: str, bare: bool) -> float:
    """Harvard's marks: the year in parentheses with no period after it (or bare after the
    names, AGPS), a quoted part title, ``Available at:`` and ``(Accessed: …)``, ``(ed.)``,
    ``24(1), pp.`` and ``edn``, the names inverted with initials."""
    evidence = 0.5 if bare else 0.0
    evidence += sum(weight for mark, weight in _MARKS if mark.search(text))
    return min(evidence, 2.0)


GRAMMAR = Grammar("harvard", "Harvard (Cite Them Right and common variants)", parse)
