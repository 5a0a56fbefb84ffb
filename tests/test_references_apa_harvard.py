"""APA and Harvard references read by their grammars: one typical reference of each kind,
written from the style rules (APA 7 and 6 manuals, Cite Them Right, AGPS)."""

from __future__ import annotations

import random

import pytest

from recconv.formats.record import ET_AL, Name
from recconv.formats.references import apa, harvard
from recconv.formats.references.common import Reference
from recconv.formats.references.parse import parse_reference


def read(text: str, style: str):
    parse = parse_reference(text)
    assert parse is not None
    assert parse.style == style
    return parse.record


def test_apa_journal_article_with_doi_and_ampersand():
    record = read("Grady, J. S., Her, M., & Yelinek, J. (2019). Emotions in storybooks: A "
                  "comparison. Psychology of Popular Media Culture, 8(3), 207–217. "
                  "https://doi.org/10.1037/ppm0000185", "apa")
    assert record.type == "article-journal"
    assert record.names["author"] == [Name(family="Grady", given="J. S."),
                                      Name(family="Her", given="M."),
                                      Name(family="Yelinek", given="J.")]
    assert record.fields["title"] == "Emotions in storybooks: A comparison"
    assert record.fields["container-title"] == "Psychology of Popular Media Culture"
    assert (record.fields["volume"], record.fields["issue"], record.fields["page"]) == (
        "8", "3", "207-217")
    assert record.fields["DOI"] == "10.1037/ppm0000185"
    assert record.dates["issued"].iso() == "2019"


def test_apa_article_number():
    record = read("Jerrentrup, A., & Schaefer, J. R. (2018). Teaching medicine with the help "
                  "of television. PLoS ONE, 13(3), Article e0193972.", "apa")
    assert record.fields["number"] == "e0193972"
    assert "page" not in record.fields


def test_apa_book_with_edition_and_apa6_place():
    record = read("Koehler, P. (1998). Teaching mathematics (2nd ed.). New York, NY: Wiley.",
                  "apa")
    assert record.type == "book"
    assert record.fields["title"] == "Teaching mathematics"
    assert record.fields["edition"] == "2nd"
    assert record.fields["publisher-place"] == "New York, NY"
    assert record.fields["publisher"] == "Wiley"


def test_apa_edited_book():
    record = read("Hygum, E., & Pedersen, P. M. (Eds.). (2010). Early childhood education: "
                  "Values and practices in Denmark. Hans Reitzels Forlag.", "apa")
    assert record.type == "book"
    assert "author" not in record.names
    assert record.names["editor"] == [Name(family="Hygum", given="E."),
                                      Name(family="Pedersen", given="P. M.")]
    assert record.fields["publisher"] == "Hans Reitzels Forlag"


def test_apa_chapter_in_edited_book():
    record = read("Dillard, J. P. (2020). Currents in the study of persuasion. In M. B. "
                  "Oliver, A. A. Raney, & J. Bryant (Eds.), Media effects: Advances in theory "
                  "and research (4th ed., pp. 115–129). Routledge.", "apa")
    assert record.type == "chapter"
    assert record.fields["title"] == "Currents in the study of persuasion"
    assert record.names["editor"] == [Name(family="Oliver", given="M. B."),
                                      Name(family="Raney", given="A. A."),
                                      Name(family="Bryant", given="J.")]
    assert record.fields["container-title"] == "Media effects: Advances in theory and research"
    assert record.fields["edition"] == "4th"
    assert record.fields["page"] == "115-129"
    assert record.fields["publisher"] == "Routledge"


def test_apa_conference_presentation():
    record = read("Evans, A. C., & Garbarino, J. (2019, August 8–11). Gun violence: An event on "
                  "the power of community [Conference presentation]. APA 2019 Convention, "
                  "Chicago, IL, United States.", "apa")
    assert record.type == "paper-conference"
    assert record.fields["genre"] == "Conference presentation"
    assert record.fields["event-title"] == "APA 2019 Convention"
    assert record.fields["event-place"] == "Chicago, IL, United States"
    assert record.dates["issued"].iso() == "2019-08"


def test_apa_dissertation():
    record = read("Harris, L. (2014). Instructional leadership perceptions and practices of "
                  "elementary school leaders [Doctoral dissertation, University of Virginia]. "
                  "https://doi.org/10.18130/V3Q95J", "apa")
    assert record.type == "thesis"
    assert record.fields["genre"] == "Doctoral dissertation"
    assert record.fields["publisher"] == "University of Virginia"
    assert record.fields["DOI"] == "10.18130/V3Q95J"


