"""The trash's commands (File menu): restore the open article, empty the trash."""

from __future__ import annotations

from editor.app.operations import change, plain
from editor.commands.context import (
    CommandContext,
    display_title,
    has_trashed_article,
    require_article,
)
from editor.commands.registry import Command
from editor.core.article import Article, ListQuery
from editor.core.texts import translate


def _restore_article(ctx: CommandContext) -> None:
    article, articles = require_article(ctx), ctx.workspace.articles

    def restored(_article: Article) -> None:
        ctx.window.open_article(article.id)
        restored = translate("commands", "Restored {article} from the trash.")
        ctx.window.show_message(restored.format(article=display_title(article)))

    ctx.window.run_operation(
        change(
            translate("commands", "Restoring the article"),
            plain(lambda: articles.restore(article.id)),
        ),
        on_done=restored,
    )


def _trash_count(ctx: CommandContext) -> int:
    return ctx.remember(
        "trash_count", lambda: ctx.workspace.articles.count(ListQuery(trashed=True))
    )


def _empty_trash(ctx: CommandContext) -> None:
    count = _trash_count(ctx)
    question = (
        translate("commands", "Delete the 1 article in the trash for good? This cannot be undone.")
        if count == 1
        else translate(
            "commands", "Delete the {count} articles in the trash for good? This cannot be undone."
        )
    )
    if not ctx.window.confirm(question.format(count=count)):
        return
    ctx.window.run_operation(
        change(
            translate("commands", "Emptying the trash"), plain(ctx.workspace.articles.empty_trash)
        ),
        on_done=lambda removed: ctx.window.show_message(
            (
                translate("commands", "Deleted 1 article for good.")
                if removed == 1
                else translate("commands", "Deleted {count} articles for good.")
            ).format(count=removed)
        ),
    )


def trash_commands() -> list[Command]:
    return [
        Command(
            id="trash.restore",
            title="Restore from Trash",
            category="Trash",
            menu="File",
            handler=_restore_article,
            enabled=has_trashed_article,
            icon="edit-undo",
            keywords=("undelete", "recover", "wiederherstellen"),
        ),
        Command(
            id="trash.empty",
            title="Empty Trash…",
            category="Trash",
            menu="File",
            handler=_empty_trash,
            enabled=lambda ctx: _trash_count(ctx) > 0,
            icon="user-trash-full",
            keywords=("purge", "delete forever"),
        ),
    ]
