"""The `wos` and `pubmed` readers: every sample record field by field, detection against the
other formats, and bad input reported at file:line with the rest converted."""

from __future__ import annotations

import json
from textwrap import dedent

import pytest

from recconv.formats.diagnostics import Diagnostic, Severity
from recconv.formats.readers import bibtex, csljson, page, pubmed, ris, wos
from recconv.formats.record import Date, Name, Origin, Record
from recconv.formats.registry import Options, Registry
from recconv.formats.writers.csljson import write_csljson

from .conftest import SAMPLES, run_recconv

WOS_SAMPLE = "wos-export.txt"
WOS_OLD_SAMPLE = "wos-thomson-article-number.txt"
PUBMED_SAMPLE = "pubmed-records.nbib"
TORONTO = "Univ Toronto, Dept Comp Sci, Toronto, ON M5S 3G4, Canada."


def read_with(reader, text: str, source: str) -> tuple[list[Record], list[Diagnostic]]:
    items = list(reader.read(text.splitlines(), source))
    return ([i for i in items if isinstance(i, Record)],
            [i for i in items if isinstance(i, Diagnostic)])


def read_sample(reader, name: str) -> list[Record]:
    records, problems = read_with(reader, (SAMPLES / name).read_text(encoding="utf-8-sig"), name)
    assert problems == []
    return records


def csl_part(record: Record) -> Record:
    """The record without the extension data each test checks on its own."""
    return Record(type=record.type, fields=record.fields, names=record.names,
                  dates=record.dates, keywords=record.keywords, origin=record.origin)


def messages(problems: list[Diagnostic]) -> list[str]:
    return [str(p) for p in problems]


# --- Web of Science: the samples ------------------------------------------------------------

def test_wos_a_review_with_several_addresses_per_author():
    record = read_sample(wos, WOS_SAMPLE)[0]
    assert csl_part(record) == Record(
        type="article-journal",
        fields={
            "title": "Deep learning",
            "container-title": "Nature", "container-title-short": "Nature",
            "ISSN": "0028-0836; 1476-4687", "publisher": "Nature Portfolio",
            "publisher-place": "Berlin", "language": "en",
            "volume": "521", "issue": "7553", "page": "436-444", "number-of-pages": "9",
            "DOI": "10.1038/nature14539", "PMID": "26017442",
            "abstract": "A review of how deep networks, trained end to end with backpropagation, "
                        "learn layered representations of raw data. Convolutional networks for "
                        "images and speech and recurrent networks for sequences are described, "
                        "with an outlook on unsupervised learning and reasoning.",
        },
        names={"author": [
            Name("LeCun", "Yann", affiliations=("Facebook AI Res, New York, NY 10003 USA.",
                                               "NYU, New York, NY 10003 USA.")),
            Name("Bengio", "Yoshua", affiliations=(
                "Univ Montreal, Dept Comp Sci & Operat Res, Montreal, PQ H3C 3J7, Canada.",)),
            Name("Hinton", "Geoffrey", affiliations=("Google, Mountain View, CA 94043 USA.",
                                                     TORONTO)),
        ]},
        dates={"issued": Date((2015, 5, 28))},
        keywords=["NEURAL-NETWORKS", "BACKPROPAGATION", "RECOGNITION", "REPRESENTATIONS",
                  "ALGORITHM", "MODELS"],
        origin=Origin(WOS_SAMPLE, 3))
    assert record.extra["times-cited"] == ["25120"]
    assert record.extra["wos-z9"] == ["27876"]
    assert record.extra["wos-ut"] == ["WOS:000355286600030"]
    assert record.extra["document-type"] == ["Review"]
    assert record.extra["original-container-title"] == ["NATURE"]
    assert record.extra["wos-j9"] == ["NATURE"]
    assert record.extra["corresponding-author"] == [
        "LeCun, Y (corresponding author), Facebook AI Res, 770 Broadway, New York, NY 10003 USA."]
    assert record.extra["wos-cr"][1] == (
        "Hochreiter S, 1997, NEURAL COMPUT, V9, P1735, DOI 10.1162/neco.1997.9.8.1735")
    assert len(record.extra["wos-cr"]) == 3
    assert "wos-au" not in record.extra and "wos-pt" not in record.extra