def test_apa_report_with_number_and_organisation_author():
    record = read("Fister, B. (2016). Report on the state of information literacy (Report No. "
                  "5). Project Information Literacy.", "apa")
    assert record.type == "report"
    assert record.fields["number"] == "5"
    assert record.fields["publisher"] == "Project Information Literacy"
    organisation = read("National Cancer Institute. (2019). Taking time: Support for people "
                        "with cancer (NIH Publication No. 18-2059). U.S. Department of Health "
                        "and Human Services.", "apa")
    assert organisation.names["author"] == [Name(literal="National Cancer Institute")]


def test_apa_webpage_newspaper_and_magazine():
    page = read("Mayo Clinic. (2019, September 10). Biofeedback. "
                "https://www.mayoclinic.org/tests-procedures/biofeedback", "apa")
    assert page.type == "webpage"
    assert page.dates["issued"].iso() == "2019-09-10"
    assert page.fields["URL"] == "https://www.mayoclinic.org/tests-procedures/biofeedback"
    news = read("Carey, B. (2019, March 22). Can we get better at forgetting? The New York "
                "Times. https://www.nytimes.com/2019/03/22/health/memory.html", "apa")
    assert news.type == "article-newspaper"
    assert news.fields["title"] == "Can we get better at forgetting?"
    assert news.fields["container-title"] == "The New York Times"
    magazine = read("Shelburne, E. C. (2008, September). The great disruption. The Atlantic, "
                    "302(2), 34–40.", "apa")
    assert magazine.type == "article-magazine"
    assert magazine.dates["issued"].iso() == "2008-09"


def test_apa_dataset_and_software():
    data = read("Kessler, R. C., & Ustun, T. B. (2004). World Mental Health Survey [Data set]. "
                "Harvard Medical School. https://doi.org/10.3886/ICPSR04436.v2", "apa")
    assert data.type == "dataset"
    assert data.fields["publisher"] == "Harvard Medical School"
    software = read("R Core Team. (2020). R: A language and environment for statistical "
                    "computing (Version 4.0.2) [Computer software]. R Foundation for "
                    "Statistical Computing.", "apa")
    assert software.type == "software"
    assert software.fields["version"] == "4.0.2"
    assert software.names["author"] == [Name(literal="R Core Team")]


def test_apa_seven_twenty_authors_then_ellipsis_and_last():
    authors = ", ".join(f"Author{n}, A." for n in range(1, 20))
    record = read(f"{authors}, . . . Last, Z. (2020). A long list. Journal of Lists, 1(1), "
                  "1–2.", "apa")
    names = record.names["author"]
    assert len(names) == 21 and names[-1] == ET_AL
    assert names[-2] == Name(family="Last", given="Z.")


def test_apa_no_date_and_in_press():
    record = read("Athletics New Zealand. (n.d.). Form a new club. "
                  "http://www.athletics.org.nz/Clubs", "apa")
    assert "issued" not in record.dates
    assert record.type == "webpage"


def test_harvard_journal_article_cite_them_right():
    record = read("Mahony, N. and Smith, K.L. (2019) 'Designing a new university', Journal of "
                  "Higher Education Policy, 41(3), pp. 223–236. Available at: "
                  "https://example.org/article (Accessed: 10 March 2023).", "harvard")
    assert record.type == "article-journal"
    assert record.names["author"] == [Name(family="Mahony", given="N."),
                                      Name(family="Smith", given="K.L.")]
    assert record.fields["title"] == "Designing a new university"
    assert record.fields["container-title"] == "Journal of Higher Education Policy"
    assert (record.fields["volume"], record.fields["issue"], record.fields["page"]) == (
        "41", "3", "223-236")
    assert record.fields["URL"] == "https://example.org/article"
    assert record.dates["accessed"].iso() == "2023-03-10"


def test_harvard_book_with_edition():
    record = read("Barker, R., Kirk, J. and Munday, R.J. (1988) Narrative analysis. 3rd edn. "
                  "Bloomington: Indiana University Press.", "harvard")
    assert record.type == "book"
    assert record.fields["edition"] == "3rd"
    assert record.fields["publisher-place"] == "Bloomington"
    assert record.fields["publisher"] == "Indiana University Press"
    assert len(record.names["author"]) == 3


