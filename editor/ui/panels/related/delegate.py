"""How a row of the related-links lists is drawn."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from editor.ui.panels.related.models import LANGUAGE_ROLE, PINNED_ROLE, REASONS_ROLE, SCORE_ROLE


class RelatedRowDelegate(QStyledItemDelegate):
    """Two lines: [LANG] title … score bar / pin; below, the reasons in small grey text."""

    PADDING = 4
    BAR_WIDTH = 36

    def _small_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        main = QFontMetrics(option.font).height()
        small = QFontMetrics(self._small_font(option)).height()
        return QSize(200, main + small + 3 * self.PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect: QRect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        main_height = QFontMetrics(option.font).height()
        painter.save()
        x = self._paint_language(painter, option, index, rect, main_height)
        right = self._paint_trailer(painter, option, index, rect, main_height, text_colour)
        painter.setPen(text_colour)
        painter.setFont(option.font)
        title_rect = QRect(x, rect.top(), max(0, right - x - self.PADDING), main_height)
        title = QFontMetrics(option.font).elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)),
            Qt.TextElideMode.ElideRight,
            title_rect.width(),
        )
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter, title)
        self._paint_reasons(painter, option, index, rect, main_height, selected)
        painter.restore()

    def _paint_language(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        height: int,
    ) -> int:
        """The language badge at the left; returns where the title starts."""
        code = str(index.data(LANGUAGE_ROLE) or "?").upper()
        font = self._small_font(option)
        font.setBold(True)
        metrics = QFontMetrics(font)
        badge = QRect(rect.left(), rect.top(), metrics.horizontalAdvance(code) + 8, height)
        palette: QPalette = option.palette
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(badge, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Base))
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, code)
        return badge.right() + 1 + self.PADDING

    def _paint_trailer(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        height: int,
        colour: QColor,
    ) -> int:
        """The score bar (suggestions) or the pin mark (accepted); returns where it starts."""
        score = index.data(SCORE_ROLE)
        if score is not None:
            bar = QRect(
                rect.right() - self.BAR_WIDTH, rect.top() + height // 2 - 3, self.BAR_WIDTH, 6
            )
            palette: QPalette = option.palette
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
            painter.drawRoundedRect(bar, 3, 3)
            filled = QRect(bar)
            filled.setWidth(round(bar.width() * min(1.0, max(0.0, float(score)))))
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            # On a selected row the highlight colour would vanish into the background.
            painter.setBrush(colour if selected else palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(filled, 3, 3)
            return bar.left()
        if index.data(PINNED_ROLE):
            font = self._small_font(option)
            text = QCoreApplication.translate("RelatedRowDelegate", "pinned")
            width = QFontMetrics(font).horizontalAdvance(text)
            area = QRect(rect.right() - width, rect.top(), width, height)
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(area, Qt.AlignmentFlag.AlignVCenter, text)
            return area.left()
        return rect.right()

    def _paint_reasons(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        rect: QRect,
        main_height: int,
        selected: bool,
    ) -> None:
        reasons = str(index.data(REASONS_ROLE) or "")
        if not reasons:
            return
        font = self._small_font(option)
        palette: QPalette = option.palette
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        area = QRect(rect.left(), rect.top() + main_height + self.PADDING, rect.width(), 0)
        area.setBottom(rect.bottom())
        painter.setFont(font)
        painter.setPen(palette.color(role))
        elided = QFontMetrics(font).elidedText(reasons, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(area, Qt.AlignmentFlag.AlignVCenter, elided)
