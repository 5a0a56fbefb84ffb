"""Benchmark: the shared corpora through the standard-format readers and writers.

    python tests/bench/bench_formats.py [--shared ../shared/bench]

Decompresses the two corpora of ``shared/bench`` (16,833 BibTeX entries; 2,550 Web of Science
RIS records), converts them with the installed ``recconv`` command (bibtex → csl-json,
bibtex → ris, ris → bibtex, ris → csl-json), and reports entries/s, peak memory, problems
reported and entries lost (records out against entries in).
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = {"bibtex": "glottolog_zurich_sala.bib.xz", "ris": "citesource_wos_early.ris.xz"}
RUNS = [("bibtex", "csl-json"), ("bibtex", "ris"), ("ris", "bibtex"), ("ris", "csl-json")]
ENTRY_START = {"bibtex": re.compile(r"^@\w+\s*\{", re.M), "ris": re.compile(r"^TY  - ", re.M)}
RECORD_START = {"csl-json": re.compile(r'^    "id": ', re.M), "ris": ENTRY_START["ris"],
                "bibtex": ENTRY_START["bibtex"]}


def convert(source: Path, source_format: str, target: str, out: Path) -> tuple[float, int, str]:
    command = [sys.executable, "-m", "recconv.cli", str(source), "--from", source_format,
               "--to", target, "-o", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    rss = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return seconds, rss, result.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "bench")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        inputs = {}
        for fmt, name in CORPORA.items():
            path = Path(folder) / name.removesuffix(".xz")
            path.write_bytes(lzma.decompress((args.shared / name).read_bytes()))
            inputs[fmt] = path
        for source_format, target in RUNS:
            source = inputs[source_format]
            entries = len(ENTRY_START[source_format].findall(source.read_text("utf-8-sig")))
            out = Path(folder) / f"out.{target}"
            seconds, rss, stderr = convert(source, source_format, target, out)
            written = len(RECORD_START[target].findall(out.read_text("utf-8")))
            if target == "csl-json":
                written = len(json.loads(out.read_text("utf-8")))
            problems = len([line for line in stderr.splitlines() if line.strip()])
            print(f"{source_format} -> {target}: {entries} entries in, {written} out "
                  f"({entries - written} lost), {seconds:.2f} s, {entries / seconds:,.0f} "
                  f"entries/s, peak RSS {rss / 1024:.0f} MiB, {problems} problem lines")


if __name__ == "__main__":
    main()
