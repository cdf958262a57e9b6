"""The article list's quick filter on real archives."""

from __future__ import annotations

from typing import Any

from editor.core.article import ListQuery


def test_quick_filter_ignores_case_beyond_ascii(workspace: Any) -> None:
    hit = workspace.articles.create(title="Übernahme für Müller").id
    workspace.articles.create(title="Etwas anderes")
    cyrillic = workspace.articles.create(title="Новости ИИ", language="ru").id
    assert [r.id for r in workspace.articles.list(ListQuery(text="übernahme"))] == [hit]
    assert [r.id for r in workspace.articles.list(ListQuery(text="MÜLLER"))] == [hit]
    assert [r.id for r in workspace.articles.list(ListQuery(text="новости"))] == [cyrillic]
    assert workspace.articles.count(ListQuery(text="ÜBERNAHME")) == 1


def test_quick_filter_treats_wildcards_literally(workspace: Any) -> None:
    percent = workspace.articles.create(title="Rabatt 50% auf alles").id
    workspace.articles.create(title="Rabatt 50 Euro")
    assert [r.id for r in workspace.articles.list(ListQuery(text="50%"))] == [percent]
    assert workspace.articles.list(ListQuery(text="_")) == []
