"""Entity commands: the tags panel, tagging a selection, the entity manager, the marks.

What they open is visual (a dialog, a panel, marks in the body), so each handler asks
the window by name (``open_tool``, ``toggle_panel``); the dialogs and the panel write
through the app's operations on the window's runner.
"""

from __future__ import annotations

from editor.commands.context import has_live_article
from editor.commands.registry import Command


def entity_commands() -> list[Command]:
    return [
        Command(
            id="entities.tag_selection",
            title="Tag Selection as…",
            category="Entities",
            menu="Edit",
            handler=lambda ctx: ctx.window.open_tool("tag_selection"),
            shortcuts=("Ctrl+Shift+A",),
            enabled=has_live_article,
            keywords=("entity", "tag", "person", "organisation", "place", "alias", "markieren"),
        ),
        Command(
            id="entities.manage",
            title="Manage Entities…",
            category="Entities",
            menu="Edit",
            handler=lambda ctx: ctx.window.open_tool("entities"),
            keywords=("entity", "tags", "rename", "merge", "aliases", "wikidata", "schlagwörter"),
        ),
        Command(
            id="view.entities",
            title="Entity Tags",
            category="View",
            handler=lambda ctx: ctx.window.toggle_panel("entities"),
            checkable=True,
            checked=lambda ctx: ctx.window.panel_visible("entities"),
            keywords=("tags", "suggestions", "entities", "schlagwörter", "people", "places"),
        ),
        Command(
            id="view.entity_mentions",
            title="Highlight Entity Mentions",
            category="View",
            handler=lambda ctx: ctx.window.toggle_panel("entity_mentions"),
            checkable=True,
            checked=lambda ctx: ctx.window.panel_visible("entity_mentions"),
            keywords=("highlight", "mentions", "entities", "tags", "hervorheben"),
        ),
    ]
