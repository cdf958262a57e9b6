"""A newcomer's first publish: the samples go out whole, beside the archive file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from editor.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "news.sqlite"
    code, _out, err = _run(capsys, "--db", str(db), "--create", "samples")
    assert code == 0, err
    return db


def test_the_samples_publish_whole_into_a_folder_beside_the_archive(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = samples.parent / "site"  # ~/work/news.sqlite and ~/work/site
    code, out, err = _run(capsys, "--db", str(samples), "publish", "--all", "--out", str(site))
    assert code == 0, err
    assert "refused" not in err and "overlap" not in err
    report = re.search(r"(\d+) published to", out)
    assert report is not None and int(report.group(1)) > 0
    # Every language the samples are written in is on the site, Chinese too.
    assert {"de", "en", "zh"} <= {p.name for p in site.iterdir() if p.is_dir()}
    pages = list(site.glob("*/*/*/index.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # Imported articles were not updated after they went on this site.
        assert "Updated" not in html and "Aktualisiert" not in html


def test_publish_id_reports_only_the_article_asked_for(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = samples.parent / "site"
    code, out, _err = _run(capsys, "--db", str(samples), "list", "--json")
    assert code == 0
    rows = json.loads(out)
    chosen = next(r for r in rows if r["status"] == "published")
    code, out, err = _run(
        capsys, "--db", str(samples), "publish", str(chosen["id"]), "--out", str(site), "--json"
    )
    assert code == 0, err
    result = json.loads(out)
    assert [p["id"] for p in result["published"]] == [chosen["id"]]
    others = {r["id"] for r in rows} - {chosen["id"]}
    for warning in result["warnings"]:
        named = re.match(r"article (\d+):", warning)
        assert named is None or int(named.group(1)) not in others, warning
