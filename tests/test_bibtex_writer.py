"""The BibTeX and BibLaTeX writers: golden entries for hand-built records, and the file parsing
back with bibtexparser."""

from __future__ import annotations

from collections.abc import Iterator

import bibtexparser
import pytest

from recconv.formats.diagnostics import Diagnostic, Severity
from recconv.formats.record import ITEM_TYPES, Classification, Date, Name, Origin, Record
from recconv.formats.registry import Options
from recconv.formats.writers import biblatex, bibtex
from recconv.formats.writers.biblatex import write_biblatex
from recconv.formats.writers.bibtex import protect_title, write_bibtex

JILIN = "Jilin Univ, Sch Life Sci, Changchun 130012, Peoples R China"
SPECIAL = r"50% & $5 #1 under_score {brace ~tilde ^caret \backslash"

# BibTeX's standard entry types, and biblatex's regular and non-standard ones (manual §2.1).
BIBTEX_TYPES = set("""article book booklet conference inbook incollection inproceedings manual
mastersthesis misc phdthesis proceedings techreport unpublished""".split())
BIBLATEX_TYPES = set("""article book mvbook inbook bookinbook suppbook booklet collection
mvcollection incollection suppcollection dataset manual misc online patent periodical
suppperiodical proceedings mvproceedings inproceedings reference mvreference inreference report
set software thesis unpublished artwork audio bibnote commentary image jurisdiction legislation
legal letter movie music performance review standard video""".split())


def seed() -> Record:
    return Record(
        type="article-journal",
        fields={"title": "Exosomes: a double-edged sword in cancer immunotherapy",
                "container-title": "Medcomm", "volume": "6", "issue": "3",
                "DOI": "10.1002/mco2.70095",
                "abstract": "Exosomes shape the tumor microenvironment (TME).",
                "number-of-pages": "23", "language": "en"},
        names={"author": [Name(family="Chen", given="Jiayi", affiliations=(JILIN,)),
                          Name(family="Hu", given="Siyuan", affiliations=(JILIN,))]},
        dates={"issued": Date((2025,))},
        keywords=["exosome", "immune stimulatory", "TUMOR MICROENVIRONMENT"],
        classifications=[Classification("CLC", "R-3", "医学研究方法"),
                         Classification("CLC", "R3", "基础医学"),
                         Classification("discipline", "1001")],
        extra={"times-cited": ["0"], "original-container-title": ["MEDCOMM"]},
        origin=Origin("seed.txt", 1), id="chen2025exosomes")


def chinese() -> Record:
    school, hospital = "吉林大学生命科学学院, 长春 130012", "吉林大学第一医院, 长春 130021"
    return Record(
        type="article-journal",
        fields={"title": "基于深度学习的肺结节CT图像检测研究", "container-title": "中华医学杂志",
                "volume": "99", "issue": "3", "page": "161-165", "language": "zh-CN"},
        names={"author": [Name(family="张", given="三", affiliations=(school,)),
                          Name(family="李", given="四", affiliations=(school, hospital))]},
        dates={"issued": Date((2019, 3))}, keywords=["肺结节", "深度学习"],
        classifications=[Classification("CLC", "R563", "肺疾病")],
        extra={"unlinked-affiliation": ["吉林大学"]}, id="zhang2019jiyu")


def book() -> Record:
    return Record(
        type="book",
        fields={"title": "Statistical Methods for Research Workers",
                "collection-title": "Biological Monographs and Manuals",
                "collection-number": "5", "edition": "14", "publisher": "Oliver & Boyd",
                "publisher-place": "Edinburgh", "ISBN": "978-0-05-002170-5",
                "number-of-pages": "362"},
        names={"author": [Name(family="Gogh", given="Vincent", non_dropping_particle="van"),
                          Name(family="King", given="Martin Luther", suffix="Jr.")],
               "editor": [Name(literal="World Health Organization")]},
        dates={"issued": Date((1970,))}, id="vangogh1970statistical")


def thesis(genre: str = "硕士") -> Record:
    return Record(
        type="thesis",
        fields={"title": "肿瘤微环境中外泌体的作用研究", "genre": genre, "publisher": "吉林大学",
                "publisher-place": "长春"},
        names={"author": [Name(family="王", given="五")]}, dates={"issued": Date((2021, 6))},
        id="wang2021zhongliu")


