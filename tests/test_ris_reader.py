"""The RIS reader: tags to CSL variables type by type, dates, faults, and round trips."""

from __future__ import annotations

import collections
import lzma
import re
from pathlib import Path

import pytest

from recconv.formats.diagnostics import Diagnostic, Severity
from recconv.formats.readers import page
from recconv.formats.readers.ris import TY_TYPES, detect, parse_date, read
from recconv.formats.record import Classification, Date, Name, Origin, Record
from recconv.formats.registry import Options
from recconv.formats.writers.ris import write_ris

from .conftest import SAMPLES

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "citesource_wos_early.ris.xz"


def read_ris(text: str, source: str = "in.ris") -> tuple[list[Record], list[Diagnostic]]:
    items = list(read(text.splitlines(), source))
    return ([i for i in items if isinstance(i, Record)],
            [i for i in items if isinstance(i, Diagnostic)])


def only(text: str) -> Record:
    records, diagnostics = read_ris(text)
    assert diagnostics == []
    assert len(records) == 1
    return records[0]


def ris(*records: Record) -> str:
    return "".join(c for c in write_ris(records, Options()) if isinstance(c, str))


def tag_values(text: str) -> collections.Counter:
    """(tag, value) pairs of a RIS text, ER apart: the multiset a round trip must keep."""
    return collections.Counter(
        (m[1], m[2].strip()) for m in re.finditer(r"^([A-Z][A-Z0-9])  - ?(.*)$", text, re.M)
        if m[1] != "ER")


# --- one record of each kind --------------------------------------------------------------

def test_a_journal_article_reads_into_csl_variables():
    record = only("""TY  - JOUR
AU  - Watson, J. D.
AU  - Crick, F. H. C.
TI  - Molecular structure of nucleic acids
JO  - Nature
JA  - Nature
PY  - 1953
DA  - 1953/04/25/
VL  - 171
IS  - 4356
SP  - 737
EP  - 738
SN  - 0028-0836
DO  - https://doi.org/10.1038/171737a0
UR  - https://www.nature.com/articles/171737a0
ER  - """)
    assert record == Record(
        type="article-journal",
        fields={"title": "Molecular structure of nucleic acids", "container-title": "Nature",
                "container-title-short": "Nature", "volume": "171", "issue": "4356",
                "page": "737-738", "ISSN": "0028-0836", "DOI": "10.1038/171737a0",
                "URL": "https://www.nature.com/articles/171737a0"},
        names={"author": [Name("Watson", "J. D."), Name("Crick", "F. H. C.")]},
        dates={"issued": Date((1953, 4, 25))},
        origin=Origin("in.ris", 1))


def test_a_book_reads_its_series_from_t2_its_page_count_from_sp_and_its_editor_from_a3():
    record = only("""TY  - BOOK
AU  - Abelson, Harold
AU  - Sussman, Gerald Jay
A3  - Sussman, Julie
TI  - Structure and interpretation of computer programs
T2  - MIT Electrical Engineering and Computer Science Series
PY  - 1996
SP  - 657
ET  - 2
PB  - MIT Press
CY  - Cambridge, MA
SN  - 0-262-51087-1
ER  - """)
    assert record == Record(
        type="book",
        fields={"title": "Structure and interpretation of computer programs",
                "collection-title": "MIT Electrical Engineering and Computer Science Series",
                "number-of-pages": "657", "edition": "2", "publisher": "MIT Press",
                "publisher-place": "Cambridge, MA", "ISBN": "0-262-51087-1"},
        names={"author": [Name("Abelson", "Harold"), Name("Sussman", "Gerald Jay")],
               "editor": [Name("Sussman", "Julie")]},
        dates={"issued": Date((1996,))},
        origin=Origin("in.ris", 1))


