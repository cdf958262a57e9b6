"""Fuzzy matching against a translation memory held in memory.

A lookup compares the segment with rapidfuzz's ``ratio`` (an edit-distance similarity,
0–100; 100 only for the same text), but not with every stored source: a word index picks
the few hundred sources sharing the most words with the segment (words found in more
than a fifth of the memory say nothing and are skipped), and of those only the ones
whose length allows the minimum score. With 100,000 pairs a lookup takes a few
milliseconds (tests/benchmarks/bench_tm.py). A segment of one or two words, which a word
index serves badly, is compared with every source of a fitting length instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from editor.core.translation.segments import normalise
from editor.core.translation.staleness import word_diff

CANDIDATES = 400  # sources sharing the most words that are compared in full
COMMON_SHARE = 0.2  # a word in more sources than this share is not looked up
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class TmEntry:
    source: str
    target: str
    origin: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class TmMatch:
    entry: TmEntry
    score: float  # 0..100
    diff: tuple[tuple[str, str], ...]  # the stored source against the segment: = - +

    @property
    def exact(self) -> bool:
        return self.score >= 100.0


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


class TmIndex:
    """The pairs of one language pair, ready for exact and fuzzy lookups."""

    def __init__(self, entries: Iterable[TmEntry] = ()) -> None:
        self._entries: list[TmEntry] = []
        self._texts: list[str] = []  # normalised sources, by entry number
        self._by_text: dict[str, list[int]] = {}
        self._postings: dict[str, list[int]] = {}
        self._arrays: dict[str, np.ndarray] = {}
        self._lengths: list[int] = []  # of the normalised sources, by entry number
        self._length_array: np.ndarray | None = None
        for entry in entries:
            self.add(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, entry: TmEntry) -> None:
        number = len(self._entries)
        text = normalise(entry.source)
        self._entries.append(entry)
        self._texts.append(text)
        self._by_text.setdefault(text, []).append(number)
        postings = self._postings
        for word in _words(text):
            if word in postings:
                postings[word].append(number)
            else:
                postings[word] = [number]
        if self._arrays:  # rebuilt lazily, for the words a lookup needs
            self._arrays.clear()
        self._lengths.append(len(text))
        self._length_array = None

    def exact(self, text: str) -> list[TmEntry]:
        """Entries with this very source (whitespace aside), newest first."""
        return [self._entries[n] for n in reversed(self._by_text.get(normalise(text), []))]

    def lookup(self, text: str, *, limit: int = 3, min_score: float = 60.0) -> list[TmMatch]:
        """The best `limit` entries scoring at least `min_score`, best first."""
        query = normalise(text)
        if not query or not self._entries:
            return []
        numbers = self._candidates(query, min_score)
        if not numbers:
            return []
        choices = {n: self._texts[n] for n in numbers}
        found = process.extract(
            query, choices, scorer=fuzz.ratio, score_cutoff=min_score, limit=limit * 4
        )
        # Among equal scores the newest entry wins (it is the latest decision).
        found.sort(key=lambda hit: (-hit[1], -hit[2]))
        seen: set[tuple[str, str]] = set()
        matches: list[TmMatch] = []
        for source, score, number in found:
            entry = self._entries[number]
            if (source, entry.target) in seen:
                continue
            seen.add((source, entry.target))
            diff = tuple(word_diff(entry.source, text))
            matches.append(TmMatch(entry, round(float(score), 1), diff))
            if len(matches) == limit:
                break
        return matches

    def _candidates(self, query: str, min_score: float) -> list[int]:
        lo, hi = self._length_window(len(query), min_score / 100)
        if self._length_array is None:
            self._length_array = np.asarray(self._lengths, dtype=np.int32)
        lengths = self._length_array
        words = _words(query)
        common = COMMON_SHARE * len(self._entries)
        postings = [self._array(w) for w in words if len(self._postings.get(w, ())) <= common]
        postings = [p for p in postings if len(p)]
        if len(words) < 3 or not postings:
            return np.flatnonzero((lengths >= lo) & (lengths <= hi)).tolist()
        counts = np.bincount(np.concatenate(postings), minlength=len(self._entries))
        # Sources sharing at least a third of the words looked up; the best of them when
        # there are many (a partial sort of the few, not of the whole memory).
        top = np.flatnonzero(counts >= max(1, len(postings) // 3))
        if len(top) > CANDIDATES:
            top = top[np.argpartition(counts[top], -CANDIDATES)[-CANDIDATES:]]
        return top[(lengths[top] >= lo) & (lengths[top] <= hi)].tolist()

    def _array(self, word: str) -> np.ndarray:
        array = self._arrays.get(word)
        if array is None:
            array = np.asarray(self._postings.get(word, ()), dtype=np.int32)
            self._arrays[word] = array
        return array

    @staticmethod
    def _length_window(length: int, share: float) -> tuple[int, int]:
        """Lengths a source may have to reach `share` similarity: ratio is at most
        2*min/(a+b), so b lies within [a*s/(2-s), a*(2-s)/s]."""
        share = min(max(share, 0.01), 1.0)
        return int(length * share / (2 - share)), int(length * (2 - share) / share) + 1
