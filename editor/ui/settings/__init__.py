"""Settings: the dialog (site and person), the person's QSettings, shortcuts.

``open_settings(window)`` shows the dialog; ``apply_personal(window)`` puts the
person's choices into effect (name as author, editor font, theme, shortcuts) at
start and after the dialog is accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from editor.ui.settings.personal import PersonalSettings, apply_editor_font, apply_theme

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

__all__ = ["PersonalSettings", "apply_personal", "open_settings"]


def apply_personal(window: MainWindow) -> None:
    """The person's settings in effect on ``window`` (and its workspace)."""
    from editor.ui.actions import rebind_shortcuts
    from editor.ui.article_editor import body_font

    personal = PersonalSettings(window.settings)
    chosen = personal.chosen_author_name()
    if window.ws is not None and chosen:
        window.ws.user = chosen  # new articles and revisions carry it (else the login)
    apply_editor_font(window.editor, personal.editor_font(), body_font())
    apply_theme(personal.theme())
    actions = getattr(window, "actions_by_id", None)
    if actions is not None:
        try:
            rebind_shortcuts(window.registry, actions, personal.shortcuts())
        except ValueError as exc:  # a settings file edited by hand: built-in keys win
            rebind_shortcuts(window.registry, actions, {})
            message = QCoreApplication.translate(
                "settings", "Your shortcuts were not applied: {error}."
            )
            window.show_message(message.format(error=exc), error=True)


def open_settings(window: MainWindow) -> None:
    """Show the Settings dialog; what it stores takes effect when it is accepted."""
    from editor.ui.settings.dialog import SettingsDialog

    if window.ws is None:
        return
    existing = window.findChild(SettingsDialog, "settings_dialog")
    if existing is not None:
        existing.raise_()
        existing.activateWindow()
        return
    dialog = SettingsDialog(window.ws, PersonalSettings(window.settings), window.registry, window)
    dialog.applied.connect(lambda: _after_apply(window))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def _after_apply(window: MainWindow) -> None:
    if window.ws is not None:  # a name cleared in the dialog: the login name again
        window.ws.user = PersonalSettings(window.settings).author_name()
    apply_personal(window)
    window.refresh_actions()
    window.show_message(QCoreApplication.translate("settings", "Settings saved."))
