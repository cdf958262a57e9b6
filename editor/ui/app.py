"""Starting the desktop editor: the application object, the archive, the main window.

Start-up is kept light so that the window paints with its list filled about
as fast as an empty window: only what the first paint needs is imported here
(the history panel, the preview renderer, the palette and language detection
are imported when first used), and the list reads one page.

For an SQLite archive that is ours and current, the first page is read by
:func:`editor.store.snapshot.read_snapshot` (the standard library's sqlite3,
no SQLAlchemy): the window paints with it, read-only, and the archive is
opened properly (``Workspace.open``: checks, SQLAlchemy) right after that
first paint.  Anything else, or any doubt, takes the normal path, which opens
the archive before the window and explains what is wrong with it.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from editor import __version__
from editor.app.errors import StoreError
from editor.core.resources import resource_path
from editor.ui.i18n import install_translators
from editor.ui.icons import app_icon

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.ui.main_window import MainWindow

APP_NAME = "Newsdesk"
ORG_NAME = "Newsdesk"
ORG_DOMAIN = "newsdesk.invalid"
# The reverse-DNS id of the desktop entry, the AppStream metadata and the icon
# (packaging/linux/): desktops match the running window to its entry by it.
DESKTOP_ID = "org.newsdesk.Newsdesk"
EXIT_CANNOT_OPEN = 2


def run(db_url: str | None = None, *, smoke: bool = False) -> int:
    """Open the archive at ``db_url`` (or the default one) in a window; the exit code.

    ``smoke``: open the window on the archive (no samples offered), then quit as
    soon as it is ready: proof that the program starts, for tests and packagers.
    """
    from editor.ui.platform_check import check_display_libraries

    problem = check_display_libraries()
    if problem is not None:  # Qt would abort with a message naming the wrong package
        print(problem, file=sys.stderr)
        return EXIT_CANNOT_OPEN
    app = application()
    install_translators(app)  # the person's language, or the system's
    window = start(db_url, offer=not smoke)
    if window is None:
        return EXIT_CANNOT_OPEN
    if smoke:
        _quit_when_ready(window)
    previous_hook = sys.excepthook
    sys.excepthook = _reporting_hook(window, previous_hook)
    try:
        code = app.exec()
    finally:
        sys.excepthook = previous_hook
    if window.open_failed:
        return EXIT_CANNOT_OPEN  # the archive failed to open after the first paint
    if window.ws is not None:  # None: closed before the archive was open
        window.ws.close()
    return code


def _quit_when_ready(window: MainWindow) -> None:
    from PySide6.QtCore import QTimer

    def check() -> None:
        if window.is_ready and window.isVisible():
            timer.stop()
            window.close()

    timer = QTimer(window, interval=50)
    timer.timeout.connect(check)
    timer.start()


def _reporting_hook(window: MainWindow, previous: Any) -> Any:
    """An exception escaping a slot: still printed (for bug reports), and told, not fatal."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
        previous(exc_type, exc, tb)
        message = translate("app", "Something went wrong: {error}")
        window.show_message(message.format(error=exc or exc_type.__name__), error=True)

    return hook


def application() -> QApplication:
    """The QApplication (created once), named so that QSettings finds its file."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    return app


def style_sheet() -> str:
    """Newsdesk's few style accents (resources/styles/newsdesk.qss), or "" without the file."""
    style = resource_path("styles", "newsdesk.qss")
    return style.read_text(encoding="utf-8") if style.exists() else ""


def apply_style() -> None:
    """Give the whole application the style sheet (once; a sheet already set is kept).

    A fast start does this only after the first paint: with an application-wide
    sheet every widget is polished through the style sheet engine (~12 ms more
    before that paint), so the window styles the few widgets the sheet names
    itself until then.
    """
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.styleSheet():
        qss = style_sheet()
        if qss:
            app.setStyleSheet(qss)


