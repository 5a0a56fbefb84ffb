"""The `page` reader on the record page's layout and the variants users paste."""

from __future__ import annotations

from textwrap import dedent

import pytest

from recconv.formats.diagnostics import Diagnostic
from recconv.formats.readers.page import detect, read
from recconv.formats.record import Classification, Date, Name, Record

from .conftest import SAMPLES

JILIN = "Jilin Univ, Sch Life Sci, Changchun 130012, Peoples R China"


def read_page(text: str) -> tuple[list[Record], list[Diagnostic]]:
    items = list(read(dedent(text).strip("\n").splitlines(), "page.txt"))
    return ([i for i in items if isinstance(i, Record)],
            [i for i in items if isinstance(i, Diagnostic)])


def read_one(text: str) -> Record:
    records, problems = read_page(text)
    assert problems == []
    assert len(records) == 1
    return records[0]


def test_the_seed_sample_reads_into_one_record_with_every_field_of_the_page():
    text = (SAMPLES / "record-page.txt").read_text(encoding="utf-8")
    record = read_one(text)
    assert record.type == "article-journal"
    assert record.fields["title"] == "Exosomes: a double-edged sword in cancer immunotherapy"
    assert [n.inverted() for n in record.authors] == [
        "Chen, Jiayi", "Hu, Siyuan", "Liu, Jiayi", "Jiang, Hao", "Wang, Simiao", "Yang, Zhaogang"]
    assert all(n.affiliations == (JILIN,) for n in record.authors)
    assert record.fields["container-title"] == "Medcomm"
    assert record.extra["original-container-title"] == ["MEDCOMM"]
    assert record.dates["issued"] == Date((2025,))
    assert (record.fields["volume"], record.fields["issue"]) == ("6", "3")
    assert record.fields["DOI"] == "10.1002/mco2.70095"
    assert record.keywords[:4] == ["exosome", "immune stimulatory", "immune suppressive", "tumor"]
    assert record.keywords[-1] == "METABOLISM" and len(record.keywords) == 14
    assert record.classifications == [
        Classification("CLC", "R-3", "医学研究方法"), Classification("CLC", "R3", "基础医学"),
        Classification("discipline", "1001")]
    assert record.extra["times-cited"] == ["0"]
    assert record.fields["number-of-pages"] == "23"
    assert "page" not in record.fields
    assert record.fields["abstract"].startswith("Exosomes released by tumour")
    assert len(record.related) == 10
    assert str(record.origin) == "page.txt:1"


@pytest.mark.parametrize("source_line, expected", [
    ("MEDCOMM | 2025年 / 6卷 / 03期", {"volume": "6", "issue": "3"}),
    ("X | 2018年 / 9卷", {"volume": "9"}),
    ("X | 2018年 / 11期", {"issue": "11"}),
    ("X | 2018年", {}),
    ("X | 2019年 / 增刊1期", {"issue": "增刊1"}),
])
def test_source_line_parts_may_be_missing_and_zero_padding_is_dropped(source_line, expected):
    record = read_one(f"T\n来源\n{source_line}\n作者\nA, B\n")
    numbers = {k: v for k, v in record.fields.items() if k in ("volume", "issue")}
    assert numbers == expected
    assert record.year in (2025, 2018, 2019)


def test_several_markers_per_author_link_each_author_to_their_affiliations():
    record = read_one("""
        T
        作者
        Kroesen, Michiel [1,2 ]
        Armandari, Inna [1 ][2 ]
        Adema, Gosse J. [2 ]
        机构
        [1] Univ A, Dept X
        [2] Univ B
    """)
    assert [n.affiliations for n in record.authors] == [
        ("Univ A, Dept X", "Univ B"), ("Univ A, Dept X", "Univ B"), ("Univ B",)]


def test_one_affiliation_and_no_markers_belongs_to_every_author():
    record = read_one("T\n作者\nLuan, Jingyun\nJu, Dianwen\n机构\nFudan Univ, Sch Pharm\n")
    assert [n.affiliations for n in record.authors] == [("Fudan Univ, Sch Pharm",)] * 2


