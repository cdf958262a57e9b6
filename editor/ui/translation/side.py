"""What the translation view shows beside its table: for the current segment the memory's
matches (score, the difference to the segment highlighted), the glossary terms it
mentions, its checks and how its source changed; for the article its checks and the
segments behind their source. Display only: the panel decides what to show."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from editor.app.translation.workbench import SegmentHelp
    from editor.core.translation.checks import GlossaryEntry, SegmentProblem
    from editor.core.translation.memory import TmMatch
    from editor.ui.translation.model import Line

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_DIFF_STYLE = {
    "-": "background:#f8d0d0;text-decoration:line-through",
    "+": "background:#c8f0c8",
}


def diff_html(pieces: Sequence[tuple[str, str]]) -> str:
    """(op, text) pieces as HTML: removed words struck through in red, added ones green."""
    parts = []
    for op, text in pieces:
        escaped = html.escape(text)
        style = _DIFF_STYLE.get(op)
        parts.append(f'<span style="{style}">{escaped}</span>' if style else escaped)
    return " ".join(parts)


class SegmentSide(QWidget):
    segment_chosen = Signal(str)  # the key of a segment picked in a list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: list[TmMatch] = []
        self.key: str | None = None  # the segment the help shown is for
        self.match_view = QTextBrowser(objectName="translation_matches")
        self.match_view.setOpenLinks(False)
        self.glossary = QLabel(objectName="translation_glossary", wordWrap=True)
        self.glossary.setTextFormat(Qt.TextFormat.RichText)
        self.glossary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.segment_checks = QListWidget(objectName="translation_segment_checks")
        self.article_checks = QListWidget(objectName="translation_article_checks")
        self.source_diff = QTextBrowser(objectName="translation_source_diff")
        self.stale_list = QListWidget(objectName="translation_stale_list")

        self.tabs = QTabWidget(objectName="translation_side_tabs", documentMode=True)
        self.tabs.addTab(self._page(self.match_view, self.glossary), self.tr("Memory"))
        self.tabs.addTab(
            self._page(self.segment_checks, QLabel(self.tr("Whole article:")), self.article_checks),
            self.tr("Checks"),
        )
        self.tabs.addTab(
            self._page(self.source_diff, QLabel(self.tr("Behind the source:")), self.stale_list),
            self.tr("Source changes"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.article_checks.itemActivated.connect(self._on_list_itemActivated)
        self.stale_list.itemActivated.connect(self._on_list_itemActivated)
        self.article_checks.itemClicked.connect(self._on_list_itemActivated)
        self.stale_list.itemClicked.connect(self._on_list_itemActivated)
        self.clear()

    @staticmethod
    def _page(*widgets: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 2, 2, 2)
        for widget in widgets:
            layout.addWidget(widget, 0 if isinstance(widget, QLabel) else 1)
        return page

    def clear(self) -> None:
        self.key = None
        self.matches = []
        self.match_view.setHtml("")
        self.glossary.setText("")
        self.segment_checks.clear()
        self.source_diff.setHtml("")

    # ------------------------------------------------------------ the current segment

    def show_help(self, found: SegmentHelp) -> None:
        self.key = found.key
        self.show_matches(found.matches)
        self.show_terms(found.terms)
        self._fill(
            self.segment_checks,
            [(p.message, p.key) for p in found.problems],
            self.tr("No problems found in this segment."),
        )
        if found.source_diff:
            self.source_diff.setHtml(
                "<p>"
                + self.tr("The source of this segment changed:")
                + "</p><p>"
                + diff_html(found.source_diff)
                + "</p>"
            )
        else:
            self.source_diff.setHtml("")

    def show_matches(self, matches: list[TmMatch]) -> None:
        self.matches = list(matches)
        if not matches:
            self.match_view.setHtml("<p><i>" + self.tr("No matches in the memory.") + "</i></p>")
            return
        blocks = []
        for number, match in enumerate(matches, start=1):
            head = self.tr("Ctrl+%1 · %2 %").replace("%1", str(number))
            head = head.replace("%2", f"{match.score:g}")
            blocks.append(
                f"<p><b>{html.escape(head)}</b><br>{html.escape(match.entry.target)}<br>"
                f"<small>{diff_html(match.diff)}</small></p>"
            )
        self.match_view.setHtml("".join(blocks))

    def show_terms(self, terms: list[GlossaryEntry]) -> None:
        if not terms:
            self.glossary.setText("")
            return
        rows = []
        for term in terms:
            if term.do_not_translate:
                rows.append(f"<b>{html.escape(term.source)}</b> — " + self.tr("do not translate"))
            else:
                rows.append(f"<b>{html.escape(term.source)}</b> → {html.escape(term.target or '')}")
        self.glossary.setText(self.tr("Glossary:") + "<br>" + "<br>".join(rows))

    # ------------------------------------------------------------ the article

    def show_article_problems(self, problems: list[SegmentProblem]) -> None:
        self._fill(
            self.article_checks,
            [(f"{p.key}: {p.message}", p.key) for p in problems],
            self.tr("No problems found."),
        )

    def show_stale(self, lines: list[Line], names: dict[str, str]) -> None:
        items = [(f"{line.key}: {names[line.change.value]}", line.key) for line in lines]
        self._fill(self.stale_list, items, self.tr("Nothing is behind the source."))
        title = self.tr("Source changes")
        if lines:
            title += f" ({len(lines)})"
        self.tabs.setTabText(2, title)

    @staticmethod
    def _fill(widget: QListWidget, items: list[tuple[str, str]], empty: str) -> None:
        widget.clear()
        for text, key in items:
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, key)
            widget.addItem(item)
        if not items:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(item)

    def _on_list_itemActivated(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key:
            self.segment_chosen.emit(str(key))
