"""An index read in place (format 2): the same answers as one read whole, and it changes alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.related import IndexFileError, RelatedIndex
from editor.core.related.mapped import SavedEntries, SavedPostings

from .conftest import FILLER_DE, NO_DICTIONARY, doc
from .test_index import QUERY, RELATED

TOPICS = ["Chipfabrik Wafer", "Windpark Strom", "Bahnstrecke Tunnel", "Impfstoff Studie"]


def archive() -> list:
    many = [
        doc(
            f"d{n}",
            f"{TOPICS[n % 4]} {n % 9}",
            f"{TOPICS[n % 4]} Bericht {n % 5} Ausbau Kosten. " * (2 + n % 3),
            entities=(f"Firma {n % 6}",) if n % 2 else (),
            group=f"g{n // 2}" if n % 10 < 2 else None,
            day=-n,
            status="draft" if n % 7 == 0 else "published",
        )
        for n in range(160)
    ]
    english = doc("q-en", "Obsidia Shield blocks attacks", "Obsidia Shield fends off attacks.")
    return [*FILLER_DE, QUERY, RELATED, *many, english]


@pytest.fixture
def saved(tmp_path: Path) -> tuple[RelatedIndex, Path]:
    index = RelatedIndex.build(archive(), config=NO_DICTIONARY)
    index.remove("wetter")  # saved as an empty place
    path = tmp_path / "related.idx"
    index.save(path)
    return index, path


def answers(index: RelatedIndex, ids: list[str]) -> list:
    return [
        (
            index.suggest(i, top=8),
            index.suggest(i, top=8, statuses=None, exclude={"d3"}, penalties={"d5": 0.5}),
            index.suggest(i, top=5, feedback=False, explain=False, posting_budget=40),
        )
        for i in ids
    ]


def test_read_in_place_it_answers_as_the_index_read_whole(saved) -> None:
    built, path = saved
    whole = RelatedIndex.load(path, config=NO_DICTIONARY)
    mapped = RelatedIndex.load(path, config=NO_DICTIONARY, mapped=True)
    ids = ["q", "r", "kochen", "q-en", *(f"d{n}" for n in range(0, 160, 7)), "wetter"]

    assert isinstance(mapped._entries, SavedEntries)
    assert answers(mapped, ids) == answers(whole, ids) == answers(built, ids)
    assert len(mapped) == len(whole) and "wetter" not in mapped
    # Only what the queries read was built, not the whole file.
    assert len(mapped._entries._built) < len(mapped._entries)
    assert mapped._entity_postings == whole._entity_postings
    assert mapped._postings.keys() == whole._postings.keys()
    for lang, by_term in whole._postings.items():
        lazy = mapped._postings[lang]
        assert isinstance(lazy, SavedPostings) and len(lazy) == len(by_term)
        for term_id, posting in by_term.items():
            assert lazy[term_id].docs == posting.docs
            assert lazy[term_id].weights == posting.weights


def test_it_reads_the_rest_before_it_changes(saved, tmp_path: Path) -> None:
    _, path = saved
    whole = RelatedIndex.load(path, config=NO_DICTIONARY)
    mapped = RelatedIndex.load(path, config=NO_DICTIONARY, mapped=True)
    mapped.suggest("q")  # some records built lazily first
    changed = doc("d10", "Windpark Strom Tunnel", "Windpark und Tunnel Kosten Ausbau.", day=-3)
    for index in (whole, mapped):
        index.add_or_update(changed)
        index.remove("d20")

    assert not isinstance(mapped._entries, SavedEntries)
    ids = ["q", "d10", "d11", "kochen"]
    assert answers(mapped, ids) == answers(whole, ids)
    again = tmp_path / "again.idx"
    mapped.save(again)
    assert answers(RelatedIndex.load(again, config=NO_DICTIONARY, mapped=True), ids) == answers(
        whole, ids
    )


def test_a_saved_index_read_in_place_saves_the_same_file(saved, tmp_path: Path) -> None:
    _, path = saved
    mapped = RelatedIndex.load(path, config=NO_DICTIONARY, mapped=True)
    copy = tmp_path / "copy.idx"
    mapped.save(copy)  # unchanged: written from the file it reads
    assert copy.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9])
def test_damage_anywhere_is_refused_before_a_query(saved, where: float) -> None:
    _, path = saved
    data = bytearray(path.read_bytes())
    data[int(len(data) * where)] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(IndexFileError, match="damaged"):
        RelatedIndex.load(path, config=NO_DICTIONARY, mapped=True)


def test_a_file_of_the_old_format_is_rebuilt_not_read(saved) -> None:
    _, path = saved
    data = bytearray(path.read_bytes())
    data[17:19] = (1).to_bytes(2, "big")  # format 1: compressed, read whole
    path.write_bytes(bytes(data))
    with pytest.raises(IndexFileError, match="format 1"):
        RelatedIndex.load(path, config=NO_DICTIONARY, mapped=True)
