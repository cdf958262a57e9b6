"""Translation commands: Translate to…, moving between language versions, the
side-by-side view (which has its own actions: confirm, matches, fill 100 % matches).

Choosing the language is visual: the window's "translate" tool asks, then runs the
app's ``translate_to`` on the runner and opens the new version. Moving between versions
reads the group (one small indexed query).
"""

from __future__ import annotations

from collections.abc import Callable

from editor.commands.context import CommandContext, current_article, require_article
from editor.commands.registry import Command

PANEL = "translation"


def _live(ctx: CommandContext) -> bool:
    article = current_article(ctx)
    return article is not None and not article.deleted


def _neighbour(ctx: CommandContext, step: int) -> int | None:
    article = current_article(ctx)
    if article is None or article.deleted:
        return None
    from editor.app.translation import groups  # the store's code: not for the first paint

    return ctx.remember(
        ("version", article.id, step),
        lambda: groups.neighbour_version(ctx.workspace, article.id, step),
    )


def _translate_to(ctx: CommandContext) -> None:
    require_article(ctx)
    ctx.window.flush_autosave()
    ctx.window.open_tool("translate")


def _go(step: int) -> Callable[[CommandContext], None]:
    def handler(ctx: CommandContext) -> None:
        target = _neighbour(ctx, step)
        if target is None:
            raise LookupError("This article has no other language version.")
        ctx.window.open_article(target)

    return handler


def translation_commands() -> list[Command]:
    return [
        Command(
            id="translation.translate_to",
            title="Translate to…",
            category="Translation",
            menu="Workflow",
            handler=_translate_to,
            shortcuts=("Ctrl+Alt+T",),
            enabled=_live,
            keywords=("translation", "language version", "übersetzen", "localise"),
        ),
        Command(
            id="translation.next_version",
            title="Go to Other Language Version",
            category="Translation",
            menu="Workflow",
            handler=_go(1),
            shortcuts=("Ctrl+Alt+L",),
            enabled=lambda ctx: _neighbour(ctx, 1) is not None,
            keywords=("next language", "translation", "sprachversion", "switch language"),
        ),
        Command(
            id="translation.previous_version",
            title="Go to Previous Language Version",
            category="Translation",
            menu="Workflow",
            handler=_go(-1),
            shortcuts=("Ctrl+Alt+Shift+L",),
            enabled=lambda ctx: _neighbour(ctx, -1) is not None,
            keywords=("previous language", "translation", "sprachversion"),
        ),
        Command(
            id=f"view.{PANEL}",
            title="Translation View",
            category="View",
            handler=lambda ctx: ctx.window.toggle_panel(PANEL),
            shortcuts=("F7",),
            checkable=True,
            checked=lambda ctx: ctx.window.panel_visible(PANEL),
            keywords=("side by side", "segments", "übersetzung", "translation memory"),
        ),
    ]
