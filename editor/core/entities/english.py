"""New names in English by capitalisation and a list of common words.

English capitalises names but not nouns, so a run of capitalised words that are not
common words is a good guess at a name; the first word of a sentence is capitalised
anyway and counts only as part of a longer name.  Kept as the fallback when no
English model is installed, and as the baseline the model is measured against.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from editor.core.entities.extractor import Span

# Small words that may stand inside a name: "Bank of England", "Ludwig van Beethoven".
_CONNECTORS = frozenset({"of", "de", "van", "von", "der", "da", "di", "du", "la", "le", "&"})


def common_words(tokens: Iterable[str]) -> frozenset[str]:
    """Words seen in lower case: whatever a text writes small is no name."""
    return frozenset(t for t in tokens if t.isalpha() and t.islower())


class CapitalisedNames:
    def __init__(self, common: frozenset[str]) -> None:
        self.common = common

    def _is_name_word(self, word: str, first: bool) -> bool:
        if not word[:1].isupper() or not any(ch.isalpha() for ch in word):
            return False
        if word.isupper() and len(word) > 1:
            return True  # an acronym: "NASA", "BBC"
        return not (first and word.lower() in self.common) and word.lower() not in {
            "i",
            "the",
            "a",
        }

    def tag_sentences(self, sents: Sequence[Sequence[str]]) -> list[list[Span]]:
        return [self.tag(tokens) for tokens in sents]

    def tag(self, tokens: Sequence[str]) -> list[Span]:
        spans: list[Span] = []
        i, n = 0, len(tokens)
        while i < n:
            if not self._is_name_word(tokens[i], i == 0):
                i += 1
                continue
            j = i + 1
            while j < n:
                if self._is_name_word(tokens[j], False):
                    j += 1
                elif (
                    tokens[j] in _CONNECTORS
                    and j + 1 < n
                    and self._is_name_word(tokens[j + 1], False)
                ):
                    j += 2
                else:
                    break
            single = j == i + 1
            # One capitalised word opening a sentence is as often a word as a name.
            doubtful = single and (tokens[i].lower() in self.common or i == 0)
            if not doubtful or tokens[i].isupper():
                spans.append(Span(i, j, "MISC", 0.6))
            i = j
        return spans
