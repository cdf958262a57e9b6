"""Searching the archive through the app: ranking, passages, filters, folding, CJK,
the index following edits, trash and purges, bad input, saved searches.

Every test runs on SQLite, and again on PostgreSQL when the server answers
(see tests/store/test_postgres.py for the server and how it is skipped).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from editor.app.changes import SavedSearchesChanged
from editor.app.operations import Cancelled, ForegroundRunner
from editor.app.workspace import Workspace
from editor.core.search import Filters
from editor.core.workflow import Status
from editor.store.database import open_database, sqlite_url

SERVER = os.environ.get("NEWSDESK_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")


def _postgres_url() -> Iterator[str]:
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")
    try:
        admin = psycopg.connect(SERVER, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL not reachable at {SERVER} ({str(exc).strip().splitlines()[0]})")
    name = f"newsdesk_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        base = SERVER.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
        yield f"{base}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ws(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    if request.param == "sqlite":
        url_iter: Iterator[str] = iter([sqlite_url(tmp_path / "search.sqlite")])
    else:
        url_iter = _postgres_url()
    url = next(url_iter)
    workspace = Workspace(db=open_database(url), user="Tester")
    try:
        yield workspace
    finally:
        workspace.close()
        next(url_iter, None)


def _ids(ws: Workspace, query: str, **kwargs: object) -> list[int]:
    return [hit.id for hit in ws.search.search(query, **kwargs)]  # type: ignore[arg-type]


def _create(ws: Workspace, **fields: object) -> int:
    return ws.articles.create(**fields).id  # type: ignore[arg-type]


def test_title_ranks_above_body_and_hits_carry_what_the_list_shows(ws: Workspace) -> None:
    body_only = _create(ws, language="de", title="Quartalszahlen", body="Auch Nvidia legte zu.")
    in_title = _create(
        ws,
        language="de",
        title="Nvidia übertrifft Erwartungen",
        body="Der Chipkonzern …",
        external_id="ext-1",
    )
    _create(ws, language="de", title="Anderes", body="Nichts davon.")
    hits = ws.search.search("nvidia")
    assert [h.id for h in hits] == [in_title, body_only]
    assert hits[0].score > hits[1].score
    top = hits[0]
    assert (top.external_id, top.language, top.status) == ("ext-1", "de", "draft")
    assert top.title == "Nvidia übertrifft Erwartungen"
    assert "<mark>Nvidia</mark>" in hits[1].snippet and hits[1].passage == "Auch Nvidia legte zu."


def test_umlauts_and_sharp_s_fold_both_ways(ws: Workspace) -> None:
    mueller = _create(ws, title="Übernahme für Müller", body="An der Hauptstraße in Kassel.")
    spelled = _create(ws, title="Interview mit Mueller", body="Er wohnt in der Strasse.")
    assert set(_ids(ws, "Muller")) == {mueller}
    assert set(_ids(ws, "Mueller")) == {mueller, spelled}
    assert set(_ids(ws, "Müller")) == {mueller, spelled}
    assert set(_ids(ws, "strasse")) == {spelled}
    assert set(_ids(ws, "Hauptstrasse")) == {mueller}
    assert set(_ids(ws, "UEBERNAHME")) == {mueller}
    assert set(_ids(ws, '"fur mueller"')) == {mueller}  # a phrase across a folded umlaut
    hit = ws.search.search("mueller")[0]
    assert "<mark>" in hit.snippet


def test_phrases_prefixes_and_exclusions(ws: Workspace) -> None:
    a = _create(ws, title="Sam Altman bei OpenAI", body="Altman sprach lange.")
    b = _create(ws, title="Altman und Sam", body="Nvidia-Chips für alle.")
    assert _ids(ws, '"sam altman"') == [a]
    assert set(_ids(ws, "nvid*")) == {b}
    assert set(_ids(ws, "altman -nvidia")) == {a}
    assert set(_ids(ws, 'altman -"sam altman"')) == {b}
    assert set(_ids(ws, "-nvidia")) == {a}  # exclusion alone: everything else


def test_filters_combine_with_text(ws: Workspace) -> None:
    de = _create(ws, language="de", title="KI Gesetz", author="Anna Weber", tags=["OpenAI"])
    en = _create(ws, language="en", title="KI act", author="John Smith", tags=["EU"])
    old = _create(
        ws, language="de", title="KI früher", published_at=datetime(2024, 5, 1, tzinfo=UTC)
    )
    ws.articles.change_status(en, Status.IN_REVIEW)
    assert set(_ids(ws, "ki lang:de")) == {de, old}
    assert set(_ids(ws, "ki", filters=Filters(languages=("en",)))) == {en}
    assert set(_ids(ws, "ki status:in_review")) == {en}
    assert set(_ids(ws, "ki tag:openai")) == {de}
    assert set(_ids(ws, "author:weber")) == {de}
    assert set(_ids(ws, 'author:"anna weber" ki')) == {de}
    assert set(_ids(ws, "ki before:2025")) == {old}
    assert set(_ids(ws, "ki after:2025-01-01")) == {de, en}
    assert set(_ids(ws, "entity:OpenAI")) == {de}
    assert _ids(ws, "lang:de")[0] in {de, old}  # filters alone: newest first


def test_cjk_text_is_found_by_any_run(ws: Workspace) -> None:
    zh = _create(ws, language="zh", title="人工智能芯片", body="英伟达发布了新的AI芯片。")
    ja = _create(ws, language="ja", title="東京の天気", body="明日は雨が降るでしょう。")
    assert _ids(ws, "人工智能") == [zh]
    assert _ids(ws, "智能芯") == [zh]
    assert _ids(ws, "AI芯片") == [zh]
    assert _ids(ws, "東京") == [ja]
    assert _ids(ws, "雨が降る") == [ja]
    assert _ids(ws, "智芯") == []
    hit = ws.search.search("英伟达")[0]
    assert "<mark>英伟达</mark>" in hit.snippet


def test_index_follows_edits_trash_restore_and_purge(ws: Workspace) -> None:
    article = _create(ws, title="Alter Titel", body="Erster Text")
    ws.articles.update(article, {"body": "Zweiter Text", "title": "Neuer Titel"})
    assert _ids(ws, "erster") == [] and _ids(ws, "zweiter") == [article]
    assert _ids(ws, "alter") == [] and _ids(ws, "neuer") == [article]
    ws.articles.update(article, {"tags": ["Halbleiter"]})
    assert _ids(ws, "tag:halbleiter") == [article] and _ids(ws, "halbleiter") == [article]
    ws.articles.trash(article)
    assert _ids(ws, "zweiter") == []
    assert _ids(ws, "zweiter", filters=Filters(include_trashed=True)) == [article]
    assert ws.search.search("zweiter", Filters(include_trashed=True))[0].deleted
    ws.articles.restore(article)
    assert _ids(ws, "zweiter") == [article]
    ws.articles.trash(article)
    ws.articles.empty_trash()
    assert _ids(ws, "zweiter", filters=Filters(include_trashed=True)) == []
    assert ws.search.stats().indexed == 0


def test_index_follows_imports_and_revision_restores(ws: Workspace, tmp_path: Path) -> None:
    from editor.app.importing import ImportService

    source = tmp_path / "a.jsonl"
    source.write_text(
        '{"id": "x1", "lang": "de", "title": "Importiert", "body": "Quantencomputer heute",'
        ' "tags": ["Physik"]}\n',
        encoding="utf-8",
    )
    assert ImportService(ws).import_path(source).ok
    (found,) = ws.search.search("quantencomputer")
    assert found.external_id == "x1"
    source.write_text(
        '{"id": "x1", "lang": "de", "title": "Importiert", "body": "Supraleiter morgen"}\n',
        encoding="utf-8",
    )
    assert ImportService(ws).import_path(source).ok
    assert _ids(ws, "quantencomputer") == [] and _ids(ws, "supraleiter") == [found.id]
    first = ws.articles.revisions(found.id)[-1]
    ws.articles.restore_revision(found.id, first.id)
    assert _ids(ws, "quantencomputer") == [found.id]


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        'a " b " c "',
        "NEAR(nvidia, chips)",
        "* : ^ ( ) { } [ ] + - AND OR NOT",
        "title:nvidia",
        "\x00\x07 nvidia \x1b[31m",
        "nvidia " * 2000,
        "x" * 10_000,
        "-",
        "lang:",
        "after:2026-13-45",
    ],
)
def test_bad_input_is_taken_literally(ws: Workspace, query: str) -> None:
    _create(ws, title="Nvidia chips", body="NEAR the title: nvidia")
    hits = ws.search.search(query)  # never raises
    assert isinstance(hits, list)


def test_syntax_characters_match_as_words(ws: Workspace) -> None:
    a = _create(ws, title="NEAR und fern", body="C++ und GPT-4o")
    assert _ids(ws, "NEAR") == [a]
    assert _ids(ws, "GPT-4o") == [a]
    assert _ids(ws, '"gpt 4o') == [a]


def test_reindex_rebuilds_and_reports_progress(ws: Workspace) -> None:
    for i in range(5):
        _create(ws, title=f"Artikel {i}", body="Gemeinsamer Text")
    seen: list[tuple[int, int]] = []
    assert ws.search.reindex(progress=lambda d, t: seen.append((d, t))) == 5
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    assert len(_ids(ws, "gemeinsamer")) == 5
    stats = ws.search.stats()
    assert stats.indexed == stats.articles == 5
    with pytest.raises(Cancelled):
        ws.search.reindex(cancelled=lambda: True)
    assert ForegroundRunner().run(ws.search.reindex_op()) == 5


def test_search_operation_and_cancellation(ws: Workspace) -> None:
    a = _create(ws, title="Nvidia")
    assert [h.id for h in ForegroundRunner().run(ws.search.query_op("nvidia"))] == [a]
    with pytest.raises(Cancelled):
        ws.search.search("nvidia", cancelled=lambda: True)
    assert ws.search.search("") == []


def test_limit_and_offset_page_through_hits(ws: Workspace) -> None:
    ids = {_create(ws, title=f"Chip {i}") for i in range(7)}
    first = _ids(ws, "chip", limit=4)
    rest = [h.id for h in ws.search.search("chip", limit=4, offset=4)]
    assert len(first) == 4 and len(rest) == 3 and set(first + rest) == ids


def test_filtered_pages_follow_the_ranking(ws: Workspace) -> None:
    # Ranks differ by how often the word occurs; the filter drops every other article,
    # the best ones among them, so the filtered pages must skip them in rank order.
    counts = (3, 7, 1, 5, 8, 2, 6, 4)
    made = [
        _create(ws, language="en" if i % 2 else "de", title="Bericht", body="chip " * n + "x " * 9)
        for i, n in enumerate(counts)
    ]
    ranked = _ids(ws, "chip", limit=8)
    assert sorted(ranked) == sorted(made) and ranked not in (made, made[::-1])
    english = [i for i in ranked if i in made[1::2]]
    pages = [_ids(ws, "chip lang:en", limit=1, offset=k) for k in range(5)]
    assert pages == [[i] for i in english] + [[]]
    assert _ids(ws, "chip lang:en", limit=3) == english[:3]


def test_saved_searches_live_in_the_archive(ws: Workspace) -> None:
    heard: list[SavedSearchesChanged] = []
    ws.changes.subscribe(SavedSearchesChanged, heard.append)
    ws.search.save("KI auf Deutsch", "ki lang:de")
    ws.search.save("Chips", "nvid*")
    ws.search.save("KI auf Deutsch", "ki lang:de status:published")
    assert [(s.name, s.query) for s in ws.search.saved()] == [
        ("Chips", "nvid*"),
        ("KI auf Deutsch", "ki lang:de status:published"),
    ]
    ws.search.forget("Chips")
    assert [s.name for s in ws.search.saved()] == ["KI auf Deutsch"]
    assert heard[-1].names == ("KI auf Deutsch",)
    with pytest.raises(ValueError):
        ws.search.save("  ", "x")


def test_sqlite_ranks_the_newest_matches_first_and_widens_for_filters(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    if ws.db.engine.dialect.name != "sqlite":
        pytest.skip("the ranking window is SQLite's")
    from editor.store.search import sqlite as backend

    oldest = _create(ws, language="en", title="Chip chip chip", body="chip")
    newer = [_create(ws, language="de", title="Bericht", body=f"ein chip {i}") for i in range(4)]
    monkeypatch.setattr(backend, "WINDOWS", (2, None))
    # Only the two newest matches are ranked: the title hit is older than the window.
    assert set(_ids(ws, "chip", limit=2)) == set(newer[-2:])
    # A filter that leaves the window short of hits widens it to everything.
    assert _ids(ws, "chip lang:en", limit=2) == [oldest]
    monkeypatch.setattr(backend, "WINDOWS", (None,))
    assert _ids(ws, "chip", limit=1) == [oldest]


def test_entity_filter_finds_every_spelling_of_the_entity(ws: Workspace) -> None:
    munich = ws.entities.add(
        "Munich", "place", aliases=["Muenchen"], labels={"de": "München"}, wikidata="Q1726"
    )
    de = _create(ws, language="de", title="Neue Tram", body="Die Stadt baut.", tags=["München"])
    en = _create(ws, language="en", title="New tram", body="The city builds.", tags=["Munich"])
    mention = _create(ws, language="en", title="Munich weather", body="Rain in Munich.")
    for value in ("Munich", "münchen", '"München"', "Muenchen", "Q1726", str(munich.id)):
        assert set(_ids(ws, f"entity:{value}")) == {de, en}, value
    # Combined with text and other filters; tag: keeps working by name, alias or label.
    assert _ids(ws, "entity:München tram lang:de") == [de]
    assert set(_ids(ws, "tag:München")) == {de, en}
    assert set(_ids(ws, "tag:munich")) == {de, en}
    # A value that names no entity is looked for as a phrase in the text.
    assert _ids(ws, 'entity:"Rain in Munich"') == [mention]
    assert _ids(ws, "entity:Q999999") == []
    # Numbers no database integer holds, and digits of other scripts, are no ids.
    assert _ids(ws, "entity:" + "9" * 40) == []
    assert _ids(ws, "entity:²") == []


def test_index_follows_entity_rename_merge_and_delete(ws: Workspace) -> None:
    # The names are in the tags only, so only the tags column can find them.
    aid = _create(ws, title="Quartalszahlen", body="Der Umsatz stieg.", tags=["Alphacorp"])
    other = _create(ws, title="Börsengang", body="Die Aktie stieg.", tags=["Betacorp"])
    alpha = ws.entities.find("Alphacorp")
    beta = ws.entities.find("Betacorp")
    assert _ids(ws, "alphacorp") == [aid]
    ws.entities.rename(alpha.id or 0, "Omegacorp")
    assert _ids(ws, "omegacorp") == [aid]
    assert _ids(ws, "alphacorp") == []
    assert _ids(ws, "entity:alphacorp") == [aid], "the old name is an alias"
    ws.entities.merge(beta.id or 0, alpha.id or 0)
    assert set(_ids(ws, "omegacorp")) == {aid, other}
    assert _ids(ws, "betacorp") == []
    assert set(_ids(ws, "entity:betacorp")) == {aid, other}
    ws.entities.delete(alpha.id or 0)
    assert _ids(ws, "omegacorp") == []
    assert _ids(ws, "entity:omegacorp") == []