def test_harvard_chapter_and_edited_book():
    record = read("Franklin, A.W. (2012) 'Management of the problem', in Smith, S.M. (ed.) The "
                  "maltreatment of children. Lancaster: MTP, pp. 83–95.", "harvard")
    assert record.type == "chapter"
    assert record.names["editor"] == [Name(family="Smith", given="S.M.")]
    assert record.fields["container-title"] == "The maltreatment of children"
    assert record.fields["page"] == "83-95"
    assert record.fields["publisher"] == "MTP"
    edited = read("Jones, L. and Smith, K. (eds) (2015) Handbook of nursing practice. 2nd edn. "
                  "London: Sage Publications.", "harvard")
    assert edited.names["editor"] == [Name(family="Jones", given="L."),
                                      Name(family="Smith", given="K.")]


def test_harvard_newspaper_thesis_and_conference():
    news = read("Mansell, W. (2003) 'Ministers back down on child abuse ruling', The Guardian, "
                "22 July, p. 5.", "harvard")
    assert news.type == "article-newspaper"
    assert news.fields["container-title"] == "The Guardian"
    assert news.dates["issued"].iso() == "2003-07-22"
    assert news.fields["page"] == "5"
    thesis = read("Hakala, K. (2010) Student experiences of learning. PhD thesis. University "
                  "of Helsinki.", "harvard")
    assert thesis.type == "thesis"
    assert (thesis.fields["genre"], thesis.fields["publisher"]) == (
        "PhD thesis", "University of Helsinki")
    paper = read("Gerhardt, J. (2008) 'Title of paper', Paper presented at the British "
                 "Educational Research Association Annual Conference, Edinburgh, 3-6 "
                 "September.", "harvard")
    assert paper.type == "paper-conference"
    assert paper.fields["event-title"] == ("British Educational Research Association Annual "
                                           "Conference")
    assert paper.fields["event-place"] == "Edinburgh"


def test_harvard_agps_variant():
    book = read("Bell, J 2010, Doing your research project, 5th edn, Open University Press, "
                "Maidenhead.", "harvard")
    assert book.names["author"] == [Name(family="Bell", given="J")]
    assert book.fields["title"] == "Doing your research project"
    assert book.fields["edition"] == "5th"
    assert (book.fields["publisher"], book.fields["publisher-place"]) == (
        "Open University Press", "Maidenhead")
    article = read("Kell, P 2006, 'Equality of opportunity', Australian Journal of Education, "
                   "vol. 50, no. 2, pp. 129-145.", "harvard")
    assert (article.fields["volume"], article.fields["issue"], article.fields["page"]) == (
        "50", "2", "129-145")


def test_harvard_dataset_software_and_webpage():
    data = read("UK Data Service (2019) Labour Force Survey [Dataset]. Available at: "
                "https://doi.org/10.5255/UKDA-SN-8381-1 (Accessed: 3 June 2020).", "harvard")
    assert data.type == "dataset"
    assert data.fields["DOI"] == "10.5255/UKDA-SN-8381-1"
    software = read("Microsoft (2019) Microsoft Teams [Computer program]. Available at: "
                    "https://www.microsoft.com/teams (Accessed: 1 May 2020).", "harvard")
    assert software.type == "software"
    page = read("NHS (2020) Coronavirus (COVID-19). Available at: https://www.nhs.uk/covid "
                "(Accessed: 23 March 2020).", "harvard")
    assert page.type == "webpage"
    assert page.fields["title"] == "Coronavirus (COVID-19)"
    assert page.names["author"] == [Name(literal="NHS")]


def test_other_styles_are_left_alone():
    reference = Reference.of("Smith J, Doe A. Title of the work. J Neurosci. 2019;26(1):21-7.")
    assert apa.parse(reference) is None
    assert harvard.parse(reference) is None
    wos = Reference.of("Abdel-Aty M, 2010, ITE J, V80, P34")
    assert harvard.parse(wos) is None


@pytest.mark.parametrize("grammar", [apa.parse, harvard.parse])
def test_grammars_are_total(grammar):
    generator = random.Random(7)
    alphabet = "aA1 ().,:;&'‘’“”\"[]<>-–/?!…" + "é中"
    texts = ["", "(", ")", "((((((", "(2019). " * 800, "Smith, J. (2019) '" * 300,
             "In " * 2000, "[" * 3000 + "]" * 10, "a, " * 2500 + "(2019).",
             "Smith, J. (2019). T. J, 1(" + "(" * 2000]
    texts += ["".join(generator.choice(alphabet) for _ in range(generator.randint(1, 400)))
              for _ in range(300)]
    for text in texts:
        grammar(Reference.of(text))


