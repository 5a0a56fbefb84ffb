"""Extension data goes out as notes or custom fields and comes back where it was."""

from __future__ import annotations

from recconv.formats.extension import absorb, absorb_note, note_lines
from recconv.formats.record import Classification, Name, Record


def rich() -> Record:
    return Record(
        names={"author": [Name("Chen", "Jiayi", affiliations=("Jilin Univ", "Fudan Univ")),
                          Name("Hu", "Siyuan", affiliations=("Jilin Univ",))]},
        classifications=[Classification("CLC", "R-3", "医学研究方法"),
                         Classification("discipline", "1001")],
        extra={"times-cited": ["0"], "original-container-title": ["MEDCOMM"],
               "unlinked-affiliation": ["Nowhere Inst"], "funding": ["NSFC; MOST"]})


def bare() -> Record:
    return Record(names={"author": [Name("Chen", "Jiayi"), Name("Hu", "Siyuan")]})


def test_note_lines_read_back_into_the_same_record():
    record = bare()
    rest = absorb_note(record, "A note of the user's own\n" + "\n".join(note_lines(rich())))
    assert rest == "A note of the user's own"
    assert record == rich()


def test_custom_fields_by_key_read_back_into_the_same_record():
    record = bare()
    for key, _label, value in rich().extension_fields():
        assert absorb(record, key, value)
    assert absorb(record, "affiliation",
                  "[Chen, Jiayi; Hu, Siyuan] Jilin Univ; [Chen, Jiayi] Fudan Univ; Nowhere Inst")
    assert record == rich()


def test_unknown_labels_are_left_alone():
    record = bare()
    assert not absorb(record, "timestamp", "2020")
    assert absorb_note(record, "Timestamp: 2020") == "Timestamp: 2020"
    assert record == bare()


def test_fields_kept_from_a_source_format_come_back_by_their_key():
    record = bare()
    assert absorb_note(record, "bibtex-timestamp: 2020-01-01\nris-c1: Wuhan") == ""
    assert record.extra == {"bibtex-timestamp": ["2020-01-01"], "ris-c1": ["Wuhan"]}
