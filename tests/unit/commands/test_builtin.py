from __future__ import annotations

import pytest

from editor.core.article import ListQuery
from editor.core.workflow import Status, allowed_transitions

WORKFLOW_COMMANDS = {
    "workflow.submit_for_review": Status.IN_REVIEW,
    "workflow.mark_ready": Status.READY,
    "workflow.correct": Status.CORRECTED,
    "workflow.unpublish": Status.UNPUBLISHED,
    "workflow.archive": Status.ARCHIVED,
    "workflow.revive": Status.DRAFT,
}


def test_every_command_is_complete(registry) -> None:
    for command in registry:
        assert command.title and command.category
        assert command.id.split(".")[0] in {
            "article",
            "trash",
            "archive",
            "app",
            "edit",
            "view",
            "workflow",
            "publish",
            "related",
            "translation",
            "help",
            "entities",
        }
    assert registry.get("article.new").shortcuts == ("Ctrl+N",)
    assert set(registry.get("view.palette").shortcuts) == {"Ctrl+K", "Ctrl+Shift+P"}
    assert registry.get("view.distraction_free").shortcuts == ("F11",)
    assert registry.get("app.settings").shortcuts == ("Ctrl+,",)


@pytest.mark.parametrize(
    ("command_id", "tool"),
    [
        ("app.settings", "settings"),
        ("archive.import", "import"),
        ("archive.export", "export"),
        ("archive.samples", "samples"),
        ("help.shortcuts", "shortcuts"),
        ("help.manual", "help"),
        ("help.about", "about"),
    ],
)
def test_window_tools_are_commands(registry, ctx, window, command_id: str, tool: str) -> None:
    registry.run(command_id, ctx)
    assert window.calls == [f"tool {tool}"]


def test_new_article_creates_a_row_and_opens_it(registry, ctx, workspace, window) -> None:
    registry.run("article.new", ctx)
    rows = workspace.articles.list()
    assert len(rows) == 1
    assert rows[0].language == "de"
    assert window.opened == [rows[0].id]


def test_new_article_takes_the_language_of_the_open_one(registry, ctx, workspace, window) -> None:
    english = workspace.articles.create(language="en", title="Chips")
    window.article_id = english.id
    registry.run("article.new", ctx)
    newest = workspace.articles.get(window.opened[-1])
    assert newest.language == "en"
    assert newest.id != english.id


def test_duplicate_opens_the_copy(registry, ctx, workspace, window) -> None:
    source = workspace.articles.create(title="Quantenchips", body="Text")
    window.article_id = source.id
    registry.run("article.duplicate", ctx)
    copy = workspace.articles.get(window.opened[-1])
    assert copy.id != source.id
    assert copy.body == "Text"
    assert workspace.articles.count() == 2


def test_save_flushes_then_takes_a_revision(registry, ctx, workspace, window) -> None:
    article = workspace.articles.create(title="Save me")
    window.article_id = article.id
    registry.run("article.save", ctx)
    revisions = workspace.articles.revisions(article.id)
    assert [r.reason for r in revisions] == ["save"]
    assert window.calls == ["flush"]


def test_save_refuses_when_autosave_could_not_write(registry, ctx, workspace, window) -> None:
    article = workspace.articles.create(title="Locked")
    window.article_id = article.id
    window.flush_ok = False
    assert registry.execute("article.save", ctx) is False
    assert workspace.articles.revisions(article.id) == []
    assert "could not be written" in window.errors[0]


def test_article_commands_need_an_open_article(registry, ctx) -> None:
    for command_id in ("article.save", "article.duplicate", "article.delete"):
        assert not registry.get(command_id).is_enabled(ctx)
    assert registry.get("article.new").is_enabled(ctx)


def test_delete_moves_to_trash_and_restore_brings_back(registry, ctx, workspace, window) -> None:
    article = workspace.articles.create(title="Oops")
    window.article_id = article.id
    assert not registry.get("trash.restore").is_enabled(ctx)
    registry.run("article.delete", ctx)
    assert workspace.articles.get(article.id).deleted
    assert window.questions == []  # the trash is the undo: no question asked
    assert registry.get("trash.restore").is_enabled(ctx)
    assert not registry.get("article.delete").is_enabled(ctx)
    registry.run("trash.restore", ctx)
    assert not workspace.articles.get(article.id).deleted


def test_empty_trash_asks_first(registry, ctx, workspace, window) -> None:
    keep = workspace.articles.create(title="Keep")
    gone = workspace.articles.create(title="Gone")
    workspace.articles.trash(gone.id)
    assert registry.get("trash.empty").is_enabled(ctx)
    window.confirm_answer = False
    registry.run("trash.empty", ctx)
    assert workspace.articles.count(ListQuery(trashed=True)) == 1
    window.confirm_answer = True
    registry.run("trash.empty", ctx)
    assert workspace.articles.count(ListQuery(trashed=True)) == 0
    assert [a.id for a in workspace.articles.list()] == [keep.id]
    assert "1 article" in window.questions[0]
    assert not registry.get("trash.empty").is_enabled(ctx)


