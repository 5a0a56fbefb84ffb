"""CSL ``text-case``: lowercase, uppercase, capitalize-first, capitalize-all, sentence, title.

Text is cut into words at spaces and at marks (``-``, ``/``, ``:``, quotes, brackets,
rich-text tags), as citeproc-js cuts it: so ``double-edged`` becomes ``Double-Edged`` in title
case, text inside ``<span class="nocase">`` is never changed, a word that already holds a
capital (``iPhone``, ``DNA``) is left as it is, and title case capitalises stop words only
first, last and after ``:``, ``?`` and ``!``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Words title case leaves in lower case inside a title (CSL 1.0.2, "Title case conversion",
# and the prepositions citeproc-js adds).
STOP_WORDS = frozenset("""
about above across afore after against al along alongside amid amidst among amongst anenst
apropos apud around as aside astride at athwart atop barring before behind below beneath
beside besides between beyond but by circa despite down during et except for forenenst from
given in inside into lest like modulo near next notwithstanding of off on onto out over per
plus pro qua sans since than through throughout thruout till to toward towards under
underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without or yet so
and nor a an the de d' von van c ca
""".split())

_SEPARATORS = re.compile(
    r"(‘|’|“|”| \"| '|\"|'|[-–—/.,;?!:]|\[|\]|\(|\)|<span style=\"font-variant: small-caps;\">"
    r"|<span class=\"no(?:case|decor)\">|</span>|</?(?:i|sc|b|sub|sup)>)")
_PROTECTING = {'<span style="font-variant: small-caps;">': "</span>",
               '<span class="nocase">': "</span>", '<span class="nodecor">': "</span>",
               "<sc>": "</sc>", "<sub>": "</sub>", "<sup>": "</sup>"}
# As citeproc-js builds it: the words are not escaped, so ``v.`` also stops ``vo`` and ``va``.
_STOP_WORD = re.compile(r"(?:(?:[?!:]*\s+|-|^)(?:" + "|".join(STOP_WORDS) +
                        r")(?=[!?:]*\s+|-|$))")
_SPACES = re.compile(r"([\u00a0 \u2000-\u200b\u205f\u3000]+)")
_GREEK = re.compile(r"^[\u0370-\u03ff]$")
_QUOTE_PAIRS = {' "': (" '", '"'), " '": (' "', "'"), "‘": ("‘", "’"), "“": ("“", "”")}
_QUOTE_TAG = re.compile(r"(^(?:‘|’|“|”|\"|')|(?: \"| ')$)")
_SMALL_CAPS_SPAN = re.compile(r'(<span)\s+(style="font-variant:)\s*(small-caps);?(")[^>]*(>)')
_CLASS_SPAN = re.compile(r'(<span)\s+(class="no(?:case|decor)")[^>]*(>)')


def capitalise(word: str) -> str:
    """The word with its first letter in upper case (a lone Greek letter stays as it is)."""
    stripped = word.lstrip()
    if not stripped or (_GREEK.match(stripped[0]) and len(stripped) == 1):
        return word
    lead = word[:len(word) - len(stripped)]
    return lead + stripped[0].upper() + stripped[1:]


class _Splitter:
    """A text cut at separators: ``strings[0] tags[0] strings[1] ...``."""

    def __init__(self, text: str) -> None:
        if "<span" in text:
            text = _CLASS_SPAN.sub(r"\1 \2\3", _SMALL_CAPS_SPAN.sub(r"\1 \2 \3;\4\5", text))
        pieces = _SEPARATORS.split(text)
        self.strings = pieces[0::2]
        self.tags = pieces[1::2]
        for i in range(len(self.tags) - 1, -1, -1):
            # An apostrophe followed by letters belongs to the word after it (it's, 'n').
            if self.tags[i] == "'" and self.strings[i + 1]:
                self.strings[i + 1] = "'" + self.strings[i + 1]
                self.tags[i] = ""
        self.original = list(self.strings)

    def join(self) -> str:
        out = [self.strings[0]]
        for tag, string in zip(self.tags, self.strings[1:], strict=True):
            out += [tag, string]
        return "".join(out)


class _Engine:
    """One pass of a text-case conversion over a split text (citeproc-js's state machine)."""

    def __init__(self, words: Callable[[_Engine, str, int, str | None], str],
                 quotes: bool = True, after_punctuation: bool = False) -> None:
        self.words = words
        self.track_quotes = quotes
        self.quote_state: list[dict] = []
        self.tag_state: list[str] = []
        self.after_punctuation = after_punctuation
        self.is_first = True
        self.last_word: tuple[int, int] | None = None

    def run(self, text: str) -> str:
        if not text:
            return ""
        split = _Splitter(text)
        if split.strings and split.strings[0].strip():
            split.strings[0] = self.words(self, split.strings[0], 0,
                                          split.tags[0] if split.tags else None)
        for i, tag in enumerate(split.tags):
            string = split.strings[i + 1]
            if tag in _PROTECTING:
                self.tag_state.append(_PROTECTING[tag])
            elif self.tag_state and tag == self.tag_state[-1]:
                self.tag_state.pop()
            if tag[-1:] in ("!", "?", ":"):
                self.after_punctuation = True
            if not self.tag_state:
                # citeproc-js passes no following tag here, only for the first string.
                split.strings[i + 1] = self.words(self, string, i + 1, None)
            elif split.strings[i + 1].strip():
                self.last_word = None
            if self.track_quotes:
                position = self._quote(tag, i)
                if position is not None:
                    self._restore(split, position)
                    self.last_word = None
            if string.strip():
                self.is_first = False
                self.after_punctuation = False
        for state in self.quote_state:
            if state.get("pos") is not None:
                self._restore(split, state["pos"])
        return self.finish(split)

    def finish(self, split: _Splitter) -> str:
        return split.join()

    @staticmethod
    def _restore(split: _Splitter, position: int) -> None:
        original = split.original[position + 1][:1]
        split.strings[position + 1] = original + split.strings[position + 1][1:]

    def _quote(self, tag: str, position: int) -> int | None:
        """Track quotation marks; the position of one that opened wrongly, to be undone."""
        match = _QUOTE_TAG.search(tag)
        if not match:
            return None
        mark = match[1]
        if mark in ("“", "‘", ' "', " '"):
            opener, closer = _QUOTE_PAIRS[mark]
            if not self.quote_state or mark == self.quote_state[-1]["opener"]:
                self.quote_state.append({"opener": opener, "closer": closer, "pos": position})
                return None
            previous = self.quote_state.pop()["pos"]
            self.quote_state.append({"opener": opener, "closer": closer})
            return previous
        if self.quote_state and mark == self.quote_state[-1]["closer"]:
            self.quote_state.pop()
            return None
        return position


def _each_space_word(change: Callable[[_Engine, str], str]) -> Callable:
    def words(engine: _Engine, text: str, index: int, following: str | None) -> str:
        return " ".join(change(engine, word) if word else word for word in text.split(" "))
    return words


def lowercase(text: str) -> str:
    return _Engine(_each_space_word(lambda e, w: w.lower()), quotes=False).run(text)


def uppercase(text: str) -> str:
    return _Engine(_each_space_word(lambda e, w: w.upper()), quotes=False).run(text)


def _sentence_word(engine: _Engine, word: str) -> str:
    if engine.is_first:
        engine.is_first = False
        return capitalise(word)
    return word.lower()


def sentence(text: str) -> str:
    return _Engine(_each_space_word(_sentence_word)).run(text)


def _spaced_words(change: Callable[[_Engine, list[str], int], None]) -> Callable:
    def words(engine: _Engine, text: str, index: int, following: str | None) -> str:
        pieces = _SPACES.split(text)
        words_only = pieces[0::2]
        change(engine, words_only, index, following)  # type: ignore[call-arg]
        pieces[0::2] = words_only
        return "".join(pieces)
    return words


def _capitalise_first_words(engine: _Engine, words: list[str], index: int,
                            following: str | None = None) -> None:
    for j, word in enumerate(words):
        if word and engine.is_first:
            if word == word.lower():
                words[j] = capitalise(word)
            engine.is_first = False
            return


def capitalize_first(text: str) -> str:
    return _Engine(_spaced_words(_capitalise_first_words)).run(text)


def _capitalise_all_words(engine: _Engine, words: list[str], index: int,
                          following: str | None = None) -> None:
    for j, word in enumerate(words):
        if word and word == word.lower():
            words[j] = capitalise(word)


def capitalize_all(text: str) -> str:
    return _Engine(_spaced_words(_capitalise_all_words)).run(text)


class _TitleEngine(_Engine):
    def __init__(self) -> None:
        super().__init__(self._title_words)

    def _title_words(self, engine: _Engine, text: str, index: int,
                     following: str | None) -> str:
        if not text.strip():
            return text
        pieces = _SPACES.split(text)
        words = pieces[0::2]
        for j, word in enumerate(words):
            if not word:
                continue
            lower = word.lower()
            wanted = ((len(word) > 1 and not _STOP_WORD.search(lower))
                      or (j == len(words) - 1 and following == "-")
                      or self.is_first or self.after_punctuation)
            if wanted and word == lower:
                words[j] = capitalise(word)
            self.after_punctuation = False
            self.is_first = False
            self.last_word = (index, j)
        pieces[0::2] = words
        return "".join(pieces)

    def finish(self, split: _Splitter) -> str:
        if self.last_word:
            index, j = self.last_word
            pieces = _SPACES.split(split.strings[index])
            words = pieces[0::2]
            last = words[j]
            if len(last) > 1 and _STOP_WORD.search(last.lower()):
                words[j] = capitalise(last)
            pieces[0::2] = words
            split.strings[index] = "".join(pieces)
        return split.join()


def title(text: str) -> str:
    return _TitleEngine().run(text)


CASES: dict[str, Callable[[str], str]] = {
    "lowercase": lowercase,
    "uppercase": uppercase,
    "capitalize-first": capitalize_first,
    "capitalize-all": capitalize_all,
    "sentence": sentence,
    "title": title,
}
