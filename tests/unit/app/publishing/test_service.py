"""Publishing from the archive: statuses, records, refusals, incremental runs, preview."""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from editor.core.publishing import OutputFolderError
from editor.core.workflow import Status


def _article(ws: Any, title: str, *, status: Status = Status.READY, **kw: Any) -> int:
    kw.setdefault("body", f"{title}: ein Text über **Technik**.")
    kw.setdefault("teaser", "Kurz gesagt.")
    kw.setdefault("author", "Anna Autorin")
    return ws.articles.create(title=title, status=status, **kw).id


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag of a page with its attributes, as a browser's parser sees them."""
    found: list[tuple[str, dict[str, str | None]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Collector().feed(html)
    return found


@pytest.fixture
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("site") / "out"


def test_publish_all_makes_ready_articles_published_and_records_them(
    workspace: Any, site_dir: Path
) -> None:
    ready = _article(workspace, "Bereit zum Druck", tags=["Technik"])
    draft = _article(workspace, "Noch im Entwurf", status=Status.DRAFT)
    result = workspace.publishing.publish(None, site_dir)
    assert result.published == [ready]
    assert workspace.articles.get(ready).status is Status.PUBLISHED
    assert workspace.articles.get(draft).status is Status.DRAFT
    page = site_dir / result.manifest.article_pages[ready]
    assert page.is_file()
    assert "Bereit zum Druck" in page.read_text(encoding="utf-8")
    records = workspace.publishing.publications(ready)
    assert len(records) == 1
    assert records[0].path == result.manifest.article_pages[ready]
    assert records[0].revision_number == workspace.articles.revisions(ready)[0].number
    assert not any(draft == aid for aid in result.manifest.article_pages)


def test_everything_ready_is_offered_by_title(workspace: Any) -> None:
    zebra = _article(workspace, "Zebra")
    apfel = _article(workspace, "apfel")
    _article(workspace, "Anfang", status=Status.DRAFT)
    trashed = _article(workspace, "Birne")
    workspace.articles.trash(trashed)
    assert workspace.publishing.ready_ids() == [apfel, zebra]


def test_named_drafts_are_refused_with_reason(workspace: Any, site_dir: Path) -> None:
    draft = _article(workspace, "Entwurf", status=Status.DRAFT)
    untitled = _article(workspace, "", status=Status.READY)
    ok = _article(workspace, "Fertig")
    result = workspace.publishing.publish([draft, untitled, ok], site_dir)
    assert result.published == [ok]
    assert "not ready" in result.refused[draft][0]
    assert any("title" in p.lower() for p in result.refused[untitled])
    assert workspace.articles.get(untitled).status is Status.READY


def test_hostile_body_is_sanitised_on_the_page(workspace: Any, site_dir: Path) -> None:
    aid = _article(
        workspace,
        "Sicher <script>alert(1)</script>",
        body='Text <img src=x onerror="alert(2)"> [x](javascript:alert(3))',
        author='<b onmouseover="alert(4)">Eve</b>',
    )
    result = workspace.publishing.publish([aid], site_dir)
    html = (site_dir / result.manifest.article_pages[aid]).read_text(encoding="utf-8")
    tags = _tags(html)
    assert all(name != "script" or not attrs.get("src") for name, attrs in tags)
    assert not [(n, a) for n, a in tags if any(k.startswith("on") for k in a)]
    assert not [(n, a) for n, a in tags if "javascript:" in (a.get("href") or "").lower()]
    assert "<script>alert" not in html


def test_incremental_publish_and_unpublish(workspace: Any, site_dir: Path) -> None:
    first = _article(workspace, "Erster Artikel")
    second = _article(workspace, "Zweiter Artikel")
    full = workspace.publishing.publish(None, site_dir)
    assert full.manifest.full_build
    second_page = site_dir / full.manifest.article_pages[second]
    first_page = site_dir / full.manifest.article_pages[first]
    first_mtime = first_page.stat().st_mtime_ns
    workspace.articles.update(second, {"body": "Ganz neuer Text."})
    again = workspace.publishing.correct(second, site_dir)
    assert not again.manifest.full_build
    assert "Ganz neuer Text." in second_page.read_text(encoding="utf-8")
    assert first_page.stat().st_mtime_ns == first_mtime, "an unrelated page was not rewritten"
    assert workspace.articles.get(second).status is Status.CORRECTED
    workspace.publishing.unpublish(second, site_dir)
    assert not second_page.exists()
    assert first_page.exists()
    actions = [r.action for r in workspace.publishing.publications(second)]
    assert actions == ["unpublish", "correct", "publish"]


def test_accepted_related_links_reach_the_page(workspace: Any, site_dir: Path) -> None:
    a = _article(workspace, "OpenAI sammelt Geld", tags=["OpenAI"])
    b = _article(workspace, "Wetterbericht aus Wien")
    workspace.publishing.publish(None, site_dir)
    workspace.related.accept(a, b)
    result = workspace.publishing.publish([a], site_dir)
    html = (site_dir / result.manifest.article_pages[a]).read_text(encoding="utf-8")
    assert "Wetterbericht aus Wien" in html


def test_output_holding_the_archive_file_is_refused(workspace: Any, db_path: Path) -> None:
    aid = _article(workspace, "Artikel")
    with pytest.raises(OutputFolderError, match="overlaps"):
        workspace.publishing.publish([aid], db_path.parent)
    assert workspace.articles.get(aid).status is Status.READY, "nothing changed"


def test_a_site_folder_beside_the_archive_file_is_fine(workspace: Any, db_path: Path) -> None:
    # ~/work/news.sqlite and ~/work/site: the site folder holds none of the archive.
    aid = _article(workspace, "Artikel")
    result = workspace.publishing.publish([aid], db_path.parent / "site")
    assert result.published == [aid]
    assert (db_path.parent / "site" / result.manifest.article_pages[aid]).is_file()
    assert db_path.is_file()


def test_output_that_is_a_file_is_refused(workspace: Any, tmp_path_factory: Any) -> None:
    target = tmp_path_factory.mktemp("x") / "file.txt"
    target.write_text("keep me")
    with pytest.raises(OutputFolderError, match="is a file"):
        workspace.publishing.publish([_article(workspace, "A")], target)
    assert target.read_text() == "keep me"


def test_preview_renders_a_draft_without_writing(workspace: Any) -> None:
    aid = _article(
        workspace, "Vorschau", status=Status.DRAFT, body="# Kopf\n\n<script>x()</script>"
    )
    html = workspace.publishing.preview_html(aid)
    assert "Vorschau" in html and "<h1" in html
    assert "<script>x()" not in html


def test_site_settings_round_trip(workspace: Any) -> None:
    settings = workspace.publishing.update_site_settings(site_name="Technik-News")
    assert settings.site_name == "Technik-News"
    assert workspace.publishing.site_settings().site_name == "Technik-News"
    with pytest.raises(ValueError, match="unknown site settings"):
        workspace.publishing.update_site_settings(colour="red")


def test_an_autosaved_edit_of_the_same_length_is_republished(
    workspace: Any, site_dir: Path
) -> None:
    aid = _article(workspace, "Gleich lang", body="Alter Text.")
    first = workspace.publishing.publish(None, site_dir)
    page = site_dir / first.manifest.article_pages[aid]
    workspace.articles.update(aid, {"body": "Neuer Text."})  # same length, no revision
    workspace.publishing.publish(None, site_dir)
    assert "Neuer Text." in page.read_text(encoding="utf-8")


def test_a_tag_change_reaches_the_page_on_the_next_run(workspace: Any, site_dir: Path) -> None:
    aid = _article(workspace, "Mit Schlagwort", tags=["Alt"])
    first = workspace.publishing.publish(None, site_dir)
    page = site_dir / first.manifest.article_pages[aid]
    assert "Alt" in page.read_text(encoding="utf-8")
    workspace.articles.update(aid, {"tags": ["Neu"]})
    workspace.publishing.publish([aid], site_dir)
    html = page.read_text(encoding="utf-8")
    assert "Neu" in html and ">Alt<" not in html


def test_a_full_publish_prepares_every_pages_suggestions_at_once(
    workspace: Any, site_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [
        _article(
            workspace,
            f"Chipfabrik Nummer {n}",
            body=f"Halbleiter Wafer Fabrik {n}.",
            status=Status.PUBLISHED,  # a status move would drop the lists (it changes them)
        )
        for n in range(4)
    ]
    accepted = _article(workspace, "Mit Links", body="Halbleiter Wafer.", status=Status.PUBLISHED)
    workspace.related.accept(accepted, ids[0])
    announced: list[list[int]] = []
    real = workspace.related.prepare_fill

    def recording(article_ids: Any, *args: Any, **kwargs: Any) -> int:
        announced.append(sorted(article_ids))
        return real(article_ids, *args, **kwargs)

    monkeypatch.setattr(workspace.related, "prepare_fill", recording)
    workspace.publishing.publish(None, site_dir, full_rebuild=True)
    assert announced == [sorted(ids)], "one call, for the pages without accepted links"
    kept = workspace.related.fill.kept()
    assert set(ids) <= kept.keys()
    page = (
        site_dir / workspace.publishing.publish([ids[1]], site_dir).manifest.article_pages[ids[1]]
    )
    html = page.read_text(encoding="utf-8")
    assert "Chipfabrik Nummer 0" in html or "Chipfabrik Nummer 2" in html


def test_trashed_articles_are_refused(workspace: Any, site_dir: Path) -> None:
    gone = _article(workspace, "Im Papierkorb")
    workspace.articles.trash(gone)
    result = workspace.publishing.publish([gone], site_dir)
    assert result.published == []
    assert "It is in the trash." in result.refused[gone]


def test_check_many_reads_the_site_once_and_agrees_with_check(
    workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _article(workspace, "Fertig und gut")
    untitled = _article(workspace, "")
    clash = _article(workspace, "Fertig und gut", status=Status.PUBLISHED)
    singles = {i: workspace.publishing.check(i) for i in (good, untitled, clash)}
    reads: list[int] = []
    real = workspace.publishing.site_articles

    def counting() -> Any:
        reads.append(1)
        return real()

    monkeypatch.setattr(workspace.publishing, "site_articles", counting)
    many = workspace.publishing.check_many([good, untitled, clash, 999_999])
    assert len(reads) == 1
    assert set(many) == {good, untitled, clash}, "an unknown id is left out"
    for article_id, single in singles.items():
        assert [p.message for p in many[article_id].blocking] == [
            p.message for p in single.blocking
        ]
        assert [p.message for p in many[article_id].warnings] == [
            p.message for p in single.warnings
        ]
    assert many[untitled].blocking, "an empty title blocks"


def test_recent_posts_of_other_pages_follow_a_deferring_publish(
    workspace: Any, site_dir: Path
) -> None:
    older = _article(workspace, "Ältere Meldung")
    first = workspace.publishing.publish([older], site_dir)
    page = site_dir / first.manifest.article_pages[older]
    newer = _article(workspace, "Neueste Meldung")
    result = workspace.publishing.publish([newer], site_dir, defer_recent_posts=True)
    assert result.published == [newer]
    assert result.manifest.recent_posts_due == 1
    assert "Neueste Meldung" not in page.read_text(encoding="utf-8")
    refreshed = workspace.publishing.refresh_recent_posts(site_dir)
    assert refreshed.recent_posts_due == 0
    assert "Neueste Meldung" in page.read_text(encoding="utf-8")


GERMAN_TEXT = (
    "Der Chiphersteller baut ein neues Werk in Sachsen. Die Landesregierung fördert den Bau "
    "mit mehreren hundert Millionen Euro, die Produktion soll in drei Jahren beginnen.\n\n"
    "Gewerkschaften begrüßen die neuen Arbeitsplätze, Umweltverbände sorgen sich um den "
    "hohen Wasserverbrauch der Fabrik in einer ohnehin trockenen Region."
)
ENGLISH_TEXT = (
    "The chip maker is building a new plant in Saxony. The state government supports the "
    "project with several hundred million euros, and production is due to start in three "
    "years.\n\nUnions welcome the new jobs, while environmental groups worry about the "
    "factory's high water use in a region that is already dry."
)


def test_translation_checks_block_a_copied_text_until_it_is_translated(
    workspace: Any, site_dir: Path
) -> None:
    ws = workspace
    source = _article(ws, "Neues Chipwerk", body=GERMAN_TEXT, group_id="g-chip")
    # The English version starts as a copy of the German text.
    copy = _article(
        ws, "New chip plant", language="en", body=GERMAN_TEXT, teaser="", group_id="g-chip"
    )

    check = ws.publishing.check(copy)
    assert {p.code for p in check.blocking} == {
        "translation.wrong_language",
        "translation.untranslated",
    }
    result = ws.publishing.publish(None, site_dir)
    assert result.published == [source]
    assert any("2 of 2 paragraphs are the same" in p for p in result.refused[copy])
    assert ws.articles.get(copy).status is Status.READY  # left for the editor

    ws.articles.update(copy, {"body": ENGLISH_TEXT})
    assert ws.publishing.check(copy).ok
    assert ws.publishing.publish([copy], site_dir).published == [copy]


def test_a_translation_whose_source_changed_since_gets_a_warning(workspace: Any) -> None:
    ws = workspace
    source = _article(ws, "Neues Chipwerk", body=GERMAN_TEXT, group_id="g-chip")
    translation = _article(
        ws, "New chip plant", language="en", body=ENGLISH_TEXT, group_id="g-chip"
    )
    assert "translation.behind" not in {p.code for p in ws.publishing.check(translation).warnings}

    # The German text is corrected two hours after the translation was last edited.
    from editor.store.models import Article as ArticleRow

    later = ws.articles.get(translation).updated_at + timedelta(hours=2)
    with ws.db.session(write=True) as s:
        s.get(ArticleRow, source).updated_at = later

    warnings = {p.code: p.message for p in ws.publishing.check(translation).warnings}
    assert "German version was changed" in warnings["translation.behind"]
    assert "translation.behind" not in {p.code for p in ws.publishing.check(source).warnings}


def test_a_run_and_a_review_read_the_site_once(
    workspace: Any, site_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.app.publishing.review import CHECK_CHUNK
    from editor.store import links

    on_site = _article(workspace, "Schon online")
    workspace.publishing.publish([on_site], site_dir)
    reads: list[object] = []
    real = links.accepted_targets

    def counting(session: Any, article_ids: Any = None) -> Any:
        reads.append(article_ids)
        return real(session, article_ids)

    monkeypatch.setattr(links, "accepted_targets", counting)
    asked = _article(workspace, "Neu")
    assert workspace.publishing.publish([asked], site_dir).published == [asked]
    assert len(reads) == 1, "the checks and the pages use one reading of the site"
    reads.clear()
    checks = workspace.publishing.review([asked] * (CHECK_CHUNK + 1))
    assert len(checks) == CHECK_CHUNK + 1
    assert len(reads) == 1, "one reading for every chunk of the review"


def test_a_quick_preview_leaves_out_links_the_index_would_have_to_be_built_for(
    workspace: Any,
) -> None:
    ws = workspace
    shown = ws.articles.create(title="Chipfabrik in Dresden", body="Halbleiter aus Sachsen.")
    ws.articles.create(
        title="Halbleiterwerk in Sachsen",
        body="Chipfabrik in Dresden wächst. Halbleiter aus Sachsen.",
        status=Status.PUBLISHED,
    )
    quick = ws.publishing.preview_page(shown.id, quick=True, restyle=lambda css: "p {}")
    assert quick.links_pending and not ws.related.is_built
    assert 'id="related-heading"' not in quick.html  # (the other is among recent posts)
    assert "<style>p {}</style>" in quick.html  # the stylesheet as restyled
    whole = ws.publishing.preview_page(shown.id)
    assert not whole.links_pending and 'id="related-heading"' in whole.html
    again = ws.publishing.preview_page(shown.id, quick=True)  # the index is in use now
    assert not again.links_pending and 'id="related-heading"' in again.html
