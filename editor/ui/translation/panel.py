"""The side-by-side translation view: an article panel that follows the window.

For a translation made here it shows the source segments and the editable target
segments (:class:`~editor.ui.translation.model.SegmentModel`), the status of each and
the article's progress; beside the current segment its memory matches (Ctrl+1..3 puts
one in), the glossary terms it mentions, its checks and how its source changed
(:class:`~editor.ui.translation.side.SegmentSide`). Every edit is an undoable command
(:class:`~editor.ui.translation.undo.SegmentEdit`) and is stored at once as a write on
the window's runner; confirming a segment stores it in the translation memory.

Reads are keyed queries (a newer one replaces an older one; the answer for another
article is dropped); a read that started before a save of ours is dropped too, so it
never shows text older than what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.app.changes import ArticleStateChange, Change, EntitiesChanged
from editor.app.operations import plain
from editor.core.translation.staleness import SegmentStatus
from editor.ui.panels.base import ArticlePanel, PanelServices
from editor.ui.translation.model import SegmentModel
from editor.ui.translation.side import SegmentSide
from editor.ui.translation.table import SegmentTable
from editor.ui.translation.undo import SegmentEdit, Value

if TYPE_CHECKING:
    from editor.app.translation.service import TranslationState
    from editor.app.translation.workbench import SegmentHelp
    from editor.core.translation.checks import GlossaryEntry


class TranslationPanel(ArticlePanel):
    article_rewritten = Signal(object)  # the translated Article, rebuilt from its segments

    def __init__(self, services: PanelServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("translation_panel")
        self.state: TranslationState | None = None
        self.terms: list[GlossaryEntry] = []
        self.mt_ready = False
        self._saves_started = 0
        self._saves_pending = 0
        self.undo_stack = QUndoStack(self)
        self.model = SegmentModel(self)
        self._change_names = {
            "changed": self.tr("source changed"),
            "added": self.tr("new in the source"),
            "removed": self.tr("removed from the source"),
        }
        self._build()
        self._build_actions()
        self.model.edit_requested.connect(self._on_model_edit_requested)
        self.side.segment_chosen.connect(self.select_segment)
        self.show_article(None)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.notice = QLabel(objectName="translation_notice", wordWrap=True)
        self.progress = QProgressBar(objectName="translation_progress")
        self.progress.setRange(0, 100)
        self.counts = QLabel(objectName="translation_counts")
        self.fill_button = QPushButton(self.tr("Fill 100 % matches"), objectName="fill_exact")
        self.mt_button = QPushButton(self.tr("Machine-translate segment"), objectName="mt_segment")
        self.confirm_button = QPushButton(self.tr("Confirm"), objectName="confirm_segment")
        self.review_button = QPushButton(self.tr("Reviewed"), objectName="review_segment")
        self.fill_button.clicked.connect(self.fill_exact)
        self.mt_button.clicked.connect(self.machine_translate)
        self.confirm_button.clicked.connect(lambda: self.confirm(SegmentStatus.TRANSLATED))
        self.review_button.clicked.connect(lambda: self.confirm(SegmentStatus.REVIEWED))
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.counts)
        buttons = QHBoxLayout()
        for button in (self.confirm_button, self.review_button, self.fill_button, self.mt_button):
            buttons.addWidget(button)
        self.message = QLabel(objectName="translation_message")
        buttons.addWidget(self.message, 1)

        self.table = SegmentTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_currentRowChanged)

        self.side = SegmentSide(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="translation_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.notice)
        layout.addLayout(bar)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)

    def _build_actions(self) -> None:
        """Shortcuts of the view (while it has the focus): they act on its segments."""

        def action(text: str, keys: str, slot: Any) -> QAction:
            made = QAction(text, self)
            made.setShortcut(QKeySequence(keys))
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.match_actions = [
            action(
                self.tr("Insert match %1").replace("%1", str(n)),
                f"Ctrl+{n}",
                lambda _=False, n=n: self.insert_match(n),
            )
            for n in (1, 2, 3)
        ]
        self.confirm_action = action(
            self.tr("Confirm segment"),
            "Ctrl+Return",
            lambda: self.confirm(SegmentStatus.TRANSLATED),
        )

    # ------------------------------------------------------------ following the window

    def article_shown(self, article_id: int | None) -> None:
        self.undo_stack.clear()  # the edits were another translation's
        self.message.clear()
        self.state = None
        self.model.show_state(None)
        self.side.clear()
        self._set_enabled(False)
        if article_id is None:
            self.notice.setText(self.tr("No article is open."))
            return
        self.notice.setText(self.tr("Reading the translation…"))
        self.refresh()

    def refresh(self) -> None:
        article_id = self.article_id
        if article_id is None:
            return
        ws, started = self.ws, self._saves_started

        def read() -> tuple[TranslationState, list[GlossaryEntry], bool]:
            from editor.app.translation import workbench

            state = ws.translation.state(article_id)
            return state, workbench.glossary(ws, state), workbench.mt_configured(ws)

        def shown(found: tuple[TranslationState, list[GlossaryEntry], bool]) -> None:
            if started == self._saves_started and not self._saves_pending:
                self._show_state(*found)

        self.run_query(
            "state",
            self.tr("Reading the translation"),
            plain(read),
            shown,
            on_error=self._on_state_error,
        )

    def _on_state_error(self, error: BaseException) -> None:
        from editor.app.translation.service import TranslationError

        if isinstance(error, TranslationError):
            reason = str(error)
            self.notice.setText(
                self.tr(
                    "%1. Translate to… (Ctrl+Alt+T) makes a translation of it; Go to Other "
                    "Language Version (Ctrl+Alt+L) opens one it has."
                ).replace("%1", reason[:1].upper() + reason[1:])
            )
        else:
            self.notice.setText(
                self.tr("The translation could not be read: %1").replace("%1", str(error))
            )

    def on_change(self, change: Change) -> None:
        state = self.state
        if state is None:
            return
        if isinstance(change, EntitiesChanged) or (
            isinstance(change, ArticleStateChange)
            and change.article_id in (state.source.id, state.article.id)
            and not self._saves_pending
            and change.article != state.article  # our own save: shown already
        ):
            self.refresh()

    def _show_state(self, state: TranslationState, terms: list[GlossaryEntry], mt: bool) -> None:
        first = self.state is None or self.state.article.id != state.article.id
        keys = [line.key for line in self.model.lines()]
        if keys and keys != [row.key for row in state.rows]:
            # The source was split anew: the steps to undo name segments that moved.
            self.undo_stack.clear()
        self.state, self.terms, self.mt_ready = state, terms, mt
        self.model.show_state(state)
        self._set_enabled(True)
        self.mt_button.setVisible(mt)
        self._show_progress(state)
        self.side.show_stale(self.model.stale_lines(), self._change_names)
        if first or self.current_key() is None:
            self.table.select_open()
        else:
            self._ask_help()
        self._check_article()

    def _show_progress(self, state: TranslationState) -> None:
        counts = state.counts()
        self.progress.setValue(round(state.progress * 100))
        self.progress.setFormat(self.tr("%p% translated"))
        parts = [f"{n} {self.model.status_name(SegmentStatus(k))}" for k, n in counts.items() if n]
        stale = len(self.model.stale_lines())
        if stale:
            parts.append(self.tr("%1 behind the source").replace("%1", str(stale)))
        self.counts.setText(" · ".join(parts))
        source = state.source.title or self.tr("untitled")
        text = self.tr("Translated from %1 (“%2”).").replace("%1", state.source.language.upper())
        text = text.replace("%2", source)
        if state.outdated:
            text += " " + self.tr("The source changed since: the marked segments need work.")
        self.notice.setText(text)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.table, self.fill_button, self.confirm_button, self.review_button):
            widget.setEnabled(on)
        self.mt_button.setVisible(on and self.mt_ready)

    # ------------------------------------------------------------ the current segment

    def current_key(self) -> str | None:
        return self.table.current_key()

    def select_segment(self, key: str) -> None:
        self.table.select_segment(key)

    def _on_table_currentRowChanged(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.side.key = None  # what is shown is another segment's until the answer comes
        self._ask_help()

    def _ask_help(self) -> None:
        state, key = self.state, self.current_key()
        if state is None or key is None:
            self.side.clear()
            return
        line = self.model.by_key(key)
        if line is None or not line.source:
            self.side.clear()
            return
        ws, terms, target = self.ws, list(self.terms), line.target

        def work() -> SegmentHelp:
            from editor.app.translation import workbench

            return workbench.segment_help(ws, state, key, target, terms)

        self.run_query(
            "help", self.tr("Looking up the translation memory"), plain(work), self._on_help_found
        )

    def _on_help_found(self, found: SegmentHelp) -> None:
        if found.key == self.current_key():
            self.side.show_help(found)

    def _check_article(self) -> None:
        article_id, ws = self.article_id, self.ws
        if article_id is None:
            return

        def work() -> list[Any]:
            from editor.app.translation import workbench

            return workbench.article_problems(ws, article_id)

        def shown(problems: list[Any]) -> None:
            self.side.show_article_problems(problems)
            self.model.show_problems(problems)

        self.run_query("checks", self.tr("Checking the translation"), plain(work), shown)

    # ------------------------------------------------------------ editing

    def edit(self, label: str, after: dict[str, Value], *, force: bool = False) -> None:
        """Change target segments as one undoable step (and store them); `force`: store
        even what did not change (a stale segment confirmed as it is catches up)."""
        before: dict[str, Value] = {}
        for key in list(after):
            line = self.model.by_key(key)
            if line is None or not line.editable:
                del after[key]
                continue
            before[key] = (line.target, line.status)
        if after and (force or after != before):
            self.undo_stack.push(SegmentEdit(label, before, after, self._apply))

    def _apply(self, values: dict[str, Value]) -> None:
        for key, (text, status) in values.items():
            self.model.apply(key, text, status)
        self.table.resizeRowsToContents()
        self._store(values)

    def _on_model_edit_requested(self, key: str, text: str) -> None:
        line = self.model.by_key(key)
        if line is None:
            return
        status = SegmentStatus.DRAFT if text.strip() else SegmentStatus.UNTRANSLATED
        self.edit(self.tr("Edit segment"), {key: (text, status)})

    def confirm(self, status: SegmentStatus = SegmentStatus.TRANSLATED) -> None:
        """Confirm the current segment (it goes into the memory) and move to the next
        one that needs work."""
        self.table.commit_open_editor()
        key = self.current_key()
        line = self.model.by_key(key) if key else None
        if line is None or not line.editable or not line.target.strip():
            return
        self.edit(self.tr("Confirm segment"), {line.key: (line.target, status)}, force=line.stale)
        self.table.select_open(after=line.key)

    def insert_match(self, number: int) -> None:
        """Put the `number`th match (1..3) of the current segment in as a draft."""
        key = self.current_key()
        matches = self.side.matches
        if key is None or key != self.side.key or not 0 < number <= len(matches):
            return
        self.edit(
            self.tr("Insert match"), {key: (matches[number - 1].entry.target, SegmentStatus.DRAFT)}
        )

    def fill_exact(self) -> None:
        """Fill every segment that needs text and has a 100 % match (as drafts): one step."""
        state, ws = self.state, self.ws
        if state is None:
            return
        wanted = {
            ln.key: ln.source for ln in self.model.lines() if ln.editable and not ln.target.strip()
        }
        source_lang, target_lang = state.source.language, state.article.language

        def work() -> dict[str, str]:
            index = ws.memory.index(source_lang, target_lang)
            found = {key: index.exact(text) for key, text in wanted.items()}
            return {key: entries[0].target for key, entries in found.items() if entries}

        self.run_query(
            "fill", self.tr("Looking up 100 % matches"), plain(work), self._on_exact_found
        )

    def _on_exact_found(self, found: dict[str, str]) -> None:
        if found:
            edits = {key: (text, SegmentStatus.DRAFT) for key, text in found.items()}
            self.edit(self.tr("Fill 100 % matches"), edits)
        message = self.tr("Filled %1 segments from the translation memory.")
        self._say(message.replace("%1", str(len(found))))

    def machine_translate(self) -> None:
        key, article_id, ws = self.current_key(), self.article_id, self.ws
        if key is None or article_id is None or not self.mt_ready:
            return

        def work() -> str:
            from editor.app.translation import workbench

            return workbench.machine_translate(ws, article_id, key)

        def done(text: str) -> None:
            if text:
                self.edit(self.tr("Machine-translate segment"), {key: (text, SegmentStatus.DRAFT)})

        def failed(error: BaseException) -> None:
            self._say(str(error))

        self.run_query(
            "mt", self.tr("Machine-translating a segment"), plain(work), done, on_error=failed
        )

    def _say(self, text: str) -> None:
        """What an action of the view did, or why it could not (beside its buttons)."""
        self.message.setText(text)

    # ------------------------------------------------------------ storing

    def _store(self, values: dict[str, Value]) -> None:
        state, article_id = self.state, self.article_id
        if state is None or article_id is None or not self.services.flush():
            return
        ws, edits = self.ws, dict(values)
        self._saves_started += 1
        self._saves_pending += 1

        def stored(new: TranslationState) -> None:
            self._saves_pending -= 1
            if new.article.id != self.article_id:
                return
            self.article_rewritten.emit(new.article)
            if not self._saves_pending:
                self._show_state(new, self.terms, self.mt_ready)

        def failed(error: BaseException) -> None:
            self._saves_pending -= 1
            self._say(self.tr("The segment was not stored: %1").replace("%1", str(error)))

        self.run_change(
            self.tr("Storing translated segments"),
            lambda: ws.translation.save_segments(article_id, edits),
            stored,
            on_error=failed,
        )
