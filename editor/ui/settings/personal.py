"""The person's own settings, kept in QSettings (not in the archive): who they are, how
the editor looks, which language the interface speaks, their own shortcuts.

The name shown as author defaults to the login name; "Von root" on a published
page was what a newcomer got before it could be set.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from editor.ui.i18n import LANGUAGE_SETTING

THEMES = ("system", "light", "dark")
INTERFACE_LANGUAGES = ("system", "en", "de")

_NAME = "person/name"
_FONT = "person/editor_font"
_THEME = "person/theme"
_LANGUAGE = LANGUAGE_SETTING  # read at start-up by editor.ui.i18n
_SHORTCUTS = "shortcuts"


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return os.environ.get("USER") or os.environ.get("USERNAME") or ""


class PersonalSettings:
    """Typed access to the person's part of ``QSettings`` (the window's, or a test's)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else QSettings()

    # ------------------------------------------------------------ who

    def author_name(self) -> str:
        """The name new articles and revisions carry: the chosen one, else the login."""
        chosen = str(self.qsettings.value(_NAME, "") or "").strip()
        return chosen or login_name()

    def chosen_author_name(self) -> str:
        return str(self.qsettings.value(_NAME, "") or "").strip()

    def set_author_name(self, name: str) -> None:
        self.qsettings.setValue(_NAME, " ".join(name.split()))

    # ------------------------------------------------------------ how it looks

    def editor_font(self) -> QFont | None:
        """The font chosen for the editor's text, or None for the built-in choice."""
        text = str(self.qsettings.value(_FONT, "") or "")
        if not text:
            return None
        font = QFont()
        return font if font.fromString(text) else None

    def set_editor_font(self, font: QFont | None) -> None:
        self.qsettings.setValue(_FONT, font.toString() if font is not None else "")

    def theme(self) -> str:
        value = str(self.qsettings.value(_THEME, "system") or "system")
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; one of {', '.join(THEMES)}")
        self.qsettings.setValue(_THEME, theme)

    def interface_language(self) -> str:
        value = str(self.qsettings.value(_LANGUAGE, "system") or "system")
        return value if value in INTERFACE_LANGUAGES else "system"

    def set_interface_language(self, language: str) -> None:
        if language not in INTERFACE_LANGUAGES:
            raise ValueError(f"unknown interface language {language!r}")
        self.qsettings.setValue(_LANGUAGE, language)

    # ------------------------------------------------------------ keyboard

    def shortcuts(self) -> dict[str, tuple[str, ...]]:
        """The shortcuts the person chose, by command id (an empty tuple: none)."""
        chosen: dict[str, tuple[str, ...]] = {}
        self.qsettings.beginGroup(_SHORTCUTS)
        try:
            for key in self.qsettings.childKeys():
                chosen[key] = _sequences(self.qsettings.value(key, ""))
        finally:
            self.qsettings.endGroup()
        return chosen

    def set_shortcuts(self, chosen: dict[str, tuple[str, ...]]) -> None:
        """Keep ``chosen`` (command id -> sequences) as the person's shortcuts, replacing
        the earlier choice; commands not in it use their built-in shortcuts."""
        self.qsettings.beginGroup(_SHORTCUTS)
        try:
            self.qsettings.remove("")
            for command_id, sequences in chosen.items():
                self.qsettings.setValue(command_id, "; ".join(sequences))
        finally:
            self.qsettings.endGroup()

    def sync(self) -> None:
        self.qsettings.sync()


def _sequences(value: Any) -> tuple[str, ...]:
    items: Iterable[Any] = value if isinstance(value, list) else str(value or "").split(";")
    return tuple(s.strip() for s in (str(i) for i in items) if s.strip())


# ---------------------------------------------------------------- applying them


# The desktop's own palette, kept the first time a theme is applied ("system" returns to it).
_SYSTEM_PALETTE: list[QPalette] = []


def apply_theme(theme: str) -> None:
    """Light, dark, or what the desktop says.

    Qt's colour scheme (6.8+) where the platform theme honours it; else (plain X11
    without a desktop theme, offscreen) a palette of our own, so the choice always shows.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    wanted_system = theme not in ("light", "dark")
    if not _SYSTEM_PALETTE:
        if wanted_system:
            return  # nothing was changed yet: the desktop's look is already there
        _SYSTEM_PALETTE.append(QPalette(app.palette()))
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(theme)
    app.styleHints().setColorScheme(wanted or Qt.ColorScheme.Unknown)
    if wanted is None:
        app.setPalette(_SYSTEM_PALETTE[0])
    elif app.styleHints().colorScheme() != wanted:  # the platform ignored it
        app.setPalette(dark_palette() if theme == "dark" else light_palette())


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def light_palette() -> QPalette:
    app = QApplication.instance()
    base = _SYSTEM_PALETTE[0] if _SYSTEM_PALETTE else QPalette()
    if isinstance(app, QApplication) and is_dark(base):
        return app.style().standardPalette()
    return QPalette(base)


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e6e6e6",
        role.Base: "#1f1f1f",
        role.AlternateBase: "#2f2f2f",
        role.ToolTipBase: "#3a3a3a",
        role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#9a9a9a",
        role.Text: "#e6e6e6",
        role.Button: "#353535",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Highlight: "#3d7bd9",
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb0ff",
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, colour_role, QColor("#808080"))
    return palette


def apply_editor_font(editor: QWidget, font: QFont | None, default: QFont) -> None:
    """The chosen font on the editor's Markdown body, or the built-in one."""
    body = editor.findChild(QWidget, "body_edit")
    if body is not None:
        body.setFont(font if font is not None else default)
