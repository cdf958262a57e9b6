"""Tagging from the window: a selected mention (new entity, or an alias), a tag removed."""

from __future__ import annotations

import pytest

from editor.app.entities.tagging import tag_mention, untag
from editor.app.workspace import Workspace
from editor.core.article import ListQuery
from editor.core.entities.model import EntityError


def test_a_new_mention_becomes_an_entity_of_the_kind_chosen(workspace: Workspace) -> None:
    article = workspace.articles.create(title="Rede", tags=["KI"])
    entity = tag_mention(workspace, article.id, "  Olaf\nScholz ", "person")
    assert (entity.name, entity.kind.value) == ("Olaf Scholz", "person")
    assert workspace.articles.get(article.id).tags == ("KI", "Olaf Scholz")


def test_a_mention_of_a_known_entity_tags_it_without_a_new_one(workspace: Workspace) -> None:
    munich = workspace.entities.add("München", "place", labels={"en": "Munich"})
    article = workspace.articles.create(title="Oktoberfest")
    entity = tag_mention(workspace, article.id, "Munich", "topic")
    assert entity.id == munich.id and entity.kind.value == "place"
    assert len(workspace.entities.list()) == 1


def test_attaching_a_mention_to_an_entity_makes_it_an_alias(workspace: Workspace) -> None:
    siemens = workspace.entities.add("Siemens AG", "organisation")
    article = workspace.articles.create(title="Bilanz")
    assert siemens.id is not None
    tag_mention(workspace, article.id, "Siemens", "organisation", siemens.id)
    assert workspace.entities.get(siemens.id).aliases == ("Siemens",)
    tag_mention(workspace, article.id, "siemens ag", "organisation", siemens.id)
    assert workspace.entities.get(siemens.id).aliases == ("Siemens",)  # a name already
    assert workspace.articles.get(article.id).tags == ("Siemens AG",)


def test_bad_mentions_are_refused_with_nothing_written(workspace: Workspace) -> None:
    bosch = workspace.entities.add("Bosch", "organisation")
    other = workspace.entities.add("Robert Bosch GmbH", "organisation")
    article = workspace.articles.create(title="Werkzeug")
    assert other.id is not None and bosch.id is not None
    with pytest.raises(EntityError, match="empty"):
        tag_mention(workspace, article.id, "   ", "topic")
    with pytest.raises(EntityError, match="at most"):
        tag_mention(workspace, article.id, "x" * 1000, "topic")
    with pytest.raises(EntityError, match="already belongs"):
        tag_mention(workspace, article.id, "Bosch", "organisation", other.id)
    assert workspace.articles.get(article.id).tags == ()
    assert workspace.entities.get(other.id).aliases == ()


def test_untag_and_the_list_filtered_by_entity(workspace: Workspace) -> None:
    one = workspace.articles.create(title="Eins", tags=["KI", "Halbleiter"])
    workspace.articles.create(title="Zwei", tags=["KI"])
    workspace.articles.create(title="Drei")
    ki = workspace.entities.find("KI")
    assert ki.id is not None
    assert workspace.articles.count(ListQuery(entity_id=ki.id)) == 2
    untag(workspace, one.id, ki.id)
    assert workspace.articles.get(one.id).tags == ("Halbleiter",)
    assert [a.title for a in workspace.articles.list(ListQuery(entity_id=ki.id))] == ["Zwei"]
    with pytest.raises(EntityError, match="not tagged"):
        untag(workspace, one.id, ki.id)
