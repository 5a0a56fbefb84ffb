"""Our formatted references against citeproc-js's, the reference CSL processor (Zotero's).

Every item of the CSL corpus (`tests/csl_corpus/records.json`, 742 items of every type, in
English, Chinese and other languages) is read as recconv reads CSL-JSON, turned into the
items the text writer formats, and formatted by both processors with the same style (the
one the writer uses, bilingual layouts included) and the same locale files. Bibliography
entries and in-text citations must be identical once white space is folded, apart from the
few entries listed, each with the reason.

citeproc-js is installed by `.ci/run` (``npm install --prefix .ci/node citeproc``); elsewhere
set ``RECCONV_CITEPROC_JS`` to a folder holding ``node_modules/citeproc``, or the tests are
skipped (they fail instead when ``RECCONV_REQUIRE_CLIENTS`` is set, as in CI).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from recconv.formats.csl import from_csl
from recconv.formats.cslproc import Processor
from recconv.formats.cslproc.locale import _locales_folder
from recconv.formats.cslproc.style import NS, Style
from recconv.formats.record import Record
from recconv.formats.writers.text import csl_items, load_style

from .conftest import ROOT

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "csl_corpus" / "records.json"
SCRIPT = HERE / "citeproc_js" / "format.js"
CITEPROC = Path(os.environ.get("RECCONV_CITEPROC_JS", ROOT / ".ci" / "node"))
NODE = shutil.which("node")
_MISSING = NODE is None or not (CITEPROC / "node_modules" / "citeproc").is_dir()
if _MISSING and os.environ.get("RECCONV_REQUIRE_CLIENTS"):
    raise RuntimeError(f"citeproc-js is required but not found in {CITEPROC}")
pytestmark = pytest.mark.skipif(_MISSING, reason="citeproc-js is installed by .ci/run (npm)")

STYLES = [
    "apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
    "ieee", "harvard-cite-them-right", "nature", "elsevier-vancouver",
    "american-medical-association", "china-national-standard-gb-t-7714-2015-numeric",
    "china-national-standard-gb-t-7714-2015-author-date",
]
# The three copies of Vaswani et al. 2017 in the samples print alike whatever names are
# added; citeproc-js then keeps every name its disambiguation tried (all eight, in the notes
# and in this style's bibliography, which follows them); we keep the names as they were.
VASWANI = {"sample-vaswani2017attention", "sample-vaswani2017attentiona",
           "sample-vaswani2017attentionb"}
KNOWN_ENTRIES = {"chicago-notes-bibliography": VASWANI}
KNOWN_CITATIONS = {
    "chicago-notes-bibliography": VASWANI,
    # 王夫之 (one name, family only) against 王 夫之 (family and given): citeproc-js keeps
    # the given-name expansion it tried across the two ambiguous groups; we do not.
    "modern-language-association": {"hw-zh-033", "hw-zh-059"},
}


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def records() -> list[Record]:
    items = json.loads(CORPUS.read_text(encoding="utf-8"))
    out = []
    for item in items:
        problems: list = []
        out.append(from_csl(item, problems=problems))
        assert not [p for p in problems if p.is_error], problems
    return out


def citeproc_js(style_root: ElementTree.Element, items: list[dict], output_format: str,
                tmp_path: Path, citations: bool = False) -> dict:
    ElementTree.register_namespace("", NS.strip("{}"))
    style_file, items_file = tmp_path / "style.csl", tmp_path / "items.json"
    style_file.write_bytes(ElementTree.tostring(style_root, encoding="utf-8"))
    items_file.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    command = [NODE, str(SCRIPT), str(CITEPROC), str(style_file), str(_locales_folder()),
               str(items_file), output_format] + (["citations"] if citations else [])
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def items_for(style: Style, records: list[Record]) -> list[dict]:
    """The items the text writer formats, under the corpus ids (unique there) rather than
    the writer's ``r1``, ``r2``, ...: citeproc-js tries ambiguous citations in the order of
    their ids, and how far it expands their names depends on that order."""
    items = csl_items(records, style)
    for item, record in zip(items, records, strict=True):
        item["id"] = record.id
    return items


@pytest.mark.parametrize("style_name", STYLES)
def test_entries_and_citations_are_citeproc_js_s(style_name, records, tmp_path):
    style, locale = load_style(style_name)
    items = items_for(style, records)
    theirs = citeproc_js(style.root, items, "text", tmp_path, citations=True)
    processor = Processor(style, locale)
    ours = [(entry.id, entry.text) for entry in processor.bibliography(items) if entry.text]

    assert [key for key, _ in ours] == [key for key, _ in theirs["bibliography"]]
    differing = {key for (key, a), (_, b) in zip(ours, theirs["bibliography"], strict=True)
                 if folded(a) != folded(b)}
    assert differing == KNOWN_ENTRIES.get(style_name, set())
    assert len(differing) <= len(ours) // 100

    our_citations = processor.citations(items)
    differing = {key for key, text in theirs["citations"]
                 if folded(our_citations[key]) != folded(text)}
    assert differing == KNOWN_CITATIONS.get(style_name, set())


@pytest.mark.parametrize(("style_name", "output_format"), [
    ("apa", "html"), ("ieee", "html"), ("china-national-standard-gb-t-7714-2015-numeric", "rtf"),
    ("chicago-author-date", "rtf"),
])
def test_html_and_rtf_entries_are_citeproc_js_s(style_name, output_format, records, tmp_path):
    style, locale = load_style(style_name)
    items = items_for(style, records)
    theirs = citeproc_js(style.root, items, output_format, tmp_path)["bibliography"]
    ours = {entry.id: entry.text
            for entry in Processor(style, locale).bibliography(items, output_format)}
    differing = {key for key, text in theirs if folded(ours[key]) != folded(text)}
    assert differing == KNOWN_ENTRIES.get(style_name, set())


def test_the_bilingual_gbt_style_is_what_citeproc_js_formats(records, tmp_path):
    """The English layouts we add are CSL-M's, which citeproc-js reads: an English entry
    gets English terms there too."""
    style, _ = load_style("china-national-standard-gb-t-7714-2015-numeric")
    assert len(style.root.findall(f"{NS}bibliography/{NS}layout")) == 2
    english = [r for r in records if r.fields.get("language", "").startswith("en")
               and len(r.names.get("author", [])) > 3][:1]
    chinese = [r for r in records if r.fields.get("language", "").startswith("zh")
               and len(r.names.get("author", [])) > 3][:1]
    items = csl_items(english + chinese, style)
    entries = [text for _, text in citeproc_js(style.root, items, "text", tmp_path)["bibliography"]]
    assert "et al." in entries[0] and "等" not in entries[0]
    assert "等" in entries[1]
