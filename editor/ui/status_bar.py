"""The status bar's permanent parts: save state, word count, language, archive.

The save state is always honest: "Saving…", "Saved 2 s ago" (ticking), or
"Not saved: <reason> — your text is kept here" until a later write succeeds.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from editor.ui.formatting import seconds_ago, stats_text
from editor.ui.i18n import language_display

if TYPE_CHECKING:  # only annotations: the first paint needs no text statistics
    from editor.app.autosave import SaveReport
    from editor.core.text import TextStats

MESSAGE_MS = 8000
ERROR_STYLE = "QStatusBar { color: #b3261e; }"


class SaveIndicator(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="save_indicator")
        self._saved_at: datetime | None = None
        self._failed = False
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick_timeout)
        self.reset()

    def reset(self, saved_at: datetime | None = None) -> None:
        """A freshly opened article: it is what the database holds."""
        self._failed = False
        self._saved_at = saved_at
        self._show_saved()

    def report(self, report: SaveReport) -> None:
        from editor.app.autosave import SaveState  # reports come once the archive is open

        if report.state is SaveState.PENDING:
            if not self._failed:
                self._set(self.tr("Editing…"), "pending")
        elif report.state is SaveState.SAVING:
            if not self._failed:
                self._set(self.tr("Saving…"), "saving")
        elif report.state is SaveState.SAVED:
            self._failed = False
            self._saved_at = report.at
            self._show_saved()
        else:
            self._failed = True
            self._tick.stop()
            text = self.tr("Not saved: {reason}")
            self._set(text.format(reason=_with_reassurance(report.message)), "failed")

    def is_failed(self) -> bool:
        return self._failed

    def _show_saved(self) -> None:
        if self._saved_at is None:
            self._tick.stop()
            self._set("", "saved")
            return
        self._set(self._saved_text(self._saved_at), "saved")
        if not self._tick.isActive():
            self._tick.start()

    def _set(self, text: str, state: str) -> None:
        self.setText(text)
        if self.property("saveState") == state:
            return
        self.setProperty("saveState", state)  # the style sheet colours "failed" red
        # A polished label must be polished again to see the new property; one not yet
        # polished (still being built) is polished with it when first shown.  Reaching
        # style() from Python the first time costs ~10 ms, kept off the first paint.
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            self.style().unpolish(self)
            self.style().polish(self)

    def _on_tick_timeout(self) -> None:
        if not self._failed and self._saved_at is not None:
            self.setText(self._saved_text(self._saved_at))

    def _saved_text(self, saved_at: datetime) -> str:
        return self.tr("Saved {when}").format(when=seconds_ago(saved_at, datetime.now(UTC)))


class MainStatusBar(QStatusBar):
    def __init__(self, archive: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save_state = SaveIndicator(self)
        self.words = QLabel(objectName="word_count")
        self.language = QLabel(objectName="language_label")
        self.archive = QLabel(archive, objectName="archive_label")
        self.archive.setToolTip(archive)
        self.addPermanentWidget(self.save_state)
        self.addPermanentWidget(self.words)
        self.addPermanentWidget(self.language)
        self.addPermanentWidget(self.archive)
        self.messageChanged.connect(self._on_self_messageChanged)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A passing message; errors in red, and left up twice as long."""
        self.setStyleSheet(ERROR_STYLE if error else "")
        self.showMessage(text, 2 * MESSAGE_MS if error else MESSAGE_MS)

    def _on_self_messageChanged(self, text: str) -> None:
        if not text:
            self.setStyleSheet("")  # the next message starts in the normal colour

    def show_stats(self, stats: TextStats | None) -> None:
        self.words.setText(stats_text(stats) if stats is not None else "")

    def show_language(self, code: str | None) -> None:
        self.language.setText(f"{code} · {language_display(code)}" if code else "")
        self.language.setToolTip(language_display(code) if code else "")


def _with_reassurance(reason: str) -> str:
    """The reason, and that nothing typed is lost (unless the reason says so already)."""
    translate = QCoreApplication.translate
    reason = reason or translate("SaveIndicator", "unknown error")
    kept = translate("SaveIndicator", "your text is kept here")
    return reason if "kept here" in reason or kept in reason else f"{reason} — {kept}"
