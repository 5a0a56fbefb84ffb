"""Chicago (author-date, notes-bibliography) and MLA references read into records: one
reference of each kind, written to the style's own rules, and what each must give."""

from __future__ import annotations

import pytest

from recconv.formats.record import ET_AL, Date, Name
from recconv.formats.references import chicago, mla
from recconv.formats.references.common import Reference
from recconv.formats.references.parse import parse_reference


def read(text: str, style: str):
    parse = parse_reference(text)
    assert parse is not None
    assert parse.style == style
    return parse.record


def people(*names: tuple[str, str]) -> list[Name]:
    return [Name(family=family, given=given) for family, given in names]


# -- Chicago author-date


def test_author_date_book_with_two_authors():
    record = read("Grazer, Brian, and Charles Fishman. 2015. A Curious Mind: The Secret to a "
                  "Bigger Life. New York: Simon & Schuster.", "chicago-author-date")
    assert record.type == "book"
    assert record.authors == people(("Grazer", "Brian"), ("Fishman", "Charles"))
    assert record.dates["issued"] == Date((2015,))
    assert record.fields == {"title": "A Curious Mind: The Secret to a Bigger Life",
                             "publisher-place": "New York", "publisher": "Simon & Schuster"}


def test_author_date_journal_article_with_issue_in_parentheses():
    record = read("LaSalle, Peter. 2017. “Conundrum: A Story about Reading.” New England "
                  "Review 38 (1): 95–109. https://doi.org/10.1353/ner.2017.0015.",
                  "chicago-author-date")
    assert record.type == "article-journal"
    assert record.fields == {"title": "Conundrum: A Story about Reading",
                             "container-title": "New England Review", "volume": "38",
                             "issue": "1", "page": "95-109", "DOI": "10.1353/ner.2017.0015"}


def test_author_date_chapter_in_edited_book():
    record = read("Doniger, Wendy. 1999. “Horses for Courses.” In Splitting the Difference, "
                  "edited by Ann Smith and Lee Brown, 43–78. Chicago: University of Chicago "
                  "Press.", "chicago-author-date")
    assert record.type == "chapter"
    assert record.names["editor"] == people(("Smith", "Ann"), ("Brown", "Lee"))
    assert record.fields["container-title"] == "Splitting the Difference"
    assert record.fields["page"] == "43-78"
    assert record.fields["publisher"] == "University of Chicago Press"


def test_author_date_newspaper_takes_month_and_day_after_the_year():
    record = read("Manjoo, Farhad. 2017. “Snap Makes a Bet on the Cultural Supremacy of the "
                  "Camera.” New York Times, March 8.", "chicago-author-date")
    assert record.type == "article-newspaper"
    assert record.fields["container-title"] == "New York Times"
    assert record.dates["issued"] == Date((2017, 3, 8))


def test_author_date_thesis_report_and_conference_paper():
    thesis = read("Choi, Mihwa. 2008. “Contesting Imaginaires in Death Rituals.” PhD diss., "
                  "University of Chicago.", "chicago-author-date")
    assert (thesis.type, thesis.get("genre"), thesis.get("publisher")) == (
        "thesis", "PhD diss.", "University of Chicago")
    report = read("Brown, Lee. 2015. Working with Data. Technical Report 2015-03. Berkeley: "
                  "Lawrence Berkeley National Laboratory.", "chicago-author-date")
    assert (report.type, report.get("genre"), report.get("number")) == (
        "report", "Technical Report", "2015-03")
    paper = read("Adelman, Rachel. 2009. “God’s Footstool in the Aramaic Targumim.” Paper "
                 "presented at the Annual Meeting of the Society of Biblical Literature, New "
                 "Orleans, LA, November 21–24.", "chicago-author-date")
    assert paper.type == "paper-conference"
    assert paper.get("event-title") == "Annual Meeting of the Society of Biblical Literature"
    assert paper.get("event-place") == "New Orleans, LA"


