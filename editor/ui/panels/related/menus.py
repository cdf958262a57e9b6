"""The related-links panel's context menus: on a suggestion, and on an accepted link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint

from editor.ui.panels.related.widgets import MenuEntry, show_menu

if TYPE_CHECKING:
    from editor.ui.panels.related.panel import RelatedPanel

# The panel's own context, so the menu says what its buttons say.
translate = QCoreApplication.translate  # lupdate reads translate("context", "text")


def show_suggestion_menu(panel: RelatedPanel, pos: QPoint) -> None:
    """What a right click on a suggestion offers: the actions of its buttons and keys."""
    index = panel.suggestion_view.indexAt(pos)
    if index.isValid():
        panel.suggestion_view.setCurrentIndex(index)
        entries: list[MenuEntry] = [
            (translate("RelatedPanel", "Accept") + "\tEnter", panel.accept_current),
            (translate("RelatedPanel", "Reject") + "\tDel", panel.reject_current),
            None,
            (translate("RelatedPanel", "Open"), lambda: panel._open_index(index)),
        ]
        show_menu(panel.suggestion_view, pos, entries)


def show_accepted_menu(panel: RelatedPanel, pos: QPoint) -> None:
    """What a right click on an accepted link offers."""
    index = panel.accepted_view.indexAt(pos)
    row = panel.accepted_model.row_at(index)
    if row is None:
        return
    panel.accepted_view.setCurrentIndex(index)
    pin = translate("RelatedPanel", "Unpin") if row.pinned else translate("RelatedPanel", "Pin")
    entries: list[MenuEntry] = [
        (translate("RelatedPanel", "Move up") + "\tCtrl+Up", lambda: panel.move_current(-1)),
        (translate("RelatedPanel", "Move down") + "\tCtrl+Down", lambda: panel.move_current(1)),
        (pin, lambda: panel.set_current_pinned(not row.pinned)),
        (translate("RelatedPanel", "Remove") + "\tDel", panel.remove_current),
        None,
        (translate("RelatedPanel", "Open"), lambda: panel._open_index(index)),
    ]
    show_menu(panel.accepted_view, pos, entries)
