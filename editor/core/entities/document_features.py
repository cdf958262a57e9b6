"""What the rest of an English article says about a word: extra features for its model.

A sentence alone often cannot tell a name from a word that opens it ("Ohio" or "Despite"
as the first word) or from a capitalised common word ("Army", "Album"). The article can:
a word written in lower case elsewhere is probably no name here, one written with a
capital in the middle of other sentences probably is, and a word that ends a longer
capitalised run elsewhere ("Hauser" after "George F. Hauser") is a surname. These
features describe a token by the other occurrences of its word in the article; they
depend on the text only, so training and tagging compute them alike.

Kept apart from features.py (whose features every language shares): a model trained
with them says so in its manifest (:data:`DOCUMENT_FEATURES`), and only then does the
tagger add them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from editor.core.entities.crf import FloatArray, LinearChainCRF

# Stored in a model's manifest as "document_features"; bump when the features change.
DOCUMENT_FEATURES = 1
# The most features one token can have (the tagger pads every token to this many).
MAX_FEATURES = 6


def _capitalised(word: str) -> bool:
    """A capital alone or followed by a letter somewhere ("Ohio", "A", "US"; not
    "A." or "F-16")."""
    return word[:1].isupper() and (len(word) == 1 or any(map(str.isalpha, word[1:])))


class _Article:
    """How the article writes each word: the counts the features are made of."""

    def __init__(self, sents: Sequence[Sequence[str]]) -> None:
        known: dict[str, bool] = {}
        self.caps: list[list[bool]] = []
        self.lower: set[str] = set()
        self.inside: Counter[str] = Counter()  # capitalised, not opening a sentence
        self.in_run: Counter[str] = Counter()  # ... after or before another such word
        self.ends_run: set[str] = set()  # last of two or more capitalised words
        self.total: Counter[str] = Counter()
        for tokens in sents:
            caps = []
            for word in tokens:
                cap = known.get(word)
                if cap is None:
                    cap = known[word] = _capitalised(word)
                caps.append(cap)
            self.caps.append(caps)
            self.total.update(tokens)
            n = len(tokens)
            for i, word in enumerate(tokens):
                if not caps[i]:
                    if word.islower() and word.isalpha():
                        self.lower.add(word)
                    continue
                if i == 0:
                    continue
                self.inside[word] += 1
                after = i + 1 < n and caps[i + 1]
                if (caps[i - 1] and i > 1) or after:
                    self.in_run[word] += 1
                if caps[i - 1] and not after:
                    self.ends_run.add(word)

    @staticmethod
    def keys(tokens: Sequence[str], caps: Sequence[bool]) -> list[tuple[str, bool, bool] | None]:
        """Per token, what its features depend on: the word, whether it stands inside
        the sentence (not first), and whether a capitalised word stands beside it."""
        n = len(tokens)
        out: list[tuple[str, bool, bool] | None] = []
        for i, word in enumerate(tokens):
            if not caps[i]:
                out.append(None)
            else:
                beside = (i > 0 and caps[i - 1]) or (i + 1 < n and caps[i + 1])
                out.append((word, i > 0, beside))
        return out

    def features(self, word: str, inside: bool, beside: bool) -> list[str]:
        """The features of a capitalised word standing so (see :meth:`keys`); this
        occurrence is no evidence about itself."""
        here: list[str] = []
        if word.lower() in self.lower:
            here.append("d:lc")
        if self.inside[word] - inside > 0:
            here.append("d:inside" if inside else "d:inside-first")
        elif self.total[word] > 1:
            here.append("d:not-inside" if inside else "d:only-first")
        if self.in_run[word] - (inside and beside) > 0:
            here.append("d:in-run")
        if not beside and word in self.ends_run:
            here.append("d:ends-run")
        here.append(f"d:n={min(self.total[word], 3)}")
        return here


def document_features(sents: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """For each token of each sentence of one article, its document features."""
    article = _Article(sents)
    return [
        [[] if key is None else article.features(*key) for key in article.keys(tokens, caps)]
        for tokens, caps in zip(sents, article.caps, strict=True)
    ]


def document_emissions(
    crf: LinearChainCRF, sents: Sequence[Sequence[str]], width: int
) -> FloatArray:
    """The label scores the document features add, shaped like the tagger's emissions
    (sentences, positions up to ``width``, labels); padding positions stay 0.  Each
    distinct word and standing is summed once (an article repeats its names)."""
    article = _Article(sents)
    index = crf.index
    rows: dict[tuple[str, bool, bool], int] = {}
    ids: list[list[int]] = [[0] * MAX_FEATURES]  # row 0: no features
    at = np.zeros((len(sents), width), dtype=np.intp)
    for s, (tokens, caps) in enumerate(zip(sents, article.caps, strict=True)):
        line = at[s]
        for t, key in enumerate(article.keys(tokens, caps)):
            if key is None:
                continue
            row = rows.get(key)
            if row is None:
                found = [index.get(f, 0) for f in article.features(*key)]
                row = rows[key] = len(ids)
                ids.append(found + [0] * (MAX_FEATURES - len(found)))
            line[t] = row
    sums = crf.state[np.array(ids, dtype=np.intp)].sum(axis=1)
    return sums[at]
