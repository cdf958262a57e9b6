"""The preview of the published page, inside the app.

It shows what :meth:`PublishService.preview_html` renders for the selected
article (its working copy, drafts too), rendered on a worker thread and
refreshed a moment after the article is saved.  QTextBrowser draws simple
HTML and CSS only, so this is a faithful preview of the content and the
structure, not of the exact look in a browser.  Nothing is fetched: images,
stylesheets and links on the page do not reach the disk or the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from editor.ui.background import BackgroundJobs, Progress
from editor.ui.events import EventBridge

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

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


class PagePreview(QWidget):
    """``set_article(id | None)`` follows the selection; :meth:`shutdown` before closing."""

    preview_updated = Signal(int)  # the article whose page is now shown
    link_activated = Signal(QUrl)  # a link inside the page was clicked

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        events: EventBridge | None = None,
        refresh_delay_ms: int = SAVE_REFRESH_MS,
    ) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setObjectName("page_preview")
        self.setWindowTitle("Page preview")
        self._article_id: int | None = None
        self._generation = 0
        self._shown_id: int | None = None
        self._shut_down = False

        self.jobs = BackgroundJobs(self)
        self.jobs.finished.connect(self._on_rendered)
        self.jobs.failed.connect(self._on_failed)
        self._own_bridge = events is None
        self._bridge = events if events is not None else EventBridge(workspace.changes)
        self._bridge.changed.connect(self._on_event)
        if self._own_bridge:  # stop listening even if shutdown() is never called
            self.destroyed.connect(self._bridge.close)

        self.caption = QLabel("Preview of the published page", objectName="preview_caption")
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
        self._show_status("Select an article to preview its page.")

    @property
    def article_id(self) -> int | None:
        return self._article_id

    @property
    def busy(self) -> bool:
        return self.jobs.busy

    def set_article(self, article_id: int | None) -> None:
        if article_id == self._article_id:
            return
        self._article_id = article_id
        self._generation += 1
        self._refresh_timer.stop()
        if article_id is None:
            self.browser.clear()
            self._shown_id = None
            self._show_status("Select an article to preview its page.")
        else:
            self.refresh()

    def refresh(self) -> None:
        """Render the page of the shown article again (on the worker thread)."""
        if self._article_id is None or self._shut_down:
            return
        self._refresh_timer.stop()
        self._generation += 1
        article_id, publishing, generation = self._article_id, self.ws.publishing, self._generation

        def render(_progress: Progress) -> str | None:
            if generation != self._generation:
                return None  # superseded while it waited in the queue: skip the work
            return publishing.preview_html(article_id)

        if self._shown_id != article_id:
            self._show_status("Rendering the page…")
        self.jobs.submit((self._generation, article_id), render)

    def shutdown(self) -> None:
        """Stop listening and wait for the worker (call before the workspace closes)."""
        if self._shut_down:
            return
        self._shut_down = True
        self._refresh_timer.stop()
        if self._own_bridge:
            self._bridge.close()
        self._bridge.changed.disconnect(self._on_event)
        self.jobs.shutdown()

    # ---------------------------------------------------------------- internals

    def _on_event(self, change: Change) -> None:
        if (
            not self._shut_down
            and self._article_id is not None
            and isinstance(change, REFRESH_CHANGES)
            and change.touches(self._article_id)
        ):
            self._refresh_timer.start()

    def _on_rendered(self, token: object, html: object) -> None:
        generation, article_id = token
        if generation != self._generation:
            return  # the article changed again, or another one is selected
        same_page = article_id == self._shown_id
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(str(html))
        if same_page:  # an edit should not jump the reader back to the top
            self.browser.verticalScrollBar().setValue(scroll)
        self._shown_id = article_id
        self._show_status("")
        self.preview_updated.emit(article_id)

    def _on_failed(self, token: object, error: object) -> None:
        generation, _article_id = token
        if generation == self._generation and not self._shut_down:
            self._show_status(f"The page could not be rendered: {error}")

    def _show_status(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setVisible(bool(message))

    def _on_link(self, url: QUrl) -> None:
        self.link_activated.emit(url)
        if url.scheme() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
