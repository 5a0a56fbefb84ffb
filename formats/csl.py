"""The record as a CSL-JSON item and back: the shape CSL processors and the CSL writers share.

`to_csl` and `from_csl` are inverses on everything a record holds. What CSL has no variable
for travels as follows, both ways:

- extension data of ours (`extension.absorb` reads it back: times cited, affiliations,
  classifications, ``bibtex-*`` / ``ris-*`` fields) goes into ``note`` as ``Label: value`` lines;
- name attributes `Name` has no slot for (``comma-suffix``, ``static-ordering``,
  ``parse-names``, Crossref's ``ORCID`` ...) are kept in `Record.extra` under
  ``<variable>.<n>.<attribute>`` (``author.2.comma-suffix``, n from 1) and go back into that name;
- any other key (``custom``, ``categories``, a tool's own key) is kept in `Record.extra` under
  the key itself and goes back as a top-level key. A value that is not a string is kept as its
  JSON text; objects, arrays, ``true`` and ``false`` are written back as JSON again, numbers
  come back as strings (as numbers in CSL variables do: CSL processors read 12 and "12" alike).
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from collections.abc import Iterator
from typing import Any

from .dates import parse_date, season_from_month
from .diagnostics import Diagnostic, carried, error, warning
from .extension import absorb_note, note_lines, own_field, source_key
from .record import (
    DATE_VARIABLES,
    ITEM_TYPES,
    NAME_VARIABLES,
    TEXT_VARIABLES,
    Date,
    Name,
    Record,
)

CSL = "csl"  # the source-format prefix of item keys CSL does not define
_NAME_PARTS = (
    ("family", "family"),
    ("given", "given"),
    ("dropping_particle", "dropping-particle"),
    ("non_dropping_particle", "non-dropping-particle"),
    ("suffix", "suffix"),
)
_NAME_KEYS = {key: attr for attr, key in _NAME_PARTS} | {"literal": "literal"}
_NAME_FLAGS = frozenset({"comma-suffix", "static-ordering", "parse-names"})
# A name's attribute no `Name` slot holds, kept as ``author-2-comma-suffix`` (a name a .bib
# field can take too).
_NAME_ATTRIBUTE = re.compile(r"^(?P<variable>[a-z-]+?)-(?P<index>\d+)-(?P<key>.+)$")
# Older or schema-only spellings of CSL 1.0.2 variables, read as the variable when it is unset.
ALIASES = {
    "journalAbbreviation": "container-title-short", "shortTitle": "title-short",
    "event": "event-title", "part": "part-number", "printing": "printing-number",
    "supplement": "supplement-number",
}
_UNUSED = (None, "", [], {})


class CslItemError(ValueError):
    """An item that cannot become a record at all (not an object, no valid type)."""


# ---------------------------------------------------------------- record → CSL


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
        item["season"] = int(date.season) if date.season.isdigit() else date.season
    if date.circa:
        item["circa"] = True
    if date.literal:
        item["literal"] = date.literal
    return item


def to_csl(record: Record, item_id: str) -> dict[str, Any]:
    """The record as a CSL-JSON item with id `item_id`; extension data goes into ``note``."""
    item: dict[str, Any] = {"id": item_id, "type": record.type}
    attributes = name_attributes(record)
    for variable, names in record.names.items():
        item[variable] = [name_to_csl(name) | attributes.get((variable, index), {})
                          for index, name in enumerate(names, start=1)]
    for variable, date in record.dates.items():
        item[variable] = date_to_csl(date)
    item.update({k: v for k, v in record.fields.items() if k != "note"})
    if record.keywords:
        item["keyword"] = ", ".join(record.keywords)
    note = "\n".join(n for n in (record.get("note"), *_carried_in_note(record)) if n)
    if note:
        item["note"] = note
    for key, values in record.extra.items():
        field = own_field(key, CSL)  # a key of an item read from CSL goes back as it was
        if field and not _name_attribute(field):
            item.setdefault(field, json_value("; ".join(values)))
    return item


def _carried_in_note(record: Record) -> list[str]:
    """The note lines for what CSL has no variable for (keys read from CSL go back as keys)."""
    others = {k: v for k, v in record.extra.items() if not own_field(k, CSL)}
    return note_lines(dataclasses.replace(record, extra=others))


def carried_in_note(record: Record) -> Iterator[Diagnostic]:
    """For ``--report``: what `to_csl` puts in the note, by label."""
    for line in _carried_in_note(record):
        yield carried(record, line.split(":", 1)[0], "note")


def name_attributes(record: Record) -> dict[tuple[str, int], dict[str, Any]]:
    """The kept name attributes, by (variable, 1-based index), as CSL-JSON values."""
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for key, values in record.extra.items():
        match = _name_attribute(own_field(key, CSL))
        if match:
            value = "; ".join(values)
            found.setdefault((match["variable"], int(match["index"])), {})[match["key"]] = (
                json_value(value))
    return found


def _name_attribute(key: str) -> re.Match[str] | None:
    match = _NAME_ATTRIBUTE.match(key)
    return match if match and match["variable"] in NAME_VARIABLES else None


def json_value(text: str) -> Any:
    """A kept value as CSL-JSON: JSON text of an object, an array or a boolean is decoded."""
    if text in ("true", "false") or text[:1] in ("{", "["):
        try:
            return json.loads(text)
        except ValueError:
            pass
    return text


def kept_text(value: Any) -> str:
    """A value with no CSL slot as `Record.extra` text: strings as they are, others as JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