def test_apa_undated_work_and_particle_after_initials():
    record = read("Veen, L. J. van der. (undated). Le système tonal du ge-via. Journal of West "
                  "African Languages, 22(2), 17–42.", "apa")
    assert record.names["author"] == [Name(family="Veen", given="L. J.",
                                           dropping_particle="van der")]
    assert "issued" not in record.dates
    assert record.fields["container-title"] == "Journal of West African Languages"


def test_apa_title_of_two_sentences_before_the_journal():
    record = read("Cook, E.-D., & Wilhelm, A. (1998). Noun incorporation. New evidence from "
                  "Athapaskan. Studies in Language, 22(1), 49–82.", "apa")
    assert record.fields["title"] == "Noun incorporation. New evidence from Athapaskan"
    assert record.fields["container-title"] == "Studies in Language"


def test_apa_pages_without_volume_and_roman_volume():
    proceedings = read("Osatananda, V. (1996). Tonal assignment on loanwords. The Fourth "
                       "International Symposium on Language and Linguistics, 198–210.", "apa")
    assert proceedings.fields["container-title"] == ("The Fourth International Symposium on "
                                                     "Language and Linguistics")
    assert proceedings.fields["page"] == "198-210"
    roman = read("Banker, E. (1964). Bahnar reduplication. Mon-Khmer Studies, I, 119–134.",
                 "apa")
    assert (roman.fields["volume"], roman.fields["page"]) == ("I", "119-134")


def test_apa_book_title_of_sentences_runs_to_the_pages_group():
    record = read("Hoogshagen, S. (1984). Coatlán Mixe. In V. R. Bricker & M. S. Edmonson (Eds.),"
                  " Supplement to the Handbook of Middle American Indians. Vol. 2. Linguistics "
                  "(pp. 3–19). University of Texas Press.", "apa")
    assert record.fields["container-title"] == ("Supplement to the Handbook of Middle American "
                                                "Indians. Vol. 2. Linguistics")
    assert record.fields["page"] == "3-19"
    assert record.fields["publisher"] == "University of Texas Press"


def test_apa_translator_and_original_date_and_apa6_ellipsis():
    record = read("Freud, S. (1961). The ego and the id (J. Riviere, Trans.). Norton. (Original "
                  "work published 1923)", "apa")
    assert record.names["translator"] == [Name(family="Riviere", given="J.")]
    assert record.dates["original-date"].iso() == "1923"
    listed = read("Kalnay, E., Kanamitsu, M., ... Joseph, D. (1996). The reanalysis project. "
                  "Bulletin of the American Meteorological Society, 77(3), 437-471.", "apa")
    assert listed.names["author"][-2:] == [Name(family="Joseph", given="D."), ET_AL]


def test_harvard_page_lists_and_chapter_without_publisher():
    book = read("Arlotto, A. (1972) Introduction to historical linguistics. Boston: "
                "Houghton-Mifflin, pp. xiv, 274.", "harvard")
    assert book.fields["page"] == "xiv, 274"
    chapter = read("Sharpe, M.C. (1997) 'Yugambeh-Bundjalung dialects', in D. Tryon and M. Walsh "
                   "(eds.) Boundary Rider. Essays in Honour of Geoffrey O'Grady, pp. 363–392.",
                   "harvard")
    assert chapter.fields["container-title"] == ("Boundary Rider. Essays in Honour of Geoffrey "
                                                 "O'Grady")
    assert chapter.fields["page"] == "363-392"


def test_harvard_journal_in_the_authors_place_and_part_of_a_collection():
    article = read("Northwest Science (1999) 'Habitat selection by female black bears', 73(4), "
                   "pp. 283–294.", "harvard")
    assert "author" not in article.names
    assert article.fields["container-title"] == "Northwest Science"
    assert (article.fields["volume"], article.fields["issue"]) == ("73", "4")
    letter = read("Luce, G.H. (undated) 'Letter to a colleague', Luce Collection, MS 6574-7. "
                  "National Library of Australia.", "harvard")
    assert letter.fields["container-title"] == "Luce Collection, MS 6574-7"
    assert letter.fields["publisher"] == "National Library of Australia"


