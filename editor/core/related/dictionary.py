"""Optional German-English word list (Debian package `trans-de-en`, the Ding dictionary).

Used for two things when present: translating an article's content words before comparing
it with articles in the other language, and knowing which German words exist (to split
compounds). When the file is absent everything still works, only without those helpers.

Parsing the 25 MB list takes several seconds, so the parsed tables can be kept in a
compiled file (see :mod:`editor.core.related.wordfile`): the next process reads that, and
looks words up in it without building the tables (a one-shot query needs a few dozen
words); a table is read whole once many words were looked up (an index build).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

DING_PATH = Path("/usr/share/trans/de-en")

# Grammar and usage notes in Ding entries: "{m}", "[fin.]", "(des Bodenprofils)", "<...>", "/sth./".
_NOTES = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|/[^/]*/")
_SINGLE_WORD = re.compile(r"^[^\W\d_]{2,}$")
MAX_TRANSLATIONS = 3


@dataclass
class BilingualDictionary:
    """Single-word translations both ways, keyed by lower-case word."""

    de_to_en: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    en_to_de: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

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


def load_dictionary(
    path: Path = DING_PATH, cache: Path | None = None
) -> BilingualDictionary | None:
    """The dictionary at `path`, read once per process; None when it is not installed.

    `cache`: a compiled copy to read instead of parsing `path` (written after parsing when
    it is missing or stale: a failure to write it only costs the next process the parse).
    """
    if path not in _loaded:
        _loaded[path] = _read(path, cache)
    return _loaded[path]


def _read(path: Path, cache: Path | None) -> BilingualDictionary | None:
    from editor.core.related import wordfile

    try:
        stat = path.stat()
    except OSError:
        return None
    if cache is not None:
        compiled = wordfile.read_compiled(cache, path, stat)
        if compiled is not None:
            return BilingualDictionary(*compiled)
    try:
        with path.open(encoding="utf-8", errors="replace") as lines:
            parsed = BilingualDictionary.from_lines(lines)
    except OSError:
        return None
    if cache is not None:
        try:
            wordfile.write_compiled(cache, path, stat, parsed.de_to_en, parsed.en_to_de)
        except OSError as exc:
            log.warning("the compiled word list was not saved: %s", exc)
    return parsed
