"""Free-text references in IEEE, Vancouver (NLM) and Web of Science CR form, parsed into
records: style, type, fields, names and dates, as each style's rules lay them out."""

from __future__ import annotations

import pytest

from recconv.formats.record import ET_AL, Name
from recconv.formats.references import ieee, parse_reference, vancouver, wos
from recconv.formats.references.common import Reference


def read(text: str, style: str):
    parse = parse_reference(text)
    assert parse is not None
    assert parse.style == style
    return parse.record


def people(record, variable: str = "author") -> list[tuple[str, str]]:
    return [(n.last_name(), n.given) if not n.literal else (n.literal, "")
            for n in record.names.get(variable, [])]


# -- IEEE


def test_ieee_journal_article_with_volume_issue_pages_month_and_doi():
    record = read("[3] A. B. Carter, C. Dube, and E. F. van Gent, “Adaptive beam steering for "
                  "millimetre-wave links,” IEEE Trans. Antennas Propag., vol. 68, no. 4, "
                  "pp. 2101–2113, Apr. 2020, doi: 10.1109/TAP.2020.1234567.", "ieee")
    assert record.type == "article-journal"
    assert people(record) == [("Carter", "A. B."), ("Dube", "C."), ("van Gent", "E. F.")]
    assert record.fields["title"] == "Adaptive beam steering for millimetre-wave links"
    assert record.fields["container-title"] == "IEEE Trans. Antennas Propag."
    assert (record.fields["volume"], record.fields["issue"], record.fields["page"]) == (
        "68", "4", "2101-2113")
    assert record.fields["DOI"] == "10.1109/TAP.2020.1234567"
    assert record.dates["issued"].iso() == "2020-04"


def test_ieee_conference_paper_keeps_the_proceedings_and_the_place_apart():
    record = read("K. Osei et al., “Sparse sensing on the edge,” in Proc. IEEE Int. Conf. "
                  "Acoust., Speech Signal Process. (ICASSP), Seoul, South Korea, 2024, "
                  "pp. 55–59.", "ieee")
    assert record.type == "paper-conference"
    assert record.names["author"] == [Name(family="Osei", given="K."), ET_AL]
    assert record.fields["container-title"] == (
        "Proc. IEEE Int. Conf. Acoust., Speech Signal Process. (ICASSP)")
    assert record.fields["event-place"] == "Seoul, South Korea"
    assert record.fields["page"] == "55-59"
    assert record.dates["issued"].iso() == "2024"


def test_ieee_book_with_edition_place_and_publisher():
    record = read("R. M. Lind, Signal Integrity Basics, 3rd ed. Boston, MA, USA: Artech House, "
                  "2011.", "ieee")
    assert record.type == "book"
    assert record.fields["title"] == "Signal Integrity Basics"
    assert record.fields["edition"] == "3rd"
    assert record.fields["publisher-place"] == "Boston, MA, USA"
    assert record.fields["publisher"] == "Artech House"


def test_ieee_chapter_has_its_book_and_the_books_editors():
    record = read("T. Quill, “Lossless coding,” in Handbook of Compression, P. Ruiz and M. Sato, "
                  "Eds. London, U.K.: Springer, 2009, pp. 77–98.", "ieee")
    assert record.type == "chapter"
    assert record.fields["container-title"] == "Handbook of Compression"
    assert people(record, "editor") == [("Ruiz", "P."), ("Sato", "M.")]
    assert record.fields["publisher"] == "Springer"
    assert record.fields["page"] == "77-98"


@pytest.mark.parametrize(("text", "kind", "fields"), [
    pytest.param(
        "L. Moreau, “Thermal limits of flexible batteries,” Ph.D. dissertation, Dept. Mech. "
        "Eng., Delft Univ. Technol., Delft, The Netherlands, 2016.", "thesis",
        {"genre": "Ph.D. dissertation", "publisher": "Delft Univ. Technol.",
         "publisher-place": "Delft, The Netherlands"}),
    ("H. Ng, “Corrosion of buried pipes,” Acme Labs, Austin, TX, USA, Tech. Rep. AL-22-7, "
     "Mar. 2022.", "report",
     {"genre": "Tech. Rep.", "number": "AL-22-7", "publisher": "Acme Labs",
      "publisher-place": "Austin, TX, USA"}),
    pytest.param("P. Vela and O. Grant, “Folding ladder,” U.S. Patent 9 876 543, Jan. 9, 2018.",
                 "patent", {"number": "9 876 543"}),
    ("IEEE Standard for Floating-Point Arithmetic, IEEE Std 754-2019, 2019.", "standard",
     {"title": "IEEE Standard for Floating-Point Arithmetic", "number": "IEEE Std 754-2019"}),
])
def test_ieee_theses_reports_patents_and_standards(text, kind, fields):
    record = read(text, "ieee")
    assert record.type == kind
    assert {k: record.fields.get(k) for k in fields} == fields


