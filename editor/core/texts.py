"""Texts from below the UI in the interface's language: what commands say (status
messages, questions, refusals; context "commands"), what the publish checks report
(context "checks") and the labels of long work in progress dialogs ("operations").

No Qt below the UI: the window hands Qt's translation function in when it installs its
translators (``use(QCoreApplication.translate)``, thread-safe, so checks running on the
window's runner may use it); until then, in tests and on the command line, the English
is shown.  Write ``translate("context", "…")`` with the English text as a literal
(placeholders as ``{name}``, filled by ``.format()``): the form lupdate extracts.
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