# ---------------------------------------------------------------- CSL → record


def from_csl(item: Any, item_id_hint: str = "",
             problems: list[Diagnostic] | None = None) -> Record:
    """The record a CSL-JSON (or CSL-YAML) item holds, read as citeproc-js reads it.

    `item_id_hint` is the id for an item without one. Raises `CslItemError` when `item` cannot
    be a record; a variable that cannot be read is left out and described in `problems` (when
    given; the reader places them), the rest of the item still read.
    """
    problems = [] if problems is None else problems
    if not isinstance(item, dict):
        raise CslItemError(f"an item must be an object, not {_kind(item)}")
    record = Record(type=_item_type(item.get("type"), problems), id=_id(item, item_id_hint))
    note = ""
    for key, value in ((str(k), v) for k, v in item.items()):
        if key in ("id", "type") or value in _UNUSED:
            continue
        if key == "note":
            note = _text(value, key, problems)
        else:
            _read_variable(record, ALIASES.get(key, key) if _alias_free(item, key) else key,
                           value, problems)
    if note:
        rest = absorb_note(record, note)
        rest = _absorb_variables(record, rest, item)
        if rest:
            record.fields["note"] = rest
    return record


def _item_type(value: Any, problems: list[Diagnostic]) -> str:
    if value in _UNUSED:
        problems.append(warning("the item has no type; read as a document"))
        return "document"
    if value not in ITEM_TYPES:
        raise CslItemError(f"not a CSL item type: {value!r}")
    return value


def _id(item: dict, hint: str) -> str:
    value = item.get("id")
    return hint if value in _UNUSED else _scalar_text(value)


def _alias_free(item: dict, key: str) -> bool:
    return key in ALIASES and ALIASES[key] not in item


def _read_variable(record: Record, key: str, value: Any, problems: list[Diagnostic]) -> None:
    if key in NAME_VARIABLES:
        names = _names(record, key, value, problems)
        if names:
            record.names[key] = names
    elif key in DATE_VARIABLES:
        try:
            record.dates[key] = date_from_csl(value)
        except ValueError as exc:
            problems.append(error(f"{key}: {exc}; left out"))
    elif key == "keyword":
        record.keywords.extend(split_keywords(value))
    elif key in TEXT_VARIABLES:
        text = _text(value, key, problems)
        if text:
            record.fields[key] = text
    else:
        record.add_extra(source_key(CSL, key), kept_text(value))


def _text(value: Any, key: str, problems: list[Diagnostic]) -> str:
    if isinstance(value, (dict, list)):
        problems.append(error(f"{key}: expected text or a number, not {_kind(value)}; left out"))
        return ""
    return _scalar_text(value)


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def split_keywords(value: Any) -> list[str]:
    """``keyword`` as `to_csl` writes it (``"a, b"``), or a list of them, split at the commas."""
    values = value if isinstance(value, list) else [value]
    return [word.strip() for text in values for word in _scalar_text(text).split(",")
            if word.strip()]


def _names(record: Record, variable: str, value: Any, problems: list[Diagnostic]) -> list[Name]:
    values = value if isinstance(value, list) else [value]
    names = []
    for index, entry in enumerate(values, start=1):
        if isinstance(entry, str):
            names.append(Name(literal=entry.strip()))
        elif isinstance(entry, dict):
            names.append(_name(record, f"{variable}-{len(names) + 1}", entry))
        else:
            problems.append(error(f"{variable}: name {index} is {_kind(entry)}, not an object; "
                                  "left out"))
    return names


