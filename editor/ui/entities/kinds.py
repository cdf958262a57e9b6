"""How entity kinds look in the window: a translated name and a small coloured icon."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon

from editor.core.entities.model import KINDS, EntityKind
from editor.ui.icons import icon


def kind_label(kind: str | EntityKind) -> str:
    value = str(kind)
    labels = {
        "person": QCoreApplication.translate("EntityKind", "Person"),
        "organisation": QCoreApplication.translate("EntityKind", "Organisation"),
        "product": QCoreApplication.translate("EntityKind", "Product"),
        "place": QCoreApplication.translate("EntityKind", "Place"),
        "topic": QCoreApplication.translate("EntityKind", "Topic"),
        "event": QCoreApplication.translate("EntityKind", "Event"),
    }
    return labels.get(value, value)


def kind_icon(kind: str | EntityKind) -> QIcon:
    return icon(f"entity/{kind}")


def kind_choices() -> list[tuple[str, str]]:
    """(value, label) for every kind, in the order of the model."""
    return [(k, kind_label(k)) for k in KINDS]
