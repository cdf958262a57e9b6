"""The archive's entities on the published site: tag pages, JSON-LD and ninjs from the store."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from editor.core.workflow import Status

_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _ready(ws: Any, title: str, lang: str, tags: list[str]) -> int:
    return ws.articles.create(
        title=title, body=f"{title}.", language=lang, tags=tags, status=Status.READY
    ).id


@pytest.fixture
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("site") / "out"


def test_entity_pages_json_ld_and_ninjs_come_from_the_store(workspace: Any, site_dir: Path) -> None:
    munich = workspace.entities.add(
        "Munich", "place", labels={"de": "München", "en": "Munich"}, wikidata="Q1726"
    )
    workspace.entities.add("Siemens", "organisation")
    de = _ready(workspace, "Siemens baut in München", "de", ["Siemens", "München"])
    en = _ready(workspace, "Munich gets a new bridge", "en", ["Munich"])
    result = workspace.publishing.publish(None, site_dir)
    assert sorted(result.published) == sorted([de, en])
    german = (site_dir / f"de/tags/{munich.id}/index.html").read_text(encoding="utf-8")
    english = (site_dir / f"en/tags/{munich.id}/index.html").read_text(encoding="utf-8")
    assert "München" in german.split("<h1>")[1].split("</h1>")[0]
    assert "Munich" in english.split("<h1>")[1].split("</h1>")[0]
    page = (site_dir / result.manifest.article_pages[de]).read_text(encoding="utf-8")
    data = json.loads(_JSONLD.findall(page)[0])
    # Siemens is tagged first, München is named in the headline: both are the subject.
    assert [(t["@type"], t["name"]) for t in data["about"]] == [
        ("Organization", "Siemens"),
        ("Place", "München"),
    ]
    assert data["about"][1]["sameAs"] == "https://www.wikidata.org/wiki/Q1726"
    ninjs = json.loads(
        (site_dir / result.manifest.article_pages[de]).with_name("article.json").read_text()
    )
    assert {"name": "München", "kind": "place", "code": "Q1726"}.items() <= ninjs["subject"][
        1
    ].items()


def test_a_relabelled_entity_retitles_its_pages_on_the_next_run(
    workspace: Any, site_dir: Path
) -> None:
    munich = workspace.entities.add("Munich", "place", labels={"de": "München"})
    _ready(workspace, "Neues aus München", "de", ["Munich"])
    workspace.publishing.publish(None, site_dir)
    tag_page = site_dir / f"de/tags/{munich.id}/index.html"
    assert "München" in tag_page.read_text(encoding="utf-8")
    workspace.entities.rename(munich.id, "City of Munich")
    renamed = workspace.entities.get(munich.id)
    workspace.entities.update(
        type(renamed)(
            name=renamed.name,
            kind=renamed.kind,
            aliases=renamed.aliases,
            labels={"de": "Landeshauptstadt München"},
            id=renamed.id,
        )
    )
    _ready(workspace, "Noch ein Artikel", "de", [])
    workspace.publishing.publish(None, site_dir)
    html = tag_page.read_text(encoding="utf-8")
    assert "Landeshauptstadt München" in html, "same address, new title"


def test_a_merge_moves_the_article_to_the_target_entitys_page(
    workspace: Any, site_dir: Path
) -> None:
    old = workspace.entities.add("Muenchen", "place")
    target = workspace.entities.add("Munich", "place", labels={"de": "München"})
    aid = _ready(workspace, "Neues aus der Stadt", "de", ["Muenchen"])
    workspace.publishing.publish(None, site_dir)
    assert (site_dir / f"de/tags/{old.id}/index.html").is_file()
    workspace.entities.merge(old.id, target.id)
    workspace.publishing.correct(aid, site_dir)  # its tags changed without a new version
    assert not (site_dir / f"de/tags/{old.id}/index.html").exists()
    assert "München" in (site_dir / f"de/tags/{target.id}/index.html").read_text(encoding="utf-8")
