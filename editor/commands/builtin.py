"""The built-in commands: every user action of the editor, registered once.

Menus, the toolbar, shortcuts and the palette are built from these (see
``editor/ui/actions.py``).  Handlers change data only through the workspace's
use cases and ask the window (``ctx.window``) only for what is visual; they
never touch a widget, so they are tested with a fake window.

Menu placement: the ``menu`` field names the top-level menu; within a menu a
separator falls wherever the category changes, so commands are registered here
in menu order.
"""

from __future__ import annotations

from collections.abc import Callable

from editor.app.operations import change, plain
from editor.commands.context import (
    CommandContext,
    current_article,
    display_title,
    has_live_article,
    require_article,
)
from editor.commands.entities import entity_commands
from editor.commands.indexes import (
    compute_meaning_vectors,
    rebuild_related_index,
    rebuild_search_index,
)
from editor.commands.registry import Command, CommandDisabledError, CommandRegistry
from editor.commands.translation import translation_commands
from editor.commands.trash import trash_commands
from editor.commands.workflow import workflow_commands
from editor.core.article import Article
from editor.core.texts import translate
from editor.core.workflow import (
    PUBLIC_STATUSES,
    PUBLISHABLE_STATUSES,
)

# Top-level menus in the order the menu bar shows them.
MENU_ORDER = ("File", "Edit", "View", "Workflow", "Help")


def register_builtin(registry: CommandRegistry) -> None:
    """Register all built-in commands (call once per registry)."""
    for command in _article_commands():
        registry.register(command)
    for command in trash_commands():
        registry.register(command)
    for command in _archive_commands():
        registry.register(command)
    registry.register(
        Command(
            id="app.quit",
            title="Quit",
            category="Application",
            menu="File",
            handler=lambda ctx: ctx.window.quit(),
            shortcuts=("Ctrl+Q",),
            icon="application-exit",
            keywords=("exit", "close", "beenden"),
        )
    )
    for command in _edit_commands():
        registry.register(command)
    registry.register(
        Command(
            id="app.settings",
            title="Settings…",
            category="Settings",
            menu="Edit",
            handler=lambda ctx: ctx.window.open_tool("settings"),
            shortcuts=("Ctrl+,",),
            icon="preferences-system",
            keywords=(
                "preferences",
                "options",
                "configure",
                "einstellungen",
                "site name",
                "base url",
                "languages",
                "author name",
                "font",
                "theme",
                "dark",
                "keyboard shortcuts",
            ),
        )
    )
    for command in _view_commands():
        registry.register(command)
    for command in workflow_commands():
        registry.register(command)
    for command in _publishing_commands():
        registry.register(command)
    for command in translation_commands():
        registry.register(command)
    for command in _help_commands():
        registry.register(command)
    for command in entity_commands():
        registry.register(command)


# ---------------------------------------------------------------- helpers


def default_language(ctx: CommandContext) -> str:
    """The language for a new article: the open article's when the site publishes in it,
    else the site's setting for new articles (never the language last edited in, which
    after the samples was Chinese)."""
    values = ctx.workspace.settings.values()
    article = current_article(ctx)
    if article is not None and article.language in values["site.languages"]:
        return str(article.language)
    return str(values["site.default_language"])


# ---------------------------------------------------------------- File: articles


# Writes run as operations on the window's runner, never on the GUI thread; the
# window follows the change notices they send, and a failure is shown in its
# status bar ("Creating an article failed: …").


def _new_article(ctx: CommandContext) -> None:
    ctx.window.flush_autosave()
    articles, language = ctx.workspace.articles, default_language(ctx)
    ctx.window.run_operation(
        change(
            translate("commands", "Creating an article"),
            plain(lambda: articles.create(language=language)),
        ),
        on_done=lambda article: ctx.window.open_article(article.id),
    )


def _duplicate_article(ctx: CommandContext) -> None:
    ctx.window.flush_autosave()
    source, articles = require_article(ctx), ctx.workspace.articles

    def opened(copy: Article) -> None:
        ctx.window.open_article(copy.id)
        duplicated = translate("commands", "Duplicated {article}.")
        ctx.window.show_message(duplicated.format(article=display_title(source)))

    ctx.window.run_operation(
        change(
            translate("commands", "Duplicating the article"),
            plain(lambda: articles.duplicate(source.id)),
        ),
        on_done=opened,
    )


def _save_article(ctx: CommandContext) -> None:
    article, articles = require_article(ctx), ctx.workspace.articles
    if not ctx.window.flush_autosave():
        raise RuntimeError("the latest changes could not be written; nothing was lost on screen")
    version = ctx.window.edited_version(article.id)
    ctx.window.run_operation(
        change(
            translate("commands", "Saving a revision"),
            plain(
                lambda: articles.save_revision(article.id, reason="save", expected_version=version)
            ),
        ),
        on_done=lambda info: ctx.window.show_message(
            translate("commands", "Saved revision {number}.").format(number=info.number)
        ),
    )


