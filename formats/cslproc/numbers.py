"""Number variables: what is numeric, what is plural, ordinals, roman numerals, page ranges.

A number variable (``volume``, ``issue``, ``page``, ``number``, ...) is read as values joined
by ``-``, ``,``, ``&``, ``and`` or ``;``, each value a number with an optional leading
particle (``S43``, ``e70095``). As in citeproc-js: a value is numeric when its first number
is; it is plural when several numbers are joined; a range of numbers with the same particle
prints the locale's range delimiter (an en dash) and, for pages, the style's
``page-range-format``; anything else keeps its hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .locale import Locale

_AND = r"\s*&\s*"
_JOINERS = re.compile(rf"({_AND}|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*\\*[-\u2013]+\s*)")
_JOINERS_NO_HYPHEN = re.compile(rf"({_AND}|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*\\*[\u2013]+\s*)")
_AND_JOINER = re.compile(_AND)
_HYPHEN_JOINER = re.compile(r"\s*-\s*")
_LETTERS = re.compile(r"[,a-zA-Z]+")
_LEADING_INT = re.compile(r"\s*([-+]?\d+)")
_FIRST_WORD = re.compile(r"^([^ ]+)")
_LABEL_PARTS = re.compile(r"(\s*)(\S+)(\s*)")
_PART = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$")
_FIRST_NUMERIC = re.compile(r"^(?:[0-9]+|[ixv]+)([-,:a-zA-Z]*|-[-0-9]+)$")
_ROMAN = re.compile(r"^[ivxlcmIVXLCM]+$")
_ROMAN_OR_DIGITS = re.compile(r"^([0-9]+|[ivxlcmIVXLCM]+)$")
_SLASHED = re.compile(r"^[0-9]+(?:/[0-9]+)+$")
_SUBSECTION_START = re.compile(r"^(?:(?:[a-z]|[a-z][a-z]|[a-z][a-z][a-z]|[a-z][a-z][a-z][a-z])\."
                               r"  *)*[0-9]+[,a-zA-Z]+$")
_RESPLIT = re.compile(r"^((?:[0-9]*[a-zA-Z]+0*))?([0-9]+[a-z]*)(\s*[^0-9]+\s*)([-,a-zA-Z]?0*)"
                      r"([0-9]+[a-z]*)$")
RANGED = ("page", "chapter-number", "collection-number", "edition", "issue", "number",
           "number-of-pages", "number-of-volumes", "volume", "locator", "locator-extra")
_EN_DASHED = ("locator", "locator-extra", "issue", "volume", "edition", "number")
_ROMAN_DIGITS = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90),
                 ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


# Labels citeproc-js recognises inside number values (``p. 12``, ``114, illus.``), and the
# label each variable is read with when its value names none.
LABELS = {
    "vrs.": "verse", "sv.": "sub-verbo", "subpara.": "subparagraph", "op.": "opus",
    "subch.": "subchapter", "add.": "addendum", "amend.": "amendment", "annot.": "annotation",
    "app.": "appendix", "art.": "article", "bibliog.": "bibliography", "bk.": "book",
    "ch.": "chapter", "cl.": "clause", "col.": "column", "cmt.": "comment", "dec.": "decision",
    "dept.": "department", "ex.": "example", "fig.": "figure", "fld.": "field", "fol.": "folio",
    "n.": "note", "hypo.": "hypothetical", "illus.": "illustration", "intro.": "introduction",
    "l.": "line", "no.": "issue", "p.": "page", "pp.": "page", "para.": "paragraph",
    "pt.": "part", "pmbl.": "preamble", "princ.": "principle", "pub.": "publication",
    "r.": "rule", "rn.": "randnummer", "sched.": "schedule", "sec.": "section",
    "ser.": "series,", "subdiv.": "subdivision", "subsec.": "subsection", "supp.": "supplement",
    "tbl.": "table", "tit.": "title", "vol.": "volume",
}
_DEFAULT_LABELS = {name: label for label, name in LABELS.items() if label != "pp."}
_LABEL = re.compile(r"((?:^| )(?:[a-z]|[a-z][a-z]|[a-z][a-z][a-z]|[a-z][a-z][a-z][a-z]|subpara"
                    r"|subch|amend|bibliog|annot|illus|princ|intro|sched|subdiv|subsec)"
                    r"(?:\.| ) *)")
_LABEL_SPLIT = re.compile(r"(?:(?:^| )(?:[a-z]|[a-z][a-z]|[a-z][a-z][a-z]|[a-z][a-z][a-z][a-z]"
                          r"|subpara|subch|amend|bibliog|annot|illus|princ|intro|sched|subdiv"
                          r"|subsec)(?:\.| ) *)")
_LABELLED_VALUE = re.compile(r"^[0-9]+([-;,:a-zA-Z]*)$")
_PAGE_LIKE = ("locator", "number", "locator-extra", "page")


@dataclass
class Part:
    """One value of a number variable: a particle, the number, what joins it to the next,
    and the label it was read under (``p.``, ``illus.``, or ``var:volume``)."""

    particle: str
    value: str
    joiner: str = ""
    label: str = ""
    label_suffix: str = ""
    label_visible: bool = False
    plural: bool = False
    numeric: bool = False
    collapsible: bool = False


@dataclass
class Number:
    """A number variable's value, read."""

    parts: list[Part]
    numeric: bool
    plural: bool
    collapsible: bool


