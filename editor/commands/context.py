"""What a command handler may use: the workspace, and a window behind an interface.

The main window implements :class:`WindowActions`; tests pass a fake
(:class:`~editor.commands.testing.RecordingWindow`).  Handlers read through the
workspace's use cases, hand anything that writes or takes long to
:meth:`WindowActions.run_operation` (the window's runner, off the GUI thread),
and ask the window only for what is inherently visual (open an article, show a
panel, ask).  A new feature adds operations and panels, not methods here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypedDict, TypeVar, Unpack

from editor.app.errors import NotFoundError
from editor.core.texts import translate

if TYPE_CHECKING:
    from editor.app.operations import Operation
    from editor.app.workspace import Workspace
    from editor.core.article import Article

T = TypeVar("T")


class RunOptions(TypedDict, Generic[T], total=False):
    """What whoever runs an operation may add (``WindowActions.run_operation``); one
    definition for the protocol, the window's runner and the test double."""

    on_done: Callable[[T], None] | None
    on_error: Callable[[BaseException], None] | None
    progress: str | None  # the title of a cancellable progress dialog, for long work
    on_cancelled: Callable[[], None] | None


class WindowActions(Protocol):
    def current_article_id(self) -> int | None: ...

    def open_article(self, article_id: int) -> None: ...

    def show_message(self, text: str, *, error: bool = False) -> None: ...

    def confirm(self, question: str) -> bool: ...

    def toggle_panel(self, name: str) -> None:
        """Show or hide a panel by name: the article panels ("history", "related",
        "page", …), "preview", "metadata", "sidebar", "palette", "find",
        "distraction_free"."""
        ...

    def panel_visible(self, name: str) -> bool: ...

    def flush_autosave(self) -> bool: ...

    def edited_version(self, article_id: int) -> int | None:
        """The version the text on screen is based on: a revision or a status move taken
        from the window states it, so that a text changed elsewhere is a conflict."""
        ...

    def quit(self) -> None: ...

    # Added for the Edit menu (editor/commands/builtin.py): these act on the
    # text field that has the keyboard focus, which only the window knows.

    def undo(self) -> None:
        """Undo the last edit in the focused text field (title, teaser or body)."""
        ...

    def redo(self) -> None:
        """Redo in the focused text field."""
        ...

    def show_find(self, replace: bool = False) -> None:
        """Open the find bar (``FindReplaceBar``) on the focused text field, seeded with
        its selection; ``replace=True`` also shows the replace row."""
        ...

    def show_publish_dialog(self, article_ids: list[int] | None, action: str = "publish") -> None:
        """Open the publish dialog for these articles (None: everything ready); ``action``:
        publish, correct or unpublish (each writes or removes pages with the status)."""
        ...

    def run_operation(self, operation: Operation[T], **options: Unpack[RunOptions[T]]) -> None:
        """Run ``operation`` off the GUI thread (writes one after another); the outcome
        comes to ``on_done``/``on_error`` later, on the GUI thread.  An error without
        ``on_error`` is shown in the status bar.  ``progress``: the title of a
        cancellable progress dialog, for long work (``on_cancelled`` hears a Cancel).

        This is how handlers do anything slow or writing; a new feature adds an
        operation, not a method here."""
        ...

    def open_tool(self, name: str) -> None:
        """Open a window-level tool: "settings", "import", "export", "samples",
        "shortcuts" (the list of keyboard shortcuts), "help" (the manual), "about"."""
        ...


@dataclass
class CommandContext:
    workspace: Workspace
    window: WindowActions
    _memo: dict[Any, Any] | None = field(default=None, init=False, repr=False, compare=False)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Within this block, :meth:`remember` computes each value once.

        Refreshing every action asks "which article is open, in what status?"
        a dozen times; a snapshot makes that one database read.  Outside a
        snapshot nothing is cached, so handlers always see fresh data.
        """
        outer = self._memo
        if outer is None:
            self._memo = {}
        try:
            yield
        finally:
            if outer is None:
                self._memo = None

    def remember(self, key: Any, compute: Callable[[], T]) -> T:
        """``compute()``, cached under ``key`` for the current :meth:`snapshot` only."""
        if self._memo is None:
            return compute()
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    @property
    def article_id(self) -> int | None:
        return self.window.current_article_id()


# ---------------------------------------------------------------- the open article


def current_article(ctx: CommandContext) -> Article | None:
    """The article open in the window, or None (also when it vanished meanwhile)."""
    article_id = ctx.article_id
    if article_id is None:
        return None
    return ctx.remember(("article", article_id), lambda: _read_article(ctx, article_id))


def _read_article(ctx: CommandContext, article_id: int) -> Article | None:
    try:
        return ctx.workspace.articles.get(article_id)
    except NotFoundError:
        return None


def require_article(ctx: CommandContext) -> Article:
    article = current_article(ctx)
    if article is None:
        raise LookupError(translate("commands", "No article is open."))
    return article


def has_live_article(ctx: CommandContext) -> bool:
    article = current_article(ctx)
    return article is not None and not article.deleted


def has_trashed_article(ctx: CommandContext) -> bool:
    article = current_article(ctx)
    return article is not None and article.deleted


def display_title(article: Article) -> str:
    """The article as the object of a message ("Moved … to the trash")."""
    return f"“{article.title}”" if article.title else translate("commands", "the untitled article")
