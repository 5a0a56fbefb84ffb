"""A real consumer reads what we write: pandoc gets back the fields of our own CSL-JSON."""

from __future__ import annotations

import json
import subprocess

import pytest

from recconv.formats import markup

from .conftest import SAMPLES, run_recconv

pypandoc = pytest.importorskip("pypandoc", reason="pandoc comes with the test extras")

# Our output format → pandoc's name for reading it.
PANDOC_READERS = {"bibtex": "bibtex", "biblatex": "biblatex", "csl-json": "csljson", "ris": "ris"}
# csl-bibliography.json is the formatted-references showcase: its patents, standards and
# laws are types pandoc's BibTeX and RIS readers take differently from CSL (a patent's
# issuing office, a standard's two bodies), which the field comparison below cannot allow for;
# pandoc reads its formatted references below instead.
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir()
                      if p.suffix in (".txt", ".bib", ".ris", ".json", ".yaml")
                      and p.name != "csl-bibliography.json")


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


def essentials(item: dict, to: str) -> dict:
    """What every format can carry and pandoc must read back unchanged.

    Allowances for pandoc's own readings, none of them a change of value:
    - straight apostrophes become typographic ones (O'Donnell → O’Donnell): compared as one;
    - CSL markup (``<span class="nocase">``, ``<i>``) is read as formatting: compared as text;
    - an English .bib title is turned into CSL's sentence case, to be re-cased by each style:
      .bib titles are compared regardless of letter case;
      (a book's title as a container of chapters too); a web page's site name is the .bib
      `howpublished` (BibTeX) or `organization` (BibLaTeX), which pandoc reads as publisher:
      .bib containers are compared with the publisher (or a standard's issuing body, the .bib
      `organization`) standing in for a missing one, and a conference's name (BibTeX has only
      `booktitle` for it);
    - pandoc turns a full-width space (U+3000) in a title into an ordinary one;
    - RIS has no mark for an organisation's name, and pandoc splits ``World Health
      Organization`` into given and family names, or reads the ``Jr.`` of
      ``King, Martin Luther, Jr.`` as the given name: RIS names are compared as their words;
    - pandoc reads a RIS book's ``T2`` (its series) and ``SP`` (its number of pages, in the RIS
      specification and Zotero) as an article's journal and page: not compared for books.
    """
    text = json.dumps(item, ensure_ascii=False).replace("’", "'").replace("\u3000", " ")
    item = json.loads(text)
    title = markup.strip(item.get("title", ""))
    container = markup.strip(item.get("container-title", ""))
    if to in ("bibtex", "biblatex"):
        container = (container or item.get("event-title", "") or item.get("event", "")
                     or item.get("publisher", "")
                     or item.get("authority", ""))
    if to in ("bibtex", "biblatex"):
        title, container = title.casefold(), container.casefold()
    book = to == "ris" and item.get("type") in ("book", "thesis", "manuscript")
    issued = item.get("issued", {}).get("date-parts") or [[None]]
    return {
        "id": item.get("id"),
        "title": title,
        "author": [name_words(a) if to == "ris" else (a.get("family"), a.get("given"))
                   for a in item.get("author", [])],
        "issued": issued[0][0],
        "container-title": "" if book else container,
        "volume": str(item.get("volume", "")),
        "issue": str(item.get("issue", "")),
        "page": "" if book else item.get("page", "").replace("–", "-"),
        "DOI": item.get("DOI"),
    }


def name_words(name: dict) -> list[str]:
    words = " ".join(name.get(part, "") for part in ("literal", "given", "family", "suffix"))
    return sorted(words.replace(",", " ").split())


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
@pytest.mark.parametrize("to", sorted(PANDOC_READERS))
def test_pandoc_reads_our_output_with_the_same_fields_as_our_csl_json(sample, to, tmp_path):
    expected = [essentials(item, to) for item in json.loads(ours(sample, "csl-json"))]
    read_back = [essentials(item, to)
                 for item in pandoc_items(ours(sample, to), PANDOC_READERS[to], tmp_path)]
    assert read_back == expected


# Formatted references: pandoc reads our HTML, Markdown and RTF as the text we print.

@pytest.mark.parametrize("style", ["apa", "ieee", "china-national-standard-gb-t-7714-2015-numeric"])
@pytest.mark.parametrize(("markup", "reader"), [("html", "html"), ("markdown", "markdown"),
                                                ("rtf", "rtf")])
def test_pandoc_reads_our_formatted_references_as_our_plain_text(style, markup, reader,
                                                                 tmp_path):
    sample = str(SAMPLES / "csl-bibliography.json")
    plain = run_recconv(sample, "--to", "text", "--style", style)
    marked = run_recconv(sample, "--to", "text", "--style", style, "--format", markup)
    assert plain.returncode == 0 and marked.returncode == 0, marked.stderr.decode()
    path = tmp_path / f"references.{markup}"
    path.write_bytes(marked.stdout)
    result = subprocess.run([pypandoc.get_pandoc_path(), "--from", reader, "--to", "plain",
                             "--wrap=none", str(path)], capture_output=True, timeout=60)
    assert result.returncode == 0 and result.stderr == b"", result.stderr.decode()
    # Line breaks and spaces are pandoc's to choose (it puts a left-margin number on a line
    # of its own, a no-break space after "No."): compared without white space.
    assert "".join(result.stdout.decode("utf-8").split()) == \
        "".join(plain.stdout.decode("utf-8").split())