def chapter() -> Record:
    return Record(
        type="chapter",
        fields={"title": "Exosome biogenesis and the ESCRT machinery",
                "container-title": "Handbook of Extracellular Vesicles", "page": "605-609",
                "publisher": "Springer", "publisher-place": "Cham", "chapter-number": "12"},
        names={"author": [Name(family="Balhara", given="J.")],
               "editor": [Name(family="Gounni", given="A. S."),
                          Name(family="Smith", given="Jane")]},
        dates={"issued": Date((2012,))}, id="balhara2012exosome")


def conference() -> Record:
    return Record(
        type="paper-conference",
        fields={"title": "Deep residual learning for image recognition",
                "container-title": "Proceedings of the IEEE Conference on Computer Vision "
                                   "and Pattern Recognition",
                "event-title": "CVPR 2016", "event-place": "Las Vegas, NV", "page": "770–778",
                "DOI": "10.1109/CVPR.2016.90"},
        names={"author": [Name(family="He", given="Kaiming"),
                          Name(family="Zhang", given="Xiangyu")]},
        dates={"issued": Date((2016, 6)), "event-date": Date((2016, 6, 27), end=(2016, 6, 30))},
        id="he2016deep")


def webpage() -> Record:
    return Record(
        type="webpage",
        fields={"title": "WHO Coronavirus (COVID-19) Dashboard",
                "container-title": "World Health Organization",
                "URL": "https://data.who.int/dashboards/covid19/cases?n=c#top"},
        names={"author": [Name(literal="World Health Organization")]},
        dates={"issued": Date((2023,)), "accessed": Date((2024, 5, 1))}, id="who2023covid")


def special() -> Record:
    return Record(
        type="report",
        fields={"title": SPECIAL, "note": SPECIAL, "publisher": "R&D Lab #5", "number": "TR_7",
                "URL": "https://example.org/a b/{x}%20#y"},
        names={"author": [Name(family="O'Brien", given="Anne")]}, dates={"issued": Date((2020,))},
        id="obrien2020special")


def unslotted() -> Record:
    return Record(
        type="article-newspaper",
        fields={"title": "Trial results", "container-title": "The Times", "section": "Science",
                "PMID": "27870403", "PMCID": "PMC5123456", "original-title": "Résultats"},
        names={"author": [Name(family="Roe", given="Ann")],
               "collection-editor": [Name(family="Doe", given="Jo")]},
        dates={"issued": Date((2023, 9, 21)), "submitted": Date((2023, 8, 1))},
        extra={"related": ["luan2018inflammasome", "balhara2012alveolar"]}, id="roe2023trial")


def bibtex_of(*records: Record) -> str:
    return "".join(chunk for chunk in write_bibtex(records, Options()) if isinstance(chunk, str))


def biblatex_of(*records: Record) -> str:
    return "".join(chunk for chunk in write_biblatex(records, Options()) if isinstance(chunk, str))


def test_the_seed_article_is_a_bibtex_article_with_affiliations_and_extension_fields():
    assert bibtex_of(seed()) == """\
@article{chen2025exosomes,
  author = {Chen, Jiayi and Hu, Siyuan},
  title = {Exosomes: a double-edged sword in cancer immunotherapy},
  journal = {Medcomm},
  year = {2025},
  volume = {6},
  number = {3},
  pagetotal = {23},
  doi = {10.1002/mco2.70095},
  language = {english},
  keywords = {exosome, immune stimulatory, TUMOR MICROENVIRONMENT},
  abstract = {Exosomes shape the tumor microenvironment (TME).},
  affiliation = {[Chen, Jiayi; Hu, Siyuan] Jilin Univ, Sch Life Sci, Changchun 130012, Peoples R China},
  times-cited = {0},
  original-container-title = {MEDCOMM},
  clc = {R-3 [医学研究方法]; R3 [基础医学]},
  discipline = {1001},
}

"""


