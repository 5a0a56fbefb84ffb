"""Decoding inputs into lines: BOMs, line ends, chunk boundaries and undecodable bytes."""

from __future__ import annotations

import io

import pytest

from recconv.formats import source
from recconv.formats.source import open_input


def lines_of(data: bytes, **kwargs) -> tuple[list[str], list[str], str]:
    opened = open_input(io.BytesIO(data), "in.txt", **kwargs)
    return list(opened.lines), [str(d) for d in opened.failure], opened.encoding


@pytest.mark.parametrize("data, encoding", [
    (b"a\nb\n", "utf-8"),
    (b"a\r\nb\r\n", "utf-8"),
    (b"a\rb", "utf-8"),
    (b"\xef\xbb\xbfa\r\nb", "utf-8-sig"),
    ("a\nb".encode("utf-16"), "utf-16"),
    ("a\r\nb".encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
])
def test_any_line_end_and_unicode_bom_gives_the_same_lines(data, encoding):
    assert lines_of(data) == (["a", "b"], [], encoding)


def test_lines_split_across_chunk_boundaries_are_joined(monkeypatch):
    monkeypatch.setattr(source, "CHUNK_BYTES", 3)
    text = "题名\r\nab\r\n\r\nc\rd\n".encode()
    assert lines_of(text)[0] == ["题名", "ab", "", "c", "d"]


def test_the_head_holds_the_opening_and_lines_still_start_at_the_top(monkeypatch):
    monkeypatch.setattr(source, "CHUNK_BYTES", 4)
    opened = open_input(io.BytesIO(b"line one\nline two\nline three\n"), "in", head_chars=10)
    assert opened.head.startswith("line one\nl")
    assert list(opened.lines) == ["line one", "line two", "line three"]


def test_undecodable_bytes_end_the_lines_and_name_offset_and_encoding():
    lines, failures, _ = lines_of(b"ok\nfine\n\xff\xfe junk")
    assert lines == ["ok", "fine"]
    assert failures == [
        "in.txt: error: cannot decode byte 0xff at offset 8 as utf-8 (GB18030 did not fit "
        "either); the input is not text in that encoding (name another with --encoding)"]


def test_an_encoding_named_by_the_user_is_used():
    assert lines_of("题名\n".encode("gb18030"), encoding="gb18030")[0] == ["题名"]


def test_an_unknown_encoding_name_is_reported():
    assert lines_of(b"x", encoding="no-such-codec")[1] == [
        "in.txt: error: unknown encoding 'no-such-codec'"]


@pytest.mark.parametrize("encoding, guessed", [
    ("gb18030", "gb18030"), ("gbk", "gb18030"), ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"), ("utf-8", "utf-8"),
])
def test_chinese_encodings_without_a_bom_are_recognised(encoding, guessed):
    text = "{Reference Type}: Journal Article\n{Title}: 计算机辅助导航技术在脊柱外科中的应用\n"
    lines, failures, used = lines_of(text.encode(encoding))
    assert (lines, failures, used) == (text.splitlines(), [], guessed)


def test_binary_junk_is_not_taken_for_chinese():
    junk = bytes(range(128, 256)) * 4
    lines, failures, used = lines_of(junk)
    assert used == "utf-8"
    assert failures == ["in.txt: error: cannot decode byte 0x80 at offset 0 as utf-8 (GB18030 did "
                        "not fit either); the input is not text in that encoding (name another "
                        "with --encoding)"]
