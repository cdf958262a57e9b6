"""The related-links service on a real archive: suggestions, decisions, staying current."""

from __future__ import annotations

from typing import Any

import pytest

from editor.core.links import LinkState
from editor.core.workflow import Status


def _publish(ws: Any, title: str, body: str, tags: list[str], lang: str = "de", **kw: Any) -> int:
    return ws.articles.create(
        title=title, body=body, tags=tags, language=lang, status=Status.PUBLISHED, **kw
    ).id


@pytest.fixture
def archive(workspace: Any) -> dict[str, int]:
    ws = workspace
    return {
        "funding": _publish(
            ws,
            "OpenAI sammelt Milliarden ein",
            "OpenAI hat in einer Finanzierungsrunde Milliarden eingesammelt; "
            "Sam Altman nennt die Bewertung angemessen.",
            ["OpenAI", "Sam Altman"],
        ),
        "funding2": _publish(
            ws,
            "Neue Finanzierung für OpenAI",
            "Die Finanzierung von OpenAI wächst weiter, die Bewertung steigt. Sam Altman jubelt.",
            ["OpenAI"],
        ),
        "weather": _publish(
            ws, "Regen in Wien", "In Wien regnet es seit Tagen, die Donau steigt.", []
        ),
        "english": _publish(
            ws,
            "OpenAI raises billions",
            "OpenAI raised billions in a funding round; Sam Altman calls the valuation fair.",
            ["OpenAI", "Sam Altman"],
            lang="en",
        ),
        "draft": ws.articles.create(
            title="Entwurf über OpenAI", body="OpenAI Sam Altman Finanzierung", tags=["OpenAI"]
        ).id,
    }


def test_suggests_related_published_articles_with_reasons(workspace: Any, archive: dict) -> None:
    found = workspace.related.suggest(archive["funding"], top=5)
    ids = [s.id for s in found]
    assert archive["funding2"] in ids
    assert archive["english"] in ids, "the English piece on the same company is suggested"
    assert archive["funding"] not in ids
    assert archive["draft"] not in ids, "drafts are not offered as related links"
    assert archive["weather"] not in ids[:2]
    first = next(s for s in found if s.id == archive["funding2"])
    assert "OpenAI" in first.reasons
    assert first.title == "Neue Finanzierung für OpenAI"


def test_translations_are_not_suggested(workspace: Any) -> None:
    de = _publish(workspace, "KI im Büro", "Künstliche Intelligenz im Büro", ["KI"], group_id="g")
    en = _publish(workspace, "AI at the office", "AI in the office", ["KI"], "en", group_id="g")
    other = _publish(workspace, "KI in Schulen", "Künstliche Intelligenz in Schulen", ["KI"])
    ids = [s.id for s in workspace.related.suggest(de)]
    assert en not in ids
    assert other in ids


def test_accept_reject_pin_and_reorder(workspace: Any, archive: dict) -> None:
    rel = workspace.related
    a = archive["funding"]
    rel.accept(a, archive["english"])
    rel.accept(a, archive["weather"])
    assert [c.target_id for c in rel.accepted(a)] == [archive["english"], archive["weather"]]
    rel.reorder(a, [archive["weather"], archive["english"]])
    assert [c.target_id for c in rel.accepted(a)] == [archive["weather"], archive["english"]]
    rel.set_pinned(a, archive["english"], True)
    assert rel.accepted(a)[0].target_id == archive["english"], "pinned links stay on top"
    rel.reject(a, archive["funding2"])
    states = {c.target_id: c.state for c in rel.choices(a)}
    assert states[archive["funding2"]] is LinkState.REJECTED
    # Accepted ones are not suggested again; the rejected one is ranked lower.
    suggested = [s.id for s in rel.suggest(a)]
    assert archive["english"] not in suggested
    assert archive["weather"] not in suggested
    with pytest.raises(ValueError, match="itself"):
        rel.accept(a, a)


def test_rejection_lowers_a_pair(workspace: Any, archive: dict) -> None:
    a = archive["funding"]
    before = {s.id: s.score for s in workspace.related.suggest(a, top=10)}
    workspace.related.reject(a, archive["funding2"])
    after = {s.id: s.score for s in workspace.related.suggest(a, top=10)}
    ranked_after = sorted(after, key=after.get, reverse=True)  # type: ignore[arg-type]
    ranked_before = sorted(before, key=before.get, reverse=True)  # type: ignore[arg-type]
    assert ranked_after.index(archive["funding2"]) >= ranked_before.index(archive["funding2"])
    assert after[archive["funding2"]] < before[archive["funding2"]]