def test_an_affiliation_no_author_points_to_is_kept_as_unlinked():
    record = read_one("T\n作者\nA, B [1 ]\n机构\n[1] Univ A\n[2] Univ B\n")
    assert record.extra["unlinked-affiliation"] == ["Univ B"]
    assert [a for a, _ in record.affiliations()] == ["Univ A", "Univ B"]


@pytest.mark.parametrize("lines", [
    "D O I\n10.1002/mco2.70095", "DOI\n10.1002/mco2.70095", "DOI: 10.1002/mco2.70095",
    "DOI：10.1002/mco2.70095", "doi\nhttps://doi.org/10.1002/mco2.70095",
])
def test_doi_label_spaced_or_not_with_value_below_or_after_a_colon(lines):
    assert read_one(f"T\n作者\nA, B\n{lines}\n").fields["DOI"] == "10.1002/mco2.70095"


@pytest.mark.parametrize("colon", [":", "：", " : "])
def test_times_cited_and_page_count_take_half_and_full_width_colons(colon):
    record = read_one(f"T\n被引{colon}12\n作者\nA, B\n页数{colon}23\n")
    assert record.extra["times-cited"] == ["12"]
    assert record.fields["number-of-pages"] == "23"
    assert "page" not in record.fields


def test_page_range_label_is_the_page_variable_with_cnki_ranges_normalised():
    assert read_one("T\n作者\nA, B\n页码\n104~108 + 117\n").fields["page"] == "104-108+117"


def test_button_text_is_ignored():
    record = read_one("T\n作者\nA, B\n摘要\nText.\n引用\n收藏\n页数:3\n")
    assert record.fields["abstract"] == "Text."
    assert record.fields["number-of-pages"] == "3"


def test_empty_classification_sections_give_no_codes():
    record = read_one("T\n作者\nA, B\n中图分类号\n\n学科分类号\n\n摘要\nText.\n")
    assert record.classifications == []


def test_chinese_record_splits_han_names_and_is_marked_chinese():
    record = read_one("""
        基于深度学习的肺结节CT图像检测研究
        被引：3
        作者
        张三 [1 ]
        欧阳明远 [1,2 ]
        司马光 [2 ]
        机构
        [1] 吉林大学生命科学学院, 长春 130012
        [2] 吉林大学第一医院, 长春 130021
        来源
        中华医学杂志 | 2019年 / 99卷 / 03期
        关键词
        肺结节; 深度学习; 计算机断层扫描;
    """)
    assert [(n.family, n.given) for n in record.authors] == [
        ("张", "三"), ("欧阳", "明远"), ("司马", "光")]
    assert record.fields["language"] == "zh-CN"
    assert record.fields["container-title"] == "中华医学杂志"
    assert "original-container-title" not in record.extra
    assert record.keywords == ["肺结节", "深度学习", "计算机断层扫描"]


def test_several_pasted_records_are_read_one_after_another():
    text = (SAMPLES / "record-pages-several.txt").read_text(encoding="utf-8")
    records, problems = read_page(text)
    assert problems == []
    assert [r.fields["title"] for r in records] == [
        "HDAC inhibitors and immunotherapy; a double edged sword?",
        "Inflammasome: A Double-Edged Sword in Liver Diseases"]
    assert [r.origin.line for r in records] == [1, 40]
    assert [r.fields["title"] for r in records[0].related] == [
        "Exosomes: a double-edged sword in cancer immunotherapy",
        "Inflammasome: A Double-Edged Sword in Liver Diseases"]
    assert records[1].extra["times-cited"] == ["118"]


def test_a_record_without_times_cited_still_starts_a_new_record_at_its_authors():
    records, _ = read_page("First\n作者\nA, B\n摘要\nOne.\nSecond\n作者\nC, D\n")
    assert [r.fields["title"] for r in records] == ["First", "Second"]
    assert records[0].fields["abstract"] == "One."


