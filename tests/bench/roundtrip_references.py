"""Measure: references formatted from real records and parsed back, per style and field.

    python tests/bench/roundtrip_references.py [--count 300] [--seed 5] [--style apa ...]
                                               [--show N]

Records drawn at random from the real corpora of ``shared/bench`` (see
`formatting_corpus.drawn_records`) are formatted one by one in each CSL style with recconv's
text writer — as reference managers print them into papers — and each formatted entry is
parsed with the `text` reader's parser. Compared with the record it came from: the title and
container (case and punctuation folded), the year, volume, issue, first page, the first
author's family name and the DOI, each counted when the entry prints it. This is no
substitute for the hand-labelled set (real references are messier than a style's output),
but it draws on thousands of records no grammar was written for.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict

from formatting_corpus import drawn_records

from recconv.formats.record import Record
from recconv.formats.references.parse import parse_reference
from recconv.formats.registry import Options
from recconv.formats.writers.text import write_text

STYLES = {
    "apa": "apa", "chicago-author-date": "chicago-author-date",
    "chicago-notes-bibliography": "chicago-notes", "modern-language-association": "mla",
    "ieee": "ieee", "harvard-cite-them-right": "harvard", "elsevier-vancouver": "vancouver",
    "china-national-standard-gb-t-7714-2015-numeric": "gbt7714",
}


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def facts(record: Record) -> dict[str, str]:
    """What a formatted entry of `record` should give back, folded for comparison."""
    found = {variable: _fold(record.get(variable))
             for variable in ("title", "container-title", "volume", "issue", "DOI")}
    found["page"] = re.split(r"[-–—]", record.get("page"))[0].strip()
    found["year"] = str(record.year or "")
    authors = [n for n in record.names.get("author", []) if n.last_name()]
    found["author"] = _fold(authors[0].last_name()) if authors else ""
    return {k: v for k, v in found.items() if v}


def printed(entry: str, value: str, variable: str) -> bool:
    """Whether the entry prints the value at all (styles leave out some variables): numbers
    as a whole token, text anywhere once folded."""
    if variable in ("volume", "issue", "page", "year"):
        entry = re.sub(r"https?://\S+|doi:\s*\S+", "", entry)
        return re.search(rf"(?<![0-9A-Za-z]){re.escape(value)}(?![0-9A-Za-z])", entry,
                         re.IGNORECASE) is not None
    return value in _fold(entry)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--style", action="append", default=[])
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    records = drawn_records(args.count, args.seed)
    print("| style | entries | read as the style | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    for csl_style, style in STYLES.items():
        if args.style and style not in args.style:
            continue
        tally: Counter = Counter()
        fields: dict[str, Counter] = defaultdict(Counter)
        same_style = shown = 0
        for record in records:
            lines = [c for c in write_text([record], Options(style=csl_style))
                     if isinstance(c, str)]
            entry = re.sub(r"^\[\d+\]\s*", "", "".join(lines).strip())
            if not entry:
                continue
            tally["entries"] += 1
            parse = parse_reference(entry)
            same_style += bool(parse and parse.style == style)
            got = facts(parse.record) if parse else {}
            wrong = []
            for variable, value in facts(record).items():
                if not printed(entry, value, variable):
                    continue
                tally["expected"] += 1
                fields[variable]["expected"] += 1
                if variable in got:
                    tally["found"] += 1
                    if got[variable] == value:
                        tally["right"] += 1
                        fields[variable]["right"] += 1
                        continue
                wrong.append((variable, value, got.get(variable)))
            if wrong and shown < args.show:
                shown += 1
                print(f"--- {parse.style if parse else 'unparsed'}: {entry}")
                for variable, value, value_got in wrong:
                    print(f"    {variable}: expected {value!r} got {value_got!r}")
        precision = tally["right"] / tally["found"] if tally["found"] else 0
        recall = tally["right"] / tally["expected"] if tally["expected"] else 0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
        weakest = sorted(fields.items(), key=lambda kv: kv[1]["right"] / kv[1]["expected"])[:2]
        print(f"| {style} | {tally['entries']} | {same_style} | {100 * precision:.1f} | "
              f"{100 * recall:.1f} | {100 * f1:.1f} |  weakest: " + ", ".join(
                  f"{k} {100 * c['right'] / c['expected']:.0f}%" for k, c in weakest))


if __name__ == "__main__":
    main()
