"""The same models, migrations and use cases on PostgreSQL (team mode).

Each test creates its own database on the server and drops it afterwards.
Skipped with the reason when no server answers; the server is taken from
``NEWSDESK_TEST_POSTGRES`` (default: user postgres with trust auth on 127.0.0.1:5432).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command

from editor.app.importing import ImportService, read_source
from editor.app.workspace import Workspace
from editor.core.article import ListQuery
from editor.core.resources import resource_path
from editor.core.workflow import Status
from editor.store import migrations
from editor.store.database import open_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_workspace(pg_url: str) -> Iterator[Workspace]:
    ws = Workspace(db=open_database(pg_url), user="pg-tester")
    try:
        yield ws
    finally:
        ws.close()


def test_migrations_bring_a_new_server_database_to_head_and_match_the_models(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        assert db.engine.dialect.name == "postgresql"
        assert migrations.current_revision(db.engine) == migrations.head_revision()
        assert db.path is None and db.backup_path is None
        assert db.description.startswith("postgresql on 127.0.0.1/newsdesk_test_")
    finally:
        db.close()
    command.check(migrations.alembic_config(pg_url))


def test_create_update_list_and_revisions(pg_workspace: Workspace) -> None:
    articles = pg_workspace.articles
    a = articles.create(language="de", title="Übernahme für Müller", body="Text", tags=["KI"])
    assert a.slug == "uebernahme-fuer-mueller"
    b = articles.create(language="de", title="Übernahme für Müller", body="Zweiter Text")
    assert b.slug == "uebernahme-fuer-mueller-2"

    edited = articles.update(a.id, {"body": "Neuer Text", "title": "Übernahme perfekt"})
    assert edited.version == a.version + 1
    assert edited.slug == "uebernahme-perfekt"
    assert articles.get(a.id).body == "Neuer Text"

    articles.change_status(a.id, Status.IN_REVIEW)
    revisions = articles.revisions(a.id)
    assert [r.reason for r in revisions] == ["status"]
    assert articles.revision(revisions[0].id).body == "Neuer Text"

    rows = articles.list(ListQuery(language="de", order_by="title", descending=False))
    assert [r.title for r in rows] == ["Übernahme für Müller", "Übernahme perfekt"]
    assert articles.count(ListQuery(status=Status.IN_REVIEW)) == 1
    assert articles.find(a.uuid).id == a.id


def test_import_writes_and_finds_the_samples_again(pg_workspace: Workspace) -> None:
    parsed = read_source(Path(resource_path("samples", "articles.jsonl")))
    service = ImportService(pg_workspace)
    first = service.import_records(parsed.records)
    second = service.import_records(parsed.records)
    assert (first.created, first.rejected) == (len(parsed.records), [])
    assert (second.created, second.updated, second.unchanged) == (0, 0, len(parsed.records))
    zh = pg_workspace.articles.find("sample-sensor-zh")
    assert zh.language == "zh" and "传感器" in zh.tags
