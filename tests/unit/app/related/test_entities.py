"""Related links by entity: one entity connects articles whatever name or language they
were tagged in, and the reasons name it in the language of the article asked about."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from editor.core.workflow import Status

# Two stories with no word in common: only the entity can connect them.
GERMAN = ("Stadtrat beschließt neue Tramlinie", "Die Linie soll ab 2028 fahren.")
ENGLISH = ("Council approves cycling lanes", "Wider lanes are planned along the river.")


def _publish(ws: Any, text: tuple[str, str], lang: str, tags: list[str]) -> int:
    title, body = text
    return ws.articles.create(
        title=title, body=body, tags=tags, language=lang, status=Status.PUBLISHED
    ).id


def _reasons(ws: Any, article_id: int, other: int) -> str | None:
    found = {s.id: s.reasons for s in ws.related.suggest(article_id, top=5)}
    return found.get(other)


def test_merged_entities_connect_a_german_and_an_english_article(workspace: Any) -> None:
    ws = workspace
    de = _publish(ws, GERMAN, "de", ["München"])
    en = _publish(ws, ENGLISH, "en", ["Munich"])
    assert _reasons(ws, de, en) is None, "two entities: nothing in common yet"
    # The editor finds out they are one city: merged, with a label per language.
    source, target = ws.entities.find("München"), ws.entities.find("Munich")
    merged = ws.entities.merge(source.id, target.id)
    ws.entities.update(replace(merged, aliases=(), labels={"de": "München", "en": "Munich"}))
    german_reasons = _reasons(ws, de, en)
    english_reasons = _reasons(ws, en, de)
    assert german_reasons is not None and english_reasons is not None
    assert "München" in german_reasons and "Munich" not in german_reasons
    assert "Munich" in english_reasons and "München" not in english_reasons


def test_one_entity_tagged_by_two_labels_is_named_in_each_articles_language(
    workspace: Any,
) -> None:
    ws = workspace
    ws.entities.add("Munich", "place", labels={"de": "München"}, wikidata="Q1726")
    de = _publish(ws, GERMAN, "de", ["München"])  # the label finds the entity
    en = _publish(ws, ENGLISH, "en", ["Munich"])
    assert "München" in (_reasons(ws, de, en) or "")
    assert "Munich" in (_reasons(ws, en, de) or "")


def test_a_renamed_entity_still_connects_old_and_new_articles(workspace: Any) -> None:
    ws = workspace
    munich = ws.entities.add("Munich", "place", labels={"de": "München"})
    de = _publish(ws, GERMAN, "de", ["München"])
    assert ws.related.suggest(de) == []  # the index is built with the old name
    ws.entities.rename(munich.id, "City of Munich")
    en = _publish(ws, ENGLISH, "en", ["City of Munich"])
    assert "City of Munich" in (_reasons(ws, en, de) or "")
    assert "München" in (_reasons(ws, de, en) or "")


def test_a_rename_while_closed_is_not_lost_by_the_saved_index(db_path: Any) -> None:
    from editor.app.workspace import Workspace

    ws = Workspace.open(str(db_path), user="t")
    try:
        munich = ws.entities.add("Munich", "place", labels={"de": "München"})
        de = _publish(ws, GERMAN, "de", ["München"])
        assert ws.related.suggest(de) == []  # built and saved with the name "Munich"
        ws.entities.rename(munich.id, "City of Munich")
    finally:
        ws.close()
    ws = Workspace.open(str(db_path), user="t")
    try:
        en = _publish(ws, ENGLISH, "en", ["City of Munich"])
        assert "City of Munich" in (_reasons(ws, en, de) or "")
    finally:
        ws.close()