def test_author_date_webpage_without_date_and_interview():
    page = read("Yale University. n.d. “About Yale: Yale Facts.” Accessed May 1, 2017. "
                "https://www.yale.edu/about-yale/yale-facts.", "chicago-author-date")
    assert page.type == "webpage"
    assert page.authors == [Name(literal="Yale University")]
    assert page.dates == {"accessed": Date((2017, 5, 1))}
    interview = read("Spacey, Kevin. 2000. “Kevin Spacey: The Inside Story.” Interview by "
                     "Charlie Rose. Charlie Rose, PBS, March 8.", "chicago-author-date")
    assert interview.type == "interview"
    assert interview.names["interviewer"] == people(("Rose", "Charlie"))
    assert interview.dates["issued"] == Date((2000, 3, 8))


def test_author_date_unsigned_work_puts_its_title_before_the_year():
    record = read("“Habitat Selection by Female Black Bears.” 1999. Northwest Science 73 (4): "
                  "283–94.", "chicago-author-date")
    assert "author" not in record.names
    assert record.fields == {"title": "Habitat Selection by Female Black Bears",
                             "container-title": "Northwest Science", "volume": "73",
                             "issue": "4", "page": "283-94"}
    assert record.dates["issued"] == Date((1999,))


def test_author_date_forthcoming_stands_for_the_year():
    record = read("Downing, Bruce T. forthcoming. “Language Adaptation of the Hmong in "
                  "Minnesota.” In Asians in Minnesota, edited by Nobuya Tsuchida.",
                  "chicago-author-date")
    assert record.authors == people(("Downing", "Bruce T."))
    assert (record.type, record.get("container-title")) == ("chapter", "Asians in Minnesota")
    assert "issued" not in record.dates


# -- Chicago notes-bibliography


def test_bibliography_book_translated():
    record = read("Lahiri, Jhumpa. In Other Words. Translated by Ann Goldstein. New York: "
                  "Alfred A. Knopf, 2016.", "chicago-notes")
    assert record.type == "book"
    assert record.names["translator"] == people(("Goldstein", "Ann"))
    assert record.fields == {"title": "In Other Words", "publisher-place": "New York",
                             "publisher": "Alfred A. Knopf"}
    assert record.dates["issued"] == Date((2016,))


def test_bibliography_initials_end_the_names_before_the_title():
    record = read("Salinger, J. D. Franny and Zooey. Boston: Little, Brown, 1961.",
                  "chicago-notes")
    assert record.authors == people(("Salinger", "J. D."))
    assert record.get("title") == "Franny and Zooey"
    assert record.get("publisher") == "Little, Brown"


def test_bibliography_journal_article_with_year_in_parentheses():
    record = read("Satterfield, Susan. “Livy and the Pax Deum.” Classical Philology 111, no. 2 "
                  "(April 2016): 165–76.", "chicago-notes")
    assert record.type == "article-journal"
    assert record.fields == {"title": "Livy and the Pax Deum",
                             "container-title": "Classical Philology", "volume": "111",
                             "issue": "2", "page": "165-76"}
    assert record.dates["issued"] == Date((2016, 4))


def test_bibliography_editors_film_and_magazine():
    edited = read("Felski, Rita, and Susan Fraiman, eds. In the Shadow of the Text. Chicago: "
                  "University of Chicago Press, 2012.", "chicago-notes")
    assert edited.names == {"editor": people(("Felski", "Rita"), ("Fraiman", "Susan"))}
    film = read("Coppola, Francis Ford, dir. The Godfather. Hollywood, CA: Paramount "
                "Pictures, 1972. DVD.", "chicago-notes")
    assert (film.type, film.get("medium")) == ("motion_picture", "DVD")
    assert film.names["director"] == people(("Coppola", "Francis Ford"))
    magazine = read("Mead, Rebecca. “The Prophet of Dystopia.” New Yorker, April 17, 2017.",
                    "chicago-notes")
    assert (magazine.type, magazine.get("container-title")) == ("article-magazine",
                                                                 "New Yorker")
    assert magazine.dates["issued"] == Date((2017, 4, 17))


def test_notes_give_the_names_first_and_the_facts_in_parentheses():
    book = read("3. Jhumpa Lahiri, In Other Words, trans. Ann Goldstein (New York: Alfred A. "
                "Knopf, 2016), 146.", "chicago-notes")
    assert book.type == "book"
    assert book.authors == people(("Lahiri", "Jhumpa"))
    assert book.names["translator"] == people(("Goldstein", "Ann"))
    assert book.get("title") == "In Other Words"
    assert "page" not in book.fields  # 146 is the note's locator
    chapter = read("9. Henry David Thoreau, “Walking,” in The Making of the American Essay, "
                   "ed. John D’Agata et al. (Minneapolis: Graywolf Press, 2016), 177–78.",
                   "chicago-notes")
    assert chapter.type == "chapter"
    assert chapter.names["editor"] == [Name(family="D’Agata", given="John"), ET_AL]
    assert chapter.get("container-title") == "The Making of the American Essay"


