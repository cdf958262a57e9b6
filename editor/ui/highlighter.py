"""Markdown colouring for the body editor.

Line-based, as QSyntaxHighlighter works: headings, block quotes, list markers
and rules by the start of a line; emphasis, strong, inline code, links and
bare URLs inside it; fenced code blocks across lines through the block state
(the state remembers the fence, so a ``` inside a ~~~ block does not end it).

Patterns are QRegularExpressions, not Python ``re``: their offsets are in
UTF-16 units, the same as ``setFormat`` expects, so an emoji before a link does
not shift the colouring.

Two colour sets, picked from the palette's base colour, keep every format
readable on a light and on a dark background; call :meth:`update_colours`
after the application palette changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtCore import QRegularExpression as Regex
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

# Block states: -1 (Qt's default) and NORMAL mean ordinary text; inside a fenced
# code block the state is FENCE_BASE + fence length, plus TILDE for ~~~ fences.
NORMAL = 0
FENCE_BASE = 1000
TILDE = 10000

_UNICODE = Regex.PatternOption.UseUnicodePropertiesOption


def _rx(pattern: str) -> Regex:
    return Regex(pattern, _UNICODE)


FENCE = _rx(r"^ {0,3}(`{3,}|~{3,})")
HEADING = _rx(r"^ {0,3}(#{1,6})(?=\s|$)")
QUOTE = _rx(r"^ {0,3}>")
LIST_MARKER = _rx(r"^\s*(?:[-*+]|\d{1,9}[.)])(?=\s)")
RULE = _rx(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
INLINE_CODE = _rx(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
STRONG = _rx(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
EMPHASIS = _rx(
    r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)|(?<![_\w])_(?=\S)(.+?)(?<=\S)_(?![_\w])"
)
LINK = _rx(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
AUTOLINK = _rx(r"<(?:https?|mailto):[^>\s]+>|\bhttps?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")


@dataclass(frozen=True)
class Colours:
    heading: str
    marker: str  # list bullets, quote bars, rules, heading hashes, fences
    code: str
    code_background: str
    link: str
    url: str
    quote: str
    mention: str = "#fff1b8"  # the background of a tagged entity's mention


LIGHT = Colours(
    heading="#1d4f91",
    marker="#8a5a00",
    code="#a3123a",
    code_background="#f1f1f4",
    link="#0b61c4",
    url="#6b7280",
    quote="#4b5563",
)
DARK = Colours(
    heading="#8cb8ff",
    marker="#e0b45c",
    code="#ff9cb4",
    code_background="#2b2d33",
    link="#7fb6ff",
    url="#9ca3af",
    quote="#b8c0cc",
    mention="#4a4020",
)


def palette_is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _matches(regex: Regex, text: str) -> Iterator[tuple[int, int, object]]:
    """(start, length, match) for every non-empty match of ``regex`` in ``text``."""
    iterator = regex.globalMatch(text)
    while iterator.hasNext():
        match = iterator.next()
        if match.capturedLength() > 0:
            yield match.capturedStart(), match.capturedLength(), match


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, parent: QTextDocument | QObject, *, dark: bool | None = None) -> None:
        super().__init__(parent)
        self._dark_override = dark
        self.formats: dict[str, QTextCharFormat] = {}
        # Mentions of the article's tagged entities, by line text (spans in UTF-16
        # units), computed off the keystroke path (editor.ui.entities.marks): a line
        # is looked up by its text, nothing is searched while typing.
        self.mentions: Mapping[str, Sequence[tuple[int, int]]] = {}
        self._build_formats()

    # ------------------------------------------------------------ colours

    @property
    def dark(self) -> bool:
        return palette_is_dark() if self._dark_override is None else self._dark_override

    def update_colours(self, dark: bool | None = None) -> None:
        """Pick the colour set again (``dark=None``: from the application palette)."""
        self._dark_override = dark
        self._build_formats()
        self.rehighlight()

    def _build_formats(self) -> None:
        colours = DARK if self.dark else LIGHT
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)

        def fmt(
            colour: str | None = None,
            *,
            bold: bool = False,
            italic: bool = False,
            underline: bool = False,
            background: str | None = None,
            monospace: bool = False,
        ) -> QTextCharFormat:
            f = QTextCharFormat()
            if colour:
                f.setForeground(QColor(colour))
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            if italic:
                f.setFontItalic(True)
            if underline:
                f.setFontUnderline(True)
            if background:
                f.setBackground(QColor(background))
            if monospace:
                f.setFontFamilies(mono.families() or ["monospace"])
                f.setFontFixedPitch(True)
            return f

        self.formats = {
            "heading": fmt(colours.heading, bold=True),
            "marker": fmt(colours.marker, bold=True),
            "strong": fmt(bold=True),
            "emphasis": fmt(italic=True),
            "code": fmt(colours.code, background=colours.code_background, monospace=True),
            "code_block": fmt(colours.code, background=colours.code_background, monospace=True),
            "link": fmt(colours.link, underline=True),
            "url": fmt(colours.url),
            "quote": fmt(colours.quote, italic=True),
            "mention": fmt(background=colours.mention),
        }

    # ------------------------------------------------------------ highlighting

    def highlightBlock(self, text: str) -> None:
        state = self.previousBlockState()
        if state >= FENCE_BASE:
            self._inside_fence(text, state)
            return
        self.setCurrentBlockState(NORMAL)
        fence = FENCE.match(text)
        if fence.hasMatch():
            marker = fence.captured(1)
            tilde = TILDE if marker.startswith("~") else 0
            self.setFormat(0, len(text), self.formats["code_block"])
            self.setCurrentBlockState(FENCE_BASE + tilde + len(marker))
            return
        self._block_level(text)
        self._inline(text)
        spans = self.mentions.get(text) if self.mentions else None
        if spans:
            for start, length in spans:
                self._merge(start, length, self.formats["mention"])

    def _inside_fence(self, text: str, state: int) -> None:
        self.setFormat(0, len(text), self.formats["code_block"])
        tilde = state >= TILDE
        length = state - FENCE_BASE - (TILDE if tilde else 0)
        closing = FENCE.match(text)
        marker = closing.captured(1) if closing.hasMatch() else ""
        ends = (
            bool(marker)
            and marker.startswith("~" if tilde else "`")
            and len(marker) >= length
            and not text[closing.capturedEnd() :].strip()
        )
        self.setCurrentBlockState(NORMAL if ends else state)

    def _block_level(self, text: str) -> None:
        heading = HEADING.match(text)
        if heading.hasMatch():
            self.setFormat(0, len(text), self.formats["heading"])
            return
        if RULE.match(text).hasMatch():
            self.setFormat(0, len(text), self.formats["marker"])
            return
        quote = QUOTE.match(text)
        if quote.hasMatch():
            self.setFormat(0, len(text), self.formats["quote"])
            self.setFormat(0, quote.capturedEnd(), self.formats["marker"])
        marker = LIST_MARKER.match(text)
        if marker.hasMatch():
            self.setFormat(0, marker.capturedEnd(), self.formats["marker"])

    def _inline(self, text: str) -> None:
        # Code first: nothing inside backticks is emphasis or a link.  The spans
        # taken so far (code, then links) are off limits to later patterns.
        taken: list[tuple[int, int]] = []
        for start, length, _m in _matches(INLINE_CODE, text):
            self.setFormat(start, length, self.formats["code"])
            taken.append((start, start + length))

        def free(start: int, length: int) -> bool:
            return not any(s < start + length and start < e for s, e in taken)

        for regex, name in ((STRONG, "strong"), (EMPHASIS, "emphasis")):
            for start, length, _m in _matches(regex, text):
                if free(start, length):
                    self._merge(start, length, self.formats[name])
        for start, length, match in _matches(LINK, text):
            if free(start, length):
                taken.append((start, start + length))  # a URL inside is not another link
                self._merge(start, length, self.formats["link"])
                url_start = match.capturedStart(2)  # type: ignore[attr-defined]
                url_length = match.capturedLength(2)  # type: ignore[attr-defined]
                if url_length:
                    self.setFormat(url_start, url_length, self.formats["url"])
        for start, length, _m in _matches(AUTOLINK, text):
            if free(start, length):
                self._merge(start, length, self.formats["link"])

    def _merge(self, start: int, length: int, extra: QTextCharFormat) -> None:
        """Add ``extra`` on top of what is there (bold inside a quote stays a quote)."""
        end = start + length
        run_start = start
        while run_start < end:
            base = self.format(run_start)
            run_end = run_start + 1
            while run_end < end and self.format(run_end) == base:
                run_end += 1
            combined = QTextCharFormat(base)
            combined.merge(extra)
            self.setFormat(run_start, run_end - run_start, combined)
            run_start = run_end