def parse_int(text: str) -> int | None:
    """JavaScript's ``parseInt``: the leading digits, or None."""
    match = _LEADING_INT.match(text)
    return int(match[1]) if match else None


def parse(text: str, variable: str = "", has_term: Callable[[str], bool] | None = None) \
        -> Number:
    """Read a number variable's value (see the module docstring)."""
    has_term = has_term or (lambda name: True)
    text = original = text.strip()
    first_word = _FIRST_WORD.match(text)
    if first_word and first_word[1] not in LABELS:
        embedded = "p." if variable in ("locator", "locator-extra", "page") else \
            _DEFAULT_LABELS.get(variable)
        if embedded:
            text = f"{embedded} {text}"
    if variable == "page":
        text = text.replace("\u2013", "-")
    joiners = _JOINERS
    if "\\-" in text:
        joiners = _JOINERS_NO_HYPHEN
        text = "\\-".join(p.replace("-", "\u2013") for p in text.split("\\-")).replace("\\", "")
    elements = _recombine_subsections(joiners.split(text))
    parts: list[Part] = []
    label = ""
    original_label = ""
    for i in range(0, len(elements), 2):
        element = elements[i]
        joiner = elements[i + 1] if i + 1 < len(elements) else ""
        following = elements[i + 2:i + 3]
        found = _LABEL.findall(element)
        if not found:
            parts.append(_part(variable, _filtered(original_label, label), label, element,
                               joiner, following, i))
            continue
        pieces = _LABEL_SPLIT.split(element)
        for j in range(len(pieces) - 1, 0, -1):
            if pieces[j - 1] and (not _LABELLED_VALUE.match(pieces[j])
                                  or not _LABELLED_VALUE.match(pieces[j - 1])):
                pieces[j - 1] = pieces[j - 1] + found[j - 1] + pieces[j]
                del pieces[j]
                del found[j - 1]
        if found:
            slug = found[0].strip()
            not_a_label = (slug not in LABELS or not has_term(LABELS[slug])
                           or (variable not in _PAGE_LIKE and LABELS[slug] != variable))
            if not_a_label:
                if i == 0 and len(pieces) > 1:
                    found = found[1:]
                    pieces[0:2] = [f"{pieces[0]} {slug} {pieces[1]}"]
            else:
                original_label = slug
        for j, piece in enumerate(pieces):
            if piece or j == len(pieces) - 1:
                if j > 0 and j - 1 < len(found):
                    label = found[j - 1]
                last = j == len(pieces) - 1
                parts.append(_part(variable, _filtered(original_label, label), label,
                                   piece.strip(), joiner if last else "", following, i))
    _plurals(parts, variable, original, has_term)
    first = parts[0] if parts else Part("", "")
    if len(parts) == 1 and _SLASHED.match(first.value):
        first.plural, first.numeric, first.collapsible = False, True, False
        return Number(parts, True, False, False)
    numeric = bool(first.value) and _FIRST_NUMERIC.match(first.value) is not None
    collapsible = parse_int(first.value) is not None or bool(_ROMAN.match(first.value))
    return Number(parts, numeric, first.plural and numeric, collapsible)


def _filtered(original: str, label: str) -> str:
    return "" if original == label.strip() else original


def _part(variable: str, original_label: str, label: str, value: str, joiner: str,
          following: list[str], position: int) -> Part:
    if not label and variable not in _DEFAULT_LABELS:
        label = f"var:{variable}"
    match = _LABEL_PARTS.match(label) if label else None
    name, suffix = (match[2], match[3]) if match else (label, "")
    visible = variable == "page" and position == 0 and name not in ("p.", "pp.")
    matched = _PART.match(value)
    particle, number = (matched[1] or "", matched[2]) if matched else ("", value)
    return Part(particle, number, _joiner(joiner, value, following), name, suffix, visible)


