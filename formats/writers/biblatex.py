"""BibLaTeX (for biber): the BibTeX writer's entry builder with biblatex's types and fields.

Entry types and fields follow the biblatex manual (§2.1, §2.2): `@online`, `@patent`,
`@dataset`, `@software`, `@thesis` with `type`, ISO `date`, `journaltitle`, `location`, and
the non-standard types (`@standard`, `@legislation`, ...) that the standard styles print as
`@misc`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .. import bibschema
from ..record import Record
from ..registry import Options, Writer, WriteStream
from .bibtex import write_entries


def _subtype(record: Record, _source: str) -> str:
    return bibschema.SUBTYPES.get(record.type, "")


def _pubmed(record: Record, variable: str) -> str:
    return "pubmed" if record.get(variable).strip() else ""


BIBLATEX = dataclasses.replace(
    bibschema.BIBLATEX, forms={"subtype": _subtype, "pubmed": _pubmed})


def write_biblatex(records: Iterable[Record], options: Options) -> WriteStream:
    """Yield one BibLaTeX entry per record as it arrives."""
    return write_entries(records, BIBLATEX)


WRITER = Writer(name="biblatex", description="BibLaTeX (.bib for biber), UTF-8",
                write=write_biblatex, aliases=("bltx",), suffixes=())
