"""Measure: how many formatted references and citations equal citeproc-js's, per style.

    python tests/bench/compare_citeproc_js.py --citeproc-js .ci/node [--draw 2000 --seed 5]
                                              [--show 3] [STYLE ...]

citeproc-js (the CSL engine of Zotero and Mendeley) is the reference processor. The records
are the test suite's CSL corpus, or with `--draw N` N records drawn at random from the real
corpora of ``shared/bench`` (records the processor was not tuned on). Both processors get the
items the text writer formats (keyed by record id), the same style (the writer's, bilingual
layouts included) and the same locale files; entries and citations are compared once white
space is folded. `--show N` prints the first N differences of each style.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
import time
from pathlib import Path
from xml.etree import ElementTree

from formatting_corpus import SHARED, corpus_records, drawn_records

from recconv.formats.cslproc import Processor
from recconv.formats.cslproc.locale import _locales_folder
from recconv.formats.cslproc.style import NS
from recconv.formats.writers.text import csl_items, load_style

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "citeproc_js" / "format.js"
STYLES = [
    "apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
    "ieee", "harvard-cite-them-right", "nature", "elsevier-vancouver",
    "american-medical-association", "china-national-standard-gb-t-7714-2015-numeric",
    "china-national-standard-gb-t-7714-2015-author-date",
]


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("styles", nargs="*", default=STYLES)
    parser.add_argument("--citeproc-js", type=Path, required=True,
                        help="folder holding node_modules/citeproc")
    parser.add_argument("--draw", type=int, default=0)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    records = drawn_records(args.draw, args.seed, args.shared) if args.draw else corpus_records()
    ElementTree.register_namespace("", NS.strip("{}"))
    print("| style | entries identical | citations identical | recconv s | citeproc-js s |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        style_file, items_file = Path(folder) / "style.csl", Path(folder) / "items.json"
        for name in args.styles:
            style, locale = load_style(name)
            items = csl_items(records, style)
            for item, record in zip(items, records, strict=True):
                item["id"] = record.id
            style_file.write_bytes(ElementTree.tostring(style.root, encoding="utf-8"))
            items_file.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
            start = time.perf_counter()
            theirs = json.loads(subprocess.run(
                ["node", str(SCRIPT), str(args.citeproc_js.resolve()), str(style_file),
                 str(_locales_folder()), str(items_file), "text", "citations"],
                capture_output=True, text=True, check=True).stdout)
            their_seconds = time.perf_counter() - start
            start = time.perf_counter()
            processor = Processor(style, locale)
            ours = {e.id: e.text for e in processor.bibliography(items) if e.text}
            our_citations = processor.citations(items)
            our_seconds = time.perf_counter() - start
            entries = [(key, ours.get(key, ""), text) for key, text in theirs["bibliography"]]
            citations = [(key, our_citations.get(key, ""), text)
                         for key, text in theirs["citations"]]
            same = sum(folded(a) == folded(b) for _, a, b in entries)
            same_citations = sum(folded(a) == folded(b) for _, a, b in citations)
            extra = len(set(ours) - {key for key, _, _ in entries})
            note = f" (+{extra} printed by recconv only)" if extra else ""
            print(f"| {name} | {same}/{len(entries)}{note} | "
                  f"{same_citations}/{len(citations)} | {our_seconds:.2f} | "
                  f"{their_seconds:.2f} |", flush=True)
            shown = [d for d in entries + citations if folded(d[1]) != folded(d[2])]
            for key, a, b in shown[:args.show]:
                print(f"    {key}\n      recconv:     {folded(a)}\n      citeproc-js: {folded(b)}")


if __name__ == "__main__":
    main()
