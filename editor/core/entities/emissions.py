"""Label scores for every token of an article, from the features of features.py.

A token's score is the sum of its features' weights.  Most features depend on one word
only (its own, and those it gives its neighbours), so their sums are computed once per
distinct word and kept: an article repeats its words, an archive its vocabulary.  Only
the few features that depend on two words or on the position are looked up per token.
The result equals summing the weights of :func:`features.token_features` (a test holds
it to that).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence

import numpy as np

from editor.core.entities.crf import FloatArray, IntArray, LinearChainCRF
from editor.core.entities.features import OFFSETS, _own, gazetteer_marks, word_features

# Column of a word's table row that holds its own features, then one per offset.
_SLOTS = 1 + len(OFFSETS)
# Per-token features: BOS/-1w|w, title-first, -2s|-1s, EOS/w|+1w, +1s|+2s, gz, -1gz, +1gz.
_PER_TOKEN = 8
# Words kept; past this the table starts afresh (a long-running session stays bounded).
MAX_WORDS = 200_000


class EmissionBuilder:
    """Token scores for padded batches of sentences; safe to share between threads."""

    def __init__(
        self,
        crf: LinearChainCRF,
        lexicon: Mapping[str, str] | None,
        gazetteer: Mapping[str, str] | None,
    ) -> None:
        self._crf = crf
        self._lexicon = lexicon
        self._gazetteer = gazetteer
        self._lock = threading.Lock()
        n = len(crf.labels)
        self._table = np.zeros((1024, _SLOTS, n))  # row 0: no word (padding)
        self._rows: dict[str, tuple[int, str, str]] = {}  # word → row, lower case, shape
        index = crf.index
        self._fixed = {name: index.get(name, 0) for name in ("BOS", "EOS", "title-first")}
        self._pairs: dict[tuple[str, str, str], tuple[int, int]] = {}
        # The gazetteer features' ids by (feature, mark): "" is outside any known name.
        classes = {v for v in (gazetteer or {}).values()}
        marks = ["", *(f"{p}-{c}" for c in classes for p in "BI")]
        self._gz = {
            (feature, mark): index.get(f"{feature}={mark or 'O'}", 0)
            for feature in ("gz", "-1gz", "+1gz")
            for mark in marks
        }

    def _add_words(self, words: Sequence[str]) -> None:
        """Table rows for words not seen yet, their weights summed in one numpy call."""
        new = [w for w in dict.fromkeys(words) if w not in self._rows]
        if not new:
            return
        first = len(self._rows) + 1
        needed = first + len(new)
        if needed > len(self._table):
            grown = np.zeros((max(needed, 2 * len(self._table)), *self._table.shape[1:]))
            grown[: len(self._table)] = self._table
            self._table = grown
        index = self._crf.index
        ids: list[int] = []
        starts: list[int] = []
        for word in new:
            own, around = word_features(word, self._lexicon)
            for group in (own, *(around[offset] for offset in OFFSETS)):
                starts.append(len(ids))  # every group has at least one feature
                ids.extend([index.get(f, 0) for f in group])
        sums = np.add.reduceat(self._crf.state[ids], starts, axis=0)
        self._table[first:needed] = sums.reshape(len(new), _SLOTS, -1)
        for row, word in enumerate(new, start=first):
            low, form, _ = _own(word)
            self._rows[word] = (row, low, form)

    def build(self, sentences: Sequence[Sequence[str]]) -> tuple[FloatArray, IntArray]:
        """Scores (sentences, positions, labels) and the sentences' lengths."""
        lengths = np.array([len(s) for s in sentences], dtype=np.intp)
        width = int(lengths.max()) if len(sentences) else 0
        with self._lock:
            if len(self._rows) >= MAX_WORDS:
                self._rows.clear()  # only between batches: rows stay valid within one
            self._add_words([t for s in sentences for t in s])
            rows = self._rows
            # Two empty columns on either side: neighbours past the ends are row 0.
            words = np.zeros((len(sentences), width + 4), dtype=np.intp)
            slots: list[list[int]] = [[] for _ in range(_PER_TOKEN)]
            for s, tokens in enumerate(sentences):
                known = [rows[t] for t in tokens]
                words[s, 2 : 2 + len(tokens)] = [k[0] for k in known]
                self._token_ids(tokens, known, slots)
            table = self._table
            scores = table[words[:, 2:-2], 0]
            for slot, offset in enumerate(OFFSETS, start=1):
                # The word at position t - offset gives its features to the token at t.
                scores += table[words[:, 2 - offset : 2 - offset + width], slot]
        valid = np.arange(width)[None, :] < lengths[:, None]
        ids = np.array(slots, dtype=np.intp)
        scores[valid] += self._crf.state[ids].sum(axis=0)
        return scores, lengths

    def _pair_ids(self, kind: str, left: str, right: str) -> tuple[int, int]:
        """Ids of the two features a pair of neighbours makes: seen from the right one
        ("-1w|w=a|b", "-2s|-1s=X|x") and from the left ("w|+1w=a|b", "+1s|+2s=X|x")."""
        key = (kind, left, right)
        found = self._pairs.get(key)
        if found is None:
            index = self._crf.index
            if kind == "w":
                found = (
                    index.get(f"-1w|w={left}|{right}", 0),
                    index.get(f"w|+1w={left}|{right}", 0),
                )
            else:
                found = (
                    index.get(f"-2s|-1s={left}|{right}", 0),
                    index.get(f"+1s|+2s={left}|{right}", 0),
                )
            if len(self._pairs) < MAX_WORDS:
                self._pairs[key] = found
        return found

    def _token_ids(
        self, tokens: Sequence[str], known: list[tuple[int, str, str]], slots: list[list[int]]
    ) -> None:
        """Adds a sentence's per-token feature ids to ``slots`` (one list a feature)."""
        n = len(tokens)
        lows = [k[1] for k in known]
        shapes = [k[2] for k in known]
        before, first, two_before, after, two_after = ([0] * n for _ in range(5))
        before[0] = self._fixed["BOS"]
        if tokens[0][:1].isupper():
            first[0] = self._fixed["title-first"]
        after[n - 1] = self._fixed["EOS"]
        pairs, pair = self._pairs, self._pair_ids
        for i in range(1, n):
            key = ("w", lows[i - 1], lows[i])
            before[i], after[i - 1] = pairs.get(key) or pair(*key)
        for m in range(n - 1):
            # Shapes m, m+1: "-2s|-1s" of token m+2 and "+1s|+2s" of token m-1.
            key = ("s", shapes[m], shapes[m + 1])
            left, right = pairs.get(key) or pair(*key)
            if m + 2 < n:
                two_before[m + 2] = left
            if m >= 1:
                two_after[m - 1] = right
        for slot, values in zip(slots, (before, first, two_before, after, two_after), strict=False):
            slot.extend(values)
        marks = gazetteer_marks(tokens, self._gazetteer) if self._gazetteer else None
        if marks is None:
            for slot in slots[5:]:
                slot.extend([0] * n)
            return
        gz = self._gz
        slots[5].extend([gz[("gz", m)] for m in marks])
        slots[6].extend([0, *(gz[("-1gz", m)] for m in marks[:-1])])
        slots[7].extend([*(gz[("+1gz", m)] for m in marks[1:]), 0])
