"""Keeping the open article in step with the archive: the changes announced on the
bus, text saved elsewhere or merged, and the article of the last session at start.

A mixin of :class:`~editor.ui.main_window.MainWindow`, kept apart (like
:class:`~editor.ui.command_surface.CommandSurface`) so that the window's own class
is about layout and wiring.  It adds no state; the window's parts it uses are
listed below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.app.errors import NotFoundError
from editor.ui.article_editor import HISTORY_TAB, PAGE_TAB, PREVIEW_TAB
from editor.ui.command_surface import WindowPart

if TYPE_CHECKING:
    from editor.app.autosave import AutosaveWriter
    from editor.app.changes import Change
    from editor.app.workspace import Workspace
    from editor.core.article import Article
    from editor.ui.article_editor import ArticleEditor
    from editor.ui.metadata import MetadataPanel
    from editor.ui.window_memory import WindowMemory


class FollowsTheArchive(WindowPart):
    # What of the window this uses (MainWindow builds them): its editor, metadata panel,
    # memory of the last session and autosave writer, the workspace and the article.
    editor: ArticleEditor
    metadata: MetadataPanel
    memory: WindowMemory
    autosave: AutosaveWriter
    ws: Workspace | None
    _article: Article | None

    if TYPE_CHECKING:  # the window's own methods this calls (stubs for the type checker)

        def _show_article(
            self, article: Article | None, *, cursor: int | None = None, keep_text: bool = False
        ) -> None: ...

        def _update_title(self) -> None: ...

        def refresh_actions(self) -> None: ...

        def show_message(self, text: str, *, error: bool = False) -> None: ...

    def _on_bridge_changed(self, notice: Change) -> None:
        """The open article changed (the browser follows the list on its own)."""
        from editor.app.changes import (
            ArticleRestored,
            ArticleSaved,
            ArticleTrashed,
            StatusMoved,
            TrashEmptied,
        )

        current = self._article
        if current is None:
            return
        if isinstance(notice, TrashEmptied):
            if current.deleted:  # it was in the trash: it is gone now
                self._show_article(None)
        elif not notice.touches(current.id):
            return
        elif isinstance(notice, ArticleSaved):
            if notice.article.version >= current.version:
                # (A save announced from the autosave thread can arrive after a newer
                # change, a trash or a status move, was shown: the newer is kept.)
                self._article = notice.article
                self.metadata.show_saved(notice.article)
                self._update_title()
        elif isinstance(notice, ArticleTrashed | ArticleRestored | StatusMoved):
            self._follow_current(notice.article)

    def _follow_current(self, article: Article) -> None:
        """The open article changed status, went to the trash or came back from it;
        ``article`` is its saved state, carried by the change (nothing is read again)."""
        if self._article is None or article.version < self._article.version:
            return  # a notice that arrives after a newer one was shown
        if article.deleted != self._article.deleted:
            self._show_article(article, cursor=self.editor.cursor_position())
        else:
            self._article = article
            self.metadata.show_article(article)
            self.refresh_actions()

    def show_saved_text(self, article: Article) -> None:
        """Show text saved elsewhere or merged (undoable); later edits are based on it."""
        self._article = article
        self.editor.replace_text(article)
        self.metadata.show_saved(article)
        self.autosave.track(article)

    def _restore_last_article(self, *, shown: Article | None = None) -> None:
        """Open the article of the last session; ``shown``: its snapshot already on screen."""
        assert self.ws is not None
        article_id, cursor, tab = self.memory.article()
        if not article_id:
            return
        try:
            article = self.ws.articles.get(article_id)
        except NotFoundError:
            if shown is not None:
                self._show_article(None)
            return
        except Exception as exc:
            self.show_message(describe_error(exc), error=True)
            return
        if article == shown:  # the usual case: keep the text, its cursor and scrolling
            self._show_article(article, keep_text=True)
        else:
            self._show_article(article, cursor=cursor)
        if tab in (PREVIEW_TAB, HISTORY_TAB, PAGE_TAB):
            self.editor.tabs.setCurrentIndex(tab)


def describe_error(exc: BaseException) -> str:
    """An error's message as a sentence for the status bar (its type when it has none)."""
    text = str(exc).strip() or type(exc).__name__
    return text[:1].upper() + text[1:]
