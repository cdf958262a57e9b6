"""Entity states for undo: a deleted entity comes back under its id; a claimed name refuses."""

from __future__ import annotations

import pytest

from editor.core.entities.model import EntityError, make_entity
from editor.store import entities as store
from editor.store.articles import get_article, insert_article
from editor.store.database import Database
from editor.store.entity_states import entity_state, restore_states


def test_a_deleted_entity_comes_back_with_its_id_names_and_tag_places(db: Database) -> None:
    with db.session(write=True) as s:
        scholz = store.add_entity(
            s, make_entity("Olaf Scholz", "person", aliases=["Scholz"], labels={"en": "Scholz"})
        )
        article = insert_article(s, {"slug": "a", "language": "de", "tags": ["KI", "Scholz"]}).id
    assert scholz.id is not None
    with db.session() as s:
        state = entity_state(s, scholz.id)
    assert state.links == ((article, 1),)
    with db.session(write=True) as s:
        store.delete_entity(s, scholz.id)
    with db.session(write=True) as s:
        restore_states(s, [state])
    with db.session() as s:
        back = store.get_entity(s, scholz.id)
        assert (back.name, back.aliases, back.labels) == (
            "Olaf Scholz",
            ("Scholz",),
            {"en": "Scholz"},
        )
        assert get_article(s, article).tags == ("KI", "Olaf Scholz")


def test_a_name_claimed_meanwhile_refuses_the_restore_and_writes_nothing(db: Database) -> None:
    with db.session(write=True) as s:
        bosch = store.add_entity(s, make_entity("Bosch", "organisation"))
        store.add_entity(s, make_entity("Siemens", "organisation"))  # Bosch's id stays free
    assert bosch.id is not None
    with db.session() as s:
        state = entity_state(s, bosch.id)
    with db.session(write=True) as s:
        store.delete_entity(s, bosch.id)
        store.add_entity(s, make_entity("Robert Bosch", "person", aliases=["Bosch"]))
    with pytest.raises(EntityError, match="already belongs"), db.session(write=True) as s:
        restore_states(s, [state])
    with db.session() as s:
        assert [e.name for e in store.list_entities(s)] == ["Robert Bosch", "Siemens"]


def test_an_id_taken_by_a_new_entity_refuses_the_restore(db: Database) -> None:
    with db.session(write=True) as s:
        bosch = store.add_entity(s, make_entity("Bosch", "organisation"))
    assert bosch.id is not None
    with db.session() as s:
        state = entity_state(s, bosch.id)
    with db.session(write=True) as s:
        store.delete_entity(s, bosch.id)
    with db.session(write=True) as s:
        newer = store.add_entity(s, make_entity("Bayer", "organisation"))
    if newer.id != bosch.id:
        pytest.skip("the database did not hand the freed id out again")
    with (
        pytest.raises(EntityError, match="place was taken by “Bayer”"),
        db.session(write=True) as s,
    ):
        restore_states(s, [state])
    with db.session() as s:
        assert store.get_entity(s, bosch.id).name == "Bayer"
