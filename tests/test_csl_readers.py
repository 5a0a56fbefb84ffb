"""The CSL-JSON and CSL-YAML readers and the CSL-YAML writer: what they read, what comes back."""

from __future__ import annotations

import dataclasses
import datetime
import json
import subprocess

import pytest
import yaml

from recconv.formats.convert import convert_text
from recconv.formats.csl import date_from_csl, from_csl, to_csl
from recconv.formats.diagnostics import Diagnostic, Severity
from recconv.formats.readers import csljson, cslyaml
from recconv.formats.readers import page as page_reader
from recconv.formats.record import Classification, Date, Name, Origin, Record
from recconv.formats.registry import Options, Registry
from recconv.formats.writers import csljson as csljson_writer
from recconv.formats.writers import cslyaml as cslyaml_writer

from .conftest import GOLDEN, SAMPLES

REGISTRY = Registry([csljson.READER, cslyaml.READER],
                    [csljson_writer.WRITER, cslyaml_writer.WRITER])
GOLDEN_JSON = sorted(p.name for p in GOLDEN.glob("*.json"))


def read(text: str, reader=csljson, source: str = "in.json") -> list[Record | Diagnostic]:
    return list(reader.read(text.splitlines(), source))


def records(text: str, reader=csljson) -> list[Record]:
    found = read(text, reader)
    assert [str(d) for d in found if isinstance(d, Diagnostic)] == []
    return [dataclasses.replace(r, origin=None) for r in found]


def problems(found: list) -> list[str]:
    return [str(d) for d in found if isinstance(d, Diagnostic)]


def convert(text: str, source: str, to: str) -> str:
    output, found = convert_text(text, to=to, source=source, registry=REGISTRY)
    assert [str(d) for d in found] == []
    return output


# ---------------------------------------------------------------- dates

DATES = {
    "date-parts numbers": ({"date-parts": [[2019, 7, 15]]}, Date((2019, 7, 15))),
    "date-parts strings": ({"date-parts": [["2019", "07", "15"]]}, Date((2019, 7, 15))),
    "a year only": ({"date-parts": [[2019]]}, Date((2019,))),
    "a range": ({"date-parts": [[2019, 3], [2019, 5]]}, Date((2019, 3), (2019, 5))),
    "a season field": ({"date-parts": [[2019]], "season": 2}, Date((2019,), season="2")),
    "a season word": ({"date-parts": [[2019]], "season": "Summer"},
                      Date((2019,), season="Summer")),
    "a season as month 13-16": ({"date-parts": [[2019, 15]]}, Date((2019,), season="3")),
    "a season as EDTF month 21-24": ({"date-parts": [[2019, 24]]}, Date((2019,), season="4")),
    "circa": ({"date-parts": [[1850]], "circa": True}, Date((1850,), circa=True)),
    "circa as a number": ({"date-parts": [[1850]], "circa": 1}, Date((1850,), circa=True)),
    "a literal": ({"literal": "Spring term, 1851"}, Date(literal="Spring term, 1851")),
    "parts and a literal": ({"date-parts": [[1404], [1438]], "literal": "early 15th century"},
                            Date((1404,), (1438,), literal="early 15th century")),
    "raw ISO": ({"raw": "2019-07-15"}, Date((2019, 7, 15))),
    "raw year range": ({"raw": "2019/2020"}, Date((2019,), (2020,))),
    "raw month range": ({"raw": "2019-03/2019-05"}, Date((2019, 3), (2019, 5))),
    "raw EDTF season": ({"raw": "2019-21"}, Date((2019,), season="1")),
    "raw EDTF approximate": ({"raw": "1850~"}, Date((1850,), circa=True)),
    "raw circa": ({"raw": "circa 1850"}, Date((1850,), circa=True)),
    "raw ca.": ({"raw": "ca. 1850"}, Date((1850,), circa=True)),
    "raw month name first": ({"raw": "July 15, 2019"}, Date((2019, 7, 15))),
    "raw day first": ({"raw": "15 Jul 2019"}, Date((2019, 7, 15))),
    "raw season word": ({"raw": "Spring 2019"}, Date((2019,), season="1")),
    "raw months sharing a year": ({"raw": "May - June 2019"}, Date((2019, 5), (2019, 6))),
    "raw slashed": ({"raw": "2019/07/15"}, Date((2019, 7, 15))),
    "raw timestamp": ({"raw": "2019-07-15T10:30:00Z"}, Date((2019, 7, 15))),
    "raw unreadable": ({"raw": "n.d."}, Date(literal="n.d.")),
    "raw open range": ({"raw": "2019/.."}, Date(literal="2019/..")),
    "edtf key": ({"edtf": "2020-02"}, Date((2020, 2))),
    "a bare EDTF string": ("2019-07", Date((2019, 7))),
    "a bare year number": (2019, Date((2019,))),
    "a YAML date": (datetime.date(2019, 7, 15), Date((2019, 7, 15))),
    "pandoc-citeproc's list": ([{"year": 2012, "month": 3}], Date((2012, 3))),
}