def _name(record: Record, slot: str, entry: dict) -> Name:
    parts = {}
    for key, value in entry.items():
        if value in _UNUSED:
            continue
        if key in _NAME_KEYS and not isinstance(value, (dict, list)):
            parts[_NAME_KEYS[key]] = _scalar_text(value)
        else:
            record.add_extra(source_key(CSL, f"{slot}-{key}"), kept_text(value))
    return Name(**parts)


# ---------------------------------------------------------------- dates


def date_from_csl(value: Any) -> Date:
    """A CSL date: an object with ``date-parts`` (numbers or numeric strings), ``season``,
    ``circa``, ``literal`` or ``raw``/``edtf``; or a date string, read as ``raw``.

    Raises `ValueError` for a value that is none of these.
    """
    if isinstance(value, (datetime.date, datetime.datetime)):  # YAML's own dates
        return Date((value.year, value.month, value.day))
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return parse_date(str(value))
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return _old_pandoc_date(value)
    if not isinstance(value, dict):
        raise ValueError(f"a date must be an object or a string, not {_kind(value)}")
    if value.get("date-parts") not in (*_UNUSED, [[]]):
        return _date_parts(value)
    raw = value.get("raw") or value.get("edtf")
    if isinstance(raw, (str, int)) and str(raw).strip():
        return parse_date(str(raw))
    literal = value.get("literal")
    if isinstance(literal, str) and literal.strip():
        return Date(literal=literal)
    raise ValueError("the date has no date-parts, raw or literal value")


def _date_parts(value: dict) -> Date:
    rows = value["date-parts"]
    if not (isinstance(rows, list) and 1 <= len(rows) <= 2
            and all(isinstance(row, list) for row in rows)):
        raise ValueError(f"date-parts must be a list of one or two lists: {rows!r}")
    parts = [_date_row(row) for row in rows if row not in _UNUSED]
    if not parts:
        raise ValueError("date-parts is empty")
    start, season = season_from_month(parts[0])
    season = _scalar_text(value["season"]) if value.get("season") not in _UNUSED else season
    literal = value.get("literal") if isinstance(value.get("literal"), str) else ""
    end = parts[1] if len(parts) > 1 else ()
    return Date(start, end, season, _truthy(value.get("circa")), literal)


def _date_row(row: list) -> tuple[int, ...]:
    if len(row) > 3:
        raise ValueError(f"a date has at most year, month and day: {row!r}")
    try:
        return tuple(int(_scalar_text(part).strip()) for part in row)
    except ValueError:
        raise ValueError(f"date-parts must be numbers: {row!r}") from None


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "no")
    return bool(value)


def _old_pandoc_date(value: list[dict]) -> Date:
    """pandoc-citeproc's ``issued: [{year: 2012, month: 3}]`` form (a second entry ends a range)."""
    rows = [[v[k] for k in ("year", "month", "day") if v.get(k) not in _UNUSED] for v in value]
    return _date_parts({"date-parts": rows})


# ---------------------------------------------------------------- notes


_NOTE_VARIABLE = re.compile(r"^(?P<key>[A-Za-z][\w-]*):\s*(?P<value>.*?)\s*$")
_BRACED_VARIABLE = re.compile(r"\{:(?P<key>[A-Za-z][\w-]*):\s*(?P<value>[^}]*)\}")


def _absorb_variables(record: Record, note: str, item: dict) -> str:
    """Take citeproc-js's "cheater syntax" out of `note`: lines ``original-date: 1850`` (and the
    older ``{:original-date: 1850}``) naming a CSL variable the item does not set itself.
    Names take ``Family || Given``. Returns the rest of the note."""
    kept = []
    for line in note.splitlines():
        rest = _BRACED_VARIABLE.sub(
            lambda m: "" if _set_from_note(record, m["key"], m["value"], item) else m[0], line)
        if rest != line and not rest.strip():
            continue
        match = _NOTE_VARIABLE.match(rest.strip())
        if not (match and _set_from_note(record, match["key"], match["value"], item)):
            kept.append(rest)
    return "\n".join(kept).strip()


def _set_from_note(record: Record, key: str, value: str, item: dict) -> bool:
    if key == "type" and value in ITEM_TYPES:  # Zotero's way to give a type it lacks
        record.type = value
        return True
    if key in item or not value or key in ("note", "id", "type"):
        return False
    if key in NAME_VARIABLES:
        family, bar, given = value.partition("||")
        name = Name(family.strip(), given.strip()) if bar else Name(literal=value)
        record.names.setdefault(key, []).append(name)
        return True
    if key in DATE_VARIABLES and key not in record.dates:
        record.dates[key] = parse_date(value)
        return True
    if key in TEXT_VARIABLES and key not in record.fields:
        record.fields[key] = value
        return True
    return False


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
