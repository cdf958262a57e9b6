"""What the commands say (status messages, questions, refusals) in the interface's language.

The commands layer has no Qt: the window hands Qt's translation function in when it
installs its translators (``use(QCoreApplication.translate)``); until then, in tests and
on the command line, the English is shown.  Write ``translate("commands", "…")`` with
the English text as a literal (placeholders as ``{name}``, filled by ``.format()``):
that is the form lupdate extracts into the .ts files.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]  # (context, English text) -> shown text

_current: list[Translate] = []


def use(function: Translate | None) -> None:
    """Translate with ``function`` from now on (None: English again)."""
    _current[:] = [function] if function is not None else []


def translate(context: str, text: str) -> str:
    return _current[0](context, text) if _current else text
