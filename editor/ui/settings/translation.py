"""The Settings dialog's Translation page: the machine translation server and the
do-not-translate list, both kept in the archive (everyone translating shares them).

Nothing is sent anywhere until a server address is typed here: an empty address switches
machine translation off. The do-not-translate list is one product or model name a line;
the translation view shows those a segment mentions and its checks want them kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from editor.app.workspace import Workspace


class TranslationSettingsPage(QWidget):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__(objectName="settings_translation")
        self.ws = workspace
        self.backend = QComboBox(objectName="mt_backend")
        self.backend.setAccessibleName(self.tr("Machine translation"))
        self.backend.addItem(self.tr("Off"), "off")
        self.backend.addItem(self.tr("A LibreTranslate-compatible server"), "libretranslate")
        self.backend.addItem(self.tr("Argos Translate on this computer"), "argos")
        self.backend.currentIndexChanged.connect(self._on_backend_currentIndexChanged)
        self.mt_url = QLineEdit(
            objectName="mt_url", placeholderText="https://translate.example.org/"
        )
        self.mt_url.setAccessibleName(self.tr("Machine translation server"))
        self.mt_url.setToolTip(
            self.tr("A LibreTranslate-compatible server. Empty: no machine translation.")
        )
        self.mt_url.setClearButtonEnabled(True)
        self.mt_key = QLineEdit(objectName="mt_key", echoMode=QLineEdit.EchoMode.Password)
        self.mt_key.setAccessibleName(self.tr("API key of the machine translation server"))
        self.names = QPlainTextEdit(objectName="do_not_translate")
        self.names.setAccessibleName(self.tr("Names not to translate"))
        self.names.setPlaceholderText("Galaxy S25\nThinkPad X1")
        self.names.setTabChangesFocus(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Machine &translation:"), self.backend)
        form.addRow(self.tr("&Machine translation server:"), self.mt_url)
        form.addRow(self.tr("API k&ey:"), self.mt_key)
        form.addRow(self.tr("&Do not translate\n(one name a line):"), self.names)
        note = QLabel(
            self.tr(
                "Kept in the archive. Text is sent to the server only when its address is "
                "set and you ask for a machine translation."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self._loaded: dict[str, Any] = {}
        self._loaded_names: list[str] = []

    def focus_chain(self) -> list[QWidget]:
        return [self.backend, self.mt_url, self.mt_key, self.names]

    def _chosen(self) -> str:
        return str(self.backend.currentData())

    def _on_backend_currentIndexChanged(self, _index: int) -> None:
        server = self._chosen() == "libretranslate"
        self.mt_url.setEnabled(server)
        self.mt_key.setEnabled(server)

    def load(self) -> None:
        self._loaded = self.ws.machine_translation.settings()
        self.mt_url.setText(str(self._loaded.get("url") or ""))
        self.mt_key.setText(str(self._loaded.get("api_key") or ""))
        self.backend.setCurrentIndex(self.backend.findData(_backend_of(self._loaded)))
        self._on_backend_currentIndexChanged(self.backend.currentIndex())
        self._loaded_names = self.ws.memory.do_not_translate()
        self.names.setPlainText("\n".join(self._loaded_names))

    def apply(self) -> tuple[str, QWidget] | None:
        """Store what changed; the reason and the field when something is refused."""
        from editor.app.translation.memory import GlossaryError
        from editor.app.translation.mt import ArgosBackend, MtError

        url, key = self.mt_url.text().strip(), self.mt_key.text().strip()
        chosen = self._chosen()
        if chosen == "libretranslate" and not url:
            return self.tr("Type the machine translation server's address."), self.mt_url
        if chosen == "off":
            url = key = ""  # kept off: nothing is sent anywhere
        wanted = {"backend": "argos" if chosen == "argos" else "libretranslate",
                  "url": url, "api_key": key}  # fmt: skip
        if wanted != {k: self._loaded.get(k) or "" for k in wanted}:
            try:
                if chosen == "argos":
                    ArgosBackend()  # says when it is not installed, before it is chosen
                self.ws.machine_translation.configure(wanted["backend"], url, key)
            except MtError as exc:
                field = self.backend if chosen == "argos" else self.mt_url
                return self.tr("Machine translation: {reason}").format(reason=exc), field
            self._loaded = wanted
        names = self.names.toPlainText().splitlines()
        if sorted({" ".join(n.split()) for n in names} - {""}) != self._loaded_names:
            try:
                self._loaded_names = self.ws.memory.set_do_not_translate(names)
            except GlossaryError as exc:
                return self.tr("Do not translate: {reason}").format(reason=exc), self.names
        return None


def _backend_of(settings: dict[str, Any]) -> str:
    if settings.get("backend") == "argos":
        return "argos"
    return "libretranslate" if settings.get("url") else "off"