def test_bibliography_journal_with_an_issue_range_and_a_particle_after_the_given_names():
    record = read("Veen, Lolke J. van der. “Le Système Tonal.” L’Homme 15, nos. 3–4 (1975): "
                  "109–28.", "chicago-notes")
    assert record.authors[0].family == "Veen"
    assert record.fields == {"title": "Le Système Tonal", "container-title": "L’Homme",
                             "volume": "15", "issue": "3–4", "page": "109-28"}


def test_bibliography_chapter_with_editors_cut_short_and_a_publisher_without_place():
    record = read("Scovel, Thomas. “The Role of Aphasia Research.” In Studies in Tai "
                  "Linguistics, edited by Jimmy G. Harris and others. Central Institute of "
                  "English Language, 1975.", "chicago-notes")
    assert record.type == "chapter"
    assert record.names["editor"] == [Name(family="Harris", given="Jimmy G."), ET_AL]
    assert record.get("publisher") == "Central Institute of English Language"
    assert record.dates["issued"] == Date((1975,))


def test_bibliography_meeting_paper_with_place_date_and_pages():
    record = read("Osatananda, Varisa. “An Analysis of Tonal Assignment.” The Fourth "
                  "International Symposium on Language and Linguistics (Thailand), January "
                  "1996, 198–210.", "chicago-notes")
    assert record.type == "paper-conference"
    assert (record.get("container-title"), record.get("event-place"), record.get("page")) == (
        "The Fourth International Symposium on Language and Linguistics", "Thailand",
        "198-210")
    assert record.dates["issued"] == Date((1996, 1))


# -- MLA


def test_mla_journal_article_with_et_al():
    record = read("Baron, Naomi S., et al. “Redefining Reading.” PMLA, vol. 128, no. 1, "
                  "Jan. 2013, pp. 193-200.", "mla")
    assert record.type == "article-journal"
    assert record.authors == [Name(family="Baron", given="Naomi S."), ET_AL]
    assert record.fields == {"title": "Redefining Reading", "container-title": "PMLA",
                             "volume": "128", "issue": "1", "page": "193-200"}
    assert record.dates["issued"] == Date((2013, 1))


def test_mla_book_edited_book_and_chapter():
    book = read("Rabinowitz, Paula. American Pulp. Princeton UP, 2014.", "mla")
    assert (book.type, book.get("title"), book.get("publisher")) == (
        "book", "American Pulp", "Princeton UP")
    edited = read("Newcomb, Horace, editor. Television: The Critical View. 7th ed., Oxford "
                  "UP, 2007.", "mla")
    assert edited.names == {"editor": people(("Newcomb", "Horace"))}
    assert edited.get("edition") == "7th"
    chapter = read("Dewar, James A., and Peng Hwa Ang. “The Cultural Consequences of "
                   "Printing.” Agent of Change, edited by Sabrina Alcorn Baron, U of "
                   "Massachusetts P, 2007, pp. 365-77.", "mla")
    assert chapter.type == "chapter"
    assert chapter.authors == people(("Dewar", "James A."), ("Ang", "Peng Hwa"))
    assert chapter.names["editor"] == people(("Baron", "Sabrina Alcorn"))
    assert (chapter.get("container-title"), chapter.get("page")) == ("Agent of Change",
                                                                     "365-77")


