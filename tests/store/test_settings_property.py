"""Any JSON value a setting is given comes back equal (property-based, issue 9, Also)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.store import articles as store
from editor.store.database import Database, open_database

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=15,
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path: Path = tmp_path_factory.mktemp("settings") / "archive.sqlite"
    database = open_database(f"sqlite+pysqlite:///{path}")
    yield database
    database.close()


@settings(max_examples=60)
@given(key=st.text(min_size=1, max_size=40).filter(lambda k: "\x00" not in k), value=json_values)
def test_a_setting_reads_back_what_was_written(db: Database, key: str, value: object) -> None:
    with db.session(write=True) as s:
        store.set_setting(s, key, value)
    with db.session() as s:
        assert store.get_setting(s, key, "missing") == value