def test_a_chapter_reads_its_book_from_t2_and_its_editors_from_a2_and_ed():
    record = only("""TY  - CHAP
AU  - Dijkstra, Edsger W.
A2  - Dahl, Ole-Johan
ED  - Hoare, C. A. R.
TI  - Notes on structured programming
T2  - Structured programming
T3  - A.P.I.C. Studies in Data Processing
PY  - 1972
SP  - 1
EP  - 82
PB  - Academic Press
CY  - London
ER  - """)
    assert record == Record(
        type="chapter",
        fields={"title": "Notes on structured programming",
                "container-title": "Structured programming",
                "collection-title": "A.P.I.C. Studies in Data Processing", "page": "1-82",
                "publisher": "Academic Press", "publisher-place": "London"},
        names={"author": [Name("Dijkstra", "Edsger W.")],
               "editor": [Name("Dahl", "Ole-Johan"), Name("Hoare", "C. A. R.")]},
        dates={"issued": Date((1972,))},
        origin=Origin("in.ris", 1))
    assert "A2  - Dahl, Ole-Johan\nA2  - Hoare, C. A. R.\n" in ris(record)


def test_a_conference_paper_reads_its_proceedings_and_its_place_from_c1():
    record = only("""TY  - CONF
AU  - Vaswani, Ashish
A2  - Guyon, I.
TI  - Attention is all you need
T2  - Advances in Neural Information Processing Systems 30
C1  - Long Beach, CA
PY  - 2017
SP  - 5998
EP  - 6008
PB  - Curran Associates
ER  - """)
    assert record == Record(
        type="paper-conference",
        fields={"title": "Attention is all you need",
                "container-title": "Advances in Neural Information Processing Systems 30",
                "event-place": "Long Beach, CA", "page": "5998-6008",
                "publisher": "Curran Associates"},
        names={"author": [Name("Vaswani", "Ashish")], "editor": [Name("Guyon", "I.")]},
        dates={"issued": Date((2017,))},
        extra={"ris-ty": ["CONF"]},
        origin=Origin("in.ris", 1))


def test_a_thesis_reads_its_university_from_pb_and_its_kind_from_m3():
    record = only("""TY  - THES
AU  - Shannon, Claude Elwood
TI  - An algebra for theoretical genetics
PY  - 1940
PB  - Massachusetts Institute of Technology
CY  - Cambridge, MA
M3  - PhD thesis
SP  - 69
ER  - """)
    assert record == Record(
        type="thesis",
        fields={"title": "An algebra for theoretical genetics",
                "publisher": "Massachusetts Institute of Technology",
                "publisher-place": "Cambridge, MA", "genre": "PhD thesis",
                "number-of-pages": "69"},
        names={"author": [Name("Shannon", "Claude Elwood")]},
        dates={"issued": Date((1940,))},
        origin=Origin("in.ris", 1))


def test_a_report_reads_its_number_from_sn_or_m1_and_its_series_from_t2():
    record = only("""TY  - RPRT
AU  - Bush, Vannevar
TI  - Science, the endless frontier
T2  - Reports to the President
PY  - 1945
DA  - 1945/07//
PB  - United States Government Printing Office
CY  - Washington, DC
SN  - OSRD-1945-1
M3  - Report to the President
ER  - """)
    assert record == Record(
        type="report",
        fields={"title": "Science, the endless frontier",
                "collection-title": "Reports to the President",
                "publisher": "United States Government Printing Office",
                "publisher-place": "Washington, DC", "number": "OSRD-1945-1",
                "genre": "Report to the President"},
        names={"author": [Name("Bush", "Vannevar")]},
        dates={"issued": Date((1945, 7))},
        origin=Origin("in.ris", 1))
    assert only("TY  - RPRT\nM1  - 42\nER  - ").get("number") == "42"


def test_a_patent_reads_its_number_and_assignee():
    record = only("""TY  - PAT
AU  - Cohen, Stanley N.
AU  - Boyer, Herbert W.
TI  - Process for producing biologically functional molecular chimeras
PY  - 1980
DA  - 1980/12/02/
PB  - Board of Trustees of the Leland Stanford Jr. University
SN  - US 4,237,224
N1  - submitted: 1979-01-04
ER  - """)
    assert record == Record(
        type="patent",
        fields={"title": "Process for producing biologically functional molecular chimeras",
                "publisher": "Board of Trustees of the Leland Stanford Jr. University",
                "number": "US 4,237,224"},
        names={"author": [Name("Cohen", "Stanley N."), Name("Boyer", "Herbert W.")]},
        dates={"issued": Date((1980, 12, 2)), "submitted": Date((1979, 1, 4))},
        origin=Origin("in.ris", 1))


