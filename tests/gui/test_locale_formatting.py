"""Counts, dates and reading time as the interface's locale writes them, and which
interface language a locale and a choice give."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from editor.core.text import text_stats
from editor.ui.formatting import (
    date_text,
    number_text,
    relative_time,
    seconds_ago,
    stats_text,
)
from editor.ui.i18n import interface_language, translations_dir

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)
AMERICAN = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture
def german(qapp) -> Iterator[None]:
    """Newsdesk's German translation installed for one test."""
    translator = QTranslator()
    assert translator.load("newsdesk_de", translations_dir())
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_numbers_are_grouped_as_the_locale_groups_them():
    assert number_text(1234567, GERMAN) == "1.234.567"
    assert number_text(1234567, AMERICAN) == "1,234,567"


def test_dates_are_written_in_the_locale_order():
    when = datetime(2026, 3, 5, 12, tzinfo=UTC)
    assert date_text(when, GERMAN) == "05.03.26"
    assert date_text(when, AMERICAN) == "3/5/26"


def test_word_count_and_reading_time_in_german(german):
    stats = text_stats("Wort " * 1234)
    assert stats_text(stats, GERMAN) == f"1.234 Wörter · {stats.reading_minutes} Min. Lesezeit"
    assert stats_text(text_stats("Wort"), GERMAN) == "1 Wort · 1 Min. Lesezeit"
    assert stats_text(text_stats("人工智能"), GERMAN).startswith("4 Wörter (4 CJK-Zeichen)")


def test_the_same_counts_in_english_without_a_translation(qapp):
    stats = text_stats("word " * 1234)
    assert stats_text(stats, AMERICAN) == f"1,234 words · {stats.reading_minutes} min read"
    assert relative_time(datetime(2024, 3, 5, 12, tzinfo=UTC), NOW, AMERICAN) == "5 Mar 2024"


def test_relative_times_and_save_ages_in_german(german):
    assert relative_time(NOW - timedelta(seconds=10), NOW, GERMAN) == "gerade eben"
    assert relative_time(NOW - timedelta(hours=3), NOW, GERMAN) == "3 Std."
    assert relative_time(NOW - timedelta(days=1, hours=2), NOW, GERMAN) == "gestern"
    assert relative_time(datetime(2024, 3, 5, 12, tzinfo=UTC), NOW, GERMAN) == "5. März 2024"
    assert seconds_ago(NOW - timedelta(seconds=2), NOW, GERMAN) == "vor 2 s"
    assert seconds_ago(NOW - timedelta(days=3), NOW, GERMAN).startswith("am ")


def test_the_interface_language_follows_the_locale_unless_one_is_chosen():
    austrian = QLocale(QLocale.Language.German, QLocale.Country.Austria)
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert interface_language("system", austrian) == "de"
    assert interface_language("system", AMERICAN) == "en"
    assert interface_language("system", french) == "en"  # no French translation yet
    assert interface_language("en", GERMAN) == "en"
    assert interface_language("de", french) == "de"