def test_mla_video_episode_and_web_location_without_scheme():
    video = read("McGonigal, Jane. “Gaming Can Make a Better World.” YouTube, uploaded by "
                 "TED, 17 Mar. 2010, www.youtube.com/watch?v=dE1DuBesGYM.", "mla")
    assert video.type == "motion_picture"
    assert video.dates["issued"] == Date((2010, 3, 17))
    assert video.get("URL") == "www.youtube.com/watch?v=dE1DuBesGYM"
    episode = read("“The One Where Chandler Can't Cry.” Friends, directed by Kevin Bright, "
                   "season 6, episode 14, NBC, 10 Feb. 2000.", "mla")
    assert (episode.type, episode.get("container-title"), episode.get("publisher")) == (
        "broadcast", "Friends", "NBC")
    page = read("Ouellette, Jennifer. “Physicists Explain Why Skyscrapers Sway.” Ars "
                "Technica, 12 Apr. 2019, arstechnica.com/science/2019/04/sway/. Accessed 3 "
                "May 2020.", "mla")
    assert page.get("URL") == "arstechnica.com/science/2019/04/sway/"
    assert page.dates == {"issued": Date((2019, 4, 12)), "accessed": Date((2020, 5, 3))}


def test_mla_thesis_puts_the_degree_last():
    record = read("Lee, Min. The Politics of Memory. 2018. University of California, "
                  "Berkeley, PhD dissertation.", "mla")
    assert record.type == "thesis"
    assert record.get("genre") == "PhD dissertation"
    assert record.get("publisher") == "University of California, Berkeley"


def test_mla_container_title_with_commas_runs_to_its_editors():
    record = read("Tsunoda, Tasaku. “Aspect and Transitivity.” Tense-Aspect, Transitivity and "
                  "Causativity, edited by W. Abraham and others, 1999, pp. 3–20.", "mla")
    assert record.get("container-title") == "Tense-Aspect, Transitivity and Causativity"
    assert record.names["editor"] == [Name(family="Abraham", given="W."), ET_AL]
    assert record.get("page") == "3-20"


def test_mla_meeting_place_in_brackets():
    record = read("Liao, Zhao-yuan. “An Optimality Approach.” The 33rd International Conference "
                  "on Sino-Tibetan Languages [Bangkok, Thailand], 2000, pp. 52–61.", "mla")
    assert record.type == "paper-conference"
    assert (record.get("container-title"), record.get("event-place")) == (
        "The 33rd International Conference on Sino-Tibetan Languages", "Bangkok, Thailand")


# -- rules read more completely (round 3)


def test_author_date_thesis_keeps_no_repository_as_container():
    record = read("Okafor, Chidi. 2018. \"Rivers and Rule in the Niger Delta.\" PhD thesis., "
                  "University of Ibadan. Ibadan eTheses Online.", "chicago-author-date")
    assert record.type == "thesis"
    assert (record.get("genre"), record.get("publisher")) == ("PhD thesis", "University of Ibadan")
    assert record.get("container-title") == ""


def test_author_date_without_space_before_year_and_hierarchy_of_bodies():
    record = read("Ohio General Assembly, Ohio Board of Regents Commission. 2001. Annual Report "
                  "on Admissions. Columbus: Board of Regents.", "chicago-author-date")
    assert record.authors == [Name(literal="Ohio General Assembly, Ohio Board of Regents "
                                           "Commission")]
    record = read("Mendes, Ana Paula.2012. \"Salt Marshes.\" PhD diss., University of Porto.",
                  "chicago-author-date")
    assert record.dates["issued"] == Date((2012,))


def test_author_date_report_number_and_meeting_place():
    record = read("ABC (Agency for Building Codes). 2019. Fire Safety in Towers 2018-19. Cat. "
                  "no. FST 42. ABC. https://example.org/fst42.pdf.", "chicago-author-date")
    assert (record.type, record.get("number")) == ("report", "FST 42")
    record = read("Ito, Ken, and Mary Hale. 2011. \"Tide Gauges.\" In Proceedings of the 4th "
                  "Coastal Engineering Conference, Perth. Coastal Press.", "chicago-author-date")
    assert (record.get("container-title"), record.get("event-place")) == (
        "Proceedings of the 4th Coastal Engineering Conference", "Perth")


def test_chicago_blog_named_as_one():
    record = read("Lowe, Dana. “Notes on Winter Light.” Field Journal (blog). March 3, 2016. "
                  "https://fieldjournal.example.org/winter-light/.", "chicago-notes")
    assert (record.type, record.get("container-title")) == ("post-weblog", "Field Journal")


