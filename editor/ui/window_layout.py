"""How the main window shares its width between the list, the editor and the side panels.

What a desktop program does when its window is small: the side panels give way
before the work does.

- Below :data:`COMPACT_BELOW` pixels the status sidebar folds away (drag the
  splitter's edge to bring it back) and the docks on the right become tabs of
  one narrow column, so that the editor keeps at least :data:`EDITOR_MIN`
  pixels.  This happens when the window crosses the threshold, not on every
  resize: a splitter the user drags stays where it was put.
- In the article list the title stretches and the other columns keep widths
  made for their content; when the list is too narrow for a readable title,
  the author, the language and then the time of the last change are hidden
  (they come back when there is room; the status stays).
- The list's columns and the splitter are remembered between sessions, but a
  saved title can never take the whole width again: the title always
  stretches, and a saved column wider than twice its content is cut back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QHeaderView, QTableView, QWidget

from editor.ui.article_list import AUTHOR, LANGUAGE, TITLE, UPDATED

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

COMPACT_BELOW = 1200  # px of window width
EDITOR_MIN = 450  # px the editor keeps in a compact window
DOCK_NARROW = 230  # px of the docks on the right in a compact window
SIDEBAR_WIDE = 170  # px of the status sidebar in a wide window
TITLE_MIN = 150  # px below which the list gives up its lesser columns
HIDE_FIRST = (AUTHOR, LANGUAGE, UPDATED)  # the lesser columns, in the order they give way
HEADER_KEY = "window/list_header"
SPLITTER_KEY = "window/splitter"
COMPACT_KEY = "window/compact"  # the splitter was saved in a compact window


class WindowLayout(QObject):
    """Fits the window's parts to its width (module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._view: QTableView = window.list_view
        self._content_widths = {
            column: self._view.horizontalHeader().sectionSize(column)
            for column in range(self._view.model().columnCount())
            if column != TITLE
        }
        self._compact: bool | None = None
        window.installEventFilter(self)
        cheap_viewport(self._view).installEventFilter(self)

    @property
    def compact(self) -> bool:
        return bool(self._compact)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self._window:
                # after the window's own layout has handed out the new width
                QTimer.singleShot(0, self, self.fit_window)
            else:
                self.fit_columns()
        return False

    # ------------------------------------------------------------ fitting

    def fit_window(self) -> None:
        window = self._window
        if window.distraction_free.active:
            return
        compact = window.width() < COMPACT_BELOW
        if compact == self._compact:
            return
        self._compact = compact
        docks = [d for d in (window.metadata_dock, window.related_dock) if d.isVisible()]
        if compact:
            if len(docks) > 1:  # side by side they would take the editor's room: one column
                for dock in docks[1:]:
                    window.tabifyDockWidget(docks[0], dock)
                docks[0].raise_()  # the metadata: status, and whether the site is current
                docks = docks[:1]
            if docks:
                window.resizeDocks(docks, [DOCK_NARROW] * len(docks), Qt.Orientation.Horizontal)
        # once the docks have given their width back to the splitter
        QTimer.singleShot(0, self, self._share_splitter)

    def _share_splitter(self) -> None:
        splitter = self._window.splitter
        total = sum(splitter.sizes())
        if self._compact:
            editor = max(EDITOR_MIN, round(total * 0.55))
            splitter.setSizes([0, max(total - editor, 0), editor])
        else:
            rest = max(total - SIDEBAR_WIDE, 0)
            splitter.setSizes([SIDEBAR_WIDE, round(rest * 0.45), rest - round(rest * 0.45)])

    def fit_columns(self) -> None:
        """Hide the lesser columns while the title would be too narrow to read."""
        header = self._view.horizontalHeader()
        room = self._view.viewport().width()
        # a hidden column measures 0: count it at the width it would come back with
        widths = {c: header.sectionSize(c) or w for c, w in self._content_widths.items()}
        others = sum(widths.values())
        hide: set[int] = set()
        for column in HIDE_FIRST:
            if room - others >= TITLE_MIN:
                break
            hide.add(column)
            others -= widths[column]
        for column in HIDE_FIRST:
            if header.isSectionHidden(column) != (column in hide):
                header.setSectionHidden(column, column in hide)

    # ------------------------------------------------------------ between sessions

    def save(self, settings: QSettings) -> None:
        settings.setValue(HEADER_KEY, self._view.horizontalHeader().saveState())
        if not self._window.distraction_free.active:
            settings.setValue(SPLITTER_KEY, self._window.splitter.saveState())
            settings.setValue(COMPACT_KEY, self.compact)

    def restore(self, settings: QSettings) -> None:
        header = self._view.horizontalHeader()
        state = settings.value(HEADER_KEY)
        if isinstance(state, QByteArray) and header.restoreState(state):
            self._sane_columns(header)
        splitter_state = settings.value(SPLITTER_KEY)
        if isinstance(splitter_state, QByteArray):
            self._window.splitter.restoreState(splitter_state)
            # As the user left it; shown at a width of the other kind, it is fitted anew.
            self._compact = str(settings.value(COMPACT_KEY, "false")).lower() == "true"
        self.fit_columns()

    def _sane_columns(self, header: QHeaderView) -> None:
        """The title stretches whatever was saved; the others stay near their content."""
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, content in self._content_widths.items():
            header.setSectionHidden(column, False)  # fit_columns decides again
            size = header.sectionSize(column)
            if not content // 2 <= size <= 2 * content:
                header.resizeSection(column, content)


def cheap_viewport(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, without the cost of its first call.

    The first ``viewport()`` of a process makes PySide look for the widget's Python
    type among QtWidgets' classes, initialising dozens of them with their enums (before
    the first paint: 6 % of the instructions a bare QMainWindow's whole start takes,
    by callgrind).  Found by its object name (Qt's own) the same widget is wrapped at
    once, and ``viewport()`` then returns that wrapper; should the name ever change,
    ``viewport()`` does the slow lookup, as before.
    """
    area.findChild(QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly)
    return area.viewport()