def test_index_follows_edits_and_deletes(workspace: Any, archive: dict) -> None:
    rel = workspace.related
    weather = archive["weather"]
    assert archive["funding"] not in [s.id for s in rel.suggest(weather)][:1]
    workspace.articles.update(
        weather, {"body": "OpenAI und Sam Altman besuchen Wien: Finanzierung und Bewertung."}
    )
    assert rel.suggest(weather)[0].id in (archive["funding"], archive["funding2"])
    workspace.articles.trash(archive["funding2"])
    assert archive["funding2"] not in [s.id for s in rel.suggest(archive["funding"], top=10)]
    new = _publish(
        workspace, "OpenAI: Milliarden für Rechenzentren", "OpenAI Sam Altman", ["OpenAI"]
    )
    assert new in [s.id for s in rel.suggest(archive["funding"], top=10)]


def test_page_fill_lists_and_accepted_links(workspace: Any, archive: dict) -> None:
    # Which of the two a page shows (accepted links, else the fill list) is decided by the
    # publisher: tests/unit/publishing/test_publish_pages.py.
    rel = workspace.related
    a = archive["funding"]
    filled = rel.suggest_ids(a, 3)
    assert filled and archive["funding2"] in filled
    assert rel.accepted(a) == []
    rel.accept(a, archive["weather"])
    assert [c.target_id for c in rel.accepted(a)] == [archive["weather"]]


def test_rebuild_reports_progress(workspace: Any, archive: dict) -> None:
    seen: list[tuple[int, int]] = []
    count = workspace.related.rebuild(progress=lambda done, total: seen.append((done, total)))
    assert count == len(archive)
    assert seen and seen[-1][0] == seen[-1][1] == len(archive)


def test_imported_articles_join_the_index(workspace: Any, archive: dict, tmp_path: Any) -> None:
    from editor.app.importing import ImportService

    workspace.related.suggest(archive["funding"])  # the index exists before the import
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "x1", "lang": "de", "title": "OpenAI und Sam Altman: neue Finanzierung", '
        '"body": "OpenAI Finanzierung Bewertung Sam Altman", "status": "published", '
        '"tags": ["OpenAI", "Sam Altman"]}\n',
        encoding="utf-8",
    )
    report = ImportService(workspace).import_path(source)
    assert report.created_ids
    ids = [s.id for s in workspace.related.suggest(archive["funding"], top=10)]
    assert report.created_ids[0] in ids


def _reopen(db_path: Any) -> Any:
    from editor.app.workspace import Workspace

    return Workspace.open(str(db_path), user="tester")


