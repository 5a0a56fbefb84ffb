"""Measure: how many formatted references equal citeproc-js's, per style, on every sample.

    npm install --prefix /tmp/cjs citeproc
    python tests/bench/compare_citeproc_js.py --citeproc /tmp/cjs apa ieee ...

citeproc-js (the CSL engine of Zotero and Mendeley) is the reference processor. This reads
every file in `samples/`, formats the records with recconv's text writer and with citeproc-js
(same CSL-JSON items, same style file, the locales citeproc-py ships), and counts the entries
that are identical once white space is folded; `--show N` prints the first N differences.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

from recconv.formats.convert import Choice, choose_reader, with_keys
from recconv.formats.csl import to_csl
from recconv.formats.record import Record
from recconv.formats.registry import Options, Registry
from recconv.formats.writers.text import resolve_style

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NODE_SCRIPT = """
const fs = require('fs');
const CSL = require(process.argv[2] + '/node_modules/citeproc');
const [styleFile, localesDir, itemsFile] = process.argv.slice(3);
const items = JSON.parse(fs.readFileSync(itemsFile, 'utf8'));
const byId = Object.fromEntries(items.map(item => [item.id, item]));
const engine = new CSL.Engine({
  retrieveLocale: (lang) => {
    const file = `${localesDir}/locales-${lang}.xml`;
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : false;
  },
  retrieveItem: (id) => byId[id],
}, fs.readFileSync(styleFile, 'utf8'));
engine.setOutputFormat('text');
engine.updateItems(items.map(item => item.id));
for (const entry of engine.makeBibliography()[1]) process.stdout.write(entry.trim() + '\\n');
"""


def sample_records(registry: Registry) -> list[Record]:
    records: list[Record] = []
    for path in sorted(SAMPLES.iterdir()):
        text = path.read_text(encoding="utf-8-sig")
        choice = choose_reader(registry, text, path.name)
        if isinstance(choice, Choice):
            records += [r for r in choice.reader.read(text.splitlines(), path.name)
                        if isinstance(r, Record)]
    return [r for r in with_keys(records) if isinstance(r, Record)]


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("styles", nargs="+")
    parser.add_argument("--citeproc", type=Path, required=True,
                        help="folder where `npm install citeproc` was run")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    import citeproc  # for the locale files it ships

    locales = Path(citeproc.__file__).parent / "data" / "locales"
    registry = Registry.default()
    records = sample_records(registry)
    items = [{k: v for k, v in to_csl(r, r.id).items() if k != "note"} for r in records]
    with tempfile.TemporaryDirectory() as folder:
        items_file, script = Path(folder) / "items.json", Path(folder) / "format.js"
        items_file.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        script.write_text(NODE_SCRIPT, encoding="utf-8")
        for style in args.styles:
            theirs = subprocess.run(
                ["node", str(script), str(args.citeproc.resolve()), resolve_style(style),
                 str(locales), str(items_file)],
                capture_output=True, text=True, check=True, env=os.environ).stdout.splitlines()
            ours = [chunk for chunk in registry.writer("text").write(records, Options(style=style))
                    if isinstance(chunk, str)]
            pairs = list(zip(ours, theirs, strict=False))  # a failed record is missing on one side
            same = sum(folded(a) == folded(b) for a, b in pairs)
            print(f"{style}: {same}/{len(theirs)} entries identical to citeproc-js")
            for a, b in [p for p in pairs if folded(p[0]) != folded(p[1])][:args.show]:
                print(f"  recconv:     {folded(a)}\n  citeproc-js: {folded(b)}")


if __name__ == "__main__":
    main()