def test_wos_a_proceedings_paper_with_its_meeting():
    record = read_sample(wos, WOS_SAMPLE)[1]
    microsoft = ("Microsoft Res, Beijing, Peoples R China.",)
    assert csl_part(record) == Record(
        type="paper-conference",
        fields={
            "title": "Deep Residual Learning for Image Recognition",
            "container-title":
                "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
            "collection-title": "IEEE Conference on Computer Vision and Pattern Recognition",
            "event-title": "29th IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
            "event-place": "Seattle, WA",
            "ISSN": "1063-6919", "ISBN": "978-1-4673-8851-1",
            "publisher": "IEEE", "publisher-place": "New York", "language": "en",
            "page": "770-778", "number-of-pages": "9", "DOI": "10.1109/CVPR.2016.90",
            "abstract": "Residual learning reformulates the layers of a very deep network as "
                        "functions of the difference from their input, which makes networks of "
                        "more than a hundred layers trainable. An ensemble of such networks took "
                        "first place in the ILSVRC 2015 classification task.",
        },
        names={"author": [Name("He", "Kaiming", affiliations=microsoft),
                          Name("Zhang", "Xiangyu", affiliations=microsoft),
                          Name("Ren", "Shaoqing", affiliations=microsoft),
                          Name("Sun", "Jian", affiliations=microsoft)]},
        dates={"issued": Date((2016,)), "event-date": Date((2016, 6, 27), (2016, 6, 30))},
        origin=Origin(WOS_SAMPLE, 58))
    assert record.extra["document-type"] == ["Proceedings Paper"]
    assert record.extra["wos-gp"] == ["IEEE"]
    assert record.extra["wos-sp"] == ["IEEE; CVF; IEEE Comp Soc"]


def test_wos_a_book_chapter_with_editors_series_and_isbn():
    record = read_sample(wos, WOS_SAMPLE)[2]
    assert csl_part(record) == Record(
        type="chapter",
        fields={
            "title": "A Practical Guide to Training Restricted Boltzmann Machines",
            "container-title": "Neural Networks: Tricks of the Trade, 2nd Edition",
            "collection-title": "Lecture Notes in Computer Science", "volume": "7700",
            "ISSN": "0302-9743; 1611-3349", "ISBN": "978-3-642-35288-1",
            "publisher": "Springer-Verlag Berlin", "publisher-place": "Berlin",
            "language": "en", "page": "599-619", "number-of-pages": "21",
            "DOI": "10.1007/978-3-642-35289-8_32",
            "abstract": "Practical advice on the settings that matter when restricted Boltzmann "
                        "machines are trained with contrastive divergence: learning rate, "
                        "momentum, weight decay, sparsity and the monitoring of progress.",
        },
        names={"author": [Name("Hinton", "Geoffrey E.", affiliations=(TORONTO,))],
               "editor": [Name("Montavon", "G"), Name("Orr", "GB"), Name("Muller", "KR")]},
        dates={"issued": Date((2012,))},
        keywords=["restricted Boltzmann machine", "contrastive divergence", "learning rate",
                  "weight decay", "sparsity target"],
        origin=Origin(WOS_SAMPLE, 102))
    assert record.extra["document-type"] == ["Article; Book Chapter"]
    assert record.extra["original-container-title"] == [
        "NEURAL NETWORKS: TRICKS OF THE TRADE, 2ND EDITION"]


def test_wos_a_journal_article_with_a_two_month_issue_and_funding():
    record = read_sample(wos, WOS_SAMPLE)[3]
    assert csl_part(record) == Record(
        type="article-journal",
        fields={
            "title": "Sex Differences in Social Cognition: The Case of Face Processing",
            "container-title": "Journal of Neuroscience Research",
            "container-title-short": "J. Neurosci. Res.",
            "ISSN": "0360-4012; 1097-4547", "language": "en",
            "volume": "95", "issue": "1-2", "page": "222-234", "number-of-pages": "13",
            "DOI": "10.1002/jnr.23817", "PMID": "27870403",
            "abstract": "An account of how women and men differ in processing faces, drawn from "
                        "behavioural, electrophysiological and imaging studies.",
        },
        names={"author": [Name("Proverbio", "Alice Mado", affiliations=(
            "Univ Milano Bicocca, Dept Psychol, Milan Mi Ctr Neurosci, Milan, Italy.",))]},
        dates={"issued": Date((2017, 1), (2017, 2))},
        keywords=["gender differences", "empathy", "females", "emotions", "theory of mind",
                  "affective response", "INFANT FACIAL EXPRESSIONS", "EVENT-RELATED POTENTIALS"],
        origin=Origin(WOS_SAMPLE, 140))
    assert record.extra["funding"] == ["University of Milano-Bicocca [2015-ATE-0063]"]
    assert record.extra["times-cited"] == ["0"]
    assert record.extra["wos-j9"] == ["J NEUROSCI RES"]


