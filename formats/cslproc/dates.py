"""``cs:date``: localized and non-localized dates, ranges, seasons, eras and year suffixes.

A range prints the parts that differ twice, joined by the range delimiter of the largest
differing part, and the parts they share once (``May 3–June 5, 2020``, ``3–5 May 2020``).
Where a style prints no ``year-suffix`` of its own, the disambiguating letter follows the
first year printed, as citeproc-js does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from xml.etree import ElementTree

from .context import Context, DateValue
from .output import Blob
from .style import NS, Element, Formatting, Style, _children

_ORDER = ("year", "month", "day")


@dataclass
class DatePart:
    name: str
    form: str
    range_delimiter: str
    fmt: Formatting
    form_given: bool = False  # a style's part overriding a locale's: which attributes it sets
    delimiter_given: bool = False


@dataclass
class Date(Element):
    variable: str
    localized: str  # "text" or "numeric" for a locale's format, "" for the style's own parts
    date_parts: str  # year-month-day, year-month or year
    parts: list[DatePart]
    delimiter: str
    fmt: Formatting
    style: Style = field(repr=False)

    def render(self, ctx: Context, out: list[Blob]) -> None:
        date = ctx.item.dates.get(self.variable)
        if self.variable in ctx.suppressed or (ctx.disambiguating and
                                                self.variable == "accessed"):
            date = None
        ctx.variable(self.variable, date is not None)
        if date is None:
            return
        if ctx.substituting:
            ctx.suppressed.add(self.variable)
        if ctx.mode == "sort":
            key = sort_key(date, self.date_parts if self.localized else
                           "-".join(p.name for p in self.parts))
            if key:
                out.append(Blob(key, decorations=(SORT_DATE,)))
            return
        parts, delimiter = self._parts(ctx)
        if date.start:
            children = _render_date(ctx, date, parts, delimiter)
        else:  # a literal prints where the year would, or not at all
            year = next((p for p in parts if p.name == "year"), None)
            children = [year.fmt.leaf(ctx, date.literal)] if year and date.literal else []
        if children:
            wrapper = Formatting(self.fmt.prefix, self.fmt.suffix, self.fmt.decorations)
            out.append(wrapper.wrap(children, delimiter))

    def _parts(self, ctx: Context) -> tuple[list[DatePart], str]:
        if not self.localized:
            return self.parts, self.delimiter
        attributes, locale_parts = ctx.locale.dates.get(self.localized, ({}, []))
        overrides = {p.name: p for p in self.parts}
        wanted = set(_ORDER[:{"year": 1, "year-month": 2}.get(self.date_parts, 3)])
        parts = []
        for part in locale_parts:
            if part.name not in wanted:
                continue
            read = _part_from_attributes(part.attributes)
            override = overrides.get(part.name)
            if override is not None:
                read = _overridden(read, override)
            if self.fmt.text_case and not read.fmt.text_case:
                read = replace(read, fmt=replace(read.fmt, text_case=self.fmt.text_case))
            parts.append(read)
        return parts, attributes.get("delimiter", "")


SORT_DATE = ("sort-date", "")  # marks a date's sort key among a sort macro's output


def sort_key(date: DateValue, parts: str = "year-month-day") -> str:
    """A date as citeproc-js sorts it: ``1YYYYMMDD`` for the start, then the end (``100000``
    when there is none); empty when there is no year."""
    if not date.start:
        return ""
    wanted = parts.split("-")
    out = []
    for values in (date.start, date.end):
        named = dict(zip(_ORDER, values, strict=False))
        for name in _ORDER:
            value = named.get(name, 0) if name in wanted else 0
            if name == "year":
                out.append(f"0{9999 + value:04d}" if value < 0 else f"1{value:04d}")
            else:
                out.append(f"{value:02d}" if value else "00")
    return "".join(out)


def _part_from_attributes(attributes: dict[str, str]) -> DatePart:
    node = ElementTree.Element("date-part", attributes)
    return DatePart(attributes.get("name", ""), attributes.get("form", _default_form(
        attributes.get("name", ""))), attributes.get("range-delimiter", "\u2013"),
        Formatting.read(node))


def _overridden(part: DatePart, override: DatePart) -> DatePart:
    fmt = part.fmt
    given = override.fmt
    merged = Formatting(fmt.prefix, fmt.suffix, given.decorations or fmt.decorations,
                        given.text_case or fmt.text_case, given.strip_periods or fmt.strip_periods)
    return DatePart(part.name, override.form if override.form_given else part.form,
                    override.range_delimiter if override.delimiter_given else
                    part.range_delimiter, merged)


def _default_form(name: str) -> str:
    return {"year": "long", "month": "long", "day": "numeric"}.get(name, "")


def _render_date(ctx: Context, date: DateValue, parts: list[DatePart],
                 delimiter: str) -> list[Blob]:
    start = _values(date.start, date.season)
    if date.is_range:
        return _render_range(ctx, start, _values(date.end, ""), parts)
    return [b for b in (_render_part(ctx, p, start) for p in parts) if b is not None]


def _values(parts: tuple[int, ...], season: str) -> dict[str, int | str]:
    values: dict[str, int | str] = {n: v for n, v in zip(_ORDER, parts, strict=False) if v}
    if "month" in values and isinstance(values["month"], int) and 13 <= values["month"] <= 16:
        values["season"] = str(values.pop("month") - 12)  # type: ignore[operator]
        values.pop("day", None)
    elif season and "month" not in values:
        values["season"] = season
    return values


def _render_range(ctx: Context, start: dict, end: dict, parts: list[DatePart]) -> list[Blob]:
    """A date range as citeproc-js prints it: the parts from the first that differs (among
    those the end date has) print their start, then the range delimiter of the last of them,
    then their ends; the parts before print once. An end part loses its prefix, except the
    last of several."""
    names = {p.name for p in parts}
    ended = [n for n in _ORDER if n in names and n in end]
    first_differing = next((i for i, n in enumerate(ended) if start.get(n) != end.get(n)), 2)
    collapse = set(ended[first_differing:])
    out: list[Blob] = []
    ends: list[Blob] = []
    done: set[str] = set()
    for part in parts:
        blob = _render_part(ctx, part, start)
        if part.name not in collapse:
            out += [blob] if blob is not None else []
            continue
        done.add(part.name)
        ready = done >= collapse
        end_blob = _render_part(ctx, part, end, implicit_suffix=False)
        if end_blob is not None and (not ready or not ends):
            end_blob.prefix = ""
        if blob is not None:
            if ready:
                blob.suffix = ""
            out.append(blob)
        ends += [end_blob] if end_blob is not None else []
        if ready:
            out.append(Blob(part.range_delimiter))
            out.append(_range_end(ctx, ends))
    return out


def _range_end(ctx: Context, ends: list[Blob]) -> Blob:
    """The end of a range, in the wrapper citeproc-js puts it in: for the first range a
    processor prints, the last ``cs:date`` of the style with its affixes; after that, its
    decorations only."""
    fmt = ctx.shared.last_date
    wrapper = Blob(ends, decorations=fmt.decorations if fmt else ())
    if fmt is not None and not ctx.shared.range_printed:
        wrapper.prefix, wrapper.suffix = fmt.prefix, fmt.suffix
    ctx.shared.range_printed = True
    return wrapper


def _render_part(ctx: Context, part: DatePart, values: dict,
                 implicit_suffix: bool = True) -> Blob | None:
    name = part.name
    if name == "month" and "season" in values:
        term = ctx.locale.term(f"season-{int(values['season']):02d}") \
            if str(values["season"]).isdigit() else str(values["season"])
        return part.fmt.leaf(ctx, term) if term else None
    value = values.get(name)
    if value is None:
        return None
    if name == "year":
        return _year(ctx, part, int(value), implicit_suffix)
    if name == "month":
        text = _month(ctx, part, int(value))
    else:
        text = _day(ctx, part, int(value), values.get("month"))
    return part.fmt.leaf(ctx, text) if text else None


def _year(ctx: Context, part: DatePart, year: int, implicit_suffix: bool) -> Blob | None:
    if year < 0:
        text = f"{-year}{ctx.locale.term('bc') or ''}"
    elif year < 1000:
        text = f"{year}{ctx.locale.term('ad') or ''}"
    else:
        text = str(year % 100).zfill(2) if part.form == "short" else str(year)
    blob = part.fmt.leaf(ctx, text)
    if implicit_suffix and ctx.year_suffix and not ctx.year_suffix_done and \
            not ctx.style_has_year_suffix:
        ctx.year_suffix_done = True
        suffix = Blob(ctx.year_suffix, part.fmt.prefix, part.fmt.suffix)
        blob.suffix = ""
        return Blob([blob, suffix])
    return blob


def _month(ctx: Context, part: DatePart, month: int) -> str:
    if not 1 <= month <= 12:
        return ""
    if part.form == "numeric":
        return str(month)
    if part.form == "numeric-leading-zeros":
        return f"{month:02d}"
    text = ctx.locale.term(f"month-{month:02d}", "short" if part.form == "short" else "long")
    return text or str(month)


def _day(ctx: Context, part: DatePart, day: int, month: object) -> str:
    if part.form == "numeric-leading-zeros":
        return f"{day:02d}"
    if part.form == "ordinal":
        if ctx.locale.limit_day_ordinals_to_day_1 and day != 1:
            return str(day)
        gender = ctx.locale.gender_of(f"month-{int(month):02d}") if isinstance(month, int) else ""
        return f"{day}{ctx.locale.ordinal(day, gender)}"
    return str(day)


def read_date(node: ElementTree.Element, fmt: Formatting, style: Style) -> Date:
    parts = []
    for child in _children(node):
        if child.tag.removeprefix(NS) != "date-part":
            continue
        name = child.get("name", "")
        parts.append(DatePart(name, child.get("form", _default_form(name)),
                              child.get("range-delimiter", "\u2013"), Formatting.read(child),
                              "form" in child.attrib, "range-delimiter" in child.attrib))
    return Date(node.get("variable", ""), node.get("form", ""),
                node.get("date-parts", "year-month-day"), parts, node.get("delimiter", ""),
                fmt, style)
