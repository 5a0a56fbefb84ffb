"""The registry of readers and writers: lookup by name, alias or file suffix, and detection.

Every format module defines one `Reader` or `Writer` (named ``READER`` / ``WRITER``); adding a
format is writing that module and adding it to `READERS` or `WRITERS` below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from .diagnostics import Diagnostic
from .record import Record

ReadStream = Iterator[Record | Diagnostic]
WriteStream = Iterator[str | Diagnostic]


OUTPUT_FORMATS = ("text", "html", "markdown", "rtf")  # markups of formatted references


@dataclass(frozen=True)
class Options:
    """What the command line (or a Python caller) asks of a writer."""

    style: str = "apa"  # CSL style name or path, for formatted references
    locale: str = ""  # overrides the style's default locale
    output_format: str = "text"  # text, html, markdown or rtf, for formatted references
    citations: bool = False  # also the in-text citation of each formatted reference


@dataclass(frozen=True)
class Reader:
    """An input format.

    `detect` scores how surely a text's opening (up to `DETECT_CHARS` characters) is in this
    format, from 0 (not at all) to `ceiling` (certainly, or the most it ever claims). `read`
    turns lines (without line ends) of one input named `source` into records, yielding a
    `Diagnostic` for each part it cannot read.
    """

    name: str
    description: str
    detect: Callable[[str], float]
    read: Callable[[Iterable[str], str], ReadStream]
    aliases: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    ceiling: float = 1.0


@dataclass(frozen=True)
class Writer:
    """An output format: `write` turns records into text chunks, as they arrive."""

    name: str
    description: str
    write: Callable[[Iterable[Record], Options], WriteStream]
    aliases: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()


DETECT_CHARS = 64 * 1024


def _readers() -> list[Reader]:
    from .readers import (
        bibtex,
        csljson,
        cslyaml,
        endnote,
        estudy,
        noteexpress,
        page,
        pubmed,
        refworks,
        ris,
        text,
        wos,
    )

    return [page.READER, bibtex.READER, ris.READER, csljson.READER, cslyaml.READER,
            wos.READER, pubmed.READER, endnote.READER, refworks.READER, noteexpress.READER,
            estudy.READER, text.READER]


def _writers() -> list[Writer]:
    from .writers import biblatex, bibtex, csljson, cslyaml, ris, text

    return [bibtex.WRITER, biblatex.WRITER, ris.WRITER, csljson.WRITER, cslyaml.WRITER,
            text.WRITER]


@dataclass
class Registry:
    """Readers and writers by name; `default()` holds every format recconv ships."""

    readers: list[Reader] = field(default_factory=list)
    writers: list[Writer] = field(default_factory=list)

    @classmethod
    def default(cls) -> Registry:
        return cls(_readers(), _writers())

    def reader(self, name: str) -> Reader:
        """The reader called `name` or one of its aliases; `KeyError` lists the choices."""
        return _lookup(self.readers, name, "input")

    def writer(self, name: str) -> Writer:
        """The writer called `name` or one of its aliases; `KeyError` lists the choices."""
        return _lookup(self.writers, name, "output")

    def writer_for_path(self, path: str) -> Writer | None:
        """The writer whose suffix the output file `path` has, if any."""
        return _by_suffix(self.writers, path)

    def reader_for_path(self, path: str) -> Reader | None:
        """The reader whose suffix the input file `path` has, if any."""
        return _by_suffix(self.readers, path)

    def detect(self, head: str) -> list[tuple[float, Reader]]:
        """Readers that claim the text `head`, surest first (ties keep registry order).

        A reader whose `ceiling` is below a score already found is not asked: it could not
        win, and some (the reference-list reader) are costly to ask.
        """
        order = {reader.name: index for index, reader in enumerate(self.readers)}
        claimed: list[tuple[float, Reader]] = []
        for reader in sorted(self.readers, key=lambda r: -r.ceiling):
            if claimed and reader.ceiling < max(score for score, _ in claimed):
                continue
            score = reader.detect(head)
            if score > 0:
                claimed.append((score, reader))
        return sorted(claimed, key=lambda pair: (-pair[0], order[pair[1].name]))


def _lookup(formats: list, name: str, kind: str):
    wanted = name.strip().lower()
    for fmt in formats:
        if wanted == fmt.name or wanted in fmt.aliases:
            return fmt
    choices = ", ".join(fmt.name for fmt in formats)
    raise KeyError(f"unknown {kind} format {name!r}; choose one of: {choices}")


def _by_suffix(formats: list, path: str):
    suffix = PurePath(path).suffix.lower()
    return next((fmt for fmt in formats if suffix and suffix in fmt.suffixes), None)
