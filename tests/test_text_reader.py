"""The `text` reader: a reference list split into references, each read into a record, none
lost, and the command reporting what it read."""

from __future__ import annotations

import json

from recconv.formats.diagnostics import Diagnostic, Severity
from recconv.formats.readers.text import read, split_references

from .conftest import SAMPLES, run_recconv


def split(text: str) -> list[tuple[int, str]]:
    return list(split_references(text.splitlines()))


def test_a_numbered_list_keeps_wrapped_references_whole():
    assert split("参考文献\n[1] A. Title[J]. J, 2020.\n    DOI:10.1/x.\n[2] B. T[M]. P, 2001.\n") == [
        (2, "[1] A. Title[J]. J, 2020.\n    DOI:10.1/x."), (4, "[2] B. T[M]. P, 2001.")]


def test_an_access_date_opening_a_wrapped_line_is_not_a_number():
    assert [line for line, _ in split("[1] A. T[N/OL]. P, 2013-01-12(2)\n[2013-03-20]. http://x\n"
                                      "[2] B. T[M]. P, 2001.\n")] == [1, 3]


def test_without_numbers_blank_lines_part_the_references():
    text = "Smith, J. (2020). A title.\nJournal, 1(2), 3-4.\n\nLee, K. (2019). Book. Press.\n"
    assert split(text) == [(1, "Smith, J. (2020). A title.\nJournal, 1(2), 3-4."),
                           (4, "Lee, K. (2019). Book. Press.")]


def test_without_numbers_or_blank_lines_each_line_is_one_reference_unless_it_continues():
    text = "Smith J. Title. J. 2020;1:2-3.\nLee K. A long title that goes\non here. J. 2019;4:5.\n"
    assert split(text) == [(1, "Smith J. Title. J. 2020;1:2-3."),
                           (2, "Lee K. A long title that goes\non here. J. 2019;4:5.")]


def test_a_heading_and_blank_lines_around_a_one_per_line_list_do_not_join_it():
    text = "References\n\nSmith J. Title. J. 2020;1:2-3.\nLee K. Other. J. 2019;4:5.\n\n"
    assert split(text) == [(3, "Smith J. Title. J. 2020;1:2-3."), (4, "Lee K. Other. J. 2019;4:5.")]


def test_a_chinese_title_wrapped_between_two_characters_gets_no_space():
    items = [i for i in read(["[1] 刘乃安. 生物质材料热解失重动力学及其分析",
                              "    方法研究[D]. 合肥: 中国科学技术大学, 2000."], "r.txt")
             if not isinstance(i, Diagnostic)]
    assert items[0].get("title") == "生物质材料热解失重动力学及其分析方法研究"


def test_markdown_escaped_numbers_open_references():
    assert [line for line, _ in split("\\[1\\] A. T[J]. J, 2020.\n\\[2\\] B. T[J]. J, 2021.\n")] == [
        1, 2]


def test_a_reference_no_style_reads_is_kept_whole_and_reported_with_its_line():
    items = list(read(["[1] 屠呦呦. 青蒿及青蒿素类药物[M]. 北京: 化学工业出版社, 2009.",
                       "[2] see the appendix for more"], "refs.txt"))
    records = [item for item in items if not isinstance(item, Diagnostic)]
    problems = [item for item in items if isinstance(item, Diagnostic)]
    assert [r.get("title") for r in records] == ["青蒿及青蒿素类药物", "see the appendix for more"]
    assert records[1].type == "document"
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert [(p.file, p.line) for p in errors] == [("refs.txt", 2)]
    assert [p.message for p in problems if p.severity is Severity.INFO] == ["read as gbt7714"]


def test_the_command_says_which_style_read_each_reference_and_fails_on_an_unread_one(tmp_path):
    source = tmp_path / "refs.txt"
    source.write_text("[1] 周志华. 机器学习[M]. 北京：清华大学出版社，2016.\n[2] ???\n",
                      encoding="utf-8")
    result = run_recconv(str(source), "--to", "csl-json", "-v")
    stderr = result.stderr.decode()
    assert result.returncode == 1
    assert f"{source}:1: record '机器学习': info: read as gbt7714" in stderr
    assert f"{source}:2: record '???': error: no reference style reads this" in stderr
    items = json.loads(result.stdout)
    assert [item["title"] for item in items] == ["机器学习", "???"]
    assert "Traceback" not in stderr


def test_info_lines_are_shown_with_verbose_only():
    sample = str(SAMPLES / "references-gbt7714.txt")
    quiet = run_recconv(sample, "--to", "ris").stderr.decode()
    assert quiet == ""


def test_strict_is_not_upset_by_how_references_were_read():
    result = run_recconv(str(SAMPLES / "references-gbt7714.txt"), "--to", "ris", "--strict")
    assert result.returncode == 0, result.stderr.decode()


def test_a_partly_read_reference_keeps_the_reference_as_given():
    text = "[1] 周志华. 机器学习[M]. 北京: 清华大学出版社, 2016.（普通高等教育国家级规划教材）"
    items = [i for i in read([text], "r.txt") if not isinstance(i, Diagnostic)]
    assert items[0].get("title") == "机器学习"
    assert items[0].extra["reference"] == [text]


def test_a_fully_read_reference_carries_nothing_more():
    items = [i for i in read(["[1] 周志华. 机器学习[M]. 北京: 清华大学出版社, 2016."], "r.txt")
             if not isinstance(i, Diagnostic)]
    assert items[0].extra == {}
