"""The metadata panel: slug, author, language and workflow status.

Like the editor, it emits :attr:`MetadataPanel.edited` with ``{field: value}``
for autosave.  A status change is not an edit but a workflow step (it takes a
revision), so it is emitted separately as :attr:`status_requested`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from editor.core.languages import DEFAULT_SITE_LANGUAGES, LANGUAGE_NAMES
from editor.core.slugs import slugify
from editor.core.workflow import Status, allowed_transitions
from editor.ui.formatting import date_time_text, number_text
from editor.ui.i18n import language_display, status_text
from editor.ui.icons import status_icon

if TYPE_CHECKING:
    from editor.core.article import Article


def language_choices() -> list[str]:
    """ISO codes, the newsroom's own languages first, then the rest alphabetically."""
    rest = sorted(code for code in LANGUAGE_NAMES if code not in DEFAULT_SITE_LANGUAGES)
    return [*DEFAULT_SITE_LANGUAGES, *rest]


def parse_tags(text: str) -> list[str]:
    """ "KI,  Halbleiter , KI" -> ["KI", "Halbleiter"]: trimmed, no empties, no repeats."""
    tags: list[str] = []
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag not in tags:
            tags.append(tag)
    return tags


class MetadataPanel(QWidget):
    edited = Signal(dict)
    status_requested = Signal(object)  # editor.core.workflow.Status
    update_page_requested = Signal()  # "Update page": the site shows an older text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadata_panel")
        self._loading = False
        self._slug_locked = False
        self._shown_tags: list[str] = []
        self.slug = QLineEdit(objectName="slug_edit", accessibleName=self.tr("Slug"))
        self.slug.setPlaceholderText(self.tr("derived from the title"))
        self.slug.setToolTip(
            self.tr("The address of the article. Follows the title until you edit it.")
        )
        self.author = QLineEdit(objectName="author_edit", accessibleName=self.tr("Author"))
        self.language = QComboBox(objectName="language_combo", accessibleName=self.tr("Language"))
        for code in language_choices():
            self.language.addItem(f"{code} — {language_display(code)}", code)
        self.status = QComboBox(objectName="status_combo", accessibleName=self.tr("Status"))
        self.tags = QLineEdit(objectName="tags_edit", accessibleName=self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. Halbleiter, KI"))
        self.info = QLabel(objectName="metadata_info", wordWrap=True)
        for combo in (self.language, self.status):  # the longest name must not widen the dock
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)

        # Beside the status: whether the site shows this text (editor/ui/site_state.py).
        self.site_state = QLabel(objectName="site_state_label", wordWrap=True)
        self.update_page = QPushButton(self.tr("Update page"), objectName="update_page_button")
        self.update_page.setToolTip(self.tr("Publish the edited text, so the site shows it"))
        self.update_page.clicked.connect(self.update_page_requested)
        self.site_row = QWidget(objectName="site_state_row")
        site_layout = QHBoxLayout(self.site_row)
        site_layout.setContentsMargins(0, 0, 0, 0)
        site_layout.addWidget(self.site_state, 1)
        site_layout.addWidget(self.update_page)
        self.site_row.hide()

        form = QFormLayout(self)
        form.addRow(self.tr("Slug"), self.slug)
        form.addRow(self.tr("Author"), self.author)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.site_row)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.info)

        self.slug.textEdited.connect(self._on_slug_textEdited)
        self.author.textEdited.connect(self._on_author_textEdited)
        self.language.activated.connect(self._on_language_activated)
        self.status.activated.connect(self._on_status_activated)
        # Tags are saved when the field is left, not per key: "Halb", "Halble", …
        # would otherwise all become tags in the archive.
        self.tags.editingFinished.connect(self._on_tags_editingFinished)
        self.show_article(None)

    # ------------------------------------------------------------ showing

    def show_article(self, article: Article | None) -> None:
        self._loading = True
        try:
            self.setEnabled(article is not None and not article.deleted)
            self._slug_locked = bool(article and article.slug_locked)
            self.slug.setText(article.slug if article else "")
            self.slug.setCursorPosition(0)
            self.author.setText(article.author if article else "")
            index = self.language.findData(article.language if article else "de")
            self.language.setCurrentIndex(max(index, 0))
            self._fill_statuses(article.status if article else None)
            self._shown_tags = list(article.tags) if article else []
            self.tags.setText(", ".join(self._shown_tags))
            self.info.setText(_info(article))
        finally:
            self._loading = False

    def _fill_statuses(self, current: Status | None) -> None:
        """The current status, then only the ones the workflow allows from it."""
        self.status.clear()
        if current is None:
            return
        self.status.addItem(status_icon(current), status_text(current.label), current)
        for target in allowed_transitions(current):
            if target is not current:
                self.status.addItem(status_icon(target), f"→ {status_text(target.label)}", target)
        self.status.setCurrentIndex(0)

    def show_site_state(self, state: str, status: Status | None) -> None:
        """``state``: "off" (not on the site: no sign), "current" or "out_of_date"."""
        if state == "off" or status is None:
            self.site_row.hide()
            return
        if state == "out_of_date":
            text = self.tr("{0} · page out of date").format(status_text(status.label))
            self.site_state.setToolTip(
                self.tr("The text was edited since the site last showed it.")
            )
        else:
            text = self.tr("{0} · the site shows this text").format(status_text(status.label))
            self.site_state.setToolTip("")
        self.site_state.setText(text)
        self.update_page.setVisible(state == "out_of_date")
        self.site_row.show()

    def offered_statuses(self) -> list[Status]:
        # Item data comes back from Qt as a plain str: turn it into a Status again.
        return [Status(self.status.itemData(i)) for i in range(1, self.status.count())]

    def shown_status(self) -> Status | None:
        return Status(self.status.itemData(0)) if self.status.count() else None

    def follow_title(self, title: str) -> None:
        """Show the slug the title gives, live, while the slug is not set by hand."""
        if not self._slug_locked:
            self.slug.setText(slugify(title))

    def show_saved(self, article: Article) -> None:
        """The stored slug may differ (``-2`` when taken); show it unless being edited."""
        self._slug_locked = article.slug_locked
        if not self.slug.hasFocus():
            self.slug.setText(article.slug)
            self.slug.setCursorPosition(0)
        # Tags change from the tags panel and the entity manager too: shown unless typed in.
        if not self.tags.hasFocus() and list(article.tags) != self._shown_tags:
            self._shown_tags = list(article.tags)
            self.tags.setText(", ".join(self._shown_tags))
        self.info.setText(_info(article))

    # ------------------------------------------------------------ slots

    def _on_slug_textEdited(self, text: str) -> None:
        if self._loading:
            return
        self._slug_locked = bool(text.strip())  # clearing it hands it back to the title
        self.edited.emit({"slug": text})

    def _on_author_textEdited(self, text: str) -> None:
        if not self._loading:
            self.edited.emit({"author": text})

    def adopt_language(self, code: str) -> None:
        """Take `code` as if picked here (a new draft's text told it)."""
        index = self.language.findData(code)
        if index >= 0 and self.isEnabled():
            self.language.setCurrentIndex(index)
            self._on_language_activated(index)

    def _on_language_activated(self, index: int) -> None:
        if not self._loading:
            self.edited.emit({"language": self.language.itemData(index)})

    def _on_tags_editingFinished(self) -> None:
        if self._loading or not self.isEnabled():
            return
        tags = parse_tags(self.tags.text())
        if tags != self._shown_tags:
            self._shown_tags = tags
            self.edited.emit({"tags": tags})

    def _on_status_activated(self, index: int) -> None:
        if self._loading or index <= 0:
            return
        target = Status(self.status.itemData(index))
        self.status.setCurrentIndex(0)  # the window shows the new status once it is stored
        self.status_requested.emit(target)


def _info(article: Article | None) -> str:
    if article is None:
        return ""
    translate = QCoreApplication.translate
    parts = [
        translate("MetadataPanel", "Created {when}").format(
            when=date_time_text(article.created_at)
        ),
        translate("MetadataPanel", "version {n}").format(n=number_text(article.version)),
    ]
    if article.published_at is not None:
        published = date_time_text(article.published_at)
        parts.append(translate("MetadataPanel", "published {when}").format(when=published))
    return " · ".join(parts)
