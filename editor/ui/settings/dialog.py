"""The Settings dialog: the site (kept in the archive) and you (kept in QSettings).

Site values are checked by :class:`editor.app.settings.SettingsService`; a refused
value keeps the dialog open with the reason under the form and the focus on the
field, so nothing typed is lost.  The keyboard page lets the person bind their own
shortcuts (``editor.ui.settings.shortcuts``).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.app.settings import SettingError
from editor.ui.i18n import QT_TRANSLATE_NOOP, language_display
from editor.ui.settings.personal import INTERFACE_LANGUAGES, THEMES, PersonalSettings
from editor.ui.settings.translation import TranslationSettingsPage

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.commands.registry import CommandRegistry
    from editor.ui.settings.shortcuts import ShortcutEditor

THEME_LABELS = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"),
    "light": QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
    "dark": QT_TRANSLATE_NOOP("SettingsDialog", "Dark"),
}
# Each language by its own name (whoever cannot read the current one finds theirs).
LANGUAGE_LABELS = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "Automatic (the system's language)"),
    "en": "English",
    "de": "Deutsch",
}


def _named(widget: QWidget, name: str, accessible: str) -> Any:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


class _FolderField(QWidget):
    """A path field with a Browse… button; empty means the default."""

    def __init__(self, name: str, accessible: str, placeholder: str) -> None:
        super().__init__()
        self.edit = _named(QLineEdit(placeholderText=placeholder), name, accessible)
        self.edit.setClearButtonEnabled(True)
        choose = self.tr("Choose the {folder}").format(folder=accessible)
        self.browse = _named(QPushButton(self.tr("Browse…")), f"{name}_browse", choose)
        self.browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        self._title = accessible

    def _on_browse_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self._title, self.edit.text())
        if chosen:
            self.edit.setText(chosen)


class SettingsDialog(QDialog):
    """Edit the site's settings and the person's; Apply on OK (all checked first)."""

    applied = Signal()

    def __init__(
        self,
        workspace: Workspace,
        personal: PersonalSettings,
        registry: CommandRegistry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.ws = workspace
        self.personal = personal
        self.tabs = _named(QTabWidget(), "settings_tabs", self.tr("Settings pages"))
        self.tabs.tabBar().setAccessibleName(self.tr("Settings pages"))
        self.tabs.addTab(self._site_page(), self.tr("&Site"))
        self.tabs.addTab(self._person_page(), self.tr("&You"))
        self.translation = TranslationSettingsPage(workspace)
        self.tabs.addTab(self.translation, self.tr("Tr&anslation"))
        self.shortcut_editor: ShortcutEditor | None = None
        if registry is not None:
            from editor.ui.settings.shortcuts import ShortcutEditor

            self.shortcut_editor = ShortcutEditor(registry, personal.shortcuts())
            self.tabs.addTab(self.shortcut_editor, self.tr("&Keyboard"))
        self.problem = _named(QLabel(), "settings_problem", self.tr("Problem with the settings"))
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(highlight);")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("settings_buttons")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._load()
        self._order_tabs()
        self.resize(620, 440)

    # ------------------------------------------------------------ pages

    def _site_page(self) -> QWidget:
        page = QWidget(objectName="settings_site")
        form = QFormLayout(page)
        self.site_name = _named(QLineEdit(), "site_name", self.tr("Site name"))
        self.base_url = _named(
            QLineEdit(placeholderText="https://news.example.org/"), "base_url", self.tr("Base URL")
        )
        self.languages = _named(
            QLineEdit(placeholderText="de, en"), "languages", self.tr("Languages")
        )
        self.languages.setToolTip(
            self.tr("ISO 639-1 codes, separated by commas; the first is the default")
        )
        self.languages.textChanged.connect(self._on_languages_textChanged)
        self.default_language = _named(
            QComboBox(), "default_language", self.tr("Language of a new article")
        )
        self.templates = _FolderField(
            "templates_dir", self.tr("Templates folder"), self.tr("Built-in templates")
        )
        self.output = _FolderField("output_dir", self.tr("Output folder"), "")
        form.addRow(self.tr("Site &name:"), self.site_name)
        form.addRow(self.tr("&Base URL:"), self.base_url)
        form.addRow(self.tr("&Languages:"), self.languages)
        form.addRow(self.tr("New articles &in:"), self.default_language)
        form.addRow(self.tr("&Templates folder:"), self.templates)
        form.addRow(self.tr("&Output folder:"), self.output)
        note = QLabel(self.tr("Kept in the archive: everyone who opens it shares these."))
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _person_page(self) -> QWidget:
        page = QWidget(objectName="settings_person")
        form = QFormLayout(page)
        self.author = _named(QLineEdit(), "author_name", self.tr("Your name as author"))
        self.author.setPlaceholderText(self.personal.author_name())
        self.font_family = _named(QFontComboBox(), "editor_font", self.tr("Editor font"))
        self.font_size = _named(
            QSpinBox(minimum=6, maximum=48), "editor_font_size", self.tr("Font size")
        )
        self.font_default = _named(
            QPushButton(self.tr("Built-in")),
            "editor_font_default",
            self.tr("Use the built-in editor font"),
        )
        self.font_default.clicked.connect(self._on_font_default_clicked)
        font_row = QWidget()
        row = QHBoxLayout(font_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.font_family, 1)
        row.addWidget(self.font_size)
        row.addWidget(self.font_default)
        self.theme = _named(QComboBox(), "theme", self.tr("Theme"))
        for theme in THEMES:
            self.theme.addItem(self.tr(THEME_LABELS[theme]), theme)
        self.interface_language = _named(
            QComboBox(), "interface_language", self.tr("Interface language")
        )
        for language in INTERFACE_LANGUAGES:
            self.interface_language.addItem(self.tr(LANGUAGE_LABELS[language]), language)
        form.addRow(self.tr("Your &name as author:"), self.author)
        form.addRow(self.tr("Editor &font:"), font_row)
        form.addRow(self.tr("T&heme:"), self.theme)
        form.addRow(self.tr("Interface lan&guage:"), self.interface_language)
        note = QLabel(
            self.tr(
                "Kept for you on this computer. The interface language applies at the next start."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _order_tabs(self) -> None:
        """Tab moves down each page's form, then to OK and Cancel."""
        chain: list[QWidget] = [
            self.tabs,
            self.site_name,
            self.base_url,
            self.languages,
            self.default_language,
            self.templates.edit,
            self.templates.browse,
            self.output.edit,
            self.output.browse,
            self.author,
            self.font_family,
            self.font_size,
            self.font_default,
            self.theme,
            self.interface_language,
            *self.translation.focus_chain(),
        ]
        if self.shortcut_editor is not None:
            chain.extend(self.shortcut_editor.focus_chain())
        chain.extend(self.buttons.buttons())
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------ values

    def _load(self) -> None:
        values = self.ws.settings.values()
        self.site_name.setText(values["site.name"])
        self.base_url.setText(values["site.base_url"])
        self.languages.setText(", ".join(values["site.languages"]))
        self._fill_default_languages(values["site.languages"], values["site.default_language"])
        self.templates.edit.setText(values["site.templates"])
        self.output.edit.setText(values["site.output"])
        self.author.setText(self.personal.chosen_author_name())
        font = self.personal.editor_font()
        self._font_chosen = font is not None
        if font is not None:
            self.font_family.setCurrentFont(font)
            self.font_size.setValue(max(font.pointSize(), 6))
        else:
            self.font_size.setValue(11)
        self.font_family.currentFontChanged.connect(self._on_font_family_currentFontChanged)
        self.font_size.valueChanged.connect(self._on_font_size_valueChanged)
        self.theme.setCurrentIndex(THEMES.index(self.personal.theme()))
        self.interface_language.setCurrentIndex(
            INTERFACE_LANGUAGES.index(self.personal.interface_language())
        )
        self.translation.load()

    def _fill_default_languages(self, languages: list[str], current: str) -> None:
        self.default_language.clear()
        for code in languages:
            self.default_language.addItem(f"{language_display(code)} ({code})", code)
        index = self.default_language.findData(current)
        self.default_language.setCurrentIndex(max(index, 0))

    def _on_languages_textChanged(self, text: str) -> None:
        codes = [c.strip().lower() for c in text.replace(",", " ").split() if c.strip()]
        current = self.default_language.currentData()
        self._fill_default_languages(codes, current)

    def _on_font_family_currentFontChanged(self, _font: QFont) -> None:
        self._font_chosen = True

    def _on_font_size_valueChanged(self, _size: int) -> None:
        self._font_chosen = True

    def _on_font_default_clicked(self) -> None:
        self._font_chosen = False
        self.font_size.blockSignals(True)
        self.font_size.setValue(11)
        self.font_size.blockSignals(False)

    def site_changes(self) -> dict[str, Any]:
        """The site values as typed (checked by the service when applied)."""
        return {
            "site.name": self.site_name.text(),
            "site.base_url": self.base_url.text(),
            "site.languages": self.languages.text(),
            "site.default_language": self.default_language.currentData() or "",
            "site.templates": self.templates.edit.text(),
            "site.output": self.output.edit.text(),
        }

    def chosen_font(self) -> QFont | None:
        if not self._font_chosen:
            return None
        font = QFont(self.font_family.currentFont())
        font.setPointSize(self.font_size.value())
        return font

    def apply(self) -> bool:
        """Store everything; False (and the reason shown) when a site value is refused."""
        changes = self.site_changes()
        current = self.ws.settings.values()
        changed = {k: v for k, v in changes.items() if _differs(v, current[k])}
        if "site.languages" in changed:  # the language shown for new articles is meant
            changed["site.default_language"] = changes["site.default_language"]
        if changed:
            try:
                self.ws.settings.update(changed)
            except SettingError as exc:
                self._show_problem(str(exc), self._field(exc.key))
                return False
        if self.shortcut_editor is not None:
            clash = self.shortcut_editor.clash()
            if clash:
                self._show_problem(clash, self.shortcut_editor)
                return False
            self.personal.set_shortcuts(self.shortcut_editor.chosen())
        refused = self.translation.apply()
        if refused is not None:
            self._show_problem(*refused)
            return False
        self.personal.set_author_name(self.author.text())
        self.personal.set_editor_font(self.chosen_font())
        self.personal.set_theme(self.theme.currentData())
        self.personal.set_interface_language(self.interface_language.currentData())
        self.personal.sync()
        self.problem.hide()
        self.applied.emit()
        return True

    def _show_problem(self, text: str, field: QWidget | None) -> None:
        self.problem.setText(text)
        self.problem.show()
        if field is not None:
            page = next(
                (i for i in range(self.tabs.count()) if self.tabs.widget(i).isAncestorOf(field)),
                self.tabs.indexOf(field),
            )
            self.tabs.setCurrentIndex(page)
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _field(self, key: str | None) -> QWidget | None:
        """The field a refused setting is typed in, to put the focus there."""
        return {
            "site.name": self.site_name,
            "site.base_url": self.base_url,
            "site.languages": self.languages,
            "site.default_language": self.default_language,
            "site.templates": self.templates.edit,
            "site.output": self.output.edit,
        }.get(key or "")

    def _on_buttons_accepted(self) -> None:
        if self.apply():
            self.accept()


def _differs(typed: Any, current: Any) -> bool:
    if isinstance(current, list):
        return [c.strip().lower() for c in str(typed).replace(",", " ").split()] != current
    return str(typed).strip() != str(current)