def test_a_webpage_reads_its_access_date_from_y2():
    record = only("""TY  - ELEC
AU  - Citation Style Language project
TI  - Citation Style Language 1.0.2 specification
T2  - Citation Style Language documentation
UR  - https://docs.citationstyles.org/en/stable/specification.html
Y2  - 2024/05/01/
ER  - """)
    assert record == Record(
        type="webpage",
        fields={"title": "Citation Style Language 1.0.2 specification",
                "container-title": "Citation Style Language documentation",
                "URL": "https://docs.citationstyles.org/en/stable/specification.html"},
        names={"author": [Name(literal="Citation Style Language project")]},
        dates={"accessed": Date((2024, 5, 1))},
        origin=Origin("in.ris", 1))


def test_a_cnki_style_chinese_record_reads_its_names_keywords_and_date():
    record = only("""TY  - JOUR
AU  - 潘紫麟
AU  - 刘庆鹏
AD  - 哈尔滨医科大学附属第二医院骨科
T1  - 计算机辅助导航技术在脊柱外科中的应用
JF  - 医学综述
Y1  - 2021-06-10
PY  - 2021
VL  - 27
IS  - 11
SP  - 2190
EP  - 2194
KW  - 脊柱疾病;计算机辅助；导航技术;
SN  - 1006-2084
CN  - 11-3553/R
DB  - CNKI
ER  - """)
    hospital = ("哈尔滨医科大学附属第二医院骨科",)
    assert record == Record(
        type="article-journal",
        fields={"title": "计算机辅助导航技术在脊柱外科中的应用", "container-title": "医学综述",
                "volume": "27", "issue": "11", "page": "2190-2194", "ISSN": "1006-2084",
                "call-number": "11-3553/R", "archive": "CNKI"},
        names={"author": [Name("潘", "紫麟"), Name("刘", "庆鹏")]},
        dates={"issued": Date((2021, 6, 10))},
        keywords=["脊柱疾病", "计算机辅助", "导航技术"],
        extra={"unlinked-affiliation": list(hospital)},
        origin=Origin("in.ris", 1))


# --- dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("2019", Date((2019,))),
    ("2019/", Date((2019,))),
    ("2019///", Date((2019,))),
    ("2019/07/15/", Date((2019, 7, 15))),
    ("2019/07/15", Date((2019, 7, 15))),
    ("2019/07//", Date((2019, 7))),
    ("2019///Spring", Date((2019,), season="Spring")),
    ("2019/07/15/online first", Date((2019, 7, 15), season="online first")),
    ("2019/Jul/15/", Date((2019, 7, 15))),
    ("2019-07-15", Date((2019, 7, 15))),
    ("2019-07", Date((2019, 7))),
    ("2019-07-15 10:22:01", Date((2019, 7, 15))),
    ("Spring 2019", Date(literal="Spring 2019")),
    ("2019/13/01/", Date(literal="2019/13/01/")),
])
def test_every_ris_date_form_reads_as_a_csl_date(text, date):
    assert parse_date(text)[0] == date


@pytest.mark.parametrize("tag", ["PY", "DA", "Y1"])
def test_the_issued_date_comes_from_py_da_or_y1(tag):
    assert only(f"TY  - JOUR\n{tag}  - 2019///Spring\nER  - ").dates == {
        "issued": Date((2019,), season="Spring")}


def test_da_is_preferred_to_py_and_a_py_that_disagrees_is_kept_and_written_back():
    record = only("TY  - JOUR\nPY  - 2020\nDA  - 2019/12/01/\nER  - ")
    assert record.dates["issued"] == Date((2019, 12, 1))
    assert record.extra == {"ris-py": ["2020"]}
    assert tag_values(ris(record)) == tag_values("TY  - JOUR\nPY  - 2020\nDA  - 2019/12/01/")


