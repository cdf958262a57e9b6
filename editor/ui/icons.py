"""Icons from resources/icons/, loaded once and shared."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from editor.core.resources import resource_path
from editor.core.workflow import Status


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` (an empty icon when the file is missing)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def status_icon(status: Status) -> QIcon:
    return icon(f"status/{status.icon}")


@cache
def app_icon() -> QIcon:
    """The application icon: its PNG sizes (resources/icons/hicolor), else the SVG."""
    result = QIcon()
    for png in sorted(resource_path("icons", "hicolor").glob("*x*/apps/*.png")):
        side = int(png.parent.parent.name.split("x")[0])
        result.addFile(str(png), QSize(side, side))
    return result if not result.isNull() else icon("newsdesk")
