"""The in-app preview of the published page: content, sanitising, refreshing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from editor.core.related.dictionary import load_dictionary
from editor.core.workflow import Status
from editor.ui.panels.page_preview import PagePreview

PreviewFactory = Callable[..., PagePreview]


@pytest.fixture(scope="module", autouse=True)
def _bilingual_dictionary() -> None:
    """The preview fills related links from suggestions: parse the dictionary up front."""
    load_dictionary()


@pytest.fixture
def make_preview(qtbot: Any, panel_services: Any) -> Iterator[PreviewFactory]:
    previews: list[PagePreview] = []

    def make(**options: Any) -> PagePreview:
        options.setdefault("refresh_delay_ms", 20)
        preview = PagePreview(panel_services, **options)
        qtbot.addWidget(preview)
        preview.show()
        previews.append(preview)
        return preview

    yield make
    for preview in previews:
        preview.shutdown()


def _article(ws: Any, title: str, body: str, **kw: Any) -> int:
    kw.setdefault("status", Status.DRAFT)
    return ws.articles.create(title=title, body=body, teaser="Kurz.", **kw).id


def _show(qtbot: Any, preview: PagePreview, article_id: int) -> None:
    with qtbot.waitSignal(preview.preview_updated, timeout=10_000) as blocker:
        preview.show_article(article_id)
    assert blocker.args == [article_id]


def test_shows_the_title_and_strips_scripts(qtbot: Any, workspace: Any, make_preview):
    aid = _article(
        workspace,
        "Chipfabrik in Dresden",
        "Erster Absatz.\n\n<script>alert('gefährlich')</script>\n\n"
        "Zweiter Absatz. ![Bild](../../../../etc/bild.png)",
    )
    preview = make_preview()
    _show(qtbot, preview, aid)
    text = preview.browser.toPlainText()
    assert "Chipfabrik in Dresden" in text
    assert "Erster Absatz." in text and "Zweiter Absatz." in text
    assert "alert" not in text
    assert "<script" not in preview.browser.toHtml().lower()
    assert preview.caption.text() == "Preview of the published page"


def test_follows_edits_after_the_save(qtbot: Any, workspace: Any, make_preview):
    aid = _article(workspace, "Alter Titel", "Alter Text.")
    preview = make_preview()
    _show(qtbot, preview, aid)
    with qtbot.waitSignal(preview.preview_updated, timeout=10_000):
        workspace.articles.update(aid, {"title": "Neuer Titel", "body": "Neuer Text."})
    text = preview.browser.toPlainText()
    assert "Neuer Titel" in text and "Neuer Text." in text
    assert "Alter Titel" not in text


def test_a_burst_of_saves_renders_once(
    qtbot: Any, workspace: Any, make_preview, monkeypatch: pytest.MonkeyPatch
):
    aid = _article(workspace, "Titel", "Text.")
    preview = make_preview(refresh_delay_ms=150)
    _show(qtbot, preview, aid)
    calls: list[int] = []
    original = workspace.publishing.preview_html

    def counting(article_id: int) -> str:
        calls.append(article_id)
        return original(article_id)

    monkeypatch.setattr(workspace.publishing, "preview_html", counting)
    with qtbot.waitSignal(preview.preview_updated, timeout=10_000):
        for n in range(4):
            workspace.articles.update(aid, {"body": f"Text, Fassung {n}."})
    assert calls == [aid]
    assert "Fassung 3." in preview.browser.toPlainText()


def test_saves_of_other_articles_do_not_rerender(qtbot: Any, workspace: Any, make_preview):
    shown = _article(workspace, "Gezeigt", "Text.")
    other = _article(workspace, "Anderer", "Text.")
    preview = make_preview()
    _show(qtbot, preview, shown)
    workspace.articles.update(other, {"body": "Geändert."})
    qtbot.wait(100)
    assert not preview._refresh_timer.isActive()
    assert not preview.busy


def test_only_the_last_selected_article_is_shown(qtbot: Any, workspace: Any, make_preview):
    first = _article(workspace, "Erster Artikel", "Eins.")
    second = _article(workspace, "Zweiter Artikel", "Zwei.")
    preview = make_preview()
    shown: list[int] = []
    preview.preview_updated.connect(shown.append)
    preview.show_article(first)  # its rendering is already queued when the selection moves
    preview.show_article(second)
    qtbot.waitUntil(lambda: shown == [second], timeout=10_000)
    preview.runner.wait(5000)
    qtbot.wait(50)
    assert shown == [second]
    assert "Zweiter Artikel" in preview.browser.toPlainText()


def test_no_article_clears_the_page(qtbot: Any, workspace: Any, make_preview):
    aid = _article(workspace, "Titel", "Text.")
    preview = make_preview()
    _show(qtbot, preview, aid)
    preview.show_article(None)
    assert preview.browser.toPlainText() == ""
    assert "Select an article" in preview.status_label.text()
