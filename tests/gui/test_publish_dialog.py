"""The Publish dialog on a real archive: checks, a publish run, refusals and errors."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from editor.core.related.dictionary import load_dictionary
from editor.core.workflow import Status
from editor.ui.publish_dialog import PublishDialog
from editor.ui.runner import Runner

DialogFactory = Callable[..., PublishDialog]


@pytest.fixture(scope="module", autouse=True)
def _bilingual_dictionary() -> None:
    """Publishing fills related links from suggestions: parse the dictionary up front."""
    load_dictionary()


@pytest.fixture
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("site") / "out"


@pytest.fixture
def make_dialog(qtbot: Any, workspace: Any) -> Iterator[DialogFactory]:
    dialogs: list[PublishDialog] = []

    def make(article_ids: list[int] | None = None, **kw: Any) -> PublishDialog:
        kw.setdefault("runner", Runner())  # the window's one runner, in the window
        dialog = PublishDialog(workspace, article_ids, **kw)
        qtbot.addWidget(dialog)
        dialog.show()
        dialogs.append(dialog)
        qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=10_000)  # the checks are done
        return dialog

    yield make
    for dialog in dialogs:
        dialog.runner.shutdown()


def _article(ws: Any, title: str, status: Status = Status.READY, **kw: Any) -> int:
    kw.setdefault("body", f"{title}: ein Text über Halbleiter.")
    kw.setdefault("teaser", "Kurz gesagt.")
    kw.setdefault("author", "Anna Autorin")
    return ws.articles.create(title=title, status=status, **kw).id


def _item(dialog: PublishDialog, article_id: int) -> Any:
    for row in range(dialog.check_tree.topLevelItemCount()):
        item = dialog.check_tree.topLevelItem(row)
        if item.data(0, Qt.ItemDataRole.UserRole + 1) == article_id:
            return item
    raise AssertionError(f"article {article_id} is not listed")


def _children(item: Any) -> list[str]:
    return [item.child(i).text(0) for i in range(item.childCount())]


def test_a_draft_is_blocked_and_a_ready_article_is_published(
    qtbot: Any, workspace: Any, make_dialog: DialogFactory, site_dir: Path
):
    draft = _article(workspace, "Noch ein Entwurf", Status.DRAFT)
    ready = _article(workspace, "Fertige Meldung")
    dialog = make_dialog([draft, ready])

    blocked = _item(dialog, draft)
    assert any(t.startswith("Blocking:") and "not ready" in t for t in _children(blocked))
    assert blocked.checkState(0) == Qt.CheckState.Unchecked
    assert not blocked.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert _item(dialog, ready).checkState(0) == Qt.CheckState.Checked
    assert dialog.selected_ids() == [ready]
    assert dialog.publish_button.isEnabled()

    dialog.folder_edit.setText(str(site_dir))
    with qtbot.waitSignal(dialog.published, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [[ready]]
    pages = dialog.page_paths()
    assert len(pages) == 1 and pages[0].is_file()
    assert "Fertige Meldung" in pages[0].read_text(encoding="utf-8")
    assert str(pages[0]) in dialog.result_tree.topLevelItem(0).text(0)
    assert workspace.articles.get(ready).status is Status.PUBLISHED
    assert workspace.articles.get(draft).status is Status.DRAFT
    assert workspace.publishing.output_dir() == site_dir, "a folder that worked is kept"
    assert "Published 1 article" in dialog.result_label.text()
    assert dialog.open_folder_button.isVisible()
    assert not dialog.publish_button.isEnabled()


def test_an_output_folder_that_is_a_file_shows_the_error(
    qtbot: Any, workspace: Any, make_dialog: DialogFactory, site_dir: Path
):
    ready = _article(workspace, "Fertige Meldung")
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    not_a_folder = site_dir.parent / "site.txt"
    not_a_folder.write_text("a file", encoding="utf-8")
    dialog = make_dialog([ready])
    dialog.folder_edit.setText(str(not_a_folder))
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert dialog.error_label.isVisible()
    assert "is a file" in dialog.error_label.text()
    assert workspace.articles.get(ready).status is Status.READY
    assert dialog.publish_button.isEnabled(), "the editor can pick another folder and retry"
    assert dialog.folder_edit.isEnabled()
    assert workspace.publishing.output_dir() != not_a_folder


def test_a_relative_or_empty_folder_is_refused_before_running(
    qtbot: Any, workspace: Any, make_dialog: DialogFactory
):
    ready = _article(workspace, "Fertige Meldung")
    dialog = make_dialog([ready])
    for text, message in (("", "Choose the folder"), ("site", "full path")):
        dialog.folder_edit.setText(text)
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
        assert not dialog.running
        assert message in dialog.error_label.text()
    assert workspace.articles.get(ready).status is Status.READY


def test_everything_ready_lists_ready_articles_with_warnings(
    qtbot: Any, workspace: Any, make_dialog: DialogFactory
):
    first = _article(workspace, "Erste Meldung")
    no_author = _article(workspace, "Zweite Meldung", author="")
    draft = _article(workspace, "Entwurf", Status.DRAFT)
    dialog = make_dialog(None)
    listed = {
        dialog.check_tree.topLevelItem(r).data(0, Qt.ItemDataRole.UserRole + 1)
        for r in range(dialog.check_tree.topLevelItemCount())
    }
    assert listed == {first, no_author}
    assert draft not in listed
    warned = _item(dialog, no_author)
    assert "Warning: No author is named." in _children(warned)
    assert warned.checkState(0) == Qt.CheckState.Checked, "warnings do not hold it back"
    assert sorted(dialog.selected_ids()) == sorted([first, no_author])


def test_unticking_every_article_disables_publish(
    qtbot: Any, workspace: Any, make_dialog: DialogFactory
):
    ready = _article(workspace, "Fertige Meldung")
    dialog = make_dialog([ready])
    _item(dialog, ready).setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.selected_ids() == []
    assert not dialog.publish_button.isEnabled()


def test_cancel_during_a_run_is_honest_and_closes_when_it_ends(
    qtbot: Any,
    workspace: Any,
    make_dialog: DialogFactory,
    site_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
):
    ready = _article(workspace, "Fertige Meldung")
    started, release = threading.Event(), threading.Event()
    original = workspace.publishing.publish

    def slow_publish(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(workspace.publishing, "publish", slow_publish)
    dialog = make_dialog([ready])
    dialog.folder_edit.setText(str(site_dir))
    try:
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(started.is_set, timeout=5000)
        assert dialog.busy_bar.isVisible()
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible(), "the run cannot be stopped, so the dialog stays"
        assert "cannot be stopped part-way" in dialog.status_label.text()
        assert not dialog.close_button.isEnabled()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert workspace.articles.get(ready).status is Status.PUBLISHED


def test_an_article_changed_after_the_checks_is_refused_with_its_reason(
    qtbot: Any, workspace: Any, make_dialog: DialogFactory, site_dir: Path
):
    ready = _article(workspace, "Fertige Meldung")
    sent_back = _article(workspace, "Zurück an die Redaktion")
    dialog = make_dialog([ready, sent_back])
    assert sorted(dialog.selected_ids()) == sorted([ready, sent_back])
    workspace.articles.change_status(sent_back, Status.IN_REVIEW)  # while the dialog is open
    dialog.folder_edit.setText(str(site_dir))
    with qtbot.waitSignal(dialog.published, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [[ready]]
    lines = [
        dialog.result_tree.topLevelItem(r) for r in range(dialog.result_tree.topLevelItemCount())
    ]
    refused = next(item for item in lines if item.text(0).startswith("Not published:"))
    assert "Zurück an die Redaktion" in refused.text(0)
    assert any("not ready" in text for text in _children(refused))
    assert workspace.articles.get(sent_back).status is Status.IN_REVIEW


def test_open_folder_shows_the_site_folder(
    qtbot: Any,
    workspace: Any,
    make_dialog: DialogFactory,
    site_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
):
    opened: list[Any] = []

    class FakeDesktop:
        @staticmethod
        def openUrl(url: Any) -> bool:
            opened.append(url)
            return True

    monkeypatch.setattr("editor.ui.publish_dialog.QDesktopServices", FakeDesktop)
    dialog = make_dialog([_article(workspace, "Fertige Meldung")])
    dialog.folder_edit.setText(str(site_dir))
    with qtbot.waitSignal(dialog.published, timeout=20_000):
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(site_dir)]


def test_translation_checks_block_and_warn_in_the_dialog(
    qtbot: Any, workspace: Any, make_dialog: DialogFactory
):
    german = (
        "Der Chiphersteller baut ein neues Werk in Sachsen. Die Landesregierung fördert den "
        "Bau mit mehreren hundert Millionen Euro, die Produktion soll bald beginnen."
    )
    source = _article(workspace, "Neues Chipwerk", body=german, group_id="g1")
    copy = _article(workspace, "Neues Chipwerk", language="en", body=german, group_id="g1")
    dialog = make_dialog([source, copy])

    blocked = _children(_item(dialog, copy))
    assert any(t.startswith("Blocking:") and "reads as German" in t for t in blocked)
    assert any(t.startswith("Blocking:") and "same as in the German version" in t for t in blocked)
    assert _item(dialog, copy).checkState(0) == Qt.CheckState.Unchecked
    assert _item(dialog, source).checkState(0) == Qt.CheckState.Checked
    assert dialog.selected_ids() == [source]


def test_the_checks_read_the_articles_once_not_one_by_one(
    workspace: Any, make_dialog: DialogFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.store import bulk

    ids = [_article(workspace, f"Meldung {n}") for n in range(12)]
    reads: list[int] = []
    real = bulk.articles_by_id

    def counting(session: Any, article_ids: Any) -> Any:
        reads.append(len(list(article_ids)))
        return real(session, article_ids)

    monkeypatch.setattr(bulk, "articles_by_id", counting)
    monkeypatch.setattr(
        workspace.articles, "get", lambda *_a: pytest.fail("one article read at a time (N+1)")
    )
    dialog = make_dialog(ids)
    assert sorted(dialog.selected_ids()) == sorted(ids)
    assert reads == [12], "one query for the chunk"


def test_unpublish_through_the_dialog_removes_the_page_on_the_shared_runner(
    qtbot: Any, workspace: Any, make_dialog: DialogFactory, site_dir: Path
) -> None:
    from editor.ui.runner import Runner

    aid = _article(workspace, "Geht offline")
    page = site_dir / workspace.publishing.publish([aid], site_dir).manifest.article_pages[aid]
    assert page.is_file()
    runner = Runner()
    dialog = make_dialog([aid], runner=runner, action="unpublish")
    assert dialog.publish_button.text() == "Unpublish"
    assert dialog.check_for(aid) is not None and dialog.check_for(aid).can_publish
    dialog.folder_edit.setText(str(site_dir))
    with qtbot.waitSignal(dialog.published, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [[aid]]
    assert not page.exists()
    assert workspace.articles.get(aid).status is Status.UNPUBLISHED
    runner.shutdown()


def test_unpublishing_a_draft_is_refused_in_the_dialog(
    workspace: Any, make_dialog: DialogFactory
) -> None:
    draft = _article(workspace, "Nie veröffentlicht", status=Status.DRAFT)
    dialog = make_dialog([draft], action="unpublish")
    check = dialog.check_for(draft)
    assert check is not None and check.blocking == ("It is draft, not on the site.",)
    assert not dialog.publish_button.isEnabled()
