"""Reference lists as text: copied from a paper's PDF, a thesis, a "cite this article" box.

The list is split into references (`split_references`): numbered (``[1]``, ``1.``, ``(1)``)
or bulleted, each reference starts at its number and may wrap over several lines; without
numbers, blank lines part references when there are any, else each line is one (a line
that plainly continues the one before, starting in lower case or indented further, is
joined to it). Each
reference is parsed by `recconv.formats.references`, which picks the style that explains
it best; ``-v`` says which, and a reference no style reads is kept whole as the title of a
record of its own, and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..diagnostics import error, info
from ..record import Origin, Record
from ..references.common import YEAR, Reference
from ..registry import DETECT_CHARS, Reader, ReadStream

_NUMBERED = re.compile(r"^\s*(?:\\?[\[［【]\s*(?:\d{1,4}|[^\W\d_][\w+]{1,10})?\s*\\?[\]］】]"
                       r"|[(（]\d{1,4}[)）]"
                       r"|\d{1,4}[.)．](?!\d)|[•·●▪◦])")
_HEADING = re.compile(r"^\s*(?:参考文献|引用文献|文献|references?|bibliography|works cited|"
                      r"literature cited|sources)\s*[:：]?\s*$", re.IGNORECASE)
_CONTINUES = re.compile(r"^\s*(?:[a-z(]|\d+\s*[-–(:,])")
_DETECT_SAMPLE = 20
DETECT_CEILING = 0.6  # below the structured formats, which say what they are more plainly


def detect(head: str) -> float:
    """How surely `head` is a reference list: the share of its first references that a style
    reads, and of those with a GB/T type code, up to `DETECT_CEILING`."""
    from ..references import gbt7714  # the grammars load only when a list may be at hand
    from ..references.parse import parse_reference

    references = [text for _, text in split_references(head.splitlines())][:_DETECT_SAMPLE]
    if not references:
        return 0.0
    if len(head) >= DETECT_CHARS and len(references) > 1:
        references = references[:-1]  # the opening may end inside the last one
    read = sum(1 for text in references if YEAR.search(text) and parse_reference(text))
    share = read / len(references)
    if share < 0.5:
        return 0.0
    coded = sum(1 for text in references
                if gbt7714.TYPE_CODE.search(Reference.of(text).text)) / len(references)
    return DETECT_CEILING - 0.2 * (1 - share) - 0.1 * (1 - coded)


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Each reference of the list as a record, with a note of the style it was read as."""
    from ..references.parse import parse_reference

    for line, text in split_references(lines):
        origin = Origin(source, line)
        parsed = parse_reference(text, origin)
        if parsed is None:
            record = Record(type="document", fields={"title": Reference.of(text).printed},
                            origin=origin)
            yield error("no reference style reads this; kept whole as the title; expected "
                        "e.g. 'Author. Title[J]. Journal, 2020, 12(3): 45-67.' or "
                        "'Author, A. (2020). Title. Journal, 12(3), 45-67.'",
                        source, line, record.describe())
            yield record
            continue
        yield info(f"read as {parsed.style}", source, line, parsed.record.describe())
        yield parsed.record


def split_references(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """The references of a list, each with the line it starts on (1-based)."""
    numbered = [(number, line) for number, line in enumerate(lines, start=1)]
    nonblank = [line for _, line in numbered if line.strip()]
    if not nonblank:
        return
    marked = sum(1 for line in nonblank if _NUMBERED.match(line)) >= max(2, len(nonblank) // 3)
    blank_parted = not marked and _blocks(numbered) >= 2
    current: list[str] = []
    start = 0
    for number, line in numbered:
        if _HEADING.match(line) and not current:
            continue
        if not line.strip():
            if blank_parted and current:
                yield start, "\n".join(current)
                current = []
            continue
        opens = _NUMBERED.match(line) if marked else (
            not blank_parted and not (current and _continues(line, current[0])))
        if opens and current:
            yield start, "\n".join(current)
            current = []
        if not current:
            start = number
        current.append(line)
    if current:
        yield start, "\n".join(current)


def _continues(line: str, first: str) -> bool:
    """Whether `line` goes on with the reference that `first` opened: it starts in lower case
    or with a number's tail, or is indented further (a hanging indent)."""
    return bool(_CONTINUES.match(line)) or _indent(line) > _indent(first)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _blocks(numbered: list[tuple[int, str]]) -> int:
    """How many runs of lines blank lines part (a heading is none of them)."""
    runs, inside = 0, False
    for _, line in numbered:
        filled = bool(line.strip()) and not _HEADING.match(line)
        runs += filled and not inside
        inside = filled
    return runs


READER = Reader(
    name="text",
    description="reference list: GB/T 7714, APA, Vancouver, IEEE, Chicago, MLA, Harvard, "
                "Web of Science cited references",
    detect=detect,
    read=read,
    aliases=("references", "reference-list"),
    ceiling=DETECT_CEILING,
)
