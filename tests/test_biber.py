"""A real consumer reads what we write: biber takes our BibLaTeX with no warning about it."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import SAMPLES, run_recconv

BIBER = shutil.which("biber")
pytestmark = pytest.mark.skipif(BIBER is None, reason="biber is installed by .ci/run (Debian)")
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".bib", ".ris",
                                                                       ".json", ".yaml"))


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_biber_reads_our_biblatex_without_warnings(sample, tmp_path):
    ours = tmp_path / "ours.bib"
    written = run_recconv(str(SAMPLES / sample), "--to", "biblatex", "--related", "-o", str(ours))
    assert written.returncode == 0, written.stderr.decode()
    result = subprocess.run(
        [BIBER, "--tool", "--output-file", str(tmp_path / "biber.bib"), str(ours)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert [line for line in log.splitlines() if "WARN" in line or "ERROR" in line] == []
    assert (tmp_path / "biber.bib").read_text(encoding="utf-8").count("@") >= 1
