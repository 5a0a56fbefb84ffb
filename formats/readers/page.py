"""Record pages: a record copied from an academic site's detail page, under Chinese labels.

The layout (field notes: shared/research/formats.md, "The record page") is a title line, then
labelled sections: a label alone on its line (``作者``) with its values on the following lines,
or a label with its value after a colon (``被引:0``, ``页数：23``). Several records may be pasted
one after another; each may end with a ``相关论文`` list of related records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..casing import set_container_title
from ..diagnostics import Diagnostic, warning
from ..extension import parse_classifications
from ..languages import language_code
from ..names import is_han, parse_name
from ..numbers import normalise_pages, strip_zeros
from ..record import Classification, Date, Origin, Record
from ..references import related
from ..references.common import to_record
from ..registry import Reader, ReadStream
from ..tagged import split_keywords

# Label text (spaces removed, Latin letters upper-cased) → the section it opens.
LABELS = {
    "题名": "title", "标题": "title", "篇名": "title",
    "被引": "times-cited", "被引频次": "times-cited",
    "作者": "authors",
    "机构": "affiliations", "作者单位": "affiliations",
    "来源": "source", "出版物": "source",
    "关键词": "keywords",
    "DOI": "doi",
    "中图分类号": "clc",
    "学科分类号": "discipline",
    "摘要": "abstract",
    "页数": "page-count",
    "页码": "pages",
    "基金": "funding", "基金项目": "funding", "基金资助": "funding",
    "通讯作者": "corresponding-author",
    "语种": "language", "语言": "language",
    "ISSN": "issn", "ISBN": "isbn", "PMID": "pmid",
    "出版社": "publisher",
    "链接": "url", "URL": "url",
    "文献类型": "document-type",
    "相关论文": "related",
    "引用": "button", "收藏": "button", "分享": "button", "导出": "button",
}
# Sections that appear once, near the top: meeting one again means a new record has begun.
RECORD_OPENERS = frozenset({"title", "times-cited", "authors"})

# Document types (Web of Science DT and Chinese names) → CSL item types.
DOCUMENT_TYPES = {
    "article": "article-journal", "review": "article-journal", "期刊论文": "article-journal",
    "proceedings paper": "paper-conference", "会议论文": "paper-conference",
    "book": "book", "图书": "book", "book chapter": "chapter",
    "学位论文": "thesis", "thesis": "thesis", "patent": "patent", "专利": "patent",
    "standard": "standard", "标准": "standard", "report": "report", "报告": "report",
    "news item": "article-newspaper", "报纸": "article-newspaper",
}


_INLINE_LABEL = re.compile(
    r"^\s*(?P<label>[^:：\s][^:：]{0,9}?)\s*[:：]\s*(?P<value>.*)$"
    r"|^\s*(?P<code_label>DOI|ISSN|ISBN|PMID)\s+(?P<code>\S.*)$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*[-=_*~—─]{3,}\s*$")
_MARKERS = re.compile(r"(?:\s*[\[［]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]］])+\s*$")
_AT_MARKER = re.compile(r"(?=[\[［]\s*\d+\s*[\]］])")
_NUMBERED = re.compile(r"^\s*[\[［(（]\s*(\d+)\s*[\]］)）]\s*(.*)$")
_RELATED_TOTAL = re.compile(r"^\s*共\s*(\d+)\s*条\s*$")
_YEAR = re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月)?")
_VOLUME = re.compile(r"(\S+?)\s*卷")
_PLAIN_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)()")
_VOLUME_ISSUE = re.compile(r"(?<![\d年])(\d+)\s*[(（]\s*([^)）]+?)\s*[)）]")
_ISSUE = re.compile(r"(\S+?)\s*期")
_LIST_SEPARATOR = re.compile(r"[;；]")
_CORRESPONDING = re.compile(r"\s*(?:[*＊✉]|[(（]通讯作者[)）])\s*")
_HAN_NAME_SEPARATOR = re.compile(r"[,，、](?![^\[［]*[\]］])")  # not inside a [1,2 ] marker


@dataclass
class _Section:
    key: str
    line: int
    values: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Block:
    """The lines of one record: title lines, then its labelled sections in order."""

    title: list[tuple[int, str]] = field(default_factory=list)
    sections: list[_Section] = field(default_factory=list)

    def has(self, key: str) -> bool:
        return any(section.key == key for section in self.sections)

    @property
    def line(self) -> int:
        return (self.title or [(self.sections[0].line, "")])[0][0]


def detect(head: str) -> float:
    """Sure when several of the page's labels, Chinese ones among them, start lines."""
    labelled = [(_label(line)[0], line) for line in head.splitlines()]
    labels = {key for key, _ in labelled} - {None, "button"}
    chinese = {key for key, line in labelled if key in labels and not line.isascii()}
    if len(labels) < 2 or not chinese:
        return 0.0
    return min(1.0, 0.3 + 0.15 * len(labels))


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield each record of the page (its related records attached), with any problems."""
    for block in _blocks(enumerate(lines, start=1)):
        yield from _record(block, source)


def _label(line: str) -> tuple[str | None, str]:
    """The section a line opens and any value on the same line, or ``(None, line)``."""
    compact = re.sub(r"\s+", "", line).upper()
    if compact in LABELS:
        return LABELS[compact], ""
    match = _INLINE_LABEL.match(line)
    if match:
        label = re.sub(r"\s+", "", match["label"] or match["code_label"]).upper()
        if label in LABELS:
            return LABELS[label], (match["value"] or match["code"] or "").strip()
    return None, line


def _blocks(numbered: Iterable[tuple[int, str]]) -> Iterator[_Block]:
    """Group lines into records, streaming.

    A record's title is its first line; a later record is recognised when a section that
    opens records (被引, 作者) comes a second time: the line before it is the new title.
    """
    block = _Block()
    for number, line in numbered:
        if not line.strip() or _SEPARATOR.match(line):
            continue
        key, value = _label(line)
        if key is None:
            target = block.sections[-1].values if block.sections else block.title
            target.append((number, line))
            continue
        if key in RECORD_OPENERS and block.has(key):
            # A labelled title (题名) starts the next record itself; else the line before does.
            title = [] if key == "title" else _take_title_back(block)
            yield block
            block = _Block(title=title)
        block.sections.append(_Section(key, number, [(number, value)] if value else []))
    if block.title or block.sections:
        yield block


def _take_title_back(block: _Block) -> list[tuple[int, str]]:
    """Remove and return the last plain line of `block`: the next record's title."""
    values = block.sections[-1].values if block.sections else block.title
    return [values.pop()] if values else []


