"""The preview of the published page, inside the app.

It shows what :meth:`PublishService.preview_html` renders for the selected
article (its working copy, drafts too), rendered by the window's runner and
refreshed a moment after the article is saved.  QTextBrowser draws simple
HTML and CSS only, so this is a faithful preview of the content and the
structure, not of the exact look in a browser.  Nothing is fetched: images,
stylesheets and links on the page do not reach the disk or the network.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from editor.app.changes import (
    ArticleSaved,
    Change,
    LinksDecided,
    SitePublished,
    StatusMoved,
)
from editor.app.operations import plain
from editor.ui.panels.base import ArticlePanel, PanelServices

SAVE_REFRESH_MS = 800
# What changes the page of the shown article (its text, its status, its related links).
REFRESH_CHANGES = (ArticleSaved, StatusMoved, LinksDecided, SitePublished)
EXTERNAL_SCHEMES = {"http", "https", "mailto"}


class _OfflineBrowser(QTextBrowser):
    """A text browser that loads no resources: the page's relative paths mean nothing here."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        if isinstance(name, QUrl) and name.scheme() == "data":
            return super().loadResource(kind, name)
        return None


class PagePreview(ArticlePanel):
    """The published page of the article the window shows (``show_article``)."""

    preview_updated = Signal(int)  # the article whose page is now shown
    link_activated = Signal(QUrl)  # a link inside the page was clicked

    def __init__(
        self,
        services: PanelServices,
        parent: QWidget | None = None,
        *,
        refresh_delay_ms: int = SAVE_REFRESH_MS,
    ) -> None:
        super().__init__(services, parent)
        self.setObjectName("page_preview")
        self.setWindowTitle(self.tr("Page preview"))
        self._shown_id: int | None = None

        self.caption = QLabel(
            self.tr("Preview of the published page"), objectName="preview_caption"
        )
        self.status_label = QLabel(objectName="preview_status", wordWrap=True)
        self.browser = _OfflineBrowser(objectName="preview_browser")
        self.browser.setOpenLinks(False)  # a click asks; the page's own paths go nowhere
        self.browser.anchorClicked.connect(self._on_link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.status_label)
        layout.addWidget(self.browser, 1)

        self._refresh_timer = QTimer(self, singleShot=True, interval=refresh_delay_ms)
        self._refresh_timer.timeout.connect(self.refresh)
        self._show_status(self.tr("Select an article to preview its page."))

    def article_shown(self, article_id: int | None) -> None:
        self._refresh_timer.stop()
        if article_id is None:
            self.browser.clear()
            self._shown_id = None
            self._show_status(self.tr("Select an article to preview its page."))
        else:
            self.refresh()

    def refresh(self) -> None:
        """Render the page of the shown article again (on the runner)."""
        article_id = self.article_id
        if article_id is None or self.is_shut_down:
            return
        self._refresh_timer.stop()
        publishing = self.ws.publishing
        if self._shown_id != article_id:
            self._show_status(self.tr("Rendering the page…"))
        self.run_query(
            "render",
            self.tr("Rendering the page preview"),
            plain(lambda: publishing.preview_html(article_id)),
            lambda html: self._on_rendered(article_id, html),
            on_error=self._on_failed,
        )

    def shutdown(self) -> None:
        self._refresh_timer.stop()
        super().shutdown()

    # ---------------------------------------------------------------- internals

    def on_change(self, change: Change) -> None:
        if (
            self.article_id is not None
            and isinstance(change, REFRESH_CHANGES)
            and change.touches(self.article_id)
        ):
            self._refresh_timer.start()

    def _on_rendered(self, article_id: int, html: str) -> None:
        same_page = article_id == self._shown_id
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(html)
        if same_page:  # an edit should not jump the reader back to the top
            self.browser.verticalScrollBar().setValue(scroll)
        self._shown_id = article_id
        self._show_status("")
        self.preview_updated.emit(article_id)

    def _on_failed(self, error: BaseException) -> None:
        self._show_status(self.tr("The page could not be rendered: {error}").format(error=error))

    def _show_status(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setVisible(bool(message))

    def _on_link(self, url: QUrl) -> None:
        self.link_activated.emit(url)
        if url.scheme() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
