"""Every sample in every output, run through the real command, compared with golden files.

A new case is a new file: add a sample to `samples/` (or a line to `OUTPUTS`), then run
``RECCONV_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and read the new golden file
before committing it.
"""

from __future__ import annotations

import os

import pytest

from .conftest import GOLDEN, SAMPLES, run_recconv

# Output name → the command-line arguments that produce it.
OUTPUTS = {
    "bib": ["--to", "bibtex"],
    "biblatex.bib": ["--to", "biblatex"],
    "ris": ["--to", "ris"],
    "json": ["--to", "csl-json"],
    "apa.txt": ["--to", "text", "--style", "apa"],
    "ieee.txt": ["--to", "text", "--style", "ieee"],
    "gbt7714.txt": ["--to", "text", "--style", "china-national-standard-gb-t-7714-2015-numeric"],
    "related.json": ["--to", "csl-json", "--related"],
    "related.bib": ["--to", "bibtex", "--related"],
}
# The styles formatted references are held to (issue 6), the other markups and the in-text
# citations, on one bibliography of English and Chinese records of many types.
STYLE_SAMPLE = "csl-bibliography.json"
STYLES = [
    "apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
    "ieee", "harvard-cite-them-right", "nature", "elsevier-vancouver",
    "american-medical-association", "china-national-standard-gb-t-7714-2015-numeric",
    "china-national-standard-gb-t-7714-2015-author-date",
]
STYLE_OUTPUTS = {f"{style}.txt": ["--to", "text", "--style", style] for style in STYLES} | {
    f"{style}.{suffix}": ["--to", "text", "--style", style, "--format", markup]
    for style, suffix, markup in [("apa", "html", "html"), ("apa", "md", "markdown"),
                                  ("apa", "rtf", "rtf"), ("ieee", "html", "html"),
                                  ("china-national-standard-gb-t-7714-2015-numeric", "rtf",
                                   "rtf")]} | {
    f"{style}.citations.txt": ["--to", "text", "--style", style, "--citations"]
    for style in ["apa", "chicago-notes-bibliography",
                  "china-national-standard-gb-t-7714-2015-author-date"]}
OUTPUTS.update(STYLE_OUTPUTS)
PAGE_SAMPLES = sorted(p.name for p in SAMPLES.glob("record-page*.txt"))
# Every other sample (database exports, standard formats) is pinned as CSL-JSON.
OTHER_SAMPLES = sorted(p.name for p in SAMPLES.iterdir()
                       if p.is_file() and p.name not in PAGE_SAMPLES)
CASES = [(sample, output) for sample in PAGE_SAMPLES for output in OUTPUTS
         if output not in STYLE_OUTPUTS] + [
    (sample, "json") for sample in OTHER_SAMPLES] + [
    (STYLE_SAMPLE, output) for output in STYLE_OUTPUTS]


@pytest.mark.parametrize("sample, output", CASES, ids=[f"{s}->{o}" for s, o in CASES])
def test_sample_converts_to_its_golden_output(sample, output):
    result = run_recconv(sample, *OUTPUTS[output], cwd=SAMPLES)
    assert result.returncode == 0, result.stderr.decode()
    golden = GOLDEN / f"{sample.rsplit('.', 1)[0]}.{output}"
    # A sample with a fault on purpose (a stray line) has its warnings pinned beside it.
    golden_stderr = golden.with_name(golden.name + ".stderr")
    produced, warnings = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    if os.environ.get("RECCONV_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
        if warnings:
            golden_stderr.write_text(warnings, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")
    expected = golden_stderr.read_text(encoding="utf-8") if golden_stderr.exists() else ""
    assert warnings == expected
