"""The NoteExpress (CNKI, Wanfang) and CNKI E-Study readers: every sample record, field by field;
detection; and bad input reported at its line while the rest is converted."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from recconv.formats.convert import convert_text
from recconv.formats.diagnostics import Diagnostic, Severity
from recconv.formats.names import parse_database_name as parse_person
from recconv.formats.readers import estudy, noteexpress
from recconv.formats.record import Classification, Date, Name, Origin, Record
from recconv.formats.registry import Registry
from recconv.formats.tagged import split_keywords

from .conftest import SAMPLES

NE_CNKI = "noteexpress-cnki.txt"
NE_WANFANG = "noteexpress-wanfang.txt"
ESTUDY = "estudy-cnki.txt"


def read_with(reader, text: str, source: str) -> tuple[list[Record], list[Diagnostic]]:
    items = list(reader.read(text.splitlines(), source))
    return ([i for i in items if isinstance(i, Record)],
            [i for i in items if isinstance(i, Diagnostic)])


def read_sample(reader, name: str) -> list[Record]:
    records, problems = read_with(reader, (SAMPLES / name).read_text(encoding="utf-8"), name)
    assert problems == []
    return records


def han(family: str, given: str, *affiliations: str) -> Name:
    return Name(family=family, given=given, affiliations=affiliations)


def org(name: str) -> Name:
    return Name(literal=name)


# --- CNKI NoteExpress: one record of each type ---------------------------------------------

CNKI_RECORDS = [
    Record(
        type="article-journal",
        fields={
            "title": "计算机辅助导航技术在脊柱外科中的应用", "container-title": "医学综述",
            "issue": "11", "page": "2184-2188", "source": "CNKI", "ISSN": "1006-2084",
            "abstract": "本文回顾计算机辅助导航在脊柱手术中的用途，比较二维与三维导航的精度、"
                        "辐射量和学习曲线，并讨论机器人辅助系统今后的发展方向。",
            "language": "zh-CN",
        },
        names={"author": [han("潘", "紫麟"), han("刘", "庆鹏")]},
        dates={"issued": Date((2021,))},
        keywords=["脊柱疾病", "计算机辅助", "导航技术"],
        extra={"unlinked-affiliation": ["哈尔滨医科大学附属第二医院骨科"],
               "cn-serial": ["11-3553/R"]},
        origin=Origin(NE_CNKI, 1),
    ),
    Record(
        type="thesis",
        fields={
            "title": "云环境下铁路“门到门”货运产品设计优化方法研究", "publisher": "北京交通大学",
            "source": "CNKI", "genre": "博士学位论文",
            "abstract": "论文讨论铁路“门到门”货运产品的设计流程，提出基于云平台的服务网络构建与"
                        "流量分配模型，并以一段干线为例检验方法。",
            "language": "zh-CN",
        },
        names={"author": [han("殷", "玮川")], "contributor": [han("何", "世伟")]},
        dates={"issued": Date((2018,))},
        keywords=["铁路运输", "“门到门”货运产品", "产品设计", "服务网络优化"],
        origin=Origin(NE_CNKI, 17),
    ),
    Record(
        type="paper-conference",
        fields={
            "title": "城市竖向对下凹式立交桥积水风险的影响",
            "container-title": "共享与品质——2018中国城市规划年会论文集（01城市安全与防灾规划）",
            "event-title": "2018中国城市规划年会", "event-place": "中国浙江杭州", "page": "9",
            "source": "CNKI",
            "abstract": "以一座下凹式立交桥为例，分析周边竖向设计如何把客水引入桥区，"
                        "并提出调整用地和道路竖向的办法。",
            "language": "zh-CN",
        },
        names={"author": [han("史", "德雯", "北京市首都规划设计工程咨询开发有限公司")],
               "organizer": [org("中国城市规划学会"), org("杭州市人民政府")]},
        dates={"issued": Date((2018,))},
        keywords=["下凹式立交桥", "城市竖向", "内涝", "积水风险"],
        origin=Origin(NE_CNKI, 29),
    ),
    Record(
        type="book",
        fields={"title": "Making Tracks", "publisher": "Taylor and Francis",
                "ISBN": "9780429834646", "source": "CNKI"},
        names={"author": [Name(family="Docherty", given="Iain")]},
        dates={"issued": Date((2020, 10, 12))},
        origin=Origin(NE_CNKI, 44),
    ),
    Record(
        type="article-newspaper",
        fields={"title": "坚持在大局下行动", "container-title": "人民铁道", "page": "A01",
                "publisher": "人民铁道", "source": "CNKI", "language": "zh-CN"},
        names={"author": [org("本报评论员")]},
        dates={"issued": Date((2019, 1, 9))},
        extra={"cn-serial": ["11-0096"]},
        origin=Origin(NE_CNKI, 53),
    ),
    Record(
        type="patent",
        fields={"title": "一种铁路故障检测器清洗装置", "number": "CN108722921A",
                "abstract": "一种用于清洗铁路故障检测器的装置，由电机带动擦拭块往复运动，"
                            "免去人工擦拭。",
                "language": "zh-CN"},
        names={"author": [han("段", "祥祥")]},
        dates={"issued": Date((2018, 11, 2))},
        extra={"applicant-address": ["241000 安徽省芜湖市镜湖区华强广场C座办公楼2409室"],
               "assignee": ["芜湖华佳新能源技术有限公司"],
               "noteexpress-srcdatabase": ["中国专利"]},
        origin=Origin(NE_CNKI, 64),
    ),
    Record(
        type="standard",
        fields={"title": "铁路调车作业标准\u3000铁路调车作业标准基本规定",
                "authority": "国家技术监督局", "source": "CNKI", "number": "GB/T 7178.1-1996",
                "language": "zh-CN"},
        names={"author": [org("铁道部运输局")]},
        dates={"issued": Date((1996, 3, 15))},
        keywords=["作业标准", "铁路调车"],
        extra={"implementation-date": ["1996-08-01"], "noteexpress-srcdatabase": ["国家标准"]},
        origin=Origin(NE_CNKI, 76),
    ),
    Record(
        type="article-journal",
        fields={"title": "企业党员干部队伍建设问题研究", "container-title": "山西青年",
                "issue": "1", "page": "210+209", "source": "CNKI", "ISSN": "1006-0049",
                "language": "zh-CN"},
        names={"author": [han("徐", "敏", "同煤集团矿山铁路分公司")]},
        dates={"issued": Date((2019,))},
        keywords=["企业党员干部", "队伍建设", "问题", "对策"],
        extra={"cn-serial": ["14-1003/C"]},
        origin=Origin(NE_CNKI, 88),
    ),
]


@pytest.mark.parametrize("index", range(len(CNKI_RECORDS)),
                         ids=[r.type for r in CNKI_RECORDS])
def test_each_cnki_noteexpress_record_reads_into_csl_variables(index):
    records = read_sample(noteexpress, NE_CNKI)
    assert len(records) == len(CNKI_RECORDS)
    assert records[index] == CNKI_RECORDS[index]


# --- Wanfang NoteExpress: repeated tags, English forms kept as extension data ----------------

XJTU = "西安交通大学医学部公共卫生学院,陕西 西安,710061"
XJTU_2 = "西安交通大学第二附属医院肿瘤病院,陕西 西安,710004"
WANFANG_RECORDS = [
    Record(
        type="article-journal",
        fields={
            "title": "乳腺癌术后患者婚姻质量与负性情绪、社会支持的相关性",
            "container-title": "临床医学研究与实践", "volume": "5", "issue": "1",
            "page": "49-51",
            "URL": "http://www.wanfangdata.com.cn/details/detail.do?_type=perio"
                   "&id=lcyxyjysj202001019",
            "source": "北京万方数据股份有限公司", "ISSN": "2096-1413",
            "DOI": "10.19347/j.cnki.2096-1413.202001019",
            "abstract": "目的 了解乳腺癌术后患者的婚姻质量及其与焦虑、抑郁和社会支持的关系.方法 "
                        "对住院患者进行问卷调查并做相关分析.结果 婚姻质量与负性情绪负相关,"
                        "与社会支持正相关.结论 应重视患者的心理支持.",
            "language": "zh-CN",
        },
        names={"author": [han("许", "雅琼", XJTU, XJTU_2), han("张", "银萍", "西安交通大学医学部")]},
        dates={"issued": Date((2020,))},
        keywords=["乳腺癌", "婚姻质量", "焦虑", "抑郁", "社会支持"],
        extra={
            "translated-title": ["Relationship between marital quality, negative emotion and "
                                 "social support in patients with breast cancer after operation"],
            "translated-author": ["XU Ya-qiong", "ZHANG Yin-ping"],
            "translated-container-title": ["Clinical Research and Practice"],
        },
        origin=Origin(NE_WANFANG, 1),
    ),
    Record(
        type="article-journal",
        fields={
            "title": "动机访谈联合正念减压训练对原发性乳腺癌合并高血压患者负性情绪及生活质量的影响",
            "container-title": "临床心身疾病杂志", "volume": "26", "issue": "1",
            "page": "60-63",
            "URL": "http://www.wanfangdata.com.cn/details/detail.do?_type=perio"
                   "&id=lcsxjbzz202001017",
            "source": "北京万方数据股份有限公司", "ISSN": "1672-187X",
            "DOI": "10.3969/j.issn.1672-187X.2020.01.017",
            "abstract": "目的 观察动机访谈与正念减压训练合用时对患者情绪和生活质量的作用.方法 "
                        "将患者随机分为两组比较.结论 两者合用效果较好.",
            "language": "zh-CN",
        },
        names={"author": [han("陈", "凤侠", "河南省人民医院"), han("蒋", "玲", "河南省人民医院")]},
        dates={"issued": Date((2020,))},
        keywords=["原发性乳腺癌", "高血压", "正念减压训练"],
        extra={
            "translated-title": ["Effect of motivational interview and mindfulness decompression "
                                 "training on negative emotion and quality of life in patients "
                                 "with primary breast cancer complicated with hypertension"],
            "translated-author": ["Chen Fengxia", "Jiang Ling"],
            "translated-container-title": ["Journal of Clinical Psychosomatic Diseases"],
            "translated-keywords": ["Primary breast cancer", "hypertension",
                                    "mindfulness decompression training"],
            "translated-abstract": ["Objective To observe the combined effect of the two "
                                    "interventions on mood and quality of life."],
        },
        origin=Origin(NE_WANFANG, 29),
    ),
]


@pytest.mark.parametrize("index", range(len(WANFANG_RECORDS)))
def test_each_wanfang_noteexpress_record_reads_into_csl_variables(index):
    records = read_sample(noteexpress, NE_WANFANG)
    assert len(records) == len(WANFANG_RECORDS)
    assert records[index] == WANFANG_RECORDS[index]


# --- CNKI E-Study ---------------------------------------------------------------------------

ESTUDY_RECORDS = [
    Record(
        type="article-journal",
        fields={
            "title": "医学综述撰写中的注意事项", "container-title": "中国科技信息", "issue": "7",
            "number-of-pages": "1", "page": "161",
            "URL": "https://kns.cnki.net/kcms/detail/detail.aspx?FileName=XXJK201307097"
                   "&DbName=CJFQ2013",
            "abstract": "本文列出初学者撰写医学综述时常见的几类问题，例如选题过宽、文献不足，"
                        "并给出相应的写作建议。",
            "language": "zh-CN", "source": "CNKI",
        },
        names={"author": [han("施", "洋", "新疆医科大学学报编辑部")]},
        dates={"issued": Date((2013, 4, 1))},
        keywords=["医学综述", "写作", "规范化"],
        extra={"estudy-srcdatabase": ["期刊"]},
        origin=Origin(ESTUDY, 1),
    ),
    Record(
        type="article-journal",
        fields={
            "title": "MicroRNA在乳腺癌中的研究进展", "container-title": "牡丹江医学院学报",
            "issue": "1", "volume": "42", "number-of-pages": "4", "page": "175-177+183",
            "URL": "https://kns.cnki.net/kcms/detail/detail.aspx?FileName=MDJB202101046"
                   "&DbName=CJFQTEMP",
            "abstract": "综述微小RNA在乳腺癌早期诊断和病情监测中的作用，"
                        "并讨论其作为血清标志物的前景。",
            "language": "zh-CN", "source": "CNKI",
        },
        names={"author": [han("尹", "贵彬"), han("金", "春明"), han("李", "亚南"),
                          han("宫", "方岩"), han("张", "雯琼")]},
        dates={"issued": Date((2021, 1, 15))},
        keywords=["MicroRNA", "乳腺癌", "肿瘤标志物"],
        extra={"unlinked-affiliation": ["牡丹江医学院研究生处", "牡丹江医学院附属红旗医院检验科"],
               "estudy-srcdatabase": ["期刊"]},
        origin=Origin(ESTUDY, 15),
    ),
    Record(
        type="thesis",
        fields={
            "title": "我国铁路客运站建筑空间室内设计方法研究", "publisher": "北京交通大学",
            "genre": "硕士学位论文",
            "abstract": "梳理我国铁路客运站室内设计风格的演变，并归纳界面、家具与陈设设计的方法。",
            "language": "zh-CN", "source": "CNKI",
        },
        names={"author": [han("胡", "增辉", "北京交通大学")], "contributor": [han("孙", "伟")]},
        dates={"issued": Date((2018,))},
        keywords=["铁路客运站", "风格", "室内设计", "方法"],
        extra={"estudy-srcdatabase": ["硕士"]},
        origin=Origin(ESTUDY, 31),
    ),
]


@pytest.mark.parametrize("index", range(len(ESTUDY_RECORDS)),
                         ids=[r.type for r in ESTUDY_RECORDS])
def test_each_estudy_record_reads_into_csl_variables(index):
    records = read_sample(estudy, ESTUDY)
    assert len(records) == len(ESTUDY_RECORDS)
    assert records[index] == ESTUDY_RECORDS[index]


def test_estudy_keys_vary_by_type_and_the_newer_export_has_no_datatype():
    text = """SrcDatabase-来源库: 报纸
