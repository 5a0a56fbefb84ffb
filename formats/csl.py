"""The record as a CSL-JSON item: the shape CSL processors and the csl-json writer share."""

from __future__ import annotations

from typing import Any

from .extension import note_lines
from .record import Date, Name, Record

_NAME_PARTS = (
    ("family", "family"),
    ("given", "given"),
    ("dropping_particle", "dropping-particle"),
    ("non_dropping_particle", "non-dropping-particle"),
    ("suffix", "suffix"),
)


def name_to_csl(name: Name) -> dict[str, str]:
    """A CSL-JSON name object (affiliations go in the note)."""
    if name.literal:
        return {"literal": name.literal}
    return {key: getattr(name, attr) for attr, key in _NAME_PARTS if getattr(name, attr)}


def date_to_csl(date: Date) -> dict[str, Any]:
    """A CSL-JSON date object: ``date-parts`` where the date is known, else ``literal``."""
    if not date.parts:
        return {"literal": date.literal}
    parts = [list(date.parts)] + ([list(date.end)] if date.end else [])
    item: dict[str, Any] = {"date-parts": parts}
    if date.season:
        item["season"] = date.season
    if date.circa:
        item["circa"] = True
    return item


def to_csl(record: Record, item_id: str) -> dict[str, Any]:
    """The record as a CSL-JSON item with id `item_id`; extension data goes into ``note``."""
    item: dict[str, Any] = {"id": item_id, "type": record.type}
    for variable, names in record.names.items():
        item[variable] = [name_to_csl(name) for name in names]
    for variable, date in record.dates.items():
        item[variable] = date_to_csl(date)
    item.update({k: v for k, v in record.fields.items() if k != "note"})
    if record.keywords:
        item["keyword"] = ", ".join(record.keywords)
    note = "\n".join(n for n in (record.get("note"), *note_lines(record)) if n)
    if note:
        item["note"] = note
    return item
