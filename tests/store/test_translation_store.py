"""Translation links, segment pairs, the memory and the glossary in the archive."""

from __future__ import annotations

from typing import Any

from editor.core.translation.checks import GlossaryEntry
from editor.core.translation.model import TranslationLink
from editor.core.translation.staleness import SegmentStatus, TargetSegment
from editor.core.translation.tmx import TmPair
from editor.store.translation import queries as store


def test_a_link_is_kept_and_survives_the_source_being_purged(workspace: Any) -> None:
    source = workspace.articles.create(title="Quelle")
    target = workspace.articles.create(title="Target", language="en")
    with workspace.db.session(write=True) as s:
        store.set_link(s, TranslationLink(target.id, source.id, 3, 7))
    with workspace.db.session() as s:
        assert store.get_link(s, target.id) == TranslationLink(target.id, source.id, 3, 7)
        assert store.sources_of(s, [target.id, source.id]) == {target.id: source.id}
        assert store.translations_of(s, source.id) == [target.id]
    workspace.articles.trash(source.id)
    workspace.articles.empty_trash()
    with workspace.db.session() as s:
        assert store.get_link(s, target.id) == TranslationLink(target.id, None, 3, 7)


def test_segments_are_replaced_whole(workspace: Any) -> None:
    article = workspace.articles.create(title="T", language="en")
    first = [
        TargetSegment("body", 0, "h0", "Eins.", "One.", SegmentStatus.TRANSLATED),
        TargetSegment("title", 0, "h1", "Titel", "", SegmentStatus.UNTRANSLATED),
    ]
    with workspace.db.session(write=True) as s:
        store.replace_segments(s, article.id, first)
        store.replace_segments(s, article.id, first[:1])
    with workspace.db.session() as s:
        assert store.get_segments(s, article.id) == first[:1]
        assert store.has_segments(s, article.id)


def test_the_memory_holds_each_pair_once(workspace: Any) -> None:
    pairs = [
        TmPair("de", "en", "Guten Morgen.", "Good morning.", "file"),
        TmPair("de", "en", "Guten  Morgen.", "Good morning.", "user:anna"),  # same pair
        TmPair("de", "en", "Guten Morgen.", "Morning!", "file"),  # another translation
        TmPair("de", "fr", "Guten Morgen.", "Bonjour.", "file"),
    ]
    with workspace.db.session(write=True) as s:
        assert store.add_tm_pairs(s, pairs[:1]) == (1, 0)
        assert store.add_tm_pairs(s, pairs[1:]) == (2, 1)
    with workspace.db.session() as s:
        entries = list(store.tm_entries(s, "de", "en"))
        assert sorted(e.target for e in entries) == ["Good morning.", "Morning!"]
        assert {e.origin for e in entries} == {"user:anna", "file"}
        assert store.tm_count(s) == {("de", "en"): 2, ("de", "fr"): 1}
        assert [p.target for p in store.tm_pairs(s, "de", "fr")] == ["Bonjour."]


def test_glossary_terms_for_a_language_pair_and_for_any(workspace: Any) -> None:
    with workspace.db.session(write=True) as s:
        store.add_term(s, "Galaxy Fold", None)
        store.add_term(s, "Akku", "battery", source_lang="de", target_lang="en")
        store.add_term(s, "Akku", "batterie", source_lang="de", target_lang="fr")
        store.add_term(s, "Akku", "rechargeable battery", source_lang="de", target_lang="en")
    with workspace.db.session() as s:
        assert store.glossary(s, "de", "en") == [
            GlossaryEntry("Akku", "rechargeable battery"),
            GlossaryEntry("Galaxy Fold", None),
        ]
