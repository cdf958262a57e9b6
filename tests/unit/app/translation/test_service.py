"""Translating an article: linked version, segments, memory, staleness, files, publishing."""

from __future__ import annotations

from typing import Any

import pytest

from editor.app.translation.files import export_xliff, import_xliff
from editor.app.translation.service import TranslationError
from editor.core.translation.staleness import Change, SegmentStatus
from editor.core.translation.xliff import XliffError, read_xliff

BODY = (
    "Der Hersteller hat am Dienstag ein neues Smartphone vorgestellt.\n\n"
    "Es kostet 999 Euro und kommt am 3. Oktober in den Handel.\n\n"
    "Mehr steht auf https://example.org/phone."
)


@pytest.fixture
def source(workspace: Any) -> Any:
    article = workspace.articles.create(
        language="de", title="Neues Smartphone", teaser="Ein Telefon für 999 Euro.",
        body=BODY, tags=["Samsung", "Smartphones"],
    )  # fmt: skip
    workspace.articles.save_revision(article.id)
    return workspace.articles.get(article.id)


def test_translate_to_creates_a_linked_version(workspace: Any, source: Any) -> None:
    translation = workspace.translation.translate_to(source.id, "en")
    assert translation.language == "en"
    assert translation.tags == ("Samsung", "Smartphones")
    assert translation.group_id is not None
    assert workspace.articles.get(source.id).group_id == translation.group_id
    link = workspace.translation.link(translation.id)
    assert (link.source_id, link.source_revision) == (source.id, 1)
    state = workspace.translation.state(translation.id)
    assert [r.key for r in state.rows] == ["title:0", "teaser:0", "body:0", "body:1", "body:2"]
    assert state.counts()["untranslated"] == 5 and state.progress == 0.0
    # Until translated, the version shows its source's text (the publish checks catch it).
    assert translation.body == BODY


def test_translate_to_refuses_the_same_language_and_a_second_version(
    workspace: Any, source: Any
) -> None:
    with pytest.raises(TranslationError, match="already in 'de'"):
        workspace.translation.translate_to(source.id, "de")
    first = workspace.translation.translate_to(source.id, "en")
    with pytest.raises(TranslationError, match=f"article {first.id}"):
        workspace.translation.translate_to(source.id, "en")


def _translate_all(workspace: Any, article_id: int) -> None:
    workspace.translation.save_segments(
        article_id,
        {
            "title:0": ("New smartphone", SegmentStatus.TRANSLATED),
            "teaser:0": ("A phone for 999 euros.", SegmentStatus.TRANSLATED),
            "body:0": ("The maker presented a new smartphone on Tuesday.",
                       SegmentStatus.REVIEWED),
            "body:1": ("It costs 999 euros and goes on sale on 3 October.",
                       SegmentStatus.TRANSLATED),
            "body:2": ("More at https://example.org/phone.", SegmentStatus.TRANSLATED),
        },
    )  # fmt: skip


def test_confirmed_segments_fill_the_article_and_the_memory(workspace: Any, source: Any) -> None:
    translation = workspace.translation.translate_to(source.id, "en")
    _translate_all(workspace, translation.id)
    article = workspace.articles.get(translation.id)
    assert article.title == "New smartphone"
    assert article.body.split("\n\n")[1] == "It costs 999 euros and goes on sale on 3 October."
    assert workspace.translation.state(translation.id).progress == 1.0
    assert workspace.translation.check(translation.id, languages=["de", "en"]) == []
    (match,) = workspace.memory.lookup("de", "en", "Es kostet 899 Euro und kommt am 3. Oktober.")
    assert match.entry.target.startswith("It costs 999 euros")
    assert 60 <= match.score < 100