def test_a_date_that_cannot_be_read_is_kept_as_written_with_a_warning():
    records, diagnostics = read_ris("TY  - JOUR\nTI  - X\nDA  - sometime in 2019\nER  - ")
    assert records[0].dates["issued"] == Date(literal="sometime in 2019")
    assert [str(d) for d in diagnostics] == [
        "in.ris:1: record 'X': warning: DA date 'sometime in 2019' not read; kept as written; "
        "expected '2019', '2019/07/15/' or '2019///Spring'"]
    assert "DA  - sometime in 2019\n" in ris(records[0])


# --- faults of real files -----------------------------------------------------------------

def test_wrapped_lines_are_joined_and_continued_keywords_are_keywords_of_their_own():
    record = only("""TY  - JOUR
TI  - Youths' Perceptions of and Attitudes
   Towards the Ifugao Rice Terraces
AB  - First line of the abstract
second line of the abstract
KW  - Youth
Ifugao Rice Terraces
attitude
US - Mexico border
ER  - """)
    assert record.get("title") == (
        "Youths' Perceptions of and Attitudes Towards the Ifugao Rice Terraces")
    assert record.get("abstract") == "First line of the abstract second line of the abstract"
    assert record.keywords == ["Youth", "Ifugao Rice Terraces", "attitude", "US - Mexico border"]


def test_a_byte_order_mark_on_the_first_line_is_ignored():
    record = only("\ufeffTY  - JOUR\nTI  - T\nER  - ")
    assert (record.type, record.get("title")) == ("article-journal", "T")


def test_tag_lines_are_read_with_lower_case_tags_one_space_or_no_space_after_the_dash():
    record = only("ty  - BOOK\nti - One space\nPB  -No space\nCY  -\nER  -")
    assert (record.type, record.get("title"), record.get("publisher")) == (
        "book", "One space", "No space")


def test_a_bibtex_and_left_on_a_name_and_placeholder_abstracts_are_handled():
    record = only("TY  - JOUR\nAU  - Sajise, Asa Jose U. and\nAB  - NA\nSP  - 52--58\nER  - ")
    assert record.authors == [Name("Sajise", "Asa Jose U.")]
    assert record.get("abstract") == "NA"
    assert record.get("page") == "52-58"


def test_a_record_with_no_er_is_reported_at_its_ty_line_and_still_converted():
    records, diagnostics = read_ris(
        "TY  - JOUR\nTI  - First\n\nTY  - BOOK\nTI  - Second\nER  - \nTY  - JOUR\nTI  - Last\n")
    assert [r.get("title") for r in records] == ["First", "Second", "Last"]
    assert [r.origin.line for r in records] == [1, 4, 7]
    assert [str(d) for d in diagnostics] == [
        "in.ris:1: warning: record has no 'ER  - ' line before the next 'TY' at line 4; "
        "converted as it is",
        "in.ris:7: warning: record has no 'ER  - ' line before the end of the input; "
        "converted as it is"]


def test_junk_between_records_is_reported_and_skipped():
    records, diagnostics = read_ris(
        "Exported from a database\n\nTY  - JOUR\nTI  - A\nER  - \ngarbage\nmore garbage\n"
        "TY  - JOUR\nTI  - B\nER  - ")
    assert [r.get("title") for r in records] == ["A", "B"]
    assert [(d.line, d.severity) for d in diagnostics] == [
        (1, Severity.ERROR), (6, Severity.ERROR)]
    assert str(diagnostics[1]) == (
        "in.ris:6: error: 2 lines from 6 to 7 outside any record, not RIS; skipped; "
        "expected RIS tag lines like 'TY  - JOUR' ... 'ER  - '")


def test_binary_junk_is_reported_and_the_rest_of_the_file_converted():
    junk = bytes(range(256)).decode("latin-1").replace("\n", "").replace("\r", "")
    records, diagnostics = read_ris(f"{junk}\n{junk[::-1]}\nTY  - JOUR\nTI  - Kept\nER  - ")
    assert [r.get("title") for r in records] == ["Kept"]
    assert [d.line for d in diagnostics] == [1]


