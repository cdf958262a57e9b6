"""Migration 0006: plain tags become entities of kind "topic", nothing lost."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from editor.store import migrations
from editor.store.database import open_database, sqlite_url


def _archive_at_0004(path: Path) -> None:
    engine = create_engine(sqlite_url(path))
    try:
        migrations.upgrade(engine, "0004")
        with engine.begin() as c:
            for n, slug in enumerate(["a", "b"], start=1):
                c.execute(
                    text(
                        "INSERT INTO article (id, uuid, slug, slug_locked, title, teaser, body,"
                        " language, status, author, created_at, updated_at, deleted, version)"
                        " VALUES (:id, :uuid, :slug, 0, :slug, '', '', 'de', 'draft', '',"
                        " '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0, 1)"
                    ),
                    {"id": n, "uuid": f"u-{n}", "slug": slug},
                )
            c.execute(text("INSERT INTO tag (id, name) VALUES (3, 'KI'), (7, 'ki'), (9, 'Über')"))
            c.execute(
                text(
                    "INSERT INTO article_tag (article_id, tag_id, position) VALUES"
                    " (1, 9, 0), (1, 3, 1), (2, 7, 0)"
                )
            )
    finally:
        engine.dispose()


def test_tags_become_topic_entities_with_their_ids_and_order(db_path: Path) -> None:
    _archive_at_0004(db_path)
    db = open_database(sqlite_url(db_path))  # upgrades to the head
    try:
        with db.session() as s:
            rows = s.execute(text("SELECT id, name, key, kind FROM entity ORDER BY id")).all()
            links = s.execute(
                text(
                    "SELECT article_id, entity_id, position FROM article_entity"
                    " ORDER BY article_id, position"
                )
            ).all()
            tables = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master"))}
        # "KI" and "ki" were two tags: they stay two entities (nothing merged behind the
        # editor's back; the entity manager can merge them).
        assert [tuple(r) for r in rows] == [
            (3, "KI", "ki", "topic"),
            (7, "ki", "ki", "topic"),
            (9, "Über", "über", "topic"),
        ]
        assert [tuple(r) for r in links] == [(1, 9, 0), (1, 3, 1), (2, 7, 0)]
        assert "tag" not in tables and "article_tag" not in tables
        from editor.store.articles import get_article

        with db.session(write=True) as s:
            assert get_article(s, 1).tags == ("Über", "KI")
            # New entities get fresh ids after the migrated ones.
            s.execute(
                text(
                    "INSERT INTO entity (name, key, kind, description, created_at)"
                    " VALUES ('Neu', 'neu', 'topic', '', '2026-01-01 00:00:00')"
                )
            )
            assert s.execute(text("SELECT id FROM entity WHERE name = 'Neu'")).scalar() == 10
    finally:
        db.close()


def test_downgrade_gives_the_plain_tags_back(db_path: Path) -> None:
    _archive_at_0004(db_path)
    engine = create_engine(sqlite_url(db_path))
    try:
        migrations.upgrade(engine, "head")
        from alembic import command

        config = migrations.alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0004")
        with engine.connect() as c:
            tags = c.execute(text("SELECT id, name FROM tag ORDER BY id")).all()
            links = c.execute(
                text(
                    "SELECT article_id, tag_id, position FROM article_tag"
                    " ORDER BY article_id, position"
                )
            ).all()
        assert [tuple(t) for t in tags] == [(3, "KI"), (7, "ki"), (9, "Über")]
        assert [tuple(r) for r in links] == [(1, 9, 0), (1, 3, 1), (2, 7, 0)]
    finally:
        engine.dispose()