def _trash_article(ctx: CommandContext) -> None:
    ctx.window.flush_autosave()
    article, articles = require_article(ctx), ctx.workspace.articles
    # No confirmation: the trash is the undo.
    ctx.window.run_operation(
        change(
            translate("commands", "Moving the article to the trash"),
            plain(lambda: articles.trash(article.id)),
        ),
        on_done=lambda _trashed: ctx.window.show_message(
            translate(
                "commands", "Moved {article} to the trash (Restore from Trash brings it back)."
            ).format(article=display_title(article))
        ),
    )


def _article_commands() -> list[Command]:
    return [
        Command(
            id="article.new",
            title="New Article",
            category="Article",
            menu="File",
            handler=_new_article,
            shortcuts=("Ctrl+N",),
            icon="document-new",
            toolbar=True,
            keywords=("create", "add", "neu"),
        ),
        Command(
            id="article.duplicate",
            title="Duplicate Article",
            category="Article",
            menu="File",
            handler=_duplicate_article,
            shortcuts=("Ctrl+D",),
            enabled=has_live_article,
            icon="edit-copy",
            keywords=("copy", "clone"),
        ),
        Command(
            id="article.save",
            title="Save Revision",
            category="Article",
            menu="File",
            handler=_save_article,
            shortcuts=("Ctrl+S",),
            enabled=has_live_article,
            icon="document-save",
            toolbar=True,
            keywords=("save", "snapshot", "version", "speichern"),
        ),
        Command(
            id="article.delete",
            title="Move Article to Trash",
            category="Article",
            menu="File",
            handler=_trash_article,
            shortcuts=("Del", "Ctrl+Delete"),
            enabled=has_live_article,
            icon="user-trash",
            toolbar=True,
            keywords=("delete", "remove", "trash", "löschen"),
        ),
    ]


# ---------------------------------------------------------------- File: the archive


def _tool(name: str) -> Callable[[CommandContext], None]:
    return lambda ctx: ctx.window.open_tool(name)


def _archive_commands() -> list[Command]:
    return [
        Command(
            id="archive.import",
            title="Import Articles…",
            category="Archive",
            menu="File",
            handler=_tool("import"),
            shortcuts=("Ctrl+Shift+I",),
            icon="document-import",
            keywords=("jsonl", "json lines", "markdown", "load", "importieren"),
        ),
        Command(
            id="archive.export",
            title="Export Articles…",
            category="Archive",
            menu="File",
            handler=_tool("export"),
            shortcuts=("Ctrl+Shift+E",),
            icon="document-export",
            keywords=("jsonl", "markdown", "backup", "save all", "exportieren"),
        ),
        Command(
            id="archive.samples",
            title="Load Sample Articles",
            category="Archive",
            menu="File",
            handler=_tool("samples"),
            keywords=("samples", "examples", "demo", "try", "beispiele"),
        ),
    ]


# ---------------------------------------------------------------- Help


def _help_commands() -> list[Command]:
    return [
        Command(
            id="help.shortcuts",
            title="Keyboard Shortcuts",
            category="Help",
            handler=_tool("shortcuts"),
            shortcuts=("Ctrl+/",),
            keywords=("keys", "keyboard", "hotkeys", "tastenkürzel"),
        ),
        Command(
            id="help.manual",
            title="Newsdesk Help",
            category="Help",
            handler=_tool("help"),
            shortcuts=("F1",),
            keywords=("manual", "readme", "documentation", "online help", "hilfe"),
        ),
        Command(
            id="help.about",
            title="About Newsdesk",
            category="Help",
            handler=_tool("about"),
            keywords=("version", "licence", "license", "credits"),
        ),
    ]


# ---------------------------------------------------------------- Edit


def _edit_commands() -> list[Command]:
    return [
        Command(
            id="edit.undo",
            title="Undo",
            category="Edit",
            handler=lambda ctx: ctx.window.undo(),
            shortcuts=("Ctrl+Z",),
            icon="edit-undo",
            keywords=("revert",),
        ),
        Command(
            id="edit.redo",
            title="Redo",
            category="Edit",
            handler=lambda ctx: ctx.window.redo(),
            shortcuts=("Ctrl+Shift+Z", "Ctrl+Y"),
            icon="edit-redo",
        ),
        Command(
            id="edit.find",
            title="Find…",
            category="Edit",
            handler=lambda ctx: ctx.window.show_find(replace=False),
            shortcuts=("Ctrl+F",),
            icon="edit-find",
            keywords=("search", "suchen"),
        ),
        Command(
            id="edit.replace",
            title="Find and Replace…",
            category="Edit",
            handler=lambda ctx: ctx.window.show_find(replace=True),
            shortcuts=("Ctrl+H",),
            icon="edit-find-replace",
            keywords=("substitute", "ersetzen"),
        ),
    ]


# ---------------------------------------------------------------- View


def _panel_command(
    panel: str,
    title: str,
    shortcuts: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
    icon: str | None = None,
    toolbar: bool = False,
) -> Command:
    return Command(
        id=f"view.{panel}",
        title=title,
        category="View",
        handler=lambda ctx: ctx.window.toggle_panel(panel),
        shortcuts=shortcuts,
        checkable=True,
        checked=lambda ctx: ctx.window.panel_visible(panel),
        icon=icon,
        toolbar=toolbar,
        keywords=keywords,
    )