def test_an_empty_file_is_reported_with_its_file_and_line():
    for text in ("", "\n\n  \n"):
        records, diagnostics = read_ris(text, "empty.ris")
        assert records == []
        assert [str(d) for d in diagnostics] == [
            "empty.ris:1: error: no RIS records: the input is empty; "
            "expected RIS tag lines like 'TY  - JOUR' ... 'ER  - '"]


def test_tags_before_any_ty_start_a_record_with_a_warning():
    records, diagnostics = read_ris("TI  - Orphan\nER  - \nER  - ")
    assert [r.get("title") for r in records] == ["Orphan"]
    assert [(d.line, d.severity) for d in diagnostics] == [
        (1, Severity.WARNING), (3, Severity.WARNING)]


def test_unknown_tags_are_kept_with_the_record_and_written_back_as_they_were():
    record = only("TY  - JOUR\nTI  - T\nC1  - Custom\nXY  - Not in the specification\n"
                  "L1  - file:///a.pdf\nER  - ")
    assert record.extra == {"ris-c1": ["Custom"], "ris-xy": ["Not in the specification"],
                            "ris-l1": ["file:///a.pdf"]}
    assert ris(record) == ("TY  - JOUR\nTI  - T\nC1  - Custom\nXY  - Not in the specification\n"
                           "L1  - file:///a.pdf\nER  - \n\n")


def test_older_and_alternative_tags_read_into_the_same_variables():
    record = only("""TY  - CHAP
A1  - Author, One
T1  - Title
BT  - Book title
VO  - 3
N2  - Abstract from N2
CP  - Place
AV  - Shelf 4
Y1  - 2001/02/03/
ER  - """)
    assert record.fields == {"title": "Title", "container-title": "Book title", "volume": "3",
                             "abstract": "Abstract from N2", "publisher-place": "Place",
                             "archive_location": "Shelf 4"}
    assert record.authors == [Name("Author", "One")]
    assert record.dates == {"issued": Date((2001, 2, 3))}


def test_jo_is_the_journal_or_when_t2_names_it_the_abbreviation():
    record = only("TY  - JOUR\nT2  - Nature Genetics\nJO  - Nat. Genet.\nER  - ")
    assert record.fields == {"container-title": "Nature Genetics",
                             "container-title-short": "Nat. Genet."}


def test_extension_notes_and_addresses_come_back_into_their_slots():
    record = only("""TY  - JOUR
AU  - Chen, Jiayi
AU  - Hu, Siyuan
AD  - [Chen, Jiayi; Hu, Siyuan] Jilin Univ, Changchun
AD  - Unlinked Institute
N1  - Own note
N1  - Number of pages: 23
N1  - Times cited: 0
N1  - CLC: R-3 [医学研究方法]
N1  - references: 42 refs
N1  - director: Studio X
ER  - """)
    assert record.authors == [Name("Chen", "Jiayi", affiliations=("Jilin Univ, Changchun",)),
                              Name("Hu", "Siyuan", affiliations=("Jilin Univ, Changchun",))]
    assert record.fields == {"note": "Own note", "number-of-pages": "23",
                             "references": "42 refs"}
    assert record.names["director"] == [Name(literal="Studio X")]
    assert record.classifications == [Classification("CLC", "R-3", "医学研究方法")]
    assert record.extra == {"unlinked-affiliation": ["Unlinked Institute"],
                            "times-cited": ["0"]}


def test_several_serial_numbers_are_kept_and_written_back_one_per_line():
    record = only("TY  - JOUR\nSN  - 0028-0836\nSN  - 1476-4687\nSN  - 978-0-19-852663-6\n"
                  "ER  - ")
    assert record.fields == {"ISSN": "0028-0836; 1476-4687", "ISBN": "978-0-19-852663-6"}
    assert ris(record).count("SN  - ") == 3


# --- types --------------------------------------------------------------------------------

