"""Window-level tools the commands open (``WindowActions.open_tool``): settings, import,
export, the sample articles, the keyboard shortcuts list, help and About.

Each lives in its own module and is imported when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow


def open_tool(window: MainWindow, name: str) -> None:
    if name == "settings":
        from editor.ui.settings import open_settings

        open_settings(window)
    elif name in ("import", "export", "samples"):
        from editor.ui.desktop import transfer

        {"import": transfer.ask_import, "export": transfer.ask_export, "samples": transfer.samples}[
            name
        ](window)
    elif name in ("shortcuts", "help", "about"):
        from editor.ui.desktop import help as help_tools

        {
            "shortcuts": help_tools.show_shortcuts,
            "help": help_tools.open_manual,
            "about": help_tools.show_about,
        }[name](window)
    elif name in ("tag_selection", "entities"):
        from editor.ui.entities.window import open_entity_tool

        open_entity_tool(window, name)
    elif name == "translate":
        from editor.ui.translation.translate_dialog import ask_translate

        ask_translate(window)
    else:
        raise ValueError(f"no tool {name!r}")
