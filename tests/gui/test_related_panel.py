"""The related-links panel on a real archive: suggestions, decisions, search, refreshing."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QListView

from editor.core.links import LinkState
from editor.core.related.dictionary import load_dictionary
from editor.core.workflow import Status
from editor.ui.panels.related import ARTICLE_ID_ROLE, REASONS_ROLE, RelatedPanel
from tests.gui.helpers import press

PanelFactory = Callable[..., RelatedPanel]
# The offscreen platform cannot raise a popup or grab the keyboard for it, and says so.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


def _publish(ws: Any, title: str, body: str, tags: list[str], lang: str = "de") -> int:
    return ws.articles.create(
        title=title, body=body, tags=tags, language=lang, status=Status.PUBLISHED
    ).id


@pytest.fixture(scope="module", autouse=True)
def _bilingual_dictionary() -> None:
    """Parse the German-English dictionary once, before the first timed wait (it takes seconds)."""
    load_dictionary()


@pytest.fixture
def archive(workspace: Any) -> dict[str, int]:
    """A small archive written for these tests: two stories on chips, one on weather."""
    ws = workspace
    return {
        "chips": _publish(
            ws,
            "Chipfabrik in Dresden wächst",
            "Der Halbleiterhersteller baut in Dresden eine zweite Chipfabrik; "
            "die Halbleiter sollen ab 2028 vom Band laufen.",
            ["Halbleiter", "Dresden"],
        ),
        "chips2": _publish(
            ws,
            "Halbleiter: Dresden bekommt Fördergeld",
            "Für die Chipfabrik in Dresden gibt es Fördergeld; Halbleiter bleiben knapp.",
            ["Halbleiter", "Dresden"],
        ),
        "chips_en": _publish(
            ws,
            "Dresden chip plant expands",
            "The semiconductor maker expands its chip plant in Dresden.",
            ["Halbleiter", "Dresden"],
            lang="en",
        ),
        "weather": _publish(
            ws, "Regen in Wien", "In Wien regnet es seit Tagen, die Donau steigt.", []
        ),
        "weather2": _publish(
            ws, "Hochwasser an der Donau", "Die Donau steigt in Wien weiter, es regnet.", []
        ),
    }


@pytest.fixture
def make_panel(qtbot: Any, panel_services: Any) -> Iterator[PanelFactory]:
    panels: list[RelatedPanel] = []

    def make(**options: Any) -> RelatedPanel:
        options.setdefault("refresh_delay_ms", 20)
        panel = RelatedPanel(panel_services, **options)
        qtbot.addWidget(panel)
        panel.resize(360, 600)
        panel.show()
        panels.append(panel)
        return panel

    yield make
    for panel in panels:  # before the widgets and the archive go away
        panel.shutdown()


@pytest.fixture
def gate(workspace: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """Make suggestions for chosen articles wait until the test opens the gate."""
    state: dict[str, Any] = {"hold": set(), "open": threading.Event(), "calls": []}
    original = workspace.related.suggest

    def suggest(article_id: int, *args: Any, **kwargs: Any) -> Any:
        state["calls"].append(article_id)
        if article_id in state["hold"]:
            state["open"].wait(10)
        return original(article_id, *args, **kwargs)

    monkeypatch.setattr(workspace.related, "suggest", suggest)
    yield state
    state["open"].set()  # never leave a worker waiting at teardown


def _loaded(qtbot: Any, panel: RelatedPanel, article_id: int) -> None:
    with qtbot.waitSignal(panel.suggestions_updated, timeout=10_000) as blocker:
        panel.show_article(article_id)
    assert blocker.args == [article_id]


def _stored(qtbot: Any, panel: RelatedPanel) -> None:
    """Wait until the decisions sent to the runner are written and their notices shown."""
    qtbot.waitUntil(lambda: not panel.runner.busy, timeout=5000)


def _select(view: QListView, article_id: int) -> None:
    model = view.model()
    row = next(
        r for r in range(model.rowCount()) if model.index(r).data(ARTICLE_ID_ROLE) == article_id
    )
    view.setCurrentIndex(model.index(row))
    view.setFocus()


def _accepted_ids(ws: Any, article_id: int) -> list[int]:
    return [c.target_id for c in ws.related.accepted(article_id)]


def test_shows_suggestions_with_reasons(qtbot: Any, archive: dict, make_panel: PanelFactory):
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    ids = panel.suggestion_model.ids()
    assert archive["chips2"] in ids
    assert archive["chips_en"] in ids
    assert archive["chips"] not in ids
    row = panel.suggestion_model.row_of(archive["chips2"])
    reasons = panel.suggestion_model.index(row).data(REASONS_ROLE)
    assert "Dresden" in reasons or "Halbleiter" in reasons
    assert ids[0] in (archive["chips2"], archive["chips_en"]), "the weather is no match"
    assert not panel.busy_bar.isVisible()


def test_first_query_says_the_index_is_being_built(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory
):
    assert not workspace.related.is_built
    panel = make_panel()
    with qtbot.waitSignal(panel.suggestions_updated, timeout=10_000):
        panel.show_article(archive["chips"])
        assert panel.status_label.text() == "Building the related-links index…"
        assert panel.busy
    assert workspace.related.is_built
    assert not panel.busy


def test_enter_accepts_a_suggestion_and_stores_it(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory
):
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    _select(panel.suggestion_view, archive["chips2"])
    press(panel.suggestion_view, Qt.Key.Key_Return)
    _stored(qtbot, panel)
    assert panel.accepted_model.ids() == [archive["chips2"]]
    assert archive["chips2"] not in panel.suggestion_model.ids()
    assert _accepted_ids(workspace, archive["chips"]) == [archive["chips2"]]
    stored = workspace.related.accepted(archive["chips"])[0]
    assert stored.reasons, "the reasons shown are kept with the decision"


def test_delete_rejects_a_suggestion_and_stores_it(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory
):
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    _select(panel.suggestion_view, archive["chips_en"])
    press(panel.suggestion_view, Qt.Key.Key_Delete)
    _stored(qtbot, panel)
    assert archive["chips_en"] not in panel.suggestion_model.ids()
    states = {c.target_id: c.state for c in workspace.related.choices(archive["chips"])}
    assert states == {archive["chips_en"]: LinkState.REJECTED}
    assert panel.accepted_model.ids() == []


def test_accept_button_and_reject_button_act_on_the_selection(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory
):
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    assert not panel.accept_button.isEnabled(), "nothing selected yet"
    _select(panel.suggestion_view, archive["chips_en"])
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    _stored(qtbot, panel)
    assert _accepted_ids(workspace, archive["chips"]) == [archive["chips_en"]]


def test_reorder_and_pin_are_stored(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory
):
    chips, first, second, third = (
        archive["chips"],
        archive["chips2"],
        archive["chips_en"],
        archive["weather"],
    )
    for target in (first, second, third):
        workspace.related.accept(chips, target)
    panel = make_panel()
    _loaded(qtbot, panel, chips)
    assert panel.accepted_model.ids() == [first, second, third]

    _select(panel.accepted_view, third)
    qtbot.mouseClick(panel.move_up_button, Qt.MouseButton.LeftButton)
    _stored(qtbot, panel)
    assert _accepted_ids(workspace, chips) == [first, third, second]
    assert panel.accepted_model.ids() == [first, third, second]

    press(panel.accepted_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    _stored(qtbot, panel)
    assert _accepted_ids(workspace, chips) == [first, second, third]

    # What a drag in the list does: move the first row below the last (the view
    # moves rows itself, or hands the dragged data to the model).
    assert panel.accepted_model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    _stored(qtbot, panel)
    assert _accepted_ids(workspace, chips) == [second, third, first]
    model = panel.accepted_model
    dragged = model.mimeData([model.index(2)])
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    _stored(qtbot, panel)
    assert _accepted_ids(workspace, chips) == [first, second, third]

    _select(panel.accepted_view, third)
    qtbot.mouseClick(panel.pin_button, Qt.MouseButton.LeftButton)
    _stored(qtbot, panel)
    stored = workspace.related.accepted(chips)
    assert [c.target_id for c in stored] == [third, first, second], "pinned goes on top"
    assert [c.pinned for c in stored] == [True, False, False]
    assert panel.accepted_model.ids() == [third, first, second]
    assert panel.pin_button.isChecked(), "the selection follows the pinned link"


def test_remove_forgets_an_accepted_link(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory
):
    workspace.related.accept(archive["chips"], archive["chips2"])
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    assert archive["chips2"] not in panel.suggestion_model.ids(), "accepted is not suggested"
    _select(panel.accepted_view, archive["chips2"])
    with qtbot.waitSignal(panel.suggestions_updated, timeout=10_000):
        press(panel.accepted_view, Qt.Key.Key_Delete)
    assert workspace.related.choices(archive["chips"]) == []
    assert panel.accepted_model.ids() == []
    assert archive["chips2"] in panel.suggestion_model.ids(), "it may be suggested again"


@OFFSCREEN_POPUP
def test_add_by_search_accepts_the_chosen_article(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory
):
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    panel.search_field.setFocus()
    qtbot.keyClicks(panel.search_field, "Donau")
    qtbot.waitUntil(lambda: len(panel.search_results()) == 1, timeout=5000)
    assert panel.search_results()[0].id == archive["weather2"]
    popup = panel.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    popup.setCurrentIndex(panel.completer.completionModel().index(0, 0))
    press(popup, Qt.Key.Key_Return)
    _stored(qtbot, panel)
    assert _accepted_ids(workspace, archive["chips"]) == [archive["weather2"]]
    assert panel.accepted_model.ids() == [archive["weather2"]]
    assert panel.search_field.text() == ""


@OFFSCREEN_POPUP
def test_search_leaves_out_the_article_itself_and_its_links(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory
):
    workspace.related.accept(archive["chips"], archive["chips2"])
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    panel.search_field.setFocus()
    qtbot.keyClicks(panel.search_field, "Dresden")
    qtbot.waitUntil(lambda: bool(panel.search_results()), timeout=5000)
    assert [r.id for r in panel.search_results()] == [archive["chips_en"]]


def test_refresh_after_an_edit_runs_off_the_gui_thread(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory, gate: dict
):
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    assert archive["weather2"] not in panel.suggestion_model.ids()[:2]
    gate["hold"].add(archive["chips"])

    workspace.articles.update(
        archive["chips"],
        {"title": "Regen in Wien", "body": "Die Donau steigt, in Wien regnet es.", "tags": []},
    )
    # The GUI keeps running (this wait processes its events) while the worker waits.
    qtbot.waitUntil(lambda: panel.busy, timeout=5000)
    assert panel.status_label.text() == "Finding related articles…"
    assert panel.busy_bar.isVisible()
    with qtbot.waitSignal(panel.suggestions_updated, timeout=10_000):
        gate["open"].set()
    assert panel.suggestion_model.ids()[0] in (archive["weather"], archive["weather2"])
    assert not panel.busy


def test_saves_in_a_burst_refresh_once(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory, gate: dict
):
    panel = make_panel(refresh_delay_ms=150)
    _loaded(qtbot, panel, archive["chips"])
    before = len(gate["calls"])
    for word in ("eins", "zwei", "drei"):
        workspace.articles.update(archive["chips"], {"body": f"Dresden Halbleiter {word}"})
    with qtbot.waitSignal(panel.suggestions_updated, timeout=10_000):
        pass
    assert len(gate["calls"]) - before == 1


def test_results_for_an_article_no_longer_shown_are_dropped(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory, gate: dict
):
    panel = make_panel()
    gate["hold"].add(archive["chips"])
    shown: list[int] = []
    panel.suggestions_updated.connect(shown.append)
    panel.show_article(archive["chips"])  # its worker waits at the gate
    qtbot.waitUntil(lambda: archive["chips"] in gate["calls"], timeout=5000)
    panel.show_article(archive["weather"])
    gate["open"].set()
    qtbot.waitUntil(lambda: shown == [archive["weather"]], timeout=10_000)
    panel.runner.wait(5000)
    qtbot.wait(50)  # let any late delivery arrive
    assert shown == [archive["weather"]]
    assert archive["weather2"] in panel.suggestion_model.ids()
    assert archive["chips2"] not in panel.suggestion_model.ids()[:1]


def test_double_click_asks_to_open_the_article(qtbot: Any, archive: dict, make_panel: PanelFactory):
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    view = panel.suggestion_view
    first = panel.suggestion_model.index(0)
    centre = view.visualRect(first).center()
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.open_article_requested, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [panel.suggestion_model.ids()[0]]


def test_without_an_article_the_panel_is_empty_and_disabled(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory
):
    workspace.related.accept(archive["chips"], archive["chips2"])
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    panel.show_article(None)
    assert panel.accepted_model.rowCount() == 0
    assert panel.suggestion_model.rowCount() == 0
    assert not panel.search_field.isEnabled()
    assert "Select an article" in panel.status_label.text()


def test_a_failure_is_shown_in_the_panel(
    qtbot: Any,
    workspace: Any,
    archive: dict,
    make_panel: PanelFactory,
    monkeypatch: pytest.MonkeyPatch,
):
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("the index is damaged")

    monkeypatch.setattr(workspace.related, "suggest", broken)
    panel = make_panel()
    panel.show_article(archive["chips"])
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert panel.status_label.text() == "Suggestions could not be computed: the index is damaged"
    assert not panel.busy_bar.isVisible()
    assert panel.suggestion_model.rowCount() == 0


def test_decisions_are_written_off_the_gui_thread(
    qtbot: Any,
    workspace: Any,
    archive: dict,
    make_panel: PanelFactory,
    monkeypatch: pytest.MonkeyPatch,
):
    on_gui_thread: list[bool] = []
    original = workspace.related.accept

    def accept(*args: Any, **kwargs: Any) -> None:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        original(*args, **kwargs)

    monkeypatch.setattr(workspace.related, "accept", accept)
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    _select(panel.suggestion_view, archive["chips2"])
    press(panel.suggestion_view, Qt.Key.Key_Return)
    _stored(qtbot, panel)
    assert on_gui_thread == [False]
    assert panel.accepted_model.ids() == [archive["chips2"]], "redrawn from the notice"


def test_a_decision_that_cannot_be_stored_is_shown(
    qtbot: Any,
    workspace: Any,
    archive: dict,
    make_panel: PanelFactory,
    monkeypatch: pytest.MonkeyPatch,
):
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise ValueError("the article is gone")

    monkeypatch.setattr(workspace.related, "reject", broken)
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    _select(panel.suggestion_view, archive["chips_en"])
    press(panel.suggestion_view, Qt.Key.Key_Delete)
    _stored(qtbot, panel)
    assert panel.status_label.text() == "Could not change the related links: the article is gone"
    assert archive["chips_en"] in panel.suggestion_model.ids(), "nothing was decided"


def test_accepting_leaves_no_other_suggestion_selected(
    qtbot: Any, workspace: Any, archive: dict, make_panel: PanelFactory
):
    panel = make_panel()
    _loaded(qtbot, panel, archive["chips"])
    assert len(panel.suggestion_model.ids()) >= 2
    _select(panel.suggestion_view, panel.suggestion_model.ids()[0])
    press(panel.suggestion_view, Qt.Key.Key_Return)
    _stored(qtbot, panel)
    assert not panel.suggestion_view.currentIndex().isValid()
    assert not panel.accept_button.isEnabled()
    press(panel.suggestion_view, Qt.Key.Key_Return)  # again: nothing is accepted
    _stored(qtbot, panel)
    assert len(_accepted_ids(workspace, archive["chips"])) == 1
