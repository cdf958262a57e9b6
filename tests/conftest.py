"""Shared test setup: headless Qt, a temporary archive per test, no user data touched."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: draw offscreen, and never read the developer's
# real settings or archive.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("NEWSDESK_DB", None)
# The multilingual model (optional extra) would change cross-language rankings and cost a
# quarter of a second per article: tests that want it install a model of their own.
os.environ["NEWSDESK_MEANING_VECTORS"] = "0"

import pytest
from hypothesis import HealthCheck, settings

# Property-based tests: no example database left in the work tree, no deadline (the
# machine is shared, timings vary), and a number of examples that keeps the suite quick.
settings.register_profile(
    "newsdesk",
    database=None,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("newsdesk")

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point the user's data and config folders at a temporary place."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.sqlite"


@pytest.fixture
def workspace(db_path: Path) -> Iterator[object]:
    """A real Workspace on a fresh SQLite file."""
    from editor.app.workspace import Workspace

    ws = Workspace.open(str(db_path), user="tester")
    try:
        yield ws
    finally:
        ws.close()


def shared_data(*parts: str) -> Path:
    """A file from ../shared/data, or skip the test with the reason."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data set not available: {path}")
    return path


@pytest.fixture
def fork_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let editor.core.parallel fork although Qt's idle pool threads, left by the GUI
    tests of this session, are alive: the forked work in these tests is pure Python.
    Python threads still count (a test starting one sees forking refused)."""
    from editor.core import parallel

    monkeypatch.setattr(parallel, "_os_thread_count", lambda: 1)


POSTGRES_SERVER = os.environ.get(
    "NEWSDESK_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh database on the test server (dropped afterwards), or skip with the reason."""
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")
    try:
        admin = psycopg.connect(POSTGRES_SERVER, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[0]
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_SERVER} ({reason})")
    name = f"newsdesk_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        base = POSTGRES_SERVER.rsplit("/", 1)[0]
        yield f"{base.replace('postgresql://', 'postgresql+psycopg://', 1)}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
