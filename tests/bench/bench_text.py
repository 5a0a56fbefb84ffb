"""Benchmark: formatting 1,000 and 5,000 references, in-process and through the command.

    python tests/bench/bench_text.py [--sizes 1000 5000] [--styles apa ieee ...]
                                     [--citeproc-js .ci/node] [--repeat 3]

Records are drawn (seeded) from the real corpora of ``shared/bench``. For each style and
size this reports the best of `--repeat` runs of the text writer in-process (style loaded and
cached beforehand, as a second call would find it), the whole ``recconv`` command on a CSL-JSON
file of the records (start-up, reading, formatting, writing), its peak memory, and with
`--citeproc-js` the same for citeproc-js under node (its script start-up included).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from formatting_corpus import SHARED, drawn_records

from recconv.formats.csl import to_csl
from recconv.formats.cslproc.locale import _locales_folder
from recconv.formats.registry import Options
from recconv.formats.writers.text import csl_items, load_style, write_text

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "citeproc_js" / "format.js"
GBT = "china-national-standard-gb-t-7714-2015-numeric"


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


# Runs the command in a fresh interpreter that writes its own peak memory when it exits: the
# kernel's peak for a child process would count this (large) parent, which it forks from.
_PEAK_REPORTING = """
import atexit, runpy, sys
def report(path=sys.argv.pop(1)):
    with open("/proc/self/status") as status, open(path, "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM")))
atexit.register(report)
sys.argv[0] = "recconv"
runpy.run_module("recconv.cli", run_name="__main__")
"""


def timed_command(arguments: list[str], folder: str) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one run of ``recconv`` with `arguments`."""
    peak_file = Path(folder) / "peak"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _PEAK_REPORTING, str(peak_file), *arguments],
                   check=True, capture_output=True)
    seconds = time.perf_counter() - start
    return seconds, int(peak_file.read_text()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--styles", nargs="+", default=["apa", "ieee", GBT])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--citeproc-js", type=Path, help="folder holding node_modules/citeproc")
    args = parser.parse_args()

    print("| style | entries | in-process s | entries/s | command s | command MiB |"
          + (" citeproc-js s |" if args.citeproc_js else ""))
    print("|---|---:|---:|---:|---:|---:|" + ("---:|" if args.citeproc_js else ""))
    for size in args.sizes:
        records = drawn_records(size, args.seed, args.shared)
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "records.json"
            source.write_text(json.dumps([to_csl(r, r.id) for r in records], ensure_ascii=False),
                              encoding="utf-8")
            for style_name in args.styles:
                style, _ = load_style(style_name)
                options = Options(style=style_name)
                seconds = best_of(args.repeat,
                                  lambda r=records, o=options: list(write_text(r, o)))
                command_seconds, peak = timed_command(
                    [str(source), "--to", "text", "--style", style_name, "-q",
                     "-o", str(Path(folder) / "out.txt")], folder)
                row = (f"| {style_name} | {size} | {seconds:.2f} | {size / seconds:.0f} | "
                       f"{command_seconds:.2f} | {peak:.0f} |")
                if args.citeproc_js:
                    row += f" {citeproc_js_seconds(args.citeproc_js, style, records, folder):.2f} |"
                print(row, flush=True)


def citeproc_js_seconds(citeproc: Path, style, records, folder: str) -> float:
    from xml.etree import ElementTree

    from recconv.formats.cslproc.style import NS

    ElementTree.register_namespace("", NS.strip("{}"))
    style_file, items_file = Path(folder) / "style.csl", Path(folder) / "items.json"
    style_file.write_bytes(ElementTree.tostring(style.root, encoding="utf-8"))
    items_file.write_text(json.dumps(csl_items(records, style), ensure_ascii=False),
                          encoding="utf-8")
    start = time.perf_counter()
    subprocess.run(["node", str(SCRIPT), str(citeproc.resolve()), str(style_file),
                    str(_locales_folder()), str(items_file), "text"],
                   check=True, capture_output=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
