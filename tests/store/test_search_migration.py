"""Migration 0005 creates the search index and fills it from the articles already there."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from editor.app.workspace import Workspace
from editor.store import migrations
from editor.store.database import open_database, sqlite_url


def test_upgrading_an_archive_indexes_its_articles(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "old.sqlite")
    ws = Workspace(db=open_database(url), user="t")
    ids = [ws.articles.create(title=f"Straße {i}", body="Halbleiter").id for i in range(3)]
    ws.articles.trash(ids[0])
    config = migrations.alembic_config()
    with ws.db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    assert migrations.current_revision(ws.db.engine) == "0004"
    migrations.upgrade(ws.db.engine)
    assert migrations.current_revision(ws.db.engine) == "0005"
    assert sorted(h.id for h in ws.search.search("strasse")) == ids[1:]
    assert ws.search.stats().indexed == 3
    ws.close()