def test_harvard_editors_sentence_day_of_a_post_and_agps_with_points():
    book = read("Mahony, N. (2019) Designing a university. Edited by K. Smith. London: Sage.",
                "harvard")
    assert book.fields["title"] == "Designing a university"
    assert book.names["editor"] == [Name(family="Smith", given="K.")]
    post = read("Smith, P. (2020) Teaching online [Blog]. 4 May. Available at: "
                "https://blog.example.com/x (Accessed: 5 May 2020).", "harvard")
    assert post.dates["issued"].iso() == "2020-05-04"
    assert "publisher" not in post.fields
    agps = read("Bell, A. 2019, 'Sleep and memory', Journal of Sleep Research, vol. 28, no. 2, "
                "pp. 1-12, viewed 5 May 2020, <https://doi.org/10.1111/jsr.12345>.", "harvard")
    assert agps.fields["container-title"] == "Journal of Sleep Research"
    assert agps.dates["accessed"].iso() == "2020-05-05"


def test_harvard_agsm_form_parts_by_commas():
    book = read("Nguyen T (2020) Writing for the public service, 3rd edn, Allen & Unwin, Sydney.",
                "harvard")
    assert book.fields["title"] == "Writing for the public service"
    assert (book.fields["edition"], book.fields["publisher"], book.fields["publisher-place"]) == (
        "3rd", "Allen & Unwin", "Sydney")
    page = read("Lee K (2022) Why do cities flood? What planners can do about it, Planning "
                "Matters website, accessed 2 March 2023. https://planning.example.org/flood",
                "harvard")
    assert page.type == "webpage"
    assert page.fields["title"] == "Why do cities flood? What planners can do about it"
    assert page.fields["container-title"] == "Planning Matters"
    article = read("Ross P (2019) 'Shift work and sleep', Nursing Review, 12(3):40-45, accessed "
                   "4 May 2021, CINAHL Complete, EBSCOhost.", "harvard")
    assert (article.fields["container-title"], article.fields["page"]) == ("Nursing Review",
                                                                           "40-45")
    chapter = read("Park J and Kim S (2021) 'Sensor networks', in Lee A (ed) Smart cities, "
                   "models and practice, Springer Publishing, doi:10.1007/978-3-030-00000-0.",
                   "harvard")
    assert chapter.fields["container-title"] == "Smart cities, models and practice"
    assert chapter.fields["publisher"] == "Springer Publishing"


def test_harvard_bath_proceedings_webpage_and_series():
    paper = read("Hale, R., 1985. Weed control in cereals. Proceedings of the 3rd Cereal "
                 "Conference, 4-6 June 1985 York. York: University of York, pp.10-19.", "harvard")
    assert paper.type == "paper-conference"
    assert paper.fields["container-title"] == "Proceedings of the 3rd Cereal Conference"
    assert paper.fields["event-place"] == "York"
    page = read("Bath Council, 2018. Walking routes [Online]. Bath: Bath Council. Available "
                "from: http://www.example.gov.uk/walks [Accessed 3 May 2019].", "harvard")
    assert page.type == "webpage"
    assert page.fields["medium"] == "Online"
    book = read("Moore, S. (2015) Study skills. 2nd edn. London: Palgrave (Study Guides).",
                "harvard")
    assert book.fields["collection-title"] == "Study Guides"
    assert book.fields["publisher"] == "Palgrave"


def test_harvard_year_after_initials_and_in_press():
    article = read("Mokoena, T.J. & Dube, S. 2022. Water tariffs in small towns. Review of "
                   "Urban Studies. [In press].", "harvard")
    assert article.type == "article-journal"
    assert article.fields["container-title"] == "Review of Urban Studies"
    assert article.names["author"][1] == Name(family="Dube", given="S.")


def test_apa_thesis_place_accession_number_and_software_sentence():
    thesis = read("Lopez, M. A. (2005). Teachers and tests (Unpublished master's thesis). "
                  "Example State University, Fresno, CA.", "apa")
    assert (thesis.fields["publisher"], thesis.fields["publisher-place"]) == (
        "Example State University", "Fresno, CA")
    numbered = read("Kim, H. (2009). Reading in two languages (Doctoral dissertation). "
                    "Retrieved from ProQuest Dissertations and Theses database. (UMI No. "
                    "3344556)", "apa")
    assert numbered.fields["number"] == "3344556"
    package = read("Doe, J. (2021). tidyplots: Plots for tidy data. R package. "
                   "https://CRAN.R-project.org/package=tidyplots", "apa")
    assert package.type == "software"
    assert package.fields["genre"] == "R package"


