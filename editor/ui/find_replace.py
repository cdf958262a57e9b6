"""Find and replace in a QPlainTextEdit: the bar under the body editor.

Matching uses QRegularExpression on the document's plain text: its offsets are
UTF-16 units, exactly QTextCursor positions, so matches after an emoji or in
CJK text land on the right characters.  All matches are shown as extra
selections (tagged, so the editor's own extra selections survive), the
current one is the editor's selection, and "3 of 12" counts them.

Replace All is one edit block: one Ctrl+Z takes all of it back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRegularExpression, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

MAX_HIGHLIGHTS = 2000  # more extra selections than this slow typing down; all are counted
RECOUNT_DELAY_MS = 150  # after edits in the text, matches are found again
OURS = QTextFormat.Property.UserProperty + 0x4E44  # tags our extra selections
MATCH_LIGHT = QColor("#ffe58a")
MATCH_DARK = QColor("#6b5a12")

_TEMPLATE = re.compile(r"\\(\d)|\$(\d)|\\([nt\\])")


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    groups: tuple[str, ...]  # group 0 (the whole match) and the captured groups


def build_pattern(
    text: str, *, case_sensitive: bool, whole_words: bool, regex: bool
) -> QRegularExpression:
    """The QRegularExpression for what the user typed (check ``isValid()``)."""
    body = text if regex else QRegularExpression.escape(text)
    if whole_words:
        body = rf"\b(?:{body})\b"
    options = QRegularExpression.PatternOption.UseUnicodePropertiesOption
    if not case_sensitive:
        options |= QRegularExpression.PatternOption.CaseInsensitiveOption
    return QRegularExpression(body, options)


def find_matches(pattern: QRegularExpression, text: str) -> list[Match]:
    """Every non-empty match of ``pattern`` in ``text`` (offsets in UTF-16 units)."""
    matches: list[Match] = []
    iterator = pattern.globalMatch(text)
    while iterator.hasNext():
        m = iterator.next()
        if m.capturedLength() == 0:
            continue  # "a*" matches nothing everywhere: not something to highlight
        groups = tuple(m.captured(i) or "" for i in range(pattern.captureCount() + 1))
        matches.append(Match(m.capturedStart(), m.capturedEnd(), groups))
    return matches


def expand_replacement(template: str, match: Match) -> str:
    """``\\1`` or ``$1`` for a captured group, ``\\n``, ``\\t`` and ``\\\\`` (regex mode)."""

    def one(m: re.Match[str]) -> str:
        group = m.group(1) or m.group(2)
        if group is not None:
            index = int(group)
            return match.groups[index] if index < len(match.groups) else ""
        return {"n": "\n", "t": "\t", "\\": "\\"}[m.group(3)]

    return _TEMPLATE.sub(one, template)


def _button(text: str, tip: str, name: str, *, checkable: bool = False) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    button.setCheckable(checkable)
    return button


def _toggle(text: str, tip: str, name: str) -> QToolButton:
    return _button(text, tip, name, checkable=True)


def _line_edit(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class FindReplaceBar(QWidget):
    """The find bar for one QPlainTextEdit at a time (see :meth:`set_editor`).

    ``matchesChanged(current, total)``: current is 1-based, 0 when the cursor
    is on no match.
    """

    matchesChanged = Signal(int, int)
    closed = Signal()

    def __init__(self, editor: QPlainTextEdit | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor: QPlainTextEdit | None = None
        self._matches: list[Match] = []
        self._current: int | None = None
        self._search_from = 0  # incremental search starts here
        self._build()
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_DELAY_MS)
        self._recount.timeout.connect(self._refresh_after_edit)
        self.hide()
        if editor is not None:
            self.set_editor(editor)

    def _build(self) -> None:
        self.find_edit = _line_edit("find_text", self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = _line_edit("replace_text", self.tr("Replace with"))
        self.case_button = _toggle("Aa", self.tr("Match case"), "find_case")
        self.word_button = _toggle("W", self.tr("Whole words only"), "find_words")
        self.regex_button = _toggle(".*", self.tr("Regular expression"), "find_regex")
        self.previous_button = _button(
            "↑", self.tr("Previous match (Shift+Enter)"), "find_previous"
        )
        self.next_button = _button("↓", self.tr("Next match (Enter)"), "find_next")
        self.count_label = QLabel()
        self.count_label.setObjectName("find_count")
        self.count_label.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(
                self.tr("{n} of {total}").format(n=9999, total=9999)
            )
        )
        self.replace_button = _button(
            self.tr("Replace"), self.tr("Replace this match (Enter)"), "replace_one"
        )
        self.replace_all_button = _button(
            self.tr("Replace All"), self.tr("Replace every match"), "replace_all"
        )
        self.close_button = _button("✕", self.tr("Close (Esc)"), "find_close")

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        for column, widget in enumerate(
            (
                self.find_edit,
                self.case_button,
                self.word_button,
                self.regex_button,
                self.count_label,
                self.previous_button,
                self.next_button,
                self.close_button,
            )
        ):
            grid.addWidget(widget, 0, column)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.addWidget(self.replace_button, 1, 1, 1, 4)
        grid.addWidget(self.replace_all_button, 1, 5, 1, 3)
        grid.setColumnStretch(0, 1)

        self.find_edit.textChanged.connect(self._on_pattern_changed)
        for toggle in (self.case_button, self.word_button, self.regex_button):
            toggle.toggled.connect(self._on_pattern_changed)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.find_edit.installEventFilter(self)
        self.replace_edit.installEventFilter(self)
        self._set_replace_visible(False)

    # ------------------------------------------------------------ editor and opening

    def editor(self) -> QPlainTextEdit | None:
        return self._editor

    def set_editor(self, editor: QPlainTextEdit) -> None:
        """Search in ``editor`` from now on (the highlights leave the previous one)."""
        if editor is self._editor:
            return
        if self._editor is not None:
            self._clear_highlights()
            self._editor.document().contentsChanged.disconnect(self._on_text_edited)
        self._editor = editor
        editor.document().contentsChanged.connect(self._on_text_edited)
        if self.isVisible():
            self._search(select=False)

    def open(self, replace: bool = False) -> None:
        """Show the bar, seeded with the editor's selection when that is one line."""
        editor = self._editor
        if editor is not None:
            cursor = editor.textCursor()
            selected = cursor.selectedText()
            if selected and "\u2029" not in selected:
                with QSignalBlocker(self.find_edit):
                    self.find_edit.setText(selected)
            self._search_from = cursor.selectionStart()
        self._set_replace_visible(replace)
        self.show()
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()
        self._search(select=False)

    def close_bar(self) -> None:
        self._clear_highlights()
        self.hide()
        if self._editor is not None:
            self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def replace_visible(self) -> bool:
        return not self.replace_edit.isHidden()

    def _set_replace_visible(self, visible: bool) -> None:
        for widget in (self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(visible)

    def set_options(
        self,
        *,
        case_sensitive: bool | None = None,
        whole_words: bool | None = None,
        regex: bool | None = None,
    ) -> None:
        for button, value in (
            (self.case_button, case_sensitive),
            (self.word_button, whole_words),
            (self.regex_button, regex),
        ):
            if value is not None:
                button.setChecked(value)

    # ------------------------------------------------------------ searching

    def pattern(self) -> QRegularExpression:
        return build_pattern(
            self.find_edit.text(),
            case_sensitive=self.case_button.isChecked(),
            whole_words=self.word_button.isChecked(),
            regex=self.regex_button.isChecked(),
        )

    def matches(self) -> list[Match]:
        return list(self._matches)

    def match_count(self) -> int:
        return len(self._matches)

    def count_text(self) -> str:
        return self.count_label.text()

    def _on_pattern_changed(self) -> None:
        self._search(select=True)

    def _search(self, *, select: bool) -> None:
        """Find all matches again; with ``select``, jump to the first from the search start."""
        self._matches = []
        self._current = None
        editor = self._editor
        text = self.find_edit.text()
        pattern = self.pattern()
        if editor is None or not text:
            self._show_count(invalid=False)
            self._clear_highlights()
            return
        if not pattern.isValid():
            self._show_count(invalid=True)
            self._clear_highlights()
            return
        self._matches = find_matches(pattern, editor.toPlainText())
        if select and self._matches:
            self._select(self._first_at_or_after(self._search_from))
        else:
            self._current = self._index_of_selection()
        self._show_count(invalid=False)
        self._highlight()

    def _on_text_edited(self) -> None:
        if self.isVisible():
            self._recount.start()

    def _refresh_after_edit(self) -> None:
        if self.isVisible() and self.find_edit.text():
            self._search(select=False)

    def _first_at_or_after(self, position: int) -> int:
        for index, match in enumerate(self._matches):
            if match.start >= position:
                return index
        return 0  # wrap around

    def _index_of_selection(self) -> int | None:
        if self._editor is None:
            return None
        cursor = self._editor.textCursor()
        for index, match in enumerate(self._matches):
            if (match.start, match.end) == (cursor.selectionStart(), cursor.selectionEnd()):
                return index
        return None

    def _select(self, index: int) -> None:
        assert self._editor is not None
        match = self._matches[index]
        cursor = self._editor.textCursor()
        cursor.setPosition(match.start)
        cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()
        self._current = index

    def find_next(self) -> bool:
        return self._step(forward=True)

    def find_previous(self) -> bool:
        return self._step(forward=False)

    def _step(self, *, forward: bool) -> bool:
        if self._editor is None:
            return False
        if self._recount.isActive():  # the text changed since the last count
            self._recount.stop()
            self._search(select=False)
        if not self._matches:
            return False
        cursor = self._editor.textCursor()
        if forward:
            index = self._first_at_or_after(cursor.selectionEnd())
        else:
            before = [i for i, m in enumerate(self._matches) if m.end <= cursor.selectionStart()]
            index = before[-1] if before else len(self._matches) - 1
        self._select(index)
        self._search_from = self._matches[index].start
        self._show_count(invalid=False)
        self._highlight()
        return True

    # ------------------------------------------------------------ replacing

    def _replacement(self, match: Match) -> str:
        template = self.replace_edit.text()
        return expand_replacement(template, match) if self.regex_button.isChecked() else template

    def replace_current(self) -> bool:
        """Replace the selected match (if the selection is one) and move to the next."""
        if self._editor is None:
            return False
        self._recount.stop()
        self._search(select=False)
        index = self._index_of_selection()
        if index is None:
            return self.find_next()
        match = self._matches[index]
        cursor = self._editor.textCursor()
        cursor.insertText(self._replacement(match))
        self._editor.setTextCursor(cursor)
        self._search(select=False)
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        if self._editor is None:
            return 0
        self._recount.stop()
        self._search(select=False)
        matches = list(self._matches)
        if not matches:
            return 0
        cursor = QTextCursor(self._editor.document())
        cursor.beginEditBlock()
        # From the end backwards, so earlier offsets stay valid.
        for match in reversed(matches):
            cursor.setPosition(match.start)
            cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(self._replacement(match))
        cursor.endEditBlock()
        self._recount.stop()
        self._search(select=False)
        self.count_label.setText(self.tr("Replaced {n}").format(n=len(matches)))
        return len(matches)

    # ------------------------------------------------------------ showing

    def _show_count(self, *, invalid: bool) -> None:
        total = len(self._matches)
        if invalid:
            text = self.tr("Invalid pattern")
        elif not self.find_edit.text():
            text = ""
        elif total == 0:
            text = self.tr("No results")
        elif self._current is None:
            text = self.tr("{n} found").format(n=total)
        else:
            text = self.tr("{n} of {total}").format(n=self._current + 1, total=total)
        self.count_label.setText(text)
        failed = invalid or (bool(self.find_edit.text()) and total == 0)
        self.find_edit.setProperty("failed", failed)
        self.find_edit.setStyleSheet("QLineEdit { color: #c4453a; }" if failed else "")
        self.matchesChanged.emit(0 if self._current is None else self._current + 1, total)

    def _highlight(self) -> None:
        editor = self._editor
        if editor is None:
            return
        colour = self._match_colour()
        ours: list[QTextEdit.ExtraSelection] = []
        for match in self._matches[:MAX_HIGHLIGHTS]:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(editor.document())
            cursor.setPosition(match.start)
            cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            fmt.setProperty(OURS, True)
            selection.format = fmt
            ours.append(selection)
        editor.setExtraSelections(self._foreign_selections() + ours)

    def highlighted(self) -> list[tuple[int, int]]:
        """(start, end) of the matches shown as highlights now."""
        if self._editor is None:
            return []
        return [
            (s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in self._editor.extraSelections()
            if s.format.property(OURS)
        ]

    def _foreign_selections(self) -> list[QTextEdit.ExtraSelection]:
        assert self._editor is not None
        return [s for s in self._editor.extraSelections() if not s.format.property(OURS)]

    def _clear_highlights(self) -> None:
        if self._editor is not None:
            self._editor.setExtraSelections(self._foreign_selections())

    def _match_colour(self) -> QColor:
        base = self.palette().color(QPalette.ColorRole.Base)
        return MATCH_DARK if base.lightness() < 128 else MATCH_LIGHT

    # ------------------------------------------------------------ keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()  # Esc closes the bar, whatever else it is bound to
            return True
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if watched is self.replace_edit and not shift:
                self.replace_current()
            elif shift:
                self.find_previous()
            else:
                self.find_next()
            return True
        if event.matches(QKeySequence.StandardKey.FindNext):
            self.find_next()
            return True
        if event.matches(QKeySequence.StandardKey.FindPrevious):
            self.find_previous()
            return True
        return False
