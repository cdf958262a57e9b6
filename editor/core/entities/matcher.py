"""Known entities found in a text: every name, alias and label, longest match first.

An Aho–Corasick automaton (pyahocorasick) holds every name in lower case, so one pass
over the text finds all of them however many entities the archive knows.  Each hit is
then checked against the rules a substring search cannot express:

- word boundaries: "Apple" is not found in "Applesauce"; scripts written without spaces
  (Chinese, Japanese) have no boundaries to check, so "华为" is found in "华为公司";
  a German genitive or plural "s" is allowed ("Siemens", "Merkels");
- case: a name of one word, or one written in capitals ("Apple", "BMW", "Meta"), must
  appear as written, since "apple" and "meta" are words; longer names ("Deutsche Bahn")
  are found in any case, as in a headline written in capitals;
- overlaps: the longest name wins, then the earliest ("New York Times" over "New York").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick


@dataclass(frozen=True, slots=True)
class Mention:
    entity_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Pattern:
    entity_id: int
    name: str
    case_sensitive: bool


# Every character that cannot be part of a word becomes a space in the text searched,
# so that a name can be stored with a space before it and only ever found at the start
# of a word: the automaton then reports real candidates, not every "eu" inside a word.
_NON_WORD = re.compile(r"[^\w]")


def _words_only(text: str) -> str:
    return _NON_WORD.sub(" ", text)


def _is_unspaced(ch: str) -> bool:
    """Characters of scripts written without spaces between words."""
    if not ch:
        return False
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0xAC00 <= code <= 0xD7AF  # hangul syllables
        or 0x20000 <= code <= 0x2FA1F
    )


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch) in ("Mn", "Mc")


def needs_case(name: str) -> bool:
    """Whether a name must appear as written (see the module's rules)."""
    return " " not in name.strip() or name.isupper()


def lower_aligned(text: str) -> str:
    """``text`` in lower case with every character where it was.

    ``str.lower`` turns a few characters into two ("İ"); those are kept as they are so
    that offsets into the lowered text are offsets into the text.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


class KnownMatcher:
    """Finds the names of known entities in a text; rebuilt when entities change."""

    def __init__(self, names: Iterable[tuple[int, str]] = ()) -> None:
        self._automaton = ahocorasick.Automaton()
        self._size = 0
        for entity_id, name in names:
            self.add(entity_id, name)
        self._built = False

    def __len__(self) -> int:
        return self._size

    def add(self, entity_id: int, name: str) -> None:
        clean = unicodedata.normalize("NFC", name).strip()
        if not clean:
            return
        key = _words_only(lower_aligned(clean))
        length = len(key)
        if not _is_unspaced(key[0]):
            key = " " + key  # found only where a word starts
        pattern = _Pattern(entity_id, clean, needs_case(clean))
        existing = self._automaton.get(key, None)
        if existing is None:
            self._automaton.add_word(key, (length, [pattern]))
            self._size += 1
        elif pattern not in existing[1]:
            existing[1].append(pattern)
        self._built = False

    def _ensure_built(self) -> None:
        if not self._built:
            if self._size:
                self._automaton.make_automaton()
            self._built = True

    def find(self, text: str) -> list[Mention]:
        """Mentions in text order, none overlapping, the longest name winning."""
        self._ensure_built()
        if not self._size or not text:
            return []
        text = unicodedata.normalize("NFC", text)
        # One space in front: position i of the searched text is position i - 1 of text.
        searched = " " + _words_only(lower_aligned(text))
        hits: list[Mention] = []
        size = len(text)
        boundary_end = self._boundary_end
        for last, (length, patterns) in self._automaton.iter(searched):
            start, end = last - length, last
            # Names start where a word starts (see _words_only; CJK names anywhere); the
            # common end, a name followed by no letter, is checked inline.
            if end < size:
                after = text[end]
                if after.isalnum() or after == "_":
                    # Most such hits are a name's start inside a longer word ("Bayer" in
                    # "Bayern"): only a genitive "s" or a CJK name can stand there.
                    if after != "s" and text[end - 1] < "\u3040":
                        continue
                    if boundary_end(text, start, end) < 0:
                        continue
            surface = text[start:end]
            for pattern in patterns:
                if (
                    not pattern.case_sensitive
                    or surface == pattern.name
                    or (surface.isupper() and len(surface) > 3)
                ):
                    hits.append(Mention(pattern.entity_id, start, end, surface))
                    break
        return self._longest_first(hits)

    @staticmethod
    def _boundary_end(text: str, start: int, end: int) -> int:
        """The end of the mention if it stands on word boundaries, else -1."""
        first, last = text[start], text[end - 1]
        if start > 0 and not _is_unspaced(first) and _is_word_char(text[start - 1]):
            return -1
        if end == len(text) or _is_unspaced(last) or not _is_word_char(text[end]):
            return end
        # A genitive or plural "s" after a name of letters: "Merkels", "BMWs".
        if (
            text[end] == "s"
            and last.isalpha()
            and (end + 1 == len(text) or not _is_word_char(text[end + 1]))
        ):
            return end
        return -1

    @staticmethod
    def _longest_first(hits: list[Mention]) -> list[Mention]:
        if not hits:
            return []
        covered = bytearray(max(h.end for h in hits))
        taken: list[Mention] = []
        for hit in sorted(hits, key=lambda m: (m.start - m.end, m.start)):
            if 1 not in covered[hit.start : hit.end]:
                covered[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
                taken.append(hit)
        taken.sort(key=lambda m: m.start)
        return taken
