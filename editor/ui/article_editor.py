"""The editing area: title, teaser and the body, with Write | Preview | History | Page tabs.

The widget knows nothing about the database: it shows an article, and emits
:attr:`ArticleEditor.edited` with ``{field: value}`` for each change the editor
makes (the window hands that to autosave).  Loading an article never emits.
Each text field keeps its own undo history, so Ctrl+Z acts on the focused field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from editor.core.article import Article

WRITE_TAB, PREVIEW_TAB, HISTORY_TAB, PAGE_TAB = range(4)
TAB_NAMES = {"write": WRITE_TAB, "preview": PREVIEW_TAB, "history": HISTORY_TAB, "page": PAGE_TAB}
BODY_FONTS = ["IBM Plex Mono", "JetBrains Mono", "Source Code Pro", "DejaVu Sans Mono"]


def body_font() -> QFont:
    """A calm monospaced face: Markdown lines up, and long sessions stay readable."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setFamilies([*BODY_FONTS, font.family()])
    font.setPointSize(max(font.pointSize(), 11))
    return font


class ArticleEditor(QWidget):
    edited = Signal(dict)  # {field: new value}, only for the editor's own changes
    tab_shown = Signal(int)  # WRITE_TAB, PREVIEW_TAB, HISTORY_TAB or PAGE_TAB

    def __init__(self, parent: QWidget | None = None, *, highlight: bool = True) -> None:
        """``highlight=False`` leaves the Markdown colouring to :meth:`attach_highlighter`
        (a fast start paints before importing it)."""
        super().__init__(parent)
        self.setObjectName("article_editor")
        self._loading = False
        self.title = QLineEdit(objectName="title_edit", placeholderText=self.tr("Title"))
        self.title.setFont(_scaled(self.title.font(), 1.5, bold=True))
        self.teaser = QPlainTextEdit(objectName="teaser_edit", placeholderText=self.tr("Teaser"))
        self.teaser.setTabChangesFocus(True)
        self.teaser.setMaximumHeight(self.teaser.fontMetrics().lineSpacing() * 4 + 12)
        self.body = QPlainTextEdit(
            objectName="body_edit", placeholderText=self.tr("Write in Markdown…")
        )
        self.body.setFont(body_font())
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter: Any = None
        if highlight:
            self.attach_highlighter()
        self.title.setAccessibleName(self.tr("Title"))
        self.teaser.setAccessibleName(self.tr("Teaser"))
        self.body.setAccessibleName(self.tr("Article text (Markdown)"))
        self.notice = QLabel(objectName="editor_notice", wordWrap=True)
        self.notice.hide()

        self.tabs = QTabWidget(objectName="editor_tabs", documentMode=True)
        # Four short tabs: in a narrow editor they shrink rather than hide behind arrows.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.addTab(self.body, self.tr("Write"))
        self.tabs.addTab(QWidget(objectName="preview_placeholder"), self.tr("Preview"))
        self.tabs.addTab(QWidget(objectName="history_placeholder"), self.tr("History"))
        self.tabs.addTab(QWidget(objectName="page_placeholder"), self.tr("Page"))
        self.tabs.setTabToolTip(PREVIEW_TAB, self.tr("The Markdown rendered, as you type"))
        self.tabs.setTabToolTip(PAGE_TAB, self.tr("The published page, as the site will show it"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.title)
        layout.addWidget(self.teaser)
        layout.addWidget(self.tabs, 1)

        self.title.textEdited.connect(self._on_title_textEdited)
        self.teaser.textChanged.connect(self._on_teaser_textChanged)
        self.body.textChanged.connect(self._on_body_textChanged)
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)
        self.show_article(None)

    # ------------------------------------------------------------ showing an article

    def show_article(self, article: Article | None, *, cursor: int | None = None) -> None:
        """Put ``article``'s text in the fields (their undo histories start afresh)."""
        self._loading = True
        try:
            self.title.setText(article.title if article else "")
            self.title.setCursorPosition(0)  # a long title shows its beginning
            self.teaser.setPlainText(article.teaser if article else "")
            self.body.setPlainText(article.body if article else "")
        finally:
            self._loading = False
        self.set_read_only(article is None or article.deleted)
        if article is not None and article.deleted:
            self.show_notice(self.tr("This article is in the trash. Restore it to edit it."))
        elif article is None:
            self.show_notice(
                self.tr("No article open. Create one with New, or pick one from the list.")
            )
        else:
            self.show_notice(None)
        if cursor is not None:
            self.set_cursor_position(cursor)

    def attach_highlighter(self) -> None:
        """Colour the body's Markdown (once; the text shown so far is coloured too).

        Colouring text already shown makes the body emit textChanged: done here, at
        once and as loading, so that it is not taken for an edit (and saved).
        """
        if self.highlighter is not None:
            return
        self._loading = True
        try:
            self.highlighter = _attach_highlighter(self.body)
            if self.highlighter is not None:
                self.highlighter.rehighlight()
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.title, self.teaser, self.body):
            widget.setReadOnly(read_only)

    def show_notice(self, text: str | None) -> None:
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def replace_text(self, article: Article) -> None:
        """Show text changed elsewhere (a restored revision), keeping it undoable."""
        self._loading = True
        try:
            if self.title.text() != article.title:
                self.title.selectAll()
                self.title.insert(article.title)
            for widget, text in ((self.teaser, article.teaser), (self.body, article.body)):
                if widget.toPlainText() != text:
                    cursor = QTextCursor(widget.document())
                    cursor.select(QTextCursor.SelectionType.Document)
                    cursor.insertText(text)
        finally:
            self._loading = False

    def cursor_position(self) -> int:
        return self.body.textCursor().position()

    def set_cursor_position(self, position: int) -> None:
        cursor = self.body.textCursor()
        cursor.setPosition(max(0, min(position, len(self.body.toPlainText()))))
        self.body.setTextCursor(cursor)
        self.body.ensureCursorVisible()

    def add_bottom_widget(self, widget: QWidget) -> None:
        """A bar under the tabs (the find bar)."""
        layout = self.layout()
        assert layout is not None  # built in __init__
        layout.addWidget(widget)

    # ------------------------------------------------------------ tabs

    def keep_focus(self) -> None:
        """After a tab change: Qt hands the focus of a page it hides to the next field of
        the focus chain (the slug, its text selected, so the next key would overwrite
        it); it goes to the page now shown instead."""
        focused = QApplication.focusWidget()
        if focused is None or focused is self or self.isAncestorOf(focused):
            return
        if isinstance(focused, QLineEdit):
            focused.deselect()
        page = self.tabs.currentWidget()
        no_focus = page.focusPolicy() == Qt.FocusPolicy.NoFocus
        (self.tabs.tabBar() if no_focus else page).setFocus()

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TAB_NAMES[name])

    def current_tab(self) -> int:
        return self.tabs.currentIndex()

    def set_tab_widget(self, index: int, widget: QWidget) -> None:
        """Put a lazily built panel (preview, history) in place of its placeholder."""
        current = self.tabs.currentIndex()
        label = self.tabs.tabText(index)
        old = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, label)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if old is not None:
            old.deleteLater()

    # ------------------------------------------------------------ slots

    def _on_title_textEdited(self, text: str) -> None:
        if not self._loading:
            self.edited.emit({"title": text})

    def _on_teaser_textChanged(self) -> None:
        if not self._loading:
            self.edited.emit({"teaser": self.teaser.toPlainText()})

    def _on_body_textChanged(self) -> None:
        if not self._loading:
            self.edited.emit({"body": self.body.toPlainText()})

    def _on_tabs_currentChanged(self, index: int) -> None:
        self.tab_shown.emit(index)


def _scaled(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def _attach_highlighter(body: QPlainTextEdit) -> Any:
    """Markdown colouring, when the highlighter module is there."""
    try:
        from editor.ui.highlighter import MarkdownHighlighter
    except ImportError:
        return None
    return MarkdownHighlighter(body.document())
