"""Small parts of the window: time and count wording, the event bridge, the save indicator."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QThread

from editor.app.autosave import SaveReport, SaveState
from editor.app.changes import ChangeBus, LinksDecided
from editor.core.text import text_stats
from editor.ui.events import EventBridge
from editor.ui.formatting import relative_time, seconds_ago, stats_text
from editor.ui.metadata import language_choices
from editor.ui.panels.history import diff_html
from editor.ui.status_bar import SaveIndicator

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def test_relative_times_read_like_a_newsroom_clock():
    assert relative_time(NOW - timedelta(seconds=10), NOW) == "just now"
    assert relative_time(NOW - timedelta(minutes=2), NOW) == "2 min"
    assert relative_time(NOW - timedelta(hours=3), NOW) == "3 h"
    assert relative_time(NOW - timedelta(days=1, hours=2), NOW) == "yesterday"
    assert relative_time(NOW - timedelta(days=4), NOW) == "4 d"
    assert relative_time(datetime(2024, 3, 5, 12, tzinfo=UTC), NOW).endswith("2024")


def test_save_age_and_word_count_wording():
    assert seconds_ago(NOW - timedelta(seconds=2), NOW) == "2 s ago"
    assert seconds_ago(NOW - timedelta(minutes=3), NOW) == "3 min ago"
    assert seconds_ago(NOW - timedelta(days=3), NOW).startswith("on ")
    assert "2026" in seconds_ago(NOW - timedelta(days=3), NOW)
    assert stats_text(text_stats("")) == "0 words"
    assert stats_text(text_stats("Ein Wort")) == "2 words · 1 min read"
    assert stats_text(text_stats("人工智能")) == "4 words (4 CJK characters) · 1 min read"


def test_language_choices_put_the_newsroom_languages_first():
    choices = language_choices()
    assert choices[:2] == ["de", "en"]
    assert choices[2:] == sorted(choices[2:])
    assert len(choices) == len(set(choices))


def test_diff_marks_added_and_removed_lines_and_escapes_html():
    html = diff_html("alt\n<b>gleich</b>", "neu\n<b>gleich</b>")
    assert '<span class="del">-alt</span>' in html
    assert '<span class="add">+neu</span>' in html
    assert "&lt;b&gt;gleich&lt;/b&gt;" in html
    assert "same" in diff_html("x", "x")


def test_event_bridge_delivers_worker_thread_events_on_the_gui_thread(qtbot):
    bus = ChangeBus()
    bridge = EventBridge(bus)
    received: list[tuple[int, bool]] = []
    bridge.changed.connect(
        lambda change: received.append(
            (change.article_id, QThread.currentThread() is bridge.thread())
        )
    )
    worker = threading.Thread(target=bus.publish, args=(LinksDecided(7),))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: received == [(7, True)], timeout=2000)
    bridge.close()
    bus.publish(LinksDecided(8))
    qtbot.wait(20)
    assert received == [(7, True)]  # nothing after close


def test_save_indicator_says_what_happened(qtbot):
    indicator = SaveIndicator()
    qtbot.addWidget(indicator)
    indicator.report(SaveReport(1, SaveState.SAVING, NOW))
    assert indicator.text() == "Saving…"
    indicator.report(SaveReport(1, SaveState.SAVED, datetime.now(UTC) - timedelta(seconds=5)))
    assert indicator.text() == "Saved 5 s ago"
    qtbot.waitUntil(lambda: indicator.text() == "Saved 6 s ago", timeout=2500)  # it ticks
    indicator.report(SaveReport(1, SaveState.FAILED, NOW, "the database is busy — retrying"))
    assert indicator.is_failed()
    indicator.report(SaveReport(1, SaveState.SAVING, NOW))
    # Until a write succeeds, whatever else happens.
    assert indicator.text() == "Not saved: the database is busy — retrying — your text is kept here"
    indicator.report(SaveReport(1, SaveState.SAVED, datetime.now(UTC)))
    assert indicator.text() == "Saved 0 s ago"
