"""recconv's CSL processor, one CSL rule at a time, on small styles written for the rule.

Every expected text here is what citeproc-js prints for the same style and items
(`CASES` is checked against it by `test_every_case_is_what_citeproc_js_prints` when
citeproc-js is installed); the comparison on whole real styles is in test_citeproc_js.py.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from recconv.formats.cslproc import Processor, StyleError
from recconv.formats.cslproc.collation import collation_key
from recconv.formats.cslproc.locale import _locales_folder
from recconv.formats.cslproc.style import from_xml
from recconv.formats.cslproc.textcase import CASES as TEXT_CASES

from .test_citeproc_js import _MISSING, CITEPROC, NODE, SCRIPT

CSL = "http://purl.org/net/xbiblio/csl"


@dataclass
class Case:
    """A style (its bibliography layout, and attributes), items, and the entries printed."""

    name: str
    layout: str
    items: list[dict]
    expected: list[str]
    style: str = ""  # attributes of cs:style
    bibliography: str = ""  # attributes of cs:bibliography
    sort: str = ""  # cs:key elements
    citation: str = '<text variable="citation-number"/>'
    citation_options: str = ""
    locale: str = "en-US"
    output_format: str = "text"
    macros: str = ""
    extra: dict = field(default_factory=dict)

    def xml(self) -> str:
        sort = f"<sort>{self.sort}</sort>" if self.sort else ""
        return (f'<style xmlns="{CSL}" version="1.0" class="in-text" '
                f'default-locale="{self.locale}" {self.style}><info><title>t</title><id>t</id>'
                f"</info>{self.macros}<citation {self.citation_options}><layout>{self.citation}"
                f"</layout></citation><bibliography {self.bibliography}>{sort}<layout>"
                f"{self.layout}</layout></bibliography></style>")


def book(key: str, **fields) -> dict:
    return {"id": key, "type": "book", **fields}


PAGES = [book("p1", page="321-328"), book("p2", page="1496-1504"), book("p3", page="42-45"),
         book("p4", page="101-108"), book("p5", page="1087-89")]
CASES = [
    Case("page ranges, expanded", '<text variable="page"/>', PAGES,
         ["321–328", "1496–1504", "42–45", "101–108", "1087–1089"],
         style='page-range-format="expanded"'),
    Case("page ranges, minimal", '<text variable="page"/>', PAGES,
         ["321–8", "1496–504", "42–5", "101–8", "1087–9"], style='page-range-format="minimal"'),
    Case("page ranges, minimal-two", '<text variable="page"/>', PAGES,
         ["321–28", "1496–504", "42–45", "101–08", "1087–89"],
         style='page-range-format="minimal-two"'),
    Case("page ranges, chicago-16", '<text variable="page"/>', PAGES,
         ["321–28", "1496–504", "42–45", "101–8", "1087–89"],
         style='page-range-format="chicago-16"'),
    Case("title case keeps stop words low, except first and after a colon",
         '<text variable="title" text-case="title"/>',
         [book("t", title="the war of the worlds: a study in the art of invasion")],
         ["The War of the Worlds: A Study in the Art of Invasion"]),
    Case("title case leaves a non-English item alone",
         '<text variable="title" text-case="title"/>',
         [book("t", title="der krieg der welten", language="de")], ["der krieg der welten"]),
    Case("initials keep the hyphen of a hyphenated given name",
         '<names variable="author"><name initialize-with=". "/></names>',
         [book("n", author=[{"family": "Sartre", "given": "Jean-Paul"}])], ["J.-P. Sartre"]),
    Case("a Chinese name is family then given, unspaced",
         '<names variable="author"><name/></names>',
         [book("n", author=[{"family": "张", "given": "三"}])], ["张三"]),
    Case("et-al-use-last shows the last name after an ellipsis",
         '<names variable="author"><name et-al-min="4" et-al-use-first="2" '
         'et-al-use-last="true" initialize-with=". "/></names>',
         [book("n", author=[{"family": f, "given": "A"} for f in ("B", "C", "D", "E", "F")])],
         ["A. B, A. C, … A. F"]),
    Case("a month range in one year prints the year once",
         '<date variable="issued" form="text"/>',
         [book("d", issued={"date-parts": [[2017, 1], [2017, 2]]})], ["January–February 2017"]),
    Case("a question mark takes the place of a following period",
         '<group delimiter=". "><text variable="title"/><text variable="publisher"/></group>',
         [book("q", title="Why do we sleep?", publisher="Penguin")],
         ["Why do we sleep? Penguin"]),
    Case("punctuation goes inside quotation marks in American English",
         '<group delimiter=", "><text variable="title" quotes="true"/>'
         '<text variable="container-title"/></group>',
         [book("q", title="Title", **{"container-title": "Journal"})], ["“Title,” Journal"]),
    Case("punctuation stays outside quotation marks in British English",
         '<group delimiter=", "><text variable="title" quotes="true"/>'
         '<text variable="container-title"/></group>',
         [book("q", title="Title", **{"container-title": "Journal"})], ["‘Title’, Journal"],
         locale="en-GB"),
    Case("quotes inside a quoted title turn to inner quotation marks",
         '<text variable="title" quotes="true"/>',
         [book("q", title='The market for "lemons"')], ["“The market for ‘lemons’”"]),
    Case("the same author and year get year suffixes in bibliography order",
         '<group delimiter=" "><names variable="author"><name form="short"/></names>'
         '<group><date variable="issued"><date-part name="year"/></date>'
         '<text variable="year-suffix"/></group><text variable="title"/></group>',
         [book("y2", title="Beta", author=[{"family": "Smith", "given": "A"}],
               issued={"date-parts": [[2020]]}),
          book("y1", title="Alpha", author=[{"family": "Smith", "given": "A"}],
               issued={"date-parts": [[2020]]})],
         ["Smith 2020a Alpha", "Smith 2020b Beta"],
         sort='<key variable="author"/><key variable="title"/>',
         citation='<group delimiter=" "><names variable="author"><name form="short"/></names>'
                  '<date variable="issued"><date-part name="year"/></date>'
                  '<text variable="year-suffix"/></group>',
         citation_options='disambiguate-add-year-suffix="true"'),
    Case("Chinese names sort by their pinyin in a Chinese style",
         '<names variable="author"><name/></names>',
         [book("c1", author=[{"family": "张", "given": "三"}]),
          book("c2", author=[{"family": "李", "given": "四"}]),
          book("c3", author=[{"family": "王", "given": "五"}])],
         ["李四", "王五", "张三"], sort='<key variable="author"/>', locale="zh-CN"),
    Case("sorting ignores letter case, and ties keep their order",
         '<text variable="title"/>',
         [book("s1", title="beta"), book("s2", title="Alpha"), book("s3", title="alpha")],
         ["Alpha", "alpha", "beta"], sort='<key variable="title"/>'),
    Case("an ordinal edition in English",
         '<group delimiter=" "><number variable="edition" form="ordinal"/>'
         '<label variable="edition" form="short"/></group>',
         [book("e", edition="2"), book("f", edition="21")], ["2nd ed.", "21st ed."]),
    Case("a roman volume number",
         '<number variable="volume" form="roman"/>', [book("r", volume="14")], ["xiv"]),
    Case("strip-periods takes the periods out of a term",
         '<label variable="edition" form="short" strip-periods="true"/>',
         [book("s", edition="2")], ["ed"]),
    Case("a repeated author is replaced by the substitute",
         '<group delimiter=". "><names variable="author"><name/></names>'
         '<text variable="title"/></group>',
         [book("a1", title="One", author=[{"family": "Smith", "given": "Ann"}]),
          book("a2", title="Two", author=[{"family": "Smith", "given": "Ann"}])],
         ["Ann Smith. One", "———. Two"],
         bibliography='subsequent-author-substitute="———"'),
    Case("a group with no variable printed prints nothing",
         '<text variable="title"/><group prefix=" [" suffix="]"><text value="Vol."/>'
         '<text variable="volume"/></group>',
         [book("g", title="T"), book("h", title="U", volume="2")], ["T", "U [Vol.2]"]),
    Case("HTML escapes markup and raises superscript characters",
         '<text variable="title" font-style="italic"/>',
         [book("h", title="R&D in m² <fast>")],
         ["<div class=\"csl-entry\"><i>R&#38;D in m<sup>2</sup> &#60;fast&#62;</i></div>"],
         output_format="html"),
]


def entries(case: Case) -> list[str]:
    processor = Processor(from_xml_text(case.xml()), case.locale)
    return [entry.text for entry in processor.bibliography(case.items, case.output_format)]


def from_xml_text(text: str):
    from xml.etree import ElementTree

    return from_xml(ElementTree.fromstring(text))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_rule_prints_as_citeproc_js_prints_it(case: Case) -> None:
    assert entries(case) == case.expected


@pytest.mark.skipif(_MISSING, reason="citeproc-js is installed by .ci/run (npm)")
def test_every_case_is_what_citeproc_js_prints(tmp_path: Path) -> None:
    wrong = []
    for n, case in enumerate(CASES):
        style, items = tmp_path / f"{n}.csl", tmp_path / f"{n}.json"
        style.write_text(case.xml(), encoding="utf-8")
        items.write_text(json.dumps(case.items), encoding="utf-8")
        result = subprocess.run([NODE, str(SCRIPT), str(CITEPROC), str(style),
                                 str(_locales_folder()), str(items), case.output_format],
                                capture_output=True, text=True, timeout=60, check=True)
        printed = [text.strip() for _, text in json.loads(result.stdout)["bibliography"]]
        if printed != case.expected:
            wrong.append((case.name, printed))
    assert wrong == []


# Pieces on their own

def test_capitalize_first_and_sentence_case() -> None:
    assert TEXT_CASES["capitalize-first"]("n.d.") == "N.d."
    assert TEXT_CASES["sentence"]("The War Of The Worlds") == "The war of the worlds"


def test_collation_sorts_han_by_reading_in_chinese() -> None:
    assert sorted(["张", "李", "王"], key=lambda s: collation_key(s, True)) == ["李", "王", "张"]


def test_a_style_calling_an_undefined_macro_is_a_style_error() -> None:
    case = Case("undefined macro", '<text macro="nowhere"/>', [book("x")], [])
    with pytest.raises(StyleError, match="undefined macro 'nowhere'"):
        entries(case)


def test_a_style_with_an_unknown_element_is_a_style_error() -> None:
    case = Case("unknown element", "<paragraph/>", [book("x")], [])
    with pytest.raises(StyleError, match="unknown CSL element cs:paragraph"):
        entries(case)
