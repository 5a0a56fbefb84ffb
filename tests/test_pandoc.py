"""A real consumer reads what we write: pandoc gets back the fields of our own CSL-JSON."""

from __future__ import annotations

import json
import subprocess

import pytest

from .conftest import SAMPLES, run_recconv

pypandoc = pytest.importorskip("pypandoc", reason="pandoc comes with the test extras")

# Our output format → pandoc's name for reading it.
PANDOC_READERS = {"bibtex": "bibtex", "biblatex": "biblatex", "csl-json": "csljson", "ris": "ris"}
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("record-page*.txt"))


def ours(sample: str, to: str) -> str:
    result = run_recconv(str(SAMPLES / sample), "--to", to, "--related")
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


def pandoc_items(text: str, reader: str, tmp_path) -> list[dict]:
    path = tmp_path / f"input.{reader}"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [pypandoc.get_pandoc_path(), "--from", reader, "--to", "csljson", str(path)],
        capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b"", result.stderr.decode()
    return json.loads(result.stdout)


def essentials(item: dict, case_of_title: bool = True) -> dict:
    """What every format can carry and pandoc must read back unchanged.

    Pandoc turns straight apostrophes into typographic ones (O'Donnell → O’Donnell) whatever it
    reads; that is its typography, not a change of value, so apostrophes are compared as one.
    Reading an English .bib title, pandoc turns it into CSL's sentence case (``Inflammasome: A
    double-edged sword in liver diseases``), to be re-cased by each style: without
    `case_of_title` titles are compared regardless of letter case.
    """
    item = json.loads(json.dumps(item, ensure_ascii=False).replace("’", "'"))
    title = item.get("title", "")
    return {
        "id": item.get("id"),
        "title": title if case_of_title else title.casefold(),
        "author": [(a.get("family"), a.get("given")) for a in item.get("author", [])],
        "issued": item.get("issued", {}).get("date-parts", [[None]])[0][0],
        "container-title": item.get("container-title"),
        "volume": str(item.get("volume", "")),
        "issue": str(item.get("issue", "")),
        "page": item.get("page", "").replace("–", "-"),
        "DOI": item.get("DOI"),
    }


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
@pytest.mark.parametrize("to", sorted(PANDOC_READERS))
def test_pandoc_reads_our_output_with_the_same_fields_as_our_csl_json(sample, to, tmp_path):
    exact_case = to not in ("bibtex", "biblatex")
    expected = [essentials(item, exact_case) for item in json.loads(ours(sample, "csl-json"))]
    read_back = [essentials(item, exact_case)
                 for item in pandoc_items(ours(sample, to), PANDOC_READERS[to], tmp_path)]
    assert read_back == expected
