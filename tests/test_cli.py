"""The command as a user runs it: real subprocesses, stdin and files, messages and exit status."""

from __future__ import annotations

import json

import pytest

from .conftest import SAMPLES, run_recconv

SEED = str(SAMPLES / "record-page.txt")
SEED_BYTES = (SAMPLES / "record-page.txt").read_bytes()


def run(*args: str, input: bytes | None = None, cwd=None):
    result = run_recconv(*args, input=input, cwd=cwd)
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    return result.returncode, result.stdout.decode("utf-8"), stderr


def test_stdin_and_a_file_give_the_same_output():
    from_file = run(SEED, "--to", "ris")
    from_stdin = run("--to", "ris", input=SEED_BYTES)
    from_dash = run("-", "--to", "ris", input=SEED_BYTES)
    assert from_file[0] == 0 and from_file[1].startswith("TY  - JOUR\n")
    assert from_file == from_stdin == from_dash


def test_output_file_gets_the_data_and_stdout_stays_empty(tmp_path):
    target = tmp_path / "out.bib"
    status, stdout, stderr = run(SEED, "--to", "bibtex", "-o", str(target))
    assert (status, stdout, stderr) == (0, "", "")
    assert target.read_text(encoding="utf-8") == run(SEED, "--to", "bibtex")[1]


