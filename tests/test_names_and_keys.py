"""Names, title casing and citation keys: the small pure pieces every reader and writer uses."""

from __future__ import annotations

import pytest

from recconv.formats.casing import title_case_capitals
from recconv.formats.citekeys import CitationKeys, base_key
from recconv.formats.names import parse_name
from recconv.formats.record import Date, Name, Record


@pytest.mark.parametrize("text, expected", [
    ("Chen, Jiayi", Name("Chen", "Jiayi")),
    ("O'Donnell, Joanne A.", Name("O'Donnell", "Joanne A.")),
    ("Alvarado-Cruz, Isabel", Name("Alvarado-Cruz", "Isabel")),
    ("van der Berg, Jan", Name("Berg", "Jan", non_dropping_particle="van der")),
    ("Ludwig van Beethoven", Name("Beethoven", "Ludwig", non_dropping_particle="van")),
    ("Murphy, John, Jr.", Name("Murphy", "John", suffix="Jr.")),
    ("Murphy, Jr., John", Name("Murphy", "John", suffix="Jr.")),
    ("Jiayi Chen", Name("Chen", "Jiayi")),
    ("World Health Organization", Name(literal="World Health Organization")),
    ("张三", Name("张", "三")),
    ("欧阳修", Name("欧阳", "修")),
    ("诸葛亮", Name("诸葛", "亮")),
    ("司马相如", Name("司马", "相如")),
    ("王 小明", Name("王", "小明")),
])
def test_names_are_split_into_csl_parts(text, expected):
    assert parse_name(text) == expected


def test_inverted_form_puts_particles_with_the_family_and_the_suffix_last():
    name = Name("Gogh", "Vincent", non_dropping_particle="van", suffix="Jr.")
    assert name.inverted() == "van Gogh, Vincent, Jr."
    assert Name(literal="WHO").inverted() == "WHO"


@pytest.mark.parametrize("text, expected", [
    ("FRONTIERS IN IMMUNOLOGY", "Frontiers in Immunology"),
    ("EXPERIMENTAL AND MOLECULAR MEDICINE", "Experimental and Molecular Medicine"),
    ("EXPERT OPINION ON BIOLOGICAL THERAPY", "Expert Opinion on Biological Therapy"),
    ("IEEE TRANSACTIONS ON MEDICAL IMAGING", "IEEE Transactions on Medical Imaging"),
    ("THE LANCET", "The Lancet"),
    ("BMC CANCER", "BMC Cancer"),
    ("JOURNAL OF EXPERIMENTAL & CLINICAL CANCER RESEARCH",
     "Journal of Experimental & Clinical Cancer Research"),
    ("Nature Communications", "Nature Communications"),
    ("中华医学杂志", "中华医学杂志"),
])
def test_journal_names_in_capitals_get_reference_list_case(text, expected):
    assert title_case_capitals(text) == expected


def record(family: str, year: int, title: str) -> Record:
    return Record(fields={"title": title}, names={"author": [parse_name(family)]},
                  dates={"issued": Date((year,))})


def test_keys_come_from_author_year_and_first_significant_title_word():
    assert base_key(record("Chen, Jiayi", 2025, "Exosomes: a double-edged sword")) == \
        "chen2025exosomes"
    assert base_key(record("Alvarado-Cruz, Isabel", 2020, "The double-edged sword")) == \
        "alvaradocruz2020double"
    assert base_key(record("Müller, Jörg", 2001, "Über alles")) == "muller2001uber"
    assert base_key(record("潘紫麟", 2021, "计算机辅助导航技术")) == "pan2021jisuan"
    assert base_key(Record()) == "record"


def test_colliding_keys_get_letter_suffixes_in_input_order():
    keys = CitationKeys()
    same = record("Chen, Jiayi", 2025, "Exosomes")
    assert [keys.assign(same) for _ in range(4)] == [
        "chen2025exosomes", "chen2025exosomesa", "chen2025exosomesb", "chen2025exosomesc"]


def test_a_key_the_source_gave_is_kept_when_free():
    keys = CitationKeys()
    given = Record(id="Smith:2001")
    assert keys.assign(given) == "Smith:2001"
    assert keys.assign(given) == "Smith:2001a"


def test_records_reject_variables_csl_does_not_have():
    with pytest.raises(ValueError, match="not CSL text variables: journal"):
        Record(fields={"journal": "X"})
    with pytest.raises(ValueError, match="not a CSL item type"):
        Record(type="journal-article")
