"""CSL-YAML: the CSL items as a pandoc metadata block, ``---`` / ``references:`` / ``...``.

Pandoc reads the file as a ``--bibliography`` (``.yaml``) and as the metadata block of a Markdown
document; a plain YAML parser reads one document (``...`` ends it, where a second ``---`` would
start another). Each item is the `to_csl` item, keys in its order, one value per line; lists
of plain values (``date-parts``) in flow style, ``[[2019, 7, 15]]``, names as a block list.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from ..csl import carried_in_note, to_csl
from ..record import Record
from ..registry import Options, Writer, WriteStream

OPENING = "---\nreferences:\n"
CLOSING = "...\n"


def write_cslyaml(records: Iterable[Record], options: Options) -> WriteStream:
    """Yield the block piece by piece, one item per record, so nothing waits for the end."""
    opening = OPENING
    for record in records:
        yield from carried_in_note(record)
        yield opening + format_item(to_csl(record, record.id))
        opening = ""
    yield "---\nreferences: []\n" + CLOSING if opening else CLOSING


def format_item(item: dict[str, Any]) -> str:
    """One item as an entry of the ``references:`` list."""
    import yaml  # only YAML output pays for loading it

    return yaml.dump([item], Dumper=_dumper(), allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1 << 30)


@functools.cache
def _dumper() -> type:
    import yaml

    class CslDumper(yaml.SafeDumper):
        """Block lists of objects, flow lists of plain values, multi-line text as ``|``."""

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def sequence(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
        flow = not any(isinstance(v, dict) for v in value)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)

    CslDumper.add_representer(str, text)
    CslDumper.add_representer(list, sequence)
    return CslDumper


WRITER = Writer(
    name="csl-yaml",
    description="CSL-YAML, a references: block as read by pandoc",
    write=write_cslyaml,
    aliases=("yaml", "cslyaml"),
    suffixes=(".yaml", ".yml"),
)
