"""The text writer: formatted references in any CSL style, framed for each output format.

The expected references are citeproc-js's for the same records (tests/test_citeproc_js.py
compares the two processors on the whole CSL corpus).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from recconv.formats.cslproc import Processor
from recconv.formats.cslproc.style import NS
from recconv.formats.diagnostics import Diagnostic, Severity
from recconv.formats.record import Date, Name, Origin, Record
from recconv.formats.registry import Options
from recconv.formats.writers import text
from recconv.formats.writers.text import (
    WRITER,
    bilingual,
    load_style,
    resolve_style,
    script_language,
    style_names,
    write_text,
)

GBT = "china-national-standard-gb-t-7714-2015-numeric"
GBT_AUTHOR_DATE = "china-national-standard-gb-t-7714-2015-author-date"


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


def chinese(authors: int = 2) -> Record:
    names = [Name(family="张", given="三"), Name(family="李", given="四"),
             Name(family="王", given="五"), Name(family="赵", given="六")][:authors]
    return Record(
        type="article-journal",
        fields={"title": "基于深度学习的医学图像分割研究",
                "container-title": "中华医学杂志", "volume": "101", "issue": "5",
                "page": "321-325"},
        names={"author": names}, dates={"issued": Date((2021,))}, origin=Origin("zh.txt", 3),
        id="zhang2021")


def undated() -> Record:
    return Record(type="article-journal",
                  fields={"title": "Undated", "container-title": "Zeitschrift"},
                  names={"author": [Name(family="Müller", given="Hans")]}, id="mueller")


def render(records: list[Record], style: str, **options) -> list[str]:
    """The references, failing the test on any diagnostic."""
    out = list(write_text(records, Options(style=style, **options)))
    assert [x for x in out if isinstance(x, Diagnostic)] == []
    return "".join(out).splitlines()


def diagnostics(records: list[Record], style: str, **options) -> list[Diagnostic]:
    return [x for x in write_text(records, Options(style=style, **options))
            if isinstance(x, Diagnostic)]


# The seed in the three reference styles

SEED_APA = ("Chen, J., Hu, S., Liu, J., Jiang, H., Wang, S., & Yang, Z. (2025). Exosomes: a "
            "double-edged sword in cancer immunotherapy. Medcomm, 6(3). "
            "https://doi.org/10.1002/mco2.70095")
SEED_IEEE = ("[1] J. Chen, S. Hu, J. Liu, H. Jiang, S. Wang, and Z. Yang, “Exosomes: a "
             "double-edged sword in cancer immunotherapy,” Medcomm, vol. 6, no. 3, 2025, "
             "doi: 10.1002/mco2.70095.")
# An English entry in GB/T 7714 gets "et al." (a Chinese one 等); the DOI makes it J/OL.
SEED_GBT = ("[1] CHEN J, HU S, LIU J, et al. Exosomes: a double-edged sword in cancer "
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


def test_apa_tells_same_author_same_year_apart_with_year_suffixes() -> None:
    first, second = seed(), seed()
    second.fields["title"] = "Another sword"
    second.id = "chen2025another"
    lines = render([first, second], "apa", citations=True)
    assert [line.split("\t")[0] for line in lines] == [
        "(Chen et al., 2025a)", "(Chen et al., 2025b)"]
    assert "(2025a). Another sword." in lines[0]


def test_a_chinese_record_in_gbt_keeps_its_type_code_and_unspaced_names() -> None:
    assert render([chinese()], GBT) == [
        "[1] 张三, 李四. 基于深度学习的医学图像分割研究[J]. "
        "中华医学杂志, 2021, 101(5): 321-325."
    ]


def test_gbt_formats_a_mixed_list_each_entry_in_its_own_language_numbered_once() -> None:
    assert render([seed(), chinese(authors=4)], GBT) == [
        SEED_GBT,
        "[2] 张三, 李四, 王五, 等. 基于深度学习的医学图像分割研究[J]. "
        "中华医学杂志, 2021, 101(5): 321-325.",
    ]


def test_gbt_author_date_cites_chinese_and_english_entries_in_their_own_terms() -> None:
    lines = render([seed(), chinese(authors=4)], GBT_AUTHOR_DATE, citations=True)
    assert [line.split("\t")[0] for line in lines] == ["(张等, 2021)", "(Chen et al., 2025)"]


def test_gbt_prints_a_numeric_edition_with_the_chinese_term() -> None:
    book = Record(type="book", fields={"title": "书", "publisher": "出版社", "edition": "2"},
                  dates={"issued": Date((2017,))}, id="b")
    assert render([book], GBT) == ["[1] 书[M]. 2 版. 出版社, 2017."]


def test_ieee_drops_the_accessed_group_without_an_access_date() -> None:
    online = Record(type="article-journal", fields={"title": "T", "URL": "https://example.org"},
                    id="o")
    assert render([online], "ieee") == ["[1] “T”, [Online]. Available: https://example.org"]


def test_apa_capitalises_the_editor_label() -> None:
    chapter = Record(type="chapter", fields={"title": "On things", "container-title": "Big book",
                                             "publisher": "OUP"},
                     names={"author": [Name(family="Smith", given="Ann")],
                            "editor": [Name(family="Jones", given="Tom")]},
                     dates={"issued": Date((2019,))}, id="c")
    assert render([chapter], "apa") == [
        "Smith, A. (2019). On things. In T. Jones (Ed.), Big book. OUP."]


def test_chicago_keeps_given_names_whole() -> None:
    assert render([seed()], "chicago-author-date")[0].startswith(
        "Chen, Jiayi, Siyuan Hu, Jiayi Liu,")


def test_a_date_range_prints_as_the_style_prints_ranges() -> None:
    record = seed()
    record.dates["issued"] = Date((2017, 1), (2017, 2))
    assert "(2017)" in render([record], "apa")[0]


# Locales

def test_a_locale_overrides_the_styles_terms() -> None:
    assert render([undated()], "apa") == ["Müller, H. (n.d.). Undated. Zeitschrift."]
    assert render([undated()], "apa", locale="de-DE") == [
        "Müller, H. (o.\u00a0J.). Undated. Zeitschrift."]


def test_en_gb_keeps_punctuation_outside_quotes() -> None:
    assert "immunotherapy’, Medcomm" in render([seed()], "ieee", locale="en-GB")[0]


def test_an_unknown_locale_is_a_warning_and_falls_back_to_english() -> None:
    out = list(write_text([undated()], Options(style="apa", locale="xx-YY")))
    assert out[0] == Diagnostic("unknown locale 'xx-YY'; terms fall back to en-US",
                                severity=Severity.WARNING)
    assert "".join(x for x in out[1:] if isinstance(x, str)) == (
        "Müller, H. (n.d.). Undated. Zeitschrift.\n")


# Output formats and citations

def test_text_is_one_reference_per_line() -> None:
    assert "".join(write_text([seed(), undated()], Options(style="apa"))) == (
        SEED_APA + "\nMüller, H. (n.d.). Undated. Zeitschrift.\n")


def test_html_is_a_bibliography_body_of_entries_as_citeproc_js_writes_it() -> None:
    out = "".join(write_text([seed()], Options(style="ieee", output_format="html")))
    assert out == (
        '<div class="csl-bib-body">\n'
        '  <div class="csl-entry">\n'
        '    <div class="csl-left-margin">[1]</div><div class="csl-right-inline">J. Chen, '
        "S. Hu, J. Liu, H. Jiang, S. Wang, and Z. Yang, “Exosomes: a double-edged sword in "
        "cancer immunotherapy,” <i>Medcomm</i>, vol. 6, no. 3, 2025, "
        "doi: 10.1002/mco2.70095.</div>\n"
        "  </div>\n"
        "</div>\n")


def test_markdown_keeps_the_styles_formatting_one_paragraph_per_reference() -> None:
    out = "".join(write_text([seed(), undated()], Options(style="apa",
                                                          output_format="markdown")))
    assert out == (
        "Chen, J., Hu, S., Liu, J., Jiang, H., Wang, S., & Yang, Z. (2025). Exosomes: a "
        "double-edged sword in cancer immunotherapy. *Medcomm*, *6*(3). "
        "https://doi.org/10.1002/mco2.70095\n\n"
        "Müller, H. (n.d.). Undated. *Zeitschrift*.\n\n")


def test_rtf_is_a_whole_document_with_escaped_text() -> None:
    out = "".join(write_text([undated()], Options(style="apa", output_format="rtf")))
    assert out == ("{\\rtf1\\ansi\\deff0\n"
                   "M\\uc0\\u252{}ller, H. (n.d.). Undated. {\\i{}Zeitschrift}.\\par\n"
                   "}\n")


def test_citations_come_before_their_references() -> None:
    assert render([seed()], "apa", citations=True) == ["(Chen et al., 2025)\t" + SEED_APA]
    assert render([seed()], "ieee", citations=True) == ["[1]\t" + SEED_IEEE]
    html = "".join(write_text([seed()], Options(style="apa", output_format="html",
                                                citations=True)))
    assert '  <div class="csl-citation">(Chen et al., 2025)</div>\n  <div class="csl-entry">' \
        in html


def test_an_unknown_output_format_is_an_error() -> None:
    (problem,) = diagnostics([seed()], "apa", output_format="docx")
    assert problem.is_error and "text, html, markdown, rtf" in problem.message


# Records

def test_a_record_the_style_prints_nothing_for_is_a_warning_and_the_others_come_out(
        tmp_path: Path) -> None:
    titles = tmp_path / "titles.csl"
    titles.write_text(_style("<bibliography><layout><text variable='title'/></layout>"
                             "</bibliography>"), encoding="utf-8")
    untitled = Record(type="article-journal", origin=Origin("in.txt", 7), id="untitled")
    out = list(write_text([seed(), untitled], Options(style=str(titles))))
    assert out[0] == "Exosomes: a double-edged sword in cancer immunotherapy\n"
    assert str(out[1]) == ("in.txt:7: record untitled: warning: the style titles prints "
                           "nothing for this record (it has none of the fields the style uses)")


def test_a_term_opening_an_entry_is_capitalized() -> None:
    assert render([Record(type="article-journal", id="empty")], "apa") == ["(N.d.)."]


def test_a_record_the_processor_fails_on_is_reported_and_the_others_still_come_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    bibliography = Processor.bibliography

    def failing(self, items, output_format="text"):
        if any(item.get("title") == "Undated" for item in items):
            raise ValueError("cannot happen")
        return bibliography(self, items, output_format)

    monkeypatch.setattr(Processor, "bibliography", failing)
    bad = undated()
    bad.origin = Origin("in.txt", 9)
    out = list(write_text([seed(), bad], Options(style="apa")))
    assert str(out[0]) == ("in.txt:9: record mueller: error: cannot format this record "
                           "(ValueError('cannot happen'))")
    assert out[1:] == [SEED_APA + "\n"]


def test_no_records_give_no_output() -> None:
    assert list(write_text([], Options(style="apa"))) == []


def test_an_item_without_a_language_gets_the_one_its_script_shows() -> None:
    assert script_language({"title": "基于深度学习"}) == "zh"
    assert script_language({"title": "Deep", "author": [{"family": "张", "given": "三"}]}) == "zh"
    assert script_language({"title": "ひらがな と 漢字"}) == "ja"
    assert script_language({"title": "한국어"}) == "ko"
    assert script_language({"title": "Über Bäume"}) == "en"
    assert script_language({"title": "1984"}) == ""


def test_a_record_s_own_language_wins_over_its_script() -> None:
    record = chinese(authors=4)
    record.fields["language"] = "en"
    assert ", et al. " in render([record], GBT)[0]


# Styles by name or file

def test_the_writer_is_registered_under_its_names() -> None:
    assert (WRITER.name, WRITER.aliases, WRITER.suffixes) == (
        "text", ("txt", "citation"), (".txt",))


def test_formatting_imports_neither_citeproc_py_nor_lxml() -> None:
    code = ("import sys, recconv.formats.writers.text as t; "
            "from recconv.formats.registry import Options; "
            "from recconv.formats.record import Record; "
            "list(t.write_text([Record(type='book', fields={'title': 'T'})], Options())); "
            "print('citeproc' in sys.modules, 'lxml' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["False", "False"]


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
    assert render([seed()], str(mine)) == [SEED_IEEE]


def test_a_dependent_style_formats_with_its_parent_and_its_own_locale() -> None:
    assert render([seed()], "china-communications") == [SEED_IEEE]
    style, locale = load_style("china-communications")
    assert style.root.find(f"{NS}info/{NS}id").text.endswith("/ieee") and locale == "en-US"


def test_an_unknown_style_in_the_options_is_an_error_diagnostic() -> None:
    (problem,) = diagnostics([seed()], "no-such-style-at-all")
    assert problem.is_error and "unknown CSL style" in problem.message


def test_a_style_that_is_not_csl_is_an_error_diagnostic(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csl"
    broken.write_text("<style>not closed", encoding="utf-8")
    (problem,) = diagnostics([seed()], str(broken))
    assert problem.is_error and problem.message.startswith("cannot read CSL style")


def test_a_style_without_a_bibliography_is_an_error(tmp_path: Path) -> None:
    citation_only = tmp_path / "c.csl"
    citation_only.write_text(_style(""), encoding="utf-8")
    (problem,) = diagnostics([seed()], str(citation_only))
    assert problem.is_error and "has no bibliography" in problem.message


def _style(bibliography: str, default_locale: str = "") -> str:
    return (f'<style xmlns="{NS.strip("{}")}" version="1.0" class="in-text" '
            f'default-locale="{default_locale}"><info><title>t</title><id>t</id></info>'
            '<citation><layout><text variable="citation-number"/></layout></citation>'
            f'{bibliography}</style>')


def test_a_chinese_style_gets_an_english_layout_before_each_of_its_own() -> None:
    root = ElementTree.fromstring(_style("<bibliography><layout suffix='.'>"
                                         "<text variable='title'/></layout></bibliography>",
                                         "zh-CN"))
    converted = bilingual(root)
    for area in ("citation", "bibliography"):
        layouts = converted.findall(f"{NS}{area}/{NS}layout")
        assert [layout.get("locale") for layout in layouts] == ["en", None]
        english, own = layouts
        assert {k: v for k, v in english.attrib.items() if k != "locale"} == own.attrib
        assert [child.attrib for child in english] == [child.attrib for child in own]
    assert root.find(f"{NS}citation/{NS}layout").get("locale") is None  # a copy, not changed


def test_other_styles_and_styles_with_language_layouts_are_left_alone() -> None:
    english = ElementTree.fromstring(_style("<bibliography><layout/></bibliography>", "en-US"))
    assert bilingual(english) is english
    own = ElementTree.fromstring(_style(
        "<bibliography><layout locale='en'/><layout/></bibliography>", "zh-CN"))
    assert bilingual(own) is own


def test_loading_a_style_twice_reads_it_once() -> None:
    assert load_style("apa") is load_style("apa")
    assert text._load.cache_info().hits >= 1
