"""The in-app preview of the published page: content, sanitising, refreshing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
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
    """Show the article's page and wait for it whole (with the related links)."""
    with qtbot.waitSignal(preview.preview_updated, timeout=10_000) as blocker:
        preview.show_article(article_id)
    assert blocker.args == [article_id]
    qtbot.waitUntil(lambda: not preview.links_pending and not preview.busy, timeout=30_000)


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
    original = workspace.publishing.preview_page

    def counting(article_id: int, **options: Any) -> Any:
        calls.append(article_id)
        return original(article_id, **options)

    monkeypatch.setattr(workspace.publishing, "preview_page", counting)
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
    qtbot.waitUntil(lambda: second in shown and not preview.links_pending, timeout=30_000)
    preview.runner.wait(5000)
    qtbot.wait(50)
    assert set(shown) == {second}
    assert "Zweiter Artikel" in preview.browser.toPlainText()


def test_no_article_clears_the_page(qtbot: Any, workspace: Any, make_preview):
    aid = _article(workspace, "Titel", "Text.")
    preview = make_preview()
    _show(qtbot, preview, aid)
    preview.show_article(None)
    assert preview.browser.toPlainText() == ""
    assert "Select an article" in preview.status_label.text()


# ---------------------------------------------------------------- the site's look


def _format_of(preview: PagePreview, text: str) -> Any:
    """The character format the page draws ``text`` with (its first fragment)."""
    block = preview.browser.document().begin()
    while block.isValid():
        if block.text().strip().startswith(text):
            return block.begin().fragment().charFormat()
        block = block.next()
    raise AssertionError(f"{text!r} is not on the page")


def test_the_page_is_drawn_with_the_sites_stylesheet(qtbot: Any, workspace: Any, make_preview):
    aid = _article(workspace, "Chipfabrik in Dresden", "Ein [Link](https://example.org/).")
    preview = make_preview()
    preview.resize(1200, 800)
    _show(qtbot, preview, aid)
    # site.css: .teaser { color: var(--muted) }, a { color: var(--accent) } (light scheme)
    assert _format_of(preview, "Kurz.").foreground().color().name() == "#5f6368"
    link = _format_of(preview, "Ein").font()
    block = preview.browser.document().begin()
    while "Ein Link" not in block.text():
        block = block.next()
    it = block.begin()
    while it.fragment().text() != "Link":
        it += 1
    assert it.fragment().charFormat().foreground().color().name() == "#0b57d0"
    # .site-name a { color: inherit }: the site's name in the text colour, not black
    assert _format_of(preview, "Newsdesk").foreground().color().name() == "#1d1d1f"
    # h1 { font-size: 2rem } against the body's 1.0625rem: the heading is clearly bigger
    heading = _format_of(preview, "Chipfabrik in Dresden").font()
    assert heading.pointSizeF() > 1.5 * link.pointSizeF() > 0
    # body { max-width: 46rem }: a wide panel shows the page in a centred column
    frame = preview.browser.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() > 100
    # the skip link is off-screen on the site until focused: invisible here
    assert _format_of(preview, "Zum Inhalt").foreground().color().alpha() == 0


def test_the_stylesheet_is_rewritten_for_the_rich_text_engine() -> None:
    from editor.core.publishing.render import site_stylesheet
    from editor.ui.panels.page_style import preview_style

    light = preview_style(site_stylesheet())
    dark = preview_style(site_stylesheet(), dark=True)
    assert "var(" not in light.css and "rem" not in light.css
    assert ".teaser { font-size: 14.4pt; color: #5f6368;" in light.css
    assert "color: #e8e8ea" in dark.css and "#1d1d1f" not in dark.css
    assert light.max_width_px == 736
    assert "background: #ffffff" in light.css and "background: #141517" in dark.css
    assert "auto" not in light.css  # the column is centred by the widget
    assert light.body_pt == 12.8  # body { font: 1.0625rem/1.6 … }
    assert "::before" not in light.css and "grid" not in light.css
    assert ".article-list { list-style-type: none; -qt-list-indent: 0;" in light.css


def test_the_first_page_does_not_wait_for_the_related_links_index(
    qtbot: Any, workspace: Any, make_preview, monkeypatch: pytest.MonkeyPatch
):
    """Building the index takes seconds on a real archive: the page comes first, the
    suggested links when the index is ready."""
    import threading

    aid = _article(workspace, "Chipfabrik in Dresden", "Halbleiter aus Sachsen.")
    _article(
        workspace,
        "Halbleiterwerk in Sachsen",
        "Chipfabrik in Dresden wächst. Halbleiter aus Sachsen.",
        status=Status.PUBLISHED,
        published_at=datetime(2026, 5, 4, 9, 30, tzinfo=UTC),
    )
    keeper = workspace.related.keeper
    assert not keeper.is_built
    release = threading.Event()
    original = keeper.ready

    def slow_ready() -> Any:
        release.wait(20)  # a first build on a large archive
        return original()

    monkeypatch.setattr(keeper, "ready", slow_ready)
    preview = make_preview()
    with qtbot.waitSignal(preview.preview_updated, timeout=5_000):
        preview.show_article(aid)
    assert "Chipfabrik in Dresden" in preview.browser.toPlainText()
    assert "Verwandte Links" not in preview.browser.toPlainText()  # the related section
    assert preview.links_pending and preview.status_label.isVisible()
    with qtbot.waitSignal(preview.preview_updated, timeout=20_000):
        release.set()
    assert not preview.links_pending and not preview.status_label.isVisible()
    text = preview.browser.toPlainText()
    related = text[text.index("Verwandte Links") :]
    assert "Halbleiterwerk in Sachsen" in related.split("Aktuelle Beiträge")[0]
