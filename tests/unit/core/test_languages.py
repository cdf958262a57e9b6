from __future__ import annotations

import pytest

from editor.core.languages import is_language, language_name, normalize_language


@pytest.mark.parametrize(
    ("given", "code"), [("de", "de"), ("DE", "de"), ("de-AT", "de"), ("pt_BR", "pt"), ("zh", "zh")]
)
def test_normalize(given: str, code: str) -> None:
    assert normalize_language(given) == code


@pytest.mark.parametrize("bad", ["", "xx", "deu", "english", "q1"])
def test_unknown_codes_are_refused(bad: str) -> None:
    assert not is_language(bad)
    with pytest.raises(ValueError, match="unknown language code"):
        normalize_language(bad)


def test_names() -> None:
    assert language_name("de") == "German"
    assert language_name("nb") == "Norwegian Bokmål"