def test_notes_newspaper_place_page_and_stray_stop_before_volume():
    record = read("Marsh, Owen. “A Harbour Reopens.” Sun Herald (Sydney, NSW), June 2, 2004.",
                  "chicago-notes")
    assert (record.get("container-title"), record.get("publisher-place")) == (
        "Sun Herald", "Sydney, NSW")
    record = read("Blake, Ruth. “Letters Home,” Southern Review. 41, no. 2 (2005): 210-225.",
                  "chicago-notes")
    assert (record.get("volume"), record.get("issue"), record.get("page")) == (
        "41", "2", "210-225")


def test_notes_organisation_with_stops_and_chapter_editor_abbreviated():
    record = read("U.S. Bureau of Mines. Minerals Yearbook, 1950. Washington, DC: GPO, 1953.",
                  "chicago-notes")
    assert record.authors == [Name(literal="U.S. Bureau of Mines")]
    assert (record.get("publisher"), record.dates["issued"]) == ("GPO", Date((1953,)))
    record = read("Fromm, Ida. \"Care.\" In Essays on Virtue, ed. Paul K. Lane, 11-30. Boston: "
                  "Beacon, 1960.", "chicago-notes")
    assert record.get("container-title") == "Essays on Virtue"
    assert record.names["editor"] == people(("Lane", "Paul K."))


def test_notes_note_with_series_and_described_thesis():
    record = read("2. Mark Hale, Genesis, vol. 3, Study Bible Series (Dallas: Word Books, 1987), "
                  "14.", "chicago-notes")
    assert (record.get("volume"), record.get("collection-title")) == ("3", "Study Bible Series")
    record = read("3. Nora Stein, “Harbour Towns,” abstract (PhD diss., Yale University, 2012).",
                  "chicago-notes")
    assert (record.type, record.get("publisher")) == ("thesis", "Yale University")


def test_mla_run_on_database_ebook_edition_and_magazine_volume():
    record = read("Hart, Lena. “Night Shift.” Urban Review, vol. 12, no. 1, 2010, pp. 1-20."
                  "ProQuest, search.proquest.com/docview/1234.", "mla")
    assert record.get("page") == "1-20"
    record = read("Quinn, Ada. Salt Roads: Trade and Empire. eBook ed., Beacon Press, 2020.", "mla")
    assert (record.get("edition"), record.get("publisher")) == ("eBook", "Beacon Press")
    record = read("Ames, Paul. \"The Gift of the 'Magi.'\" The Century Magazine, vol. 3, no. 4, "
                  "1905, pp. 10-12.", "mla")
    assert (record.type, record.get("title")) == ("article-magazine", "The Gift of the 'Magi'")


def test_mla_newspaper_city_in_brackets_and_database_set_aside():
    record = read("Doe, Sam. \"Bridge Vote Delayed.\" Daily Courier [Prescott], 4 May 2011. "
                  "Newsbank Access World News, infoweb.newsbank.com/doc/123.", "mla")
    assert (record.get("container-title"), record.get("publisher-place")) == (
        "Daily Courier", "Prescott")
    assert record.get("publisher") == ""
    record = read("Lund, Eva M. Water Law in the West. 2015. University of Utah, master's thesis.",
                  "mla")
    assert (record.type, record.get("genre")) == ("thesis", "master's thesis")


def test_author_date_series_after_title_and_after_host_book():
    record = read("Baker, Ruth. 1971. Pottery Types of the Lower Valley. Field Manual 4. "
                  "Austin, TX: River Press.", "chicago-author-date")
    assert (record.get("title"), record.get("collection-title"),
            record.get("collection-number")) == (
        "Pottery Types of the Lower Valley", "Field Manual", "4")
    record = read("Ortiz, L. 2003. “Hearths and Households.” In Fieldwork in the Basin, edited "
                  "by M. Dale, 55–70. Regional Studies Paper 12. Reno: Basin Institute.",
                  "chicago-author-date")
    assert record.type == "chapter"
    assert (record.get("collection-title"), record.get("collection-number"),
            record.get("genre")) == ("Regional Studies Paper", "12", "")
    record = read("Moss, Anna, and Carl Pine, eds. 1999. Counting Kinds. Studies in Method. "
                  "London: Harbour Books.", "chicago-author-date")
    assert record.get("collection-title") == "Studies in Method"


