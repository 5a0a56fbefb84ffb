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
    also_tried: str = ""  # for messages: encodings ruled out before `encoding` was chosen


def open_input(stream: BinaryIO, name: str, encoding: str = "", head_chars: int = 0) -> Input:
    """Decode `stream` as lines: in `encoding` if given, else as its opening shows (`guess`).

    Reads ahead until at least `head_chars` characters are decoded, for format detection.
    """
    first = stream.read(CHUNK_BYTES)
    chosen = encoding or guess_encoding(first)
    guessed = not encoding and not any(first.startswith(bom) for bom, _ in _BOMS)
    source = Input(name, chosen, "", iter(()),
                   also_tried=" (GB18030 did not fit either)" if guessed else "")
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


def guess_encoding(opening: bytes) -> str:
    """The encoding an input's opening bytes are in.

    A BOM says it; UTF-16 without one shows as NUL bytes in every other place; then UTF-8 if
    the bytes are valid UTF-8; then GB18030 (which includes GBK and GB2312, the encodings of
    CNKI's older exports) if they are valid GB18030 and read as Chinese text. Anything else
    is taken as UTF-8, whose decoding error then says where the bytes stop making sense.
    """
    for bom, name in _BOMS:
        if opening.startswith(bom):
            return name
    sample = opening[:4096]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4:
        return "utf-16-le"
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4:
        return "utf-16-be"
    if _decodes(opening, DEFAULT_ENCODING):
        return DEFAULT_ENCODING
    if _decodes(opening, "gb18030") and _reads_as_chinese(opening.decode("gb18030", "ignore")):
        return "gb18030"
    return DEFAULT_ENCODING


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)(errors="strict").decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _reads_as_chinese(text: str) -> bool:
    """Common Han characters make up much of the non-ASCII text, and no control characters."""
    non_ascii = [c for c in text if ord(c) > 127]
    han = sum("\u4e00" <= c <= "\u9fff" or c in "，。：；（）、“”《》" for c in non_ascii)
    controls = sum(c < " " and c not in "\r\n\t" for c in text)
    return bool(non_ascii) and han >= 0.6 * len(non_ascii) and controls == 0


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
                f"as {encoding}{source.also_tried}; the input is not text in that encoding "
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
