"""A newcomer's first day, replayed on a real X display (Xvfb), step by step.

    DISPLAY=:99 python scripts/newcomer.py --workdir /tmp/day1 --phase first
    DISPLAY=:99 python scripts/newcomer.py --workdir /tmp/day1 --phase restart

The first phase starts Newsdesk on an empty archive and accepts the sample
articles, sets the site up in the Settings dialog, creates an article in German
with umlauts, moves it to ready, accepts a related link and publishes everything
ready; the second phase is the program started again, checking that all of it is
still there.  The window is driven through its command registry and its widgets,
as a person would with the keyboard; a screenshot is saved after each step
(``--shots``, default ``<workdir>/shots``).

Prints one JSON object: the platform and every step with ``ok`` and ``detail``;
exits 0 when every step passed.  ``tests/e2e/test_newcomer.py`` runs both phases
under Xvfb.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

TITLE = "Übernahme für Müller: Bahnstrecke Köln–Düsseldorf wird schöner"
BODY = (
    "Die Deutsche Bahn übernimmt die Strecke zwischen Köln und Düsseldorf. "
    "Größere Züge, häufigere Fahrten und schönere Bahnhöfe sind geplant.\n\n"
    "Der Umbau dauert drei Jahre; Pendler müssen währenddessen umsteigen."
)
BASE_URL = "https://nachrichten.example.com/"


@dataclass
class Step:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class Day:
    phase: str
    platform: str = ""
    steps: list[Step] = field(default_factory=list)
    shots: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        self.steps.append(Step(name, bool(ok), detail))
        return bool(ok)


def wait_until(condition: Callable[[], Any], timeout: float = 20.0) -> bool:
    """Let the event loop run until ``condition()`` is true; False after ``timeout`` s."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    QApplication.processEvents()
    return bool(condition())


