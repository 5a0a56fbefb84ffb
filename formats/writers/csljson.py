"""CSL-JSON: a JSON array of CSL items whose ids are the citation keys."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..csl import carried_in_note, to_csl
from ..record import Record
from ..registry import Options, Writer, WriteStream


def write_csljson(records: Iterable[Record], options: Options) -> WriteStream:
    """Yield the array piece by piece, one item per record, so nothing waits for the end."""
    opening = "["
    for record in records:
        yield from carried_in_note(record)
        yield opening + "\n" + format_item(to_csl(record, record.id))
        opening = ","
    yield "[]\n" if opening == "[" else "\n]\n"


def format_item(item: dict[str, Any]) -> str:
    """One item, a variable per line, each value compact: diffs of two exports stay readable."""
    members = ",\n".join(
        f"    {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in item.items()
    )
    return "  {\n" + members + "\n  }"


WRITER = Writer(
    name="csl-json",
    description="CSL-JSON, as read by pandoc, Zotero and citeproc-js",
    write=write_csljson,
    aliases=("csljson", "json", "csl"),
    suffixes=(".json",),
)
