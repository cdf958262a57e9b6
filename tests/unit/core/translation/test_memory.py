"""Fuzzy matches from the translation memory."""

from __future__ import annotations

from editor.core.translation.memory import TmEntry, TmIndex


def _index() -> TmIndex:
    filler = [
        TmEntry(f"Meldung Nummer {n} über das Wetter in der Stadt {n}.", f"Report {n}.")
        for n in range(3000)
    ]
    return TmIndex(
        [
            *filler,
            TmEntry("Der Akku hält zehn Stunden.", "The battery lasts ten hours."),
            TmEntry("Der Akku hält zwölf Stunden.", "The battery lasts twelve hours."),
            TmEntry("Das Display ist hell.", "The display is bright."),
        ]
    )


def test_an_exact_match_scores_100() -> None:
    (best, *_) = _index().lookup("Der Akku hält zehn  Stunden.")
    assert best.exact and best.entry.target == "The battery lasts ten hours."
    assert best.diff == (("=", "Der Akku hält zehn Stunden."),)


def test_fuzzy_matches_are_ranked_and_show_the_difference() -> None:
    matches = _index().lookup("Der Akku hält elf Stunden.")
    assert [m.entry.target for m in matches[:2]] == [
        "The battery lasts ten hours.",
        "The battery lasts twelve hours.",
    ] or [m.entry.target for m in matches[:2]] == [
        "The battery lasts twelve hours.",
        "The battery lasts ten hours.",
    ]
    assert all(60 <= m.score < 100 for m in matches)
    assert ("+", "elf") in matches[0].diff


def test_the_word_index_finds_matches_among_many_similar_entries() -> None:
    index = _index()
    (best, *_) = index.lookup("Meldung Nummer 1234 über das Wetter in der Stadt 1234!")
    assert best.entry.target == "Report 1234."


def test_nothing_alike_gives_nothing() -> None:
    assert _index().lookup("Völlig anderer Inhalt ohne Bezug zu irgendwas") == []
    assert TmIndex().lookup("Der Akku") == []


def test_entries_added_later_are_found() -> None:
    index = _index()
    index.lookup("Das Display ist hell.")
    index.add(TmEntry("Das Display ist sehr hell.", "The display is very bright."))
    (best, *_) = index.lookup("Das Display ist sehr hell.")
    assert best.exact
    assert index.exact("Das Display ist sehr hell.")[0].target == "The display is very bright."
