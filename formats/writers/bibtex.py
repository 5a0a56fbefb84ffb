"""BibTeX: one ``@type{key, field = {value}, ...}`` entry per record, in UTF-8.

The entry builder here serves the biblatex writer too. A `Dialect` is data: which entry type
each CSL item type becomes, and `Slot`s saying which CSL variables fill which .bib field, in
writing order. Whatever a record holds that no slot takes is still written, as a custom field
named after its variable, followed by the affiliations and `Record.extension_fields`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from .. import bibschema, markup
from ..bibschema import IMPLIED_GENRES, Dialect
from ..diagnostics import Severity, about, carried
from ..extension import AFFILIATION, affiliation_lines, own_field
from ..record import ET_AL, Date, Name, Record
from ..registry import Options, Writer, WriteStream

# How a slot's value is written: from the record and one source variable, the text between the
# braces ("" when there is nothing to write).
Form = Callable[[Record, str], str]


_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_SPECIALS = re.compile(r"[\\{}&%$#_~^]")
# URLs and DOIs: braces and spaces are percent-encoded, but `%` and `#` stay as they are, since
# biber and url.sty read these fields verbatim: `\%` would put a backslash into the link.
_URL_UNSAFE = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"}
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_RANGE = re.compile(r"\s*[-‐‑‒–—]+\s*")  # any dash between pages becomes BibTeX's "--"
_AND = re.compile(r"\sand\s", re.IGNORECASE)
# Words of the scripts that have capitals (Latin, Greek, Cyrillic) and digits: ``CT`` in
# ``肺结节CT图像`` is a word of its own, and Chinese text is never braced.
_CASED = "0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff"
_WORD = re.compile(rf"[{_CASED}]+(?:['’][{_CASED}]+)*")
_KEY = re.compile(r"[^\s,{}()\"#%'=\\~]+")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# CSL seasons as ISO 8601-2 (EDTF) month codes, which biber reads.
SEASONS = {"1": 21, "2": 22, "3": 23, "4": 24,
           "spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
BARE_FORMS = frozenset({"month"})  # written without braces: BibTeX's month macros


def escape(text: str) -> str:
    """Unicode text as a .bib value that compiles: LaTeX specials escaped, one line, and CSL
    markup (``<i>``, ``<span class="nocase">``) as LaTeX (``\\textit{}``, braces)."""
    return _with_markup(text, _escape_plain)


def _escape_plain(text: str, _start: bool = True) -> str:
    return _SPECIALS.sub(lambda m: _SPECIAL[m.group()], _clean(text))


def _with_markup(text: str, render: Callable[[str, bool], str]) -> str:
    """`text` with its markup tags as LaTeX and each plain run rendered by `render`."""
    if not markup.has_markup(text):
        return render(text, True)
    return "".join(markup.to_latex(tag) if tag else render(plain, index == 0)
                   for index, (tag, plain) in enumerate(markup.pieces(text)))


def verbatim(text: str) -> str:
    """A URL or DOI for fields read verbatim: only what would break the .bib is encoded."""
    return re.sub(r"[{}\\ ]", lambda m: _URL_UNSAFE[m.group()], _clean(text).strip())


def protect_title(text: str) -> str:
    """An escaped title whose meaningful capitals (``{DNA}``, ``{mRNA}``) survive lower-casing."""
    return _with_markup(_clean(text).strip(), _protect_plain)


def _protect_plain(text: str, at_start: bool) -> str:
    pieces, end = [], 0
    for index, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        pieces += [_escape_plain(text[end:match.start()]),
                   f"{{{word}}}" if _keeps_capitals(word, at_start and index == 0) else word]
        end = match.end()
    pieces.append(_escape_plain(text[end:]))
    return "".join(pieces)


def _keeps_capitals(word: str, first: bool) -> bool:
    """Whether a word has capitals a style's lower-casing must not touch.

    Not an ordinary ``Title`` word: an acronym, ``MedComm``, ``iPhone``, ``A1``, or a lone
    capital such as the ``T`` of ``T cells`` (except as the title's first word).
    """
    if not any(c.isupper() for c in word):
        return False
    if len(word) == 1:
        return not first
    return not (word[0].isupper() and word[1:].islower())


def name_list(names: Iterable[Name]) -> str:
    """Names as BibTeX reads them: ``von Last, Jr, First`` joined by ``and``."""
    return " and ".join(text for text in map(_name, names) if text)


def _name(name: Name) -> str:
    if name == ET_AL:
        return "others"
    if name.literal:  # an organisation: the extra braces keep BibTeX from splitting it
        return "{" + escape(name.literal).strip() + "}"
    given = " ".join(p for p in (name.given, name.dropping_particle) if p)
    parts = (name.last_name(), name.suffix, given) if name.suffix else (name.last_name(), given)
    parts = tuple(escape(p).strip() for p in parts if p.strip())
    # A comma or "and" inside a part would split it: braces keep it whole.
    return ", ".join("{" + p + "}" if "," in p or _AND.search(p) else p for p in parts)


def edtf(date: Date) -> str:
    """The date as biber reads it (ISO 8601-2): ``2025-03-07``, ``2025-21`` (spring), ``1850~``."""
    if not date.parts:
        return ""
    text = date.iso()
    season = SEASONS.get(date.season.strip().lower())
    if season and len(date.parts) == 1 and not date.end:
        text += f"-{season}"
    return text + ("~" if date.circa else "")


def _dated(render: Callable[[Date], str]) -> Form:
    def form(record: Record, variable: str) -> str:
        date = record.dates.get(variable)
        return render(date) if date else ""
    return form


def _month(date: Date) -> str:
    month = date.parts[1] if len(date.parts) > 1 else 0
    return MONTHS[month - 1] if 1 <= month <= 12 else ""


def _finer_than_month(date: Date) -> str:
    """The full date, when year and month fields cannot hold it all (day, range, season)."""
    full = edtf(date)
    return full if full != Date(date.parts[:2]).iso() else ""


FORMS: dict[str, Form] = {
    "text": lambda record, variable: escape(record.get(variable)),
    "title": lambda record, variable: protect_title(record.get(variable)),
    "verbatim": lambda record, variable: verbatim(record.get(variable)),
    "pages": lambda record, variable: _RANGE.sub("--", escape(record.get(variable)).strip()),
    "names": lambda record, variable: name_list(record.names.get(variable, [])),
    "date": _dated(edtf),
    "year": _dated(lambda date: str(date.year) if date.parts else escape(date.literal)),
    "month": _dated(_month),
    "finer-date": _dated(_finer_than_month),
    "language": lambda record, variable: escape(
        bibschema.BABEL_NAMES.get(record.get(variable), record.get(variable))),
    "keywords": lambda record, _source: ", ".join(
        k for k in (escape(word).strip() for word in record.keywords) if k),
}


def entry_type(record: Record, dialect: Dialect) -> str:
    """The entry type a record is written as, in `dialect`."""
    genre = record.get("genre").lower()
    for csl_type, word, bib_type in dialect.genre_types:
        if record.type == csl_type and word in genre:
            return bib_type
    if record.type in dialect.edited_types and not record.authors and "editor" in record.names:
        return dialect.edited_types[record.type]
    return dialect.entry_types.get(record.type, "misc")


def entry_fields(record: Record, dialect: Dialect, bib_type: str) -> list[tuple[str, str]]:
    """``(field, value as written)`` pairs: the slots, then every variable no slot took, then
    the affiliations and extension fields."""
    return placed_fields(record, dialect, bib_type)[0]


def placed_fields(record: Record, dialect: Dialect,
                  bib_type: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """`entry_fields`, and ``(what, custom field)`` for each thing no standard field holds."""
    written, used = _slot_values(record, dialect, bib_type)
    custom: list[tuple[str, str]] = []
    if written.get("type") == "{" + IMPLIED_GENRES.get(bib_type, "") + "}":
        del written["type"]  # @phdthesis already says "PhD thesis"
    required, default = dialect.required.get(bib_type, ("", ""))
    if required and required not in written:
        written[required] = "{" + default + "}"
    subtype = written.get("entrysubtype", "").strip("{}")
    if bibschema.csl_type_of(bib_type, subtype) != record.type:
        written[bibschema.CSL_TYPE_FIELD] = "{" + record.type + "}"
        custom.append((f"type {record.type}", bibschema.CSL_TYPE_FIELD))
    taken = set(written) | dialect.reserved
    for name, value in [*_leftovers(record, used), *_extension(record)]:
        home = own_field(name, "bibtex")
        # A field read from a .bib goes back under its own name (crossref too); others get a
        # custom name clear of the fields BibTeX and biber act on.
        field_name = home if home and home not in written else _free_name(name, taken)
        written[field_name] = "{" + value + "}"
        taken.add(field_name)
        custom.append((name, field_name))
    return list(written.items()), custom


def _slot_values(record: Record, dialect: Dialect,
                 bib_type: str) -> tuple[dict[str, str], set[str]]:
    written: dict[str, str] = {}
    used: set[str] = set()
    for item in dialect.slots:
        if item.name in written or (item.types and bib_type not in item.types):
            continue
        form = dialect.forms.get(item.form) or FORMS[item.form]
        for source in item.sources:
            value = "" if source in used and not item.shares else form(record, source)
            if value:
                if item.name in bibschema.LITERAL_LISTS and _AND.search(value):
                    value = "{" + value + "}"  # "Taylor and Francis" is one publisher, not two
                written[item.name] = value if item.form in BARE_FORMS else "{" + value + "}"
                used.add(source)
                break
    return written, used


def _leftovers(record: Record, used: set[str]) -> Iterator[tuple[str, str]]:
    """Variables no slot took, as custom fields named after them."""
    values = [(v, escape(text)) for v, text in record.fields.items() if v not in used]
    values += [(v, name_list(names)) for v, names in record.names.items() if v not in used]
    values += [(v, edtf(date) or escape(date.literal))
               for v, date in record.dates.items() if v not in used]
    return ((v, value.strip()) for v, value in values if value.strip())


def _extension(record: Record) -> Iterator[tuple[str, str]]:
    affiliations = "; ".join(affiliation_lines(record))
    if affiliations.strip():
        yield AFFILIATION, escape(affiliations).strip()
    for key, _label, value in record.extension_fields():
        if value.strip():
            yield key, escape(value).strip()


def _free_name(key: str, taken: set[str]) -> str:
    """A custom field name from `key`: lower-case ASCII and hyphens, clear of `taken` names."""
    # Letters, digits, "-" and "_": every .bib reader takes such names (pandoc takes no ".").
    name = re.sub(r"[^a-z0-9_]+", "-", key.lower()).strip("-") or "extra"
    while name in taken:
        name = "x-" + name
    return name


def format_entry(bib_type: str, key: str, fields: Iterable[tuple[str, str]]) -> str:
    """One entry, a field per line, followed by a blank line."""
    lines = [f"@{bib_type}{{{key},", *(f"  {name} = {value}," for name, value in fields), "}"]
    return "\n".join(lines) + "\n\n"


def write_entries(records: Iterable[Record], dialect: Dialect) -> WriteStream:
    """Yield one entry per record as it arrives, after any problem found in it."""
    for record in records:
        if not _KEY.fullmatch(record.id):
            yield about(record, f"cannot be written: {record.id!r} is not a usable citation key")
            continue
        yield from (about(record, message, Severity.WARNING) for message in _losses(record))
        bib_type = entry_type(record, dialect)
        fields, custom = placed_fields(record, dialect, bib_type)
        yield from (carried(record, what, f"custom field {name}") for what, name in custom)
        yield format_entry(bib_type, record.id, fields)


def _losses(record: Record) -> Iterator[str]:
    """What the record holds that no .bib field can carry."""
    for variable, names in record.names.items():
        if variable != "author" and any(name.affiliations for name in names):
            yield f"affiliations of {variable} names are not written (only authors' are)"
    for variable, date in record.dates.items():
        if date.season and date.season.strip().lower() not in SEASONS:
            yield f"season {date.season!r} of {variable} is not written: no date form holds it"


def _clean(text: str) -> str:
    return _CONTROL.sub("", _SPACES.sub(" ", text))


BIBTEX = bibschema.BIBTEX


def write_bibtex(records: Iterable[Record], options: Options) -> WriteStream:
    """Yield one BibTeX entry per record as it arrives."""
    return write_entries(records, BIBTEX)


WRITER = Writer(name="bibtex", description="BibTeX (.bib), UTF-8", write=write_bibtex,
                aliases=("bib",), suffixes=(".bib",))
