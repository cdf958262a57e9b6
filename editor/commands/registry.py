"""The one registry of user actions.

Menus, the toolbar, keyboard shortcuts and the command palette are all built
from the commands registered here, so an action exists once.  A command's
handler receives a :class:`~editor.commands.context.CommandContext`: the
workspace (use cases) plus the few things only a window can do, behind an
interface, so that handlers can be tested without widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from editor.commands.context import CommandContext

Handler = Callable[[CommandContext], Any]
Predicate = Callable[[CommandContext], bool]


@dataclass(frozen=True, slots=True)
class Command:
    id: str  # "article.new": category-ish prefix, then the verb
    title: str  # "New Article", as menus and the palette show it
    category: str  # "Article", "Edit", "View", … (menu name and palette prefix)
    handler: Handler
    shortcuts: tuple[str, ...] = ()  # QKeySequence strings, e.g. "Ctrl+N"; first is shown
    enabled: Predicate | None = None  # None: always enabled
    checkable: bool = False
    checked: Predicate | None = None
    icon: str | None = None  # name under resources/icons/
    toolbar: bool = False  # shown on the main toolbar
    menu: str | None = None  # menu it lives in (defaults to the category); "" for none
    palette: bool = True  # offered in the command palette
    keywords: tuple[str, ...] = ()  # extra words the palette matches ("trash" for delete)

    @property
    def shortcut(self) -> str | None:
        return self.shortcuts[0] if self.shortcuts else None

    @property
    def menu_name(self) -> str:
        return self.category if self.menu is None else self.menu

    def is_enabled(self, ctx: CommandContext) -> bool:
        return self.enabled is None or bool(self.enabled(ctx))

    def run(self, ctx: CommandContext) -> Any:
        if not self.is_enabled(ctx):
            raise CommandDisabledError(f"“{self.title}” is not available now.")
        return self.handler(ctx)


class CommandDisabledError(RuntimeError):
    pass


@dataclass
class CommandRegistry:
    _commands: dict[str, Command] = field(default_factory=dict)

    def register(self, command: Command) -> Command:
        if command.id in self._commands:
            raise ValueError(f"command {command.id!r} is registered twice")
        clash = self.by_shortcut(command.shortcuts)
        if clash is not None:
            raise ValueError(f"{command.id} and {clash.id} share a shortcut")
        self._commands[command.id] = command
        return command

    def command(
        self, id: str, title: str, category: str, **options: Any
    ) -> Callable[[Handler], Handler]:
        """Decorator: register the decorated function as the handler of a command."""

        def decorate(handler: Handler) -> Handler:
            self.register(
                Command(id=id, title=title, category=category, handler=handler, **options)
            )
            return handler

        return decorate

    def by_shortcut(self, shortcuts: tuple[str, ...]) -> Command | None:
        wanted = {s.lower() for s in shortcuts}
        for command in self._commands.values():
            if wanted & {s.lower() for s in command.shortcuts}:
                return command
        return None

    def get(self, command_id: str) -> Command:
        try:
            return self._commands[command_id]
        except KeyError:
            raise KeyError(f"no command {command_id!r}") from None

    def __contains__(self, command_id: object) -> bool:
        return command_id in self._commands

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands.values())

    def __len__(self) -> int:
        return len(self._commands)

    def run(self, command_id: str, ctx: CommandContext) -> Any:
        return self.get(command_id).run(ctx)
