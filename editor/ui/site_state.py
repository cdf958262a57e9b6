"""Whether the site shows the open article as it is: the sign in the metadata box.

An edited published article does not change its status, so without a sign the
editor cannot tell that the page on the site is older than the text ("Published ·
page out of date", with an "Update page" button beside it).  The state is read
on the runner (:meth:`PublishService.site_state`, one small query) when an
article is shown, moves, or is published, and when a save reaches an article
the site showed as it was; saves of an article already out of date (or not on
the site) change nothing and read nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from editor.app.operations import plain, query

if TYPE_CHECKING:
    from editor.app.changes import Change
    from editor.app.workspace import Workspace
    from editor.core.article import Article
    from editor.ui.metadata import MetadataPanel
    from editor.ui.runner import Runner

OFF, CURRENT, OUT_OF_DATE = "off", "current", "out_of_date"


class SiteStateFollower(QObject):
    """Keeps the metadata box's site sign in step with the open article."""

    def __init__(self, metadata: MetadataPanel, runner: Runner, workspace: Workspace) -> None:
        super().__init__(metadata)
        self._metadata = metadata
        self._runner = runner
        self._ws = workspace
        self._article: Article | None = None
        self.state = OFF
        self._key = object()  # one reading at a time: a newer one replaces the last

    def show_article(self, article: Article | None) -> None:
        self._article = article
        self._set(OFF)  # until the reading says otherwise
        self._read()

    def on_change(self, change: Change) -> None:
        from editor.app.changes import ArticleSaved, SitePublished, StatusMoved

        article = self._article
        if article is None or not change.touches(article.id):
            return
        if isinstance(change, ArticleSaved):
            self._article = change.article
            if self.state == CURRENT:  # the text moved on from the page
                self._read()
        elif isinstance(change, StatusMoved):
            self._article = change.article
            self._read()
        elif isinstance(change, SitePublished):
            self._read()

    def _read(self) -> None:
        article = self._article
        if article is None:
            self._set(OFF)
            return
        workspace, article_id = self._ws, article.id

        # The article as the changes carried it: PublishService.site_state decides (a
        # draft or a trashed article is off there without a query).
        def read() -> str:  # on the runner, where the publishing package is first imported
            from editor.app.publishing import SiteState

            state = workspace.publishing.site_state(article)
            return {SiteState.CURRENT: CURRENT, SiteState.OUT_OF_DATE: OUT_OF_DATE}.get(state, OFF)

        self._runner.run(
            query(self.tr("Reading whether the site is up to date"), plain(read), key=self._key),
            on_done=lambda state: self._on_read(article_id, state),
            on_error=lambda _error: None,  # the sign stays off; nothing else depends on it
            owner=self,
        )

    def _on_read(self, article_id: int, state: str) -> None:
        if self._article is not None and self._article.id == article_id:
            self._set(state)

    def _set(self, state: str) -> None:
        self.state = state
        article = self._article
        self._metadata.show_site_state(state, article.status if article is not None else None)