def _record(block: _Block, source: str) -> Iterator[Record | Diagnostic]:
    title = " ".join(text.strip() for _, text in block.title)
    record = Record(type="article-journal", origin=Origin(source, block.line))
    if title:
        record.fields["title"] = title
        if is_han(title):
            record.fields["language"] = "zh-CN"
    authors: list[tuple[str, list[int]]] = []
    affiliations: dict[int, str] = {}
    for section in block.sections:
        problem = _apply(section, record, authors, affiliations, source)
        if problem:
            yield warning(problem, source, section.line, record.describe())
    _link_authors(record, authors, affiliations)
    if not record.get("title"):
        yield warning("no title line before the first label", source, block.line)
    elif is_han(record.get("title")):
        record.fields.setdefault("language", "zh-CN")
    yield record


def _apply(
    section: _Section, record: Record, authors: list, affiliations: dict, source: str
) -> str:
    """Read one section into the record; returns what was wrong with it, if anything."""
    texts = [text.strip() for _, text in section.values]
    key = section.key
    if key == "authors":
        authors.extend(_author_entry(part) for text in texts for part in _split_authors(text))
    elif key == "affiliations":
        affiliations.update(_affiliations(texts))
    elif key == "related":
        return _related(section, record, source)
    elif key == "abstract":
        record.fields["abstract"] = "\n".join(texts)
    elif key == "button" or not texts:
        return ""
    elif key in SINGLE_VALUE_SECTIONS:
        # Lines of a list section are items (one keyword a line); any other value wraps.
        joiner = ";" if key in LIST_SECTIONS else " "
        return SINGLE_VALUE_SECTIONS[key](joiner.join(texts), record)
    return ""


