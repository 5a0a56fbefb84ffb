"""X → recconv → X, and X → Y → X, for every format that is both read and written.

Each sample is read, written as Y, read back, written as X again and read once more; the
records must equal the first reading. What Y cannot carry is listed in `EXPECTED_LOSSES`, and
a loss that no longer happens fails the test too, so the list cannot go stale.
"""

from __future__ import annotations

import dataclasses

import pytest

from recconv.formats.record import Record
from recconv.formats.registry import Options, Registry

from .conftest import GOLDEN, SAMPLES

REGISTRY = Registry.default()
SAMPLES_BY_FORMAT = {
    "bibtex": "bibtex-library.bib",
    "ris": "ris-written.ris",
    "csl-json": "csl-items.json",
    "csl-yaml": "csl-references.yaml",
}
CARRIERS = ["bibtex", "biblatex", "ris", "csl-json", "csl-yaml"]

# (sample, carrier, record, part of the record, variables) that the carrier cannot hold.
EXPECTED_LOSSES = {
    # BibTeX values are one paragraph: a note's line break becomes a space.
    ("ris-written.ris", "bibtex", "dijkstra1972notes", "fields", ("note",)),
    ("ris-written.ris", "biblatex", "dijkstra1972notes", "fields", ("note",)),
    ("csl-references.yaml", "bibtex", "shannon1948mathematical", "fields", ("note",)),
    ("csl-references.yaml", "biblatex", "shannon1948mathematical", "fields", ("note",)),
    # BibTeX's address is the conference's place and the publisher's: read back as the latter.
    ("ris-written.ris", "bibtex", "vaswani2017attention", "fields",
     ("event-place", "publisher-place")),
    ("csl-items.json", "bibtex", "vaswani2017attention", "fields",
     ("event-place", "publisher-place")),
    # Neither .bib nor RIS names tell a dropping particle (Alexander von Humboldt) from a
    # given name.
    ("csl-items.json", "bibtex", "humboldt1845kosmos", "names", ("author",)),
    ("csl-items.json", "biblatex", "humboldt1845kosmos", "names", ("author",)),
    ("csl-items.json", "ris", "humboldt1845kosmos", "names", ("author",)),
    # RIS has no circa and no date range.
    ("csl-items.json", "ris", "voynich", "dates", ("issued",)),
}
PARTS = ("type", "fields", "names", "dates", "keywords", "classifications", "extra", "id")


def read(fmt: str, text: str) -> list[Record]:
    reader = REGISTRY.reader("bibtex" if fmt == "biblatex" else fmt)
    return [item for item in reader.read(text.splitlines(), "x") if isinstance(item, Record)]


def write(fmt: str, records: list[Record]) -> str:
    chunks = REGISTRY.writer(fmt).write(records, Options())
    return "".join(chunk for chunk in chunks if isinstance(chunk, str))


def differences(sample: str, first: list[Record], last: list[Record], carrier: str) -> set:
    found = set()
    for before, after in zip(first, last, strict=True):
        for part in PARTS:
            old, new = getattr(before, part), getattr(after, part)
            if old == new:
                continue
            keys = (tuple(sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k)))
                    if isinstance(old, dict) else ("*",))
            found.add((sample, carrier, before.id, part, keys))
    return found


@pytest.mark.parametrize("fmt", sorted(SAMPLES_BY_FORMAT))
def test_a_format_written_as_itself_reads_back_the_same(fmt):
    sample = SAMPLES_BY_FORMAT[fmt]
    first = read(fmt, (SAMPLES / sample).read_text(encoding="utf-8"))
    assert first
    again = read(fmt, write(fmt, first))
    assert differences(sample, first, again, fmt) == set()
    assert write(fmt, again) == write(fmt, first)


@pytest.mark.parametrize("fmt", sorted(SAMPLES_BY_FORMAT))
@pytest.mark.parametrize("carrier", CARRIERS)
def test_through_another_format_only_the_listed_losses_happen(fmt, carrier):
    sample = SAMPLES_BY_FORMAT[fmt]
    first = read(fmt, (SAMPLES / sample).read_text(encoding="utf-8"))
    last = read(fmt, write(fmt, read(carrier, write(carrier, first))))
    expected = {loss for loss in EXPECTED_LOSSES if loss[:2] == (sample, carrier)}
    assert differences(sample, first, last, carrier) == expected


@pytest.mark.parametrize("golden", sorted(p.name for p in GOLDEN.glob("record-page*.json")))
@pytest.mark.parametrize("carrier", CARRIERS)
def test_record_pages_survive_every_format(golden, carrier):
    """What the page reader produced (our golden CSL-JSON) comes back through each format."""
    text = (GOLDEN / golden).read_text(encoding="utf-8")
    first = read("csl-json", text)
    last = read("csl-json", write("csl-json", read(carrier, write(carrier, first))))
    assert [dataclasses.replace(r, origin=None) for r in last] == [
        dataclasses.replace(r, origin=None) for r in first]
