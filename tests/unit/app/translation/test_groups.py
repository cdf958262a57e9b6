"""Language versions: the list's badges, moving between versions, what Translate to…
offers."""

from __future__ import annotations

from typing import Any

from editor.app.translation import groups


def test_group_languages_for_a_page_of_ids(workspace: Any) -> None:
    source = workspace.articles.create(language="de", title="Quelle")
    english = workspace.translation.translate_to(source.id, "en")
    alone = workspace.articles.create(language="en", title="Allein")
    found = groups.group_languages(workspace, [source.id, english.id, alone.id])
    assert found == {source.id: ("de", "en"), english.id: ("de", "en")}
    workspace.articles.trash(english.id)
    assert groups.group_languages(workspace, [source.id]) == {source.id: ("de",)}
    assert groups.group_languages(workspace, []) == {}


def test_versions_neighbours_and_missing_languages(workspace: Any) -> None:
    workspace.settings.update({"site.languages": ["de", "en", "fr"]})
    source = workspace.articles.create(language="de", title="Quelle")
    assert groups.versions(workspace, source.id) == [(source.id, "de")]
    assert groups.neighbour_version(workspace, source.id) is None
    assert groups.missing_languages(workspace, source.id) == ["en", "fr"]
    french = workspace.translation.translate_to(source.id, "fr")
    english = workspace.translation.translate_to(source.id, "en")
    assert [lang for _, lang in groups.versions(workspace, french.id)] == ["de", "en", "fr"]
    assert groups.neighbour_version(workspace, source.id) == english.id
    assert groups.neighbour_version(workspace, source.id, -1) == french.id
    assert groups.missing_languages(workspace, english.id) == []
    assert groups.is_translation(workspace, english.id)
    assert not groups.is_translation(workspace, source.id)
