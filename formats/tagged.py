"""Tagged export layouts: a tag and a value per line, records one after another.

Web of Science, PubMed/MEDLINE, EndNote/Refer, RefWorks, NoteExpress and CNKI E-Study
exports all have this shape and differ in how a tag is written, how a value continues on the
next line, and what starts or ends a record. A reader describes that in a `Syntax`, maps tags
to CSL variables in a table of `Field`s, and keeps its own code for what a table cannot say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .dates import parse_date
from .diagnostics import Diagnostic, warning
from .extension import source_key
from .names import is_han, parse_tagged_name
from .numbers import normalise_pages, strip_zeros
from .record import DATE_VARIABLES, NAME_VARIABLES, Date, Origin, Record


@dataclass(frozen=True)
class Syntax:
    """How one layout writes its lines.

    `line` matches a tagged line with groups ``tag`` and ``value``; `continues` tells a line
    that carries on the value before it (joined with `joiner`). A record starts at a tag in
    `starts` (or at the first tag after a blank line, with `blank_line_ends`) and ends at a tag
    in `ends` or at the next start. Tags in `ignored` (file headers) belong to no record.
    """

    line: re.Pattern[str]
    starts: frozenset[str] = frozenset()
    ends: frozenset[str] = frozenset()
    ignored: frozenset[str] = frozenset()
    continues: Callable[[str], bool] = lambda text: False
    joiner: str = " "
    blank_line_ends: bool = False
    normalise_tag: Callable[[str], str] = str.strip


@dataclass
class Tagged:
    """One record as read: its first line and its ``(line, tag, value)`` in order."""

    line: int
    items: list[tuple[int, str, str]] = field(default_factory=list)
    ended: bool = False

    def values(self, tag: str) -> list[str]:
        """Every value of `tag`, in order."""
        return [value for _, t, value in self.items if t == tag]

    def first(self, tag: str) -> str:
        """The first value of `tag`, or ""."""
        return next((value for _, t, value in self.items if t == tag), "")

    def tags(self) -> set[str]:
        return {tag for _, tag, _ in self.items}


def split(lines: Iterable[str], syntax: Syntax, source: str) -> Iterator[Tagged | Diagnostic]:
    """Group tagged lines into records as they arrive; a line that is neither a tag nor a
    continuation, outside any record, is reported."""
    current: Tagged | None = None
    stray: list[int] = []
    for number, text in enumerate(lines, start=1):
        text = text.lstrip("\ufeff") if number == 1 else text  # a BOM the decoder left
        if not text.strip():
            if syntax.blank_line_ends and current and current.items:
                yield current
                current = None
            continue
        match = syntax.line.match(text)
        tag = syntax.normalise_tag(match["tag"]) if match else ""
        if match and tag in syntax.ignored:
            continue
        if match and (tag in syntax.starts or (current is None and not syntax.starts)):
            if current and current.items:
                yield current
            current = Tagged(number)
        if current is None:
            stray.append(number)
            continue
        if match and tag in syntax.ends:
            current.ended = True
            yield current
            current = None
        elif match:
            current.items.append((number, tag, (match["value"] or "").strip()))
        elif current.items and syntax.continues(text):
            line, last_tag, value = current.items[-1]
            joined = value + syntax.joiner + text.strip() if value else text.strip()
            current.items[-1] = (line, last_tag, joined)
        else:
            stray.append(number)
    if current and current.items:
        yield current
    if stray:
        shown = ", ".join(map(str, stray[:5])) + (" ..." if len(stray) > 5 else "")
        yield warning(f"{len(stray)} line(s) outside any record or not tagged, skipped "
                      f"(lines {shown})", source, stray[0])


@dataclass(frozen=True)
class Field:
    """Where a tag's values go: a CSL variable read as `kind`.

    Kinds: ``text`` (values joined with "; "), ``first`` (the first value only), ``names``
    (one name per value), ``packed-names`` (names separated by ``;`` or ``,`` in one value),
    ``date``, ``keywords`` (split at ``;``), ``pages`` (a range: ``104-108+117``),
    ``page-first``/``page-last`` (two tags making one range), ``zero-padded`` (``03`` → ``3``),
    ``doi`` (prefixes removed), ``extra`` (kept under the variable as an extension key).
    """

    variable: str
    kind: str = "text"


def apply(record: Record, tagged: Tagged, table: dict[str, Field], source_format: str) -> None:
    """Fill `record` from `tagged` through `table`; a tag the table lacks is kept as
    ``<format>-<tag>`` extension data, so nothing read is lost."""
    first_page, last_page = "", ""
    for tag in dict.fromkeys(t for _, t, _ in tagged.items):
        values = [v for v in tagged.values(tag) if v]
        target = table.get(tag)
        if not values:
            continue
        if target is None:
            record.add_extra(source_key(source_format, tag.lower()), *values)
        elif target.kind == "page-first":
            first_page = values[0]
        elif target.kind == "page-last":
            last_page = values[0]
        else:
            unplaced = _put(record, target, values)
            # A slot already filled by another tag, or a tag repeated where one value fits.
            record.add_extra(source_key(source_format, tag.lower()), *unplaced)
    if first_page or last_page:
        record.fields.setdefault("page", "-".join(p for p in (first_page, last_page) if p))


def _put(record: Record, target: Field, values: list[str]) -> list[str]:
    """Put `values` where `target` says; returns those that found no room there."""
    variable, kind = target.variable, target.kind
    if kind == "names" or (kind == "text" and variable in NAME_VARIABLES):
        record.names.setdefault(variable, []).extend(parse_tagged_name(v) for v in values)
    elif kind == "packed-names":
        record.names.setdefault(variable, []).extend(
            parse_tagged_name(n) for v in values for n in split_packed(v))
    elif kind == "keywords":
        record.keywords.extend(k for v in values for k in split_packed(v))
    elif kind == "extra":
        record.add_extra(variable, *values)
    elif kind == "date" or variable in DATE_VARIABLES:
        date = parse_date(values[0])
        kept = record.dates.setdefault(variable, date)
        return values[1:] if kept == date else values
    else:
        text = _text(kind, values)
        kept = record.fields.setdefault(variable, text)
        if kept != text:
            return values
        return values[1:] if kind in SINGLE_VALUE_KINDS else []
    return []


SINGLE_VALUE_KINDS = frozenset({"first", "pages", "zero-padded", "doi"})


def _text(kind: str, values: list[str]) -> str:
    value = values[0] if kind in SINGLE_VALUE_KINDS else "; ".join(values)
    if kind == "pages":
        return normalise_pages(value)
    if kind == "zero-padded":
        return strip_zeros(value)
    if kind == "doi":
        return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", value, flags=re.I)
    return value


_PACKED = re.compile(r"\s*[;；]\s*")


def split_packed(value: str) -> list[str]:
    """``潘紫麟;刘庆鹏;`` → ``["潘紫麟", "刘庆鹏"]`` (CNKI packs several values in one)."""
    return [part for part in _PACKED.split(value) if part.strip()]


_WIDE = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\uf900-\ufaff]")


def join_wrapped(value: str) -> str:
    """A value wrapped over lines as one line: nothing between Chinese text, else a space."""
    if "\n" not in value:
        return value
    parts = value.split("\n")
    joined = parts[0]
    for part in parts[1:]:
        wide = _WIDE.match(joined[-1:]) or _WIDE.match(part[:1])
        joined += ("" if wide else " ") + part
    return joined


def split_keywords(value: str) -> list[str]:
    """Keywords as Chinese databases pack them: ``a;b;``, ``a；b``, one a line, ``a，b``, or
    CNKI's machine keywords joined by commas (``巴拿马,习近平,``)."""
    if re.search(r"[;；\n]", value):
        return [k.strip() for k in re.split(r"[;；\n]|，(?=\S)", value) if k.strip()]
    if re.search(r"[,，]", value) and (value.rstrip().endswith((",", "，")) or is_han(value)):
        return [k.strip() for k in re.split(r"[,，]", value) if k.strip()]
    return [value.strip()] if value.strip() else []


def new_record(csl_type: str, source: str, tagged: Tagged) -> Record:
    """An empty record of `csl_type` placed at the record's first line."""
    return Record(type=csl_type, origin=Origin(source, tagged.line))


def year_date(text: str) -> Date | None:
    """A date from text that holds at least a year (``2021``, ``2023-09-21``, ``2019 Jul``)."""
    return parse_date(text) if re.search(r"\d{4}", text) else None