def test_wos_an_older_export_with_a_bom_abbreviated_names_and_an_article_number():
    [record] = read_sample(wos, WOS_OLD_SAMPLE)
    assert csl_part(record) == Record(
        type="article-journal",
        fields={
            "title": "Ten Simple Rules for Reproducible Computational Research",
            "container-title": "PLOS Computational Biology",
            "container-title-short": "PLoS Comput. Biol.",
            "ISSN": "1553-734X; 1553-7358", "language": "en",
            "volume": "9", "issue": "10", "page": "e1003285", "number-of-pages": "4",
            "DOI": "10.1371/journal.pcbi.1003285", "PMID": "24204232",
            "abstract": "Ten rules for keeping every result of a computational analysis "
                        "reproducible, from recording how each result was produced to making "
                        "scripts, runs and results public.",
        },
        names={"author": [Name("Sandve", "G. K."), Name("Nekrutenko", "A."),
                          Name("Taylor", "J."), Name("Hovig", "E.")]},
        dates={"issued": Date((2013, 10))},
        origin=Origin(WOS_OLD_SAMPLE, 3))
    assert record.extra["unlinked-affiliation"] == [
        "Univ Oslo, Dept Informat, Oslo, Norway.",
        "Penn State Univ, Huck Inst Life Sci, University Pk, PA 16802 USA.",
        "Emory Univ, Dept Biol, Atlanta, GA 30322 USA."]
    assert record.extra["document-type"] == ["Editorial Material"]


# --- Web of Science: types, dates, pages ----------------------------------------------------

def wos_record(*lines: str) -> Record:
    records, problems = read_with(wos, "\n".join(["PT J", *lines, "ER"]), "in.txt")
    assert problems == []
    return records[0]


@pytest.mark.parametrize("pt, dt, expected", [
    ("J", "Article", "article-journal"),
    ("J", "Review", "article-journal"),
    ("J", "Article; Proceedings Paper", "article-journal"),
    ("J", "Book Review", "review-book"),
    ("S", "Proceedings Paper", "paper-conference"),
    ("C", "Proceedings Paper", "paper-conference"),
    ("B", "Book", "book"),
    ("B", "Article; Book Chapter", "chapter"),
    ("B", "Article", "chapter"),
    ("S", "Article", "chapter"),
    ("P", "Patent", "patent"),
    ("B", "", "book"),
])
def test_wos_pt_and_dt_give_the_csl_type(pt, dt, expected):
    text = f"PT {pt}\nTI T\n" + (f"DT {dt}\n" if dt else "") + "ER"
    records, _ = read_with(wos, text, "in.txt")
    assert records[0].type == expected


@pytest.mark.parametrize("pd, py, expected", [
    ("JAN-FEB", "2017", Date((2017, 1), (2017, 2))),
    ("MAR 15", "2016", Date((2016, 3, 15))),
    ("FEB 2011", "2011", Date((2011, 2))),
    ("DEC 15 2019", "", Date((2019, 12, 15))),
    ("SPR", "2019", Date((2019,), season="1")),
    ("WIN", "2020", Date((2020,), season="4")),
    ("", "2012", Date((2012,))),
])
def test_wos_pd_and_py_make_the_issued_date(pd, py, expected):
    lines = ["TI T"] + ([f"PD {pd}"] if pd else []) + ([f"PY {py}"] if py else [])
    assert wos_record(*lines).dates["issued"] == expected


def test_wos_an_unreadable_pd_keeps_the_year_and_the_text():
    record = wos_record("TI T", "PD 1ST QUARTER", "PY 2001")
    assert record.dates["issued"] == Date((2001,))
    assert record.extra["wos-pd"] == ["1ST QUARTER"]