def _split_authors(text: str) -> list[str]:
    """Authors on one line: ``;``-separated, or, for Han-script names, also ``,`` or ``、``."""
    parts = [part for part in _LIST_SEPARATOR.split(text) if part.strip()]
    return [name for part in parts
            for name in (_HAN_NAME_SEPARATOR.split(part) if _is_han_list(part) else [part])
            if name.strip()]


def _is_han_list(text: str) -> bool:
    return is_han(text) and not re.search(r"[A-Za-z]", _MARKERS.sub("", text))


def _author_entry(text: str) -> tuple[str, list[int]]:
    """``Chen, Jiayi [1,2 ]`` → ``("Chen, Jiayi", [1, 2])``; a corresponding author's mark
    (``*``, ``✉``, ``(通讯作者)``) is dropped."""
    text = _CORRESPONDING.sub("", text)
    markers = _MARKERS.search(text)
    if not markers:
        return text.strip(), []
    return text[:markers.start()].strip(), [int(n) for n in re.findall(r"\d+", markers.group())]


def _affiliations(texts: list[str]) -> dict[int, str]:
    """``[1] Jilin Univ, ...`` lines by number; unnumbered lines continue the one before, or,
    when no line is numbered, are numbered in order. Several ``[n]`` on one line are split."""
    texts = [part.strip(" ;；") for text in texts for part in _AT_MARKER.split(text)
             if part.strip(" ;；")]
    numbered = any(_NUMBERED.match(text) for text in texts)
    result: dict[int, str] = {}
    for text in texts:
        match = _NUMBERED.match(text)
        if match:
            result[int(match[1])] = match[2].strip()
        elif numbered and result:
            last = max(result)
            result[last] += " " + text
        else:
            result[len(result) + 1] = text
    return result


def _link_authors(record: Record, authors: list, affiliations: dict[int, str]) -> None:
    """Attach affiliations to authors by marker; a single affiliation and no markers at all
    means every author has it. Affiliations nobody points to are kept as unlinked."""
    no_markers = all(not markers for _, markers in authors)
    if no_markers and len(affiliations) == 1:
        authors = [(name, list(affiliations)) for name, _ in authors]
    names = [
        parse_name(text, tuple(affiliations[n] for n in markers if n in affiliations))
        for text, markers in authors
    ]
    if names:
        record.names["author"] = names
    used = {n for _, markers in authors for n in markers}
    record.add_extra("unlinked-affiliation", *(a for n, a in affiliations.items() if n not in used))


def _times_cited(text: str, record: Record) -> str:
    count = _count(text)
    record.add_extra("times-cited", count or text)
    return "" if count else f"times cited {text!r} is not a whole number"


def _page_count(text: str, record: Record) -> str:
    count = _count(text)
    record.fields["number-of-pages"] = count or text
    return "" if count else f"page count {text!r} is not a whole number"


def _count(text: str) -> str:
    """``23``, ``23页``, ``12 次``, ``1,024`` → the number; "" when `text` is not one."""
    match = re.fullmatch(r"\s*(\d[\d,]*)\s*(?:页|次|pp?\.?|pages?|times?)?\s*", text, re.I)
    return match[1].replace(",", "") if match else ""


def _pages(text: str, record: Record) -> str:
    record.fields["page"] = normalise_pages(text)
    return ""


def _doi(text: str, record: Record) -> str:
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", text.strip(), flags=re.I)
    record.fields["DOI"] = doi
    return "" if doi.startswith("10.") else f"DOI {doi!r} does not start with '10.'"