def test_the_slug_follows_the_translated_title_until_set_by_hand(
    workspace: Any, source: Any
) -> None:
    translation = workspace.translation.translate_to(source.id, "en")
    assert translation.slug == "neues-smartphone"  # until the title is translated
    workspace.translation.save_segment(translation.id, "title:0", "New smartphone")
    assert workspace.articles.get(translation.id).slug == "new-smartphone"
    workspace.articles.update(translation.id, {"slug": "phone-launch"})
    workspace.translation.save_segment(translation.id, "title:0", "A new smartphone")
    article = workspace.articles.get(translation.id)
    assert (article.title, article.slug) == ("A new smartphone", "phone-launch")


def test_a_source_edit_shows_what_fell_behind_and_fixing_it_clears_it(
    workspace: Any, source: Any
) -> None:
    translation = workspace.translation.translate_to(source.id, "en")
    _translate_all(workspace, translation.id)
    paragraphs = BODY.split("\n\n")
    edited = [
        paragraphs[1].replace("999", "1099"),  # changed and moved up
        paragraphs[0],
        "Ein Akku hält zwei Tage.",  # added; the link paragraph is removed
    ]
    workspace.articles.update(source.id, {"body": "\n\n".join(edited)})
    state = workspace.translation.state(translation.id)
    assert state.outdated
    changes = {row.key: row.change for row in state.rows}
    assert changes["body:0"] is Change.CHANGED
    assert changes["body:1"] in (Change.MOVED, Change.UNCHANGED)
    assert changes["body:2"] is Change.ADDED
    assert [r.target for r in state.rows if r.change is Change.REMOVED] == [
        "More at https://example.org/phone."
    ]
    changed = state.row("body:0")
    assert changed.previous_source == paragraphs[1]
    assert changed.target.startswith("It costs 999")
    workspace.translation.save_segments(
        translation.id,
        {
            "body:0": ("It costs 1099 euros and goes on sale on 3 October.",
                       SegmentStatus.TRANSLATED),
            "body:2": ("A battery lasts two days.", SegmentStatus.TRANSLATED),
        },
    )  # fmt: skip
    state = workspace.translation.state(translation.id)
    assert not state.outdated and state.progress == 1.0
    assert workspace.articles.get(translation.id).body.split("\n\n") == [
        "It costs 1099 euros and goes on sale on 3 October.",
        "The maker presented a new smartphone on Tuesday.",
        "A battery lasts two days.",
    ]


def test_exact_memory_matches_fill_a_new_translation(workspace: Any, source: Any) -> None:
    first = workspace.translation.translate_to(source.id, "en")
    _translate_all(workspace, first.id)
    other = workspace.articles.create(language="de", title="Neues Smartphone", body=BODY)
    second = workspace.translation.translate_to(other.id, "en")
    assert workspace.memory.fill_exact(second.id) == 4  # the title was the only other text
    state = workspace.translation.state(second.id)
    assert state.row("body:1").target.startswith("It costs 999 euros")
    assert state.row("body:1").status is SegmentStatus.DRAFT


def test_checks_report_the_segment(workspace: Any, source: Any) -> None:
    translation = workspace.translation.translate_to(source.id, "en")
    workspace.memory.add_term("Samsung", None)
    workspace.translation.save_segment(translation.id, "body:1", "It costs 990 euros.")
    problems = workspace.translation.check(translation.id, languages=["de", "en"])
    assert ("body:1", "segment.numbers") in {(p.key, p.code) for p in problems}
    assert ("title:0", "segment.empty") in {(p.key, p.code) for p in problems}


def test_xliff_round_trip_through_an_outside_translator(workspace: Any, source: Any) -> None:
    translation = workspace.translation.translate_to(source.id, "en")
    data = export_xliff(workspace, translation.id)
    document = read_xliff(data)
    assert (document.source_lang, document.target_lang) == ("de", "en")
    translated = data.replace(
        b"<source>Neues Smartphone</source>",
        b'<source>Neues Smartphone</source><target state="translated">New phone</target>',
    )
    # Meanwhile the source's second paragraph changes: that unit comes back as a draft.
    workspace.articles.update(source.id, {"body": BODY.replace("999 Euro", "899 Euro")})
    paragraph = BODY.split("\n\n")[1].encode()
    translated = translated.replace(
        b"<source>" + paragraph + b"</source>",
        b"<source>" + paragraph + b'</source><target state="translated">It costs 999.</target>',
    )
    result = import_xliff(workspace, translated)
    assert result.applied == 1 and result.as_draft == ["body:1"] and not result.not_applied
    state = workspace.translation.state(translation.id)
    assert state.row("title:0").target == "New phone"
    assert state.row("body:1").status is SegmentStatus.DRAFT
    assert state.row("body:1").change is Change.CHANGED  # still behind its new source