def test_ieee_online_source_with_access_date():
    record = read("J. Park, “Measuring latency at home,” NetBlog, Feb. 2, 2021. [Online]. "
                  "Available: https://netblog.example.org/latency [Accessed: Mar. 5, 2021].",
                  "ieee")
    assert record.type == "webpage"
    assert record.fields["medium"] == "Online"
    assert record.fields["URL"] == "https://netblog.example.org/latency"
    assert record.fields["container-title"] == "NetBlog"
    assert record.dates["issued"].iso() == "2021-02-02"
    assert record.dates["accessed"].iso() == "2021-03-05"


def test_ieee_chapter_book_runs_to_its_editors_and_others_cut_them_short():
    record = read("V. Blazek, “Semitic bull and its relatives,” in Selected Comparative-Historical "
                  "Afrasian Studies, Part Two, M. L. Bender and others, Eds., Tempe, Arizona: "
                  "Arizona State University, Program for Semitic Studies, 2003, pp. 7–12.", "ieee")
    assert record.type == "chapter"
    assert record.fields["container-title"] == (
        "Selected Comparative-Historical Afrasian Studies, Part Two")
    assert record.names["editor"] == [Name(family="Bender", given="M. L."), ET_AL]
    assert record.fields["publisher"] == (
        "Arizona State University, Program for Semitic Studies")
    assert record.dates["issued"].iso() == "2003"


def test_ieee_journal_name_may_hold_a_comma_and_pages_their_front_matter():
    record = read("J. H. Greenberg, “Numeral systems,” Working Papers on Language Universals, "
                  "Stanford University, vol. 14, pp. 75–89, 1974.", "ieee")
    assert record.fields["container-title"] == (
        "Working Papers on Language Universals, Stanford University")
    record = read("A. Arlotto, Introduction to historical linguistics. Boston: Houghton-Mifflin, "
                  "1972, pp. xiv, 274.", "ieee")
    assert (record.type, record.fields["page"]) == ("book", "xiv, 274")


def test_ieee_leaves_mla_and_harvard_heads_alone():
    for text in ("Hla Pe, Maung. “Burmese Classifiers.” Journal of the Burma Research Society, "
                 "vol. 50, no. 2, 1967, pp. 177–94.",
                 "Hla Pe, M. (1972) “A history of two correlatives,” in J. Barrau (ed.) Langues "
                 "et techniques. Paris: Klincksieck, pp. 189–94."):
        assert ieee.parse(Reference.of(text)) is None


# -- Vancouver


def test_vancouver_journal_article_with_full_date_and_et_al():
    record = read("Okafor CN, Lind PT, Haas G, et al. Sleep duration and blood pressure in "
                  "adolescents. J Hypertens. 2019 Mar 4;37(3):512-9.", "vancouver")
    assert record.type == "article-journal"
    assert record.names["author"] == [Name(family="Okafor", given="CN"),
                                      Name(family="Lind", given="PT"),
                                      Name(family="Haas", given="G"), ET_AL]
    assert record.fields["title"] == "Sleep duration and blood pressure in adolescents"
    assert record.fields["container-title"] == "J Hypertens"
    assert (record.fields["volume"], record.fields["issue"], record.fields["page"]) == (
        "37", "3", "512-9")
    assert record.dates["issued"].iso() == "2019-03-04"


def test_vancouver_book_with_edition_and_place_publisher_year():
    record = read("Brandt KL. Clinical pharmacology made simple. 4th ed. Chicago (IL): Northgate "
                  "Press; 2012. 310 p.", "vancouver")
    assert record.type == "book"
    assert record.fields["edition"] == "4th"
    assert record.fields["publisher-place"] == "Chicago (IL)"
    assert record.fields["publisher"] == "Northgate Press"
    assert record.fields["number-of-pages"] == "310"
    assert record.dates["issued"].iso() == "2012"


def test_vancouver_chapter_in_an_edited_book():
    record = read("Ruiz M, Tan E. Renal imaging. In: Hale D, Ford S, editors. Diagnostic "
                  "radiology. 2nd ed. London: Meridian; 2008. p. 211-34.", "vancouver")
    assert record.type == "chapter"
    assert people(record) == [("Ruiz", "M"), ("Tan", "E")]
    assert people(record, "editor") == [("Hale", "D"), ("Ford", "S")]
    assert record.fields["title"] == "Renal imaging"
    assert record.fields["container-title"] == "Diagnostic radiology"
    assert record.fields["edition"] == "2nd"
    assert record.fields["page"] == "211-34"


def test_vancouver_internet_journal_article_with_cited_date():
    record = read("Silva R. Wearables in cardiology. Heart Views [Internet]. 2021 [cited 2022 "
                  "Jan 15];22(2):90-6. Available from: https://heartviews.example.org/2021/90",
                  "vancouver")
    assert record.type == "article-journal"
    assert record.fields["medium"] == "Internet"
    assert record.fields["container-title"] == "Heart Views"
    assert record.fields["URL"] == "https://heartviews.example.org/2021/90"
    assert record.dates["accessed"].iso() == "2022-01-15"
    assert record.dates["issued"].iso() == "2021"


