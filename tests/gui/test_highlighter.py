"""Markdown colouring: the formats the highlighter leaves in each block's layout."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from editor.ui.highlighter import DARK, LIGHT, MarkdownHighlighter


@pytest.fixture
def highlight(qapp):
    made: list[tuple[QPlainTextEdit, MarkdownHighlighter]] = []

    def run(text: str, *, dark: bool = False) -> QTextDocument:
        editor = QPlainTextEdit()
        highlighter = MarkdownHighlighter(editor.document(), dark=dark)
        editor.setPlainText(text)
        made.append((editor, highlighter))  # keep both alive for the test
        return editor.document()

    return run


def format_at(document: QTextDocument, line: int, column: int):
    """The highlighter's char format at ``column`` of line ``line`` (None: plain)."""
    block = document.findBlockByNumber(line)
    for frange in block.layout().formats():
        if frange.start <= column < frange.start + frange.length:
            return QTextCharFormat(frange.format)  # a copy: the range is a temporary
    return None


def test_heading_is_bold_and_coloured(highlight) -> None:
    doc = highlight("## Neue Chips\nplain")
    heading = format_at(doc, 0, 5)
    assert heading.fontWeight() == QFont.Weight.Bold
    assert heading.foreground().color() == QColor(LIGHT.heading)
    assert format_at(doc, 1, 2) is None
    assert format_at(highlight("#hashtag"), 0, 1) is None  # no space: not a heading


def test_emphasis_strong_and_inline_code(highlight) -> None:
    text = "a *kursiv* b **fett** c `code *no*` d"
    doc = highlight(text)
    assert format_at(doc, 0, text.index("kursiv")).fontItalic()
    assert format_at(doc, 0, text.index("fett")).fontWeight() == QFont.Weight.Bold
    code = format_at(doc, 0, text.index("code"))
    assert code.fontFixedPitch()
    assert not format_at(doc, 0, text.index("no*")).fontItalic()  # not emphasis inside code
    assert format_at(doc, 0, text.index(" b ")) is None
    assert format_at(highlight("snake_case_name"), 0, 6) is None  # underscores inside words


def test_fenced_code_spans_lines_until_the_matching_fence(highlight) -> None:
    doc = highlight("before\n```python\nx = *1*\n~~~\n```\nafter *it*")
    assert format_at(doc, 0, 1) is None
    for line in (1, 2, 3, 4):  # ~~~ inside a ``` block does not end it
        assert format_at(doc, line, 0).fontFixedPitch(), line
    assert not format_at(doc, 2, 5).fontItalic()
    assert format_at(doc, 5, 0) is None
    assert format_at(doc, 5, 7).fontItalic()


def test_fence_state_follows_edits(highlight) -> None:
    doc = highlight("```\ncode\n```\ntext")
    assert format_at(doc, 3, 0) is None
    cursor = doc.find("```", 4)  # the closing fence
    cursor.removeSelectedText()
    assert format_at(doc, 3, 0).fontFixedPitch()  # now still inside the block


def test_links_and_urls(highlight) -> None:
    text = "Siehe [die Quelle](https://example.org/a) und https://example.com/x."
    doc = highlight(text)
    link = format_at(doc, 0, text.index("Quelle"))
    assert link.fontUnderline()
    assert link.foreground().color() == QColor(LIGHT.link)
    url = format_at(doc, 0, text.index("example.org"))
    assert url.foreground().color() == QColor(LIGHT.url)
    assert format_at(doc, 0, text.index("example.com")).fontUnderline()
    assert format_at(doc, 0, len(text) - 1) is None  # the full stop is not part of the URL


def test_quote_and_list_markers(highlight) -> None:
    doc = highlight("> zitiert **stark**\n- Punkt\n12. Punkt\n---")
    assert format_at(doc, 0, 3).fontItalic()
    strong_in_quote = format_at(doc, 0, 12)
    assert strong_in_quote.fontItalic() and strong_in_quote.fontWeight() == QFont.Weight.Bold
    assert format_at(doc, 1, 0).foreground().color() == QColor(LIGHT.marker)
    assert format_at(doc, 1, 3) is None
    assert format_at(doc, 2, 1).foreground().color() == QColor(LIGHT.marker)
    assert format_at(doc, 3, 0).foreground().color() == QColor(LIGHT.marker)


def test_offsets_survive_emoji_and_cjk(highlight) -> None:
    text = "😀 人工智能 [链接](https://example.org) **重要**"
    doc = highlight(text)
    # Layout positions are UTF-16 units: the emoji takes two.
    utf16 = len(text[: text.index("链接")].encode("utf-16-le")) // 2
    assert format_at(doc, 0, utf16).fontUnderline()
    bold_at = len(text[: text.index("重要")].encode("utf-16-le")) // 2
    assert format_at(doc, 0, bold_at).fontWeight() == QFont.Weight.Bold
    assert format_at(doc, 0, bold_at - 3) is None  # the space before **


def test_dark_palette_uses_the_dark_colours(highlight) -> None:
    doc = highlight("# Titel", dark=True)
    assert format_at(doc, 0, 3).foreground().color() == QColor(DARK.heading)
    light, dark = QColor(LIGHT.heading), QColor(DARK.heading)
    assert light.lightness() < 128 < dark.lightness()


def test_update_colours_rehighlights(highlight) -> None:
    doc = highlight("# Titel")
    highlighter = doc.findChild(MarkdownHighlighter)
    highlighter.update_colours(dark=True)
    assert format_at(doc, 0, 3).foreground().color() == QColor(DARK.heading)
