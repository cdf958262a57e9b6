"""Decisions about an article in the trash are kept: hidden while it is there, back when it
is restored, whatever the editor decides on the other links meanwhile."""

from __future__ import annotations

from typing import Any

from editor.core.links import LinkState
from editor.core.workflow import Status


def _article(ws: Any, title: str) -> int:
    body = f"{title}: OpenAI und Sam Altman sprechen über Finanzierung."
    return ws.articles.create(title=title, body=body, language="de", status=Status.PUBLISHED).id


def test_accepted_link_to_a_trashed_article_comes_back_on_restore(workspace: Any) -> None:
    ws = workspace
    a, b, c = (_article(ws, t) for t in ("Artikel A", "Artikel B", "Artikel C"))
    ws.related.accept(a, b)
    ws.articles.trash(b)
    assert [x.target_id for x in ws.related.accepted(a)] == [], "hidden while in the trash"
    ws.related.accept(a, c)  # a decision on another link while B is in the trash
    ws.articles.restore(b)
    assert [x.target_id for x in ws.related.accepted(a)] == [b, c], "B back, in its place"


def test_every_kind_of_decision_keeps_those_about_trashed_articles(workspace: Any) -> None:
    ws = workspace
    a, b, c, d = (_article(ws, t) for t in ("A", "B", "C", "D"))
    ws.related.accept(a, b)
    ws.related.reject(a, d)
    ws.related.accept(a, c)
    ws.articles.trash(b)
    ws.articles.trash(d)
    ws.related.set_pinned(a, c, True)
    ws.related.reorder(a, [c])
    ws.related.forget(a, c)
    ws.articles.restore(b)
    ws.articles.restore(d)
    states = {x.target_id: x.state for x in ws.related.choices(a)}
    assert states == {b: LinkState.ACCEPTED, d: LinkState.REJECTED}