def _plurals(parts: list[Part], variable: str, text: str,
             has_term: Callable[[str], bool]) -> None:
    """Numeric, plural and visible labels per run of values with the same label."""
    start = 0
    for i in range(1, len(parts) + 1):
        if i < len(parts) and parts[i].label == parts[i - 1].label:
            continue
        group = parts[start:i]
        master = group[0].value
        numeric = bool(master) and _FIRST_NUMERIC.match(master) is not None
        collapsible = parse_int(master) is not None or bool(_ROMAN.match(master))
        for part in group:
            part.plural = len(group) > 1 and collapsible and numeric
            part.numeric, part.collapsible = numeric, collapsible
        label = group[0].label
        if not label.startswith("var:"):
            if start == 0:
                if variable in _PAGE_LIKE and not has_term(LABELS.get(label, "")):
                    group[0].label_visible = True
                if variable not in _PAGE_LIKE and LABELS.get(label) != variable:
                    group[0].label_visible = True
            else:
                group[0].label_visible = True
        start = i
    if parts and variable.startswith("number-of-") and parts[0].value and \
            _FIRST_NUMERIC.match(parts[0].value) and (parse_int(text) or 0) > 1:
        parts[0].plural = True


def _recombine_subsections(elements: list[str]) -> list[str]:
    """``12a-c`` stays one value (a subsection range), not the range 12a to c."""
    i = len(elements) - 2
    while i > 0:
        if (_HYPHEN_JOINER.fullmatch(elements[i]) and _SUBSECTION_START.match(elements[i - 1])
                and _LETTERS.fullmatch(elements[i + 1])):
            elements[i - 1:i + 2] = ["".join(elements[i - 1:i + 2])]
        i -= 2
    return elements


def _joiner(joiner: str, value: str, following: list[str]) -> str:
    if _AND_JOINER.fullmatch(joiner):
        after = following[0] if following else ""
        return "&" if value[-1:].isalpha() and after[:1].isalpha() else " & "
    return _HYPHEN_JOINER.sub("-", joiner, count=1) if "-" in joiner else joiner


def is_numeric(text: str, variable: str = "") -> bool:
    """CSL's ``is-numeric``: the value is a number, a list or range of them, ``2nd``, ``12a``."""
    return parse(text, variable).numeric if text else False


def _range_delimiter(variable: str, delimiter: str, numeric: bool, locale: Locale) -> str:
    if delimiter != "-" or not numeric:
        return delimiter
    if variable == "page" or variable in _EN_DASHED:
        return locale.term("page-range-delimiter") or "\u2013"
    if variable == "collection-number":
        return locale.term("year-range-delimiter") or "\u2013"
    return delimiter


def fix_ranges(number: Number, variable: str, locale: Locale, page_format: str) -> None:
    """Give the ranges of `number` their delimiter and, for pages, their page-range format."""
    parts = number.parts
    count, label = 0, None
    for i, part in enumerate(parts):
        if not part.collapsible:
            count, label = 0, None
            part.joiner = _range_delimiter(variable, part.joiner, part.numeric, locale)
        elif label == part.label and part.joiner == "-":
            count = 1
        elif label == part.label:
            count += 1
            if count == 2:
                count = _join_range(parts, i, variable, part.numeric, locale, page_format)
        else:
            label, count = part.label, 1
    if count == 2:
        _join_range(parts, len(parts) - 1, variable, parts[-1].numeric, locale, page_format)


def _join_range(parts: list[Part], i: int, variable: str, numeric: bool, locale: Locale,
                page_format: str) -> int:
    """Format the range ending at ``parts[i]``; the count of numbers the range scan goes on
    with."""
    start, end = parts[i - 1], parts[i]
    if start.particle != end.particle:
        return 2
    if start.joiner != "-":
        return 1
    first, last = parse_int(start.value), parse_int(end.value)
    if not page_format and first is not None and last is not None and first > last:
        start.joiner = _range_delimiter(variable, start.joiner, True, locale)
        return 2
    if variable == "page" and first is not None and last is not None:
        text = page_range(f"{start.particle}{start.value} - {end.particle}{end.value}",
                          locale, page_format)
    else:
        if _ROMAN_OR_DIGITS.match(start.value) and _ROMAN_OR_DIGITS.match(end.value):
            start.joiner = locale.term("page-range-delimiter") or "\u2013"
        text = start.value + start.joiner.replace("\\-", "-") + end.value
    match = _RESPLIT.match(text)
    if match:
        start.particle, start.value = match[1] or "", match[2]
        start.joiner = _range_delimiter(variable, match[3], numeric, locale)
        end.particle, end.value = match[4], match[5]
    return 0


