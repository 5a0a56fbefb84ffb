"""Decoding an input's bytes into lines, as a stream, with the opening kept for detection."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from .diagnostics import Diagnostic, error

CHUNK_BYTES = 64 * 1024
DEFAULT_ENCODING = "utf-8"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass
class Input:
    """One input: its name for messages, its opening text, and all its lines, streamed.

    `lines` yields every line (the opening included) without its line end. When the bytes stop
    decoding part-way, the lines end there and `failure` says where and what was tried.
    """

    name: str
    encoding: str
    head: str
    lines: Iterator[str]
    failure: list[Diagnostic] = field(default_factory=list)


def open_input(stream: BinaryIO, name: str, encoding: str = "", head_chars: int = 0) -> Input:
    """Decode `stream` (a BOM decides the encoding, else `encoding`, else UTF-8) as lines.

    Reads ahead until at least `head_chars` characters are decoded, for format detection.
    """
    first = stream.read(CHUNK_BYTES)
    by_bom = next((enc for bom, enc in _BOMS if first.startswith(bom)), DEFAULT_ENCODING)
    chosen = encoding or by_bom
    source = Input(name, chosen, "", iter(()))
    texts = _decoded_chunks(first, stream, chosen, source)
    head_parts: list[str] = []
    while sum(map(len, head_parts)) < max(head_chars, 1):
        piece = next(texts, None)
        if piece is None:
            break
        head_parts.append(piece)
    source.head = "".join(head_parts)
    source.lines = _split_lines(_chain(head_parts, texts))
    return source


def _decoded_chunks(first: bytes, stream: BinaryIO, encoding: str, source: Input) -> Iterator[str]:
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    except LookupError:
        source.failure.append(error(f"unknown encoding {encoding!r}", source.name))
        return
    offset, chunk = 0, first
    while True:
        final = not chunk
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as exc:
            position = offset + exc.start - len(decoder.getstate()[0])
            yield exc.object[:exc.start].decode(encoding, errors="ignore")  # the lines before it
            source.failure.append(error(
                f"cannot decode byte 0x{exc.object[exc.start]:02x} at offset {max(position, 0)} "
                f"as {encoding}; the input is not text in that encoding "
                "(name another with --encoding)", source.name))
            return
        if text:
            yield text
        if final:
            return
        offset += len(chunk)
        chunk = stream.read(CHUNK_BYTES)


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest


def _split_lines(texts: Iterator[str]) -> Iterator[str]:
    """Lines of the text in `texts`, split at CRLF, CR or LF even across chunk boundaries."""
    carry = ""
    for text in texts:
        buffered = carry + text
        held = ""
        if buffered.endswith("\r"):  # maybe the first half of a CRLF split between chunks
            buffered, held = buffered[:-1], "\r"
        pieces = _LINE_END.split(buffered)
        carry = pieces.pop() + held
        yield from pieces
    if carry:
        yield carry.rstrip("\r")
