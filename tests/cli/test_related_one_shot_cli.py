"""``newsdesk related ID``: a one-shot query reads the saved index in place, says when it
must build one first, and answers exactly as the whole engine does (``related --all``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from editor.cli import main
from tests.benchmarks.synthetic import build_database

BUILDING = "Building the related-links index"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def archive(tmp_path: Path) -> str:
    return str(build_database(tmp_path / "archive.sqlite", 120))


def one_shot(capsys: pytest.CaptureFixture[str], db: str, article_id: int) -> tuple[list, str]:
    code, out, err = run(capsys, "--db", db, "related", str(article_id), "--top", "6", "--json")
    assert code == 0, err
    return json.loads(out)["related"], err


def test_the_first_query_says_it_builds_the_index_and_later_ones_read_it(
    archive: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first, err = one_shot(capsys, archive, 7)
    assert BUILDING in err  # said before the wait, on stderr: the JSON stays clean
    saved = list((Path(os.environ["XDG_DATA_HOME"])).rglob("index-*.bin"))
    assert len(saved) == 1

    again, err = one_shot(capsys, archive, 7)
    assert BUILDING not in err
    assert again == first and first


def test_one_shot_answers_equal_those_of_the_whole_engine(
    archive: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", archive, "related", "--all", "--top", "6", "--json")
    assert code == 0, err
    everything = {line["id"]: line["related"] for line in map(json.loads, out.splitlines())}
    asked = sorted(everything)[::17]
    assert len(asked) >= 5
    for article_id in asked:  # the index --all saved is read in place by each query
        answer, err = one_shot(capsys, archive, article_id)
        assert BUILDING not in err
        assert answer == everything[article_id], article_id
    assert any(everything[i] for i in asked)
