"""Importing and exporting archives, and the sample archive, on real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from editor.app.changes import ArticlesImported
from editor.app.exporting import ExportService, ExportTargetError
from editor.app.importing import ImportService, ImportSourceError, read_source
from editor.app.samples import is_empty, load_samples
from editor.app.workspace import Workspace
from editor.core.article import Article, ListQuery
from editor.core.workflow import Status


def _jsonl(path: Path, *records: dict[str, Any] | bytes) -> Path:
    lines = [r if isinstance(r, bytes) else json.dumps(r).encode() for r in records]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _record(id_: str, **fields: Any) -> dict[str, Any]:
    return {"id": id_, "lang": "de", "title": f"Titel {id_}", "body": f"Text {id_}", **fields}


def _all(ws: Workspace) -> list[Article]:
    rows = ws.articles.list(ListQuery(order_by="title", descending=False))
    return [ws.articles.get(r.id) for r in rows]


def _comparable(article: Article) -> tuple[Any, ...]:
    return (
        article.uuid,
        article.external_id,
        article.language,
        article.title,
        article.teaser,
        article.body.rstrip(),
        article.author,
        article.status,
        article.published_at,
        frozenset(article.tags),
        article.group_id,
        article.slug,
        article.slug_locked,
    )


def test_good_records_are_imported_and_bad_ones_reported_with_reasons(
    workspace: Workspace, tmp_path: Path
) -> None:
    source = _jsonl(
        tmp_path / "wire.jsonl",
        _record("w1", status="published", published_at="2026-02-01T08:00:00Z", tags=["KI"]),
        b"{broken json",
        _record("w2", lang="de-AT"),
        _record("w3", lang="qq"),
        "\u201cGr\u00fc\u00dfe\u201d".encode("cp1252"),
        _record("w4", status="done"),
        _record("w1", title="Zweimal"),
        {"id": "w5", "lang": "en", "body": "no title"},
    )
    progress: list[tuple[int, int]] = []
    report = ImportService(workspace, chunk_size=2).import_path(
        source, progress=lambda done, total: progress.append((done, total))
    )
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    reasons = {r.where: r.reason for r in report.rejected}
    assert list(reasons) == ["line 2", "line 4", "line 5", "line 6", "line 7", "line 8"]
    assert "invalid JSON" in reasons["line 2"]
    assert "unknown language code 'qq'" in reasons["line 4"]
    assert "not valid UTF-8" in reasons["line 5"]
    assert "unknown status 'done'" in reasons["line 6"]
    assert "already used on line 1" in reasons["line 7"]
    assert "missing title" in reasons["line 8"]
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)

    w1 = workspace.articles.find("w1")
    assert (w1.status, w1.tags, w1.title) == (Status.PUBLISHED, ("KI",), "Titel w1")
    assert w1.published_at is not None and w1.published_at.hour == 8
    assert workspace.articles.find("w2").language == "de"
    assert [r.reason for r in workspace.articles.revisions(w1.id)] == ["import"]


def test_a_second_import_updates_changed_records_and_leaves_the_rest(
    workspace: Workspace, tmp_path: Path
) -> None:
    service = ImportService(workspace)
    first = service.import_path(_jsonl(tmp_path / "a.jsonl", _record("1"), _record("2")))
    assert (first.created, first.ok) == (2, True)
    version = workspace.articles.find("2").version

    second = service.import_path(
        _jsonl(tmp_path / "b.jsonl", _record("1"), _record("2", body="Korrigiert"), _record("3"))
    )
    assert (second.created, second.updated, second.unchanged) == (1, 1, 1)
    assert workspace.articles.count() == 3
    changed = workspace.articles.find("2")
    assert changed.body == "Korrigiert" and changed.version == version + 1
    assert [r.reason for r in workspace.articles.revisions(changed.id)] == ["import", "import"]


def test_imported_slugs_follow_the_same_rules(workspace: Workspace, tmp_path: Path) -> None:
    workspace.articles.create(language="de", title="Übernahme für Müller")
    ImportService(workspace).import_path(
        _jsonl(
            tmp_path / "s.jsonl",
            _record("a", title="Übernahme für Müller"),
            _record("b", title="Übernahme für Müller"),
            _record("c", title="Übernahme für Müller", lang="en"),
            _record("d", title="Eigener Titel", slug="Mein Pfad"),
        )
    )
    slugs = {k: workspace.articles.find(k).slug for k in "abcd"}
    assert slugs == {
        "a": "uebernahme-fuer-mueller-2",
        "b": "uebernahme-fuer-mueller-3",
        "c": "uebernahme-fuer-mueller",
        "d": "mein-pfad",
    }
    assert workspace.articles.find("d").slug_locked is True
    assert workspace.articles.find("a").slug_locked is False


def test_a_retitled_record_moves_its_slug_unless_it_was_set_by_hand(
    workspace: Workspace, tmp_path: Path
) -> None:
    service = ImportService(workspace)
    service.import_path(_jsonl(tmp_path / "a.jsonl", _record("1", title="Alt"), _record("2")))
    workspace.articles.update(workspace.articles.find("2").id, {"slug": "handgemacht"})
    service.import_path(
        _jsonl(tmp_path / "b.jsonl", _record("1", title="Neu"), _record("2", title="Anders"))
    )
    assert workspace.articles.find("1").slug == "neu"
    assert workspace.articles.find("2").slug == "handgemacht"


def test_translation_groups_from_the_group_field(workspace: Workspace, tmp_path: Path) -> None:
    ImportService(workspace).import_path(
        _jsonl(
            tmp_path / "g.jsonl",
            _record("de", group="akkus"),
            _record("en", lang="en", group="akkus"),
            _record("solo"),
        )
    )
    de, en, solo = (workspace.articles.find(k) for k in ("de", "en", "solo"))
    assert de.group_id is not None and de.group_id == en.group_id
    assert solo.group_id is None


def test_a_markdown_folder_with_a_bad_file(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "md"
    (folder / "2026").mkdir(parents=True)
    (folder / "chips.md").write_text(
        "---\nlang: en\ntitle: Chips\ntags: [AI]\n---\n\nBody text.\n", encoding="utf-8"
    )
    (folder / "2026" / "akkus.md").write_text(
        "---\nid: wire-1\nlang: de\ntitle: Akkus\nstatus: ready\n---\nText\n", encoding="utf-8"
    )
    (folder / "broken.md").write_text("no front matter\n", encoding="utf-8")
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")

    report = ImportService(workspace).import_path(folder)
    assert (report.created, [r.where for r in report.rejected]) == (2, ["broken.md"])
    chips = workspace.articles.find("chips")
    assert (chips.body, chips.tags) == ("Body text.", ("AI",))
    assert workspace.articles.find("wire-1").status is Status.READY


def test_a_single_markdown_file(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\nlang: fr\ntitle: Puces\n---\nTexte\n", encoding="utf-8")
    assert ImportService(workspace).import_path(path).created == 1
    assert workspace.articles.find("note").language == "fr"


def test_missing_sources_are_fatal(tmp_path: Path) -> None:
    with pytest.raises(ImportSourceError, match="does not exist"):
        read_source(tmp_path / "nope.jsonl")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ImportSourceError, match="no Markdown"):
        read_source(tmp_path / "empty")


# ---------------------------------------------------------------- export


@pytest.mark.parametrize(("fmt", "target"), [("jsonl", "all.jsonl"), ("markdown", "md")])
def test_export_then_import_gives_the_same_articles(
    workspace: Workspace, tmp_path: Path, fmt: str, target: str
) -> None:
    load_samples(workspace)
    own = workspace.articles.create(language="en", title="Made here", body="Typed in the editor")
    workspace.articles.update(own.id, {"slug": "hand-made"})
    trashed = workspace.articles.create(language="en", title="Binned", body="x")
    workspace.articles.trash(trashed.id)
    out = tmp_path / target

    count = ExportService(workspace).export(fmt, out)
    assert count == 21  # the trash is left out

    again = ImportService(workspace).import_path(out)
    assert (again.created, again.updated, again.unchanged, again.ok) == (0, 0, 21, True)

    other = Workspace.open(str(tmp_path / "other.sqlite"), user="tester")
    try:
        fresh = ImportService(other).import_path(out)
        assert (fresh.created, fresh.ok) == (21, True)
        assert sorted(map(_comparable, _all(other))) == sorted(map(_comparable, _all(workspace)))
        assert other.articles.find(own.uuid).external_id is None
    finally:
        other.close()


def test_export_refuses_to_mix_with_existing_markdown_files(
    workspace: Workspace, tmp_path: Path
) -> None:
    workspace.articles.create(language="de", title="Eins", body="x")
    out = tmp_path / "md"
    out.mkdir()
    (out / "old.md").write_text("stale", encoding="utf-8")
    with pytest.raises(ExportTargetError, match="already holds 1 Markdown"):
        ExportService(workspace).export("markdown", out)
    assert ExportService(workspace).export("markdown", out, replace=True) == 1
    assert sorted(p.name for p in out.iterdir()) == ["eins.md"]


def test_a_jsonl_export_replaces_the_file_whole(workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    out.write_text("old content\n", encoding="utf-8")
    workspace.articles.create(language="de", title="Eins", body="x")
    assert ExportService(workspace).export("jsonl", out) == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["Eins"]
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".all.jsonl")]
    assert leftovers == []  # the temporary file was renamed into place


# ---------------------------------------------------------------- samples


def test_the_sample_archive(workspace: Workspace) -> None:
    assert is_empty(workspace)
    created = load_samples(workspace)
    assert not is_empty(workspace)
    assert created == workspace.articles.count() >= 18
    assert load_samples(workspace) == 0  # a second load adds nothing

    articles = _all(workspace)
    assert {a.language for a in articles} >= {"de", "en", "zh"}
    assert len({a.status for a in articles}) == len(Status)
    groups: dict[str, set[str]] = {}
    for a in articles:
        if a.group_id:
            groups.setdefault(a.group_id, set()).add(a.language)
    assert sum(1 for langs in groups.values() if langs == {"de", "en"}) >= 6
    assert len({a.author for a in articles}) >= 4
    assert all(a.tags for a in articles)
    takeover = next(a for a in articles if a.title.startswith("Übernahme für Müller"))
    assert takeover.slug.startswith("uebernahme-fuer-mueller")


def test_a_trashed_article_means_the_archive_is_not_empty(workspace: Workspace) -> None:
    article = workspace.articles.create(language="de", title="T")
    workspace.articles.trash(article.id)
    assert not is_empty(workspace)


def test_tag_order_is_kept_and_a_new_order_is_an_update(
    workspace: Workspace, tmp_path: Path
) -> None:
    service = ImportService(workspace)
    service.import_path(_jsonl(tmp_path / "a.jsonl", _record("1", tags=["Zeta", "Alpha"])))
    assert workspace.articles.find("1").tags == ("Zeta", "Alpha")
    report = service.import_path(_jsonl(tmp_path / "b.jsonl", _record("1", tags=["Alpha", "Zeta"])))
    assert report.updated == 1
    assert workspace.articles.find("1").tags == ("Alpha", "Zeta")


def test_two_records_claiming_one_uuid_import_only_the_first(
    workspace: Workspace, tmp_path: Path
) -> None:
    shared = "0b8e7c1a-3f1d-4c7e-9d0a-2f5b6c7d8e9f"
    report = ImportService(workspace).import_path(
        _jsonl(tmp_path / "u.jsonl", _record("1", uuid=shared), _record("2", uuid=shared))
    )
    assert report.created == 1
    assert [(r.where, r.reason) for r in report.rejected] == [
        ("line 2", f"uuid {shared!r} already used on line 1")
    ]
    assert workspace.articles.find(shared).external_id == "1"


def test_two_records_pointing_at_one_article_update_it_once(
    workspace: Workspace, tmp_path: Path
) -> None:
    service = ImportService(workspace)
    service.import_path(_jsonl(tmp_path / "a.jsonl", _record("1")))
    article = workspace.articles.find("1")
    report = service.import_path(
        _jsonl(
            tmp_path / "b.jsonl",
            _record("1", body="per id"),
            _record("other", uuid=article.uuid, body="per uuid"),
        )
    )
    assert (report.updated, [r.where for r in report.rejected]) == (1, ["line 2"])
    assert "same article as line 1" in report.rejected[0].reason
    assert workspace.articles.find("1").body == "per id"


def test_each_written_chunk_is_announced_once(workspace: Workspace, tmp_path: Path) -> None:
    seen: list[ArticlesImported] = []
    workspace.changes.subscribe(ArticlesImported, seen.append)
    service = ImportService(workspace, chunk_size=2)
    service.import_path(_jsonl(tmp_path / "a.jsonl", *(_record(str(n)) for n in range(3))))
    assert [len(change.created) for change in seen] == [2, 1]
    service.import_path(_jsonl(tmp_path / "b.jsonl", _record("0", body="neu"), _record("1")))
    assert seen[-1] == ArticlesImported(created=(), updated=(workspace.articles.find("0").id,))
    assert len(seen) == 3  # one event per chunk that wrote something


def test_an_import_update_states_the_version_it_read(workspace: Workspace) -> None:
    """An editor's save between the import's read and its write is not overwritten
    unseen: the update of a stale copy is refused (issue 9 §1), and the chunk is read
    again."""
    from editor.store import bulk
    from editor.store.errors import ConflictError

    article = workspace.articles.create(language="en", title="T", body="one")
    stale = workspace.articles.get(article.id)
    workspace.articles.update(article.id, {"body": "editor"}, expected_version=stale.version)
    with pytest.raises(ConflictError), workspace.db.session(write=True) as s:
        bulk.update_many(s, [(stale, {"body": "import"})])
    assert workspace.articles.get(article.id).body == "editor"


def _made_record(n: int, **fields: Any) -> Any:
    from editor.core.importing import ArticleRecord

    values = {"where": f"line {n}", "external_id": f"r{n}", "language": "en"}
    return ArticleRecord(**(values | {"title": f"Title {n}", "body": "Text"} | fields))


def test_a_value_the_database_refuses_costs_only_its_own_made_record(workspace: Workspace) -> None:
    """Before: a lone surrogate failed the whole chunk's write, and the import stopped
    with every later chunk lost (issue 9 §4)."""
    records = [_made_record(1), _made_record(2, title="bad \ud800"), _made_record(3)]
    report = ImportService(workspace, chunk_size=2).import_records([*records, _made_record(4)])
    assert report.created == 3
    assert [r.where for r in report.rejected] == ["line 2"]
    assert "refused by the database" in report.rejected[0].reason


@pytest.mark.slow
def test_one_record_with_100000_tags_is_imported(workspace: Workspace) -> None:
    tags = tuple(f"tag {i}" for i in range(100_000))
    report = ImportService(workspace).import_records([_made_record(1, tags=tags)])
    assert report.created == 1
    article = workspace.articles.get(report.created_ids[0])
    assert len(article.tags) == 100_000 and article.tags[-1] == "tag 99999"