def test_the_seed_article_in_biblatex_has_journaltitle_and_an_iso_date():
    assert biblatex_of(seed()) == """\
@article{chen2025exosomes,
  author = {Chen, Jiayi and Hu, Siyuan},
  title = {Exosomes: a double-edged sword in cancer immunotherapy},
  journaltitle = {Medcomm},
  date = {2025},
  volume = {6},
  number = {3},
  pagetotal = {23},
  doi = {10.1002/mco2.70095},
  langid = {english},
  keywords = {exosome, immune stimulatory, TUMOR MICROENVIRONMENT},
  abstract = {Exosomes shape the tumor microenvironment (TME).},
  affiliation = {[Chen, Jiayi; Hu, Siyuan] Jilin Univ, Sch Life Sci, Changchun 130012, Peoples R China},
  times-cited = {0},
  original-container-title = {MEDCOMM},
  clc = {R-3 [医学研究方法]; R3 [基础医学]},
  discipline = {1001},
}

"""


def test_chinese_names_are_written_family_comma_given_and_unlinked_affiliations_kept():
    assert bibtex_of(chinese()) == """\
@article{zhang2019jiyu,
  author = {张, 三 and 李, 四},
  title = {基于深度学习的肺结节{CT}图像检测研究},
  journal = {中华医学杂志},
  year = {2019},
  month = mar,
  volume = {99},
  number = {3},
  pages = {161--165},
  language = {zh-CN},
  keywords = {肺结节, 深度学习},
  affiliation = {[张, 三; 李, 四] 吉林大学生命科学学院, 长春 130012; [李, 四] 吉林大学第一医院, 长春 130021; 吉林大学},
  clc = {R563 [肺疾病]},
}

"""


def test_a_book_keeps_particles_suffixes_and_organisation_names():
    assert bibtex_of(book()) == """\
@book{vangogh1970statistical,
  author = {van Gogh, Vincent and King, Jr., Martin Luther},
  editor = {{World Health Organization}},
  title = {Statistical Methods for Research Workers},
  year = {1970},
  pagetotal = {362},
  series = {Biological Monographs and Manuals},
  number = {5},
  edition = {14},
  publisher = {Oliver \\& Boyd},
  address = {Edinburgh},
  isbn = {978-0-05-002170-5},
}

"""


def test_a_masters_thesis_is_mastersthesis_in_bibtex_and_thesis_with_type_in_biblatex():
    assert bibtex_of(thesis()) == """\
@mastersthesis{wang2021zhongliu,
  author = {王, 五},
  title = {肿瘤微环境中外泌体的作用研究},
  year = {2021},
  month = jun,
  type = {硕士},
  school = {吉林大学},
  address = {长春},
}

"""
    assert biblatex_of(thesis()) == """\
@thesis{wang2021zhongliu,
  author = {王, 五},
  title = {肿瘤微环境中外泌体的作用研究},
  date = {2021-06},
  type = {硕士},
  institution = {吉林大学},
  location = {长春},
}

"""


@pytest.mark.parametrize("genre, entry_type", [
    ("硕士", "mastersthesis"), ("Master's thesis", "mastersthesis"), ("博士", "phdthesis"),
    ("PhD thesis", "phdthesis"), ("", "phdthesis"),
])
def test_the_thesis_genre_chooses_the_bibtex_entry_type(genre, entry_type):
    assert bibtex.entry_type(thesis(genre), bibtex.BIBTEX) == entry_type
    assert bibtex.entry_type(thesis(genre), biblatex.BIBLATEX) == "thesis"


def test_a_chapter_is_an_incollection_with_its_book_as_booktitle():
    assert bibtex_of(chapter()) == """\
@incollection{balhara2012exosome,
  author = {Balhara, J.},
  editor = {Gounni, A. S. and Smith, Jane},
  title = {Exosome biogenesis and the {ESCRT} machinery},
  booktitle = {Handbook of Extracellular Vesicles},
  year = {2012},
  pages = {605--609},
  chapter = {12},
  publisher = {Springer},
  address = {Cham},
}

"""


