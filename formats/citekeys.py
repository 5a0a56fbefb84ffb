"""Citation keys: ``chen2025exosomes`` from first author, year and first title word, unique."""

from __future__ import annotations

import re
import unicodedata

from .names import is_han
from .record import Record

STOP_WORDS = frozenset("""
a an and are as at be by for from how in into is it of on or the this to was what when where
which who why with
""".split())

_NON_KEY = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and digits of `text`: accents dropped, Han script as pinyin."""
    if is_han(text):
        from pypinyin import lazy_pinyin  # a large table: loaded only for Chinese text

        text = "".join(lazy_pinyin(text))
    decomposed = unicodedata.normalize("NFKD", text)
    return _NON_KEY.sub("", decomposed.encode("ascii", "ignore").decode().lower())


def base_key(record: Record) -> str:
    """The key before any collision suffix: family name, year, first significant title word."""
    names = record.authors or next(iter(record.names.values()), [])
    who = ascii_fold(names[0].last_name()) if names else ""
    year = str(record.year or "")
    what = _first_title_word(record.get("title"))
    return (who + year + what) or "record"


def _first_title_word(title: str) -> str:
    if is_han(title):
        # Han script has no word breaks: the first two characters stand for the first word.
        han = [c for c in title if is_han(c)]
        return ascii_fold("".join(han[:2]))
    for word in re.split(r"[\s\-–—:;,.!?/()\[\]{}\"']+", title):
        folded = ascii_fold(word)
        if folded and word.lower() not in STOP_WORDS:
            return folded
    return ""


class CitationKeys:
    """Hands out unique keys in input order: the first ``chen2025exosomes`` keeps the bare key,
    the next ones get ``a``, ``b``, ... so the same input always gets the same keys."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next_suffix: dict[str, int] = {}  # so the thousandth duplicate is not a search

    def assign(self, record: Record) -> str:
        """The record's own key if it has one and it is free, else a new unique one."""
        wanted = record.id or base_key(record)
        key, n = wanted, self._next_suffix.get(wanted, 0)
        while key in self._taken:
            key = wanted + _letters(n)
            n += 1
        self._next_suffix[wanted] = n
        self._taken.add(key)
        return key


def _letters(n: int) -> str:
    """0 → a, 25 → z, 26 → aa, ..."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text
