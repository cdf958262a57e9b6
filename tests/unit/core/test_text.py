from __future__ import annotations

from editor.core.text import text_stats, word_count


def test_counts_words_of_spaced_scripts() -> None:
    assert word_count("Die Übernahme für Müller ist perfekt.") == 6
    assert word_count("It's a well-known fact.") == 4


def test_markdown_markup_is_not_counted() -> None:
    md = "# Titel\n\n**Fett** und _kursiv_ mit [einem Link](https://example.org/a-b-c)."
    assert word_count(md) == 7  # Titel Fett und kursiv mit einem Link


def test_cjk_is_counted_by_characters() -> None:
    stats = text_stats("人工智能很重要")
    assert stats.cjk_chars == 7
    assert stats.words == 0
    assert stats.total_units == 7


def test_mixed_cjk_and_latin() -> None:
    stats = text_stats("OpenAI 发布了 GPT 模型")
    assert stats.words == 2
    assert stats.cjk_chars == 5


def test_japanese_kana_counted_by_character() -> None:
    assert text_stats("こんにちは").cjk_chars == 5


def test_reading_time() -> None:
    assert text_stats("").reading_minutes == 0
    assert text_stats("wort " * 10).reading_minutes == 1
    assert text_stats("wort " * 1100).reading_minutes == 5
    assert text_stats("字" * 900).reading_minutes == 2
