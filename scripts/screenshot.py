"""Take the README screenshot: the real main window on the sample archive.

    python scripts/screenshot.py [--out docs/screenshot.png] [--size 1400x850]

Starts the program's own window (offscreen Qt unless ``--platform`` says
otherwise, e.g. ``xcb`` under Xvfb) on a temporary archive filled with the
sample articles, opens the sample with the most Markdown, shows its preview,
and saves ``QWidget.grab()`` of the window as PNG.  The user's own archive and
settings are never touched (temporary XDG folders and settings file).

The sample archive has a Chinese piece: install a CJK font first (Debian:
``fonts-noto-cjk``) or its title shows as boxes.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `editor` importable
    sys.path.insert(0, str(REPOSITORY))

# A piece written for the screenshot (fictional, like the samples), so that the
# preview shows what the Markdown renderer does: headings, lists, quotes, links.
SHOWCASE = {
    "language": "en",
    "title": "Rivermouth opens a public AI chip testbed",
    "teaser": (
        "Start-ups can book time on twelve prototype accelerators from three vendors, "
        "paid by the hour, with energy use measured for every job."
    ),
    "author": "Hannah Brooks",
    "tags": ["Rivermouth Labs", "AI chips", "Start-ups"],
    "body": """\
The **Rivermouth Labs** testbed in Aalborg opened on Monday with twelve prototype
accelerators. Any company registered in the EU can book them by the hour.

## What start-ups get

- Access to chips that are not on sale yet, under a standard contract
- Energy readings for every job, down to the watt-hour
- Help from two engineers on site during the first week

> "Small teams could never afford a rack of prototypes. Now they can rent one
> for an afternoon," says project lead *Ingrid Solvang*.

## What it costs

An hour on one board costs 14 euros; the first 40 hours are free for companies
younger than three years. The full price list is on the
[project's site](https://example.org/rivermouth-testbed).
""",
}

MARKDOWN = re.compile(r"^#{1,6} |^[-*] |^\d+\. |^> |\*\*|\[[^\]]+\]\(", re.MULTILINE)
PREFERRED_LANGUAGES = ("en", "de")  # the screenshot is for an international README
MAX_BYTES = 300_000


def markdown_richness(body: str) -> int:
    """How much Markdown a body shows off: headings, lists, quotes, bold, links."""
    return len(MARKDOWN.findall(body))


def add_showcase(workspace: object) -> int:
    from editor.core.workflow import Status

    article = workspace.articles.create(**SHOWCASE)  # type: ignore[attr-defined]
    workspace.articles.change_status(article.id, Status.IN_REVIEW)  # type: ignore[attr-defined]
    return int(article.id)


def showcase_article(workspace: object) -> int:
    """The id of the article with the most Markdown, in a preferred language."""
    from editor.core.article import ListQuery

    articles = workspace.articles  # type: ignore[attr-defined]
    best: tuple[int, int] | None = None
    for summary in articles.list(ListQuery()):
        if summary.language not in PREFERRED_LANGUAGES:
            continue
        score = markdown_richness(articles.get(summary.id).body)
        if best is None or score > best[0]:
            best = (score, summary.id)
    if best is None:
        raise SystemExit("no article to show")
    return best[1]


def arrange(window: object, width: int) -> None:
    """Give the list room for its titles, as an editor would drag it (all user settings)."""
    window.splitter.setSizes([170, int(width * 0.36), int(width * 0.33)])  # type: ignore[attr-defined]
    header = window.list_view.horizontalHeader()  # type: ignore[attr-defined]
    for column, pixels in ((1, 46), (2, 108), (3, 104), (4, 66)):
        header.resizeSection(column, pixels)


def wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPOSITORY / "docs" / "screenshot.png")
    parser.add_argument("--size", default="1400x850", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--platform", default=None, help="Qt platform (default: offscreen)")
    parser.add_argument(
        "--as-is", action="store_true", help="keep the window's own panel and column sizes"
    )
    parser.add_argument(
        "--no-showcase",
        dest="showcase",
        action="store_false",
        help="show the sample with the most Markdown instead of the screenshot's own piece",
    )
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))

    folder = Path(tempfile.mkdtemp(prefix="newsdesk-screenshot-"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(folder / name.lower())
    os.environ.pop("NEWSDESK_DB", None)
    os.environ["QT_QPA_PLATFORM"] = args.platform or os.environ.get("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLineEdit

    from editor.app.samples import load_samples
    from editor.app.workspace import Workspace
    from editor.ui.app import application
    from editor.ui.main_window import MainWindow

    # The status bar shows the archive's path: a tidy one looks better.
    archive = Path(tempfile.gettempdir()) / "newsdesk-demo" / "archive.sqlite"
    archive.parent.mkdir(exist_ok=True)  # an archive is made only in a folder that exists
    for stale in archive.parent.glob("archive.sqlite*"):
        stale.unlink()
    workspace = Workspace.open(str(archive), user="Hannah Brooks", create=True)
    load_samples(workspace)
    article_id = add_showcase(workspace) if args.showcase else showcase_article(workspace)

    app = application()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, settings=settings)
    window.resize(width, height)
    window.show()
    wait(700)  # the sidebar counts arrive just after the first paint
    if not args.as_is:
        arrange(window, width)
    window.open_article(article_id)
    window.toggle_panel("preview")
    for field in (window.editor.title, *window.metadata.findChildren(QLineEdit)):
        field.setCursorPosition(0)  # long titles and slugs from their start
    wait(900)  # the preview renders once "typing" has paused

    image = window.grab().toImage()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(args.out), "PNG", 0):  # 0: smallest file (lossless anyway)
        raise SystemExit(f"could not write {args.out}")
    size = args.out.stat().st_size
    print(f"{args.out}: {image.width()}×{image.height()}, {size // 1000} KB")
    window.autosave.close()
    app.processEvents()
    workspace.close()
    if size > MAX_BYTES:
        print(f"warning: larger than {MAX_BYTES // 1000} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # no Qt teardown from the garbage collector (PySide can abort there)