def test_apa_reports_by_issuing_body_and_blog_posts():
    report = read("Brown, A., & Green, B. (2012). Housing needs in rural districts. University "
                  "of Otago. https://www.example.ac.nz/housing.pdf", "apa")
    assert report.type == "report"
    post = read("Wells, R. (2021, June 2). Why peer review matters. Open Notes. "
                "https://opennotes.blog/2021/06/02/peer-review/", "apa")
    assert post.type == "post-weblog"
    news = read("Patel, K. (2023, March 3). Ferry service cut again. BBC News. "
                "https://www.bbc.com/news/uk-00000000", "apa")
    assert news.type == "webpage"


def test_apa_organisations_joined_by_ampersand_issue_a_report():
    record = read("National Heritage Council & State Planning Commission. (2018). Protecting "
                  "old town centres.", "apa")
    assert record.names["author"] == [Name(literal="National Heritage Council"),
                                      Name(literal="State Planning Commission")]
    assert record.type == "report"
    single = read("Department for Culture, Media & Sport. (2016). The culture white paper. "
                  "Crown.", "apa")
    assert len(single.names["author"]) == 1


def test_apa_film_maker_role_slides_and_a_period_inside_the_date():
    film = read("Lee, A. (Director). (2000). Crouching tiger [Film]. Sony Pictures.", "apa")
    assert film.type == "motion_picture"
    assert film.names["author"] == [Name(family="Lee", given="A.")]
    slides = read("Kim, J. (2021, March 3). Cell biology basics [PowerPoint slides]. Moodle. "
                  "https://moodle.example.edu/course/12", "apa")
    assert slides.type == "speech"
    assert slides.fields["publisher"] == "Moodle"
    brief = read("Ross, K., & Dunn, P. (2019, May.) Paying for water in small towns (Policy "
                 "Brief No. 12). Water Policy Institute.", "apa")
    assert brief.dates["issued"].iso() == "2019-05"
    assert brief.fields["number"] == "12"


def test_harvard_agsm_agency_report_with_jurisdiction():
    record = read("DoH (Department of Health) (2019) Guide to rural clinics, report prepared "
                  "by K Lane, DoH, Australian Government.", "harvard")
    assert record.type == "report"
    assert record.fields["title"] == "Guide to rural clinics"
    assert record.fields["publisher"] == "DoH"
    assert "publisher-place" not in record.fields


def test_harvard_agps_translator_years_in_title_and_state():
    record = read("Martín, L 2015, Old roads: travel in Spain, 1400-1600, trans. K Ross, "
                  "Harbour Press, Sydney.", "harvard")
    assert record.fields["title"] == "Old roads: travel in Spain, 1400-1600"
    assert record.names["translator"] == [Name(family="Ross", given="K")]
    assert (record.fields["publisher"], record.fields["publisher-place"]) == (
        "Harbour Press", "Sydney")
    video = read("Hall, P 2004, Safe lifting, video recording, Coast Training Films, "
                 "Geelong, Vic.", "harvard")
    assert video.type == "motion_picture"
    assert video.fields["medium"] == "video recording"
    assert video.fields["publisher-place"] == "Geelong, Vic"


def test_harvard_apostrophe_within_a_quoted_title_and_an_editor_without_points():
    record = read("Lee, K 2010, 'Teachers' views of homework', Education Review, vol. 5, no. 2, "
                  "pp. 1-9.", "harvard")
    assert record.fields["title"] == "Teachers' views of homework"
    assert record.fields["container-title"] == "Education Review"
    chapter = read("Ward, J 2008, 'Old harbours', in B Moss (ed.), Coastal towns, Tide Press, "
                   "Hobart.", "harvard")
    assert chapter.names["editor"] == [Name(family="Moss", given="B")]


def test_harvard_south_african_thesis_and_issue_month():
    thesis = read("Naidoo, P., 2012. Water use on small farms. MSc. Durban: University of "
                  "KwaZulu-Natal.", "harvard")
    assert thesis.type == "thesis"
    assert thesis.fields["genre"] == "MSc"
    assert (thesis.fields["publisher-place"], thesis.fields["publisher"]) == (
        "Durban", "University of KwaZulu-Natal")
    article = harvard.parse(Reference.of("Botha, R.J. 2001. Rural schools and change. Journal "
                                         "of Education, 21(3):45-52, May."))
    assert article is not None
    assert article.fields["page"] == "45-52"
    assert article.dates["issued"].iso() == "2001-05"