def in_form(value: str, form: str, locale: Locale, gender: str) -> str:
    number = parse_int(value)
    if number is None:
        return value
    if form == "ordinal":
        return f"{number}{locale.ordinal(number, gender)}"
    if form == "long-ordinal":
        return locale.long_ordinal(number, gender)
    if form == "roman":
        return roman(number)
    return value


def roman(number: int) -> str:
    """Lower-case roman numerals, as CSL's ``form="roman"`` prints them (to 5999)."""
    if not 0 < number < 6000:
        return str(number)
    out = []
    for letters, value in _ROMAN_DIGITS:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


# ------------------------------------------------------------------ page ranges

_RANGE_IN_TEXT = re.compile(r"((?:[0-9]*[a-zA-Z]+0*)?[0-9]+[a-z]*\s+-\s+(?:[0-9]*[a-zA-Z]+0*)?"
                            r"[0-9]+[a-z]*)")
_RANGE = re.compile(r"([0-9]*[a-zA-Z]+0*)?([0-9]+[a-z]*)\s*(?:\u2013|-)\s*"
                    r"([0-9]*[a-zA-Z]+0*)?([0-9]+[a-z]*)")


def page_range(text: str, locale: Locale, page_format: str = "") -> str:
    """Every ``a-b`` page range in `text`, expanded and then shortened per `page_format`
    (``expanded``, ``minimal``, ``minimal-two``, ``chicago``/``chicago-15``, ``chicago-16``)."""
    delimiter = locale.term("page-range-delimiter") or "\u2013"
    own = "" if delimiter == "-" else re.escape(delimiter)
    text = re.sub(rf"([^\\])[-{own}\u2013]", r"\1 - ", text)
    text = re.sub(r"\s+-\s+", " - ", text)
    pieces: list[str | list[str]] = list(_RANGE_IN_TEXT.split(text))
    for i in range(1, len(pieces), 2):
        pieces[i] = _expand(re.sub(r"\s*-\s*", "-", str(pieces[i])), delimiter)
    for i in range(1, len(pieces), 2):
        piece = pieces[i]
        if isinstance(piece, list):
            _shorten(piece, page_format, delimiter)
    joined = "".join("".join(p) if isinstance(p, list) else p for p in pieces)
    return re.sub(r"([^\\])-", lambda m: m[1] + delimiter, joined)


def _expand(text: str, delimiter: str) -> str | list[str]:
    match = _RANGE.search(text)
    if match:
        start_particle, first, end_particle, last = (match[1] or "", match[2], match[3],
                                                     match[4])
        if not end_particle or start_particle == end_particle:
            if len(last) < len(first):
                last = first[:len(first) - len(last)] + last
            if (parse_int(first) or 0) < (parse_int(last) or 0):
                return [start_particle, first, delimiter + start_particle, last]
    return text.replace("-", delimiter)


def _shorten(parts: list[str], page_format: str, delimiter: str) -> None:
    first, last = parts[1], parts[3]
    if page_format == "minimal":
        parts[3] = _drop_shared(first, last, 0)
    elif page_format == "minimal-two":
        parts[3] = _drop_shared(first, last, 2)
    elif page_format in ("chicago", "chicago-15"):
        parts[3] = _chicago_15(int(parse_int(first) or 0), int(parse_int(last) or 0), last)
    elif page_format == "chicago-16":
        parts[3] = _chicago_16(int(parse_int(first) or 0), int(parse_int(last) or 0), last)
    else:
        return
    if parts[2][1:] == parts[0]:
        parts[2] = delimiter


def _drop_shared(first: str, last: str, keep: int) -> str:
    if len(first) != len(last):
        return last
    shared = 0
    while shared < len(first) and first[shared] == last[shared] and len(last) - shared > keep:
        shared += 1
    return last[shared:]


def _chicago_15(first: int, last: int, text: str) -> str:
    if first > 100 and first % 100 and first // 100 == last // 100:
        return str(last % 100)
    if first >= 10000:
        return str(last % 1000)
    return text


def _chicago_16(first: int, last: int, text: str) -> str:
    if first > 100 and first % 100:
        for digits in range(2, len(str(last))):
            divisor = 10 ** digits
            if first // divisor == last // divisor:
                return str(last % divisor)
    return text
