"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def run_recconv(*args: str, input: bytes | None = None, cwd: Path | None = None
                ) -> subprocess.CompletedProcess:
    """Run the installed command as a user would, in a real subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "recconv.cli", *args],
        input=input, capture_output=True, cwd=cwd, timeout=120,
    )