def _source(text: str, record: Record) -> str:
    """``MEDCOMM | 2025年 / 6卷 / 03期``, any part after the journal optional (also written
    ``MEDCOMM | 2025, 6(3)``)."""
    container, bar, details = text.partition("|")
    unbarred = None if bar else _YEAR.search(text)
    if unbarred:  # "MEDCOMM 2025年 6卷 03期": the journal is what comes before the year
        container, details = text[:unbarred.start()].strip(" ,/"), text[unbarred.start():]
    set_container_title(record, container.strip())
    year = _YEAR.search(details) or _PLAIN_YEAR.search(details)
    if year:
        parts = (int(year[1]),) + ((int(year[2]),) if year[2] else ())
        record.dates["issued"] = Date(parts)
    for pattern, variable in ((_VOLUME, "volume"), (_ISSUE, "issue")):
        match = pattern.search(details)
        if match:
            record.fields[variable] = strip_zeros(match[1])
    volume_issue = _VOLUME_ISSUE.search(details)
    if volume_issue and "volume" not in record.fields:
        record.fields["volume"] = strip_zeros(volume_issue[1])
        record.fields.setdefault("issue", strip_zeros(volume_issue[2]))
    if details.strip() and not year:
        return f"no year in source {text!r}; expected 'JOURNAL | 2025年 / 6卷 / 03期'"
    return ""


def _keywords(text: str, record: Record) -> str:
    record.keywords.extend(split_keywords(text))  # "a; b;" or, on Chinese pages, "甲，乙"
    return ""


def _clc(text: str, record: Record) -> str:
    record.classifications.extend(parse_classifications("CLC", text))
    return ""


def _discipline(text: str, record: Record) -> str:
    for code in re.split(r"[;；\s]+", text):
        if code:
            record.classifications.append(Classification("discipline", code))
    return ""


def _language(text: str, record: Record) -> str:
    record.fields["language"] = language_code(text)
    return ""


def _document_type(text: str, record: Record) -> str:
    record.add_extra("document-type", text)
    csl_type = DOCUMENT_TYPES.get(text.split(";")[0].strip().lower())
    if csl_type:
        record.type = csl_type
        return ""
    return f"document type {text!r} not known; kept as an article"


def _text_field(variable: str):
    def apply(text: str, record: Record) -> str:
        record.fields[variable] = text
        return ""

    return apply


def _extra_field(key: str):
    def apply(text: str, record: Record) -> str:
        record.add_extra(key, text)
        return ""

    return apply


LIST_SECTIONS = frozenset({"keywords", "clc", "discipline"})
SINGLE_VALUE_SECTIONS = {
    "title": _text_field("title"),
    "times-cited": _times_cited,
    "source": _source,
    "keywords": _keywords,
    "doi": _doi,
    "clc": _clc,
    "discipline": _discipline,
    "page-count": _page_count,
    "pages": _pages,
    "funding": _extra_field("funding"),
    "corresponding-author": _extra_field("corresponding-author"),
    "language": _language,
    "issn": _text_field("ISSN"),
    "isbn": _text_field("ISBN"),
    "pmid": _text_field("PMID"),
    "publisher": _text_field("publisher"),
    "url": _text_field("URL"),
    "document-type": _document_type,
}


def _related(section: _Section, record: Record, source: str) -> str:
    """Each ``• [41] title`` item with its author lines and its source line, as a record.

    Without bullets or numbers (pasted as plain lines), an item ends at its source line.
    """
    items: list[list[tuple[int, str]]] = []
    marked = any(related.ITEM.match(text) for _, text in section.values)
    closed = True
    for number, text in section.values:
        total = _RELATED_TOTAL.match(text)
        if total:
            record.add_extra("related-total", total[1])
        elif related.ITEM.match(text) or (not marked and closed):
            items.append([(number, text)])
            closed = False
        elif items:
            items[-1].append((number, text))
            closed = bool(related.SOURCE.match(text.strip()))
    record.related.extend(_related_record(item, source) for item in items)
    unsourced = [r.origin.line for r in record.related if "container-title" not in r.fields]
    if unsourced:
        lines = ", ".join(str(line) for line in unsourced)
        return (f"related item(s) at line {lines} have no source line; "
                "expected 'JOURNAL, 2020, 504 (06) : 36 - 42' after the authors")
    return ""


def _related_record(item: list[tuple[int, str]], source: str) -> Record:
    lines = [text.strip() for _, text in item]
    candidate = related.read_item(lines, _split_authors)
    record = to_record(candidate, Origin(source, item[0][0]))
    if "container-title" in record.fields:
        set_container_title(record, record.fields["container-title"])
    return record


READER = Reader(
    name="page",
    description="record page copied from an academic site (被引, 作者, 机构, 来源, ... labels)",
    detect=detect,
    read=read,
    aliases=("record-page",),
)
