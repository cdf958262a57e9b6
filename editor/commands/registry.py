"""The one registry of user actions.

Menus, the toolbar, keyboard shortcuts and the command palette are all built
from the commands registered here, so an action exists once.  A command's
handler receives a :class:`~editor.commands.context.CommandContext`: the
workspace (use cases) plus the few things only a window can do, behind an
interface, so that handlers can be tested without widgets.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from editor.commands.context import CommandContext
from editor.core.texts import translate

log = logging.getLogger(__name__)

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
    # The shortcut beats a text field's own binding for the same keys (Ctrl+K
    # deletes to the end of the line in Qt's text fields on X11 desktops).
    overrides_text_fields: bool = False

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
            refused = translate("commands", "“{command}” is not available now.")
            raise CommandDisabledError(refused.format(command=translate("commands", self.title)))
        return self.handler(ctx)


class CommandDisabledError(RuntimeError):
    pass


# How many recently run commands the palette remembers (most recent first).
RECENT_LIMIT = 20


@dataclass
class CommandRegistry:
    _commands: dict[str, Command] = field(default_factory=dict)
    _recent: list[str] = field(default_factory=list)
    _builtin_shortcuts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def register(self, command: Command) -> Command:
        if command.id in self._commands:
            raise ValueError(f"command {command.id!r} is registered twice")
        clash = self.by_shortcut(command.shortcuts)
        if clash is not None:
            raise ValueError(f"{command.id} and {clash.id} share a shortcut")
        self._commands[command.id] = command
        return command

    def builtin_shortcuts(self, command_id: str) -> tuple[str, ...]:
        """The shortcuts ``command_id`` was registered with (before any rebinding)."""
        command = self.get(command_id)
        return self._builtin_shortcuts.get(command_id, command.shortcuts)

    def clashes(self, chosen: Mapping[str, tuple[str, ...]]) -> list[tuple[str, str, str]]:
        """(shortcut, command, command) for every key sequence two commands would share
        if ``chosen`` (command id -> shortcuts) replaced their built-in ones."""
        taken: dict[str, str] = {}
        found: list[tuple[str, str, str]] = []
        for command in self._commands.values():
            shortcuts = chosen.get(command.id, self.builtin_shortcuts(command.id))
            for shortcut in shortcuts:
                key = normalize_shortcut(shortcut)
                if key in taken and taken[key] != command.id:
                    found.append((shortcut, taken[key], command.id))
                taken.setdefault(key, command.id)
        return found

    def rebind(self, chosen: Mapping[str, tuple[str, ...]]) -> None:
        """Give commands the person's shortcuts (command id -> shortcuts; others get their
        built-in ones back).  Unknown ids are ignored (a command that went away); a
        clash raises ValueError and changes nothing."""
        known = {cid: tuple(s) for cid, s in chosen.items() if cid in self._commands}
        clashes = self.clashes(known)
        if clashes:
            shortcut, first, second = clashes[0]
            raise ValueError(f"{shortcut} is bound to both {first} and {second}")
        for command_id, command in list(self._commands.items()):
            builtin = self._builtin_shortcuts.setdefault(command_id, command.shortcuts)
            wanted = known.get(command_id, builtin)
            if wanted != command.shortcuts:
                self._commands[command_id] = dataclasses.replace(command, shortcuts=wanted)

    def by_shortcut(self, shortcuts: tuple[str, ...]) -> Command | None:
        """The command already bound to any of ``shortcuts`` ("Shift+Ctrl+P" is "Ctrl+Shift+P")."""
        wanted = {normalize_shortcut(s) for s in shortcuts}
        for command in self._commands.values():
            if wanted & {normalize_shortcut(s) for s in command.shortcuts}:
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
        """Run a command (raises when it is disabled or fails) and remember it as recent."""
        command = self.get(command_id)
        result = command.run(ctx)
        self.note_used(command_id)
        return result

    def execute(self, command_id: str, ctx: CommandContext) -> bool:
        """Run a command for the user: what menus, shortcuts and the palette call.

        A disabled command or a failing handler is reported through
        ``ctx.window.show_message(..., error=True)`` instead of raising, so one
        bad action never takes the window down.  Returns whether it ran.
        """
        try:
            self.run(command_id, ctx)
        except CommandDisabledError as exc:
            ctx.window.show_message(str(exc), error=True)
            return False
        except Exception as exc:
            log.exception("command %s failed", command_id)
            ctx.window.show_message(_failure_message(self.get(command_id), exc), error=True)
            return False
        return True

    def note_used(self, command_id: str) -> None:
        if command_id in self._recent:
            self._recent.remove(command_id)
        self._recent.insert(0, command_id)
        del self._recent[RECENT_LIMIT:]

    def recent(self) -> list[str]:
        """Ids of the recently run commands, most recent first."""
        return list(self._recent)

    def set_recent(self, command_ids: list[str]) -> None:
        """Restore the recent list (e.g. from settings); unknown ids are dropped."""
        self._recent = [c for c in command_ids if c in self._commands][:RECENT_LIMIT]


_MODIFIERS = ("ctrl", "alt", "shift", "meta")
_KEY_ALIASES = {"del": "delete", "esc": "escape", "return": "enter", "ins": "insert"}


def normalize_shortcut(shortcut: str) -> str:
    """A comparable form of a QKeySequence string: lower case, modifiers in a fixed order."""
    text = shortcut.replace(" ", "").lower()
    parts = text.split("+")
    if text.endswith("+"):  # the "+" key itself, as in "Ctrl++"
        parts = [*parts[:-2], "+"]
    *modifiers, key = parts
    ordered = [m for m in _MODIFIERS if m in modifiers]
    return "+".join([*ordered, _KEY_ALIASES.get(key, key)])


def _failure_message(command: Command, exc: Exception) -> str:
    detail = str(exc) or type(exc).__name__
    failed = translate("commands", "{command} failed: {error}")
    return failed.format(command=translate("commands", command.title), error=detail)