def test_wos_early_access_is_the_available_date_and_the_issued_one_until_published():
    record = wos_record("TI T", "EA MAR 2021", "EY 2021")
    assert record.dates == {"issued": Date((2021, 3)), "available-date": Date((2021, 3))}


@pytest.mark.parametrize("lines, page, extra", [
    (("BP 12", "EP 19"), "12-19", None),
    (("BP 12",), "12", None),
    (("BP 1", "EP +"), "1+", None),
    (("AR 104512",), "104512", None),
    (("BP 3", "EP 9", "AR 104512"), "3-9", ["104512"]),
])
def test_wos_pages_from_bp_ep_or_the_article_number(lines, page, extra):
    record = wos_record("TI T", *lines)
    assert record.fields["page"] == page
    assert record.extra.get("wos-ar") == extra


def test_wos_au_names_become_initials_when_there_is_no_af():
    record = wos_record("AU van Maris, AJA", "   Li, X", "TI T")
    assert record.authors == [Name("Maris", "A. J. A.", non_dropping_particle="van"),
                              Name("Li", "X.")]


def test_wos_af_is_preferred_and_c1_links_addresses_by_full_name():
    record = wos_record("AU Doe, J", "   Roe, R", "AF Doe, Jane", "   Roe, Richard", "TI T",
                        "C1 [Doe, Jane; Roe, Richard] Univ A, Dept X, Oslo, Norway.",
                        "   [Roe, Richard] Univ B, Bergen, Norway.",
                        "   Univ C, Tromso, Norway.")
    assert record.authors == [
        Name("Doe", "Jane", affiliations=("Univ A, Dept X, Oslo, Norway.",)),
        Name("Roe", "Richard", affiliations=("Univ A, Dept X, Oslo, Norway.",
                                             "Univ B, Bergen, Norway."))]
    assert record.extra["unlinked-affiliation"] == ["Univ C, Tromso, Norway."]


def test_wos_wrapped_text_joins_with_one_space_and_list_tags_keep_one_value_per_line():
    record = wos_record("TI A title over", "   two lines", "DE one; two;", "   three",
                        "CR A, 2001, X", "   B, 2002, Y")
    assert record.fields["title"] == "A title over two lines"
    assert record.keywords == ["one", "two", "three"]
    assert record.extra["wos-cr"] == ["A, 2001, X", "B, 2002, Y"]


# --- Web of Science: bad input --------------------------------------------------------------

def test_wos_a_record_cut_off_is_reported_and_converted_with_the_rest():
    text = dedent("""\
        FN Clarivate Analytics Web of Science
        VR 1.0
        PT J
        AF Doe, Jane
        TI Cut off before its ER
        PT J
        AF Roe, Richard
        TI Whole
        ER
        PT J
        TI Cut off at the end of the file
        AB Half an abs""")
    records, problems = read_with(wos, text, "cut.txt")
    assert [r.fields["title"] for r in records] == [
        "Cut off before its ER", "Whole", "Cut off at the end of the file"]
    assert messages(problems) == [
        "cut.txt:3: warning: record has no 'ER' line before the next 'PT' at line 6; "
        "converted as far as it goes",
        "cut.txt:10: warning: record has no 'ER' line before the end of the input; "
        "converted as far as it goes"]


def test_wos_a_tag_with_no_value_and_binary_junk_are_reported_at_their_lines():
    text = "PT J\nTI Kept\nSO\n\x00\x01\x7fPK\x03\x04\ufffd\nPY 2020\nER\nEF\n"
    records, problems = read_with(wos, text, "bad.txt")
    assert records[0].fields == {"title": "Kept"}
    assert records[0].dates == {"issued": Date((2020,))}
    assert messages(problems) == [
        "bad.txt:3: record 'Kept': warning: tag SO has no value; skipped",
        "bad.txt:4: warning: 1 line(s) outside any record or not tagged, skipped (lines 4)"]


def test_wos_lines_before_the_first_record_and_an_unknown_pt_are_reported():
    text = "some stray text\nPT Q\nTI T\nER\n"
    records, problems = read_with(wos, text, "odd.txt")
    assert records[0].type == "article-journal"
    assert messages(problems) == [
        "odd.txt:2: warning: publication type PT 'Q' not known; read as article-journal",
        "odd.txt:1: warning: 1 line(s) outside any record or not tagged, skipped (lines 1)"]


