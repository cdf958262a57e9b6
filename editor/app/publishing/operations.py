"""The publishing use cases as operations, for the window's runner and the command line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from editor.app.operations import Operation, OperationContext, change, query
from editor.app.publishing.review import ArticleCheck
from editor.app.publishing.service import PublishResult
from editor.core.texts import translate

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

VERBS = {
    "publish": "Publishing",
    "correct": "Publishing the correction of",
    "unpublish": "Unpublishing",
}


def review(
    workspace: Workspace, article_ids: Sequence[int] | None, action: str = "publish"
) -> Operation[list[ArticleCheck]]:
    """The checks the publish dialog shows (a read; a newer review replaces an older one)."""

    def work(context: OperationContext) -> list[ArticleCheck]:
        return workspace.publishing.review(
            article_ids, action, progress=context.progress, cancelled=context.cancelled
        )

    return query(
        translate("operations", "Checking the articles"),
        work,
        key=("publishing.review", id(workspace)),
    )


def run(
    workspace: Workspace,
    action: str,
    article_ids: Sequence[int],
    output_dir: Path | None,
    *,
    full_rebuild: bool = False,
    online_first: bool = False,
) -> Operation[PublishResult]:
    """A publish, correct or unpublish run (a write: after every write before it).

    ``online_first``: the articles go online first, the other pages' recent posts
    follow in a second run (what the window does)."""
    noun = "article" if len(article_ids) == 1 else "articles"
    label = f"{VERBS[action]} {len(article_ids)} {noun}"

    def work(_context: OperationContext) -> PublishResult:
        publishing = workspace.publishing
        if action == "publish" and online_first and output_dir is not None:
            return publishing.publish_now(article_ids, output_dir)
        return publishing.run(action, article_ids, output_dir, full_rebuild=full_rebuild)

    # A run cannot be stopped part-way (a half-written site is worse than a finished run).
    return Operation(label, work, writes=True, cancellable=False)


def repair(workspace: Workspace) -> Operation[str | None]:
    """Finish or drop what an interrupted run left (see ``PublishService.repair``)."""
    return change(
        translate("operations", "Checking the last publish run"),
        lambda _c: workspace.publishing.repair(),
    )
