"""Site settings in the archive: checked, stored, announced, and used by the next publish."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from editor.app.changes import SettingsChanged
from editor.app.settings import KEYS, SettingError
from editor.core.workflow import Status


def test_a_fresh_archive_has_every_setting_with_its_default(workspace: Any) -> None:
    values = workspace.settings.values()
    assert list(values) == list(KEYS)
    assert values["site.name"] == "Newsdesk"
    assert values["site.languages"] == ["de", "en"]
    assert values["site.default_language"] == "de"
    assert values["site.templates"] == ""
    assert values["site.output"].endswith("Newsdesk site")


def test_values_are_normalised_and_kept(workspace: Any, db_path: Path) -> None:
    settings = workspace.settings
    assert settings.set("site.base_url", "https://news.example.com") == "https://news.example.com/"
    assert settings.set("site.languages", "DE, en fr") == ["de", "en", "fr"]
    assert settings.set("site.name", "  Die   Tech-Zeitung ") == "Die Tech-Zeitung"
    assert settings.set("site.default_language", "fr") == "fr"
    from editor.app.workspace import Workspace

    reopened = Workspace.open(str(db_path))
    try:
        assert reopened.settings.get("site.base_url") == "https://news.example.com/"
        assert reopened.settings.get("site.default_language") == "fr"
    finally:
        reopened.close()


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("site.base_url", "news.example.com", "http:// or https://"),
        ("site.base_url", "ftp://news.example.com/", "http:// or https://"),
        ("site.base_url", "https://news.example.com/?a=1", "'?' or '#'"),
        ("site.languages", "de, german", "ISO 639-1"),
        ("site.languages", "de de", "twice"),
        ("site.languages", " ", "at least one"),
        ("site.default_language", "fr", "one of the site's languages"),
        ("site.name", "   ", "cannot be empty"),
        ("site.templates", "relative/folder", "absolute"),
        ("site.templates", "/no/such/folder/here", "does not exist"),
        ("site.colour", "blue", "no setting"),
    ],
)
def test_bad_values_are_refused_with_one_sentence_and_nothing_stored(
    workspace: Any, key: str, value: str, words: str
) -> None:
    before = workspace.settings.values()
    with pytest.raises(SettingError) as caught:
        workspace.settings.set(key, value)
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)
    assert workspace.settings.values() == before


def test_one_bad_value_stores_none_of_a_batch(workspace: Any) -> None:
    with pytest.raises(SettingError):
        workspace.settings.update({"site.name": "Neu", "site.base_url": "nope"})
    assert workspace.settings.get("site.name") == "Newsdesk"


def test_a_change_is_announced(workspace: Any) -> None:
    heard: list[SettingsChanged] = []
    workspace.changes.subscribe(SettingsChanged, heard.append)
    workspace.settings.update({"site.name": "Tech", "site.languages": ["de"]})
    assert heard == [SettingsChanged(keys=("site.name", "site.languages"))]


def test_dropping_the_default_language_falls_back_to_the_first(workspace: Any) -> None:
    workspace.settings.update({"site.languages": "de en", "site.default_language": "en"})
    workspace.settings.set("site.languages", "fr de")
    assert workspace.settings.default_language() == "fr"


def test_the_next_publish_uses_the_base_url_name_and_languages(
    workspace: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    site = tmp_path_factory.mktemp("published") / "site"
    article = workspace.articles.create(
        title="Quantenchips im Test",
        body="Ein Text über **Technik**.",
        teaser="Kurz.",
        author="Anna",
        language="fr",
        status=Status.READY,
    )
    workspace.settings.update(
        {
            "site.base_url": "https://zeitung.example.net/tech",
            "site.languages": "fr de",
            "site.name": "Die Technikseite",
        }
    )
    result = workspace.publishing.publish(None, site)
    assert result.published == [article.id]
    page = (site / result.manifest.article_pages[article.id]).read_text("utf-8")
    assert 'href="https://zeitung.example.net/tech/' in page
    assert "example.org" not in page
    assert "Die Technikseite" in page
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "https://zeitung.example.net/tech/" in sitemap
    assert "example.org" not in sitemap
