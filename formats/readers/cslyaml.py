"""CSL-YAML: CSL items in YAML, as pandoc reads them.

Either a pandoc metadata block (``---``, ``references:`` and a list of items, then ``---`` or
``...``; any Markdown after it is ignored), a mapping with ``references:``, a bare list of items,
or a single item. YAML's own dates (``issued: 2019-07-15``) are read as dates. The whole YAML
document is composed before the first item is read (a syntax error anywhere stops it all); the
items are then built one at a time, each placed at its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..diagnostics import Diagnostic, error
from ..registry import Reader, ReadStream
from .csljson import read_items

_ITEM_KEYS = r"(?:id|type|title|author|editor|issued|container-title|DOI|URL|citation-key)"
_REFERENCES = re.compile(r"^references:[ \t]*(?:\[\s*\][ \t]*)?(?:#.*)?$", re.MULTILINE)
_FIRST_ITEM = re.compile(rf"^-[ \t]+{_ITEM_KEYS}:", re.MULTILINE)
_ITEM_KEY_LINE = re.compile(rf"^[ \t]*(?:-[ \t]+)?{_ITEM_KEYS}:", re.MULTILINE)
_BLOCK_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def detect(head: str) -> float:
    """Sure for a ``references:`` list; likely for a YAML list of items with CSL keys."""
    text = head.lstrip("\ufeff")
    first = next((line for line in text.splitlines()
                  if line.strip() and not line.lstrip().startswith("#")), "")
    if first.lstrip().startswith(("[", "{", "@", "%")) or "TY  -" in first:
        return 0.0
    if _REFERENCES.search(text) and (_FIRST_ITEM.search(text) or "[]" in text):
        return 0.9
    item_lines = len(_ITEM_KEY_LINE.findall(text))
    if _FIRST_ITEM.match(re.sub(r"^---[ \t]*\n", "", text.lstrip())) and item_lines >= 2:
        return 0.8
    if re.match(rf"^(?:---\s*\n)?{_ITEM_KEYS}:", text) and re.search(r"^type:", text, re.M) \
            and item_lines >= 2:
        return 0.5
    return 0.0


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield a record for each item, and a diagnostic for each item or part that cannot be read."""
    text = "\n".join(lines).removeprefix("\ufeff")
    if not text.strip():
        yield error("the input is empty; expected CSL-YAML (a references: list of items)",
                    source, 1)
        return
    yield from read_items(_yaml_items(_metadata_block(text), source), source)


def _metadata_block(text: str) -> str:
    """The YAML of `text`: up to the line closing a block that opens with ``---``."""
    if not text.startswith("---"):
        return text
    end = _BLOCK_END.search(text, text.find("\n") + 1 if "\n" in text else len(text))
    return text[:end.start()] if end else text


def _yaml_items(text: str, source: str) -> Iterator[tuple[int, Any] | Diagnostic]:
    import yaml  # only inputs in YAML pay for loading it

    try:
        loader = yaml.SafeLoader(text)
        root = loader.get_node() if loader.check_node() else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        yield error(f"invalid YAML: {exc.problem or exc.context}{where}; nothing is read",
                    source, mark.line + 1 if mark else None)
        return
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        yield error(f"not YAML: character {exc.character:#06x} is not allowed (line {line}); "
                    "nothing is read", source, line)
        return
    nodes = _item_nodes(root)
    if nodes is None:
        yield error("no CSL items: expected a list of items or a references: list", source,
                    root.start_mark.line + 1 if root is not None else 1)
        return
    for node in nodes:
        line = node.start_mark.line + 1
        try:
            yield line, loader.construct_document(node)
        except (yaml.YAMLError, ValueError) as exc:  # a timestamp like 2019-02-30
            yield error(f"cannot read this item's YAML: {exc}", source, line)
    loader.dispose()


def _item_nodes(root: Any) -> list[Any] | None:
    import yaml

    if isinstance(root, yaml.SequenceNode):
        return list(root.value)
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "references":
            if isinstance(value, yaml.SequenceNode):
                return list(value.value)
            return [] if value.value in ("", "~", "null") else None
    keys = {key.value for key, _value in root.value if isinstance(key, yaml.ScalarNode)}
    return [root] if keys & {"type", "id"} else None


READER = Reader(
    name="csl-yaml",
    description="CSL-YAML: pandoc's references: metadata, or a YAML list of CSL items",
    detect=detect,
    read=read,
    aliases=("cslyaml", "yaml"),
    suffixes=(".yaml", ".yml"),
)
