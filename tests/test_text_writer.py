"""The text writer: formatted references through citeproc-py, with its defects corrected.

The expected references were worked out from each style's CSL rules (as citeproc-js applies
them) and checked against pandoc's citeproc, an independent CSL 1.0.2 processor.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from recconv.formats.diagnostics import Diagnostic, Severity
from recconv.formats.record import Date, Name, Origin, Record
from recconv.formats.registry import Options
from recconv.formats.writers import cslfixes
from recconv.formats.writers.text import WRITER, resolve_style, style_names, write_text

GBT = "china-national-standard-gb-t-7714-2015-numeric"
CSL_NS = "http://purl.org/net/xbiblio/csl"


def seed() -> Record:
    return Record(
        type="article-journal",
        fields={"title": "Exosomes: a double-edged sword in cancer immunotherapy",
                "container-title": "Medcomm", "volume": "6", "issue": "3",
                "DOI": "10.1002/mco2.70095", "abstract": "…", "number-of-pages": "23",
                "language": "en"},
        names={"author": [Name(family="Chen", given="Jiayi"), Name(family="Hu", given="Siyuan"),
                          Name(family="Liu", given="Jiayi"), Name(family="Jiang", given="Hao"),
                          Name(family="Wang", given="Simiao"),
                          Name(family="Yang", given="Zhaogang")]},
        dates={"issued": Date((2025,))}, keywords=["exosome", "immune stimulatory"],
        origin=Origin("seed.txt", 1), id="chen2025exosomes")


def chinese() -> Record:
    return Record(
        type="article-journal",
        fields={"title": "基于深度学习的医学图像分割研究",
                "container-title": "中华医学杂志", "volume": "101", "issue": "5",
                "page": "321-325", "language": "zh-CN"},
        names={"author": [Name(family="张", given="三"), Name(family="李", given="四")]},
        dates={"issued": Date((2021,))}, origin=Origin("zh.txt", 3), id="zhang2021")


def undated() -> Record:
    return Record(type="article-journal",
                  fields={"title": "Undated", "container-title": "Zeitschrift"},
                  names={"author": [Name(family="Müller", given="Hans")]}, id="mueller")


def render(records: list[Record], style: str, **options: str) -> list[str]:
    """The references, failing the test on any diagnostic."""
    out = list(write_text(records, Options(style=style, **options)))
    assert [x for x in out if isinstance(x, Diagnostic)] == []
    return [line.rstrip("\n") for line in out]


def diagnostics(records: list[Record], style: str, **options: str) -> list[Diagnostic]:
    return [x for x in write_text(records, Options(style=style, **options))
            if isinstance(x, Diagnostic)]


# The seed in the three reference styles

SEED_APA = ("Chen, J., Hu, S., Liu, J., Jiang, H., Wang, S., & Yang, Z. (2025). Exosomes: a "
            "double-edged sword in cancer immunotherapy. Medcomm, 6(3). "
            "https://doi.org/10.1002/mco2.70095")
SEED_IEEE = ("[1] J. Chen, S. Hu, J. Liu, H. Jiang, S. Wang, and Z. Yang, “Exosomes: a "
             "double-edged sword in cancer immunotherapy,” Medcomm, vol. 6, no. 3, 2025, "
             "doi: 10.1002/mco2.70095.")
# The style's locale is zh-CN, so "et al." is 等 whatever the item's language (only CSL-M's
# per-item locales would change that); the DOI makes the medium code OL.
SEED_GBT = ("[1] CHEN J, HU S, LIU J, 等. Exosomes: a double-edged sword in cancer "
            "immunotherapy[J/OL]. Medcomm, 2025, 6(3). DOI:10.1002/mco2.70095.")


@pytest.mark.parametrize(("style", "expected"), [
    ("apa", SEED_APA), ("ieee", SEED_IEEE), (GBT, SEED_GBT),
])
def test_the_seed_is_formatted_exactly_as_the_style_says(style: str, expected: str) -> None:
    assert render([seed()], style) == [expected]


def test_ieee_numbers_references_in_the_order_they_come() -> None:
    second = Record(type="book", fields={"title": "Why do we sleep?", "publisher": "Penguin",
                                         "publisher-place": "London"},
                    names={"author": [Name(family="Walker", given="Matthew")]},
                    dates={"issued": Date((2017,))}, id="walker2017")
    assert render([seed(), second], "ieee") == [
        SEED_IEEE,
        "[2] M. Walker, Why do we sleep? London: Penguin, 2017.",
    ]
    assert [line[:5] for line in render([second, seed()], "ieee")] == ["[1] M", "[2] J"]


def test_apa_sorts_references_by_author() -> None:
    assert [line[:6] for line in render([undated(), seed()], "apa")] == ["Chen, ", "Müller"]


def test_a_chinese_record_in_gbt_keeps_its_type_code_and_unspaced_names() -> None:
    assert render([chinese()], GBT) == [
        "[1] 张三, 李四. 基于深度学习的医学图像分割研究[J]. "
        "中华医学杂志, 2021, 101(5): 321-325."
    ]


def test_a_locale_overrides_the_styles_terms() -> None:
    assert render([undated()], "apa") == ["Müller, H. (n.d.). Undated. Zeitschrift."]
    assert render([undated()], "apa", locale="de-DE") == [
        "Müller, H. (o.\u00a0J.). Undated. Zeitschrift."]


def test_an_unknown_locale_is_a_warning_and_falls_back_to_english() -> None:
    out = list(write_text([undated()], Options(style="apa", locale="xx-YY")))
    assert out[0] == Diagnostic("unknown locale 'xx-YY'; terms fall back to en-US",
                                severity=Severity.WARNING)
    assert out[1:] == ["Müller, H. (n.d.). Undated. Zeitschrift.\n"]


def test_html_output_keeps_the_styles_formatting() -> None:
    (line,) = render([seed()], "apa", output_format="html")
    assert "<i>Medcomm</i>, <i>6</i>(3)" in line


def test_an_unknown_output_format_is_an_error() -> None:
    (problem,) = diagnostics([seed()], "apa", output_format="docx")
    assert problem.is_error and "text, html, rst" in problem.message


def test_a_record_citeproc_cannot_format_is_reported_and_the_others_still_come_out() -> None:
    # citeproc-py asserts on a season it cannot number; APA prints magazine months.
    bad = Record(type="article-magazine", fields={"title": "Seasonal"},
                 dates={"issued": Date((2020,), season="Spring")},
                 origin=Origin("in.txt", 7), id="bad")
    out = list(write_text([seed(), bad], Options(style="apa")))
    assert out[1:] == [SEED_APA + "\n"]
    assert str(out[0]).startswith("in.txt:7: record bad: error: citeproc-py cannot format")


def test_no_records_give_no_output() -> None:
    assert list(write_text([], Options(style="apa"))) == []


def test_the_writer_is_registered_under_its_names() -> None:
    assert (WRITER.name, WRITER.aliases, WRITER.suffixes) == (
        "text", ("txt", "citation"), (".txt",))


def test_importing_the_writer_does_not_import_citeproc() -> None:
    code = ("import sys, recconv.formats.writers.text as t; t.style_names(); "
            "print('citeproc' in sys.modules, 'lxml' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["False", "False"]


# Styles by name or file

def test_style_names_list_independent_and_dependent_styles_sorted() -> None:
    names = style_names()
    assert names == sorted(names)
    assert {"apa", "ieee", GBT, "chicago-author-date", "china-communications"} <= set(names)


def test_a_style_name_resolves_to_its_csl_file() -> None:
    assert Path(resolve_style("ieee")).name == "ieee.csl"
    assert Path(resolve_style(" APA ")).name == "apa.csl"


def test_an_unknown_style_name_lists_close_matches() -> None:
    with pytest.raises(ValueError, match=r"unknown CSL style 'ieeee'; did you mean .*\bieee\b"):
        resolve_style("ieeee")
    with pytest.raises(ValueError, match="chicago-author-date"):
        resolve_style("chicago-author-dat")


def test_a_missing_csl_file_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no such CSL style file"):
        resolve_style("nowhere/mine.csl")


def test_a_csl_file_path_is_used_as_the_style(tmp_path: Path) -> None:
    mine = tmp_path / "mine.csl"
    mine.write_bytes(Path(resolve_style("ieee")).read_bytes())
    assert resolve_style(str(mine)) == str(mine)
    assert render([seed()], str(mine)) == [SEED_IEEE]


def test_a_dependent_style_formats_with_its_parent() -> None:
    assert render([seed()], "china-communications") == [SEED_IEEE]


def test_an_unknown_style_in_the_options_is_an_error_diagnostic() -> None:
    (problem,) = diagnostics([seed()], "no-such-style-at-all")
    assert problem.is_error and "unknown CSL style" in problem.message


def test_a_style_without_a_bibliography_is_an_error(tmp_path: Path) -> None:
    citation_only = tmp_path / "c.csl"
    citation_only.write_text(_style("").replace("<bibliography ><layout></layout></bibliography>",
                                                ""), encoding="utf-8")
    (problem,) = diagnostics([seed()], str(citation_only))
    assert problem.is_error and "has no bibliography" in problem.message


def test_what_citeproc_reports_about_a_style_becomes_a_warning(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csl"
    broken.write_text(_style('<text variable="title" colour="red"/>'), encoding="utf-8")
    out = list(write_text([seed()], Options(style=str(broken))))
    assert out[-1] == "Exosomes: a double-edged sword in cancer immunotherapy\n"
    assert out[0].severity is Severity.WARNING
    assert out[0].message.startswith("CSL style broken.csl: XML file didn't pass schema")


def _style(layout: str, bibliography_attributes: str = "") -> str:
    return (f'<style xmlns="{CSL_NS}" version="1.0" class="in-text"><info><title>t</title>'
            '<id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>'
            '<citation><layout><text variable="citation-number"/></layout></citation>'
            f'<bibliography {bibliography_attributes}><layout>{layout}</layout></bibliography>'
            '</style>')


# The corrections, one by one

def _root(layout: str, bibliography_attributes: str = "") -> etree._Element:
    return etree.fromstring(_style(layout, bibliography_attributes).encode())


def _layout(root: etree._Element) -> str:
    layout = root.find(f"{{{CSL_NS}}}bibliography/{{{CSL_NS}}}layout")
    return "".join(etree.tostring(child, encoding="unicode") for child in layout).replace(
        f' xmlns="{CSL_NS}"', "")


def test_the_first_field_of_a_second_field_align_layout_ends_with_a_space() -> None:
    root = _root('<text variable="citation-number" prefix="[" suffix="]"/><text variable="title"/>',
                 'second-field-align="flush"')
    cslfixes.space_after_left_margin(root)
    assert _layout(root) == ('<text variable="citation-number" prefix="[" suffix="] "/>'
                             '<text variable="title"/>')


def test_a_left_margin_field_already_ending_in_a_space_is_left_alone() -> None:
    root = _root('<text variable="citation-number" suffix=". " display="left-margin"/>')
    cslfixes.space_after_left_margin(root)
    assert 'suffix=". "' in _layout(root)


def test_without_second_field_align_the_first_field_is_left_alone() -> None:
    root = _root('<text variable="citation-number" suffix="."/>')
    cslfixes.space_after_left_margin(root)
    assert _layout(root) == '<text variable="citation-number" suffix="."/>'


def test_a_group_whose_variables_are_all_tested_first_is_kept() -> None:
    root = _root('<group prefix="[" suffix="]" delimiter="/"><text value="J"/>'
                 '<choose><if variable="DOI"><text value="OL"/><text variable="DOI"/></if>'
                 '</choose></group>')
    cslfixes.keep_groups_with_guarded_variables(root)
    assert _layout(root) == ('<group prefix="[" suffix="]" delimiter="/"><group><text value="J"/>'
                             '</group><choose><if variable="DOI"><text value="OL"/>'
                             '<text variable="DOI"/></if></choose></group>')


def test_a_group_with_an_untested_variable_is_left_to_its_condition() -> None:
    layout = '<group delimiter=" "><text term="page"/><text variable="page"/></group>'
    root = _root(layout)
    cslfixes.keep_groups_with_guarded_variables(root)
    assert _layout(root) == layout


def test_a_kept_group_renders_its_terms_when_the_tested_variable_is_empty(tmp_path: Path) -> None:
    style = tmp_path / "s.csl"
    style.write_text(_style('<text variable="title"/><group prefix="[" suffix="]" delimiter="/">'
                            '<text value="J"/><choose><if variable="DOI"><text value="OL"/>'
                            '</if></choose></group>'), encoding="utf-8")
    assert render([chinese()], str(style)) == ["基于深度学习的医学图像分割研究[J]"]
    assert render([seed()], str(style)) == [
        "Exosomes: a double-edged sword in cancer immunotherapy[J/OL]"]


def test_chinese_names_are_joined_family_first() -> None:
    item = {"id": "a", "author": [{"family": "张", "given": "三"},
                                  {"family": "Chen", "given": "Jiayi"},
                                  {"family": "欧阳", "given": "修", "suffix": ""}],
            "title": "x"}
    assert cslfixes.join_cjk_names(item) == {
        "id": "a", "author": [{"family": "张三"}, {"family": "Chen", "given": "Jiayi"},
                              {"family": "欧阳修", "suffix": ""}],
        "title": "x"}


def test_punctuation_moves_inside_closing_quotes() -> None:
    text = "“Title”, Medcomm, “Other”. “Why?”, end ‘inner’."
    assert cslfixes.move_punctuation_into_quotes(text, ["”", "’"]) == (
        "“Title,” Medcomm, “Other.” “Why?” end ‘inner.’")


def test_punctuation_stays_outside_quotes_the_locale_does_not_ask_for() -> None:
    assert cslfixes.move_punctuation_into_quotes("“Title”, x", []) == "“Title”, x"


def test_en_gb_keeps_punctuation_outside_quotes() -> None:
    assert "immunotherapy’, Medcomm" in render([seed()], "ieee", locale="en-GB")[0]


def test_a_question_mark_absorbs_a_following_period() -> None:
    assert cslfixes.drop_period_after_question_mark("Why?. Penguin. Wow!.") == "Why? Penguin. Wow!"
    assert cslfixes.drop_period_after_question_mark("x.org/?.pdf") == "x.org/?.pdf"


# citeproc-py defects not corrected here (see the module docstring of cslfixes); strict, so a
# fix upstream shows up as an unexpected pass.

@pytest.mark.xfail(strict=True, reason="citeproc-py: a nested group counts as a called variable")
def test_ieee_drops_the_accessed_group_without_an_access_date() -> None:
    online = Record(type="article-journal", fields={"title": "T", "URL": "https://example.org"},
                    id="o")
    assert render([online], "ieee") == ["[1] “T,” Available: https://example.org"]


def test_apa_capitalises_the_editor_label() -> None:
    chapter = Record(type="chapter", fields={"title": "On things", "container-title": "Big book",
                                             "publisher": "OUP"},
                     names={"author": [Name(family="Smith", given="Ann")],
                            "editor": [Name(family="Jones", given="Tom")]},
                     dates={"issued": Date((2019,))}, id="c")
    assert render([chapter], "apa") == [
        "Smith, A. (2019). On things. In T. Jones (Ed.), Big book. OUP."]


@pytest.mark.xfail(strict=True, reason="citeproc-py: an empty locale term falls back to en-US")
def test_gbt_prints_a_numeric_edition_without_an_english_ordinal() -> None:
    book = Record(type="book", fields={"title": "书", "publisher": "出版社", "edition": "2"},
                  dates={"issued": Date((2017,))}, id="b")
    assert render([book], GBT) == ["[1] 书[M]. 2 版. 出版社, 2017."]


def test_a_date_range_prints_its_start_rather_than_nothing() -> None:
    record = seed()
    record.dates["issued"] = Date((2017, 1), (2017, 2))
    out = [c for c in write_text([record], Options(style="apa")) if isinstance(c, str)]
    assert "(2017)" in out[0]


def test_apostrophes_are_typographic_as_citeproc_js_prints_them() -> None:
    assert cslfixes.typographic_apostrophes("Master's thesis, O'Donnell") == (
        "Master’s thesis, O’Donnell")
    assert cslfixes.typographic_apostrophes("no quotes") == "no quotes"


def test_initialize_false_keeps_given_names_whole() -> None:
    from lxml import etree

    style = (b'<style xmlns="http://purl.org/net/xbiblio/csl"><citation><layout>'
             b'<names variable="author"><name initialize="false" initialize-with=". "/></names>'
             b'</layout></citation></style>')
    root = etree.fromstring(cslfixes.normalize_style(style))
    name = root.find(".//{http://purl.org/net/xbiblio/csl}name")
    assert name.get("initialize-with") is None and name.get("initialize") == "false"
    out = [c for c in write_text([seed()], Options(style="chicago-author-date"))
           if isinstance(c, str)]
    assert out[0].startswith("Chen, Jiayi, Siyuan Hu, Jiayi Liu,")
