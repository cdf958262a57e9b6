"""The Publish dialog: check the chosen articles, publish those that may go, show the outcome.

For the given articles (or every ready one) it runs the publishing checks on
a worker thread: blocking problems (red) keep an article back, warnings
(amber) are for information; the editor can also untick an article.  The
run itself also happens on a worker thread.  It cannot be stopped part-way
(a half-written site is worse than a finished run), and the dialog says so
instead of pretending: Cancel during a run closes the dialog when it ends.
Errors (a folder that cannot be used, a template that fails) are shown in the
dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
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

from editor.app.errors import NotFoundError
from editor.app.publishing import PUBLISHABLE, PublishResult
from editor.core.article import ListQuery
from editor.core.publishing import CheckResult, PublishError
from editor.core.workflow import Status
from editor.ui.background import BackgroundJobs, Progress

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

BLOCKING_COLOUR = QColor("#c5221f")
WARNING_COLOUR = QColor("#b06000")
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKS, PUBLISH = "checks", "publish"  # the two kinds of worker job
CHECK_CHUNK = 50  # articles checked per reading of the site
CANNOT_STOP = (
    "A publish run cannot be stopped part-way: that would leave the site half-written. "
    "It finishes the current run; then this window closes."
)


@dataclass(frozen=True, slots=True)
class ArticleCheck:
    """What the dialog shows for one article before publishing."""

    id: int
    title: str
    status_label: str
    blocking: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def can_publish(self) -> bool:
        return not self.blocking


def check_articles(
    workspace: Workspace,
    article_ids: Sequence[int] | None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> list[ArticleCheck]:
    """The checks for ``article_ids`` (None: every ready article), for a worker thread."""
    if article_ids is None:
        ready = workspace.articles.list(ListQuery(status=Status.READY, order_by="title"))
        article_ids = [a.id for a in ready]
    results: list[ArticleCheck] = []
    # A chunk at a time: one reading of the site per chunk, progress in between.
    for start in range(0, len(article_ids), CHECK_CHUNK):
        if is_cancelled is not None and is_cancelled():
            break  # the dialog is closing
        chunk = article_ids[start : start + CHECK_CHUNK]
        checked = workspace.publishing.check_many(chunk)
        results.extend(_check_one(workspace, i, checked.get(i)) for i in chunk)
        if progress is not None:
            progress(len(results), len(article_ids))
    return results


def _check_one(workspace: Workspace, article_id: int, result: CheckResult | None) -> ArticleCheck:
    try:
        article = workspace.articles.get(article_id)
    except NotFoundError:
        result = None
    if result is None:
        return ArticleCheck(
            article_id, f"Article {article_id}", "gone", ("It no longer exists.",), ()
        )
    blocking = [p.message for p in result.blocking]
    if article.deleted:
        blocking.insert(0, "It is in the trash.")
    elif article.status not in PUBLISHABLE:
        blocking.insert(0, f"It is {article.status.label.lower()}, not ready.")
    return ArticleCheck(
        article.id,
        article.title or "(untitled)",
        article.status.label,
        tuple(blocking),
        tuple(p.message for p in result.warnings),
    )


class PublishDialog(QDialog):
    """Publish ``article_ids`` (None: everything ready); see the module docstring."""

    published = Signal(list)  # the ids that went out, after a successful run

    def __init__(
        self,
        workspace: Workspace,
        article_ids: Sequence[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._article_ids = list(article_ids) if article_ids is not None else None
        self._checks: dict[int, ArticleCheck] = {}
        self._running = False
        self._close_when_done = False
        self._output: Path | None = None
        self.result: PublishResult | None = None
        self.setObjectName("publish_dialog")
        self.setWindowTitle("Publish")
        self.resize(640, 520)

        self.jobs = BackgroundJobs(self)
        self.jobs.finished.connect(self._on_job_finished)
        self.jobs.failed.connect(self._on_job_failed)
        self.jobs.progress.connect(self._on_progress)
        self._build()
        self._start_checks()

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        self.intro_label = QLabel(wordWrap=True, objectName="publish_intro")
        self.folder_edit = QLineEdit(str(self.ws.publishing.output_dir()))
        self.folder_edit.setObjectName("publish_folder")
        self.folder_edit.setToolTip("The folder the site is written to (it is kept for next time)")
        self.choose_button = QPushButton("Choose…")
        self.choose_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel("Output folder:"))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)

        self.check_tree = QTreeWidget(objectName="publish_checks")
        self.check_tree.setHeaderLabels(["Article", "Check"])
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
        self.open_folder_button = QPushButton("Open folder")
        self.open_folder_button.clicked.connect(self.open_folder)
        for widget in (self.result_label, self.result_tree, self.open_folder_button):
            widget.hide()

        self.buttons = QDialogButtonBox()
        self.publish_button = self.buttons.addButton(
            "Publish", QDialogButtonBox.ButtonRole.AcceptRole
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
            self.intro_label.setText("Publish every article that is ready.")
        else:
            noun = "article" if len(ids) == 1 else "articles"
            self.intro_label.setText(f"Publish {len(ids)} {noun}.")
        self._set_busy("Checking the articles…")
        ws, is_cancelled = self.ws, self.jobs.is_cancelled
        self.jobs.submit(CHECKS, lambda progress: check_articles(ws, ids, progress, is_cancelled))

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
            self._set_idle("Nothing is ready to publish.")
        elif blocked:
            self._set_idle(
                f"{blocked} of {len(checks)} cannot be published until their problems are "
                "fixed; the others can go."
            )
        else:
            self._set_idle("Everything can be published.")
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
            self._show_error("Tick at least one article that can be published.")
            return
        self._show_error("")
        self._output = folder
        self._set_running(True)
        noun = "article" if len(ids) == 1 else "articles"
        self._set_busy(f"Publishing {len(ids)} {noun} to {folder}…")
        publishing = self.ws.publishing

        def publish(_progress: Progress) -> PublishResult:
            # The articles go online first; the other pages' recent posts follow.
            result = publishing.publish(ids, folder, defer_recent_posts=True)
            if result.manifest.recent_posts_due:
                publishing.refresh_recent_posts(folder)
            return result

        self.jobs.submit(PUBLISH, publish)

    def _folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        if not text:
            self._show_error("Choose the folder the site is written to.")
            return None
        folder = Path(text).expanduser()
        if not folder.is_absolute():
            self._show_error(f"Give the full path of the output folder, not {text!r}.")
            return None
        return folder

    def _show_result(self, result: PublishResult, folder: Path) -> None:
        self.result = result
        count = len(result.published)
        noun = "article" if count == 1 else "articles"
        self.result_label.setText(
            f"Published {count} {noun} to {folder}." if count else "Nothing was published."
        )
        self.result_tree.clear()
        for article_id in result.published:
            page = result.manifest.article_pages.get(article_id, "")
            item = QTreeWidgetItem([f"{self._title(article_id)} — {folder / page}"])
            item.setData(0, ARTICLE_ID_ROLE, article_id)
            self.result_tree.addTopLevelItem(item)
        for article_id, reasons in result.refused.items():
            item = _coloured(f"Not published: {self._title(article_id)}", BLOCKING_COLOUR)
            item.addChildren([_coloured(reason, BLOCKING_COLOUR) for reason in reasons])
            self.result_tree.addTopLevelItem(item)
        for warning in result.warnings:
            self.result_tree.addTopLevelItem(_coloured(f"Warning: {warning}", WARNING_COLOUR))
        self.result_tree.expandAll()
        for widget in (self.result_label, self.result_tree, self.open_folder_button):
            widget.show()

    def page_paths(self) -> list[Path]:
        """The pages written for the published articles in the last run."""
        if self.result is None or self._output is None:
            return []
        pages = self.result.manifest.article_pages
        return [self._output / pages[i] for i in self.result.published if i in pages]

    def open_folder(self) -> None:
        if self._output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._output)))

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Folder for the site", self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    # ---------------------------------------------------------------- worker outcomes

    def _on_job_finished(self, kind: object, result: object) -> None:
        if kind == CHECKS:
            assert isinstance(result, list)
            self._show_checks(result)
            return
        assert isinstance(result, PublishResult) and self._output is not None
        self._set_running(False)
        if self._output != self.ws.publishing.output_dir():
            self.ws.publishing.set_output_dir(self._output)  # a folder that worked is kept
        self._set_idle("")
        self._show_result(result, self._output)
        self.publish_button.setEnabled(False)  # done; checks would now read differently
        self.close_button.setText("Close")
        self.published.emit(list(result.published))
        if self._close_when_done:
            self.accept()

    def _on_job_failed(self, kind: object, error: object) -> None:
        if kind == CHECKS:
            self._set_idle("")
            self._show_error(f"The articles could not be checked: {error}")
            return
        self._set_running(False)
        self._close_when_done = False  # the editor must see why it failed
        self._set_idle("")
        if isinstance(error, PublishError):
            self._show_error(str(error))
        else:
            self._show_error(f"Publishing failed: {error}")

    def _on_progress(self, kind: object, done: int, total: int) -> None:
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
            not self._running and self.result is None and bool(self.selected_ids())
        )

    def _title(self, article_id: int) -> str:
        check = self._checks.get(article_id)
        return check.title if check else f"Article {article_id}"

    def done(self, result: int) -> None:
        """Closing waits for a running publish run (it cannot be stopped part-way)."""
        if self._running:
            self._close_when_done = True
            self.close_button.setEnabled(False)
            self.status_label.setText(CANNOT_STOP)
            return
        self.jobs.shutdown()  # the checks stop between two articles
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            event.ignore()
            self.done(QDialog.DialogCode.Rejected)
            return
        self.jobs.shutdown()
        super().closeEvent(event)


def _check_item(check: ArticleCheck) -> QTreeWidgetItem:
    if check.blocking:
        summary = f"blocked ({len(check.blocking)})"
    elif check.warnings:
        summary = f"{len(check.warnings)} warning{'s' if len(check.warnings) > 1 else ''}"
    else:
        summary = "ready"
    item = QTreeWidgetItem([check.title, f"{check.status_label} · {summary}"])
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
        item.addChild(_coloured(f"Blocking: {message}", BLOCKING_COLOUR))
    for message in check.warnings:
        item.addChild(_coloured(f"Warning: {message}", WARNING_COLOUR))
    return item


def _coloured(text: str, colour: QColor) -> QTreeWidgetItem:
    item = QTreeWidgetItem([text])
    item.setForeground(0, QBrush(colour))
    item.setToolTip(0, text)
    return item