def start(
    db_url: str | None, *, settings: QSettings | None = None, offer: bool = True
) -> MainWindow | None:
    """Open the archive and show the main window; None (after telling the user) if it can't.

    The window may come back before the archive is open (a fast start:
    ``window.is_ready`` turns True a moment after its first paint).
    """
    window = start_from_snapshot(db_url, settings=settings)
    if window is not None:
        return window
    apply_style()
    workspace = open_workspace(db_url)
    if workspace is None:
        return None
    if offer:
        offer_samples(workspace)
    from editor.ui.main_window import MainWindow

    window = MainWindow(workspace, settings=settings)
    window.show()
    return window


def start_from_snapshot(
    db_url: str | None, *, settings: QSettings | None = None
) -> MainWindow | None:
    """The window painted from a snapshot of the archive, opening it after the first paint;
    None when the fast path does not apply (not a current Newsdesk SQLite file, an empty
    archive that gets the samples offer, anything unreadable)."""
    from editor.app.config import database_url
    from editor.app.snapshot import read_snapshot
    from editor.ui.article_list import PAGE_SIZE

    url = database_url(db_url)
    snapshot = read_snapshot(url, page_size=PAGE_SIZE)
    if snapshot is None or snapshot.is_empty:
        return None
    from editor.ui.main_window import MainWindow

    window = MainWindow(None, snapshot=snapshot, settings=settings, first_paint_style=style_sheet())
    window.show()
    window.open_after_first_paint(lambda: _style_and_open(url))
    return window


def _style_and_open(url: str) -> Workspace | None:
    apply_style()
    return open_workspace(url)


def open_workspace(db_url: str | None) -> Workspace | None:
    """The workspace, or None after a dialog that says why the archive can't be opened.

    ``Workspace.open`` refuses (without writing a byte) files that are not
    databases, other programs' databases, newer schemas and read-only files.
    """
    from PySide6.QtWidgets import QMessageBox  # its type costs ~4 ms: not before a paint

    from editor.app.workspace import Workspace

    try:
        workspace = Workspace.open(db_url, user=os_user_name())
    except StoreError as exc:
        QMessageBox.critical(None, translate("app", "Cannot open the archive"), str(exc))
        return None
    _repair_publishing(workspace)
    return workspace


def _repair_publishing(workspace: Workspace) -> None:
    """A publish run killed between writing the site and recording it is finished (or
    dropped) at the next start, which says so (rare: one quick read otherwise)."""
    from PySide6.QtWidgets import QMessageBox

    from editor.app.publishing.ledger import pending_plan

    if pending_plan(workspace.db) is None:
        return
    try:
        message = workspace.publishing.repair()
    except Exception as exc:  # the archive stays usable; the next run tries again
        message = translate(
            "app", "An interrupted publish run could not be finished yet: {error}"
        ).format(error=exc)
    if message:
        QMessageBox.information(None, translate("app", "Publishing"), message)


def offer_samples(workspace: Workspace) -> bool:
    """On a first start with an empty archive, offer the sample articles; True if loaded."""
    from PySide6.QtWidgets import QMessageBox

    try:
        from editor.app import samples
    except ImportError:  # the sample archive is optional
        return False
    if not samples.is_empty(workspace):
        return False
    answer = QMessageBox.question(
        None,
        translate("app", "An empty archive"),
        translate(
            "app",
            "This archive has no articles yet. Load a few sample articles to try Newsdesk?\n"
            "(You can move them to the trash at any time.)",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        samples.load_samples(workspace)
    except Exception as exc:  # an empty archive is still usable
        QMessageBox.warning(
            None,
            translate("app", "Sample articles"),
            translate("app", "The samples could not be loaded: {error}").format(error=exc),
        )
        return False
    return True


def os_user_name() -> str:
    """Who is editing: the operating system's user name (revisions and new articles)."""
    import getpass  # only when the archive is opened: ~5 ms off the first paint

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or os.environ.get("USERNAME") or ""
