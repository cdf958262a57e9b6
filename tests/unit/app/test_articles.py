"""ArticleService: slugs, workflow, revisions, trash and duplicates on a real SQLite file."""

from __future__ import annotations

from typing import Any

import pytest

from editor.app.changes import (
    ArticleCreated,
    ArticleSaved,
    ArticleTrashed,
    Change,
    StatusMoved,
)
from editor.app.workspace import Workspace
from editor.core.article import ListQuery
from editor.core.workflow import Status, TransitionError
from editor.store.errors import ConflictError, NotFoundError


def _created(ws: Workspace, **fields: Any) -> int:
    fields.setdefault("language", "de")
    fields.setdefault("body", "Text")
    return ws.articles.create(**fields).id


# ---------------------------------------------------------------- slugs


def test_slug_is_derived_from_the_title_with_german_transliteration(workspace: Workspace) -> None:
    article = workspace.articles.create(language="de", title="Übernahme für Müller")
    assert article.slug == "uebernahme-fuer-mueller"
    assert article.slug_locked is False


def test_slugs_are_unique_per_language_only(workspace: Workspace) -> None:
    articles = workspace.articles
    first = articles.create(language="de", title="Neue Chips")
    second = articles.create(language="de", title="Neue Chips")
    english = articles.create(language="en", title="Neue Chips")
    assert (first.slug, second.slug, english.slug) == ("neue-chips", "neue-chips-2", "neue-chips")


def test_slug_follows_the_title_until_edited_by_hand(workspace: Workspace) -> None:
    articles = workspace.articles
    article_id = _created(workspace, title="Erster Titel")
    assert articles.update(article_id, {"title": "Zweiter Titel"}).slug == "zweiter-titel"

    locked = articles.update(article_id, {"slug": "Mein Slug"})
    assert (locked.slug, locked.slug_locked) == ("mein-slug", True)
    assert articles.update(article_id, {"title": "Dritter Titel"}).slug == "mein-slug"

    # Clearing the slug hands it back to the title.
    freed = articles.update(article_id, {"slug": ""})
    assert (freed.slug, freed.slug_locked) == ("dritter-titel", False)


def test_an_edited_slug_is_made_unique(workspace: Workspace) -> None:
    _created(workspace, title="Besetzt")
    other = _created(workspace, title="Anderes")
    assert workspace.articles.update(other, {"slug": "besetzt"}).slug == "besetzt-2"


def test_an_untitled_article_gets_a_fallback_slug(workspace: Workspace) -> None:
    assert workspace.articles.create(language="en", title="").slug == "article"
    assert workspace.articles.create(language="en", title="!!!").slug == "article-2"


def test_language_is_normalised_and_unknown_codes_are_refused(workspace: Workspace) -> None:
    assert workspace.articles.create(language="de-AT", title="Wien").language == "de"
    with pytest.raises(ValueError, match="unknown language"):
        workspace.articles.create(language="xx", title="Nowhere")


def test_only_editable_fields_can_be_updated(workspace: Workspace) -> None:
    article_id = _created(workspace, title="T")
    with pytest.raises(ValueError, match="not editable: status"):
        workspace.articles.update(article_id, {"status": "published"})


def test_a_stale_version_is_a_conflict(workspace: Workspace) -> None:
    article = workspace.articles.create(language="de", title="T")
    workspace.articles.update(article.id, {"body": "elsewhere"})
    with pytest.raises(ConflictError):
        workspace.articles.update(article.id, {"body": "mine"}, expected_version=article.version)
    assert workspace.articles.get(article.id).body == "elsewhere"


# ---------------------------------------------------------------- workflow and revisions


def test_allowed_transitions_move_and_take_a_revision(workspace: Workspace) -> None:
    articles = workspace.articles
    article_id = _created(workspace, title="Meldung")
    assert Status.PUBLISHED not in articles.allowed_statuses(article_id)
    for target in (Status.IN_REVIEW, Status.READY, Status.PUBLISHED):
        articles.change_status(article_id, target)
    published = articles.get(article_id)
    assert published.status is Status.PUBLISHED
    assert published.published_at is not None
    revisions = articles.revisions(article_id)
    assert [r.reason for r in revisions] == ["status"] * 3
    assert [r.number for r in revisions] == [3, 2, 1]  # newest first
    assert revisions[0].author == "tester"
    assert "Ready → Published" in revisions[0].note


def test_refused_transitions_change_nothing(workspace: Workspace) -> None:
    article_id = _created(workspace, title="Meldung")
    with pytest.raises(TransitionError):
        workspace.articles.change_status(article_id, Status.PUBLISHED)
    assert workspace.articles.get(article_id).status is Status.DRAFT
    assert workspace.articles.revisions(article_id) == []


def test_restoring_a_revision_brings_its_text_back_as_a_new_revision(
    workspace: Workspace,
) -> None:
    articles = workspace.articles
    article_id = _created(workspace, title="Fassung eins", body="Erster Text")
    first = articles.save_revision(article_id)
    articles.update(article_id, {"title": "Fassung zwei", "body": "Zweiter Text"})
    articles.save_revision(article_id)

    restored = articles.restore_revision(article_id, first.id)
    assert (restored.title, restored.body) == ("Fassung eins", "Erster Text")
    latest = articles.revisions(article_id)[0]
    assert (latest.reason, latest.number) == ("restore", 3)
    assert "revision 1" in latest.note


