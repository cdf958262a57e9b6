"""The window's article panels, declared once (see :mod:`editor.ui.panels.manager`).

Each factory imports its panel when it is first built: none of them is part of
the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.ui.article_editor import HISTORY_TAB, PAGE_TAB, ArticleEditor
from editor.ui.i18n import current_language
from editor.ui.panels.base import ArticlePanel, PanelServices
from editor.ui.panels.manager import DOCK, TAB, PanelSpec

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")


def builtin_panels(editor: ArticleEditor) -> list[PanelSpec]:
    def history(services: PanelServices) -> ArticlePanel:
        from editor.ui.panels.history import HistoryPanel, article_text

        def current_text() -> str:
            return article_text(
                editor.title.text(), editor.teaser.toPlainText(), editor.body.toPlainText()
            )

        return HistoryPanel(services, current_text)

    def page(services: PanelServices) -> ArticlePanel:
        from editor.ui.panels.page_preview import PagePreview

        return PagePreview(services)

    def related(services: PanelServices) -> ArticlePanel:
        from editor.ui.panels.related import RelatedPanel

        return RelatedPanel(services, ui_language=current_language())

    def entities(services: PanelServices) -> ArticlePanel:
        from editor.ui.entities.panel import EntitiesPanel

        def text() -> str:
            parts = (editor.title.text(), editor.teaser.toPlainText(), editor.body.toPlainText())
            return "\n\n".join(p for p in parts if p)

        return EntitiesPanel(services, text, editor.body, lambda: editor.highlighter)

    def translation(services: PanelServices) -> ArticlePanel:
        from editor.ui.translation.panel import TranslationPanel

        return TranslationPanel(services)

    return [
        PanelSpec("history", translate("panels", "History"), history, TAB, HISTORY_TAB),
        PanelSpec("page", translate("panels", "Page"), page, TAB, PAGE_TAB),
        PanelSpec("related", translate("panels", "Related links"), related, DOCK),
        PanelSpec("entities", translate("panels", "Entity tags"), entities, DOCK),
        PanelSpec("translation", translate("panels", "Translation"), translation, DOCK),
    ]
