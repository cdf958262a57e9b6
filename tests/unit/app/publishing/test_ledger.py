"""A status says what the site shows: published only together with a recorded
publication, and a run killed in between is repaired by the next command."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from editor.app.changes import SitePublished, StatusMoved
from editor.app.publishing import ledger
from editor.app.publishing.service import SiteState
from editor.core.publishing.state import site_shows
from editor.core.workflow import Status


class Killed(BaseException):
    """Stands for the process dying at that instant (nothing after it runs)."""


def _article(ws: Any, title: str, *, status: Status = Status.READY, **kw: Any) -> int:
    kw.setdefault("body", f"{title}: ein Text über **Technik**.")
    kw.setdefault("teaser", "Kurz gesagt.")
    kw.setdefault("author", "Anna Autorin")
    return ws.articles.create(title=title, status=status, **kw).id


@pytest.fixture
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("site") / "out"


def _kill_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process dies after the site was written, before the record."""

    def killed(*_args: Any, **_kw: Any) -> Any:
        raise Killed

    monkeypatch.setattr(ledger, "record", killed)


def test_killed_after_the_pages_the_next_start_records_them(
    workspace: Any, site_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = _article(workspace, "Nach dem Schreiben")
    with monkeypatch.context() as patch:
        _kill_record(patch)
        with pytest.raises(Killed):
            workspace.publishing.publish([aid], site_dir)
    # The site shows it, the archive does not say so yet: never "published" without pages.
    assert aid in (site_shows(site_dir) or {})
    assert workspace.articles.get(aid).status is Status.READY
    assert workspace.publishing.publications(aid) == []

    message = workspace.publishing.repair()
    assert message is not None and "recorded now" in message
    assert workspace.articles.get(aid).status is Status.PUBLISHED
    records = workspace.publishing.publications(aid)
    assert [r.action for r in records] == ["publish"]
    assert records[0].path == site_shows(site_dir)[aid][1]
    assert workspace.publishing.repair() is None, "repaired once"


def test_killed_before_the_pages_nothing_is_recorded(
    workspace: Any, site_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.app.publishing import service

    aid = _article(workspace, "Vor dem Schreiben")

    def killed(*_args: Any, **_kw: Any) -> Any:
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(service, "publish_site", killed)
        _kill_record(patch)  # whatever happens, no record may be written after a kill
        with pytest.raises(Killed):
            workspace.publishing.publish([aid], site_dir)
    # The failing run dropped its own plan when it could (an exception, not a real kill).
    assert ledger.pending_plan(workspace.db) is None
    assert workspace.articles.get(aid).status is Status.READY


def test_a_plan_left_by_a_real_kill_before_the_pages_is_dropped(
    workspace: Any, site_dir: Path
) -> None:
    aid = _article(workspace, "Nie geschrieben")
    article = workspace.articles.get(aid)
    plan = ledger.Plan(
        action="publish",
        output=site_dir,
        at=article.updated_at,
        moves={aid: Status.PUBLISHED},
        expected={aid: "not-on-the-site"},
    )
    ledger.write_plan(workspace.db, plan)  # what a process killed right after it leaves
    message = workspace.publishing.repair()
    assert message is not None and "had not reached the site" in message
    assert workspace.articles.get(aid).status is Status.READY
    assert workspace.publishing.publications(aid) == []
    assert ledger.pending_plan(workspace.db) is None


def test_unpublish_killed_after_the_pages_is_recorded_on_repair(
    workspace: Any, site_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = _article(workspace, "Geht offline")
    workspace.publishing.publish([aid], site_dir)
    with monkeypatch.context() as patch:
        _kill_record(patch)
        with pytest.raises(Killed):
            workspace.publishing.unpublish(aid, site_dir)
    assert aid not in (site_shows(site_dir) or {})
    assert workspace.articles.get(aid).status is Status.PUBLISHED
    # The next run repairs first, then does its own work.
    other = _article(workspace, "Ein anderer")
    workspace.publishing.publish([other], site_dir)
    assert workspace.articles.get(aid).status is Status.UNPUBLISHED
    assert [r.action for r in workspace.publishing.publications(aid)] == ["unpublish", "publish"]


def test_status_moves_with_the_record_and_is_announced_after(
    workspace: Any, site_dir: Path
) -> None:
    aid = _article(workspace, "Angekündigt")
    seen: list[tuple[str, Any]] = []

    def on_moved(change: StatusMoved) -> None:
        # By the time anyone hears of the move, the publication is recorded.
        seen.append(("moved", len(workspace.publishing.publications(aid))))

    workspace.changes.subscribe(StatusMoved, on_moved)
    workspace.changes.subscribe(SitePublished, lambda c: seen.append(("site", c.ids)))
    workspace.publishing.publish([aid], site_dir)
    assert seen == [("moved", 1), ("site", (aid,))]


def test_correct_runs_the_gate_checks(workspace: Any, site_dir: Path) -> None:
    aid = _article(workspace, "Wird korrigiert")
    workspace.publishing.publish([aid], site_dir)
    workspace.articles.update(aid, {"title": "   "})
    result = workspace.publishing.correct(aid, site_dir)
    assert result.published == []
    assert any("title" in p.lower() for p in result.refused[aid])
    assert workspace.articles.get(aid).status is Status.PUBLISHED, "refused: no move"


def test_the_next_run_finds_a_freshly_published_site_up_to_date(
    workspace: Any, site_dir: Path
) -> None:
    # (Without suggestions: articles that went out together may suggest each other
    # once the index knows them as published.)
    workspace.publishing.update_site_settings(fill_related_with_suggestions=False)
    ids = [_article(workspace, f"Artikel {n}") for n in range(3)]
    workspace.publishing.publish(ids, site_dir)
    before = site_shows(site_dir)
    again = workspace.publishing.publish(None, site_dir)
    assert sorted(again.published) == sorted(ids)
    assert again.manifest.written == (), "the status move did not make the pages stale"
    assert site_shows(site_dir) == before


def test_an_edited_published_article_shows_the_site_is_out_of_date(
    workspace: Any, site_dir: Path
) -> None:
    aid = _article(workspace, "Wird bearbeitet")
    ws = workspace
    assert ws.publishing.site_state(ws.articles.get(aid)) is SiteState.OFF
    ws.publishing.publish([aid], site_dir)
    assert ws.publishing.site_state(ws.articles.get(aid)) is SiteState.CURRENT
    ws.articles.update(aid, {"body": "Ein neuer Text."})
    assert ws.publishing.site_state(ws.articles.get(aid)) is SiteState.OUT_OF_DATE
    ws.publishing.publish([aid], site_dir)  # "Update"
    assert ws.publishing.site_state(ws.articles.get(aid)) is SiteState.CURRENT


def test_updated_is_shown_only_for_edits_after_the_first_publication(
    workspace: Any, site_dir: Path
) -> None:
    ws = workspace
    aid = _article(ws, "Zeitangaben")
    ws.articles.update(aid, {"body": "Vor der Veröffentlichung bearbeitet."})
    result = ws.publishing.publish([aid], site_dir)
    page = site_dir / result.manifest.article_pages[aid]
    assert "Aktualisiert" not in page.read_text(encoding="utf-8")
    ws.articles.update(aid, {"body": "Nach der Veröffentlichung bearbeitet."})
    ws.publishing.correct(aid, site_dir)
    assert "Aktualisiert" in page.read_text(encoding="utf-8")


def test_checks_and_a_run_on_two_threads_agree(workspace: Any, site_dir: Path) -> None:
    ids = [_article(workspace, f"Parallel {n}") for n in range(6)]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def checks() -> None:
        start.wait()
        try:
            for _ in range(5):
                assert set(workspace.publishing.check_many(ids)) == set(ids)
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=checks)
    thread.start()
    start.wait()
    result = workspace.publishing.publish(ids, site_dir)
    thread.join()
    assert errors == []
    assert sorted(result.published) == sorted(ids)
    shown = site_shows(site_dir) or {}
    assert set(ids) <= shown.keys()


def test_a_refresh_of_the_recent_posts_killed_while_applying_is_finished_and_said(
    workspace: Any, site_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.core.publishing import writer

    first = _article(workspace, "Erster Artikel")
    workspace.publishing.publish([first], site_dir)
    second = _article(workspace, "Zweiter Artikel")
    workspace.publishing.publish([second], site_dir, defer_recent_posts=True)
    page = site_dir / workspace.publishing.publications(first)[0].path
    assert "Zweiter Artikel" not in page.read_text(encoding="utf-8"), "left for the refresh"

    def killed(_output: Path) -> None:
        raise Killed  # the journal is committed, not applied

    with monkeypatch.context() as patch:
        patch.setattr(writer, "_apply_journal", killed)
        with pytest.raises(Killed):
            workspace.publishing.refresh_recent_posts(site_dir)
    message = workspace.publishing.repair()
    assert message is not None and "recent posts" in message and "finished" in message
    assert "Zweiter Artikel" in page.read_text(encoding="utf-8")


def test_a_run_warns_only_about_the_articles_asked_for(workspace: Any, site_dir: Path) -> None:
    noisy = _article(workspace, "Ohne Autor", status=Status.PUBLISHED, author="")
    asked = _article(workspace, "Kurz und gut")
    # The first run is a full build: it checks every article on the site.
    result = workspace.publishing.publish([asked], site_dir)
    assert result.manifest.full_build
    assert any(f"article {noisy}:" in w for w in result.manifest.warnings), "checked"
    assert not any(f"article {noisy}:" in w for w in result.warnings), "not reported"
    own = workspace.publishing.publish([noisy], site_dir)
    assert any(f"article {noisy}:" in w for w in own.warnings)


def test_the_site_speaks_every_language_of_the_archive_until_chosen(workspace: Any) -> None:
    from editor.app.publishing import site_languages

    assert site_languages(None, ["zh", "en"]) == ("de", "en", "zh")
    assert site_languages(["en"], ["zh", "en"]) == ("en",)
    _article(workspace, "深圳传感器", language="zh")
    assert workspace.publishing.site_languages() == ("de", "en", "zh")
    workspace.publishing.update_site_settings(languages=["en", "de"])
    assert workspace.publishing.site_languages() == ("en", "de")
