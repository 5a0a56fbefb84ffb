"""Extension data: what a format has no standard slot for, written and read back the same way.

Writers carry it as ``Label: value`` lines (a CSL-JSON note, RIS ``N1`` lines) or as custom
fields named by their key (BibTeX); affiliations take Web of Science's address form,
``[Chen, Jiayi; Hu, Siyuan] Jilin Univ, ...``. Readers hand such lines and fields to `absorb`,
which puts each back where it came from, so that X → Y → X keeps it.
"""

from __future__ import annotations

import dataclasses
import re

from .dates import parse_date
from .names import parse_tagged_name
from .record import (
    DATE_VARIABLES,
    EXTRA_LABELS,
    NAME_VARIABLES,
    SCHEME_LABELS,
    TEXT_VARIABLES,
    Classification,
    Name,
    Record,
)

# A key or its label (lower-cased) → the `Record.extra` key or classification scheme.
_EXTRA_KEYS = {**{k: k for k in EXTRA_LABELS}, **{v.lower(): k for k, v in EXTRA_LABELS.items()}}
_SCHEME_KEYS = {
    **{s.lower(): s for s in SCHEME_LABELS}, **{v.lower(): s for s, v in SCHEME_LABELS.items()}
}
# CSL variables by name (lower-cased), and the labels writers give some of them in notes.
_VARIABLES = {v.lower(): v for v in (TEXT_VARIABLES | NAME_VARIABLES | DATE_VARIABLES) - {"note"}}
VARIABLE_LABELS = {"number of pages": "number-of-pages"}
AFFILIATION = "affiliation"
# Fields a source format has that no CSL variable holds are kept under ``<format>-<field>``
# (``bibtex-timestamp``, ``ris-c1``): the writer of that format writes them back as they were,
# the others carry them under that key.
SOURCE_FORMATS = ("bibtex", "ris", "csl", "wos", "pubmed", "endnote", "refworks",
                  "noteexpress", "estudy")

_CLASS = re.compile(r"^(?P<code>[^\[［]+?)\s*(?:[\[［](?P<label>[^\]］]*)[\]］])?$")
_LABEL_LINE = re.compile(r"^(?P<label>[^:\n]{1,60}?):\s+(?P<value>.*)$")
_AUTHORS_PART = re.compile(r"^\[(?P<names>[^\]]*)\]\s*(?P<address>.*)$")
_BETWEEN_AFFILIATIONS = re.compile(r";\s*(?![^\[]*\])")  # a ";" outside the [names] part


def affiliation_line(affiliation: str, names: list[Name]) -> str:
    """Web of Science's address form, ``[Chen, Jiayi; Hu, Siyuan] Jilin Univ, ...``."""
    if not names:
        return affiliation
    return "[" + "; ".join(name.inverted() for name in names) + "] " + affiliation


def affiliation_lines(record: Record) -> list[str]:
    """Each affiliation of the record in address form, in first-seen order."""
    return [affiliation_line(a, names) for a, names in record.affiliations()]


def note_lines(record: Record) -> list[str]:
    """All extension data as ``Label: value`` lines, affiliations first."""
    lines = [f"Affiliation: {line}" for line in affiliation_lines(record)]
    return lines + [f"{label}: {value}" for _key, label, value in record.extension_fields()]


def parse_classifications(scheme: str, text: str) -> list[Classification]:
    """``R-3 [医学研究方法]; R3 [基础医学];`` → a `Classification` per code."""
    found = []
    for item in re.split(r"[;；]", text):
        match = _CLASS.match(item.strip())
        if match:
            found.append(Classification(scheme, match["code"].strip(),
                                        (match["label"] or "").strip()))
    return found


def source_key(source_format: str, field: str) -> str:
    """The `Record.extra` key for a field of `source_format` with no CSL variable."""
    return f"{source_format}-{field}"


def own_field(key: str, source_format: str) -> str:
    """The field an extra `key` came from in `source_format`, or "" if it came from elsewhere."""
    prefix = source_format + "-"
    return key[len(prefix):] if key.startswith(prefix) else ""


def _is_source_key(name: str) -> bool:
    return any(own_field(name, fmt) for fmt in SOURCE_FORMATS)


def absorb(record: Record, key_or_label: str, value: str) -> bool:
    """Put extension data written as `key_or_label` back into `record`; False if not ours."""
    name = key_or_label.strip()
    if _is_source_key(name):
        record.add_extra(name, value.strip())
        return True
    name = name.lower()
    if name == AFFILIATION:
        for part in _BETWEEN_AFFILIATIONS.split(value):
            if part.strip():
                add_affiliation(record, part.strip())
        return True
    if name in _SCHEME_KEYS:
        record.classifications.extend(parse_classifications(_SCHEME_KEYS[name], value))
        return True
    if name in _EXTRA_KEYS:
        # Several values were joined with "; " on the way out: they come back as one.
        record.add_extra(_EXTRA_KEYS[name], value.strip())
        return True
    variable = VARIABLE_LABELS.get(name) or _VARIABLES.get(name)
    return bool(variable) and _set_variable(record, variable, value.strip())


def _set_variable(record: Record, variable: str, value: str) -> bool:
    """A CSL variable a format had no slot for, written as ``variable: value``; a variable the
    record already has keeps its value."""
    if variable in NAME_VARIABLES:
        names = [parse_tagged_name(part) for part in value.split("; ") if part.strip()]
        return record.names.setdefault(variable, names) is names
    if variable in DATE_VARIABLES:
        date = parse_date(value)
        return record.dates.setdefault(variable, date) is date
    return record.fields.setdefault(variable, value) is value


def absorb_note(record: Record, note: str) -> str:
    """Take the ``Label: value`` lines of ours out of `note` into `record`; return the rest."""
    kept = []
    for line in note.splitlines():
        match = _LABEL_LINE.match(line.strip())
        if not (match and absorb(record, match["label"], match["value"])):
            kept.append(line)
    return "\n".join(kept).strip()


def add_affiliation(record: Record, text: str) -> None:
    """Link an address-form affiliation to the authors it names (by ``Family, Given``); one
    naming nobody, or names the record lacks, is kept as unlinked."""
    match = _AUTHORS_PART.match(text)
    address = match["address"].strip() if match else text
    wanted = {n.strip() for n in match["names"].split(";")} if match else set()
    authors = record.names.get("author", [])
    linked = False
    for index, name in enumerate(authors):
        if name.inverted() in wanted:
            authors[index] = dataclasses.replace(
                name, affiliations=name.affiliations + (address,))
            linked = True
    if not linked:
        record.add_extra("unlinked-affiliation", address)