def test_a_conference_paper_keeps_its_event_in_both_dialects():
    assert bibtex_of(conference()) == """\
@inproceedings{he2016deep,
  author = {He, Kaiming and Zhang, Xiangyu},
  title = {Deep residual learning for image recognition},
  booktitle = {Proceedings of the {IEEE} Conference on Computer Vision and Pattern Recognition},
  year = {2016},
  month = jun,
  pages = {770--778},
  address = {Las Vegas, NV},
  doi = {10.1109/CVPR.2016.90},
  event-title = {CVPR 2016},
  event-date = {2016-06-27/2016-06-30},
}

"""
    assert biblatex_of(conference()) == """\
@inproceedings{he2016deep,
  author = {He, Kaiming and Zhang, Xiangyu},
  title = {Deep residual learning for image recognition},
  booktitle = {Proceedings of the {IEEE} Conference on Computer Vision and Pattern Recognition},
  eventtitle = {{CVPR} 2016},
  date = {2016-06},
  pages = {770--778},
  venue = {Las Vegas, NV},
  eventdate = {2016-06-27/2016-06-30},
  doi = {10.1109/CVPR.2016.90},
}

"""


def test_a_webpage_is_misc_in_bibtex_and_online_in_biblatex_with_its_access_date():
    assert bibtex_of(webpage()) == """\
@misc{who2023covid,
  author = {{World Health Organization}},
  title = {{WHO} Coronavirus ({COVID}-19) Dashboard},
  howpublished = {World Health Organization},
  year = {2023},
  urldate = {2024-05-01},
  url = {https://data.who.int/dashboards/covid19/cases?n=c#top},
  csl-type = {webpage},
}

"""
    assert biblatex_of(webpage()) == """\
@online{who2023covid,
  author = {{World Health Organization}},
  title = {{WHO} Coronavirus ({COVID}-19) Dashboard},
  organization = {World Health Organization},
  date = {2023},
  urldate = {2024-05-01},
  url = {https://data.who.int/dashboards/covid19/cases?n=c#top},
}

"""


def test_special_characters_are_escaped_and_urls_only_percent_encoded():
    escaped = (r"50\% \& \$5 \#1 under\_score \textbraceleft{}brace \textasciitilde{}tilde "
               r"\textasciicircum{}caret \textbackslash{}backslash")
    assert bibtex_of(special()) == f"""\
@techreport{{obrien2020special,
  author = {{O'Brien, Anne}},
  title = {{{escaped}}},
  year = {{2020}},
  number = {{TR\\_7}},
  institution = {{R\\&D Lab \\#5}},
  url = {{https://example.org/a%20b/%7Bx%7D%20#y}},
  note = {{{escaped}}},
}}

"""


def test_variables_with_no_slot_become_custom_fields_and_pubmed_ids_eprints():
    assert bibtex_of(unslotted()) == """\
@article{roe2023trial,
  author = {Roe, Ann},
  title = {Trial results},
  journal = {The Times},
  year = {2023},
  month = sep,
  date = {2023-09-21},
  csl-type = {article-newspaper},
  section = {Science},
  pmid = {27870403},
  pmcid = {PMC5123456},
  original-title = {Résultats},
  collection-editor = {Doe, Jo},
  submitted = {2023-08-01},
  x-related = {luan2018inflammasome; balhara2012alveolar},
}

"""
    assert biblatex_of(unslotted()) == """\
@article{roe2023trial,
  author = {Roe, Ann},
  title = {Trial results},
  origtitle = {Résultats},
  journaltitle = {The Times},
  date = {2023-09-21},
  eprint = {27870403},
  eprinttype = {pubmed},
  entrysubtype = {magazine},
  csl-type = {article-newspaper},
  section = {Science},
  pmcid = {PMC5123456},
  collection-editor = {Doe, Jo},
  submitted = {2023-08-01},
  x-related = {luan2018inflammasome; balhara2012alveolar},
}

"""


@pytest.mark.parametrize("title, protected", [
    ("Exosomes: A Double-Edged Sword", "Exosomes: {A} Double-Edged Sword"),
    ("MedComm and mRNA in the iPhone era", "{MedComm} and {mRNA} in the {iPhone} era"),
    ("DNA repair in the tumour microenvironment (TME)",
     "{DNA} repair in the tumour microenvironment ({TME})"),
    ("T cells and Annexin A1", "T cells and Annexin {A1}"),
    ("The role of T cells", "The role of {T} cells"),
    ("O'Donnell's law", "{O'Donnell's} law"),
])
def test_titles_protect_acronyms_and_inner_capitals_but_not_title_case_words(title, protected):
    assert protect_title(title) == protected


