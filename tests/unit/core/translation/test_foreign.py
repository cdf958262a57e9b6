"""Paragraphs in another language than their article."""

from __future__ import annotations

from editor.core.translation.foreign import foreign_paragraphs, paragraphs

GERMAN = "Der Hersteller hat am Dienstag in Berlin ein neues Smartphone vorgestellt."
ENGLISH = "The company said on Tuesday that the new phone will be sold in Europe from October."


def test_paragraphs_span_lines_and_skip_fenced_code() -> None:
    text = f"# Titel\n\n{GERMAN}\nzweite Zeile\n\n```\n{ENGLISH}\n```\n\n{ENGLISH}"
    found = [(first, last) for first, last, _ in paragraphs(text)]
    assert found == [(0, 0), (2, 3), (9, 9)]


def test_the_english_paragraph_of_a_german_text_is_found() -> None:
    text = f"{GERMAN}\n\n{ENGLISH}\n\nKurz."
    found = foreign_paragraphs(text, "de", ("de", "en"))
    assert [(p.first_line, p.last_line, p.lang) for p in found] == [(2, 2, "en")]
    assert found[0].confidence >= 0.7


def test_short_paragraphs_code_and_one_language_are_not_judged() -> None:
    assert foreign_paragraphs("The new phone.\n\nGood.", "de", ("de", "en")) == []
    assert foreign_paragraphs(f"```\n{ENGLISH}\n```", "de", ("de", "en")) == []
    assert foreign_paragraphs(ENGLISH, "de", ("de",)) == [], "nothing to tell apart"
    assert foreign_paragraphs(ENGLISH, "", ("de", "en")) == []
