"""Entities in the store: tagging by name, aliases, rename, merge, delete, bad input."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from editor.core.entities.model import EntityError, make_entity
from editor.store import entities as store
from editor.store.articles import get_article, insert_article, update_article
from editor.store.database import Database
from editor.store.models import Entity, EntityName


def _article(db: Database, slug: str, tags: list[object]) -> int:
    with db.session(write=True) as s:
        return insert_article(s, {"slug": slug, "language": "de", "title": slug, "tags": tags}).id


def test_tags_by_name_become_topic_entities_and_keep_their_order(db: Database) -> None:
    article = _article(db, "a", ["KI", "Halbleiter", "KI"])
    with db.session() as s:
        assert get_article(s, article).tags == ("KI", "Halbleiter")
        assert [(e.name, e.kind.value) for e in store.article_entities(s, article)] == [
            ("KI", "topic"),
            ("Halbleiter", "topic"),
        ]


def test_a_label_or_alias_finds_its_entity_when_tagging(db: Database) -> None:
    with db.session(write=True) as s:
        store.add_entity(s, make_entity("München", "place", labels={"en": "Munich"}))
    article = _article(db, "a", ["Munich", "münchen"])
    with db.session() as s:
        assert get_article(s, article).tags == ("München",)
        assert s.execute(select(func.count(Entity.id))).scalar_one() == 1


def test_list_filters_by_kind_and_counts_articles(db: Database) -> None:
    with db.session(write=True) as s:
        store.add_entity(s, make_entity("Siemens", "organisation"))
        store.add_entity(s, make_entity("Olaf Scholz", "person", aliases=["Scholz"]))
    _article(db, "a", ["Siemens", "Scholz"])
    _article(db, "b", ["Siemens"])
    with db.session() as s:
        orgs = store.list_entities(s, kind="organisation")
        people = store.list_entities(s, kind="person")
        found = store.list_entities(s, search="scho")
    assert [(e.name, e.articles) for e in orgs] == [("Siemens", 2)]
    assert [(e.name, e.articles) for e in people] == [("Olaf Scholz", 1)]
    assert [e.name for e in found] == ["Olaf Scholz"]


def test_rename_keeps_the_old_name_as_an_alias(db: Database) -> None:
    with db.session(write=True) as s:
        meta = store.add_entity(s, make_entity("Facebook", "organisation"))
        assert meta.id is not None
        renamed = store.rename_entity(s, meta.id, "Meta Platforms")
    assert renamed.name == "Meta Platforms"
    assert renamed.aliases == ("Facebook",)
    article = _article(db, "a", ["Facebook"])
    with db.session() as s:
        assert get_article(s, article).tags == ("Meta Platforms",)


def test_merge_moves_taggings_and_the_old_name_becomes_an_alias(db: Database) -> None:
    with db.session(write=True) as s:
        a = store.add_entity(s, make_entity("Munich", "place", aliases=["Minga"]))
        b = store.add_entity(s, make_entity("München", "place", wikidata="Q1726"))
    first = _article(db, "a", ["Munich"])
    both = _article(db, "b", ["München", "Munich"])
    assert a.id is not None and b.id is not None
    with db.session(write=True) as s:
        merged = store.merge_entities(s, a.id, b.id)
    assert merged.name == "München"
    assert set(merged.aliases) == {"Munich", "Minga"}
    assert merged.wikidata == "Q1726"
    assert merged.articles == 2
    with db.session() as s:
        assert get_article(s, first).tags == ("München",)
        assert get_article(s, both).tags == ("München",)
        assert s.get(Entity, a.id) is None


def test_delete_reports_the_articles_that_lose_the_entity(db: Database) -> None:
    _article(db, "a", ["Gerücht"])
    article = _article(db, "b", ["Gerücht", "Chips"])
    with db.session(write=True) as s:
        rumour = store.find_entity(s, "gerücht")
        assert rumour.id is not None
        assert store.count_articles(s, rumour.id) == 2
        assert store.delete_entity(s, rumour.id) == 2
    with db.session() as s:
        assert get_article(s, article).tags == ("Chips",)


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "name is empty"), ("   ", "name is empty"), ("x" * 1000, "at most 200")],
)
def test_bad_names_are_refused_with_a_message(db: Database, name: str, message: str) -> None:
    with pytest.raises(EntityError, match=message), db.session(write=True) as s:
        store.add_entity(s, make_entity(name, "person"))


def test_an_alias_claimed_by_two_entities_is_refused_and_nothing_is_written(
    db: Database,
) -> None:
    with db.session(write=True) as s:
        store.add_entity(s, make_entity("Apple", "organisation", aliases=["Apple Inc."]))
    spec = make_entity("Apple Records", "organisation", aliases=["apple inc."])
    with (
        pytest.raises(EntityError, match="already belongs to the entity 'Apple'"),
        db.session(write=True) as s,
    ):
        store.add_entity(s, spec)
    with db.session() as s:
        assert [e.name for e in store.list_entities(s)] == ["Apple"]
        assert s.execute(select(func.count(EntityName.id))).scalar_one() == 1


def test_invalid_and_duplicate_wikidata_ids_are_refused(db: Database) -> None:
    with pytest.raises(EntityError, match="not a Wikidata item id"):
        make_entity("Berlin", "place", wikidata="Berlin")
    with db.session(write=True) as s:
        store.add_entity(s, make_entity("Berlin", "place", wikidata="q64"))
    with pytest.raises(EntityError, match="Q64 already belongs"), db.session(write=True) as s:
        store.add_entity(s, make_entity("Berlin (Stadt)", "place", wikidata="Q64"))


def test_a_tag_of_1000_characters_leaves_the_article_as_it_was(db: Database) -> None:
    article = _article(db, "a", ["KI"])
    with pytest.raises(EntityError), db.session(write=True) as s:
        update_article(s, article, {"tags": ["Chips", "y" * 1000]})
    with db.session() as s:
        assert get_article(s, article).tags == ("KI",)
        assert store.list_entities(s, search="chips") == []


def test_decisions_count_per_name_and_rejections_stay_with_their_article(
    db: Database,
) -> None:
    a, b = _article(db, "a", []), _article(db, "b", [])
    with db.session(write=True) as s:
        store.record_decision(s, a, "Sonntag", "topic", accepted=False)
        store.record_decision(s, b, "Sonntag", "topic", accepted=False)
        store.record_decision(s, b, "Bosch", "organisation", accepted=True)
        store.record_decision(s, a, "bosch", "organisation", accepted=False)
        store.record_decision(s, a, "Bosch", "organisation", accepted=True)  # changed mind
    with db.session() as s:
        assert store.rejected_keys(s, a) == {"sonntag"}
        assert store.decision_counts(s) == {"sonntag": (0, 2), "bosch": (2, 0)}