Title-题名: 坚持在大局下行动
Author-作者: 本报评论员;
Source-报纸中文名: 人民铁道
PubTime-发表时间: 2019-01-09
CLC-中图分类号: U2 [铁路运输]
DOI-DOI: 10.1000/xyz

SrcDatabase-来源库: 博士
Title-题名: 云环境下铁路“门到门”货运产品设计优化方法研究
Author-作者: 殷玮川;
Source-学位授予单位: 北京交通大学
Year-年: 2018
Fund-基金: 国家自然科学基金(71971021);北京市自然科学基金;
"""
    assert estudy.detect(text) == 0.9
    records, problems = read_with(estudy, text, "custom.txt")
    assert problems == []
    newspaper, thesis = records
    assert newspaper.type == "article-newspaper"
    assert newspaper.get("container-title") == "人民铁道"
    assert newspaper.dates["issued"] == Date((2019, 1, 9))
    assert newspaper.classifications == [Classification("CLC", "U2", "铁路运输")]
    assert newspaper.get("DOI") == "10.1000/xyz"
    assert newspaper.names["author"] == [org("本报评论员")]
    assert thesis.origin == Origin("custom.txt", 9)
    assert (thesis.type, thesis.get("publisher"), thesis.get("genre")) == (
        "thesis", "北京交通大学", "博士学位论文")
    assert thesis.extra["funding"] == ["国家自然科学基金(71971021)", "北京市自然科学基金"]


def test_estudy_pubtime_that_disagrees_with_the_year_is_kept_as_available_date():
    text = "DataType: 1\nTitle-题名: 示例\nYear-年: 2021\nPubTime-出版时间: 2020-12-30 16:54\n"
    record = read_with(estudy, text, "e.txt")[0][0]
    assert record.dates == {"issued": Date((2021,)), "available-date": Date((2020, 12, 30))}


@pytest.mark.parametrize("code, csl_type", [
    ("2", "thesis"), ("3", "paper-conference"), ("4", "article-newspaper"), ("5", "book"),
    ("6", "chapter"), ("60", "patent"), ("61", "document"), ("62", "standard"),
])
def test_estudy_datatype_codes_give_the_item_type(code, csl_type):
    records, _ = read_with(estudy, f"DataType: {code}\nTitle-题名: 示例\n", "e.txt")
    assert records[0].type == csl_type


# --- conventions of the Chinese databases ---------------------------------------------------

def test_wrapped_lines_join_without_a_space_in_chinese_and_with_one_in_english():
    text = ("{Reference Type}: Journal Article\n{Title}: Multiline Test\n"
            "{Abstract}: This is line one.\nThis is line two.\n中文续行\n接着写。\n"
            "{Database Provider}: CNKI\n")
    record = read_with(noteexpress, text, "m.net")[0][0]
    assert record.get("abstract") == "This is line one. This is line two.中文续行接着写。"


@pytest.mark.parametrize("value, expected", [
    ("铁路运输;;风格;;方法", ["铁路运输", "风格", "方法"]),
    ("脊柱疾病;计算机辅助;", ["脊柱疾病", "计算机辅助"]),
    ("巴拿马,习近平,未来,", ["巴拿马", "习近平", "未来"]),
    ("万人,capita,Number,", ["万人", "capita", "Number"]),
    ("Brownfield, trail", ["Brownfield, trail"]),
    ("  乳腺癌改良根治术", ["乳腺癌改良根治术"]),
])
def test_keywords_split_as_cnki_packs_them(value, expected):
    assert split_keywords(value) == expected


@pytest.mark.parametrize("text, expected", [
    ("欧阳修", Name(family="欧阳", given="修")),
    ("本报记者", Name(literal="本报记者")),
    ("新华社", Name(literal="新华社")),
    ("中国城市规划学会", Name(literal="中国城市规划学会")),
    ("阿依古丽·买买提", Name(literal="阿依古丽·买买提")),
    ("Smith, John", Name(family="Smith", given="John")),
    ("Youngre Noh", Name(family="Noh", given="Youngre")),
    ("Smith JA", Name(family="Smith", given="JA")),
])
def test_names_from_chinese_databases(text, expected):
    assert parse_person(text) == expected


def test_cnki_english_record_with_packed_names_and_line_breaks_in_the_abstract():
    text = """{Reference Type}: Journal Article
{Title}: Does converting abandoned railways to greenways impact neighboring housing prices?
{Author}: Youngre Noh
{Journal}: Landscape and Urban Planning
{Year}: 2019
{Volume}: 183
{Abstract}: Abstract(#br)This research examines the housing market.
{ISBN/ISSN}: 0169-2046
{Database Provider}: CNKI
"""
    record = read_with(noteexpress, text, "en.net")[0][0]
    assert record.names["author"] == [Name(family="Noh", given="Youngre")]
    assert record.get("abstract") == "Abstract\nThis research examines the housing market."
    assert "language" not in record.fields
    assert record.get("volume") == "183"


def test_a_book_gives_its_page_count_and_a_yearbook_entry_is_a_chapter():
    text = """{Reference Type}: Book
{Title}: 算法导论
{Pages}: 780
{Date}: 2013-01
{Year}: 2013

{Reference Type}: Standard
{Title}: 1 综合　1-5 国民经济和社会发展主要指标
{SrcDatabase}: 统计年鉴
{Database Provider}: CNKI
"""
    book, entry = read_with(noteexpress, text, "b.net")[0]
    assert book.get("number-of-pages") == "780"
    assert book.dates["issued"] == Date((2013, 1))
    assert entry.type == "chapter"


def test_a_wanfang_generic_record_numbered_as_a_standard_is_a_standard():
    text = "{Reference Type}: Generic\n{Title}: 信息与文献 参考文献著录规则\n{Notes}: GB/T 7714-2015\n"
    record = read_with(noteexpress, text, "std.net")[0][0]
    assert (record.type, record.get("number")) == ("standard", "GB/T 7714-2015")


# --- detection ------------------------------------------------------------------------------

OTHER_FORMATS = {
    "ris": "TY  - JOUR\nTI  - A title\nAU  - Chen, Jiayi\nPY  - 2021\nER  - \n",
    "bibtex": "@article{chen2021,\n  title = {A title},\n  author = {Chen, Jiayi},\n}\n",
    "csl-json": '[{"id": "a", "type": "article-journal", "title": "A title"}]\n',
    "wos": "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Chen, J\nTI A title\nER\nEF\n",
    "endnote": "%0 Journal Article\n%A 张会佳\n%T 黄芪多糖复合酶提取工艺优化\n%J 食品工业科技\n"
               "%W CNKI\n",
    "refworks": "RT Journal Article\nSR 1\nA1 薛婉钰;刘娜\nT1 黄瓜胚性愈伤组织的诱导保存和再生\n"
                "JF 西北农林科技大学学报(自然科学版)\nYR 2024\nDS CNKI\n",
}
OTHER_SAMPLES = sorted(p.name for p in SAMPLES.iterdir()
                       if not p.name.startswith(("noteexpress-", "estudy-")))


@pytest.mark.parametrize("reader, sample", [
    (noteexpress, NE_CNKI), (noteexpress, NE_WANFANG), (estudy, ESTUDY)])
def test_each_reader_claims_its_own_samples_surely(reader, sample):
    assert reader.detect((SAMPLES / sample).read_text(encoding="utf-8")) == 1.0


def test_neither_reader_claims_the_others_sample():
    assert noteexpress.detect((SAMPLES / ESTUDY).read_text(encoding="utf-8")) == 0.0
    assert estudy.detect((SAMPLES / NE_CNKI).read_text(encoding="utf-8")) == 0.0


@pytest.mark.parametrize("text", OTHER_FORMATS.values(), ids=OTHER_FORMATS.keys())
def test_other_formats_are_not_claimed(text):
    assert noteexpress.detect(text) == 0.0
    assert estudy.detect(text) == 0.0


@pytest.mark.parametrize("sample", OTHER_SAMPLES)
def test_other_samples_are_not_claimed(sample):
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    assert noteexpress.detect(text) == 0.0
    assert estudy.detect(text) == 0.0


def test_a_byte_order_mark_does_not_hide_the_first_record():
    text = "\ufeff{Reference Type}: Journal Article\n{Title}: 示例\n"
    assert noteexpress.detect(text) == 1.0
    records, problems = read_with(noteexpress, text, "bom.net")
    assert (problems, records[0].get("title")) == ([], "示例")


# --- bad input ------------------------------------------------------------------------------

def messages(problems: list[Diagnostic]) -> list[str]:
    return [str(p) for p in problems]


def test_bad_noteexpress_input_is_reported_at_its_line_and_the_rest_converted():
    text = ("{Title}: 孤立的标题\n"
            "{Reference Type}: Journal Article\n"
            "{Title}: 计算机辅助导航技术在脊柱外科中的应用\n"
            "{Author}: 潘紫麟;刘庆鹏;\n"
            "{Journal}:\n"
            "\x00\x01\x7f binary \ufffd junk\n"
            "{Year}: 2021\n"
            "\n"
            "{Reference Type}: Journal Article\n"
            "{Author}: 施洋;\n"
            "{Journal}: 中国科技信息\n"
            "{Abstr")
    records, problems = read_with(noteexpress, text, "bad.net")
    assert messages(problems) == [
        "bad.net:5: warning: {Journal} has no value; skipped",
        "bad.net:9: warning: record has no {Title} (cut off?); converted as it is",
        "bad.net:1: warning: 3 line(s) outside any record or not tagged, skipped "
        "(lines 1, 6, 12)",
    ]
    first, cut = records
    assert first.get("title") == "计算机辅助导航技术在脊柱外科中的应用"
    assert first.dates["issued"] == Date((2021,))
    assert "container-title" not in first.fields
    assert cut.get("container-title") == "中国科技信息"
    assert cut.names["author"] == [han("施", "洋")]


def test_a_noteexpress_record_cut_off_after_its_type_line_is_an_error():
    text = "{Reference Type}: Journal Article\n{Title}: 示例\n\n{Reference Type}: Thesis\n"
    records, problems = read_with(noteexpress, text, "cut.net")
    assert len(records) == 1
    assert messages(problems) == [
        "cut.net:4: error: record has nothing after its '{Reference Type}' line; skipped"]
    assert problems[0].severity is Severity.ERROR


def test_an_unknown_reference_type_is_a_warning_and_kept():
    text = "{Reference Type}: Map\n{Title}: 示例\n"
    records, problems = read_with(noteexpress, text, "map.net")
    assert messages(problems) == ["map.net:1: warning: unknown reference type 'Map'; "
                                  "read as document"]
    assert records[0].extra["noteexpress-reference type"] == ["Map"]


def test_bad_estudy_input_is_reported_at_its_line_and_the_rest_converted():
    text = ("DataType: 1\n"
            "Title-题名: 医学综述撰写中的注意事项\n"
            "Author-作者:\n"
            "\x00\x00PK\x03\x04\n"
            "Year-年: 2013\n"
            "DataType: 99\n"
            "Title-题名: 示例\n"
            "DataType: 1\n")
    records, problems = read_with(estudy, text, "bad.txt")
    assert messages(problems) == [
        "bad.txt:3: warning: key Author has no value; skipped",
        "bad.txt:6: warning: unknown DataType '99'; read as document",
        "bad.txt:8: error: record has nothing after its 'DataType' line; skipped",
        "bad.txt:4: warning: 1 line(s) outside any record or not tagged, skipped (lines 4)",
    ]
    assert [r.get("title") for r in records] == ["医学综述撰写中的注意事项", "示例"]
    assert records[0].dates["issued"] == Date((2013,))


@pytest.mark.parametrize("reader, expected", [
    (noteexpress, "empty.txt:1: error: no NoteExpress records; expected "
                  "'{Reference Type}: Journal Article' then '{Tag}: value' lines"),
    (estudy, "empty.txt:1: error: no E-Study records: the input is empty; expected "
             "'DataType: 1' then 'Title-题名: value' lines"),
])
def test_empty_input_is_an_error(reader, expected):
    assert messages(read_with(reader, "", "empty.txt")[1]) == [expected]


def test_samples_exist_under_the_agreed_names():
    names = {p.name for p in Path(SAMPLES).iterdir()}
    assert {NE_CNKI, NE_WANFANG, ESTUDY} <= names


# --- with the other formats -----------------------------------------------------------------

def _registry() -> Registry:
    registry = Registry.default()
    names = {reader.name for reader in registry.readers}
    registry.readers += [r.READER for r in (noteexpress, estudy) if r.READER.name not in names]
    return registry


@pytest.mark.parametrize("sample, reader", [
    (NE_CNKI, "noteexpress"), (NE_WANFANG, "noteexpress"), (ESTUDY, "estudy")])
def test_among_all_readers_only_ours_claims_each_sample(sample, reader):
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    assert [r.name for _, r in _registry().detect(text)] == [reader]


@pytest.mark.parametrize("to", ["biblatex", "bibtex", "ris", "csl-json", "csl-yaml", "text"])
@pytest.mark.parametrize("sample", [NE_CNKI, NE_WANFANG, ESTUDY])
def test_every_writer_takes_the_samples_without_a_problem(sample, to):
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    output, problems = convert_text(text, to=to, name=sample, registry=_registry())
    assert problems == []
    assert output


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed")
@pytest.mark.parametrize("sample", [NE_CNKI, NE_WANFANG, ESTUDY])
def test_biber_reads_the_biblatex_of_the_samples_without_warnings(sample, tmp_path):
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    (tmp_path / "ours.bib").write_text(
        convert_text(text, to="biblatex", name=sample, registry=_registry())[0], encoding="utf-8")
    result = subprocess.run(["biber", "--tool", "--output-file", "out.bib", "ours.bib"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert [line for line in log.splitlines() if "WARN" in line or "ERROR" in line] == []