@pytest.mark.parametrize("source_line, fields", [
    ("FRONTIERS IN IMMUNOLOGY, 2018, 9",
     {"container-title": "Frontiers in Immunology", "volume": "9"}),
    ("CLINICA CHIMICA ACTA, 2020, 504 : 36 - 42",
     {"container-title": "Clinica Chimica Acta", "volume": "504", "page": "36-42"}),
    ("MUCOSAL IMMUNOLOGY, 2012, 5 (06) : 605 - 609",
     {"container-title": "Mucosal Immunology", "volume": "5", "issue": "6", "page": "605-609"}),
    ("EXPERIMENTAL AND MOLECULAR MEDICINE, 2025, 57 (02) : 285 - 297",
     {"container-title": "Experimental and Molecular Medicine", "volume": "57", "issue": "2",
      "page": "285-297"}),
])
def test_related_items_read_every_source_line_shape(source_line, fields):
    record = read_one(f"""
        T
        作者
        A, B
        相关论文
        共 50 条
          • [41] HDAC inhibitors and immunotherapy; a double edged sword?
            O'Donnell, Joanne A.
            Alvarado-Cruz, Isabel
            {source_line}
    """)
    (related,) = record.related
    assert related.fields == {"title": "HDAC inhibitors and immunotherapy; a double edged sword?",
                              **fields}
    assert related.authors == [Name("O'Donnell", "Joanne A."), Name("Alvarado-Cruz", "Isabel")]
    assert related.extra["original-container-title"] == [source_line.split(",")[0]]
    assert related.origin.line == 6
    assert record.extra["related-total"] == ["50"]


def test_a_related_item_without_a_source_line_is_kept_and_reported():
    records, problems = read_page("T\n作者\nA, B\n相关论文\n  • [1] Lonely title\n    C, D\n")
    assert records[0].related[0].fields == {"title": "Lonely title"}
    assert [str(p) for p in problems] == [
        "page.txt:4: record 'T': warning: related item(s) at line 5 have no source line; "
        "expected 'JOURNAL, 2020, 504 (06) : 36 - 42' after the authors"]


def test_a_source_without_a_year_is_reported_with_its_line():
    records, problems = read_page("T\n作者\nA, B\n来源\nJOURNAL | 6卷\n")
    assert records[0].fields["container-title"] == "Journal"
    assert [str(p) for p in problems] == [
        "page.txt:4: record 'T': warning: no year in source 'JOURNAL | 6卷'; "
        "expected 'JOURNAL | 2025年 / 6卷 / 03期'"]


def test_detection_claims_record_pages_and_nothing_else():
    assert detect((SAMPLES / "record-page.txt").read_text(encoding="utf-8")) == 1.0
    assert detect((SAMPLES / "record-page-chinese.txt").read_text(encoding="utf-8")) > 0.8
    assert detect("@article{x, title={作者}}\n") == 0.0
    assert detect("TY  - JOUR\nTI  - DOI\nER  - \n") == 0.0
    assert detect("") == 0.0


def test_han_authors_on_one_line_split_at_commas_outside_their_markers():
    record = read_one("T\n作者\n张三 [1,2 ]，李四 [1 ]、王五\n机构\n[1] 甲大学\n[2] 乙医院\n")
    assert [(n.family + n.given, n.affiliations) for n in record.authors] == [
        ("张三", ("甲大学", "乙医院")), ("李四", ("甲大学",)), ("王五", ())]


def test_latin_authors_on_one_line_split_at_semicolons_only():
    record = read_one("T\n作者\nChen, Jiayi [1 ]; Hu, Siyuan [1 ]\n机构\n[1] Jilin Univ\n")
    assert [n.inverted() for n in record.authors] == ["Chen, Jiayi", "Hu, Siyuan"]


def test_keywords_one_per_line_stay_separate():
    assert read_one("T\n作者\nA, B\n关键词\nexosome\ntumor; T-CELLS;\n").keywords == [
        "exosome", "tumor", "T-CELLS"]


def test_doi_after_a_space_and_parenthesised_affiliation_numbers():
    record = read_one("T\n作者\nA, B [2 ]\n机构\n(2) Univ B\nDOI 10.1000/xyz\n")
    assert record.fields["DOI"] == "10.1000/xyz"
    assert record.authors[0].affiliations == ("Univ B",)


