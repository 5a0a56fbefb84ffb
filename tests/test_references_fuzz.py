"""No input line crashes or hangs the reference parser: 10,000 random lines, built from the
characters and pieces references are made of, and mangled labelled references."""

from __future__ import annotations

import json
import random
import signal
from pathlib import Path

import pytest

from recconv.formats.diagnostics import Diagnostic
from recconv.formats.readers.text import read
from recconv.formats.references.parse import parse_reference

LABELLED = Path(__file__).parent / "references" / "labelled"
PIECES = ["[J]", "[M]", "[C]//", "[EB/OL]", "［Ｊ］", "．", "，", "：", "（", "）", "等", "et al.",
          "(2020).", "2019", "12(3):45-67", "vol. 5", "no. 2", "pp. 1-9", "V23", "P467", "DOI ",
          "doi:10.1000/x", "https://doi.org/10.1/a", "http://x.org/a?b=c", "In: ", "(Ed.)",
          "“", "”", '"', "'", "Smith, J.", "J. Smith", "Smith J", "陈建军", "北京", "出版社",
          "[2014-06-25]", "Accessed 3 May 2019", "&", ",", ".", ":", ";", " ", "  ", "\t", "-",
          "–", "—", "/", "\\", "(", ")", "[", "]", "{", "}", "•", "1.", "[1]", "a" * 40, "9" * 30]
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;()[]/-–“”\"'&" \
           "陈李王张学报研究中国等，．：（）［］éüß"


def _labelled_texts() -> list[str]:
    return [json.loads(line)["text"] for path in sorted(LABELLED.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def random_lines(count: int, seed: int = 7) -> list[str]:
    """`count` lines: random characters, random pieces, and labelled references cut, shuffled
    and spliced."""
    rng = random.Random(seed)
    texts = _labelled_texts()
    lines = []
    for n in range(count):
        kind = n % 4
        if kind == 0:
            lines.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 300))))
        elif kind == 1:
            lines.append("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60))))
        elif kind == 2:
            words = rng.choice(texts).split(" ")
            rng.shuffle(words)
            lines.append(" ".join(words[:rng.randint(1, len(words))]))
        else:
            a, b = rng.choice(texts), rng.choice(texts)
            cut = rng.randint(0, len(a))
            lines.append(a[:cut] + b[rng.randint(0, len(b)):] + rng.choice(PIECES) * rng.randint(0, 3))
    lines += ["(" * 2000 + "2020" + ")" * 10, "a. " * 2000, "[J]" * 1500, "“" * 3000 + ".",
              "Smith, J., " * 500 + "(2020).", "陈" * 5000 + "[J]", "1" * 5000, ", " * 2500]
    return lines


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs POSIX timers")
def test_no_line_crashes_or_hangs_the_parser():
    previous = signal.signal(signal.SIGALRM, _alarm)
    slow = []
    try:
        for line in random_lines(10_000):
            signal.setitimer(signal.ITIMER_REAL, 2.0)  # far beyond any honest parse
            try:
                parsed = parse_reference(line)
            except _Timeout:
                slow.append(line[:80])
                continue
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if parsed is not None:
                assert parsed.record.type
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert slow == []


def test_every_random_line_comes_out_as_a_record_that_holds_something():
    lines = random_lines(400, seed=11)
    records = [item for item in read(lines, "fuzz.txt") if not isinstance(item, Diagnostic)]
    assert records and all(record.fields or record.names for record in records)