def _view_commands() -> list[Command]:
    palette = Command(
        id="view.palette",
        title="Command Palette…",
        category="View",
        handler=lambda ctx: ctx.window.toggle_panel("palette"),
        shortcuts=("Ctrl+K", "Ctrl+Shift+P"),
        keywords=("commands", "go to", "open article", "quick open"),
        # The palette itself offering "open the palette" would only be noise.
        palette=False,
        overrides_text_fields=True,
    )
    search = Command(
        id="view.search",
        title="Search Articles",
        category="View",
        handler=lambda ctx: ctx.window.toggle_panel("search"),
        shortcuts=("Ctrl+Shift+F",),
        keywords=("full text", "suchen", "archive", "saved searches"),
        overrides_text_fields=True,
    )
    reindex = Command(
        id="view.search_reindex",
        title="Rebuild Search Index",
        category="View",
        handler=rebuild_search_index,
        keywords=("reindex", "full text", "suchindex"),
    )
    return [
        palette,
        search,
        reindex,
        _panel_command(
            "preview",
            "Preview",
            ("Ctrl+Shift+V",),
            ("render", "html", "vorschau"),
            icon="document-print-preview",
            toolbar=True,
        ),
        _panel_command("history", "Revision History", ("Ctrl+Shift+H",), ("revisions", "versions")),
        _panel_command(
            "metadata", "Metadata", ("Ctrl+Shift+M",), ("slug", "tags", "language", "info")
        ),
        _panel_command(
            "sidebar", "Article List", ("Ctrl+Shift+L",), ("sidebar", "browser", "list")
        ),
        _panel_command(
            "distraction_free",
            "Distraction-Free Mode",
            ("F11",),
            ("focus", "zen", "full screen"),
            icon="view-fullscreen",
        ),
    ]


# ---------------------------------------------------------------- Publishing and related links


def _can_publish(ctx: CommandContext) -> bool:
    article = current_article(ctx)
    return article is not None and not article.deleted and article.status in PUBLISHABLE_STATUSES


def _site_out_of_date(ctx: CommandContext) -> bool:
    """The open article is public and was edited since the site last showed it."""
    article = current_article(ctx)
    if article is None or article.deleted:
        return False
    if article.status not in PUBLIC_STATUSES:
        return False
    from editor.app.publishing import SiteState  # not needed for the first paint

    state = ctx.remember(
        ("site_state", article.id, article.version),
        lambda: ctx.workspace.publishing.site_state(article),
    )
    return state is SiteState.OUT_OF_DATE


def _publishing_commands() -> list[Command]:
    def publish_open(ctx: CommandContext) -> None:
        article = current_article(ctx)
        if article is None:
            raise CommandDisabledError(translate("commands", "Open an article to publish it."))
        ctx.window.flush_autosave()
        ctx.window.show_publish_dialog([article.id])

    def publish_ready(ctx: CommandContext) -> None:
        ctx.window.flush_autosave()
        ctx.window.show_publish_dialog(None)

    def update_page(ctx: CommandContext) -> None:
        article = current_article(ctx)
        if article is None:
            raise CommandDisabledError(translate("commands", "Open an article to update its page."))
        ctx.window.flush_autosave()
        ctx.window.show_publish_dialog([article.id])

    return [
        Command(
            id="publish.article",
            title="Publish…",
            category="Publish",
            menu="Workflow",
            handler=publish_open,
            shortcuts=("Ctrl+Shift+U",),
            enabled=_can_publish,
            toolbar=True,
            keywords=("site", "go live", "veröffentlichen", "checks"),
        ),
        Command(
            id="publish.update",
            title="Update Published Page…",
            category="Publish",
            menu="Workflow",
            handler=update_page,
            enabled=_site_out_of_date,
            keywords=("republish", "site out of date", "aktualisieren", "refresh"),
        ),
        Command(
            id="publish.ready",
            title="Publish Everything Ready…",
            category="Publish",
            menu="Workflow",
            handler=publish_ready,
            keywords=("site", "all", "batch", "veröffentlichen"),
        ),
        _panel_command(
            "related",
            "Related Links",
            ("Ctrl+Shift+R",),
            ("verwandte links", "suggestions", "see also"),
        ),
        _panel_command("page", "Published Page Preview", (), ("site", "html", "seite")),
        Command(
            id="related.rebuild",
            title="Rebuild Related-Links Index",
            category="Publish",
            menu="Workflow",
            handler=rebuild_related_index,
            keywords=("reindex", "suggestions", "index"),
        ),
        Command(
            id="related.embed",
            title="Compute Meaning Vectors for Related Links",
            category="Publish",
            menu="Workflow",
            handler=compute_meaning_vectors,
            keywords=("embeddings", "multilingual", "across languages", "sprachübergreifend"),
        ),
    ]