def test_more_labels_fill_their_variables_and_extras():
    record = read_one("""
        T
        作者
        A, B
        基金项目：国家自然科学基金(81972)
        通讯作者：A, B
        ISSN
        2688-2663
        出版社：Wiley
        链接：https://example.org/x
        语种：English
    """)
    assert record.extra["funding"] == ["国家自然科学基金(81972)"]
    assert record.extra["corresponding-author"] == ["A, B"]
    assert (record.get("ISSN"), record.get("publisher"), record.get("URL"),
            record.get("language")) == ("2688-2663", "Wiley", "https://example.org/x", "en")


def test_separator_lines_between_pasted_records_are_ignored():
    records, problems = read_page("First\n被引:1\n作者\nA, B\n摘要\nOne.\n----------\n"
                                  "Second\n被引:2\n作者\nC, D\n")
    assert problems == []
    assert [(r.fields["title"], r.fields["abstract"] if "abstract" in r.fields else "")
            for r in records] == [("First", "One."), ("Second", "")]


def test_related_items_with_bullets_only_and_authors_on_one_line():
    record = read_one("T\n作者\nA, B\n相关论文\n  • Title one\n    Luan, Jingyun; Ju, Dianwen\n"
                      "    FRONTIERS IN IMMUNOLOGY, 2018, 9\n  • Title two\n    X, Y\n"
                      "    MUTAGENESIS, 2020, 35 (01)\n")
    assert [(r.fields["title"], len(r.authors), r.get("issue")) for r in record.related] == [
        ("Title one", 2, ""), ("Title two", 1, "1")]


def test_related_items_pasted_without_bullets_end_at_their_source_lines():
    record = read_one("T\n作者\nA, B\n相关论文\n共 2 条\nTitle one\nLuan, Jingyun\nJu, Dianwen\n"
                      "FRONTIERS IN IMMUNOLOGY, 2018, 9\nTitle two\nX, Y\n"
                      "MUTAGENESIS, 2020, 35 (01) : 69 - 77\n")
    assert [(r.fields["title"], len(r.authors), r.get("page")) for r in record.related] == [
        ("Title one", 2, ""), ("Title two", 1, "69-77")]


def test_counts_with_units_and_corresponding_author_marks_are_read():
    record = read_one("T\n被引：12 次\n作者\nChen, Jiayi* [1 ]\n张三（通讯作者）\n机构\n[1] Univ A\n"
                      "页数：23页\n")
    assert record.extra["times-cited"] == ["12"]
    assert record.fields["number-of-pages"] == "23"
    assert [n.inverted() for n in record.authors] == ["Chen, Jiayi", "张, 三"]
    assert record.authors[0].affiliations == ("Univ A",)


def test_chinese_keywords_separated_by_commas_are_split():
    assert read_one("T\n作者\n张三\n关键词\n肺结节，深度学习，计算机断层扫描\n").keywords == [
        "肺结节", "深度学习", "计算机断层扫描"]


def test_a_source_written_with_volume_and_issue_in_parentheses():
    record = read_one("T\n作者\nA, B\n来源\nMEDCOMM | 2025, 6(03)\n")
    assert (record.year, record.get("volume"), record.get("issue")) == (2025, "6", "3")


def test_affiliations_on_one_line_and_a_source_without_a_bar():
    record = read_one("T\n作者：A, B [1 ]; C, D [2 ]\n机构：[1] Univ A; [2] Univ B\n"
                      "来源：MEDCOMM 2025年 / 6卷 / 03期\n")
    assert [n.affiliations for n in record.authors] == [("Univ A",), ("Univ B",)]
    assert (record.get("container-title"), record.year, record.get("issue")) == (
        "Medcomm", 2025, "3")


def test_a_labelled_title_opens_each_record():
    records, problems = read_page("题名：基于深度学习的肺结节检测\n作者\n张三\n摘要\n一段摘要。\n"
                                  "题名：Second title\n作者\nC, D\n")
    assert problems == []
    assert [(r.get("title"), r.get("language"), r.get("abstract")) for r in records] == [
        ("基于深度学习的肺结节检测", "zh-CN", "一段摘要。"), ("Second title", "", "")]