def test_an_xliff_for_another_article_or_language_is_refused(workspace: Any, source: Any) -> None:
    translation = workspace.translation.translate_to(source.id, "en")
    data = export_xliff(workspace, translation.id)
    with pytest.raises(XliffError, match="'fr' translation"):
        import_xliff(workspace, data.replace(b'target-language="en"', b'target-language="fr"'))
    with pytest.raises(XliffError, match="not exported by Newsdesk"):
        import_xliff(workspace, data.replace(b"newsdesk-article-", b"other-"))


def test_tmx_export_and_import_through_the_memory(workspace: Any, source: Any) -> None:
    translation = workspace.translation.translate_to(source.id, "en")
    _translate_all(workspace, translation.id)
    data = workspace.memory.export_tmx()
    assert data.count(b"<tu ") == 5
    result = workspace.memory.import_tmx(data)
    assert (result.added, result.known) == (0, 5)


def test_publishing_uses_the_recorded_source(workspace: Any) -> None:
    """An English article written first in the group is not taken as the source of a
    version recorded as translated from the German one."""
    english = workspace.articles.create(language="en", title="Old story", body="Text.")
    german = workspace.articles.create(language="de", title="Neue Geschichte", body=BODY)
    translation = workspace.translation.translate_to(german.id, "fr")
    workspace.articles.update(english.id, {})  # unchanged; joins the group below
    from editor.store import articles as store

    with workspace.db.session(write=True) as s:
        group = workspace.articles.get(german.id).group_id
        store.update_article(s, english.id, {"group_id": group}, touch=False)
    from editor.app.publishing.translations import read_translations

    found = read_translations(workspace.db, [workspace.articles.get(translation.id)])
    assert found.sources[translation.id] == german.id


def test_translating_announces_the_new_version_and_saved_segments(
    workspace: Any, source: Any
) -> None:
    from editor.app.changes import ArticleCreated, ArticleSaved

    seen: list[Any] = []
    workspace.changes.subscribe(ArticleCreated, seen.append)
    workspace.changes.subscribe(ArticleSaved, seen.append)
    translation = workspace.translation.translate_to(source.id, "en")
    workspace.translation.save_segment(translation.id, "title:0", "New smartphone")
    assert [(type(c).__name__, c.article_id) for c in seen] == [
        ("ArticleCreated", translation.id),
        ("ArticleSaved", source.id),  # it joined the new translation group
        ("ArticleSaved", translation.id),
    ]
    assert seen[-1].article.title == "New smartphone"


def test_a_tmx_import_runs_as_an_operation_with_progress(workspace: Any) -> None:
    from editor.app.operations import ForegroundRunner
    from editor.app.translation import operations
    from editor.core.translation.tmx import TmPair, write_tmx

    data = write_tmx(
        [TmPair("de", "en", f"Satz {n}.", f"Sentence {n}.") for n in range(12_000)],
        source_lang="de",
    )
    seen: list[tuple[int, int]] = []
    result = ForegroundRunner(lambda d, t: seen.append((d, t))).run(
        operations.import_tmx(workspace, data)
    )
    assert result.added == 12_000
    assert seen == [(5000, 12_000), (10_000, 12_000), (12_000, 12_000)]
    match, *_ = ForegroundRunner().run(operations.lookup(workspace, "de", "en", "Satz 11999."))
    assert match.exact and match.entry.target == "Sentence 11999."


