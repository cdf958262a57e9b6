"""The window's article panels, declared once (see :mod:`editor.ui.panels.manager`).

Each factory imports its panel when it is first built: none of them is part of
the first paint.
"""

from __future__ import annotations

from editor.ui.article_editor import HISTORY_TAB, PAGE_TAB, ArticleEditor
from editor.ui.panels.base import ArticlePanel, PanelServices
from editor.ui.panels.manager import DOCK, TAB, PanelSpec


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

        return RelatedPanel(services)

    def translation(services: PanelServices) -> ArticlePanel:
        from editor.ui.translation.panel import TranslationPanel

        return TranslationPanel(services)

    return [
        PanelSpec("history", "History", history, TAB, HISTORY_TAB),
        PanelSpec("page", "Page", page, TAB, PAGE_TAB),
        PanelSpec("related", "Related links", related, DOCK),
        PanelSpec("translation", "Translation", translation, DOCK),
    ]
