"""The article list's language column as badges: one per language version of the row's
translation group ("DE · EN"), the row's own language emphasised (bold, filled)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from editor.ui.article_list import VERSIONS_ROLE

GAP = 3
PAD = 3


class LanguageBadgeDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        versions = index.data(VERSIONS_ROLE)
        if not versions:
            super().paint(painter, option, index)
            return
        languages, own = versions
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:  # background and selection as the other cells have them
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = option.palette.color(text_role)
        x = option.rect.x() + PAD
        for lang in languages:
            font = QFont(option.font)
            font.setBold(lang == own)
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
            painter.setFont(font)
            width = painter.fontMetrics().horizontalAdvance(lang.upper()) + 2 * PAD
            box = QRect(x, option.rect.y() + 2, width, option.rect.height() - 4)
            if box.right() > option.rect.right():
                break
            painter.setPen(colour)
            if lang == own:
                fill = option.palette.color(QPalette.ColorRole.Mid)
                painter.setBrush(fill)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 3, 3)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, lang.upper())
            x += width + GAP
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        versions = index.data(VERSIONS_ROLE)
        if versions:
            per = option.fontMetrics.horizontalAdvance("MM") + 2 * PAD + GAP
            hint.setWidth(max(hint.width(), PAD + per * len(versions[0])))
        return hint
