"""The BibTeX/BibLaTeX reader: values, inheritance, LaTeX, names, mapping, round trips, bad input."""

from __future__ import annotations

import dataclasses

import pytest

from recconv.formats.diagnostics import Diagnostic
from recconv.formats.readers.bibtex import detect, read
from recconv.formats.record import ET_AL, Date, Name, Record
from recconv.formats.registry import Options
from recconv.formats.writers.biblatex import write_biblatex
from recconv.formats.writers.bibtex import write_bibtex

from .conftest import SAMPLES, run_recconv


def parse(text: str) -> tuple[dict[str, Record], list[str]]:
    items = list(read(text.splitlines(), "in.bib"))
    records = {item.id: item for item in items if isinstance(item, Record)}
    return records, [str(item) for item in items if isinstance(item, Diagnostic)]


def one(text: str) -> Record:
    records, problems = parse(text)
    assert problems == []
    (record,) = records.values()
    return record


def test_macros_concatenation_and_month_macros_are_evaluated():
    record = one('@string{jn = "Journal of"}\n'
                 '@article{k, journal = jn # { Tests}, year = 2001, month = mar, title = "T"}')
    assert record.fields == {"container-title": "Journal of Tests", "title": "T"}
    assert record.dates["issued"] == Date((2001, 3))


def test_an_unknown_macro_is_kept_as_text_and_reported():
    records, problems = parse("@misc{k, note = nowhere}")
    assert records["k"].fields["note"] == "nowhere"
    assert problems == [
        "in.bib:1: record k: warning: unknown macro 'nowhere' in field 'note'; kept as text"]


def test_crossref_children_inherit_with_biblatex_renaming():
    records, problems = parse(
        "@inproceedings{p, author = {Doe, J}, title = {Paper}, crossref = {proc}}\n"
        "@proceedings{proc, title = {Proceedings}, editor = {Roe, R}, year = 2020,"
        " publisher = {ACM}}")
    assert problems == []
    paper = records["p"]
    assert paper.type == "paper-conference"
    assert paper.fields["title"] == "Paper"
    assert paper.fields["container-title"] == "Proceedings"
    assert paper.fields["publisher"] == "ACM"
    assert paper.names["editor"] == [Name("Roe", "R")]
    assert paper.dates["issued"] == Date((2020,))
    assert paper.extra["bibtex-crossref"] == ["proc"]


def test_xdata_fields_are_copied_and_xdata_entries_are_not_records():
    records, _ = parse("@xdata{pub, publisher = {Ginn}, location = {Waltham}}\n"
                       "@book{b, title = {B}, xdata = {pub}}")
    assert list(records) == ["b"]
    assert records["b"].fields == {"title": "B", "publisher": "Ginn",
                                   "publisher-place": "Waltham"}


def test_a_crossref_cycle_is_an_error_on_each_entry_and_does_not_hang():
    records, problems = parse("@article{a, crossref = {b}, title = {A}}\n"
                              "@article{b, crossref = {a}, title = {B}}")
    assert sorted(records) == ["a", "b"]
    assert problems == [
        "in.bib:1: record a: error: crossref cycle through 'b': inheritance not applied",
        "in.bib:2: record b: error: crossref cycle through 'a': inheritance not applied"]


def test_latex_becomes_unicode_with_csl_markup():
    record = one(r"@article{k, title = {The {DNA} of \textit{E. coli} -- on {Darwin} and "
                 r"$\alpha$-helices}, author = {Erd{\H{o}}s, P{\'a}l}, journal = {A \& B}}")
    assert record.fields["title"] == (
        'The DNA of <i>E. coli</i> – on <span class="nocase">Darwin</span> and α-helices')
    assert record.fields["container-title"] == "A & B"
    assert record.authors == [Name("Erdős", "Pál")]


def test_names_follow_the_bibtex_rules():
    record = one("@book{k, author = {van der Berg, Jr, Jan and {World Health Organization}"
                 " and Ludwig van Beethoven and others}}")
    assert record.authors == [
        Name("Berg", "Jan", non_dropping_particle="van der", suffix="Jr"),
        Name(literal="World Health Organization"),
        Name("Beethoven", "Ludwig", non_dropping_particle="van"),
        ET_AL,
    ]


@pytest.mark.parametrize("date, expected", [
    ("2019-07-15", Date((2019, 7, 15))),
    ("2019-07", Date((2019, 7))),
    ("2019/2020", Date((2019,), (2020,))),
    ("2019-03/2019-05", Date((2019, 3), (2019, 5))),
    ("1850~", Date((1850,), circa=True)),
    ("2019-21", Date((2019,), season="1")),
])
def test_biblatex_dates_and_ranges(date, expected):
    assert one(f"@article{{k, date = {{{date}}}}}").dates["issued"] == expected


