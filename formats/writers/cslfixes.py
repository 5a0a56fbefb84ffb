"""Corrections to citeproc-py 0.11.1, applied from outside it.

citeproc-py renders some CSL 1.0.2 rules differently from the reference processor (citeproc-js).
Each function here corrects one defect without touching citeproc-py: the style XML is normalised
before citeproc-py loads it, the CSL-JSON items are adjusted before it reads them, or its plain
output is corrected afterwards. Only the text writer imports this module (it needs lxml).

Not corrected, because only changing citeproc-py's element classes could: a nested `cs:group`
always counts as a variable that rendered (IEEE prints ``[Online].`` with no access date); an
empty locale term falls back to English (GB/T's ``2nd 版``); a title substituted for the
author is printed again (APA, items without author).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from lxml import etree

CSL = "{http://purl.org/net/xbiblio/csl}"

# Elements that render a variable's value (CSL 1.0.2, "Group": the group's implicit condition).
_CALLING = ("text", "number", "date", "names")
# Variables that are never empty where a bibliography entry is rendered.
_ALWAYS_SET = frozenset({"citation-number"})


def normalize_style(xml: bytes) -> bytes:
    """The style `xml` with every style-level correction applied, ready for citeproc-py."""
    root = etree.fromstring(xml, etree.XMLParser(remove_comments=True, no_network=True))
    space_after_left_margin(root)
    keep_groups_with_guarded_variables(root)
    keep_given_names_whole(root)
    capitalise_name_labels(root)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def capitalise_name_labels(root: etree._Element) -> None:
    """Apply ``text-case="title"`` to the role labels of names (APA's ``(Eds.)``).

    citeproc-py never applies it to a `cs:label`, printing ``(eds.)``. The labels are locale
    terms of a word or two (``ed.``, ``eds.``, ``trans.``), for which title case is
    capitalising every word: ``capitalize-all``, which citeproc-py does apply.
    """
    for label in root.iter(f"{CSL}label"):
        parent = label.getparent()
        if label.get("text-case") == "title" and parent is not None and _tag(parent) == "names":
            label.set("text-case", "capitalize-all")


def keep_given_names_whole(root: etree._Element) -> None:
    """Honour ``initialize="false"``: full given names stay full.

    With it, CSL uses `initialize-with` only to punctuate initials already in the data;
    citeproc-py ignores it and shortens every given name (Chicago and MLA print ``Aagesen,
    H.`` for ``Aagesen, Henrik``). Without `initialize-with`, citeproc-py prints given names
    as they are, which is what the option asks for names written in full. An
    `initialize-with` the style sets for all its names (on `cs:style`) is moved onto each
    `cs:name` that does not say ``initialize="false"``, so those keep it.
    """
    names = _rendered_names(root)
    if not any(name.get("initialize") == "false" for name in names):
        return
    inherited = root.get("initialize-with")
    contexts = [root.find(f"{CSL}{tag}") for tag in ("citation", "bibliography")]
    if inherited is not None and all(c is None or "initialize-with" not in c.attrib
                                     for c in contexts):
        del root.attrib["initialize-with"]
        for name in names:
            if name.get("initialize") != "false" and name.get("initialize-with") is None:
                name.set("initialize-with", inherited)
    for name in names:
        if name.get("initialize") == "false" and "initialize-with" in name.attrib:
            del name.attrib["initialize-with"]


def _rendered_names(root: etree._Element) -> list[etree._Element]:
    """The `cs:name` elements that render names (not the style's own `cs:info` authors)."""
    return [name for name in root.iter(f"{CSL}name")
            if name.getparent() is not None and _tag(name.getparent()) == "names"]


def space_after_left_margin(root: etree._Element) -> None:
    """End the first field of a ``second-field-align`` (or ``display="left-margin"``) layout
    with a space.

    citeproc-py joins the fields with nothing, giving ``[1]J. Chen``; CSL sets the first field
    apart (a margin or tab), which in one-line plain text is a space: ``[1] J. Chen``.
    """
    targets = [el for el in root.iter() if el.get("display") == "left-margin"]
    bibliography = root.find(f"{CSL}bibliography")
    if bibliography is not None and bibliography.get("second-field-align"):
        targets += _first_fields(bibliography.find(f"{CSL}layout"))
    for element in dict.fromkeys(targets):
        suffix = element.get("suffix", "")
        if not suffix[-1:].isspace():
            element.set("suffix", suffix + " ")


def _first_fields(parent: etree._Element | None) -> list[etree._Element]:
    """The element that renders first under `parent`, per branch where a `cs:choose` comes first."""
    children = [] if parent is None else [el for el in parent if isinstance(el.tag, str)]
    if not children:
        return []
    if _tag(children[0]) == "choose":
        return [field for branch in children[0] for field in _first_fields(branch)]
    return children[:1]


def keep_groups_with_guarded_variables(root: etree._Element) -> None:
    """Stop citeproc-py suppressing groups whose every variable sits behind a test for it.

    CSL suppresses a `cs:group` when it calls variables and all those it calls are empty; a
    variable is called only when its branch of a `cs:choose` runs. citeproc-py counts every
    variable written anywhere under the group instead, so GB/T 7714's
    ``<group prefix="[" suffix="]"><text macro="type-id"/><text macro="medium-id"/></group>``
    (``medium-id`` tests ``medium``, ``URL`` and ``DOI`` before using them) vanishes for a
    record with none of them, losing the ``[J]``. Such a group can never be suppressed, so each
    child that calls no variable is wrapped in a bare `cs:group`, which citeproc-py treats as a
    variable that rendered.
    """
    calls = _StyleCalls(root)
    for group in list(root.iter(f"{CSL}group")):
        found = calls.under(group, _ancestor_guarantees(group))
        if not (found.any and found.guarded):
            continue
        for child in [el for el in group if isinstance(el.tag, str)]:
            if not calls.seen_by_citeproc(child):
                _wrap_in_group(group, child)


def _wrap_in_group(group: etree._Element, child: etree._Element) -> None:
    wrapper = etree.Element(f"{CSL}group")
    if _tag(child) == "choose" and group.get("delimiter"):
        # cs:choose is transparent: its branch's children take the enclosing group's delimiter.
        wrapper.set("delimiter", group.get("delimiter"))
    child.addprevious(wrapper)
    wrapper.append(child)


class _Calls(NamedTuple):
    any: bool  # some variable is called
    guarded: bool  # every variable called is first tested for (true when none is)


class _StyleCalls:
    """The variable calls under the elements of one style, each macro looked at once."""

    def __init__(self, root: etree._Element) -> None:
        self.macros = {m.get("name"): m for m in root.iterfind(f"{CSL}macro")}
        self._guarded: dict[tuple[str, frozenset[str]], _Calls] = {}
        self._static: dict[str, bool] = {}

    def under(self, element: etree._Element, known: frozenset[str]) -> _Calls:
        """The calls under `element` (through macros), where the variables `known` are set."""
        found = _Calls(False, True)
        for child in element:
            if not isinstance(child.tag, str):
                continue
            here = known | _guarantees(child)
            variables = _called_variables(child)
            if variables:
                found = _Calls(True, found.guarded and bool(set(variables) & (here | _ALWAYS_SET)))
            macro = child.get("macro") if _tag(child) == "text" else None
            for inner in (self._macro(macro, here) if macro in self.macros else None,
                          self.under(child, here)):
                if inner:
                    found = _Calls(found.any or inner.any, found.guarded and inner.guarded)
            if found.any and not found.guarded:
                break
        return found

    def _macro(self, name: str, known: frozenset[str]) -> _Calls:
        key = (name, known)
        if key not in self._guarded:
            self._guarded[key] = _Calls(False, True)  # a macro calling itself adds nothing
            self._guarded[key] = self.under(self.macros[name], known)
        return self._guarded[key]

    def seen_by_citeproc(self, element: etree._Element) -> bool:
        """Whether citeproc-py counts `element` as calling a variable (it reads every branch)."""
        tag = _tag(element)
        if tag in ("group", "number", "date", "names") or _called_variables(element):
            return True
        if tag == "label":
            return element.get("variable") == "locator"
        macro = element.get("macro") if tag == "text" else None
        if macro in self.macros:
            if macro not in self._static:
                self._static[macro] = False  # a macro calling itself adds nothing
                self._static[macro] = self.seen_by_citeproc(self.macros[macro])
            return self._static[macro]
        return any(self.seen_by_citeproc(child) for child in element
                   if isinstance(child.tag, str))


def _called_variables(element: etree._Element) -> list[str]:
    if _tag(element) not in _CALLING:
        return []
    return [v for v in element.get("variable", "").split() if v != "year-suffix"]


def _guarantees(element: etree._Element) -> frozenset[str]:
    """Variables a `cs:if` / `cs:else-if` proves non-empty inside its branch."""
    if _tag(element) not in ("if", "else-if"):
        return frozenset()
    present = element.get("variable", "").split() + element.get("is-numeric", "").split()
    tests = sum(len(value.split()) for key, value in element.attrib.items() if key != "match")
    match = element.get("match", "all")
    if match == "all" or (match == "any" and tests == 1):
        return frozenset(present)
    return frozenset()


def _ancestor_guarantees(element: etree._Element) -> frozenset[str]:
    known: frozenset[str] = frozenset()
    for ancestor in element.iterancestors():
        known |= _guarantees(ancestor)
    return known


def _tag(element: etree._Element) -> str:
    return element.tag.removeprefix(CSL) if isinstance(element.tag, str) else ""


# Han, kana and hangul; a name written in them is "non-Byzantine" in citeproc-js's terms.
_CJK = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]")
_ROMANESQUE = re.compile(r"[A-Za-z\u00c0-\u017f\u0386-\u03fb\u0400-\u052f\u1f00-\u1ffe]")


def join_cjk_names(item: dict[str, Any]) -> dict[str, Any]:
    """`item` with Chinese, Japanese and Korean personal names joined into one family name.

    Such names are always printed family name first, with no space and no initials (``张三``,
    as citeproc-js does); citeproc-py treats them as Western names (``张 三``, ``三. 张``).
    """
    return {key: [_joined(name) for name in value] if _is_name_list(value) else value
            for key, value in item.items()}


def _is_name_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(name, dict) for name in value)