def test_vancouver_conference_paper_with_its_meeting():
    record = read("Berg L. Triage by text message. In: Cole A, editor. Proceedings of the 9th "
                  "Nordic Congress on Telemedicine; 2015 May 4-6; Oslo, Norway. Oslo: Nordic "
                  "Press; 2015. p. 44-9.", "vancouver")
    assert record.type == "paper-conference"
    assert record.fields["container-title"] == (
        "Proceedings of the 9th Nordic Congress on Telemedicine")
    assert record.fields["event-place"] == "Oslo, Norway"
    assert record.fields["publisher"] == "Nordic Press"


def test_vancouver_thesis_and_organisation_author():
    record = read("Pham TT. Malaria in pregnancy in rural Vietnam [dissertation]. Melbourne "
                  "(AU): Monash University; 2017.", "vancouver")
    assert record.type == "thesis"
    assert record.fields["genre"] == "dissertation"
    assert record.fields["publisher"] == "Monash University"
    record = read("National Asthma Council. Asthma handbook. Melbourne: National Asthma "
                  "Council; 2019.", "vancouver")
    assert people(record) == [("National Asthma Council", "")]


@pytest.mark.parametrize(("text", "kind", "fields"), [
    ("McGregor W. The pronominal system of Gooniyandi and Bunuba. In: McGregor W, editor. "
     "Studies in Kimberley Languages in Honour of Howard Coate, 1996, p. 159–73.", "chapter",
     {"container-title": "Studies in Kimberley Languages in Honour of Howard Coate",
      "page": "159-73"}),
    ("Bieri D. Covariance relations in Sunwar. In: Grimes JE, editor. Papers on discourse, "
     "vol. 51, Arlington, TX: Summer Institute of Linguistics; 1978, p. 369–79.", "chapter",
     {"container-title": "Papers on discourse", "volume": "51", "publisher-place": "Arlington, TX",
      "publisher": "Summer Institute of Linguistics", "page": "369-79"}),
    ("Sills E, Moore K. Evolving Perspectives on Non-timber Forest Products 2011:23–51.",
     "chapter", {"title": "Evolving Perspectives on Non-timber Forest Products",
                 "page": "23-51"}),
    ("Louw EP. Political power and language: the case of Afrikaans. IJSL 2004:43–58.",
     "article-journal", {"container-title": "IJSL", "page": "43-58"}),
])
def test_vancouver_parts_as_elsevier_prints_them(text, kind, fields):
    record = read(text, "vancouver")
    assert record.type == kind
    assert {k: record.fields.get(k) for k in fields} == fields
    assert record.dates["issued"].iso()[:4] in text


# -- Web of Science


def test_wos_journal_reference_with_volume_page_and_doi():
    record = read("Alexander GM, 2002, EVOL HUM BEHAV, V23, P467, "
                  "DOI 10.1016/S1090-5138(02)00107-1", "wos")
    assert record.type == "article-journal"
    assert record.names["author"] == [Name(family="Alexander", given="GM")]
    assert record.fields["container-title"] == "EVOL HUM BEHAV"
    assert (record.fields["volume"], record.fields["page"]) == ("23", "467")
    assert record.fields["DOI"] == "10.1016/S1090-5138(02)00107-1"
    assert record.dates["issued"].iso() == "2002"


@pytest.mark.parametrize(("text", "page", "doi"), [
    ("Okabe T, 2011, PHYS REV B, V84, pR621, DOI DOI 10.1103/PhysRevB.84.1", "R621",
     "10.1103/PhysRevB.84.1"),
    ("Lee K, 2015, NAT COMMUN, V6, P1, DOI [10.1038/ncomms1, DOI 10.1038/NCOMMS1]", "1",
     "10.1038/ncomms1"),
])
def test_wos_page_letters_and_doi_variants(text, page, doi):
    record = read(text, "wos")
    assert record.fields["page"] == page
    assert record.fields["DOI"] == doi


def test_wos_books_theses_and_anonymous():
    record = read("Quinn GP, 2002, EXPT DESIGN DATA ANAL", "wos")
    assert (record.type, record.fields["title"]) == ("book", "EXPT DESIGN DATA ANAL")
    record = read("Moss AB, 2014, THESIS U OTAGO", "wos")
    assert (record.type, record.fields["genre"], record.fields["publisher"]) == (
        "thesis", "THESIS", "U OTAGO")
    record = read("[Anonymous], 1998, LANCET, V351, P1", "wos")
    assert record.names["author"] == [Name(literal="Anonymous")]


def test_wos_author_is_no_sentence():
    assert wos.parse(Reference.of("China. Miao Yu Ji Ben Zhi Shi. Guizhou Publishing House, "
                                  "1959.")) is None


# -- every grammar is total


@pytest.mark.parametrize("grammar", [ieee, vancouver, wos])
@pytest.mark.parametrize("text", [
    "“" * 3000, "(" * 3000 + "x", "A. " * 1500, "Smith JA, " * 500, "vol. 1, " * 500,
    "In: " * 800 + "2010;", "X, 2001, " + "V1, " * 800, "[" * 2000, ". ; : , " * 600,
])
def test_grammars_survive_hostile_input(grammar, text):
    grammar.parse(Reference.of(text))