def test_the_index_is_saved_and_reused_on_the_next_start(
    workspace: Any, archive: dict, db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.core.related import RelatedIndex

    before = [s.id for s in workspace.related.suggest(archive["funding"])]
    assert workspace.related.files.index.is_file()
    # Meanwhile another program (the command line) edits and deletes articles.
    other = _reopen(db_path)
    other.articles.update(archive["weather"], {"body": "OpenAI Sam Altman Finanzierung Bewertung"})
    other.articles.trash(archive["funding2"])
    other.close()

    def no_rebuild(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the saved index should have been loaded")

    monkeypatch.setattr(RelatedIndex, "build", no_rebuild)
    again = _reopen(db_path)
    try:
        after = [s.id for s in again.related.suggest(archive["funding"], top=10)]
    finally:
        again.close()
    assert archive["funding2"] in before
    assert archive["funding2"] not in after, "a trashed article left the loaded index"
    assert archive["weather"] in after, "an edit made while closed reached the index"


def test_a_damaged_index_file_is_rebuilt(workspace: Any, archive: dict, db_path: Any) -> None:
    workspace.related.suggest(archive["funding"])
    path = workspace.related.files.index
    path.write_bytes(b"not an index")
    again = _reopen(db_path)
    try:
        ids = [s.id for s in again.related.suggest(archive["funding"])]
        assert archive["funding2"] in ids
        assert again.related.files.index.read_bytes() != b"not an index"
    finally:
        again.close()


def test_fill_lists_are_kept_between_runs_and_dropped_when_an_article_changes(
    workspace: Any, archive: dict, db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.core.related import RelatedIndex

    first = workspace.related.suggest_ids(archive["funding"], 5)
    assert archive["funding2"] in first
    workspace.related.save_fill()
    asked: list[str] = []
    real = RelatedIndex.suggest

    def counting(self: Any, doc: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append(str(doc))
        return real(self, doc, *args, **kwargs)

    monkeypatch.setattr(RelatedIndex, "suggest", counting)
    again = _reopen(db_path)
    try:
        assert again.related.suggest_ids(archive["funding"], 5) == first
        assert asked == [], "the kept list was used"
        again.articles.update(archive["funding"], {"body": "Ganz anderes Thema: Wetter in Wien."})
        again.related.suggest_ids(archive["funding"], 5)
        assert asked == [str(archive["funding"])], "a changed article is asked again"
    finally:
        again.close()


def test_fill_lists_are_written_in_bulk_unless_forced(workspace: Any, archive: dict) -> None:
    from editor.app.related import FILL_SAVE_AFTER

    related = workspace.related
    related.suggest_ids(archive["funding"], 5)
    path = related.files.fill
    related.save_fill(force=False)
    assert not path.exists(), "one changed list is not worth rewriting the file"
    related.save_fill()
    assert path.exists()
    assert FILL_SAVE_AFTER > 1


def test_saving_an_article_does_not_wait_for_a_running_index_build(
    workspace: Any, archive: dict
) -> None:
    import threading
    import time

    related = workspace.related
    related.suggest(archive["funding"])
    related.keeper.lock.acquire()  # as a query or a swap holds it
    try:
        done = threading.Event()

        def save() -> None:
            workspace.articles.update(archive["weather"], {"body": "OpenAI Sam Altman"})
            done.set()

        started = time.monotonic()
        threading.Thread(target=save).start()
        assert done.wait(5), "the save waited for the related-links index"
        assert time.monotonic() - started < 5
    finally:
        related.keeper.lock.release()
    assert archive["weather"] in [s.id for s in related.suggest(archive["funding"], top=10)]


def test_prepare_fill_computes_the_lists_of_many_articles_at_once(
    workspace: Any, archive: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.core.related import RelatedIndex

    related = workspace.related
    related.reject(archive["funding"], archive["english"])
    ids = [archive["funding"], archive["funding2"], archive["english"]]
    assert related.prepare_fill(ids) == 3
    assert related.prepare_fill(ids) == 0, "kept lists are not computed again"

    def refuse(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the engine was asked again for a prepared list")

    monkeypatch.setattr(RelatedIndex, "suggest", refuse)
    prepared = related.suggest_ids(archive["funding"], 5)
    monkeypatch.undo()
    assert archive["funding2"] in prepared
    assert archive["draft"] not in prepared
    # The same answer as asking for that article alone (where its rejection counts).
    related.fill.kept().clear()
    assert related.suggest_ids(archive["funding"], 5) == prepared


def test_a_status_move_keeps_the_articles_fill_list(workspace: Any, archive: dict) -> None:
    related = workspace.related
    ids = [archive["funding"], archive["draft"]]
    assert related.prepare_fill(ids) == 2
    workspace.articles.change_status(archive["draft"], Status.IN_REVIEW)
    assert related.prepare_fill(ids) == 0, "its own suggestions do not depend on its status"
    workspace.articles.update(archive["draft"], {"body": "Ganz anderes Thema: Wetter in Wien."})
    assert related.prepare_fill(ids) == 1, "an edit drops its list"


def test_suggestions_at_hand_never_load_or_build_the_index(workspace: Any, archive: dict) -> None:
    """What a preview may ask without waiting seconds for a first build (issue 10 §9)."""
    related = workspace.related
    assert related.suggest_ids_at_hand(archive["funding"]) is None
    assert not related.is_built  # asking did not build it
    assert related.load_index() == len(archive)
    at_hand = related.suggest_ids_at_hand(archive["funding"])
    assert at_hand == related.suggest_ids(archive["funding"])
    assert archive["funding2"] in at_hand
