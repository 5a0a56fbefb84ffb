"""Measure: field-level precision, recall and F1 of the free-text reference parser, per style
and per field, on the labelled set of `tests/references/labelled/` (see its LABELS.md).

    python tests/bench/eval_references.py [--split dev|holdout|all] [--style apa ...]
                                          [--fields] [--show N]

A field counts as found when the parse has it, as expected when the label has it, and as
right when both agree under the set's comparison rules (names ignoring periods, spaces and
case, initials against initials; Han names with family and given joined; other values with
white space folded and any dash as ``-``). `--show N` prints N disagreements per style.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from recconv.formats.record import ET_AL, Record
from recconv.formats.references.parse import parse_reference

LABELLED = Path(__file__).resolve().parents[1] / "references" / "labelled"
NAME_VARIABLES = ("author", "editor", "translator")


def load(split: str, styles: list[str]) -> list[dict]:
    rows = []
    for path in sorted(LABELLED.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if (split == "all" or row["split"] == split) and (
                        not styles or row["style"] in styles):
                    rows.append(row)
    return rows


def observed(record: Record | None) -> dict:
    """The record in the labelled set's terms."""
    if record is None:
        return {}
    found: dict = {"type": record.type}
    found.update(record.fields)
    for variable, date in record.dates.items():
        found[variable] = date.iso()
    for variable in NAME_VARIABLES:
        names = record.names.get(variable, [])
        people = [n for n in names if n != ET_AL]
        if people:
            found[variable] = [{"literal": n.literal} if n.literal else
                               {"family": n.last_name(), "given": n.given} for n in people]
        if ET_AL in names:
            found["et-al"] = True
    return found


def _fold(text: str) -> str:
    text = re.sub(r"[‐‑‒–—―~]", "-", str(text))
    return re.sub(r"\s+", " ", text).strip().strip(".").strip()


def _name_key(name: dict) -> tuple[str, str]:
    if "literal" in name:
        return re.sub(r"[\s.,]", "", name["literal"]).casefold(), ""
    family = re.sub(r"[\s.]", "", name.get("family", "")).casefold()
    given = re.sub(r"[\s.\-]", "", name.get("given", "")).casefold()
    if re.search(r"[\u3400-\u9fff]", family + given):
        return family + given, ""
    return family, given


def _same_name(a: dict, b: dict) -> bool:
    (fa, ga), (fb, gb) = _name_key(a), _name_key(b)
    if not ga and not gb:
        return fa == fb or (fa + ga) == (fb + gb)
    if fa != fb:
        return False
    initials_a, initials_b = _initials(a.get("given", "")), _initials(b.get("given", ""))
    if _is_initials(a.get("given", "")) or _is_initials(b.get("given", "")):
        return initials_a == initials_b
    return ga == gb


def _initials(given: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s.\-]+", given) if part).casefold() \
        if not re.fullmatch(r"[A-Z]{1,4}", given.strip()) else given.strip().casefold()


def _is_initials(given: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z][a-z]?\.?[\s\-]*)+", given.strip())) and (
        "." in given or len(given.replace(" ", "").replace("-", "")) <= 4)


def agree(variable: str, expected, found) -> bool:
    if variable in NAME_VARIABLES:
        return len(expected) == len(found) and all(
            _same_name(e, f) for e, f in zip(expected, found, strict=True))
    if variable == "et-al":
        return bool(expected) == bool(found)
    return _fold(expected) == _fold(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="all", choices=("dev", "holdout", "fresh", "all"))
    parser.add_argument("--style", action="append", default=[])
    parser.add_argument("--fields", action="store_true", help="also a table per field")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()

    counts: dict[str, Counter] = defaultdict(Counter)  # style -> right/found/expected
    by_field: dict[tuple[str, str], Counter] = defaultdict(Counter)
    recognised: dict[str, Counter] = defaultdict(Counter)
    shown: Counter = Counter()
    for row in load(args.split, args.style):
        style = row["style"]
        parse = parse_reference(row["text"])
        found = observed(parse.record if parse else None)
        recognised[style][parse.style if parse else "none"] += 1
        expected = row["expected"]
        wrong = []
        for variable in set(expected) | set(found):
            tally = (counts[style], by_field[style, variable])
            if variable in found:
                for t in tally:
                    t["found"] += 1
            if variable in expected:
                for t in tally:
                    t["expected"] += 1
            if variable in found and variable in expected and agree(
                    variable, expected[variable], found[variable]):
                for t in tally:
                    t["right"] += 1
            elif variable in found or variable in expected:
                wrong.append((variable, expected.get(variable), found.get(variable)))
        if wrong and shown[style] < args.show:
            shown[style] += 1
            print(f"--- {row['id']} ({parse.style if parse else 'unparsed'}): {row['text']}")
            for variable, want, got in sorted(wrong, key=lambda w: w[0]):
                print(f"    {variable}: expected {json.dumps(want, ensure_ascii=False)}"
                      f"  got {json.dumps(got, ensure_ascii=False)}")

    print("| style | references | precision | recall | F1 | read as |")
    print("|---|---:|---:|---:|---:|---|")
    total = Counter()
    for style in sorted(counts):
        tally = counts[style]
        total.update(tally)
        styles = ", ".join(f"{name} {n}" for name, n in recognised[style].most_common(3))
        print(f"| {style} | {sum(recognised[style].values())} | " + _prf(tally)
              + f" | {styles} |")
    print("| all | " + str(sum(sum(c.values()) for c in recognised.values())) + " | "
          + _prf(total) + " | |")
    if args.fields:
        print("\n| style | field | expected | precision | recall | F1 |")
        print("|---|---|---:|---:|---:|---:|")
        for (style, variable), tally in sorted(by_field.items()):
            print(f"| {style} | {variable} | {tally['expected']} | " + _prf(tally) + " |")
    sys.stdout.flush()


def _prf(tally: Counter) -> str:
    precision = tally["right"] / tally["found"] if tally["found"] else 0.0
    recall = tally["right"] / tally["expected"] if tally["expected"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{100 * precision:.1f} | {100 * recall:.1f} | {100 * f1:.1f}"


if __name__ == "__main__":
    main()