def test_wos_no_records_at_all_is_an_error():
    _, problems = read_with(wos, "", "empty.txt")
    assert messages(problems) == [
        "empty.txt:1: error: no Web of Science records; "
        "expected 'PT J' ... 'ER' blocks of a Web of Science plain-text export"]
    assert problems[0].severity is Severity.ERROR


# --- PubMed: the samples --------------------------------------------------------------------

def test_pubmed_a_review_with_affiliations_for_each_author():
    record = read_sample(pubmed, PUBMED_SAMPLE)[0]
    assert csl_part(record) == Record(
        type="article-journal",
        fields={
            "PMID": "26017442", "title": "Deep learning",
            "container-title": "Nature", "container-title-short": "Nature",
            "volume": "521", "issue": "7553", "page": "436-444",
            "DOI": "10.1038/nature14539", "ISSN": "1476-4687; 0028-0836", "language": "en",
            "abstract": "A review of how deep networks, trained end to end with backpropagation, "
                        "learn layered representations of raw data. Convolutional networks for "
                        "images and speech and recurrent networks for sequences are described, "
                        "with an outlook on unsupervised learning and reasoning.",
        },
        names={"author": [
            Name("LeCun", "Yann", affiliations=(
                "Facebook AI Research, 770 Broadway, New York, New York 10003, USA.",
                "New York University, 715 Broadway, New York, New York 10003, USA.")),
            Name("Bengio", "Yoshua", affiliations=(
                "Department of Computer Science and Operations Research Universite de Montreal, "
                "Pavillon Andre-Aisenstadt, PO Box 6128 Centre-Ville STN Montreal, Quebec H3C "
                "3J7, Canada.",)),
            Name("Hinton", "Geoffrey", affiliations=(
                "Google, 1600 Amphitheatre Parkway, Mountain View, California 94043, USA.",
                "Department of Computer Science, University of Toronto, 6 King's College Road, "
                "Toronto, Ontario M5S 3G4, Canada.")),
        ]},
        dates={"issued": Date((2015, 5, 28))},
        keywords=["Algorithms", "Artificial Intelligence/*trends", "Computers", "Language",
                  "*Neural Networks, Computer"],
        origin=Origin(PUBMED_SAMPLE, 1))
    assert record.extra["document-type"] == ["Journal Article", "Review"]
    assert record.extra["pubmed-aid"] == ["nature14539 [pii]"]
    assert record.extra["pubmed-pl"] == ["England"]
    assert record.extra["pubmed-phst"] == ["2014/11/25 00:00 [received]",
                                           "2015/04/28 00:00 [accepted]"]
    assert record.extra["pubmed-so"] == [
        "Nature. 2015 May 28;521(7553):436-44. doi: 10.1038/nature14539."]


def test_pubmed_an_article_with_an_e_page_a_pmcid_grants_and_an_epub_date():
    record = read_sample(pubmed, PUBMED_SAMPLE)[1]
    assert csl_part(record) == Record(
        type="article-journal",
        fields={
            "PMID": "24204232", "PMCID": "PMC3812051",
            "title": "Ten simple rules for reproducible computational research",
            "container-title": "PLoS computational biology",
            "container-title-short": "PLoS Comput Biol",
            "volume": "9", "issue": "10", "page": "e1003285",
            "DOI": "10.1371/journal.pcbi.1003285", "ISSN": "1553-7358; 1553-734X",
            "language": "en",
        },
        names={"author": [
            Name("Sandve", "Geir Kjetil", affiliations=(
                "Department of Informatics, University of Oslo, Blindern, Oslo, Norway.",)),
            Name("Nekrutenko", "Anton"), Name("Taylor", "James"), Name("Hovig", "Eivind")]},
        dates={"issued": Date((2013, 10)), "available-date": Date((2013, 10, 24))},
        keywords=["*Computational Biology", "Reproducibility of Results", "reproducibility",
                  "workflows"],
        origin=Origin(PUBMED_SAMPLE, 55))
    assert record.extra["funding"] == ["HG005542/HG/NHGRI NIH HHS/United States"]
    assert record.extra["pubmed-so"] == [
        "PLoS Comput Biol. 2013 Oct;9(10):e1003285. doi: 10.1371/journal.pcbi.1003285. "
        "Epub 2013 Oct 24."]


