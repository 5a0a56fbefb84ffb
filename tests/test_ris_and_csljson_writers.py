"""The RIS and CSL-JSON writers on records the samples do not cover."""

from __future__ import annotations

import json

from recconv.formats.record import Classification, Date, Name, Origin, Record
from recconv.formats.registry import Options
from recconv.formats.writers.csljson import write_csljson
from recconv.formats.writers.ris import write_ris


def ris(*records: Record) -> str:
    return "".join(c for c in write_ris(records, Options()) if isinstance(c, str))


def csljson(*records: Record) -> list[dict]:
    return json.loads("".join(c for c in write_csljson(records, Options()) if isinstance(c, str)))


def test_a_value_with_line_breaks_and_tag_lookalikes_stays_on_its_tag_line():
    record = Record(type="article-journal", id="x2020",
                    fields={"title": "Line one\nER  - \r\nTY  - BOOK\x00", "abstract": "a\u2028b"})
    assert ris(record) == (
        "TY  - JOUR\nID  - x2020\nTI  - Line one ER  - TY  - BOOK\nAB  - a b\nER  - \n\n")


def test_a_book_gives_its_page_count_in_sp_and_an_article_in_a_note():
    book = Record(type="book", id="b", fields={"number-of-pages": "320", "ISBN": "978-7-1"},
                  dates={"issued": Date((2013, 1))})
    assert ris(book) == ("TY  - BOOK\nID  - b\nPY  - 2013\nDA  - 2013/01//\nSP  - 320\n"
                         "SN  - 978-7-1\nER  - \n\n")
    article = Record(type="article-journal", id="a", fields={"number-of-pages": "12",
                                                             "page": "e70095"})
    assert ris(article) == ("TY  - JOUR\nID  - a\nSP  - e70095\nN1  - Number of pages: 12\n"
                            "ER  - \n\n")


def test_what_ris_has_no_tag_for_is_carried_in_notes():
    record = Record(
        type="thesis", id="t",
        fields={"title": "T", "page": "104-108+117", "references": "42 refs", "note": "Own note"},
        names={"author": [Name("张", "三")], "director": [Name(literal="Studio X")]},
        dates={"issued": Date((2021, 3, 7)), "accessed": Date((2024, 1, 2)),
               "event-date": Date((2020, 5))},
        classifications=[Classification("CLC", "R73", "肿瘤学")],
        extra={"funding": ["NSFC 81972"]},
        origin=Origin("f.txt", 3))
    assert ris(record) == (
        "TY  - THES\nID  - t\nAU  - 张, 三\nTI  - T\nPY  - 2021\nDA  - 2021/03/07/\n"
        "Y2  - 2024-01-02\nSP  - 104\nEP  - 108+117\nN1  - Own note\nN1  - references: 42 refs\n"
        "N1  - director: Studio X\nN1  - event-date: 2020-05\nN1  - Funding: NSFC 81972\n"
        "N1  - CLC: R73 [肿瘤学]\nER  - \n\n")


def test_every_csl_type_has_a_ris_type():
    from recconv.formats.record import ITEM_TYPES

    for item_type in ITEM_TYPES:
        assert ris(Record(type=item_type, id="k")).startswith("TY  - ")


def test_csl_json_is_an_array_keyed_by_citation_key_with_extension_data_in_the_note():
    record = Record(
        type="article-journal", id="chen2025exosomes",
        fields={"title": "Quote \" and backslash \\", "note": "Own note"},
        names={"author": [Name("Chen", "Jiayi", affiliations=("Jilin Univ",)),
                          Name(literal="WHO")]},
        dates={"issued": Date((2025, 3), season="", circa=True)},
        keywords=["a", "b"], extra={"times-cited": ["0"]})
    assert csljson(record) == [{
        "id": "chen2025exosomes", "type": "article-journal",
        "author": [{"family": "Chen", "given": "Jiayi"}, {"literal": "WHO"}],
        "issued": {"date-parts": [[2025, 3]], "circa": True},
        "title": "Quote \" and backslash \\",
        "keyword": "a, b",
        "note": "Own note\nAffiliation: [Chen, Jiayi] Jilin Univ\nTimes cited: 0",
    }]


def test_no_records_give_an_empty_array():
    assert "".join(write_csljson([], Options())) == "[]\n"


def test_a_year_alone_is_written_as_py_only_and_a_season_in_da():
    assert ris(Record(type="article-journal", dates={"issued": Date((2019,))})) == (
        "TY  - JOUR\nPY  - 2019\nER  - \n\n")
    assert ris(Record(type="article-journal", dates={"issued": Date((2019,), season="Spring")})
               ) == "TY  - JOUR\nPY  - 2019\nDA  - 2019///Spring\nER  - \n\n"


def test_tags_depend_on_the_type_as_zotero_writes_them():
    editors = {"editor": [Name("Dahl", "Ole-Johan")], "collection-editor": [Name("Series", "E.")]}
    book = Record(type="book", names=editors, fields={"collection-title": "S",
                                                       "collection-number": "8"})
    assert ris(book) == ("TY  - BOOK\nA3  - Dahl, Ole-Johan\nA2  - Series, E.\nT2  - S\n"
                         "M1  - 8\nER  - \n\n")
    chapter = Record(type="chapter", names=editors, fields={"container-title": "B"})
    assert ris(chapter) == ("TY  - CHAP\nA2  - Dahl, Ole-Johan\nA3  - Series, E.\nT2  - B\n"
                            "ER  - \n\n")


def test_ris_tags_kept_as_extension_data_are_written_back_as_their_tags():
    record = Record(type="book", extra={"ris-ty": ["EDBOOK"], "ris-c1": ["x"], "funding": ["F"]},
                    fields={"note": "line one\nline two"})
    assert ris(record) == ("TY  - EDBOOK\nN1  - line one\nN1  - line two\nN1  - Funding: F\n"
                           "C1  - x\nER  - \n\n")
