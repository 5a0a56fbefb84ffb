"""Content alone tells every sample's layout: each reader claims its own and no other's."""

from __future__ import annotations

import pytest

from recconv.formats.convert import Choice, choose_reader
from recconv.formats.registry import Registry

from .conftest import SAMPLES, run_recconv

REGISTRY = Registry.default()
# Sample file name prefix → the reader that must claim it.
PREFIXES = {
    "record-page": "page", "bibtex": "bibtex", "ris": "ris", "csl-items": "csl-json",
    "csl-bibliography": "csl-json",
    "csl-references": "csl-yaml", "wos": "wos", "pubmed": "pubmed", "endnote": "endnote",
    "refworks": "refworks", "noteexpress": "noteexpress", "estudy": "estudy",
    "references": "text",
}
SAMPLE_FILES = sorted(p.name for p in SAMPLES.iterdir() if p.is_file())


def expected_reader(sample: str) -> str:
    return next(name for prefix, name in PREFIXES.items() if sample.startswith(prefix))


@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_every_sample_is_recognised_from_its_content_alone(sample):
    head = (SAMPLES / sample).read_text(encoding="utf-8-sig")
    choice = choose_reader(REGISTRY, head, "<stdin>")  # no file suffix to help
    assert isinstance(choice, Choice)
    assert choice.reader.name == expected_reader(sample)
    assert choice.ambiguity is None


def test_every_reader_has_a_sample():
    assert {expected_reader(s) for s in SAMPLE_FILES} == {r.name for r in REGISTRY.readers}


def test_the_command_says_what_it_detected():
    result = run_recconv("-v", "--to", "csl-json",
                         input=(SAMPLES / "bibtex-library.bib").read_bytes())
    assert "recconv: <stdin>: detected bibtex (score 0.95" in result.stderr.decode()


def test_an_unknown_input_lists_the_readers():
    result = run_recconv(input=b"Dear colleague,\nplease find attached...\n")
    assert result.returncode == 1
    message = result.stderr.decode()
    assert "no reader recognises this input: its first line is 'Dear colleague,'" in message
    assert "name its format with --from (one of: page, bibtex, ris, csl-json" in message


WRITERS = [writer.name for writer in REGISTRY.writers]


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_every_sample_converts_to_every_output_format(sample, writer):
    from recconv.formats.convert import convert_text
    from recconv.formats.diagnostics import Severity

    text = (SAMPLES / sample).read_text(encoding="utf-8-sig")
    output, problems = convert_text(text, to=writer, name=sample, registry=REGISTRY)
    assert [str(p) for p in problems if p.severity is Severity.ERROR] == []
    assert output.strip()
