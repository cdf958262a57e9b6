"""The preview of the published page, inside the app.

It shows what :meth:`PublishService.preview_page` renders for the selected
article (its working copy, drafts too), rendered by the window's runner and
refreshed a moment after the article is saved.  The page is drawn by
QTextBrowser (QtWebEngine is not part of the Qt the program ships with) with
the site's own stylesheet, rewritten for its engine by :mod:`.page_style`, in a
column as wide as the site's; it reads a subset of CSS, so flex and grid
layouts are stacked, but fonts, colours, sizes and spacing are the site's.

A first show must not wait for the related-links index (loading or building it
takes seconds): the page comes first with the suggestions at hand, and again
with the rest once the index is ready.  Nothing is fetched: images,
stylesheets and links on the page do not reach the disk or the network.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from editor.app.changes import (
    ArticleSaved,
    Change,
    LinksDecided,
    SitePublished,
    StatusMoved,
)
from editor.app.operations import plain, query
from editor.ui.panels.base import ArticlePanel, PanelServices
from editor.ui.panels.page_style import PreviewStyle, preview_style

if TYPE_CHECKING:  # the publishing package is imported on the runner, when first used
    from editor.ui.runner import Ticket

SAVE_REFRESH_MS = 800
# What changes the page of the shown article (its text, its status, its related links).
REFRESH_CHANGES = (ArticleSaved, StatusMoved, LinksDecided, SitePublished)
EXTERNAL_SCHEMES = {"http", "https", "mailto"}
# HTML5 sections the rich-text engine does not know: as <div> their classes are styled.
_SECTIONS = re.compile(r"<(/?)(?:header|footer|main|nav|article|aside|section)\b", re.I)
MARGIN_PX = 16  # beside the column when the panel is narrower than the site's


class _Rendered(NamedTuple):
    html: str  # the page for the rich-text engine
    links_pending: bool  # suggested related links left out until the index is loaded
    style: PreviewStyle | None


class _OfflineBrowser(QTextBrowser):
    """A text browser that loads no resources (the page's relative paths mean nothing
    here) and keeps the page in a centred column of the site's width."""

    column_px: int | None = None

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        if isinstance(name, QUrl) and name.scheme() == "data":
            return super().loadResource(kind, name)
        return None

    def fit_column(self) -> None:
        """Side margins that centre a column of ``column_px`` (the site body's max-width)."""
        width = self.viewport().width()
        side = MARGIN_PX
        if self.column_px is not None:
            side = max(MARGIN_PX, (width - self.column_px) // 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if frame.leftMargin() != side or frame.rightMargin() != side:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            root.setFrameFormat(frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_column()


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
        self.links_pending = False  # the page shown lacks suggestions the index will give
        self._loading_index: Ticket[int] | None = None

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
        """Render the page of the shown article again (on the runner), with the related
        links at hand; the rest follow when the index is loaded."""
        article_id = self.article_id
        if article_id is None or self.is_shut_down:
            return
        self._refresh_timer.stop()
        if self._shown_id != article_id:
            self._show_status(self.tr("Rendering the page…"))
        self.run_query(
            "render",
            self.tr("Rendering the page preview"),
            plain(self._render_work(article_id)),
            lambda page: self._on_rendered(article_id, page),
            on_error=self._on_failed,
        )

    def _render_work(self, article_id: int) -> Callable[[], _Rendered]:
        workspace = self.ws  # its publishing service is first imported on the runner
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        styles: list[PreviewStyle] = []

        def restyle(css: str) -> str:
            styles.append(preview_style(css, dark=dark))
            return styles[-1].css

        def render() -> _Rendered:  # on the runner
            page = workspace.publishing.preview_page(article_id, restyle=restyle, quick=True)
            html = _SECTIONS.sub(lambda m: f"<{m.group(1)}div", page.html)
            return _Rendered(html, page.links_pending, styles[-1] if styles else None)

        return render

    def shutdown(self) -> None:
        self._refresh_timer.stop()
        if self._loading_index is not None:
            self._loading_index.cancel()
        super().shutdown()

    # ---------------------------------------------------------------- internals

    def on_change(self, change: Change) -> None:
        if (
            self.article_id is not None
            and isinstance(change, REFRESH_CHANGES)
            and change.touches(self.article_id)
        ):
            self._refresh_timer.start()

    def _on_rendered(self, article_id: int, page: _Rendered) -> None:
        same_page = article_id == self._shown_id
        scroll = self.browser.verticalScrollBar().value()
        style = page.style
        self.browser.column_px = style.max_width_px if style else None
        if style is not None and style.body_pt:
            font = self.browser.document().defaultFont()
            font.setPointSizeF(style.body_pt)
            self.browser.document().setDefaultFont(font)
        self.browser.setHtml(page.html)
        self.browser.fit_column()
        if same_page:  # an edit should not jump the reader back to the top
            self.browser.verticalScrollBar().setValue(scroll)
        self._shown_id = article_id
        self.links_pending = page.links_pending
        if page.links_pending:  # the index loads on the runner; the full page follows
            self._show_status(self.tr("Finding related links…"))
            self._load_index()
        else:
            self._show_status("")
        self.preview_updated.emit(article_id)

    def _load_index(self) -> None:
        """Load (or build) the related-links index once, whatever article is shown
        meanwhile; then render the page again, with its suggested links."""
        if self._loading_index is not None and not self._loading_index.finished:
            return
        related = self.ws.related
        self._loading_index = self.runner.run(
            query(self.tr("Loading the related-links index"), plain(related.load_index)),
            on_done=lambda _count: self.refresh(),
            on_error=self._on_index_failed,
            owner=self,
        )

    def _on_index_failed(self, error: BaseException) -> None:
        # The page stands without suggested links (as a publish run without an index).
        self._show_status(self.tr("No related links could be suggested: {0}").format(error))

    def _on_failed(self, error: BaseException) -> None:
        self._show_status(self.tr("The page could not be rendered: {error}").format(error=error))

    def _show_status(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setVisible(bool(message))

    def _on_link(self, url: QUrl) -> None:
        self.link_activated.emit(url)
        if url.scheme() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
