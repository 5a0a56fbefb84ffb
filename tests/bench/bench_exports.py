"""Benchmark: the database-export readers, on their samples repeated to about 5,000 records.

    python tests/bench/bench_exports.py [--records 5000]

Reads in-process (the command's start-up is measured by bench_page.py) and reports records/s
per reader, checking that every repeated record comes out.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from recconv.formats.record import Record
from recconv.formats.registry import Registry

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
READERS = {"wos": "wos-export.txt", "pubmed": "pubmed-records.nbib",
           "endnote": "endnote-cnki.txt", "refworks": "refworks-cnki.txt",
           "noteexpress": "noteexpress-cnki.txt", "estudy": "estudy-cnki.txt"}


def count(reader, lines: list[str]) -> int:
    return sum(isinstance(item, Record) for item in reader.read(lines, "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000)
    args = parser.parse_args()
    registry = Registry.default()
    for name, sample in READERS.items():
        reader = registry.reader(name)
        text = (SAMPLES / sample).read_text(encoding="utf-8-sig")
        per_copy = count(reader, text.splitlines())
        copies = max(1, args.records // per_copy)
        lines = "\n\n".join([text] * copies).splitlines()
        start = time.perf_counter()
        read = count(reader, lines)
        seconds = time.perf_counter() - start
        print(f"{name}: {read} of {per_copy * copies} records in {seconds:.2f} s, "
              f"{read / seconds:,.0f} records/s")


if __name__ == "__main__":
    main()