def test_bibtex_and_biblatex_field_names_mean_the_same():
    bibtex = one("@phdthesis{k, journal = {J}, address = {Paris}, school = {MIT}, year = 2001}")
    biblatex = one("@thesis{k, journaltitle = {J}, location = {Paris}, institution = {MIT},"
                   " date = {2001}, type = {PhD thesis}}")
    assert bibtex == dataclasses.replace(biblatex, origin=bibtex.origin)
    assert bibtex.fields == {"container-title": "J", "publisher-place": "Paris",
                             "publisher": "MIT", "genre": "PhD thesis"}


def test_language_names_become_language_codes():
    assert one("@article{k, langid = {german}}").fields["language"] == "de"
    assert one("@article{k, language = {english}}").fields["language"] == "en"


def test_every_entry_type_a_writer_produces_reads_back_as_its_csl_type():
    from recconv.formats.record import ITEM_TYPES

    for csl_type in sorted(ITEM_TYPES):
        record = Record(type=csl_type, id="k", fields={"title": "T"},
                        dates={"issued": Date((2001,))})
        for write in (write_bibtex, write_biblatex):
            text = "".join(c for c in write([record], Options()) if isinstance(c, str))
            back = one(text)
            rewritten = "".join(c for c in write([back], Options()) if isinstance(c, str))
            assert rewritten == text, (csl_type, text)


def strip_origin(record: Record) -> Record:
    return dataclasses.replace(record, origin=None)


@pytest.mark.parametrize("write", [write_bibtex, write_biblatex])
def test_the_sample_library_round_trips_through_our_writers_record_for_record(write):
    text = (SAMPLES / "bibtex-library.bib").read_text(encoding="utf-8")
    first, problems = parse(text)
    assert problems == []
    written = "".join(c for c in write(first.values(), Options()) if isinstance(c, str))
    second, problems = parse(written)
    assert problems == []
    assert [strip_origin(r) for r in second.values()] == [strip_origin(r) for r in first.values()]


def test_the_sample_library_keeps_every_field_it_was_read_with():
    record = parse((SAMPLES / "bibtex-library.bib").read_text(encoding="utf-8"))[0]
    knuth = record["knuth1984literate"]
    assert knuth.extra == {"bibtex-timestamp": ["2024-03-01T10:00:00Z"]}
    assert knuth.keywords == ["programming", "documentation"]
    assert record["dijkstra1968goto"].extra == {"bibtex-mendeley-tags": ["classic"]}
    assert record["lamport1994latex"].fields["title"] == "LaTeX: A Document Preparation System"
    assert record["shannon1940symbolic"].fields["genre"] == "Master's thesis"
    assert record["lander2001initial"].authors[-1] == ET_AL
    assert record["chomsky1970remarks"].fields["container-title"] == (
        'Readings in <span class="nocase">English</span> Transformational Grammar')
    assert record["csl2024spec"].dates["accessed"] == Date((2024, 1, 15))


def test_broken_entries_are_reported_with_line_and_key_and_the_rest_convert():
    text = ("@article{good1, title = {One}}\n"
            "@article{good1, title = {Duplicate}}\n"
            "@book{broken, title = {Unbalanced {brace}\n"
            "@misc{good2, title = {Two}}\n")
    records, problems = parse(text)
    assert list(records) == ["good1", "good2"] or sorted(records) == ["good1", "good2"]
    assert problems == [
        "in.bib:2: record good1: warning: duplicate key 'good1'; converted as a separate record",
        "in.bib:3: record broken: error: entry not converted: Unexpected block start: `@misc`. "
        "Was still looking for field-value closing `}`",
    ]


def test_an_unterminated_last_entry_is_reported():
    records, problems = parse("@article{a, title = {A}}\n@article{b, title = {B}\n")
    assert list(records) == ["a"]
    assert len(problems) == 1 and problems[0].startswith("in.bib:2: record b: error: ")


def test_a_file_with_no_entries_says_what_was_expected():
    assert parse("just a comment\n")[1] == [
        "in.bib:1: error: no BibTeX entries found (expected '@article{key, ...}')"]


def test_detection_claims_bib_files_and_prefers_them_for_biblatex_fields():
    assert detect("@article{k, title={T}}") == 0.9
    assert detect("@article{k,\n  journaltitle = {T}}") == 0.95
    assert detect("TY  - JOUR\nER  - \n") == 0.0
    assert detect("@comment{nothing}") == 0.0


def test_the_command_reads_bibtex_and_exits_1_when_an_entry_fails(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{ok, title = {Fine}}\n@article{bad, title = {Oops\n",
                   encoding="utf-8")
    result = run_recconv(str(bib), "--to", "csl-json")
    assert result.returncode == 1
    assert '"id": "ok"' in result.stdout.decode()
    assert f"{bib}:2: record bad: error: entry not converted" in result.stderr.decode()