def test_every_ris_type_of_the_specification_is_mapped_to_a_csl_type():
    spec = """ABST ADVS AGGR ANCIENT ART BILL BLOG BOOK CASE CHAP CHART CLSWK COMP CONF CPAPER
    CTLG DATA DBASE DICT EBOOK ECHAP EDBOOK EJOUR ELEC ENCYC EQUA FIGURE GEN GOVDOC GRNT HEAR
    ICOMM INPR JFULL JOUR LEGAL MANSCPT MAP MGZN MPCT MULTI MUSIC NEWS PAMP PAT PCOMM RPRT SER
    SLIDE SOUND STAND STAT THES UNBILL UNPD VIDEO""".split()
    assert [ty for ty in spec if ty not in TY_TYPES] == []
    for ty in spec:
        record = only(f"TY  - {ty}\nTI  - T\nER  - ")
        assert ris(record).startswith(f"TY  - {ty}\n")


def test_an_unknown_type_is_reported_read_as_a_document_and_written_back():
    records, diagnostics = read_ris("TY  - ZINE\nTI  - T\nER  - ")
    assert records[0].type == "document"
    assert [str(d) for d in diagnostics] == [
        "in.ris:1: warning: unknown RIS type 'ZINE'; read as document"]
    assert ris(records[0]).startswith("TY  - ZINE\n")


# --- round trips and the bench corpus -----------------------------------------------------

def test_a_file_written_by_recconv_reads_back_and_writes_out_identically():
    text = (SAMPLES / "ris-written.ris").read_text(encoding="utf-8")
    records, diagnostics = read_ris(text, "ris-written.ris")
    assert diagnostics == []
    assert len(records) == 9
    assert ris(*records) == text


def test_a_hand_written_file_gives_back_every_tag_and_value():
    text = (SAMPLES / "ris-handwritten.ris").read_text(encoding="utf-8")
    records, diagnostics = read_ris(text)
    assert diagnostics == []
    assert tag_values(ris(*records)) == tag_values(text)


def test_records_read_then_written_read_back_to_the_same_records():
    text = (SAMPLES / "ris-handwritten.ris").read_text(encoding="utf-8")
    first, _ = read_ris(text)
    again, _ = read_ris(ris(*first))
    for before, after in zip(first, again, strict=True):
        assert (before.fields, before.names, before.dates, before.keywords, before.extra) == (
            after.fields, after.names, after.dates, after.keywords, after.extra)


@pytest.mark.skipif(not BENCH.exists(), reason="bench corpus not present")
def test_the_web_of_science_bench_corpus_reads_every_record():
    text = lzma.decompress(BENCH.read_bytes()).decode("utf-8")
    records, diagnostics = read_ris(text, "wos.ris")
    assert len(records) == text.count("\nTY  - ") + text.startswith("\ufeffTY  - ") == 2550
    assert diagnostics == []
    assert all(r.get("title") for r in records)
    assert sum(len(r.authors) for r in records) == text.count("\nAU  - ")
    assert sum(len(r.keywords) for r in records) == 2062 + 9410  # KW lines and continuations
    assert records[0].keywords == ["Youth", "Ifugao Rice Terraces", "attitude", "perception"]


# --- detection ----------------------------------------------------------------------------

def test_detect_claims_ris():
    assert detect("\ufeffTY  - JOUR\nAU  - A, B\nER  - \n") == 1.0
    assert detect("TY  - JOUR\nAU  - A, B\n") == 0.9


def test_detect_does_not_claim_bibtex_csl_json_or_record_pages():
    bibtex = "@article{key,\n  title = {T - x},\n  author = {A and B},\n}\n"
    csljson = '[\n  {"id": "k", "type": "book", "title": "AU  - no"}\n]\n'
    record_page = (SAMPLES / "record-page.txt").read_text(encoding="utf-8")
    for text in (bibtex, csljson, record_page):
        assert detect(text) == 0.0
    assert page.detect((SAMPLES / "ris-written.ris").read_text(encoding="utf-8")) == 0.0