def test_output_suffix_chooses_the_format_when_to_is_not_given(tmp_path):
    target = tmp_path / "refs.ris"
    assert run(SEED, "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("TY  - JOUR\n")


def test_default_output_is_bibtex():
    assert run(SEED)[1].startswith("@article{chen2025exosomes,\n")


def test_a_failed_run_leaves_an_existing_output_file_untouched(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("precious", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status, _, stderr = run(str(empty), "--to", "csl-json", "-o", str(target))
    assert status == 1
    assert "no reader recognises this input: it is empty" in stderr
    assert target.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "out.json"]


def test_one_bad_input_is_reported_and_the_others_still_convert(tmp_path):
    missing = str(tmp_path / "missing.txt")
    status, stdout, stderr = run(SEED, missing, "--to", "csl-json")
    assert status == 1
    assert [item["id"] for item in json.loads(stdout)] == ["chen2025exosomes"]
    assert stderr == f"recconv: {missing}: error: cannot open: No such file or directory\n"


def test_a_warning_converts_but_strict_makes_it_fatal_before_anything_is_written(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("T\n作者\nA, B\n来源\nJOURNAL | 6卷\n", encoding="utf-8")
    warning = (f"recconv: {page}:4: record 'T': warning: no year in source 'JOURNAL | 6卷'; "
               "expected 'JOURNAL | 2025年 / 6卷 / 03期'\n")
    status, stdout, stderr = run(str(page), "--to", "ris")
    assert (status, stderr) == (0, warning)
    assert "T2  - Journal" in stdout
    target = tmp_path / "out.ris"
    status, stdout, stderr = run(str(page), "--to", "ris", "--strict", "-o", str(target))
    assert (status, stdout, stderr) == (1, "", warning)
    assert not target.exists()
    assert run(str(page), "--to", "ris", "--strict")[:2] == (1, "")


def test_quiet_hides_warnings_but_not_errors(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("T\n作者\nA, B\n来源\nJOURNAL | 6卷\n", encoding="utf-8")
    assert run(str(page), "-q")[2] == ""
    assert "cannot open" in run(str(tmp_path / "nope.txt"), "-q")[2]


@pytest.mark.parametrize("option, value, expected", [
    ("--to", "word", "unknown output format 'word'; choose one of: bibtex, biblatex, ris, "
                     "csl-json, csl-yaml, text"),
    ("--from", "word", "unknown input format 'word'; choose one of: page, bibtex, ris, "
                       "csl-json, csl-yaml, wos, pubmed, endnote, refworks, noteexpress, estudy, "
                       "text, or auto"),
])
def test_unknown_format_names_list_the_choices_and_exit_2(option, value, expected):
    status, stdout, stderr = run(SEED, option, value)
    assert (status, stdout) == (2, "")
    assert expected in stderr


def test_unknown_style_names_close_matches_and_exits_2():
    status, _, stderr = run(SEED, "--to", "text", "--style", "chicago-autor-date")
    assert status == 2
    assert "chicago-author-date" in stderr


def test_binary_junk_says_what_it_looked_like(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(0, 32)) * 8)
    status, _, stderr = run(str(junk))
    assert status == 1
    assert stderr.startswith(f"recconv: {junk}: error: no reader recognises this input: "
                             "it looks like binary data, not text; name its format with --from")


def test_unrecognised_text_quotes_its_first_line(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping list\nmilk\n", encoding="utf-8")
    assert "its first line is 'Shopping list'" in run(str(notes))[2]


def test_undecodable_input_names_the_encoding_tried_and_the_byte_offset(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("T\n被引:1\n作者\nA, B\n".encode() + b"\xff\n")
    status, stdout, stderr = run(str(page), "--to", "ris")
    assert status == 1
    assert "AU  - A, B" in stdout
    assert stderr == (f"recconv: {page}: error: cannot decode byte 0xff at offset 23 as utf-8 "
                      "(GB18030 did not fit either); the input is not text in that encoding "
                      "(name another with --encoding)\n")


def test_a_gb18030_file_reads_with_encoding_named():
    data = (SAMPLES / "record-page-chinese.txt").read_text(encoding="utf-8").encode("gb18030")
    status, stdout, _ = run("--encoding", "gb18030", "--to", "ris", input=data)
    assert status == 0 and "TI  - 计算机辅助导航技术在脊柱外科中的应用" in stdout


def test_verbose_says_which_reader_was_detected():
    stderr = run(SEED, "-v", "--to", "ris")[2]
    assert f"recconv: {SEED}: detected page (score 1.00)" in stderr
    assert "recconv: 1 record(s) written as ris; 0 error(s), 0 warning(s)" in stderr


def test_related_adds_the_ten_related_records_linked_to_the_page():
    items = json.loads(run(SEED, "--to", "csl-json", "--related")[1])
    assert len(items) == 11
    assert "Related records: luan2018inflammasome;" in items[0]["note"]
    assert all("Related to: chen2025exosomes" in item["note"] for item in items[1:])
    assert len(json.loads(run(SEED, "--to", "csl-json")[1])) == 1


def test_keys_stay_unique_across_inputs():
    items = json.loads(run(SEED, SEED, "--to", "csl-json")[1])
    assert [item["id"] for item in items] == ["chen2025exosomes", "chen2025exosomesa"]


def test_help_version_and_lists():
    status, stdout, _ = run("-h")
    assert status == 0 and "recconv record-page.txt --to bibtex" in stdout
    assert run("--version")[1].startswith("recconv ")
    formats = run("--list-formats")[1]
    assert "  page " in formats and "  csl-json " in formats
    styles = run("--list-styles")[1].splitlines()
    assert {"apa", "ieee", "china-national-standard-gb-t-7714-2015-numeric"} <= set(styles)


def test_an_unwritable_output_path_is_a_usage_error(tmp_path):
    status, _, stderr = run(SEED, "-o", str(tmp_path / "no" / "such" / "dir.bib"))
    assert status == 2
    assert "cannot write there: No such file or directory" in stderr


SEED_VALUES = [
    "Exosomes: a double-edged sword in cancer immunotherapy",  # title
    "Jiayi", "Zhaogang",  # 作者
    "Jilin Univ, Sch Life Sci, Changchun 130012, Peoples R China",  # 机构
    "Medcomm", "MEDCOMM", "2025",  # 来源
    "immune suppressive", "TUMOR MICROENVIRONMENT",  # 关键词
    "10.1002/mco2.70095",  # DOI
    "R-3 [医学研究方法]", "R3 [基础医学]",  # 中图分类号
    "1001",  # 学科分类号
    "Exosomes released by tumour",  # 摘要
    "23",  # 页数
    "50",  # 相关论文: 共 50 条
]


@pytest.mark.parametrize("to", ["bibtex", "biblatex", "ris", "csl-json"])
def test_every_field_of_the_seed_page_is_in_every_data_output(to):
    status, stdout, _ = run(SEED, "--to", to)
    assert status == 0
    missing = [value for value in SEED_VALUES if value not in stdout]
    assert missing == []
    assert "Times cited: 0" in stdout or "times-cited = {0}" in stdout


def test_a_directory_is_a_usage_error():
    status, _, stderr = run(str(SAMPLES), "--to", "ris")
    assert status == 2
    assert "is a directory" in stderr


def test_locale_overrides_the_style_language(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Undated title\n被引:0\n作者\nChen, Jiayi\n", encoding="utf-8")
    english = run(str(undated), "--to", "text", "--style", "apa")
    german = run(str(undated), "--to", "text", "--style", "apa", "--locale", "de-DE")
    assert english == (0, "Chen, J. (n.d.). Undated title.\n", "")
    assert german == (0, "Chen, J. (o.\u00a0J.). Undated title.\n", "")  # de-DE: o. J.


def test_format_and_citations_shape_formatted_references():
    status, stdout, stderr = run(SEED, "--to", "text", "--style", "ieee", "--format", "html",
                                 "--citations")
    assert (status, stderr) == (0, "")
    lines = stdout.splitlines()
    assert lines[0] == '<div class="csl-bib-body">' and lines[-1] == "</div>"
    assert lines[1] == '  <div class="csl-citation">[1]</div>'
    assert lines[2] == '  <div class="csl-entry">'


def test_format_with_a_writer_other_than_text_is_a_usage_error():
    status, stdout, stderr = run(SEED, "--to", "bibtex", "--format", "html")
    assert (status, stdout) == (2, "")
    assert "--format and --citations apply to --to text only" in stderr


def test_an_unknown_markup_lists_the_choices():
    status, _, stderr = run(SEED, "--to", "text", "--format", "docx")
    assert status == 2 and "'text', 'html', 'markdown', 'rtf'" in stderr


def test_report_says_per_field_where_the_target_carried_it():
    status, _, stderr = run(SEED, "--to", "ris", "--report")
    assert status == 0
    assert stderr.splitlines() == [
        "recconv: report: ris: CLC → N1: 1 record(s)",
        "recconv: report: ris: Container title as given → N1: 1 record(s)",
        "recconv: report: ris: Discipline code → N1: 1 record(s)",
        "recconv: report: ris: Number of pages → N1: 1 record(s)",
        "recconv: report: ris: Related records on the source page → N1: 1 record(s)",
        "recconv: report: ris: Times cited → N1: 1 record(s)",
    ]
    bib = run(str(SAMPLES / "csl-items.json"), "--to", "bibtex", "--report")[2]
    assert "recconv: report: bibtex: original-date → custom field original-date: 1 record(s)" \
        in bib.splitlines()
    assert run(SEED, "--to", "ris")[2] == ""


def test_a_gb18030_file_is_recognised_without_being_named():
    data = (SAMPLES / "record-page-chinese.txt").read_text(encoding="utf-8").encode("gb18030")
    status, stdout, stderr = run("-v", "--to", "ris", input=data)
    assert status == 0 and "TI  - 计算机辅助导航技术在脊柱外科中的应用" in stdout
    assert "recconv: <stdin>: decoded as gb18030" in stderr
