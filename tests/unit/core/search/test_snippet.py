"""The passage shown with a hit: the matching words marked in the original text."""

from __future__ import annotations

from editor.core.search import matcher, parse, passage


def _marked(query: str, *fields: str) -> str:
    return passage(fields, matcher(parse(query))).marked("[", "]", escape=False)


def test_matches_are_marked_as_written() -> None:
    text = "Peter Müller wohnt an der Straße."
    assert _marked("mueller strasse", text) == "Peter [Müller] wohnt an der [Straße]."
    assert _marked("Muller", text) == "Peter [Müller] wohnt an der Straße."


def test_phrase_prefix_and_cjk() -> None:
    assert _marked('"sam altman" nvid*', "Sam  Altman met Nvidia.") == (
        "[Sam Altman] met [Nvidia]."
    )
    assert _marked("人工智能", "我们的人工智能很好") == "我们的[人工智能]很好"


def test_window_goes_where_most_terms_are() -> None:
    filler = "lorem ipsum " * 60
    body = f"alpha {filler} beta gamma delta {filler}"
    shown = _marked("beta gamma delta", body)
    assert "[beta] [gamma] [delta]" in shown and shown.startswith("…") and shown.endswith("…")


def test_fallback_to_other_fields_and_escaping() -> None:
    assert _marked("titel", "kein Treffer", "", "Der Titel") == "Der [Titel]"
    found = passage(["a <b> & c"], matcher(parse("c")))
    assert found.marked() == "a &lt;b&gt; &amp; <mark>c</mark>"


def test_excluded_words_are_not_marked_and_no_match_gives_the_start() -> None:
    assert _marked("-alpha", "alpha beta") == "alpha beta"
    assert _marked("zzz", "", "Teaser text") == "Teaser text"


def test_words_starting_with_spelled_out_umlauts_or_ss_and_inside_words() -> None:
    # The first character of each alternative is matched first, the rest checked after it.
    text = "Österreich, Oesterreich, Übersee; ssh und ßh; Aerger; Zoesterreich"
    assert _marked("oesterreich", text) == (
        "[Österreich], [Oesterreich], Übersee; ssh und ßh; Aerger; Zoesterreich"
    )
    assert _marked("uebersee ssh ärger", text) == (
        "Österreich, Oesterreich, [Übersee]; [ssh] und [ßh]; [Aerger]; Zoesterreich"
    )
    assert _marked("sterreich", text) == text  # never inside a word
    assert _marked("C++ 5G", "mit C++ und 5G") == "mit [C]++ und [5G]"
