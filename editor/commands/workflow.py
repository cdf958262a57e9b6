"""The Workflow menu's status moves: Submit for Review, Mark as Ready, Send Back, ….

Which moves exist is the workflow's (``editor.core.workflow``); a command is
enabled only when the open article may make its move now.  A move that changes
what the site shows (``SITE_ACTIONS``) goes through the publish dialog, which
records the status with the pages it writes or removes.
"""

from __future__ import annotations

from collections.abc import Callable

from editor.app.operations import change, plain
from editor.commands.context import CommandContext, current_article, require_article
from editor.commands.registry import Command
from editor.core.texts import translate
from editor.core.workflow import SITE_ACTIONS, Status, allowed_transitions

Target = Callable[[Status], Status | None]


def _always(target: Status) -> Target:
    """Any status the workflow allows to go to ``target`` (archive, publish, …)."""
    return lambda current: target


def _from(sources: frozenset[Status], target: Status) -> Target:
    """Only from ``sources``: keeps two commands from offering the same move."""
    return lambda current: target if current in sources else None


def _send_back(current: Status) -> Status | None:
    """One step back: review to draft, ready to review."""
    return {Status.IN_REVIEW: Status.DRAFT, Status.READY: Status.IN_REVIEW}.get(current)


def workflow_target(ctx: CommandContext, target: Target) -> Status | None:
    """Where ``target`` would move the open article, if the workflow allows it now."""
    article = current_article(ctx)
    if article is None or article.deleted:
        return None
    wanted = target(article.status)
    return wanted if wanted in allowed_transitions(article.status) else None


def _workflow_command(
    verb: str,
    title: str,
    target: Target,
    keywords: tuple[str, ...] = (),
    shortcuts: tuple[str, ...] = (),
) -> Command:
    def handler(ctx: CommandContext) -> None:
        wanted = workflow_target(ctx, target)
        if wanted is None:  # the status changed since the menu was drawn
            refused = translate("commands", "“{command}” is not possible for this article now.")
            raise ValueError(refused.format(command=translate("commands", title)))
        ctx.window.flush_autosave()
        article = require_article(ctx)
        if wanted in SITE_ACTIONS:  # through the publish dialog: checks, pages, then status
            ctx.window.show_publish_dialog([article.id], SITE_ACTIONS[wanted])
            return
        articles, version = ctx.workspace.articles, ctx.window.edited_version(article.id)
        name = (
            f"“{article.title}”" if article.title else translate("commands", "The untitled article")
        )
        status = translate("status", wanted.label)
        # A write, so an operation on the window's runner like every other command's.
        ctx.window.run_operation(
            change(
                translate("commands", "Moving {article} to {status}").format(
                    article=name, status=status
                ),
                plain(lambda: articles.change_status(article.id, wanted, expected_version=version)),
            ),
            on_done=lambda _moved: ctx.window.show_message(
                translate("commands", "{article} is now {status}.").format(
                    article=name, status=status
                )
            ),
        )

    return Command(
        id=f"workflow.{verb}",
        title=title,
        category="Workflow",
        handler=handler,
        enabled=lambda ctx: workflow_target(ctx, target) is not None,
        shortcuts=shortcuts,
        keywords=("status", *keywords),
    )


def workflow_commands() -> list[Command]:
    return [
        _workflow_command(
            "submit_for_review",
            "Submit for Review",
            _from(frozenset({Status.DRAFT}), Status.IN_REVIEW),
            ("review", "check", "prüfen"),
        ),
        _workflow_command("mark_ready", "Mark as Ready", _always(Status.READY), ("approve", "ok")),
        _workflow_command("send_back", "Send Back", _send_back, ("reject", "return")),
        # These two open the publish dialog: the site changes with the status.
        _workflow_command(
            "correct", "Mark as Corrected…", _always(Status.CORRECTED), ("correction", "fix")
        ),
        _workflow_command(
            "unpublish", "Unpublish…", _always(Status.UNPUBLISHED), ("take down", "offline")
        ),
        _workflow_command("archive", "Archive", _always(Status.ARCHIVED), ("archivieren",)),
        _workflow_command(
            "revive",
            "Revive as Draft",
            _from(frozenset({Status.ARCHIVED, Status.UNPUBLISHED}), Status.DRAFT),
            ("unarchive", "reopen"),
        ),
    ]
