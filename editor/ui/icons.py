"""Icons from resources/icons/, loaded once and shared."""

from __future__ import annotations

from functools import cache

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


def app_icon() -> QIcon:
    return icon("newsdesk")
