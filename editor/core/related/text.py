"""Language-aware tokenising: article text to weighted index terms, and names found in text.

Terms are Snowball stems (German or English), without stop words. German glues nouns into
compounds ("Finanzierungsrunde"), so a long German word also yields the stems of its parts
when it splits into two known words, at half weight: "Finanzierungsrunde" then shares a term
with "Finanzierung" and with "Runde". Known words come from a lexicon (the bilingual dictionary's
German headwords when installed) plus the words the index has seen standing alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import snowballstemmer

from editor.core.related.stopwords import stop_words

# Letters only: digits and punctuation carry no topic; hyphenated words split into parts.
_WORD = re.compile(r"[^\W\d_]+")
# Only link targets and bare URLs need removing: markup characters are not letters anyway.
_LINK_TARGETS = re.compile(r"\]\([^)]*\)|https?://\S+")

_STEMMER_NAMES = {"de": "german", "en": "english"}

MIN_WORD_LEN = 2
COMPOUND_MIN_LEN = 8
HEAD_MIN_LEN = 4  # the last part of a compound
MODIFIER_MIN_LEN = 3  # the parts before it, without the linking -s-, -es-, -n-, -en-
COMPOUND_PART_WEIGHT = 0.75
TOKEN_CACHE_LIMIT = 2_000_000  # distinct raw tokens remembered before starting afresh
# Linking elements between German compound parts ("Finanzierung-s-runde", "Sonne-n-schein").
_LINKERS = ("es", "en", "s", "n", "")


def plain_text(markdown: str) -> str:
    """Markdown to the words a reader sees: link targets and bare URLs dropped."""
    if "](" not in markdown and "://" not in markdown:
        return markdown  # the common case, without running the regex
    return _LINK_TARGETS.sub(" ", markdown)


class Analyzer:
    """Turns text into index terms, caching per word (news vocabulary repeats a lot).

    `known_words` decides which words count as known for compound splitting; every word the
    analyzer has met (in `seen`) counts as known too, so the archive's own vocabulary helps.
    """

    def __init__(self, known_words: Callable[[str], bool] | None = None) -> None:
        self._known_words = known_words
        self.seen: set[str] = set()
        self._stemmers: dict[str, Any] = {}
        # Per language: word as written -> its stem, or (stem, weight) pairs for compounds.
        self._cache: dict[str, dict[str, str | tuple[tuple[str, float], ...]]] = {}
        self._tokens: dict[str, tuple[str, ...]] = {}  # white-space token -> its words

    def terms(
        self, text: str, lang: str, surface: dict[str, str] | None = None
    ) -> dict[str, float]:
        """Term frequencies for `text`; compound parts count at COMPOUND_PART_WEIGHT.

        `surface`, when given, collects a readable form per stem (the shortest word seen,
        with its case) for explaining matches.
        """
        return self.terms_of_words(self.count_words(text), lang, surface)

    def count_words(self, text: str) -> dict[str, int]:
        """How often each word occurs, as written (letters only; hyphens and digits split).

        Splitting on white space and cleaning each distinct token once (cached) is about
        twice as fast as running the word pattern over the whole text.
        """
        tokens = self._tokens
        if len(tokens) > TOKEN_CACHE_LIMIT:
            tokens.clear()
        counts: dict[str, int] = {}
        get = counts.get
        for token, n in Counter(text.split()).items():
            words = tokens.get(token)
            if words is None:
                words = tokens[token] = tuple(_WORD.findall(token))
            for word in words:
                counts[word] = get(word, 0) + n
        return counts

    def terms_of_words(
        self, counts: Mapping[str, int], lang: str, surface: dict[str, str] | None = None
    ) -> dict[str, float]:
        """`terms` for words already counted by `count_words`."""
        if lang == "de":
            self.seen.update(map(str.lower, counts))
        cache = self._cache.setdefault(lang, {})
        result: dict[str, float] = {}
        get = result.get
        for word, n in counts.items():
            features = cache.get(word)
            if features is None:
                features = cache[word] = self._features(word, lang)
                if surface is not None and features:
                    stem = features if isinstance(features, str) else features[0][0]
                    _remember_surface(surface, stem, word)
            if isinstance(features, str):
                result[features] = get(features, 0.0) + n
            else:
                for term, weight in features:
                    result[term] = get(term, 0.0) + n * weight
        return result

    def learn(self, *texts: str) -> None:
        """Count the words of `texts` as known (for compound splitting) before analysing."""
        # str.split is several times faster than the word pattern; a word followed by a
        # comma is missed here, but it occurs elsewhere without one.
        for text in texts:
            self.seen.update(text.lower().split())

    def _is_known(self, word: str) -> bool:
        return word in self.seen or (self._known_words is not None and self._known_words(word))

    def stem(self, word: str, lang: str) -> str:
        stemmer = self._stemmer(lang)
        return stemmer.stemWord(word) if stemmer else word

    def _features(self, word: str, lang: str) -> str | tuple[tuple[str, float], ...]:
        word = word.lower()
        if len(word) < MIN_WORD_LEN or word in stop_words(lang):
            return ()
        stem = self.stem(word, lang)
        if lang != "de" or len(word) < COMPOUND_MIN_LEN:
            return stem
        parts = [p for p in self.split_compound(word) if p not in stop_words(lang)]
        if not parts:
            return stem
        return ((stem, 1.0), *((self.stem(p, lang), COMPOUND_PART_WEIGHT) for p in parts))

    def split_compound(self, word: str) -> tuple[str, ...]:
        """Split a German compound into two known words ("finanzierungsrunde" -> both parts).

        Prefers the longest head (the last part carries the meaning in German). Returns () when
        no split into known words exists.
        """
        known = self._is_known
        for cut in range(MODIFIER_MIN_LEN, len(word) - HEAD_MIN_LEN + 1):
            head = word[cut:]
            if not known(head):
                continue
            modifier = _strip_linker(word[:cut], known)
            if modifier:
                return (modifier, head)
        return ()

    def _stemmer(self, lang: str) -> Any:
        if lang not in self._stemmers:
            name = _STEMMER_NAMES.get(lang)
            if name is None:
                return None
            self._stemmers[lang] = snowballstemmer.stemmer(name)
        return self._stemmers[lang]


def _remember_surface(surface: dict[str, str], stem: str, word: str) -> None:
    known = surface.get(stem)
    if known is None or len(word) < len(known) or (len(word) == len(known) and word < known):
        surface[stem] = word


def _strip_linker(modifier: str, known: Callable[[str], bool]) -> str:
    for linker in _LINKERS:
        if linker and not modifier.endswith(linker):
            continue
        stem = modifier[: len(modifier) - len(linker)] if linker else modifier
        if len(stem) >= MODIFIER_MIN_LEN and known(stem):
            return stem
    return ""


# --- names in untagged text -------------------------------------------------------------

_CAP = r"[A-ZÄÖÜ][\w&'’-]*"
# Capitalised words in a row ("Sam Altman", "New York Times"); English singles are names too.
_NAME_SEQUENCE = re.compile(
    rf"\b{_CAP}(?:[ \t]+(?:{_CAP}|von|van|de|der|of)(?=[ \t]+[A-ZÄÖÜ]|\b))*"
)
# German: only runs of two or more ("Ursula von der Leyen"), single nouns are everywhere.
# Runs never start with an article or preposition: skipping those in the pattern spares
# handling "Die Regierung" at every other sentence start.
_LEADING_FUNCTION_WORD = (
    r"(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Einen|Einem|Einer|Im|Am|Zum|Zur|Beim|Vom|In|An|Auf"
    r"|Mit|Nach|Bei|Für|Von|Vor|Aus|Über|Unter|Seit|Laut|Auch|Doch|Nun|Dann|So|Wie|Als|Wenn)"
)
_NAME_RUN = re.compile(
    rf"\b(?!{_LEADING_FUNCTION_WORD}\b){_CAP}(?:[ \t]+(?:(?:von|van|de|der|of)[ \t]+)?{_CAP})+"
)
# Acronyms and product-style names: "SPÖ", "EU", "OpenAI", "iPhone", "GPT-4", "YouTube".
_SHAPED_NAME = re.compile(r"\b[^\W\d_]+(?:[A-ZÄÖÜ]|-\d)[\w.-]*")
_SENTENCE_END = re.compile(r"[.!?:;\"„“”»«]\s*$|^\s*$")

# Words that are capitalised in sequences without being names.
_NOT_NAMES = frozenset(
    """
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai
    juni juli august september oktober november dezember monday tuesday wednesday thursday
    friday saturday sunday january february march june july october december mr mrs ms dr
    herr frau prof ceo chef chefin ap apa dpa afp reuters
    """.split()
)


def find_names(text: str, lang: str, words: Iterable[str] | None = None) -> list[str]:
    """Names in untagged text: a simple, conservative heuristic.

    German capitalises every noun, so a single capitalised word says little there. We take:
    sequences of capitalised words that remain two or more after dropping stop words and
    calendar words ("Sam Altman", "Deutsche Bank"); acronyms and product-shaped words
    ("SPÖ", "OpenAI", "iPhone", "GPT-4"); and in English also single capitalised words that
    do not open a sentence.

    `words`, the distinct words of the text as `Analyzer.count_words` found them, saves a
    regex pass for the shaped names (the index has them anyway); "GPT-4" is then "GPT".
    """
    stops = stop_words(lang)
    names: dict[str, None] = {}  # ordered and without repeats
    if lang == "en":
        singles_seen: set[str] = set()
        for match in _NAME_SEQUENCE.finditer(text):
            found = match.group()
            if found in names or found in singles_seen:
                continue  # names recur within an article: judge each spelling once
            trimmed = _trim([w.strip(".'’-") for w in found.split()], stops)
            if len(trimmed) >= 2:
                names[" ".join(trimmed)] = None
            elif len(trimmed) == 1 and len(trimmed[0]) > 2:
                if _opens_sentence(text, match.start()):
                    continue  # maybe an ordinary word; a later occurrence may settle it
                singles_seen.add(found)
                names[trimmed[0]] = None
    else:
        for found in dict.fromkeys(_NAME_RUN.findall(text)):
            trimmed = _trim([w.strip(".'’-") for w in found.split()], stops)
            if len(trimmed) >= 2:
                names[" ".join(trimmed)] = None
    if words is None:
        shaped: Iterable[str] = (m.group().rstrip(".-") for m in _SHAPED_NAME.finditer(text))
    else:
        shaped = (w for w in words if len(w) > 1 and w[1:] != w[1:].lower())
    names.update(dict.fromkeys(shaped))
    return list(names)


def _trim(words: list[str], stops: frozenset[str]) -> list[str]:
    def ordinary(word: str) -> bool:
        low = word.lower()
        return low in stops or low in _NOT_NAMES or not word

    start, end = 0, len(words)
    while start < end and ordinary(words[start]):
        start += 1
    while end > start and ordinary(words[end - 1]):
        end -= 1
    return [w for w in words[start:end] if w]


def _opens_sentence(text: str, pos: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, pos - 3) : pos]))
