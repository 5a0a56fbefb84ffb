"""CSL-JSON: an array of CSL items, a single item, or ``{"items": [...]}``, as citeproc-js reads it.

The json module needs the whole text, so the input is read in full (CSL-JSON files are small
next to memory); the items are then decoded one at a time, each placed at the line where it
opens, so a bad item is reported there and the items around it still convert, and the items
before a syntax error are converted before the error is reported.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..csl import CslItemError, from_csl
from ..diagnostics import Diagnostic, error
from ..record import Origin
from ..registry import Reader, ReadStream

# Keys that only a CSL item has, or that most CSL items have.
CSL_KEYS = frozenset({
    "type", "id", "title", "author", "editor", "issued", "container-title", "DOI", "URL",
    "page", "volume", "issue", "publisher", "accessed", "citation-key", "ISSN", "ISBN",
})
_KEY = re.compile(r'"([A-Za-z][\w-]*)"\s*:')
_SPACE = re.compile(r"\s*")
_DECODER = json.JSONDecoder()


def detect(head: str) -> float:
    """Sure when the text opens with ``[`` or ``{`` and its keys are CSL's."""
    text = head.lstrip("\ufeff \t\r\n")
    if not text.startswith(("[", "{")):
        return 0.0
    if re.fullmatch(r"\[\s*\]\s*", text):
        return 0.5
    keys = set(_KEY.findall(text))
    if not keys:
        return 0.0
    csl = keys & CSL_KEYS
    if "type" in csl and len(csl) >= 2:
        return 0.95
    return 0.6 if csl else 0.1


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield a record for each item, and a diagnostic for each item or part that cannot be read."""
    text = "\n".join(lines).removeprefix("\ufeff")
    start = _SPACE.match(text).end()
    if start == len(text):
        yield error("the input is empty; expected CSL-JSON (an array of items)", source, 1)
        return
    yield from read_items(_json_items(text, start, source), source)


def _json_items(text: str, start: int, source: str) -> Iterator[tuple[int, Any] | Diagnostic]:
    """``(line, item)`` for each item, in order; a syntax error ends them with a `Diagnostic`."""
    lines = _LineCounter(text)
    try:
        if text[start] == "[":
            for pos, item in _array(text, start):
                yield lines.at(pos), item
        elif text[start] == "{":
            value, end = _DECODER.raw_decode(text, start)
            _expect_end(text, end)
            items_at = _member_position(text, start, "items")
            if "type" not in value and items_at is not None and text[items_at] == "[":
                for pos, item in _array(text, items_at, top=False):
                    yield lines.at(pos), item
            else:
                yield lines.at(start), value
        else:
            yield error(f"not CSL-JSON: expected '[' or '{{' at the start, found "
                        f"{text[start]!r}", source, lines.at(start))
    except json.JSONDecodeError as exc:
        yield error(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}); "
                    "nothing after it is read", source, exc.lineno)


def _array(text: str, pos: int, top: bool = True) -> Iterator[tuple[int, Any]]:
    """Each element of the array opening at `pos`, with its position; raises on bad syntax."""
    pos = _SPACE.match(text, pos + 1).end()
    if text.startswith("]", pos):
        if top:
            _expect_end(text, pos + 1)
        return
    while True:
        value, end = _DECODER.raw_decode(text, pos)
        yield pos, value
        pos = _SPACE.match(text, end).end()
        if text.startswith(",", pos):
            pos = _SPACE.match(text, pos + 1).end()
        elif text.startswith("]", pos):
            if top:
                _expect_end(text, pos + 1)
            return
        else:
            raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)


def _expect_end(text: str, pos: int) -> None:
    pos = _SPACE.match(text, pos).end()
    if pos < len(text):
        raise json.JSONDecodeError("Extra data after the end of the JSON value", text, pos)


def _member_position(text: str, pos: int, wanted: str) -> int | None:
    """Where the value of member `wanted` of the (valid) object opening at `pos` starts."""
    pos = _SPACE.match(text, pos + 1).end()
    while text[pos] == '"':
        key, pos = _DECODER.raw_decode(text, pos)
        pos = _SPACE.match(text, _SPACE.match(text, pos).end() + 1).end()  # past the ':'
        if key == wanted:
            return pos
        _value, pos = _DECODER.raw_decode(text, pos)
        pos = _SPACE.match(text, pos).end()
        pos = _SPACE.match(text, pos + 1).end() if text[pos] == "," else pos
    return None


class _LineCounter:
    """1-based line numbers of increasing positions, counted once over the text."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def at(self, pos: int) -> int:
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def read_items(items: Iterable[tuple[int, Any] | Diagnostic], source: str) -> ReadStream:
    """Records from ``(line, item)`` pairs (CSL-JSON or CSL-YAML), problems placed at the line."""
    for number, entry in enumerate(items, start=1):
        if isinstance(entry, Diagnostic):
            yield entry
            continue
        line, item = entry
        key = item_key(item, number)
        problems: list[Diagnostic] = []
        try:
            record = from_csl(item, problems=problems)
        except CslItemError as exc:
            yield error(f"{exc}; item not converted", source, line, key)
            continue
        record.origin = Origin(source, line)
        yield from (dataclasses.replace(p, file=source, line=line, record=key) for p in problems)
        yield record


def item_key(item: Any, number: int) -> str:
    """How messages name an item: its id, else the start of its title, else its position."""
    if isinstance(item, dict):
        if item.get("id") not in (None, ""):
            return str(item["id"])
        title = item.get("title")
        if isinstance(title, str) and title:
            return repr(title[:40] + ("…" if len(title) > 40 else ""))
    return f"item {number}"


READER = Reader(
    name="csl-json",
    description="CSL-JSON, as written by Zotero, pandoc, citation-js and recconv",
    detect=detect,
    read=read,
    aliases=("csljson", "json", "csl"),
    suffixes=(".json",),
)
