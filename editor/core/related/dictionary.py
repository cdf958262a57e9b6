"""Optional German-English word list (Debian package `trans-de-en`, the Ding dictionary).

Used for two things when present: translating an article's content words before comparing
it with articles in the other language, and knowing which German words exist (to split
compounds). When the file is absent everything still works, only without those helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

DING_PATH = Path("/usr/share/trans/de-en")

# Grammar and usage notes in Ding entries: "{m}", "[fin.]", "(des Bodenprofils)", "<...>", "/sth./".
_NOTES = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|/[^/]*/")
_SINGLE_WORD = re.compile(r"^[^\W\d_]{2,}$")
MAX_TRANSLATIONS = 3


@dataclass
class BilingualDictionary:
    """Single-word translations both ways, keyed by lower-case word."""

    de_to_en: dict[str, tuple[str, ...]] = field(default_factory=dict)
    en_to_de: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def translate(self, word: str, source: str, target: str) -> tuple[str, ...]:
        if (source, target) == ("de", "en"):
            return self.de_to_en.get(word, ())
        if (source, target) == ("en", "de"):
            return self.en_to_de.get(word, ())
        return ()

    def is_german_word(self, word: str) -> bool:
        return word in self.de_to_en

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> BilingualDictionary:
        de_to_en: dict[str, list[str]] = {}
        en_to_de: dict[str, list[str]] = {}
        for line in lines:
            if line.startswith("#") or " :: " not in line:
                continue
            german, english = line.rstrip("\n").split(" :: ", 1)
            # Alternatives are parallel: the n-th "|" part of one side translates the other's.
            for de_part, en_part in zip(german.split(" | "), english.split(" | "), strict=False):
                de_words = _single_words(de_part)
                en_words = _single_words(en_part)
                for de in de_words:
                    _add(de_to_en, de, en_words)
                for en in en_words:
                    _add(en_to_de, en, de_words)
        return cls(
            {w: tuple(t) for w, t in de_to_en.items()},
            {w: tuple(t) for w, t in en_to_de.items()},
        )


def _single_words(part: str) -> list[str]:
    words = []
    for synonym in _NOTES.sub(" ", part).split(";"):
        word = synonym.strip().lower()
        word = word.removeprefix("to ")
        if _SINGLE_WORD.match(word):
            words.append(word)
    return words


def _add(table: dict[str, list[str]], word: str, translations: list[str]) -> None:
    known = table.setdefault(word, [])
    for translation in translations:
        if len(known) >= MAX_TRANSLATIONS:
            return
        if translation not in known:
            known.append(translation)


_loaded: dict[Path, BilingualDictionary | None] = {}


def load_dictionary(path: Path = DING_PATH) -> BilingualDictionary | None:
    """The dictionary at `path`, parsed once per process; None when it is not installed."""
    if path not in _loaded:
        try:
            with path.open(encoding="utf-8", errors="replace") as lines:
                _loaded[path] = BilingualDictionary.from_lines(lines)
        except OSError:
            _loaded[path] = None
    return _loaded[path]
