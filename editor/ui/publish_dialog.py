"""The Publish dialog: check the chosen articles, publish those that may go, show the outcome.

The one place a status change that touches the site is started from the window
(the Publish… and Update commands, Mark as Corrected, Unpublish, the status box):
for the given articles (or every ready one) it runs the checks as a query on the
window's runner: blocking problems (red) keep an article back, warnings (amber)
are for information; the editor can also untick an article.  The rules are the
app's (``editor.app.publishing.review``).  The run itself is a change operation
on the same runner.  It cannot be stopped part-way
(a half-written site is worse than a finished run), and the dialog says so
instead of pretending: Cancel during a run closes the dialog when it ends.
Errors (a folder that cannot be used, a template that fails) are shown in the
dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from editor.app.publishing import ArticleCheck, PublishResult
from editor.app.publishing import operations as publishing_ops
from editor.core.publishing import PublishError
from editor.ui.formatting import number_text
from editor.ui.i18n import QT_TRANSLATE_NOOP, status_text
from editor.ui.runner import Runner, Ticket

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

BLOCKING_COLOUR = QColor("#c5221f")
WARNING_COLOUR = QColor("#b06000")
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CANNOT_STOP = QT_TRANSLATE_NOOP(
    "PublishDialog",
    "A publish run cannot be stopped part-way: that would leave the site half-written. "
    "It finishes the current run; then this window closes.",
)
# What the dialog says and does for each action.
TEXTS = {  # title, button, result ({count} {noun} {folder}), refused prefix
    "publish": (
        QT_TRANSLATE_NOOP("PublishDialog", "Publish"),
        QT_TRANSLATE_NOOP("PublishDialog", "Publish"),
        QT_TRANSLATE_NOOP("PublishDialog", "Published {count} {noun} to {folder}."),
        QT_TRANSLATE_NOOP("PublishDialog", "Not published"),
    ),
    "correct": (
        QT_TRANSLATE_NOOP("PublishDialog", "Publish Correction"),
        QT_TRANSLATE_NOOP("PublishDialog", "Publish Correction"),
        QT_TRANSLATE_NOOP(
            "PublishDialog", "Published the correction of {count} {noun} to {folder}."
        ),
        QT_TRANSLATE_NOOP("PublishDialog", "Not corrected"),
    ),
    "unpublish": (
        QT_TRANSLATE_NOOP("PublishDialog", "Unpublish"),
        QT_TRANSLATE_NOOP("PublishDialog", "Unpublish"),
        QT_TRANSLATE_NOOP("PublishDialog", "Took {count} {noun} off the site in {folder}."),
        QT_TRANSLATE_NOOP("PublishDialog", "Not unpublished"),
    ),
}


class PublishDialog(QDialog):
    """Publish, correct or unpublish ``article_ids`` (None: everything ready); see the
    module docstring.  The work runs on the window's ``runner``."""

    published = Signal(list)  # the ids that went out (or came off), after a successful run

    def __init__(
        self,
        workspace: Workspace,
        article_ids: Sequence[int] | None = None,
        parent: QWidget | None = None,
        *,
        runner: Runner,
        action: str = "publish",
    ) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.action = action
        self._texts = tuple(self.tr(text) for text in TEXTS[action])
        self._article_ids = list(article_ids) if article_ids is not None else None
        self._checks: dict[int, ArticleCheck] = {}
        self._running = False
        self._close_when_done = False
        self._output: Path | None = None
        # What the run did (not "result": that is QDialog.result()).
        self.outcome: PublishResult | None = None
        self.setObjectName("publish_dialog")
        self.setWindowTitle(self._texts[0])
        self.resize(640, 520)

        self.runner = runner  # the window's one runner
        self._review: Ticket[list[ArticleCheck]] | None = None
        self._build()
        self._start_checks()

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        self.intro_label = QLabel(wordWrap=True, objectName="publish_intro")
        self.folder_edit = QLineEdit(str(self.ws.publishing.output_dir()))
        self.folder_edit.setObjectName("publish_folder")
        self.folder_edit.setToolTip(
            self.tr("The folder the site is written to (it is kept for next time)")
        )
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Output folder:")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)

        self.check_tree = QTreeWidget(objectName="publish_checks")
        self.check_tree.setHeaderLabels([self.tr("Article"), self.tr("Check")])
        self.check_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.check_tree.header().setStretchLastSection(False)
        self.check_tree.itemChanged.connect(lambda *_: self._update_buttons())

        self.status_label = QLabel(wordWrap=True, objectName="publish_status")
        self.busy_bar = QProgressBar(textVisible=False, objectName="publish_busy")
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()
        self.error_label = QLabel(wordWrap=True, objectName="publish_error")
        self.error_label.setStyleSheet(f"color: {BLOCKING_COLOUR.name()};")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        self.result_label = QLabel(wordWrap=True, objectName="publish_result")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_tree = QTreeWidget(objectName="publish_results")
        self.result_tree.setHeaderHidden(True)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        for widget in (self.result_label, self.result_tree, self.open_folder_button):
            widget.hide()

        self.buttons = QDialogButtonBox()
        self.publish_button = self.buttons.addButton(
            self._texts[1], QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button.clicked.connect(self.start_publishing)
        self.close_button.clicked.connect(self.reject)
        self.publish_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(folder_row)
        layout.addWidget(self.check_tree, 2)
        layout.addWidget(self.status_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result_tree, 1)
        layout.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

    # ---------------------------------------------------------------- checks

    def _start_checks(self) -> None:
        ids = self._article_ids
        if ids is None:
            self.intro_label.setText(self.tr("Publish every article that is ready."))
        else:
            noun = self.tr("article") if len(ids) == 1 else self.tr("articles")
            self.intro_label.setText(f"{self._texts[1]}: {number_text(len(ids))} {noun}.")
        self._set_busy(self.tr("Checking the articles…"))
        self._review = self.runner.run(
            publishing_ops.review(self.ws, ids, self.action),
            on_done=self._show_checks,
            on_error=self._on_checks_failed,
            on_progress=self._on_progress,
            owner=self,
        )

    def _show_checks(self, checks: list[ArticleCheck]) -> None:
        self._checks = {c.id: c for c in checks}
        self.check_tree.blockSignals(True)
        self.check_tree.clear()
        for check in checks:
            self.check_tree.addTopLevelItem(_check_item(check))
        self.check_tree.expandAll()
        self.check_tree.resizeColumnToContents(1)
        self.check_tree.blockSignals(False)
        blocked = sum(1 for c in checks if not c.can_publish)
        if not checks:
            self._set_idle(self.tr("Nothing is ready to publish."))
        elif blocked:
            self._set_idle(
                self.tr(
                    "{blocked} of {count} cannot be published until their problems are "
                    "fixed; the others can go."
                ).format(blocked=number_text(blocked), count=number_text(len(checks)))
            )
        else:
            self._set_idle(self.tr("Everything can be published."))
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        """The ticked articles, in list order."""
        ids = []
        for row in range(self.check_tree.topLevelItemCount()):
            item = self.check_tree.topLevelItem(row)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                ids.append(int(item.data(0, ARTICLE_ID_ROLE)))
        return ids

    def check_for(self, article_id: int) -> ArticleCheck | None:
        return self._checks.get(article_id)

    # ---------------------------------------------------------------- publishing

    def start_publishing(self) -> None:
        """Publish the ticked articles into the folder shown (on the worker thread)."""
        if self._running:
            return
        folder = self._folder()
        ids = self.selected_ids()
        if folder is None:
            return
        if not ids:
            self._show_error(self.tr("Tick at least one article that can be published."))
            return
        self._show_error("")
        self._output = folder
        self._set_running(True)
        operation = publishing_ops.run(self.ws, self.action, ids, folder, online_first=True)
        self._set_busy(f"{self._texts[0]} ({folder})…")
        # Not owned by the dialog: a run that was started is reported even if it closes.
        self.runner.run(operation, on_done=self._on_run_done, on_error=self._on_run_failed)

    def _folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        if not text:
            self._show_error(self.tr("Choose the folder the site is written to."))
            return None
        folder = Path(text).expanduser()
        if not folder.is_absolute():
            self._show_error(
                self.tr("Give the full path of the output folder, not {text}.").format(
                    text=repr(text)
                )
            )
            return None
        return folder

    def _show_result(self, result: PublishResult, folder: Path) -> None:
        self.outcome = result
        count = len(result.published)
        noun = self.tr("article") if count == 1 else self.tr("articles")
        done, refused = self._texts[2], self._texts[3]
        self.result_label.setText(
            done.format(count=number_text(count), noun=noun, folder=folder)
            if count
            else self.tr("{refused}: nothing changed.").format(refused=refused)
        )
        self.result_tree.clear()
        for article_id in result.published:
            page = result.manifest.article_pages.get(article_id, "")
            item = QTreeWidgetItem([f"{self._title(article_id)} — {folder / page}"])
            item.setData(0, ARTICLE_ID_ROLE, article_id)
            self.result_tree.addTopLevelItem(item)
        for article_id, reasons in result.refused.items():
            item = _coloured(f"{refused}: {self._title(article_id)}", BLOCKING_COLOUR)
            item.addChildren([_coloured(reason, BLOCKING_COLOUR) for reason in reasons])
            self.result_tree.addTopLevelItem(item)
        for warning in result.warnings:
            warned = self.tr("Warning: {message}").format(message=warning)
            self.result_tree.addTopLevelItem(_coloured(warned, WARNING_COLOUR))
        self.result_tree.expandAll()
        for widget in (self.result_label, self.result_tree, self.open_folder_button):
            widget.show()

    def page_paths(self) -> list[Path]:
        """The pages written for the published articles in the last run."""
        if self.outcome is None or self._output is None:
            return []
        pages = self.outcome.manifest.article_pages
        return [self._output / pages[i] for i in self.outcome.published if i in pages]

    def open_folder(self) -> None:
        if self._output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._output)))

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the site"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    # ---------------------------------------------------------------- worker outcomes

    def _on_checks_failed(self, error: BaseException) -> None:
        self._set_idle("")
        self._show_error(self.tr("The articles could not be checked: {error}").format(error=error))

    def _on_run_done(self, result: PublishResult) -> None:
        assert self._output is not None
        if not Shiboken.isValid(self):
            return  # closed meanwhile (the window hears of the run from the change bus)
        self._set_running(False)
        if self.action == "publish" and self._output != self.ws.publishing.output_dir():
            self.ws.publishing.set_output_dir(self._output)  # a folder that worked is kept
        self._set_idle("")
        self._show_result(result, self._output)
        self.publish_button.setEnabled(False)  # done; checks would now read differently
        self.close_button.setText(self.tr("Close"))
        self.published.emit(list(result.published))
        if self._close_when_done:
            self.accept()

    def _on_run_failed(self, error: BaseException) -> None:
        if not Shiboken.isValid(self):
            return
        self._set_running(False)
        self._close_when_done = False  # the editor must see why it failed
        self._set_idle("")
        if isinstance(error, PublishError):
            self._show_error(str(error))
        else:
            failed = self.tr("{action} failed: {error}")
            self._show_error(failed.format(action=self._texts[0], error=error))

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)

    # ---------------------------------------------------------------- state

    @property
    def running(self) -> bool:
        """True while a publish run is going on."""
        return self._running

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in (self.folder_edit, self.choose_button, self.check_tree):
            widget.setEnabled(not running)
        self.close_button.setEnabled(True)
        self._update_buttons()

    def _set_busy(self, message: str) -> None:
        self.status_label.setText(message)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.show()

    def _set_idle(self, message: str) -> None:
        self.busy_bar.hide()
        self.status_label.setText(message)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _update_buttons(self) -> None:
        self.publish_button.setEnabled(
            not self._running and self.outcome is None and bool(self.selected_ids())
        )

    def _title(self, article_id: int) -> str:
        check = self._checks.get(article_id)
        return check.title if check else self.tr("Article {id}").format(id=article_id)

    def done(self, result: int) -> None:
        """Closing waits for a running publish run (it cannot be stopped part-way)."""
        if self._running:
            self._close_when_done = True
            self.close_button.setEnabled(False)
            self.status_label.setText(self.tr(CANNOT_STOP))
            return
        self._stop_checks()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            event.ignore()
            self.done(QDialog.DialogCode.Rejected)
            return
        self._stop_checks()
        super().closeEvent(event)

    def _stop_checks(self) -> None:
        """The checks stop between two chunks."""
        if self._review is not None:
            self._review.cancel()


