from __future__ import annotations

import pytest

from editor.commands.search import (
    MIN_SCORE,
    article_candidates,
    rank_commands,
    score_text,
    search,
    search_articles,
)


def titles(results) -> list[str]:
    return [r.title for r in results]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("artcle new", "New Article"),  # typo and word order
        ("pubish", "Publish…"),  # a letter missing
        ("archve", "Archive"),
        ("dup", "Duplicate Article"),  # word prefix
        ("na", "New Article"),  # initials
        ("find rep", "Find and Replace…"),
        ("löschen", "Move Article to Trash"),  # a keyword, non-ASCII
        ("qu", "Quit"),
    ],
)
def test_commands_best_match_first(registry, query: str, expected: str) -> None:
    assert titles(rank_commands(query, registry))[0] == expected


def test_unrelated_query_matches_nothing(registry) -> None:
    assert rank_commands("zzqxv", registry) == []
    assert score_text("zzqxv", "New Article") < MIN_SCORE


def test_word_prefix_beats_a_mere_fuzzy_match() -> None:
    assert score_text("prev", "Preview") > score_text("prev", "Revive as Draft")


def test_empty_query_lists_recent_commands_first(registry, ctx) -> None:
    registry.run("view.preview", ctx)
    registry.run("edit.find", ctx)
    results = rank_commands("", registry, recent=registry.recent())
    assert titles(results)[:2] == ["Find…", "Preview"]
    assert len(results) == sum(1 for c in registry if c.palette)


def test_recent_use_breaks_a_tie(registry, ctx) -> None:
    before = titles(rank_commands("trash", registry))
    registry.run("view.sidebar", ctx)  # unrelated, to have more than one recent
    registry.note_used("trash.empty")
    after = titles(rank_commands("trash", registry, recent=registry.recent()))
    assert before[0] != "Empty Trash…"
    assert after[0] == "Empty Trash…"


def test_shortcut_and_category_are_reported(registry) -> None:
    result = rank_commands("new article", registry)[0]
    assert (result.kind, result.id, result.shortcut, result.detail) == (
        "command",
        "article.new",
        "Ctrl+N",
        "Article",
    )


GERMAN = {
    ("commands", "New Article"): "Neuer Artikel",
    ("commands", "Move Article to Trash"): "Artikel in den Papierkorb verschieben",
    ("commands", "Settings…"): "Einstellungen…",
    ("menus", "Article"): "Artikel",
}


def german(context: str, text: str) -> str:
    """A stand-in for the window's QCoreApplication.translate with a German .qm."""
    return GERMAN.get((context, text), text)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("neuer art", "article.new"),  # the shown (German) title
        ("papierkorb verschieben", "article.delete"),
        ("einstellungen", "app.settings"),
        ("new article", "article.new"),  # the English title still works
    ],
)
def test_a_translated_palette_matches_the_shown_titles_and_the_english_ones(
    registry, query: str, expected: str
) -> None:
    assert rank_commands(query, registry, translate=german)[0].id == expected


def test_a_translated_palette_shows_titles_and_categories_translated(registry) -> None:
    result = rank_commands("neuer artikel", registry, translate=german)[0]
    assert (result.title, result.detail) == ("Neuer Artikel", "Artikel")
    listed = {r.id: r.title for r in rank_commands("", registry, translate=german)}
    assert listed["app.settings"] == "Einstellungen…"


def test_disabled_commands_are_left_out_with_a_context(registry, ctx) -> None:
    assert "Save Revision" in titles(rank_commands("save", registry))
    assert "Save Revision" not in titles(rank_commands("save", registry, ctx=ctx))


def test_palette_hidden_commands_are_left_out(registry) -> None:
    assert "view.palette" not in [r.id for r in rank_commands("palette", registry)]


@pytest.fixture
def archive(workspace):
    make = workspace.articles.create
    return {
        "chip": make(title="Neuer Quantenchip von Intel vorgestellt"),
        "apple": make(title="Apple stellt neues MacBook vor", language="en"),
        "cjk": make(title="人工智能芯片的新进展", language="en"),
        "rust": make(title="Rust im Linux-Kernel", external_id="heise-4711"),
    }


def test_articles_found_despite_typos(workspace, archive) -> None:
    results = search_articles(workspace.articles, "Quantnchip")
    assert results[0].id == archive["chip"].id
    assert results[0].kind == "article"


def test_articles_by_word_prefixes_and_cjk(workspace, archive) -> None:
    assert search_articles(workspace.articles, "macb")[0].id == archive["apple"].id
    assert search_articles(workspace.articles, "芯片")[0].id == archive["cjk"].id


def test_article_by_external_id(workspace, archive) -> None:
    assert search_articles(workspace.articles, "heise-4711")[0].id == archive["rust"].id


def test_trashed_articles_are_not_offered(workspace, archive) -> None:
    workspace.articles.trash(archive["chip"].id)
    assert archive["chip"].id not in [
        r.id for r in search_articles(workspace.articles, "Quantenchip")
    ]


def test_candidates_stay_bounded_for_a_large_archive(workspace) -> None:
    for i in range(450):
        workspace.articles.create(title=f"Meldung {i} über Chips")
    candidates = article_candidates(workspace.articles, "chips")
    assert 0 < len(candidates) <= 300


def test_search_merges_commands_and_articles(registry, ctx, archive, index) -> None:
    results = search("apple macbook", registry, ctx, index=index)
    assert results[0].kind == "article"
    assert results[0].id == archive["apple"].id
    assert search("new article", registry, ctx, index=index)[0].id == "article.new"


def test_search_prefixes_select_the_kind(registry, ctx, archive, index) -> None:
    assert {r.kind for r in search(">rust", registry, ctx, index=index)} <= {"command"}
    only_articles = search("#rust", registry, ctx, index=index)
    assert [r.kind for r in only_articles] == ["article"]


def test_empty_search_shows_recent_commands_then_recent_articles(
    registry, ctx, archive, index
) -> None:
    registry.run("view.metadata", ctx)
    results = search("", registry, ctx, index=index)
    assert results[0].id == "view.metadata"
    assert results[1].kind == "article"
    assert results[1].id == archive["rust"].id  # edited last


def test_titles_holding_every_typed_word_rank_first() -> None:
    query = "vireo mobil verteidgt"  # a prefix and a typo
    complete = "Vireo Mobile verteidigt die Zusammenarbeit"
    partial = "A spokesperson for Polarwerk unveils rival Vireo Mobile"
    assert score_text(query, complete) > score_text(query, partial)
