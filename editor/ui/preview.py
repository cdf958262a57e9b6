"""The rendered preview of an article body.

The HTML comes from :func:`editor.core.markdown.render_markdown`, the same
sanitised renderer the published site uses, so no script or event handler from
an article reaches the preview.  Rendering waits until typing pauses
(``DELAY_MS``) and keeps the reader at the same relative place in the text.
Links open in the system browser: the preview is not a web browser.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from editor.core.markdown import render_markdown

DELAY_MS = 250
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})

# Qt's rich text understands a subset of CSS 2; colours not set here follow the
# widget palette, so the preview suits light and dark themes alike.
STYLE_SHEET = """
h1 { font-size: 1.6em; margin-top: 0.4em; margin-bottom: 0.4em; }
h2 { font-size: 1.35em; margin-top: 0.8em; margin-bottom: 0.3em; }
h3 { font-size: 1.15em; margin-top: 0.8em; margin-bottom: 0.3em; }
p, li { line-height: 140%; }
p { margin-top: 0.2em; margin-bottom: 0.6em; }
code, pre { font-family: monospace; }
pre { background-color: rgba(127, 127, 127, 0.12); padding: 6px; }
blockquote { margin-left: 16px; font-style: italic; color: #6b7280; }
table { border-collapse: collapse; }
th, td { border: 1px solid #9ca3af; padding: 3px 6px; }
img { max-width: 100%; }
"""


class PreviewPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("preview_pane")
        self.setOpenLinks(False)  # we decide where links go (see _on_anchor_clicked)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE_SHEET)
        self.document().setDocumentMargin(16)
        self._pending: str | None = None
        self._source = ""
        self._html = ""
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.render_now)
        self.anchorClicked.connect(self._on_anchor_clicked)

    def set_markdown(self, text: str) -> None:
        """Show ``text`` (Markdown) rendered, once typing has paused for a moment."""
        self._pending = text
        self._timer.start()

    def render_now(self) -> None:
        """Render what :meth:`set_markdown` was last given, without waiting."""
        self._timer.stop()
        if self._pending is None:
            return
        text, self._pending = self._pending, None
        if text == self._source and self._html:
            return
        self._source = text
        self._html = render_markdown(text)
        self._show_keeping_scroll(self._html)

    def is_pending(self) -> bool:
        return self._timer.isActive()

    def markdown(self) -> str:
        """The Markdown shown now (not one still waiting for the delay)."""
        return self._source

    def rendered_html(self) -> str:
        """The sanitised HTML shown now, as the renderer produced it."""
        return self._html

    def _show_keeping_scroll(self, html: str) -> None:
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        self.setHtml(html)
        # setHtml lays the document out again; the range is up to date afterwards.
        bar.setValue(round(fraction * bar.maximum()))

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
        elif not url.scheme() and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        # Anything else (file:, javascript: that slipped through, relative
        # paths) is not followed: the preview never navigates away.
