"""The preview pane: sanitised rendering, debouncing, scroll position, links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from editor.ui.preview import PreviewPane


@pytest.fixture
def pane(qtbot):
    widget = PreviewPane(delay_ms=20)
    widget.resize(500, 300)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_renders_markdown(pane) -> None:
    pane.set_markdown("# Titel\n\nEin **fetter** Absatz mit [Link](https://example.org).")
    pane.render_now()
    assert "<strong>fetter</strong>" in pane.rendered_html()
    assert pane.toPlainText().startswith("Titel")
    assert "fetter" in pane.toPlainText()
    assert pane.document().firstBlock().blockFormat().headingLevel() == 1


def test_strips_script(pane) -> None:
    pane.set_markdown("Text\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>")
    pane.render_now()
    html = pane.rendered_html().lower()
    assert "<script" not in html
    assert "onerror" not in html
    assert "alert('x')" not in pane.toPlainText()
    assert "Text" in pane.toPlainText()


def test_waits_until_typing_pauses(pane, qtbot) -> None:
    pane.set_markdown("erste")
    pane.set_markdown("zweite Fassung")
    assert pane.is_pending()
    assert pane.toPlainText() == ""
    qtbot.waitUntil(lambda: "zweite Fassung" in pane.toPlainText())
    assert "erste" not in pane.toPlainText()


def test_keeps_the_scroll_position_proportionally(pane) -> None:
    body = "\n\n".join(f"Absatz {i} mit etwas Text." for i in range(200))
    pane.set_markdown(body)
    pane.render_now()
    bar = pane.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    pane.set_markdown(body + "\n\nNoch ein Absatz.")
    pane.render_now()
    assert abs(bar.value() / bar.maximum() - 0.5) < 0.05


def test_external_links_open_in_the_system_browser(pane, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    pane.set_markdown("[Quelle](https://example.org/a)")
    pane.render_now()
    before = pane.toPlainText()
    pane.anchorClicked.emit(QUrl("https://example.org/a"))
    pane.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://example.org/a"]
    assert pane.toPlainText() == before  # the preview did not navigate
    assert pane.source().isEmpty()


def test_cjk_text(pane) -> None:
    pane.set_markdown("## 人工智能\n\n新的芯片。")
    pane.render_now()
    assert "人工智能" in pane.toPlainText()
    assert "新的芯片。" in pane.toPlainText()