def _check_item(check: ArticleCheck) -> QTreeWidgetItem:
    translate = QCoreApplication.translate
    if check.blocking:
        summary = translate("PublishDialog", "blocked ({n})").format(n=len(check.blocking))
    elif len(check.warnings) == 1:
        summary = translate("PublishDialog", "1 warning")
    elif check.warnings:
        summary = translate("PublishDialog", "{n} warnings").format(n=len(check.warnings))
    else:
        summary = translate("PublishDialog", "ready")
    item = QTreeWidgetItem([check.title, f"{status_text(check.status_label)} · {summary}"])
    item.setData(0, ARTICLE_ID_ROLE, check.id)
    if check.can_publish:
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked)
    else:
        # Shown unticked and not tickable: it cannot go until the problems are fixed.
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        item.setForeground(1, QBrush(BLOCKING_COLOUR))
    for message in check.blocking:
        blocking = translate("PublishDialog", "Blocking: {message}").format(message=message)
        item.addChild(_coloured(blocking, BLOCKING_COLOUR))
    for message in check.warnings:
        warning = translate("PublishDialog", "Warning: {message}").format(message=message)
        item.addChild(_coloured(warning, WARNING_COLOUR))
    return item


def _coloured(text: str, colour: QColor) -> QTreeWidgetItem:
    item = QTreeWidgetItem([text])
    item.setForeground(0, QBrush(colour))
    item.setToolTip(0, text)
    return item