def type_text(widget: Any, text: str) -> None:
    """One key event per character, as an input method delivers them (umlauts too)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )
        QApplication.processEvents()


class Newcomer:
    def __init__(self, workdir: Path, shots: Path, phase: str) -> None:
        self.workdir = workdir
        self.db = workdir / "archive" / "news.sqlite"
        # Newsdesk makes a new archive in an existing folder only (a mistyped folder is
        # refused), as a user picking a place for it would have it.
        self.db.parent.mkdir(parents=True, exist_ok=True)
        self.site = workdir / "site"
        self.shots = shots
        self.day = Day(phase)
        self.window: Any = None

    # ------------------------------------------------------------ helpers

    def shot(self, name: str) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        target = self.shots / f"{self.day.phase}-{len(self.day.shots) + 1:02d}-{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        widget = QApplication.activeModalWidget() or self.window
        if widget is not None and widget.grab().save(str(target)):
            self.day.shots.append(str(target))

    def run(self, command_id: str) -> bool:
        ran = self.window.registry.execute(command_id, self.window.command_context)
        self.settle()
        return bool(ran)

    def settle(self) -> None:
        """Writes run on the window's runner: wait until they have reported back."""
        wait_until(lambda: not self.window.runner.busy, 30)

    def start(self, *, accept_samples: bool) -> bool:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QMessageBox

        from editor.ui import app

        asked: list[str] = []

        def answer(_parent: object, title: str, text: str, *_args: object) -> object:
            asked.append(f"{title}: {text}")
            return (
                QMessageBox.StandardButton.Yes if accept_samples else QMessageBox.StandardButton.No
            )

        QMessageBox.question = answer  # type: ignore[method-assign]  # the newcomer's answer
        qt = app.application()
        self.day.platform = qt.platformName()
        settings = QSettings(str(self.workdir / "newsdesk.ini"), QSettings.Format.IniFormat)
        self.window = app.start(str(self.db), settings=settings)
        if self.window is None:
            return self.day.check("start", False, "the window did not open")
        ready = wait_until(lambda: self.window.is_ready and self.window.isVisible(), 30)
        self.day.check("start", ready, f"asked: {asked}" if asked else "no questions")
        platform = self.day.platform
        self.day.check("on a real X display", platform == "xcb", f"Qt platform: {platform}")
        return ready

    def article(self) -> Any:
        from editor.core.article import ListQuery

        ws = self.window.ws
        found = [a for a in ws.articles.list(ListQuery(text="Bahnstrecke")) if a.title == TITLE]
        return ws.articles.get(found[0].id) if len(found) == 1 else None

    # ------------------------------------------------------------ the first day

    def first_day(self) -> None:
        day = self.day
        if not self.start(accept_samples=True):
            return
        from editor.core.article import ListQuery

        count = self.window.ws.articles.count(ListQuery())
        wait_until(lambda: self.window.list_model.rowCount() >= count > 0)
        day.check("samples loaded", count >= 20, f"{count} articles in the list")
        self.shot("samples")
        self.set_up_the_site()
        article_id = self.write_an_article()
        if article_id is None:
            return
        self.move_to_ready(article_id)
        self.accept_a_related_link(article_id)
        self.publish_everything_ready(article_id)
        self.window.close()
        wait_until(lambda: not self.window.isVisible(), 10)

    def set_up_the_site(self) -> None:
        from editor.ui.settings.dialog import SettingsDialog

        self.run("app.settings")
        dialog = self.window.findChild(SettingsDialog, "settings_dialog")
        if not self.day.check("settings open (Ctrl+,)", dialog is not None):
            return
        dialog.base_url.setText(BASE_URL)
        dialog.output.edit.setText(str(self.site))
        dialog.author.setText("Jana Neumann")
        self.shot("settings")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        values = self.window.ws.settings.values()
        self.day.check(
            "settings kept",
            values["site.base_url"] == BASE_URL and values["site.output"] == str(self.site),
            f"base URL {values['site.base_url']}, output {values['site.output']}",
        )

    def write_an_article(self) -> int | None:
        self.run("article.new")
        article_id = self.window.current_article_id()
        if not self.day.check("new article", article_id is not None):
            return None
        editor = self.window.editor
        type_text(editor.title, TITLE)
        type_text(editor.body, BODY)
        self.window.flush_autosave()
        saved = self.window.ws.articles.get(article_id)
        self.day.check(
            "German article with umlauts saved",
            saved.title == TITLE and saved.body == BODY and saved.language == "de",
            f"language {saved.language}, slug {saved.slug}, author {saved.author}",
        )
        self.day.check("author is the name from the settings", saved.author == "Jana Neumann")
        self.shot("article")
        return int(article_id)

    def move_to_ready(self, article_id: int) -> None:
        from editor.core.workflow import Status

        self.run("workflow.submit_for_review")
        self.run("workflow.mark_ready")
        status = self.window.ws.articles.get(article_id).status
        self.day.check("moved to ready", status is Status.READY, f"status {status.value}")

    def accept_a_related_link(self, article_id: int) -> None:
        if not self.window.panel_visible("related"):
            self.run("view.related")
        wait_until(lambda: self.window.panels.built("related") is not None, 10)
        panel = self.window.panels.built("related")
        model = panel.suggestion_model if panel is not None else None
        found = model is not None and wait_until(lambda: model.rowCount() > 0, 90)
        if not self.day.check("related links suggested", found):
            return
        panel.suggestion_view.setCurrentIndex(model.index(0))
        panel.accept_current()
        self.settle()
        accepted = self.window.ws.related.accepted(article_id)
        targets = [c.target_id for c in accepted]
        self.day.check("related link accepted", len(accepted) == 1, f"linked to {targets}")
        self.shot("related")

    def publish_everything_ready(self, article_id: int) -> None:
        from editor.core.workflow import Status

        enabled = self.window.actions_by_id["publish.ready"].isEnabled()
        self.run("publish.ready")
        dialog = self.window._publish_dialog
        if not self.day.check("publish dialog open", dialog is not None and enabled):
            return
        wait_until(lambda: not dialog.runner.busy, 60)
        self.shot("publish-checks")
        checks = [dialog.check_for(i) for i in _listed_ids(dialog)]
        blocked = [f"{c.title}: {'; '.join(c.blocking)}" for c in checks if c and not c.can_publish]
        self.day.check("no ready article is refused", not blocked, " | ".join(blocked))
        can = dialog.publish_button.isEnabled() and article_id in dialog.selected_ids()
        detail = dialog.status_label.text() or dialog.intro_label.text()
        if not self.day.check("the new article can be published", can, detail):
            dialog.reject()
            return
        dialog.publish_button.click()
        wait_until(lambda: dialog.outcome is not None and not dialog.running, 120)
        status = self.window.ws.articles.get(article_id).status
        pages = [str(p) for p in dialog.page_paths()]
        self.day.check(
            "published",
            status is Status.PUBLISHED and any(p.endswith(".html") for p in pages),
            f"status {status.value}, {len(pages)} pages; "
            f"{dialog.result_label.text()}{dialog.error_label.text()}",
        )
        self.shot("published")
        dialog.accept()

    # ------------------------------------------------------------ the next morning

    def restart(self) -> None:
        day = self.day
        if not self.start(accept_samples=False):
            return
        from editor.core.workflow import Status

        article = self.article()
        if not day.check("the article is still there", article is not None):
            return
        day.check("its text is intact", article.body == BODY, article.slug)
        shown = wait_until(lambda: self.window.editor.title.text() == TITLE, 10)
        day.check("the last article is open again", shown, self.window.editor.title.text())
        day.check("the related link is kept", len(self.window.ws.related.accepted(article.id)) == 1)
        published = article.status is Status.PUBLISHED
        day.check("it is published", published, f"status {article.status.value}")
        pages = [p for p in self.site.rglob("*.html") if article.slug in p.parts]
        page = pages[0].read_text(encoding="utf-8") if pages else ""
        day.check(
            "its page is on the site with the base URL and the author",
            TITLE in page and BASE_URL in page and "Jana Neumann" in page,
            str(pages[0]) if pages else f"no page for {article.slug} under {self.site}",
        )
        self.shot("restart")
        self.small_window()
        self.page_tab(article.id)
        self.update_the_page(article.id)
        self.window.close()
        wait_until(lambda: not self.window.isVisible(), 10)

    def small_window(self) -> None:
        """§7: at 1000×650 the editor is usable and the list's title readable."""
        from PySide6.QtWidgets import QToolButton

        window = self.window
        window.showNormal()
        window.resize(1000, 650)
        wait_until(lambda: window.width() == 1000, 5)
        wait_until(lambda: False, 0.5)  # the layout settles
        header = window.list_view.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        bar = window.editor.tabs.tabBar()
        arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
        fits = sum(header.sectionSize(c) for c in shown) <= window.list_view.viewport().width()
        self.day.check(
            "at 1000×650 the editor and the list are usable",
            window.editor.width() >= 450 and header.sectionSize(0) >= 150 and fits and not arrows,
            f"editor {window.editor.width()} px, title {header.sectionSize(0)} px, "
            f"{len(shown)} columns, {len(arrows)} tab arrows; list {window.list_panel.width()}"
            f" px, sidebar {window.sidebar.width()} px, docks "
            f"{[d.width() for d in (window.metadata_dock, window.related_dock) if d.isVisible()]}",
        )
        self.shot("small-window")

    def page_tab(self, article_id: int) -> None:
        """§9: the Page tab shows the page with the site's stylesheet."""
        started = time.perf_counter()
        self.window.editor.show_tab("page")
        shown = wait_until(
            lambda: (
                (panel := self.window.panels.built("page")) is not None
                and TITLE in panel.browser.toPlainText()
            ),
            30,
        )
        seconds = time.perf_counter() - started
        panel = self.window.panels.built("page")
        colour = ""
        if panel is not None:
            block = panel.browser.document().begin()
            while block.isValid() and not block.text().startswith("Von "):
                block = block.next()
            if block.isValid():  # .byline { color: var(--muted) }
                colour = block.begin().fragment().charFormat().foreground().color().name()
        self.day.check(
            "the Page tab shows the page with the site's style",
            shown and colour in ("#5f6368", "#a8abb0"),
            f"shown after {seconds:.2f} s, byline in {colour or 'no colour'}",
        )
        self.shot("page-tab")
        self.window.editor.show_tab("write")

    def update_the_page(self, article_id: int) -> None:
        """§5: an edit of the published article shows that the page is out of date; the
        "Update page" button publishes it again and the sign goes."""
        window = self.window
        window.editor.body.setFocus()
        cursor = window.editor.body.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        window.editor.body.setTextCursor(cursor)
        type_text(window.editor.body, " Nachtrag: Die Züge fahren öfter.")
        window.flush_autosave()
        metadata = window.metadata
        sign = wait_until(lambda: "out of date" in metadata.site_state.text(), 10)
        self.day.check(
            "an edited published article says its page is out of date",
            sign and metadata.update_page.isVisible(),
            metadata.site_state.text(),
        )
        self.shot("out-of-date")
        if not sign:
            return
        metadata.update_page.click()
        dialog = window._publish_dialog
        if not self.day.check("Update page opens the publish dialog", dialog is not None):
            return
        wait_until(lambda: not dialog.runner.busy, 60)
        dialog.publish_button.click()
        wait_until(lambda: dialog.outcome is not None and not dialog.running, 120)
        dialog.accept()
        gone = wait_until(lambda: "out of date" not in metadata.site_state.text(), 10)
        self.day.check("after the update the sign goes", gone, metadata.site_state.text())


def _listed_ids(dialog: Any) -> list[int]:
    from editor.ui.publish_dialog import ARTICLE_ID_ROLE

    tree = dialog.check_tree
    items = [tree.topLevelItem(row) for row in range(tree.topLevelItemCount())]
    return [int(item.data(0, ARTICLE_ID_ROLE)) for item in items if item is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True, help="archive, settings, site")
    parser.add_argument("--phase", choices=("first", "restart"), required=True)
    parser.add_argument("--shots", type=Path, help="where screenshots go")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    newcomer = Newcomer(args.workdir, args.shots or args.workdir / "shots", args.phase)
    try:
        if args.phase == "first":
            newcomer.first_day()
        else:
            newcomer.restart()
    except Exception as exc:  # a step that crashed is a failed step, reported like others
        newcomer.day.check("no crash", False, f"{type(exc).__name__}: {exc}")
    finally:
        window = newcomer.window
        if window is not None and window.ws is not None:
            window.ws.close()
    day = newcomer.day
    print(json.dumps(asdict(day), ensure_ascii=False, indent=2))
    return 0 if day.steps and all(s.ok for s in day.steps) else 1


if __name__ == "__main__":
    sys.exit(main())