def test_pubmed_an_old_record_with_au_only_and_an_abbreviated_page_range():
    record = read_sample(pubmed, PUBMED_SAMPLE)[2]
    assert csl_part(record) == Record(
        type="article-journal",
        fields={
            "PMID": "9377276", "title": "Long short-term memory",
            "container-title": "Neural computation", "container-title-short": "Neural Comput",
            "volume": "9", "issue": "8", "page": "1735-1780",
            "DOI": "10.1162/neco.1997.9.8.1735", "ISSN": "0899-7667", "language": "en",
            "abstract": "A recurrent network whose memory cells keep an error signal constant "
                        "through gated units, so that it learns dependencies spanning more than "
                        "a thousand time steps.",
        },
        names={"author": [
            Name("Hochreiter", "S.", affiliations=(
                "Fakultat fur Informatik, Technische Universitat Munchen, Germany.",)),
            Name("Schmidhuber", "J.")]},
        dates={"issued": Date((1997, 11, 15))},
        keywords=["*Memory, Short-Term", "*Neural Networks (Computer)"],
        origin=Origin(PUBMED_SAMPLE, 97))


def test_pubmed_a_bookshelf_chapter_with_editors_publisher_and_place():
    record = read_sample(pubmed, PUBMED_SAMPLE)[3]
    assert csl_part(record) == Record(
        type="chapter",
        fields={
            "PMID": "21249755", "title": "Peutz-Jeghers Syndrome",
            "container-title": "Cancer Syndromes",
            "publisher": "National Center for Biotechnology Information (US)",
            "publisher-place": "Bethesda (MD)", "language": "en",
            "license": "Copyright (c) 2009-, Douglas L Riegert-Johnson",
            "abstract": "An overview of the inherited syndrome of hamartomatous polyps and "
                        "pigmented spots, of the cancers it brings and of how carriers are "
                        "followed up.",
        },
        names={"author": [Name("Riegert-Johnson", "Douglas"), Name("Gleeson", "Ferga C."),
                          Name("Wong Kee Song", "Louis M.")],
               "editor": [Name("Riegert-Johnson", "Douglas L."), Name("Boardman", "Lisa A.")]},
        dates={"issued": Date((2009,))},
        origin=Origin(PUBMED_SAMPLE, 127))
    assert record.extra["pubmed-aid"] == ["NBK1826 [bookaccession]"]
    assert record.extra["document-type"] == ["Review", "Book Chapter"]


# --- PubMed: types, dates, pages, names -----------------------------------------------------

def pubmed_record(*lines: str) -> Record:
    records, problems = read_with(pubmed, "\n".join(["PMID- 1", "TI  - T.", *lines]), "in.nbib")
    assert problems == []
    return records[0]


@pytest.mark.parametrize("pts, expected", [
    (("Journal Article",), "article-journal"),
    (("Journal Article", "Review"), "article-journal"),
    (("Case Reports",), "article-journal"),
    (("Book",), "book"),
    (("Review", "Book Chapter"), "chapter"),
    (("Preprint",), "article"),
    (("Newspaper Article",), "article-newspaper"),
    (("Technical Report",), "report"),
    (("Video-Audio Media",), "motion_picture"),
    ((), "article-journal"),
])
def test_pubmed_pt_gives_the_csl_type(pts, expected):
    assert pubmed_record(*(f"PT  - {pt}" for pt in pts)).type == expected


@pytest.mark.parametrize("dp, expected", [
    ("2015 May 28", Date((2015, 5, 28))),
    ("2017 Jan-Feb", Date((2017, 1), (2017, 2))),
    ("2019 Dec 1-15", Date((2019, 12, 1), (2019, 12, 15))),
    ("2005 Jul 15-Aug 1", Date((2005, 7, 15), (2005, 8, 1))),
    ("2019 Spring", Date((2019,), season="1")),
    ("2018 Winter", Date((2018,), season="4")),
    ("2009", Date((2009,))),
])
def test_pubmed_dp_is_the_issued_date(dp, expected):
    assert pubmed_record(f"DP  - {dp}").dates["issued"] == expected


