from __future__ import annotations

import pytest

from editor.commands.registry import (
    RECENT_LIMIT,
    Command,
    CommandDisabledError,
    CommandRegistry,
    normalize_shortcut,
)


def make(id: str, shortcuts: tuple[str, ...] = (), **options) -> Command:
    return Command(
        id=id,
        title=id.title(),
        category="Test",
        handler=lambda ctx: id,
        shortcuts=shortcuts,
        **options,
    )


def test_duplicate_id_is_refused() -> None:
    registry = CommandRegistry()
    registry.register(make("a.one"))
    with pytest.raises(ValueError, match="twice"):
        registry.register(make("a.one"))


@pytest.mark.parametrize("clash", ["Ctrl+K", "ctrl+k", "Shift+Ctrl+P"])
def test_shared_shortcut_is_refused(clash: str) -> None:
    registry = CommandRegistry()
    registry.register(make("a.one", ("Ctrl+K", "Ctrl+Shift+P")))
    with pytest.raises(ValueError, match="share a shortcut"):
        registry.register(make("a.two", (clash,)))
    assert "a.two" not in registry


def test_shortcut_normal_form() -> None:
    assert normalize_shortcut("Shift+Ctrl+P") == normalize_shortcut("Ctrl+Shift+P")
    assert normalize_shortcut("Del") == normalize_shortcut("Delete")
    assert normalize_shortcut("Ctrl++") == "ctrl++"


def test_disabled_command_is_refused(ctx, window) -> None:
    registry = CommandRegistry()
    ran: list[str] = []
    registry.register(
        Command(
            id="a.off",
            title="Off",
            category="T",
            handler=lambda c: ran.append("x"),
            enabled=lambda c: False,
        )
    )
    with pytest.raises(CommandDisabledError):
        registry.run("a.off", ctx)
    assert registry.execute("a.off", ctx) is False
    assert ran == []
    assert window.errors == ["“Off” is not available now."]


def test_execute_reports_a_failing_handler(ctx, window) -> None:
    registry = CommandRegistry()

    def broken(c):
        raise ValueError("disk on fire")

    registry.register(Command(id="a.bad", title="Bad", category="T", handler=broken))
    assert registry.execute("a.bad", ctx) is False
    assert window.errors == ["Bad failed: disk on fire"]
    assert registry.recent() == []


def test_recent_is_most_recent_first_and_bounded(ctx) -> None:
    registry = CommandRegistry()
    for i in range(RECENT_LIMIT + 3):
        registry.register(make(f"a.c{i}"))
    registry.run("a.c1", ctx)
    registry.run("a.c2", ctx)
    registry.run("a.c1", ctx)
    assert registry.recent() == ["a.c1", "a.c2"]
    for i in range(RECENT_LIMIT + 3):
        registry.run(f"a.c{i}", ctx)
    assert len(registry.recent()) == RECENT_LIMIT
    assert registry.recent()[0] == f"a.c{RECENT_LIMIT + 2}"
    registry.set_recent(["a.c0", "gone.command"])
    assert registry.recent() == ["a.c0"]


def test_unknown_command() -> None:
    with pytest.raises(KeyError, match="no command"):
        CommandRegistry().get("nope")


def test_rebinding_gives_own_shortcuts_and_back() -> None:
    registry = CommandRegistry()
    registry.register(make("a.new", ("Ctrl+N",)))
    registry.register(make("a.open", ("Ctrl+O",)))
    registry.rebind({"a.new": ("Ctrl+Alt+N",), "gone.command": ("F5",)})
    assert registry.get("a.new").shortcuts == ("Ctrl+Alt+N",)
    assert registry.builtin_shortcuts("a.new") == ("Ctrl+N",)
    assert registry.get("a.open").shortcuts == ("Ctrl+O",)
    registry.rebind({})
    assert registry.get("a.new").shortcuts == ("Ctrl+N",)


def test_a_clashing_rebinding_changes_nothing() -> None:
    registry = CommandRegistry()
    registry.register(make("a.new", ("Ctrl+N",)))
    registry.register(make("a.open", ("Ctrl+O",)))
    assert registry.clashes({"a.open": ("Shift+Ctrl+N",)}) == []
    assert registry.clashes({"a.open": ("ctrl+n",)}) == [("ctrl+n", "a.new", "a.open")]
    with pytest.raises(ValueError, match="bound to both"):
        registry.rebind({"a.open": ("ctrl+n",)})
    assert registry.get("a.open").shortcuts == ("Ctrl+O",)
    # Swapping two shortcuts at once is no clash.
    registry.rebind({"a.new": ("Ctrl+O",), "a.open": ("Ctrl+N",)})
    assert registry.get("a.open").shortcuts == ("Ctrl+N",)
