"""Benchmark: start-up time for one record page, and throughput and memory on many.

    python tests/bench/bench_page.py [--runs 20] [--pages 20000]

Runs the installed ``recconv`` command as a user would. Start-up: wall time of converting
`samples/record-page.txt` to BibTeX (median and worst of --runs). Throughput: the samples
repeated to --pages records in one file, converted to every streaming output; peak memory
(max RSS of the child) shows that records are streamed, not collected.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def command() -> list[str]:
    found = shutil.which("recconv", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "recconv.cli"]


def timed(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command() + args, stdout=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - start
    return elapsed, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def startup(runs: int) -> None:
    times = [timed([str(SAMPLES / "record-page.txt"), "--to", "bibtex"])[0] for _ in range(runs)]
    print(f"one record page -> bibtex: median {statistics.median(times) * 1000:.0f} ms, "
          f"worst {max(times) * 1000:.0f} ms over {runs} runs")


def throughput(pages: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("record-page*.txt"))]
    records_per_round = 1 + 1 + 2  # the seed, the Chinese page, the two pasted pages
    rounds = max(1, pages // records_per_round)
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "pages.txt"
        big.write_text("\n".join(texts * rounds), encoding="utf-8")
        count = rounds * records_per_round
        for output in ("bibtex", "biblatex", "ris", "csl-json"):
            seconds, rss = timed([str(big), "--to", output, "--from", "page", "-q"])
            size = big.stat().st_size / 1e6
            print(f"{count} record pages ({size:.1f} MB) -> {output}: {seconds:.2f} s, "
                  f"{count / seconds:,.0f} records/s; peak RSS {rss / 1024:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pages", type=int, default=20000)
    args = parser.parse_args()
    startup(args.runs)
    throughput(args.pages)


if __name__ == "__main__":
    main()