def test_author_date_artwork_medium_and_foreign_edition():
    record = read("Reed, Clara. 1902. Harbour at Dusk. Oil on canvas. Sydney: State Gallery.",
                  "chicago-author-date")
    assert (record.type, record.get("medium"), record.get("publisher")) == (
        "graphic", "Oil on canvas", "State Gallery")
    record = read("Martin, Jules. 1955. Les Oiseaux. Édition revue. Paris: Presses du Sud.",
                  "chicago-author-date")
    assert record.get("edition") == "Édition revue"


def test_notes_host_book_with_date_after_pages_and_note_edition_spelled_out():
    record = read("Lowe, Dana. “Streets Remembered.” In The Shape of Towns, 12–40, 2001.",
                  "chicago-notes")
    assert (record.type, record.get("container-title"), record.get("page")) == (
        "chapter", "The Shape of Towns", "12-40")
    assert record.dates["issued"] == Date((2001,))
    record = read("Ann Vale, Reading Charts: A Guide, Third edition (Boston: Plain Press, 2010)",
                  "chicago-notes")
    assert (record.get("title"), record.get("edition")) == ("Reading Charts: A Guide", "Third")
    record = read("Ann Vale, “Against Pie Charts,” Charting Letter, 2009, 3–9, "
                  "https://example.org/pies.pdf", "chicago-notes")
    assert (record.type, record.get("page")) == ("article-journal", "3-9")


def test_mla_seventh_edition_medium_and_access_date():
    record = read("Hale, Rita. “Learning from Mistakes.” Teaching Quarterly 8.3 (2012): 101-19. "
                  "Print.", "mla")
    assert (record.type, record.get("container-title"), record.get("volume"),
            record.get("issue"), record.get("page"), record.get("medium")) == (
        "article-journal", "Teaching Quarterly", "8", "3", "101-19", "Print")
    record = read("Hale, Rita. “Why Tools Fail.” Writing Forum 14 (Fall 2014): n.p. Web. 3 May "
                  "2016. <http://example.org/forum/14/hale.html>", "mla")
    assert (record.get("container-title"), record.get("volume"), record.get("medium")) == (
        "Writing Forum", "14", "Web")
    assert (record.dates["issued"], record.dates["accessed"]) == (
        Date((2014,)), Date((2016, 5, 3)))
    record = read("Hale, Rita, and Tom Reyes. “A Course Gone Wrong.” Failing Better: Essays on "
                  "Teaching, Risk and Repair. Ed. Nora Fisk and Lee Stone. Boston: Quay Books, "
                  "2011. 33–48. Print.", "mla")
    assert (record.type, record.get("container-title"), record.get("publisher"),
            record.get("page")) == (
        "chapter", "Failing Better: Essays on Teaching, Risk and Repair", "Quay Books", "33-48")
    assert record.names["editor"] == people(("Fisk", "Nora"), ("Stone", "Lee"))


def test_mla_version_review_and_unlisted_roles():
    record = read("Ward, Ellen. How to Read Slowly. E-book, Harbor House, 2018.", "mla")
    assert (record.get("medium"), record.get("publisher")) == ("E-book", "Harbor House")
    record = read("Pike, Owen. “A Quiet City.” Review of Night Streets, directed by Ana Moreau. "
                  "Chicago Tribune, 4 June 2011, p. C3.", "mla")
    assert (record.type, record.get("container-title"), record.get("page")) == (
        "article-newspaper", "Chicago Tribune", "C3")
    record = read("Salt Marsh. Directed by Ida Lund, performance by Tom Hay, music by Eli Dorn, "
                  "Northlight Films, 2016.", "mla")
    assert (record.type, record.get("publisher")) == ("motion_picture", "Northlight Films")
    assert record.dates["issued"] == Date((2016,))


# -- every input


@pytest.mark.parametrize("text", [
    "“" * 3000, "A. " * 1500, "Smith, J. " * 140, "In X, edited by " * 90, "(" * 1400,
    "1. " + "Aaa Bbb, " * 160, "x. 2019. " * 160, "Aaa, " * 370, "\x00\xff" * 700,
])
def test_grammars_are_total(text):
    reference = Reference.of(text)
    for grammar in (chicago.AUTHOR_DATE, chicago.NOTES, mla.GRAMMAR):
        grammar.parse(reference)
