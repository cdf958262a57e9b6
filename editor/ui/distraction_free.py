"""Distraction-free mode: the editor alone, full screen; Esc leaves it as it was."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow, QWidget

from editor.ui.article_editor import ArticleEditor


@dataclass
class _Before:
    visible: dict[QWidget, bool]
    maximized: bool
    menubar: bool


class DistractionFree:
    """Hides ``widgets`` and the menu bar and shows ``window`` full screen; leaving puts
    back what was visible.  ``changed(on)`` hears every switch."""

    def __init__(
        self,
        window: QMainWindow,
        editor: ArticleEditor,
        widgets: Sequence[QWidget],
        changed: Callable[[bool], None],
    ) -> None:
        self._window = window
        self._editor = editor
        self._widgets = list(widgets)
        self._changed = changed
        self._before: _Before | None = None

    @property
    def active(self) -> bool:
        return self._before is not None

    def set(self, on: bool) -> None:
        if on == self.active:
            return
        window, menubar = self._window, self._window.menuBar()
        if on:
            self._before = _Before(
                {w: not w.isHidden() for w in self._widgets},
                window.isMaximized(),
                not menubar.isHidden(),
            )
            for widget in self._widgets:
                widget.hide()
            menubar.hide()
            self._editor.show_tab("write")
            window.showFullScreen()
            self._editor.body.setFocus()
        else:
            before, self._before = self._before, None
            assert before is not None
            for widget, visible in before.visible.items():
                widget.setVisible(visible)
            menubar.setVisible(before.menubar)
            window.showMaximized() if before.maximized else window.showNormal()
        self._changed(on)
