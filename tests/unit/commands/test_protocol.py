from __future__ import annotations

import inspect

from editor.commands.context import WindowActions
from editor.commands.testing import RecordingWindow


def test_recording_window_implements_every_window_method() -> None:
    wanted = {
        name
        for name, member in inspect.getmembers(WindowActions, inspect.isfunction)
        if not name.startswith("_")
    }
    missing = {name for name in wanted if not callable(getattr(RecordingWindow, name, None))}
    assert "show_find" in wanted
    assert missing == set()