@pytest.mark.parametrize("pg, expected", [
    ("6913-7", "6913-6917"),
    ("436-44", "436-444"),
    ("1735-80", "1735-1780"),
    ("99-101", "99-101"),
    ("123-9, 140-5", "123-129, 140-145"),
    ("e1003285", "e1003285"),
])
def test_pubmed_abbreviated_page_ends_are_written_out(pg, expected):
    assert pubmed_record(f"PG  - {pg}").fields["page"] == expected


def test_pubmed_a_pii_is_the_page_only_when_there_is_no_pg():
    record = pubmed_record("LID - S0140-6736(20)30183-5 [pii]", "AID - 10.1016/x [doi]")
    assert (record.fields["page"], record.fields["DOI"]) == ("S0140-6736(20)30183-5",
                                                              "10.1016/x")
    record = pubmed_record("PG  - 497-506", "LID - S0140-6736(20)30183-5 [pii]")
    assert record.fields["page"] == "497-506"
    assert record.extra["pubmed-lid"] == ["S0140-6736(20)30183-5 [pii]"]


def test_pubmed_titles_lose_the_closing_period_and_translation_brackets():
    assert pubmed_record().fields["title"] == "T"
    records, _ = read_with(pubmed, "PMID- 1\nTI  - [Diabetes in old age].\nTT  - Diabetes im "
                           "Alter.\nLA  - ger", "in.nbib")
    assert records[0].fields["title"] == "Diabetes in old age"
    assert records[0].fields["original-title"] == "Diabetes im Alter."
    assert records[0].fields["language"] == "de"


def test_pubmed_collective_names_keep_their_place_among_the_authors():
    record = pubmed_record("FAU - Doe, Jane A", "AU  - Doe JA", "CN  - Example Study Group",
                           "FAU - van Raaij, M J", "AD  - Lab X, Cambridge, UK.")
    assert record.authors == [
        Name("Doe", "Jane A."), Name(literal="Example Study Group"),
        Name("Raaij", "M. J.", non_dropping_particle="van", affiliations=("Lab X, Cambridge, UK.",))]


def test_pubmed_an_address_before_any_author_is_kept_unlinked():
    record = pubmed_record("AD  - Somewhere.", "FAU - Doe, Jane")
    assert record.extra["unlinked-affiliation"] == ["Somewhere."]


def test_pubmed_a_whole_book_takes_its_title_from_bti_and_its_isbn_from_is():
    records, _ = read_with(pubmed, "PMID- 2\nBTI - Cancer Syndromes\nPT  - Book\n"
                           "IS  - 978-0-00-000000-2 (Print)\nPB  - NCBI", "in.nbib")
    assert records[0].type == "book"
    assert records[0].fields["title"] == "Cancer Syndromes"
    assert records[0].fields["ISBN"] == "978-0-00-000000-2"
    assert records[0].fields["publisher"] == "NCBI"


# --- PubMed: bad input ----------------------------------------------------------------------

def test_pubmed_a_record_cut_off_into_the_next_one_is_reported_and_both_converted():
    text = dedent("""\
        PMID- 1
        TI  - One.
        AB  - Cut off in the mid
        PMID- 2
        TI  - Two.
        VI  -

        PMID- 3
        TI  - Three.
        """)
    records, problems = read_with(pubmed, text, "cut.nbib")
    assert [(r.fields["PMID"], r.fields["title"], r.origin.line) for r in records] == [
        ("1", "One", 1), ("2", "Two", 4), ("3", "Three", 8)]
    assert messages(problems) == [
        "cut.nbib:1: warning: record has no blank line before the next 'PMID' at line 4; "
        "it may be cut off; converted as far as it goes",
        "cut.nbib:6: record 'Two': warning: tag VI has no value; skipped"]


def test_pubmed_binary_junk_is_reported_at_its_line_and_the_rest_converted():
    text = "PMID- 1\nTI  - One.\n\x00\x01\x02\ufffd\x7f\nDP  - 2001\n\nPMID- 2\nTI  - Two.\n"
    records, problems = read_with(pubmed, text, "junk.nbib")
    assert [r.fields["title"] for r in records] == ["One", "Two"]
    assert records[0].dates["issued"] == Date((2001,))
    assert messages(problems) == [
        "junk.nbib:3: warning: 1 line(s) outside any record or not tagged, skipped (lines 3)"]


