"""Measure: free-text references parsed per second, on one core.

    python tests/bench/bench_references.py [--count 10000] [--repeat 3]

The references are the labelled set's (every style, a third of them Chinese) repeated to
`--count`; each is parsed as the `text` reader does (every grammar, the best parse chosen).
Reported: references/s in-process, per style and overall, and the whole command
(`recconv LIST --from text --to csl-json`) on the same list written one per line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from recconv.formats.references.parse import parse_reference

LABELLED = Path(__file__).resolve().parents[1] / "references" / "labelled"


def labelled() -> list[tuple[str, str]]:
    return [(row["style"], row["text"]) for path in sorted(LABELLED.glob("*.jsonl"))
            for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())]


def best_seconds(repeat: int, texts: list[str]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            parse_reference(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = labelled()
    by_style: dict[str, list[str]] = defaultdict(list)
    for style, text in rows:
        by_style[style].append(text)
    print("| style | references | references/s |")
    print("|---|---:|---:|")
    for style, texts in sorted(by_style.items()):
        texts = (texts * (1000 // len(texts) + 1))[:1000]
        seconds = best_seconds(args.repeat, texts)
        print(f"| {style} | {len(texts)} | {len(texts) / seconds:,.0f} |")
    single_line = [text for _, text in rows if "\n" not in text]
    texts = (single_line * (args.count // len(single_line) + 1))[:args.count]
    seconds = best_seconds(args.repeat, texts)
    print(f"| all, mixed | {len(texts)} | {len(texts) / seconds:,.0f} |")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "references.txt"
        source.write_text("\n".join(texts) + "\n", encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "recconv.cli", str(source), "--from", "text",
                        "--to", "csl-json", "-q", "-o", str(Path(folder) / "out.json")],
                       check=False, capture_output=True)
        command = time.perf_counter() - start
    print(f"\nwhole command, {len(texts)} references one per line → csl-json: {command:.2f} s "
          f"({len(texts) / command:,.0f} references/s)")


if __name__ == "__main__":
    main()