@pytest.mark.parametrize("value, expected", DATES.values(), ids=DATES.keys())
def test_every_date_form_is_read_into_its_date(value, expected):
    assert date_from_csl(value) == expected


@pytest.mark.parametrize("value", [
    {"date-parts": [["spring"]]}, {"date-parts": [2019]}, {"date-parts": [[2019, 1, 2, 3]]},
    {"circa": True}, [2019], True,
])
def test_a_malformed_date_is_refused(value):
    with pytest.raises(ValueError):
        date_from_csl(value)


def test_dates_in_date_parts_form_are_written_back_as_they_were_read():
    for value in ({"date-parts": [[2019, 7, 15]]}, {"date-parts": [[2019]], "season": 2},
                  {"date-parts": [[1850]], "circa": True}, {"literal": "Spring term, 1851"},
                  {"date-parts": [[1404], [1438]], "circa": True, "literal": "early 1400s"}):
        item = {"id": "k", "type": "book", "issued": value}
        assert to_csl(from_csl(item), "k") == item


# ---------------------------------------------------------------- names

NAMES_ITEM = {
    "id": "names", "type": "book",
    "author": [
        {"family": "Rossum", "given": "Guido", "non-dropping-particle": "van"},
        {"family": "Humboldt", "given": "Alexander", "dropping-particle": "von"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr.", "comma-suffix": True},
        {"family": "Tu", "given": "Youyou", "static-ordering": True},
        {"family": "van Gogh", "given": "Vincent", "parse-names": False},
        {"literal": "World Health Organization"},
        {"family": "Watson", "given": "J. D.", "ORCID": "https://orcid.org/0000-0000-0000-0000",
         "affiliation": [{"name": "Cavendish Laboratory"}]},
    ],
    "editor": [{"family": "Plato"}],
}


def test_names_in_every_shape_are_read_with_what_name_has_no_slot_for_kept_by_position():
    assert records(json.dumps([NAMES_ITEM])) == [Record(
        type="book", id="names",
        names={"author": [
            Name("Rossum", "Guido", non_dropping_particle="van"),
            Name("Humboldt", "Alexander", dropping_particle="von"),
            Name("King", "Martin Luther", suffix="Jr."),
            Name("Tu", "Youyou"),
            Name("van Gogh", "Vincent"),
            Name(literal="World Health Organization"),
            Name("Watson", "J. D."),
        ], "editor": [Name("Plato")]},
        extra={"csl-author-3-comma-suffix": ["true"], "csl-author-4-static-ordering": ["true"],
               "csl-author-5-parse-names": ["false"],
               "csl-author-7-ORCID": ["https://orcid.org/0000-0000-0000-0000"],
               "csl-author-7-affiliation": ['[{"name": "Cavendish Laboratory"}]']})]


def test_names_come_back_with_every_attribute_they_were_read_with():
    assert to_csl(from_csl(NAMES_ITEM), "names") == NAMES_ITEM


def test_a_name_written_as_a_string_is_read_as_a_literal_name():
    item = {"id": "k", "type": "book", "author": ["Anonymous", {"family": "Smith"}]}
    assert from_csl(item).names == {"author": [Name(literal="Anonymous"), Name("Smith")]}


# ---------------------------------------------------------------- items and values


def test_a_single_item_an_array_and_an_items_object_read_alike():
    item = {"id": "a", "type": "book", "title": "T"}
    expected = [Record(type="book", id="a", fields={"title": "T"})]
    assert records(json.dumps(item)) == expected
    assert records(json.dumps([item])) == expected
    assert records(json.dumps({"items": [item]})) == expected


def test_each_record_starts_at_the_line_of_its_item():
    text = '[\n  {"id": "a", "type": "book"},\n\n  {\n    "id": "b", "type": "book"\n  }\n]'
    assert [r.origin for r in read(text)] == [Origin("in.json", 2), Origin("in.json", 4)]


def test_numbers_are_read_as_text():
    item = {"id": 7, "type": "article-journal", "volume": 12, "issue": 3, "page": 101,
            "number-of-pages": 23.0, "edition": "2"}
    assert records(json.dumps(item)) == [Record(
        type="article-journal", id="7",
        fields={"volume": "12", "issue": "3", "page": "101", "number-of-pages": "23",
                "edition": "2"})]


def test_keyword_is_split_on_commas_as_to_csl_joins_it():
    item = {"id": "k", "type": "book", "keyword": "exosome, tumor,T-CELLS, "}
    assert from_csl(item).keywords == ["exosome", "tumor", "T-CELLS"]
    assert from_csl({**item, "keyword": ["a", "b, c"]}).keywords == ["a", "b", "c"]


def test_custom_and_unknown_keys_are_kept_under_their_key_and_written_back_at_the_top():
    item = {"id": "k", "type": "book", "custom": {"short_id": "xyz", "other-ids": ["a1"]},
            "categories": ["history"], "system_id": "zotero|1/ABC", "read": True,
            "x.1.y": "a dotted key"}
    record = from_csl(item)
    assert record.extra == {"csl-custom": ['{"short_id": "xyz", "other-ids": ["a1"]}'],
                            "csl-categories": ['["history"]'], "csl-system_id": ["zotero|1/ABC"],
                            "csl-read": ["true"], "csl-x.1.y": ["a dotted key"]}
    assert to_csl(record, "k") == item


def test_old_spellings_of_variables_are_read_as_the_variable():
    item = {"id": "k", "type": "article-journal", "journalAbbreviation": "Nat Med",
            "shortTitle": "Artemisinin", "event": "NIPS 2017"}
    assert from_csl(item).fields == {"container-title-short": "Nat Med",
                                     "title-short": "Artemisinin", "event-title": "NIPS 2017"}
    both = {**item, "container-title-short": "Nat. Med."}
    assert from_csl(both).extra == {"csl-journalAbbreviation": ["Nat Med"]}


def test_our_note_lines_go_back_into_the_record_and_the_rest_stays_the_note():
    item = {"id": "k", "type": "article-journal", "author": [{"family": "Chen", "given": "Jiayi"}],
            "note": "Own note\nAffiliation: [Chen, Jiayi] Jilin Univ\nTimes cited: 0\n"
                    "CLC: R-3 [医学研究方法]\nbibtex-timestamp: 2020-01-01"}
    assert records(json.dumps(item)) == [Record(
        type="article-journal", id="k",
        names={"author": [Name("Chen", "Jiayi", affiliations=("Jilin Univ",))]},
        fields={"note": "Own note"},
        classifications=[Classification("CLC", "R-3", "医学研究方法")],
        extra={"times-cited": ["0"], "bibtex-timestamp": ["2020-01-01"]})]


def test_csl_variables_in_the_note_are_read_as_citeproc_js_reads_them():
    item = {"id": "k", "type": "book", "title": "T",
            "note": "original-date: 1850\ntitle: Not this one\n{:publisher-place: London}"
                    "\ntranslator: Otté || E. C.\ntype: classic\nKeep this line"}
    record = from_csl(item)
    assert record.type == "classic"
    assert record.dates == {"original-date": Date((1850,))}
    assert record.fields == {"title": "T", "publisher-place": "London",
                             "note": "title: Not this one\nKeep this line"}
    assert record.names == {"translator": [Name("Otté", "E. C.")]}


def test_an_item_without_an_id_gets_the_hint_and_one_without_a_type_is_a_document():
    found: list[Diagnostic] = []
    record = from_csl({"title": "T"}, item_id_hint="hint", problems=found)
    assert (record.id, record.type) == ("hint", "document")
    assert [(d.severity, d.message) for d in found] == [
        (Severity.WARNING, "the item has no type; read as a document")]


# ---------------------------------------------------------------- bad input

BAD_ITEMS = """[
  {"id": "good1", "type": "book", "title": "One"},
  "not an item",
  {"id": "strange", "type": "journal-article", "title": "Crossref's type"},
  {"id": "baddate", "type": "book", "issued": {"date-parts": [["spring"]]}, "title": "Kept"},
  {"id": "badname", "type": "book", "author": [{"family": "Ok"}, 42], "title": {"x": 1}},
  {"id": "good2", "type": "book", "title": "Two"}
]"""


def test_bad_items_are_reported_with_their_line_and_id_while_the_rest_convert():
    found = read(BAD_ITEMS)
    assert problems(found) == [
        "in.json:3: record item 2: error: an item must be an object, not a string; "
        "item not converted",
        "in.json:4: record strange: error: not a CSL item type: 'journal-article'; "
        "item not converted",
        "in.json:5: record baddate: error: issued: date-parts must be numbers: ['spring']; "
        "left out",
        "in.json:6: record badname: error: author: name 2 is a number, not an object; left out",
        "in.json:6: record badname: error: title: expected text or a number, not an object; "
        "left out",
    ]
    assert [(r.id, r.origin.line) for r in found if isinstance(r, Record)] == [
        ("good1", 2), ("baddate", 5), ("badname", 6), ("good2", 7)]


def test_invalid_json_is_one_error_with_line_and_column_after_the_items_before_it():
    text = '[\n  {"id": "a", "type": "book"},\n  {"id": "b", "type": "book",}\n]'
    found = read(text)
    assert [r.id for r in found if isinstance(r, Record)] == ["a"]
    assert problems(found) == [
        "in.json:3: error: invalid JSON: Expecting property name enclosed in double quotes "
        "(line 3, column 30); nothing after it is read"]


def test_a_missing_comma_and_trailing_text_are_syntax_errors_with_their_place():
    assert problems(read('[{"id": "a", "type": "book"}\n{"id": "b"}]')) == [
        "in.json:2: error: invalid JSON: Expecting ',' delimiter (line 2, column 1); "
        "nothing after it is read"]
    assert problems(read('{"id": "a", "type": "book"}\nrest')) == [
        "in.json:2: error: invalid JSON: Extra data after the end of the JSON value "
        "(line 2, column 1); nothing after it is read"]


@pytest.mark.parametrize("reader, expected", [
    (csljson, "in.json:1: error: the input is empty; expected CSL-JSON (an array of items)"),
    (cslyaml, "in.json:1: error: the input is empty; expected CSL-YAML "
              "(a references: list of items)"),
])
def test_empty_input_is_reported_as_empty(reader, expected):
    assert problems(read(" \n\n", reader)) == [expected]


def test_binary_junk_is_reported_and_nothing_hangs():
    junk = "\x00\x01\x7f\ufffd\x02 PK\x03\x04"
    assert problems(read(junk)) == [
        "in.json:1: error: not CSL-JSON: expected '[' or '{' at the start, found '\\x00'"]
    assert problems(read(junk, cslyaml)) == [
        "in.json:1: error: not YAML: character 0x0000 is not allowed (line 1); nothing is read"]


def test_an_empty_array_is_no_records_and_no_problem():
    assert read("[ ]") == []


# ---------------------------------------------------------------- YAML

YAML_DOCUMENT = """---
title: A paper citing two works
references:
- id: watson1953
  type: article-journal
  author:
  - family: Watson
    given: J. D.
  issued: 1953-04-25
  volume: 171
  title: 'Molecular structure of nucleic acids'
- id: darwin1859
  type: book
  issued:
    date-parts:
    - - 1859
  title: On the origin of species
...

The body of the document, *in Markdown*: [@watson1953].
"""


def test_pandoc_metadata_with_references_is_read_with_yaml_dates_and_numbers():
    found = read(YAML_DOCUMENT, cslyaml)
    assert problems(found) == []
    assert [r.origin.line for r in found] == [4, 12]
    assert [dataclasses.replace(r, origin=None) for r in found] == [
        Record(type="article-journal", id="watson1953", names={"author": [Name("Watson", "J. D.")]},
               dates={"issued": Date((1953, 4, 25))},
               fields={"volume": "171", "title": "Molecular structure of nucleic acids"}),
        Record(type="book", id="darwin1859", dates={"issued": Date((1859,))},
               fields={"title": "On the origin of species"}),
    ]


def test_a_bare_yaml_list_and_a_single_yaml_item_are_read():
    bare = "- id: a\n  type: book\n  title: T\n  issued: 2019-21\n"
    assert records(bare, cslyaml) == [Record(type="book", id="a", fields={"title": "T"},
                                              dates={"issued": Date((2019,), season="1")})]
    assert records("id: a\ntype: book\ntitle: T\nissued: 2019-21\n", cslyaml) == records(
        bare, cslyaml)


def test_invalid_yaml_is_reported_with_its_line():
    text = "---\nreferences:\n- id: a\n  type: book\n  title: [unclosed\n- id: b\n"
    assert problems(read(text, cslyaml)) == [
        "in.json:6: error: invalid YAML: expected ',' or ']', but got ':' (line 6, column 5); "
        "nothing is read"]


def test_a_bad_yaml_item_is_reported_at_its_line_and_the_others_convert():
    text = "- id: a\n  type: book\n- id: b\n  type: nonsense\n- id: c\n  type: book\n"
    found = read(text, cslyaml, "refs.yaml")
    assert problems(found) == [
        "refs.yaml:3: record b: error: not a CSL item type: 'nonsense'; item not converted"]
    assert [r.id for r in found if isinstance(r, Record)] == ["a", "c"]


def test_yaml_that_holds_no_items_is_reported():
    assert problems(read("title: Just a document\n", cslyaml)) == [
        "in.json:1: error: no CSL items: expected a list of items or a references: list"]


def test_the_yaml_writer_writes_a_metadata_block_a_yaml_parser_reads_as_one_document():
    record = Record(type="book", id="k", fields={"title": "yes", "volume": "6",
                                                 "note": "Line one\nLine two"},
                    dates={"issued": Date((2019, 7))})
    text = "".join(cslyaml_writer.write_cslyaml([record], Options()))
    assert text == ("---\nreferences:\n- id: k\n  type: book\n  issued:\n"
                    "    date-parts: [[2019, 7]]\n  title: 'yes'\n  volume: '6'\n"
                    "  note: |-\n    Line one\n    Line two\n...\n")
    assert yaml.safe_load(text) == {"references": [to_csl(record, "k")]}
    assert "".join(cslyaml_writer.write_cslyaml([], Options())) == "---\nreferences: []\n...\n"


# ---------------------------------------------------------------- round trips


def test_the_csl_json_sample_comes_back_with_every_key_and_value():
    text = (SAMPLES / "csl-items.json").read_text(encoding="utf-8")
    assert json.loads(convert(text, "csl-json", "csl-json")) == json.loads(text)


@pytest.mark.parametrize("golden", GOLDEN_JSON)
def test_our_own_csl_json_comes_back_identical(golden):
    text = (GOLDEN / golden).read_text(encoding="utf-8")
    assert convert(text, "csl-json", "csl-json") == text


@pytest.mark.parametrize("golden", GOLDEN_JSON)
def test_our_own_csl_json_through_csl_yaml_comes_back_identical(golden):
    text = (GOLDEN / golden).read_text(encoding="utf-8")
    through_yaml = convert(text, "csl-json", "csl-yaml")
    assert yaml.safe_load(through_yaml) == {"references": json.loads(text)}
    assert convert(through_yaml, "csl-yaml", "csl-json") == text


def test_the_csl_yaml_sample_comes_back_with_every_key_and_value():
    text = (SAMPLES / "csl-references.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(convert(text, "csl-yaml", "csl-yaml")) == yaml.safe_load(text)


def test_the_csl_json_sample_through_csl_yaml_comes_back_with_every_key_and_value():
    text = (SAMPLES / "csl-items.json").read_text(encoding="utf-8")
    back = convert(convert(text, "csl-json", "csl-yaml"), "csl-yaml", "csl-json")
    assert json.loads(back) == json.loads(text)


# ---------------------------------------------------------------- detection


def test_each_reader_claims_its_own_samples_and_not_the_other_formats():
    json_text = (SAMPLES / "csl-items.json").read_text(encoding="utf-8")
    yaml_text = (SAMPLES / "csl-references.yaml").read_text(encoding="utf-8")
    assert csljson.detect(json_text) == 0.95 and cslyaml.detect(json_text) == 0
    assert cslyaml.detect(yaml_text) == 0.9 and csljson.detect(yaml_text) == 0
    assert cslyaml.detect("- id: a\n  type: book\n") == 0.8
    assert csljson.detect('\ufeff  {"id": "a", "type": "book"}') == 0.95
    page = (SAMPLES / "record-page.txt").read_text(encoding="utf-8")
    others = [page, "@article{key,\n  title = {T},\n}\n", "TY  - JOUR\nTI  - T\nER  - \n",
              "[1] Chen J, Hu S. Exosomes. Medcomm, 2025.\n", "Just some text.\n", ""]
    for text in others:
        assert (csljson.detect(text), cslyaml.detect(text)) == (0, 0)
    assert page_reader.detect(yaml_text) == 0 and page_reader.detect(json_text) == 0


# ---------------------------------------------------------------- pandoc


def test_pandoc_reads_our_csl_yaml_with_the_same_items_as_our_csl_json(tmp_path):
    pypandoc = pytest.importorskip("pypandoc", reason="pandoc comes with the test extras")
    from . import test_pandoc

    text = (SAMPLES / "csl-items.json").read_text(encoding="utf-8")
    path = tmp_path / "references.md"
    path.write_text(convert(text, "csl-json", "csl-yaml"), encoding="utf-8")
    result = subprocess.run(
        [pypandoc.get_pandoc_path(), "--from", "markdown", "--to", "csljson", str(path)],
        capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    expected = [test_pandoc.essentials(item, "csl-json") for item in json.loads(convert(text, "csl-json",
                                                                            "csl-json"))]
    read_back = [test_pandoc.essentials(item, "csl-json") for item in json.loads(result.stdout)]
    assert sorted(read_back, key=lambda e: e["id"]) == sorted(expected, key=lambda e: e["id"])