@pytest.mark.parametrize("item_type", sorted(ITEM_TYPES))
def test_every_csl_item_type_has_a_documented_entry_type_in_both_dialects(item_type):
    record = Record(type=item_type)
    assert bibtex.entry_type(record, bibtex.BIBTEX) in BIBTEX_TYPES
    assert bibtex.entry_type(record, biblatex.BIBLATEX) in BIBLATEX_TYPES


@pytest.mark.parametrize("dialect, write", [
    (bibtex.BIBTEX, write_bibtex), (biblatex.BIBLATEX, write_biblatex),
])
def test_the_output_parses_back_with_bibtexparser_field_for_field(dialect, write):
    records = [seed(), chinese(), book(), thesis(), chapter(), conference(), webpage(),
               special(), unslotted()]
    text = "".join(chunk for chunk in write(records, Options()) if isinstance(chunk, str))
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == [record.id for record in records]
    for entry, record in zip(library.entries, records, strict=True):
        bib_type = bibtex.entry_type(record, dialect)
        written = bibtex.entry_fields(record, dialect, bib_type)
        assert entry.entry_type == bib_type
        assert [(f.key, f.value) for f in entry.fields] == [
            (name, value[1:-1] if value.startswith("{") else value) for name, value in written]
    seed_fields = library.entries[0].fields_dict
    assert seed_fields["author"].value == "Chen, Jiayi and Hu, Siyuan"
    assert seed_fields["doi"].value == "10.1002/mco2.70095"


def test_entries_are_written_as_records_arrive():
    def records() -> Iterator[Record]:
        yield seed()
        raise AssertionError("the writer asked for a second record before writing the first")

    for write in (write_bibtex, write_biblatex):
        first_text = next(c for c in write(records(), Options()) if isinstance(c, str))
        assert first_text.startswith("@article{chen2025exosomes,")


def test_what_no_field_can_carry_is_reported_with_file_line_and_record():
    record = book()
    record.names["editor"] = [Name(family="Roe", given="Ann", affiliations=("Oxford Univ",))]
    record.dates["issued"] = Date((1970,), season="Michaelmas")
    record.origin = Origin("books.txt", 12)
    output = list(write_bibtex([record], Options()))
    problems = [item for item in output if isinstance(item, Diagnostic)
                and item.severity is not Severity.NOTE]
    assert [str(p) for p in problems] == [
        "books.txt:12: record vangogh1970statistical: warning: affiliations of editor names "
        "are not written (only authors' are)",
        "books.txt:12: record vangogh1970statistical: warning: season 'Michaelmas' of issued "
        "is not written: no date form holds it",
    ]
    assert isinstance(output[-1], str) and output[-1].startswith("@book{vangogh1970statistical,")


def test_a_known_season_and_circa_are_kept_in_the_date():
    record = book()
    record.dates["issued"] = Date((1970,), season="Spring", circa=True)
    assert "  date = {1970-21~},\n" in biblatex_of(record)
    assert "  year = {1970},\n  date = {1970-21~},\n" in bibtex_of(record)


def test_a_record_without_a_usable_citation_key_is_reported_and_not_written():
    record = seed()
    record.id = "chen 2025"
    output = list(write_bibtex([record, book()], Options()))
    assert output[0].severity is Severity.ERROR
    assert str(output[0]) == ("seed.txt:1: record chen 2025: error: cannot be written: "
                              "'chen 2025' is not a usable citation key")
    assert output[1].startswith("@book{vangogh1970statistical,")


def test_the_bib_suffix_belongs_to_bibtex_and_biblatex_has_its_alias():
    assert (bibtex.WRITER.name, bibtex.WRITER.aliases, bibtex.WRITER.suffixes) == (
        "bibtex", ("bib",), (".bib",))
    assert (biblatex.WRITER.name, biblatex.WRITER.aliases, biblatex.WRITER.suffixes) == (
        "biblatex", ("bltx",), ())