def test_a_revision_of_another_article_cannot_be_restored(workspace: Workspace) -> None:
    one, other = _created(workspace, title="Eins"), _created(workspace, title="Zwei")
    revision = workspace.articles.save_revision(other)
    with pytest.raises(ValueError, match="another article"):
        workspace.articles.restore_revision(one, revision.id)


# ---------------------------------------------------------------- trash and duplicates


def test_trash_restore_and_empty(workspace: Workspace) -> None:
    articles = workspace.articles
    keep, bin_ = _created(workspace, title="Bleibt"), _created(workspace, title="Weg")
    articles.save_revision(bin_)
    articles.trash(bin_)
    assert [r.id for r in articles.list()] == [keep]
    assert [r.id for r in articles.list(ListQuery(trashed=True))] == [bin_]
    assert articles.counts_by_status()["trash"] == 1

    articles.restore(bin_)
    assert articles.count() == 2
    articles.trash(bin_)
    assert articles.empty_trash() == 1
    assert articles.count(ListQuery(trashed=True)) == 0
    with pytest.raises(NotFoundError):
        articles.get(bin_)
    assert articles.get(keep).title == "Bleibt"


def test_a_trashed_slug_stays_taken_until_the_trash_is_emptied(workspace: Workspace) -> None:
    articles = workspace.articles
    articles.trash(_created(workspace, title="Gleich"))
    assert articles.create(language="de", title="Gleich").slug == "gleich-2"


def test_duplicate_copies_text_and_tags_as_a_new_draft(workspace: Workspace) -> None:
    articles = workspace.articles
    source_id = _created(workspace, title="Vorlage", teaser="Kurz", tags=["KI", "Chips"])
    articles.change_status(source_id, Status.IN_REVIEW)
    copy = articles.duplicate(source_id)
    source = articles.get(source_id)
    assert copy.id != source.id and copy.uuid != source.uuid
    assert (copy.title, copy.teaser, copy.body) == ("Vorlage (copy)", "Kurz", source.body)
    assert set(copy.tags) == {"KI", "Chips"}
    assert copy.status is Status.DRAFT
    assert copy.slug == "vorlage-copy"


def test_find_by_id_uuid_or_external_id(workspace: Workspace) -> None:
    article = workspace.articles.create(language="en", title="T", external_id="wire-7")
    for key in (str(article.id), article.uuid, "wire-7"):
        assert workspace.articles.find(key).id == article.id
    with pytest.raises(NotFoundError, match="no article 'nope'"):
        workspace.articles.find("nope")


def test_changes_are_announced_typed_with_what_was_saved(workspace: Workspace) -> None:
    seen: list[Change] = []
    workspace.changes.subscribe(Change, seen.append)
    article_id = _created(workspace, title="T")
    workspace.articles.update(article_id, {"body": "B"})
    workspace.articles.change_status(article_id, Status.IN_REVIEW)
    workspace.articles.trash(article_id)
    assert [(type(c), c.article_ids()) for c in seen] == [
        (ArticleCreated, (article_id,)),
        (ArticleSaved, (article_id,)),
        (StatusMoved, (article_id,)),
        (ArticleTrashed, (article_id,)),
    ]
    saved, moved = seen[1], seen[2]
    assert isinstance(saved, ArticleSaved) and saved.article.body == "B"
    assert isinstance(moved, StatusMoved)
    assert (moved.old, moved.new, moved.article.status) == (
        Status.DRAFT,
        Status.IN_REVIEW,
        Status.IN_REVIEW,
    )


def test_a_listener_of_one_type_hears_only_that_type(workspace: Workspace) -> None:
    saves: list[ArticleSaved] = []
    unsubscribe = workspace.changes.subscribe(ArticleSaved, saves.append)
    article_id = _created(workspace, title="T")
    workspace.articles.update(article_id, {"body": "B"})
    unsubscribe()
    workspace.articles.update(article_id, {"body": "C"})
    assert [s.article.body for s in saves] == ["B"]


def test_a_failing_listener_does_not_undo_or_stop_the_use_case(workspace: Workspace) -> None:
    def broken(_change: Change) -> None:
        raise RuntimeError("a broken view")

    later: list[Change] = []
    workspace.changes.subscribe(Change, broken)
    workspace.changes.subscribe(Change, later.append)
    article_id = _created(workspace, title="T")
    assert workspace.articles.get(article_id).title == "T"
    assert len(later) == 1


def test_tags_keep_the_order_the_editor_gave(workspace: Workspace) -> None:
    article = workspace.articles.create(language="de", title="T", tags=["Zeta", "Alpha", "Mitte"])
    assert workspace.articles.get(article.id).tags == ("Zeta", "Alpha", "Mitte")
    workspace.articles.update(article.id, {"tags": ["Alpha", "Neu", "Zeta"]})
    assert workspace.articles.get(article.id).tags == ("Alpha", "Neu", "Zeta")
