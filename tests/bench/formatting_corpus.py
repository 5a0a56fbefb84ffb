"""Records to format, for the formatted-reference benchmarks: the CSL corpus of the test
suite, or a seeded random draw from the two real corpora of ``shared/bench`` (records the
processor was not tuned on)."""

from __future__ import annotations

import json
import lzma
import random
from pathlib import Path

from recconv.formats.convert import with_keys
from recconv.formats.csl import from_csl
from recconv.formats.record import Record
from recconv.formats.registry import Registry

ROOT = Path(__file__).resolve().parents[2]
CSL_CORPUS = ROOT / "tests" / "csl_corpus" / "records.json"
SHARED = ROOT.parent / "shared" / "bench"
# The BibTeX corpus is the larger; WoS records add long author lists and journal articles.
_DRAW = (("glottolog_zurich_sala.bib.xz", "bibtex", 0.7), ("citesource_wos_early.ris.xz", "ris",
                                                          0.3))


def corpus_records() -> list[Record]:
    """The 742 records of the test suite's CSL corpus."""
    return [from_csl(item, problems=[]) for item in
            json.loads(CSL_CORPUS.read_text(encoding="utf-8"))]


def drawn_records(count: int, seed: int, shared: Path = SHARED) -> list[Record]:
    """`count` records drawn at random (`seed`) from the shared corpora, 70 % BibTeX, 30 % WoS
    RIS, in a shuffled order; their abstracts are dropped (no style prints them)."""
    registry, rng, drawn = Registry.default(), random.Random(seed), []
    for name, reader, share in _DRAW:
        text = lzma.decompress((shared / name).read_bytes()).decode("utf-8-sig")
        records = [r for r in with_keys(registry.reader(reader).read(text.splitlines(), name))
                   if isinstance(r, Record)]
        drawn += rng.sample(records, min(len(records), round(count * share)))
    rng.shuffle(drawn)
    for record in drawn:
        record.fields.pop("abstract", None)
    return drawn[:count]