def test_harvard_elsevier_forms():
    chapter = read("Brown, A.B., Green, C., 2011. Reading maps, in: White, D.E., Black, F. "
                   "(Eds.), Field Methods. Earth Press, London, pp. 10–20.", "harvard")
    assert chapter.type == "chapter"
    assert chapter.fields["title"] == "Reading maps"
    assert chapter.names["editor"] == [Name(family="White", given="D.E."),
                                       Name(family="Black", given="F.")]
    assert (chapter.fields["publisher"], chapter.fields["publisher-place"]) == (
        "Earth Press", "London")
    book = read("Jones Jr., T., 1999. The Book of Rivers, second ed. Delta Books, Boston.",
                "harvard")
    assert book.names["author"] == [Name(family="Jones", given="T.", suffix="Jr.")]
    assert book.fields["edition"] == "second"
    article = read("Smith, A., Young, B., 2015. Soil carbon in dry lands. J. Arid Environ. 45, "
                   "100–110.", "harvard")
    assert article.type == "article-journal"
    assert (article.fields["volume"], article.fields["page"]) == ("45", "100-110")
    thesis = read("Cairns RB. 1965. Infrared studies of solid oxygen [Dissertation]. Berkeley: "
                  "University of California.", "harvard")
    assert thesis.type == "thesis"
    assert thesis.names["author"] == [Name(family="Cairns", given="RB")]


def test_harvard_journal_parted_from_title_or_numbers_and_edition_of_host_book():
    leeds = read("Okafor, C. (2017) Flood maps. Journal of Hydrology. 8 (2), pp. 11-19.",
                 "harvard")
    assert (leeds.fields["container-title"], leeds.fields["volume"]) == (
        "Journal of Hydrology", "8")
    comma = read("Okafor, C. (2017) Flood maps, Journal of Hydrology, 8(2): 11-19.", "harvard")
    assert comma.fields["title"] == "Flood maps"
    assert comma.fields["page"] == "11-19"
    chapter = read("Okafor, C. (2017) 'Flood maps', in Reed, P. (ed.) Water. 3rd edn. Leeds: "
                   "Delta, pp. 5-20.", "harvard")
    assert chapter.fields["edition"] == "3rd"
    assert chapter.fields["publisher-place"] == "Leeds"


def test_harvard_page_online_alone_and_apa_user_name():
    page = read("Rivers Trust (2020) Clean rivers [Online]. Available from: "
                "https://www.example.org/clean [Accessed 4 March 2021].", "harvard")
    assert page.type == "webpage"
    video = read("Garcia, P. [PaulGarcia]. (2019, June 5). Tying knots [Video]. YouTube. "
                 "https://www.youtube.com/watch?v=abc123", "apa")
    assert video.names["author"] == [Name(family="Garcia", given="P.")]


def test_apa_chinese_thesis_parted_by_no_space_periods_and_retrieved_date():
    thesis = read("王小明. (2015). 儿童数字加工的发展 (硕士学位论文). 华东师范大学, 上海.", "apa")
    assert thesis.type == "thesis"
    assert thesis.fields["title"] == "儿童数字加工的发展"
    assert (thesis.fields["genre"], thesis.fields["publisher"],
            thesis.fields["publisher-place"]) == ("硕士学位论文", "华东师范大学", "上海")
    tight = read("李红,张明. (2010).汉语词汇识别的眼动研究.心理科学,33,120-125.", "apa")
    assert tight.type == "article-journal"
    assert tight.fields["title"] == "汉语词汇识别的眼动研究"
    assert (tight.fields["container-title"], tight.fields["volume"], tight.fields["page"]) == (
        "心理科学", "33", "120-125")
    online = read("赵一, 钱二. (2021). 阅读的认知机制. 心理研究, (2), 10–18. 2021-05-06 取自 "
                  "https://example.org/article/123", "apa")
    assert online.dates["accessed"].iso() == "2021-05-06"
    assert online.fields["URL"] == "https://example.org/article/123"
    assert (online.fields["issue"], online.fields["page"]) == ("2", "10-18")
