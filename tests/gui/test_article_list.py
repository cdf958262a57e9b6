"""The article list model: SQL sorting, filters, the quick filter, lazy pages."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from editor.core.workflow import Status
from editor.ui.article_list import (
    ARTICLE_ID_ROLE,
    AUTHOR,
    PAGE_SIZE,
    STATUS,
    TITLE,
    UPDATED,
    ArticleListModel,
)

from .seeding import seed


def titles(model: ArticleListModel) -> list[str]:
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def test_model_passes_qt_model_checks(qtmodeltester, workspace):
    seed(workspace, [{"title": "Eins"}, {"title": "Zwei", "status": "ready"}])
    model = ArticleListModel(workspace.articles)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_newest_first_then_sorted_by_a_clicked_column(workspace):
    seed(
        workspace,
        [
            {"title": "Banane", "author": "Zoe", "minutes": 1},
            {"title": "apfel", "author": "Anna", "minutes": 3},
            {"title": "Citrus", "author": "Mia", "minutes": 2},
        ],
    )
    model = ArticleListModel(workspace.articles)
    model.reload()
    assert titles(model) == ["apfel", "Citrus", "Banane"]  # updated, newest first

    model.sort(AUTHOR, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, AUTHOR).data() for r in range(3)] == ["Anna", "Mia", "Zoe"]
    assert model.query.order_by == "author" and not model.query.descending

    model.sort(AUTHOR, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, AUTHOR).data() for r in range(3)] == ["Zoe", "Mia", "Anna"]


def test_status_and_language_filters_combine(workspace):
    seed(
        workspace,
        [
            {"title": "de draft", "language": "de", "status": "draft"},
            {"title": "en draft", "language": "en", "status": "draft"},
            {"title": "de ready", "language": "de", "status": "ready"},
        ],
    )
    model = ArticleListModel(workspace.articles)
    model.reload()
    model.set_filter(status=Status.DRAFT)
    assert sorted(titles(model)) == ["de draft", "en draft"]
    model.set_filter(language="de")
    assert titles(model) == ["de draft"]
    model.set_filter(status=None)
    assert sorted(titles(model)) == ["de draft", "de ready"]
    assert model.index(0, STATUS).data(Qt.ItemDataRole.DecorationRole) is not None


def test_quick_filter_matches_title_and_author(workspace):
    seed(
        workspace,
        [
            {"title": "Übernahme bei Chipfirma", "author": "Eva"},
            {"title": "Wetter", "author": "Müller"},
            {"title": "Sport", "author": "Eva"},
        ],
    )
    model = ArticleListModel(workspace.articles)
    model.reload()
    model.set_filter(text="chipFIRMA")
    assert titles(model) == ["Übernahme bei Chipfirma"]
    model.set_filter(text="müller")
    assert titles(model) == ["Wetter"]
    model.set_filter(text="")
    assert model.rowCount() == 3


def test_pages_are_fetched_lazily(workspace):
    count = 2 * PAGE_SIZE + 50
    ids = seed(workspace, [{} for _ in range(count)])
    model = ArticleListModel(workspace.articles)
    model.reload()
    assert model.rowCount() == PAGE_SIZE
    assert model.total == count
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    model.fetchMore(QModelIndex())
    assert model.rowCount() == count
    assert not model.canFetchMore(QModelIndex())
    loaded = {model.index(r, 0).data(ARTICLE_ID_ROLE) for r in range(model.rowCount())}
    assert loaded == set(ids)  # every article once, none twice across pages


def test_window_list_follows_sidebar_and_quick_filter(qtbot, workspace, make_window):
    seed(
        workspace,
        [
            {"title": "Eins", "status": "draft", "language": "de"},
            {"title": "Two", "status": "in_review", "language": "en"},
            {"title": "Drei", "status": "in_review", "language": "de"},
        ],
    )
    window = make_window(workspace)
    # The counts arrive just after the first paint.
    qtbot.waitUntil(lambda: window.sidebar.pile_text(Status.IN_REVIEW) == "In review (2)")
    assert window.sidebar.pile_text("all") == "All articles (3)"
    assert window.sidebar.language_codes() == ["de", "en"]

    window.sidebar.select_pile(Status.IN_REVIEW)
    assert sorted(titles(window.list_model)) == ["Drei", "Two"]
    window.sidebar.select_language("en")
    assert titles(window.list_model) == ["Two"]
    window.sidebar.select_language(None)
    window.sidebar.select_pile("all")
    window.quick_filter.setText("ein")
    qtbot.waitUntil(lambda: titles(window.list_model) == ["Eins"], timeout=2000)


def test_clicking_a_row_opens_the_article(qtbot, workspace, make_window):
    first, second = seed(workspace, [{"title": "Alt", "body": "alt"}, {"title": "Neu"}])
    window = make_window(workspace)
    row = window.list_model.row_of(first)
    rect = window.list_view.visualRect(window.list_model.index(row, TITLE))
    qtbot.mouseClick(window.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_article_id() == first
    assert window.editor.body.toPlainText() == "alt"
    assert second != first


def test_relative_times_age_without_a_new_query(qtbot, workspace):
    seed(workspace, [{"title": "Eins"}])
    model = ArticleListModel(workspace.articles)
    model.reload()
    before = model.index(0, UPDATED).data()
    workspace.articles.create(title="Zwei")  # not shown until a reload
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.refresh_times()
    assert model.rowCount() == 1
    assert model.index(0, UPDATED).data() == before  # seeded long ago: still a date
