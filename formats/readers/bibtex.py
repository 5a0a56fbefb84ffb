"""BibTeX and BibLaTeX (.bib), on bibtexparser v2.

bibtexparser splits the file into blocks and reports the broken ones; recconv evaluates the
values itself (``@string`` macros, month macros, ``#`` concatenation), resolves ``crossref``
and ``xdata`` inheritance, turns LaTeX into Unicode and maps fields to CSL variables through
the tables the bib writers use (`formats.bibschema`). A .bib file is read whole: a macro or a
cross-referenced entry may be defined anywhere in it.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..bibschema import (
    BIBLATEX,
    BIBTEX,
    CSL_TYPE_FIELD,
    IMPLIED_GENRES,
    Dialect,
    Slot,
    csl_type_of,
)
from ..dates import month_number, parse_date
from ..diagnostics import Diagnostic, error, warning
from ..extension import absorb, source_key
from ..languages import language_code
from ..latex import title_to_unicode, to_unicode
from ..record import (
    DATE_VARIABLES,
    ET_AL,
    ITEM_TYPES,
    NAME_VARIABLES,
    TEXT_VARIABLES,
    Date,
    Name,
    Origin,
    Record,
)
from ..registry import Reader, ReadStream

MONTH_MACROS = {m: str(n) for n, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}

# BibLaTeX's field aliases (manual §2.2.5), read as the field they stand for.
FIELD_ALIASES = {"address": "location", "annote": "annotation", "archiveprefix": "eprinttype",
                 "journal": "journaltitle", "primaryclass": "eprintclass", "school": "institution"}
# BibTeX entry types as the BibLaTeX type whose slots apply to them.
TYPE_ALIASES = {"phdthesis": "thesis", "mastersthesis": "thesis", "techreport": "report",
                "conference": "inproceedings", "electronic": "online", "www": "online"}
# Fields a child does not inherit from its crossref parent (biblatex manual §B.1), and the
# renamings it inherits under (the parent's title is the child's booktitle, ...).
NOT_INHERITED = frozenset({"ids", "crossref", "xref", "xdata", "entryset", "entrysubtype",
                           "execute", "label", "options", "presort", "related", "sortkey",
                           "shorthand"})
INHERITED_AS = {"title": "booktitle", "subtitle": "booksubtitle", "author": "bookauthor",
                "titleaddon": "booktitleaddon", "shorttitle": None}
# Fields read apart from the others (type, date, affiliations), or used up: xdata's fields are
# copied into the entry. `crossref` is kept, and written back, though its fields are copied too.
SKIPPED = frozenset({"xdata", "entrysubtype", "year", "month", "date", "affiliation",
                     CSL_TYPE_FIELD})

_ENTRY_START = re.compile(r"^\s*@\s*([A-Za-z]+)\s*[{(]", re.MULTILINE)
_BIBLATEX_ONLY = re.compile(r"^\s*(journaltitle|location|date|urldate|eprinttype|langid|"
                            r"pagetotal|xdata)\s*=|^\s*@\s*(online|thesis|report|xdata)\b",
                            re.MULTILINE | re.IGNORECASE)
_KEY_OF_BLOCK = re.compile(r"@\s*\w+\s*[{(]\s*([^,\s]+)")
_VERBATIM_ESCAPES = re.compile(r"\\([_%#&$])")


@dataclass
class _Entry:
    """One entry with its values evaluated: LaTeX still in them, macros resolved."""

    key: str
    type: str
    line: int
    fields: dict[str, str]
    problems: list[str] = field(default_factory=list)


def detect(head: str) -> float:
    """Sure when entries ``@type{key,`` start lines; surer with BibLaTeX-only fields."""
    types = {t.lower() for t in _ENTRY_START.findall(head)}
    if not types - {"comment"}:
        return 0.0
    return 0.95 if _BIBLATEX_ONLY.search(head) else 0.9


def read(lines: Iterable[str], source: str) -> ReadStream:
    """Yield each entry as a record, with the file's problems in line order."""
    import bibtexparser
    from bibtexparser.model import DuplicateBlockKeyBlock

    # bibtexparser logs each broken block; they come back as diagnostics instead.
    quiet = logging.getLogger("bibtexparser")
    quiet.propagate = False
    if not quiet.handlers:
        quiet.addHandler(logging.NullHandler())
    library = bibtexparser.parse_string("\n".join(lines), parse_stack=[])
    found: list[tuple[int, Record | Diagnostic]] = []
    macros = dict(MONTH_MACROS)
    for definition in library.strings:
        value, unknown = evaluate(definition.value, macros)
        macros[definition.key.lower()] = value
    entries = [_evaluated(entry, macros) for entry in library.entries]
    for block in library.failed_blocks:
        found += _failed(block, source)
        if isinstance(block, DuplicateBlockKeyBlock):
            entries.append(_evaluated(block.ignore_error_block, macros))
    by_key = {entry.key.lower(): entry for entry in entries}
    for entry in entries:
        if entry.type == "xdata":
            continue
        problems = _inherit(entry, by_key)
        record = to_record(entry, source)
        found += [(entry.line, warning(p, source, entry.line, entry.key)) for p in entry.problems]
        found += [(entry.line, error(p, source, entry.line, entry.key)) for p in problems]
        found.append((entry.line, record))
    if not entries and not library.failed_blocks:
        found.append((1, error("no BibTeX entries found (expected '@article{key, ...}')",
                               source, 1)))
    for _line, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def evaluate(raw: str, macros: dict[str, str]) -> tuple[str, list[str]]:
    """A field value as written (``{...}``, ``"..."``, a number, a macro, joined by ``#``)
    as text, and the names of any macros it used that are not defined."""
    pieces, unknown = [], []
    for part in _split_concatenation(raw):
        part = part.strip()
        if part[:1] in "{\"" and len(part) >= 2:
            pieces.append(part[1:-1])
        elif part.isdigit() or not part:
            pieces.append(part)
        elif part.lower() in macros:
            pieces.append(macros[part.lower()])
        else:
            unknown.append(part)
            pieces.append(part)
    return "".join(pieces), unknown


def _split_concatenation(raw: str) -> list[str]:
    if "#" not in raw:
        return [raw]
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(raw):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(raw[start:index])
            start = index + 1
    return parts + [raw[start:]]


def _evaluated(entry, macros: dict[str, str]) -> _Entry:
    fields, problems = {}, []
    for item in entry.fields:
        value, unknown = evaluate(item.value, macros)
        fields[item.key.strip().lower()] = value
        problems += [f"unknown macro {name!r} in field {item.key!r}; kept as text"
                     for name in unknown]
    return _Entry(entry.key, entry.entry_type.lower(), entry.start_line + 1, fields, problems)


def _failed(block, source: str) -> list[tuple[int, Diagnostic]]:
    from bibtexparser.model import DuplicateBlockKeyBlock

    line = block.start_line + 1
    key_match = _KEY_OF_BLOCK.search(block.raw or "")
    key = key_match[1] if key_match else ""
    if isinstance(block, DuplicateBlockKeyBlock):
        return [(line, warning(f"duplicate key {key!r}; converted as a separate record",
                               source, line, key))]
    problem = getattr(block, "error", None)
    reason = str(getattr(problem, "abort_reason", "") or problem or "syntax error")
    reason = " ".join(reason.split())
    return [(line, error(f"entry not converted: {reason}", source, line, key))]


def _inherit(entry: _Entry, by_key: dict[str, _Entry]) -> list[str]:
    """Fill `entry` from its xdata and crossref parents; returns problems (cycles, missing)."""
    problems: list[str] = []
    for parent_key in re.split(r"\s*,\s*", entry.fields.get("xdata", "")):
        parent = _ancestor(parent_key, by_key, entry, problems, "xdata")
        if parent:
            for name, value in parent.fields.items():
                entry.fields.setdefault(name, value)
    parent = _ancestor(entry.fields.get("crossref", ""), by_key, entry, problems, "crossref")
    if parent:
        for name, value in parent.fields.items():
            if name in NOT_INHERITED:
                continue
            target = INHERITED_AS.get(name, name) if parent.type != entry.type else name
            if target:
                entry.fields.setdefault(target, value)
    return problems


def _ancestor(key: str, by_key: dict[str, _Entry], entry: _Entry, problems: list[str],
              kind: str) -> _Entry | None:
    """The parent `key` names, itself resolved first; None (with a problem) for a missing
    parent or a cycle back to `entry`."""
    if not key.strip():
        return None
    parent = by_key.get(key.strip().lower())
    if parent is None:
        problems.append(f"{kind} {key!r} names no entry in this file")
        return None
    seen, current = {entry.key.lower()}, parent
    while current is not None:
        if current.key.lower() in seen:
            problems.append(f"{kind} cycle through {key!r}: inheritance not applied")
            return None
        seen.add(current.key.lower())
        current = by_key.get(current.fields.get("crossref", "").strip().lower())
    _inherit(parent, by_key)
    return parent


def to_record(entry: _Entry, source: str) -> Record:
    """The CSL record of an evaluated entry."""
    record = Record(type=csl_type(entry), origin=Origin(source, entry.line), id=entry.key)
    issued = _issued(entry.fields)
    if issued:
        record.dates["issued"] = issued
    for name, value in entry.fields.items():
        if name not in SKIPPED and value.strip() and not _is_default(entry.type, name, value):
            _read_field(record, entry, name, value)
    if record.type == "thesis" and "genre" not in record.fields and entry.type in IMPLIED_GENRES:
        record.fields["genre"] = IMPLIED_GENRES[entry.type]
    affiliation = entry.fields.get("affiliation", "")
    if affiliation.strip():  # linked to the authors by name: read once they are
        absorb(record, "affiliation", to_unicode(affiliation))
    return record


def _is_default(entry_type: str, name: str, value: str) -> bool:
    """Whether a field only repeats what the bib writer puts in an entry that needs it."""
    return BIBLATEX.required.get(entry_type) == (name, value.strip())


def csl_type(entry: _Entry) -> str:
    """The CSL item type of an entry: its `csl-type` field, else by entry type."""
    given = entry.fields.get(CSL_TYPE_FIELD, "").strip()
    if given in ITEM_TYPES:
        return given
    return csl_type_of(entry.type, entry.fields.get("entrysubtype", ""))


def _read_field(record: Record, entry: _Entry, name: str, value: str) -> None:
    slot = _slot_for(name, entry.type)
    if name == "number" and "series" in entry.fields and entry.type not in SERIAL_TYPES:
        slot = SERIES_NUMBER  # a book's number is its number in the series
    if slot is None:
        _read_unslotted(record, name, value)
    elif slot.form == "names":
        record.names[slot.sources[0]] = parse_names(value)
    elif slot.form == "keywords":
        record.keywords += [k.strip() for k in re.split(r"[,;]", to_unicode(value)) if k.strip()]
    elif slot.form == "date":
        record.dates[slot.sources[0]] = _date(value)
    elif slot.form == "pubmed":
        if value.strip().lower() != "pubmed":
            record.add_extra(source_key("bibtex", name), to_unicode(value))
    elif slot.form != "subtype":
        record.fields.setdefault(slot.sources[0], _text(slot.form, value))


def _text(form: str, value: str) -> str:
    if form == "title":
        return title_to_unicode(value)
    if form == "verbatim":
        return _VERBATIM_ESCAPES.sub(r"\1", value.strip())
    if form == "language":
        name = to_unicode(value).strip()
        return language_code(name)
    if form == "pages":
        return re.sub(r"\s*[–—-]+\s*", "-", to_unicode(value))
    return to_unicode(value)


def _read_unslotted(record: Record, name: str, value: str) -> None:
    """A field no slot names: a CSL variable's own name, our extension data, or a field of
    BibTeX's own, kept under ``bibtex-<name>``."""
    variable = _VARIABLES_BY_LOWER.get(name)
    text = to_unicode(value)
    if variable in NAME_VARIABLES:
        record.names[variable] = parse_names(value)
    elif variable in DATE_VARIABLES:
        record.dates[variable] = _date(value)
    elif variable:
        record.fields[variable] = text
    elif not absorb(record, re.sub(r"^(x-)+", "", name), text):
        record.add_extra(source_key("bibtex", name), text)


def parse_names(value: str) -> list[Name]:
    """A name list by the BibTeX rules: ``von Last, Jr, First`` joined by ``and``;
    ``{Corporate Name}`` as a literal; a closing ``others`` as the et-al marker."""
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    names = []
    for text in split_multiple_persons_names(value):
        if text.strip().lower() == "others":
            names.append(ET_AL)
            continue
        if re.fullmatch(r"\{[^{}]*(\{[^{}]*\}[^{}]*)*\}", text.strip()):
            names.append(Name(literal=to_unicode(text.strip()[1:-1])))
            continue
        parts = parse_single_name_into_parts(text, strict=False)
        names.append(Name(
            family=to_unicode(" ".join(parts.last)), given=to_unicode(" ".join(parts.first)),
            non_dropping_particle=to_unicode(" ".join(parts.von)),
            suffix=to_unicode(" ".join(parts.jr))))
    return names


def _issued(fields: dict[str, str]) -> Date | None:
    """``date`` (BibLaTeX), else ``year`` with ``month``."""
    if fields.get("date", "").strip():
        text = fields["date"].strip()
        return _date(text)
    year = fields.get("year", "").strip()
    if not year:
        return None
    if not year.isdigit():
        return _date(year)
    month = month_number(fields.get("month", ""))
    return Date((int(year), month) if month else (int(year),))


def _date(value: str) -> Date:
    """A date field: EDTF as it stands (its ``~`` is "circa", not LaTeX's space), else LaTeX."""
    return parse_date(to_unicode(value) if re.search(r"[\\{]", value) else value)


@functools.cache
def _slot_for(name: str, entry_type: str) -> Slot | None:
    """The slot that reads field `name` of an entry: BibLaTeX's (aliases resolved), then
    BibTeX's; one for the entry's type if there is one, else one for any type."""
    biblatex_type = TYPE_ALIASES.get(entry_type, entry_type)
    candidates = [(BIBLATEX, FIELD_ALIASES.get(name, name), biblatex_type),
                  (BIBTEX, name, entry_type)]
    for exact in (True, False):
        for dialect, field_name, bib_type in candidates:
            found = _find_slot(dialect, field_name, bib_type, exact)
            if found:
                return found
    return None


def _find_slot(dialect: Dialect, name: str, bib_type: str, exact: bool) -> Slot | None:
    for slot in dialect.slots:
        if slot.name == name and slot.form not in ("year", "month", "finer-date") and (
                not exact or not slot.types or bib_type in slot.types):
            return slot
    return None


# Entry types whose `number` is their own (an issue, a report number), not a series number.
SERIAL_TYPES = frozenset({"article", "periodical", "report", "techreport", "patent", "review"})
SERIES_NUMBER = next(s for s in BIBTEX.slots if s.sources == ("collection-number",))
_VARIABLES_BY_LOWER = {v.lower(): v for v in TEXT_VARIABLES | NAME_VARIABLES | DATE_VARIABLES}


READER = Reader(
    name="bibtex",
    description="BibTeX and BibLaTeX (.bib): @string, crossref/xdata, LaTeX to Unicode",
    detect=detect,
    read=read,
    aliases=("biblatex", "bib", "bltx"),
    suffixes=(".bib", ".bibtex"),
)
