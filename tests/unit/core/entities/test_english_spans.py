"""The English model's names, cut and completed across an article."""

from __future__ import annotations

from editor.core.entities.english_spans import tidy_spans
from editor.core.entities.extractor import Span


def names(sents: list[list[str]], spans: list[list[Span]]) -> list[tuple[str, str]]:
    tidied = tidy_spans(sents, spans)
    return [
        (" ".join(tokens[s.start : s.end]), s.label)
        for tokens, found in zip(sents, tidied, strict=True)
        for s in found
    ]


def test_a_run_is_cut_at_a_preposition_and_a_slash() -> None:
    tokens = "at Doyt Perry Stadium in Bowling Green and Nikki Beach / Pearl".split()
    spans = [[Span(1, 7, "LOC", 0.9), Span(8, 12, "ORG", 0.8)]]
    assert names([tokens], spans) == [
        ("Doyt Perry Stadium", "LOC"),
        ("Bowling Green", "LOC"),
        ("Nikki Beach", "ORG"),
        ("Pearl", "ORG"),
    ]


def test_words_inside_a_name_stay_and_a_month_alone_goes() -> None:
    tokens = "the Army of the Potomac fought in July".split()
    spans = [[Span(1, 5, "ORG", 0.9), Span(7, 8, "MISC", 0.6)]]
    assert names([tokens], spans) == [("Army of the Potomac", "ORG")]


def test_a_title_is_left_out_and_makes_a_person() -> None:
    tokens = "Texas Coach Darrell Royal said".split()
    assert names([tokens], [[Span(0, 4, "ORG", 0.7)]]) == [("Darrell Royal", "PER")]


def test_an_initial_keeps_its_full_stop() -> None:
    tokens = "by Thomas L . Smith".split()
    assert names([tokens], [[Span(1, 3, "PER", 0.9)]]) == [("Thomas L .", "PER")]


def test_other_mentions_and_the_surname_are_found() -> None:
    sents = [
        "George F. Hauser joined Conrail".split(),
        "Hauser left Conrail for Bowling Green".split(),
    ]
    spans = [[Span(0, 3, "PER", 0.9), Span(4, 5, "ORG", 0.8)], [Span(4, 6, "LOC", 0.7)]]
    assert names(sents, spans) == [
        ("George F. Hauser", "PER"),
        ("Conrail", "ORG"),
        ("Hauser", "PER"),
        ("Conrail", "ORG"),
        ("Bowling Green", "LOC"),
    ]


def test_a_name_inside_a_longer_capitalised_run_is_not_taken() -> None:
    sents = ["Green spoke".split(), "in Bowling Green today".split()]
    assert names(sents, [[Span(0, 1, "PER", 0.9)], []]) == [("Green", "PER")]


def test_an_ordinal_or_a_type_code_in_front_belongs_to_the_name() -> None:
    tokens = "the 65th Air Division flew the F-16 Fighting Falcon".split()
    spans = [[Span(2, 4, "ORG", 0.9), Span(7, 9, "MISC", 0.8)]]
    assert names([tokens], spans) == [
        ("65th Air Division", "ORG"),
        ("F-16 Fighting Falcon", "MISC"),
    ]


def test_and_between_names_parts_them_unless_after_of_or_for() -> None:
    tokens = "the Camden and Atlantic line , the College of Surgeons and Physicians".split()
    spans = [[Span(1, 4, "ORG", 0.9), Span(7, 12, "ORG", 0.8)]]
    assert names([tokens], spans) == [
        ("Camden", "ORG"),
        ("Atlantic", "ORG"),
        ("College of Surgeons and Physicians", "ORG"),
    ]


def test_a_word_alone_that_the_article_writes_small_or_a_day_is_no_name() -> None:
    sents = ["Film and Sales grew on Fridays at Acme Film".split(), "the film was good".split()]
    spans = [[Span(0, 1, "ORG", 0.9), Span(2, 3, "ORG", 0.9), Span(5, 6, "MISC", 0.6)], []]
    spans[0].append(Span(7, 9, "ORG", 0.8))
    # "Film" is written small elsewhere; "Sales" is not, so it stays; "Acme Film" is
    # more than one word.
    assert names(sents, spans) == [("Sales", "ORG"), ("Acme Film", "ORG")]


def test_offices_and_company_titles_before_a_name_are_left_out() -> None:
    sents = [
        "said CEO Marek Lund and Finance Minister Aron Telvik".split(),
        "the Chief Executive Officer Ines Varga and Sen. Dora Lake".split(),
    ]
    spans = [[Span(1, 4, "ORG", 0.7), Span(5, 9, "PER", 0.8)], [Span(1, 6, "ORG", 0.6)]]
    spans[1].append(Span(7, 10, "PER", 0.9))
    assert names(sents, spans) == [
        ("Marek Lund", "PER"),
        ("Aron Telvik", "PER"),
        ("Ines Varga", "PER"),
        ("Dora Lake", "PER"),
    ]


def test_a_title_is_kept_when_no_person_follows_it() -> None:
    sents = ["the King of Ostria and the Executive Board met".split(), "a board".split()]
    spans = [[Span(1, 4, "LOC", 0.7), Span(6, 8, "ORG", 0.8)], []]
    # "of Ostria" and "Board" (written small elsewhere) are no person's name.
    assert names(sents, spans) == [("King of Ostria", "LOC"), ("Executive Board", "ORG")]


def test_a_name_holds_only_whole_pairs_of_brackets() -> None:
    tokens = "the ( Velk ) chief Amelia Grant ) and the 65 Air Division ( Defense )".split()
    spans = [[Span(1, 3, "ORG", 0.6), Span(5, 8, "PER", 0.9), Span(10, 16, "ORG", 0.8)]]
    assert names([tokens], spans) == [
        ("Velk", "ORG"),
        ("Amelia Grant", "PER"),
        ("65 Air Division ( Defense )", "ORG"),
    ]


def test_a_possessive_split_off_ends_no_name() -> None:
    tokens = "Germany 's exports and the People 's Republic of Ostria".split()
    spans = [[Span(0, 2, "LOC", 0.8), Span(5, 10, "LOC", 0.9)]]
    assert names([tokens], spans) == [("Germany", "LOC"), ("People 's Republic of Ostria", "LOC")]
