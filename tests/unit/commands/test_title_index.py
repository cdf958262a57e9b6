from __future__ import annotations

import pytest

from editor.app.operations import ForegroundRunner, Operation
from editor.commands import title_index as title_index_module
from editor.commands.registry import CommandRegistry
from editor.commands.search import search, search_articles
from editor.commands.title_index import TitleIndex, title_index_for


@pytest.fixture
def archive(workspace):
    make = workspace.articles.create
    return {
        "chip": make(title="Neuer Quantenchip von Intel vorgestellt"),
        "apple": make(title="Apple stellt neues MacBook vor", language="en"),
        "cjk": make(title="人工智能芯片的新进展", language="en"),
        "rust": make(title="Rust im Linux-Kernel", external_id="heise-4711"),
    }


@pytest.fixture
def index(workspace, archive):
    built = TitleIndex(workspace)
    built.load()
    yield built
    built.close()


def ids(rows) -> list[int]:
    return [row.id for row in rows]


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("quant", "chip"),  # word start
        ("chip", "chip"),  # inside a compound
        ("Quantnchip", "chip"),  # typo
        ("macbok apple", "apple"),
        ("芯片", "cjk"),
        ("heise-4711", "rust"),  # external id
    ],
)
def test_candidates(index, archive, query: str, key: str) -> None:
    assert ids(index.candidates(query))[0] == archive[key].id


def test_no_candidates_for_unrelated_words(index) -> None:
    assert index.candidates("zzqxv") == []


def test_follows_edits_trash_and_restore(workspace, index, archive) -> None:
    new = workspace.articles.create(title="Glasfaser für alle")
    assert ids(index.candidates("glasfaser")) == [new.id]
    workspace.articles.update(new.id, {"title": "Kupferkabel bleibt"})
    assert index.candidates("glasfaser") == []
    assert ids(index.candidates("kupferkabel")) == [new.id]
    workspace.articles.trash(archive["apple"].id)
    assert archive["apple"].id not in ids(index.candidates("macbook"))
    workspace.articles.restore(archive["apple"].id)
    assert ids(index.candidates("macbook")) == [archive["apple"].id]
    assert len(index) == 5


def test_many_changes_reload_everything(workspace, index, monkeypatch) -> None:
    monkeypatch.setattr(title_index_module, "RELOAD_AFTER", 3)
    made = [workspace.articles.create(title=f"Serie Teil {i}") for i in range(5)]
    assert set(ids(index.candidates("serie"))) == {a.id for a in made}


def test_more_words_matched_ranks_first(workspace, index) -> None:
    both = workspace.articles.create(title="Linux und Rust")
    result = ids(index.candidates("rust linux"))
    assert result[0] == both.id


def test_search_uses_the_index(workspace, index, archive, ctx) -> None:
    registry = CommandRegistry()
    results = search("#Quantnchip Intel", registry, ctx, index=index)
    assert [r.id for r in results][:1] == [archive["chip"].id]
    # The same answer as the SQL path gives on a small archive.
    sql = search_articles(workspace.articles, "Quantnchip Intel")
    assert sql[0].id == archive["chip"].id


def test_one_shared_index_per_workspace_loaded_by_the_runner_it_is_given(
    workspace, archive
) -> None:
    shared = title_index_for(workspace)
    assert title_index_for(workspace) is shared
    handed: list[Operation[None]] = []
    shared.start_loading(handed.append)
    shared.start_loading(handed.append)  # already loading: not handed out again
    assert [operation.label for operation in handed] == ["Loading article titles"]
    assert not shared.ready, "nothing is read until the runner runs it"
    ForegroundRunner().run(handed[0])
    assert shared.wait(timeout=0)
    assert ids(shared.candidates("rust"))[0] == archive["rust"].id


def test_not_ready_index_refuses(workspace) -> None:
    with pytest.raises(RuntimeError, match="loading"):
        TitleIndex(workspace).candidates("x")
