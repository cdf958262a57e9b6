"""Start the main window as a user would (translators from the locale and the settings),
open its dialogs and panels, and report what it shows.  Run in a fresh process by
tests/gui/test_translations.py, because the system locale (LANG) is read once per process.

    python tests/gui/i18n_walk.py walk WORKDIR       # every visible text, as JSON
    python tests/gui/i18n_walk.py language WORKDIR   # the language chosen, menu titles

WORKDIR holds newsdesk.ini (the person's settings; the test writes the language choice
into it) and gets the archive.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NEWSDESK_MEANING_VECTORS"] = "0"

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

Found = tuple[str, str]  # (where, text)
TRANSLATED = "Ein Text über Chips."  # a segment the translation memory knows


def _wait(window: QMainWindow, ms: int = 10_000) -> None:
    waited = 0
    QTest.qWait(50)
    while window.runner.busy and waited < ms:  # type: ignore[attr-defined]
        QTest.qWait(20)
        waited += 20
    if os.environ.get("I18N_WALK_DEBUG"):
        print(f"waited {waited} ms: {window.runner.labels()}", file=sys.stderr)  # type: ignore[attr-defined]


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def _rich_parts(text: str) -> list[str]:
    """The plain pieces of a (possibly rich) text: tags removed, blocks split."""
    if "<" not in text:
        return [text]
    return [p.strip() for p in re.split(r"<[^>]+>", text) if p.strip()]


def widget_texts(widget: QWidget) -> Iterator[Found]:
    where = _name(widget)
    for prop, text in (
        ("toolTip", widget.toolTip()),
        ("accessibleName", widget.accessibleName()),
        ("windowTitle", widget.windowTitle() if widget.isWindow() else ""),
    ):
        if text:
            yield f"{where}.{prop}", text
    if isinstance(widget, QLabel | QMessageBox):
        for part in _rich_parts(widget.text()):
            yield f"{where}.text", part
    if isinstance(widget, QProgressDialog):
        yield f"{where}.labelText", widget.labelText()
    if isinstance(widget, QAbstractButton):
        yield f"{where}.text", widget.text()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        yield f"{where}.placeholderText", widget.placeholderText()
    if isinstance(widget, QProgressBar) and widget.isTextVisible():  # "%p% translated"
        yield f"{where}.text", widget.text()
    if isinstance(widget, QTextBrowser):  # composed by the interface (matches, diffs)
        for line in widget.toPlainText().splitlines():
            yield f"{where}.text", line
    if isinstance(widget, QDockWidget):
        yield f"{where}.windowTitle", widget.windowTitle()
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield f"{where}.tab[{index}]", widget.tabText(index)
            yield f"{where}.tabToolTip[{index}]", widget.tabToolTip(index)
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield f"{where}.item[{index}]", widget.itemText(index)
    if isinstance(widget, QListWidget):
        for index in range(widget.count()):
            yield f"{where}.item[{index}]", widget.item(index).text()
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for column in range(header.columnCount()):
            yield f"{where}.header[{column}]", header.text(column)
        for index in range(widget.topLevelItemCount()):
            item = widget.topLevelItem(index)
            yield f"{where}.row[{index}]", item.text(1) if item.columnCount() > 1 else ""
            for child in range(item.childCount()):  # the publish checks' findings
                yield f"{where}.row[{index}][{child}]", item.child(child).text(0)
    elif isinstance(widget, QTableWidget):
        for column in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(column)
            yield f"{where}.header[{column}]", item.text() if item else ""
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        for column in range(columns):
            header = model.headerData(column, Qt.Orientation.Horizontal)
            yield f"{where}.header[{column}]", str(header or "")
        palette = widget.objectName() == "paletteResults"
        for row in range(
            min(model.rowCount(QModelIndex()), 60)
        ):  # the palette's commands, a list page
            for column in range(columns):  # a table's every cell: a segment's status too
                index = model.index(row, column)
                yield f"{where}.row[{row}][{column}]", str(index.data() or "")
            # The palette's category; other models keep their own data in that role.
            detail = model.index(row, 0).data(Qt.ItemDataRole.UserRole + 3) if palette else None
            if isinstance(detail, str):
                yield f"{where}.detail[{row}]", detail


def window_texts(window: QMainWindow) -> Iterator[Found]:
    for action in window.menuBar().actions():
        yield f"menu {action.text()!r}", action.text()
        menu = action.menu()
        for item in menu.actions() if menu is not None else []:
            yield f"menu {action.text()!r} > {item.text()!r}", item.text()
            yield f"menu {action.text()!r} > {item.text()!r}.toolTip", item.toolTip()
    for action in window.actions():
        yield f"action {action.objectName()}", action.text()
        yield f"action {action.objectName()}.toolTip", action.toolTip()
        yield f"action {action.objectName()}.statusTip", action.statusTip()


def shown_texts() -> list[Found]:
    found: list[Found] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        if isinstance(top, QMainWindow):
            found.extend(window_texts(top))
        for widget in [top, *top.findChildren(QWidget)]:
            if widget is top or widget.isVisibleTo(top):
                found.extend((w, t) for w, t in widget_texts(widget) if t.strip())
    return found


def open_everything(window: QMainWindow, article_id: int) -> None:
    """The main window with an article, its panels, then the dialogs one by one."""
    from editor.core.merge import ConflictTexts
    from editor.ui.conflict.dialog import ConflictDialog

    window.open_article(article_id)  # type: ignore[attr-defined]
    _wait(window)
    for name in ("history", "related"):  # the related index may build for a while: not awaited
        if not window.panel_visible(name):  # type: ignore[attr-defined]
            window.toggle_panel(name)  # type: ignore[attr-defined]
        _wait(window, 2000)
    window.show_find(replace=True)  # type: ignore[attr-defined]
    window.toggle_panel("palette")  # type: ignore[attr-defined]
    _wait(window)
    window.open_tool("settings")  # type: ignore[attr-defined]
    window.show_publish_dialog([article_id], "publish")  # type: ignore[attr-defined]
    _wait(window)
    for tool in ("about", "shortcuts"):
        window.open_tool(tool)  # type: ignore[attr-defined]
    texts = ConflictTexts(
        article_id=article_id,
        theirs_version=3,
        fields=("body",),
        mine={"body": "a"},
        theirs={"body": "b"},
        base={"body": ""},
    )
    conflict = ConflictDialog(texts, window)
    conflict.show()
    QTest.qWait(100)


def _select_in_body(window: QMainWindow, text: str) -> None:
    from PySide6.QtGui import QTextCursor

    body = window.editor.body  # type: ignore[attr-defined]
    start = body.toPlainText().index(text)
    cursor = body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)


def open_entity_and_translation_parts(window: QMainWindow, ids: list[int]) -> None:
    """The entity and translation tools: Tag Selection as… on the first article, Translate
    to… for the second, then a translation of the first with the entity tags panel and
    the side-by-side translation view, the list filtered by an entity, the entity manager
    with an entity shown, and the palette offering the articles of a tag."""
    from editor.core.translation.tmx import TmPair
    from editor.ui.palette import CommandPalette

    ws = window.ws  # type: ignore[attr-defined]
    scholz = ws.entities.add("Olaf Scholz", "person", aliases=["Scholz"])
    ws.entities.tag(ids[0], ["Halbleiter", scholz])
    ws.memory.add([TmPair("de", "en", TRANSLATED, "A text about chips.", "walk")])
    window.open_article(ids[0])  # type: ignore[attr-defined]
    _wait(window)
    _select_in_body(window, "Dresden")
    window.open_tool("tag_selection")  # type: ignore[attr-defined]
    _wait(window)
    window.open_article(ids[1])  # type: ignore[attr-defined]
    _wait(window)
    window.open_tool("translate")  # type: ignore[attr-defined]
    _wait(window)
    translation = ws.translation.translate_to(ids[0], "en")
    ws.entities.tag(translation.id, ["Halbleiter"])
    window.open_article(translation.id)  # type: ignore[attr-defined]
    _wait(window)
    for name in ("entities", "translation"):
        if not window.panel_visible(name):  # type: ignore[attr-defined]
            window.toggle_panel(name)  # type: ignore[attr-defined]
        _wait(window)
    tools = window.entity_tools  # type: ignore[attr-defined]
    tools.filter_by_entity(ws.entities.find("Halbleiter").id)
    window.open_tool("entities")  # type: ignore[attr-defined]
    _wait(window)
    tools.manager.select_entity(scholz.id)
    panel = window.panels.built("translation")  # type: ignore[attr-defined]
    panel.select_segment("body:0")  # its memory match and checks in the side pane
    _wait(window)
    palette = window.findChild(CommandPalette)
    if palette is not None and palette.isVisible():
        palette.line_edit.setText("Halbleit")
        QTest.qWait(400)  # the palette searches after a short pause
    _wait(window)


def main(argv: list[str]) -> int:
    mode, workdir = argv[1], Path(argv[2])
    from editor.app.workspace import Workspace
    from editor.ui.app import application
    from editor.ui.i18n import install_translators
    from editor.ui.main_window import MainWindow
    from tests.gui.seeding import seed

    app = application()
    settings = QSettings(str(workdir / "newsdesk.ini"), QSettings.Format.IniFormat)
    language = install_translators(app, settings)
    ws = Workspace.open(str(workdir / "archive.sqlite"), user="tester")
    ids = seed(
        ws,
        [
            {
                "title": "Halbleiterwerk in Dresden",
                "body": f"{TRANSLATED}\n\nOlaf Scholz besucht Dresden.",
            },
            {"title": "Neue Chipfabrik", "status": "ready", "body": "Noch ein Text."},
        ],
    )
    window = MainWindow(ws, settings=settings)
    window.show()
    QTest.qWaitForWindowExposed(window)
    _wait(window)
    report: dict[str, object] = {"language": language}
    report["menus"] = [a.text() for a in window.menuBar().actions()]
    if mode == "walk":
        open_everything(window, ids[1])
        open_entity_and_translation_parts(window, ids)
        report["texts"] = shown_texts()
    print(json.dumps(report, ensure_ascii=False))
    sys.stdout.flush()
    os._exit(0)  # dialogs are open and a runner may be busy: no orderly teardown needed


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
