"""Issue 10 §5: an edited published article says in the editor that its page is out of
date, with an "Update page" button beside the status; updating the page takes it away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from editor.core.workflow import Status

from .helpers import settle, type_text


def _sign(window: Any) -> tuple[bool, str, bool]:
    metadata = window.metadata
    return (
        metadata.site_row.isVisible(),
        metadata.site_state.text(),
        metadata.update_page.isVisible(),
    )


def test_publish_edit_update(qtbot: Any, window: Any, tmp_path: Path):
    ws = window.ws
    site = tmp_path / "site"
    ws.publishing.set_output_dir(site)
    article = ws.articles.create(title="Chipfabrik", body="Erste Fassung.", status=Status.READY)
    ws.publishing.publish([article.id], site)
    window.open_article(article.id)
    qtbot.waitUntil(lambda: _sign(window)[0], timeout=5000)
    shown, text, button = _sign(window)
    assert "out of date" not in text and not button  # the site shows this text

    # an edit in the editor, saved by autosave: the page on the site is older now
    window.editor.body.setFocus()
    type_text(window.editor.body, " Ergänzt.")
    qtbot.waitUntil(lambda: "out of date" in _sign(window)[1], timeout=5000)
    shown, text, button = _sign(window)
    assert shown and button
    assert text.startswith("Published")
    assert ws.articles.get(article.id).status is Status.PUBLISHED  # the status alone says nothing

    # the button asks for the update through the publish dialog, for this article
    window.metadata.update_page.click()
    dialog = window._publish_dialog
    assert dialog is not None and dialog.isVisible()
    settle(window)
    assert dialog.check_for(article.id) is not None
    dialog.reject()

    ws.publishing.publish([article.id], site)  # what the dialog's run does
    qtbot.waitUntil(lambda: "out of date" not in _sign(window)[1], timeout=5000)
    assert _sign(window)[0] and not _sign(window)[2]


def test_no_sign_for_an_article_that_is_not_on_the_site(qtbot: Any, window: Any):
    article = window.ws.articles.create(title="Entwurf", body="Text.")
    window.open_article(article.id)
    settle(window)
    window.ws.articles.update(article.id, {"body": "Anders."})
    settle(window)
    assert not window.metadata.site_row.isVisible()
