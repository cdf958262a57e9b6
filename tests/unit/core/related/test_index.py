"""Keeping the index current, saving and loading it, building with progress and cancel."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from editor.core.related import BuildCancelled, IndexFileError, RelatedIndex

from .conftest import FILLER_DE, NO_DICTIONARY, doc

QUERY = doc(
    "q",
    "Obsidia Shield blockiert Angriffe",
    "Die Sicherheitssoftware Obsidia Shield wehrt Angriffe auf Firmennetze ab.",
    entities=("Obsidia", "Obsidia Shield"),
)
RELATED = doc(
    "r",
    "Angriffe auf Firmennetze nehmen zu",
    "Obsidia meldet mehr Angriffe auf Firmennetze; Obsidia Shield erkennt sie früh.",
    entities=("Obsidia", "Obsidia Shield"),
    day=2,
)


def suggested(index: RelatedIndex, doc_id: str = "q") -> list[str]:
    return [s.id for s in index.suggest(doc_id, top=10)]


def test_index_stays_current_after_add_update_and_remove() -> None:
    index = RelatedIndex.build([*FILLER_DE, QUERY], config=NO_DICTIONARY)
    assert "r" not in suggested(index)

    index.add_or_update(RELATED)
    assert suggested(index)[0] == "r"
    assert len(index) == len(FILLER_DE) + 2

    # The same article edited into something else: the old text must no longer match.
    index.add_or_update(
        doc("r", "Kürbissuppe", "Kürbis, Maronen und Pilze für die Suppe im Herbst.", day=2)
    )
    assert "r" not in suggested(index)
    assert len(index) == len(FILLER_DE) + 2

    index.add_or_update(RELATED)
    index.remove("r")
    assert "r" not in suggested(index)
    assert "r" not in index
    index.remove("never-indexed")  # deleting an unknown article is not an error
    assert len(index) == len(FILLER_DE) + 1


def test_a_saved_article_keeps_the_posting_lists_sorted() -> None:
    index = RelatedIndex.build([*FILLER_DE, QUERY], config=NO_DICTIONARY)
    index.prepare_queries()
    index.add_or_update(RELATED)
    index.add_or_update(replace(RELATED, id="r2", body=RELATED.body + " Obsidia Obsidia."))
    postings = [p for by_term in index._postings.values() for p in by_term.values()]
    assert any(len(p.docs) > 1 for p in postings)
    for posting in postings:
        if len(posting.docs) > 1:
            assert posting.is_sorted
            weights = list(posting.weights)
            assert weights == sorted(weights, reverse=True)
    # The same answers as an index that sorted its lists the slow way.
    rebuilt = RelatedIndex.build(
        [
            *FILLER_DE,
            QUERY,
            RELATED,
            replace(RELATED, id="r2", body=RELATED.body + " Obsidia Obsidia."),
        ],
        config=NO_DICTIONARY,
    )
    assert suggested(index)[:2] == suggested(rebuilt)[:2]


def test_many_removals_compact_the_index_and_keep_answers() -> None:
    extra = [
        doc(f"x{i}", f"Kochbuch {i}", f"Rezept {i} mit Kürbis und Pilzen.", day=-i)
        for i in range(1200)
    ]
    index = RelatedIndex.build([*FILLER_DE, QUERY, RELATED, *extra], config=NO_DICTIONARY)
    for item in extra:
        index.remove(item.id)

    assert len(index) == len(FILLER_DE) + 2
    assert suggested(index)[0] == "r"
    assert not any(i.startswith("x") for i in suggested(index, "kochen"))


def test_save_and_load_give_the_same_suggestions(tmp_path: Path) -> None:
    translation = doc(
        "q-en",
        "Obsidia Shield blocks attacks",
        "Obsidia Shield fends off attacks on company networks.",
        lang="en",
        entities=("Obsidia Shield",),
        group="g",
    )
    index = RelatedIndex.build([*FILLER_DE, QUERY, RELATED, translation], config=NO_DICTIONARY)
    index.remove("wetter")  # saved as an empty place, not renumbered
    path = tmp_path / "related.idx"
    index.save(path)

    loaded = RelatedIndex.load(path, config=NO_DICTIONARY)

    assert len(loaded) == len(index)
    assert "wetter" not in loaded
    for doc_id in ("q", "r", "q-en", "kochen"):
        assert loaded.suggest(doc_id, top=10) == index.suggest(doc_id, top=10)
    # A loaded index keeps accepting changes.
    loaded.remove("r")
    assert "r" not in suggested(loaded)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"garbage" + data, id="wrong-magic"),
        pytest.param(lambda data: data[:-10] + bytes(b ^ 0xFF for b in data[-10:]), id="flipped"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_damaged_index_file_raises_a_clear_error(tmp_path: Path, damage) -> None:
    path = tmp_path / "related.idx"
    RelatedIndex.build([*FILLER_DE, QUERY, RELATED], config=NO_DICTIONARY).save(path)
    path.write_bytes(damage(path.read_bytes()))

    with pytest.raises(IndexFileError, match=r"related\.idx"):
        RelatedIndex.load(path)


def test_a_missing_index_file_raises_the_same_error(tmp_path: Path) -> None:
    with pytest.raises(IndexFileError, match="cannot read"):
        RelatedIndex.load(tmp_path / "absent.idx")


def test_build_reports_progress_and_can_be_cancelled() -> None:
    docs = [doc(f"d{i}", f"Titel {i}", f"Text über Thema {i % 7}.") for i in range(600)]
    reports: list[tuple[int, int]] = []

    RelatedIndex.build(docs, config=NO_DICTIONARY, progress=lambda d, t: reports.append((d, t)))

    assert reports[-1] == (600, 600)
    assert all(t == 600 for _, t in reports)
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)
    assert len(reports) > 2

    calls = []

    def cancel_on_second_check() -> bool:
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(BuildCancelled):
        RelatedIndex.build(docs, config=NO_DICTIONARY, is_cancelled=cancel_on_second_check)


def test_an_index_saved_with_other_settings_loads_and_answers_alike(tmp_path: Path) -> None:
    index = RelatedIndex.build([*FILLER_DE, QUERY, RELATED], config=NO_DICTIONARY)
    index.remove("museum")  # a deleted article must not survive the round trip
    path = tmp_path / "related.idx"
    index.save(path)

    loaded = RelatedIndex.load(path, config=replace(NO_DICTIONARY, indexed_terms=50))

    assert "museum" not in loaded
    assert loaded.suggest("q") == index.suggest("q")


def test_a_build_posts_every_term_as_one_list_at_a_time_would() -> None:
    from editor.core.related.structures import Posting as _Posting

    docs = [
        doc(f"d{n}", f"Chipfabrik {n % 7} Wafer", f"Halbleiter Wafer Fabrik {n % 5} Ausbeute " * 3)
        for n in range(120)
    ]
    index = RelatedIndex.build([*FILLER_DE, *docs], config=NO_DICTIONARY)
    # The reference: append each article's posted terms in order, sort each list (stable).
    expected: dict[str, dict[int, _Posting]] = {}
    limit = index.config.indexed_terms
    for docnum, entry in enumerate(index._entries):
        assert entry is not None
        by_term = expected.setdefault(entry.lang, {})
        for term_id, weight in zip(entry.term_ids[:limit], entry.weights[:limit], strict=True):
            posting = by_term.setdefault(term_id, _Posting())
            posting.docs.append(docnum)
            posting.weights.append(weight)
            posting.is_sorted = False
    assert expected.keys() == index._postings.keys()
    for lang, by_term in expected.items():
        assert by_term.keys() == index._postings[lang].keys()
        for term_id, posting in by_term.items():
            posting.sort()
            built = index._postings[lang][term_id]
            assert (list(built.docs), list(built.weights)) == (
                list(posting.docs),
                list(posting.weights),
            ), term_id
    assert any(len(p.docs) > 50 for p in index._postings["de"].values()), "ties and long lists"


def test_a_build_weighs_terms_as_a_single_update_would(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [
        doc(f"w{n}", f"Wafer {n % 4} Fabrik", f"Halbleiter Chipfabrik Wafer {n % 9} Ausbeute " * 2)
        for n in range(60)
    ]
    built = RelatedIndex.build([*FILLER_DE, *docs], config=NO_DICTIONARY)

    def one_at_a_time(self, ids, frequencies, idf, df):  # type: ignore[no-untyped-def]
        return self._weigh(ids, frequencies, idf.tolist(), self.config.min_df)

    monkeypatch.setattr(RelatedIndex, "_weigh_vectorised", one_at_a_time)
    reference = RelatedIndex.build([*FILLER_DE, *docs], config=NO_DICTIONARY)
    for mine, theirs in zip(built._entries, reference._entries, strict=True):
        assert mine is not None and theirs is not None
        assert list(mine.term_ids) == list(theirs.term_ids)
        assert list(mine.weights) == pytest.approx(list(theirs.weights), rel=1e-6)