@pytest.mark.parametrize("status", list(Status))
def test_workflow_commands_follow_the_allowed_transitions(
    registry, ctx, workspace, window, status: Status
) -> None:
    article = workspace.articles.create(title="Flow", status=status)
    window.article_id = article.id
    allowed = allowed_transitions(status)
    for command_id, target in WORKFLOW_COMMANDS.items():
        enabled = registry.get(command_id).is_enabled(ctx)
        if enabled:
            assert target in allowed, command_id
    # Every allowed move is offered by a command, except ready -> draft: send back
    # goes one step at a time.
    offered = {
        target for cid, target in WORKFLOW_COMMANDS.items() if registry.get(cid).is_enabled(ctx)
    }
    if registry.get("workflow.send_back").is_enabled(ctx):
        offered.add({Status.IN_REVIEW: Status.DRAFT, Status.READY: Status.IN_REVIEW}[status])
    if status in (Status.READY, Status.UNPUBLISHED) and registry.get("publish.article").is_enabled(
        ctx
    ):
        offered.add(Status.PUBLISHED)  # the one "Publish…" command
    skipped = {Status.DRAFT} if status is Status.READY else set()
    assert offered == set(allowed) - skipped


def test_workflow_command_changes_status_with_a_revision(registry, ctx, workspace, window) -> None:
    article = workspace.articles.create(title="Ready soon")
    window.article_id = article.id
    assert not registry.get("publish.article").is_enabled(ctx)
    registry.run("workflow.submit_for_review", ctx)
    registry.run("workflow.mark_ready", ctx)
    assert workspace.articles.get(article.id).status is Status.READY
    assert [r.reason for r in workspace.articles.revisions(article.id)].count("status") == 2
    assert registry.get("publish.article").is_enabled(ctx)


def test_moves_that_change_the_site_go_through_the_publish_dialog(
    registry, ctx, workspace, window
) -> None:
    article = workspace.articles.create(title="Online", status=Status.PUBLISHED)
    window.article_id = article.id
    assert "workflow.publish" not in {c.id for c in registry}, "one Publish… command"
    registry.run("publish.article", ctx)
    registry.run("workflow.correct", ctx)
    registry.run("workflow.unpublish", ctx)
    asked = [c for c in window.calls if c.split()[0] in {"publish", "correct", "unpublish"}]
    assert asked == [
        f"publish [{article.id}]",
        f"correct [{article.id}]",
        f"unpublish [{article.id}]",
    ]
    # The commands alone move nothing: the dialog's run records the status with the site.
    assert workspace.articles.get(article.id).status is Status.PUBLISHED


def test_update_is_offered_when_the_site_is_out_of_date(
    registry, ctx, workspace, window, tmp_path_factory
) -> None:
    site = tmp_path_factory.mktemp("site") / "out"
    article = workspace.articles.create(
        title="Bald veraltet", status=Status.READY, body="Text.", teaser="K", author="A"
    )
    window.article_id = article.id
    assert not registry.get("publish.update").is_enabled(ctx)
    workspace.publishing.publish([article.id], site)
    assert not registry.get("publish.update").is_enabled(ctx)
    workspace.articles.update(article.id, {"body": "Ein neuer Text."})
    assert registry.get("publish.update").is_enabled(ctx)
    registry.run("publish.update", ctx)
    assert window.calls[-1] == f"publish [{article.id}]"


def test_send_back_goes_one_step(registry, ctx, workspace, window) -> None:
    article = workspace.articles.create(title="Back", status=Status.READY)
    window.article_id = article.id
    registry.run("workflow.send_back", ctx)
    assert workspace.articles.get(article.id).status is Status.IN_REVIEW
    registry.run("workflow.send_back", ctx)
    assert workspace.articles.get(article.id).status is Status.DRAFT
    assert not registry.get("workflow.send_back").is_enabled(ctx)


def test_workflow_refused_for_trashed_article(registry, ctx, workspace, window) -> None:
    article = workspace.articles.create(title="Trashed")
    workspace.articles.trash(article.id)
    window.article_id = article.id
    assert not any(registry.get(cid).is_enabled(ctx) for cid in WORKFLOW_COMMANDS)


def test_window_commands_call_the_window(registry, ctx, window) -> None:
    for command_id in ("edit.undo", "edit.redo", "edit.find", "edit.replace", "app.quit"):
        registry.run(command_id, ctx)
    assert window.calls == ["undo", "redo", "find", "replace", "quit"]


def test_view_commands_toggle_and_report_their_panel(registry, ctx, window) -> None:
    preview = registry.get("view.preview")
    assert preview.checkable
    assert not preview.checked(ctx)
    registry.run("view.preview", ctx)
    assert window.panels == {"preview"}
    assert preview.checked(ctx)
    registry.run("view.palette", ctx)
    assert "palette" in window.panels


def test_writing_commands_hand_their_writes_to_the_window_as_operations(
    registry, ctx, workspace, window
) -> None:
    article = workspace.articles.create(title="Operations")
    window.article_id = article.id
    registry.run("article.save", ctx)
    registry.run("article.delete", ctx)
    registry.run("trash.restore", ctx)
    registry.run("article.duplicate", ctx)
    registry.run("article.new", ctx)
    assert window.operations == [
        "Saving a revision",
        "Moving the article to the trash",
        "Restoring the article",
        "Duplicating the article",
        "Creating an article",
    ]


def test_new_article_starts_in_the_sites_language_for_new_articles(
    registry, ctx, workspace, window
) -> None:
    workspace.articles.create(language="zh", title="样本")  # the last edited, like the samples
    registry.run("article.new", ctx)
    assert workspace.articles.get(window.opened[-1]).language == "de"
    workspace.settings.set("site.default_language", "en")
    window.article_id = None
    registry.run("article.new", ctx)
    assert workspace.articles.get(window.opened[-1]).language == "en"


def test_an_open_article_in_a_language_the_site_lacks_does_not_pass_it_on(
    registry, ctx, workspace, window
) -> None:
    chinese = workspace.articles.create(language="zh", title="样本")
    window.article_id = chinese.id
    registry.run("article.new", ctx)
    assert workspace.articles.get(window.opened[-1]).language == "de"