def test_pubmed_no_records_at_all_is_an_error():
    _, problems = read_with(pubmed, "", "empty.nbib")
    assert messages(problems) == [
        "empty.nbib:1: error: no MEDLINE records; "
        "expected MEDLINE records: 'PMID- 123' then lines like 'TI  - Title'"]


# --- detection ------------------------------------------------------------------------------

OTHER_FORMATS = {
    "bibtex": (SAMPLES / "bibtex-library.bib"),
    "ris": (SAMPLES / "ris-written.ris"),
    "ris-handwritten": (SAMPLES / "ris-handwritten.ris"),
    "page": (SAMPLES / "record-page.txt"),
    "csl-json": (SAMPLES / "csl-items.json"),
    "csl-yaml": (SAMPLES / "csl-references.yaml"),
}


@pytest.mark.parametrize("name", [WOS_SAMPLE, WOS_OLD_SAMPLE])
def test_wos_claims_its_samples_and_pubmed_does_not(name):
    head = (SAMPLES / name).read_text(encoding="utf-8-sig")
    assert wos.detect(head) == 1.0
    assert pubmed.detect(head) == 0.0


def test_pubmed_claims_its_sample_above_ris_and_wos_does_not():
    head = (SAMPLES / PUBMED_SAMPLE).read_text(encoding="utf-8")
    assert pubmed.detect(head) == 1.0
    assert pubmed.detect(head) > ris.detect(head)
    assert wos.detect(head) == 0.0


def test_a_header_less_wos_export_is_still_claimed():
    assert wos.detect("PT J\nAU Doe, J\nTI T\nER\n") == 0.9


def test_pubmed_without_pmid_is_claimed_by_its_four_wide_tags():
    assert pubmed.detect("OWN - ERIC\nTI  - T\nFAU - Doe, Jane\nSTAT- Publisher\n") == 0.8


@pytest.mark.parametrize("name", OTHER_FORMATS)
def test_neither_reader_claims_the_other_formats(name):
    head = OTHER_FORMATS[name].read_text(encoding="utf-8-sig")
    assert (wos.detect(head), pubmed.detect(head)) == (0.0, 0.0)


def test_ris_tag_lines_are_not_medline_ones():
    text = "TY  - JOUR\nAU  - Doe, Jane\nTI  - T\nPY  - 2020\nER  - \n"
    assert pubmed.detect(text) == 0.0 and wos.detect(text) == 0.0


def test_the_other_readers_do_not_claim_these_samples_above_their_own():
    for name, own in ((WOS_SAMPLE, wos), (PUBMED_SAMPLE, pubmed)):
        head = (SAMPLES / name).read_text(encoding="utf-8-sig")
        others = [r.detect(head) for r in (bibtex.READER, ris.READER, csljson.READER,
                                           page.READER)]
        assert max(others) < own.detect(head)


# --- on to CSL-JSON -------------------------------------------------------------------------

@pytest.mark.parametrize("reader, name, count", [
    (wos, WOS_SAMPLE, 4), (wos, WOS_OLD_SAMPLE, 1), (pubmed, PUBMED_SAMPLE, 4)])
def test_every_sample_record_writes_as_csl_json(reader, name, count):
    records = read_sample(reader, name)
    text = "".join(c for c in write_csljson(records, Options()) if isinstance(c, str))
    items = json.loads(text)
    assert len(items) == count
    assert all(item["title"] and item["issued"] for item in items)


REGISTERED = {r.name for r in Registry.default().readers}


@pytest.mark.skipif(not {"wos", "pubmed"} <= REGISTERED, reason="readers not registered yet")
@pytest.mark.parametrize("name, fmt", [(WOS_SAMPLE, "wos"), (WOS_OLD_SAMPLE, "wos"),
                                       (PUBMED_SAMPLE, "pubmed")])
def test_the_command_converts_each_sample_to_csl_json(name, fmt):
    result = run_recconv(str(SAMPLES / name), "--to", "csl-json", "-v", "--from", fmt)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)


def test_pubmed_a_second_language_is_kept_apart():
    record = pubmed_record("LA  - eng", "LA  - fre")
    assert (record.fields["language"], record.extra["pubmed-la"]) == ("en", ["fre"])