def test_a_draft_without_a_language_gets_one_among_the_site_languages(workspace: Any) -> None:
    assert workspace.translation.site_languages() == ("de", "en")
    found = workspace.translation.detect_language("The council voted on the budget on Tuesday.")
    assert found is not None and found.lang == "en"
    workspace.publishing.update_site_settings(languages=["de", "fr"])
    found = workspace.translation.detect_language("Le conseil a voté le budget mardi soir.")
    assert found is not None and found.lang == "fr"
    assert workspace.translation.detect_language("OK") is None


def test_an_omegat_memory_imports_and_its_matches_are_found(workspace: Any) -> None:
    from tests.unit.core.translation.test_tmx import OMEGAT_14_TMX

    result = workspace.memory.import_tmx(OMEGAT_14_TMX.encode(), origin="project_save.tmx")
    assert (result.added, result.known, result.tool) == (2, 0, "OmegaT")
    (match,) = workspace.memory.lookup("de", "en", "Der Akku des Galaxy S26 hält drei Tage.")
    assert match.entry.target == "The Galaxy S25's battery lasts two days."
    assert 60 <= match.score < 100
    assert match.entry.origin == "project_save.tmx"
    exact = workspace.memory.lookup("de", "en", "Die Preise beginnen bei 899 Euro.")
    assert exact[0].score == 100 and exact[0].entry.target == "Prices start at 899 euros."


def test_segment_checks_are_shown_before_publishing(workspace: Any, source: Any) -> None:
    translation = workspace.translation.translate_to(source.id, "en")
    _translate_all(workspace, translation.id)
    assert not any(
        w.code.startswith("segment.") for w in workspace.publishing.check(translation.id).warnings
    )
    workspace.memory.set_do_not_translate(["Smartphone"])  # the title says "smartphone"
    workspace.translation.save_segment(
        translation.id, "body:1", "It costs 99 euros and goes on sale on 3 October."
    )
    workspace.translation.save_segment(translation.id, "teaser:0", "A phone for 999 euros.")
    result = workspace.publishing.check(translation.id)
    messages = [str(w) for w in result.warnings if w.code.startswith("segment.")]
    assert any("body:1" in m and "999" in m for m in messages), messages
    assert any("title:0" in m and "Smartphone" in m for m in messages), messages
    # A version made elsewhere (no segments) is checked as before, without them.
    other = workspace.articles.create(language="fr", title="Autre", body="Texte.")
    assert not any(
        w.code.startswith("segment.") for w in workspace.publishing.check(other.id).warnings
    )


def test_a_new_draft_in_the_default_language_gets_the_language_its_text_reads_as(
    workspace: Any,
) -> None:
    workspace.publishing.update_site_settings(languages=["de", "en", "fr"])
    default = workspace.settings.values()["site.default_language"]
    assert default == "de"
    draft = workspace.articles.create(language=default)
    english = (
        "The city council voted on the new budget on Tuesday evening after a long "
        "debate about schools and roads."
    )
    tr = workspace.translation
    assert tr.new_draft_language(draft.id, english) == "en"
    assert tr.new_draft_language(draft.id, "The council voted.") is None  # too little to tell
    german = "Der Stadtrat hat am Dienstagabend nach langer Debatte den neuen Haushalt beschlossen."
    assert tr.new_draft_language(draft.id, german) is None  # it is already German
    # A language chosen on purpose (not the default), a translation, a published article:
    chosen = workspace.articles.create(language="fr")
    assert tr.new_draft_language(chosen.id, german) is None
    imported = workspace.articles.create(language="de", external_id="wire-1")
    assert tr.new_draft_language(imported.id, english) is None
    saved = workspace.articles.create(language="de", body=english)
    assert tr.new_draft_language(saved.id, english) == "en"
    workspace.articles.save_revision(saved.id)
    assert tr.new_draft_language(saved.id, english) is None  # an article kept, not new
    translation = tr.translate_to(draft.id, "en")
    assert tr.new_draft_language(draft.id, english) is None  # now in a group
    assert tr.new_draft_language(translation.id, german) is None