def _joined(name: dict[str, str]) -> dict[str, str]:
    family, given = name.get("family", ""), name.get("given", "")
    if not (family and given) or _ROMANESQUE.search(family + given):
        return name
    if not _CJK.search(family + given):
        return name
    return {**{k: v for k, v in name.items() if k != "given"}, "family": family + given}


def move_punctuation_into_quotes(text: str, close_quotes: Iterable[str]) -> str:
    """Put a comma or period that follows a closing quote inside it (``punctuation-in-quote``).

    citeproc-py reads the locale option but never applies it, giving ``“Title”, Medcomm``
    where an en-US style wants ``“Title,” Medcomm``. A mark already ending the quoted text
    (``“Why?”,``) absorbs the moved one, as in citeproc-js.
    """
    for quote in dict.fromkeys(q for q in close_quotes if q):
        pattern = re.compile(rf"([.,?!]?){re.escape(quote)}([.,])")
        text = pattern.sub(lambda m, quote=quote: (m[1] or m[2]) + quote, text)
    return text


_PERIOD_AFTER_MARK = re.compile(r"([?!])\.(?=\s|$)")


def drop_period_after_question_mark(text: str) -> str:
    """Drop a period that follows a question or exclamation mark (``Why?. Medcomm``).

    citeproc-py only merges identical marks where two pieces meet; CSL processors also let
    ``?`` and ``!`` absorb a following period.
    """
    return _PERIOD_AFTER_MARK.sub(r"\1", text)


def range_starts(item: dict[str, Any]) -> dict[str, Any]:
    """`item` with each date range cut to its start.

    citeproc-py renders nothing at all for a date with two ``date-parts`` rows, so a journal
    issue dated ``JAN-FEB 2017`` lost its year in every style; its start is what most styles
    print of it anyway.
    """
    return {key: _range_start(value) for key, value in item.items()}


def _range_start(value: Any) -> Any:
    if isinstance(value, dict) and len(value.get("date-parts") or []) > 1:
        return {**value, "date-parts": value["date-parts"][:1]}
    return value


_APOSTROPHE = re.compile(r"(?<=\w)'|'(?=\w)")


def typographic_apostrophes(text: str) -> str:
    """Straight apostrophes as typographic ones (``Master's`` → ``Master’s``), as citeproc-js
    prints every apostrophe in the data; citeproc-py leaves them as typed."""
    return _APOSTROPHE.sub("’", text) if "'" in text else text
