"""How text becomes search tokens: folding, word splitting, CJK bigrams.

The index and the query go through the same functions, so what an editor types
meets what was indexed:

* case and accents are folded ("Müller" → ``muller``, "Café" → ``cafe``) and
  ``ß`` becomes ``ss`` (Python's casefold), so "Muller" finds "Müller" and
  "Strasse" finds "Straße";
* German umlauts are also indexed spelled out ("Müller" adds ``mueller`` at
  the end of the same field, so it weighs as much), so "Mueller" finds
  "Müller" as well;
* Chinese and Japanese have no spaces between words: a run of such characters
  is indexed as overlapping pairs (人工智能 → 人工 工智 智能), and a query for a
  run becomes the phrase of its pairs, which finds exactly that run.

The tokens are plain strings of letters and digits (no punctuation, no
underscore), joined by spaces: any full-text engine's simplest tokenizer
(SQLite's ``ascii``, a PostgreSQL tsvector) keeps them as they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Han, Hiragana, Katakana (and their extensions): written without spaces.
# Hangul is not here: Korean separates words with spaces.
_CJK_RANGES = (
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0002fa1f"
)
CJK_CHAR = re.compile(f"[{_CJK_RANGES}]")
_CJK_RUN = re.compile(f"[{_CJK_RANGES}]+")
_SEPARATORS = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
# Combining marks stripped after decomposition (the kana voicing marks, U+3099/309A,
# are kept: が is not か).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Longer words are cut (both in documents and queries, so they still meet): such
# "words" are encoded data, and PostgreSQL refuses a tsquery word over 2 kB.
MAX_TOKEN_CHARS = 64
_UMLAUT_WORD = re.compile(r"\b\w*?[äöü]\w*")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _latin_table() -> dict[int, str]:
    """Latin letters with accents → their base letter, for the common case without NFKD."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = _MARKS.sub("", unicodedata.normalize("NFKD", char))
        if base != char and base.isascii() and base:
            table[code] = base
    return table


_LATIN = _latin_table()


def fold(text: str) -> str:
    """Lower case without accents, ``ß`` as ``ss``: the form text is indexed in."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    # Decomposing and dropping the marks runs in C: 3x a per-character table here.
    decomposed = _MARKS.sub("", unicodedata.normalize("NFKD", folded))
    return unicodedata.normalize("NFC", decomposed)


def _cjk_split(word: str) -> list[str]:
    """A word mixing scripts ("ai芯片") as tokens: the Latin parts whole, CJK runs as pairs."""
    tokens: list[str] = []
    start = 0
    for run in _CJK_RUN.finditer(word):
        if run.start() > start:
            tokens.append(word[start : run.start()])
        chars = run.group()
        if len(chars) == 1:
            tokens.append(chars)
        else:
            tokens.extend(chars[i : i + 2] for i in range(len(chars) - 1))
        start = run.end()
    if start < len(word):
        tokens.append(word[start:])
    return tokens


def _has_cjk(text: str) -> bool:
    # max() scans in C; only text with a character from U+3040 up needs the regex.
    return bool(text) and max(text) >= "\u3040" and CJK_CHAR.search(text) is not None


def _cut_long(words: list[str]) -> list[str]:
    if words and max(map(len, words)) > MAX_TOKEN_CHARS:
        return [word[:MAX_TOKEN_CHARS] for word in words]
    return words


def tokens(text: str) -> list[str]:
    """The search tokens of ``text``, in order (a query and a document alike)."""
    folded = fold(text)
    words = _cut_long(_WORD.findall(folded))
    if not _has_cjk(folded):
        return words
    result: list[str] = []
    for word in words:
        if _has_cjk(word):
            result.extend(_cjk_split(word))
        else:
            result.append(word)
    return _cut_long(result)


def token_text(text: str) -> str:
    """``tokens(text)`` joined by spaces (faster when the text has no CJK)."""
    folded = fold(text)
    if _has_cjk(folded):
        return " ".join(tokens(text))
    joined = _SEPARATORS.sub(" ", folded).strip()
    if len(joined) > MAX_TOKEN_CHARS and max(map(len, joined.split())) > MAX_TOKEN_CHARS:
        return " ".join(_cut_long(joined.split()))
    return joined


def spelled_out(text: str) -> list[str]:
    """Tokens of the words with umlauts written out (Müller → ``mueller``), once each."""
    lowered = text.casefold()
    if not any(u in lowered for u in "äöü"):
        return []
    words = dict.fromkeys(_UMLAUT_WORD.findall(lowered))
    spelled = fold(" ".join(words).translate(_UMLAUTS))
    if _has_cjk(spelled):
        return list(dict.fromkeys(tokens(spelled)))
    return list(dict.fromkeys(_cut_long(_WORD.findall(spelled))))


def is_cjk(token: str) -> bool:
    return _has_cjk(token)


@dataclass(frozen=True, slots=True)
class IndexDoc:
    """One article as the index holds it: each field as space-separated tokens,
    followed by its umlaut words spelled out."""

    id: int
    title: str
    teaser: str
    body: str
    tags: str
    author: str


def field_text(text: str) -> str:
    """A field's tokens, then its umlaut words spelled out (single words, after the text:
    a phrase never runs into them)."""
    spelled = spelled_out(text)
    tokens_ = token_text(text)
    return f"{tokens_} {' '.join(spelled)}" if spelled else tokens_


def index_doc(
    article_id: int, *, title: str, teaser: str, body: str, author: str, tags: tuple[str, ...]
) -> IndexDoc:
    return IndexDoc(
        id=article_id,
        title=field_text(title),
        teaser=field_text(teaser),
        body=field_text(body),
        tags=field_text(" ; ".join(tags)),
        author=field_text(author),
    )


# ---------------------------------------------------------------- for highlighting


def _accent_classes() -> dict[str, str]:
    """For each base letter, a regex class of it and its accented lower-case forms."""
    forms: dict[str, list[str]] = {}
    for code, base in _LATIN.items():
        char = chr(code)
        if len(base) == 1 and char.islower():
            forms.setdefault(base.lower(), [base.lower()]).append(char)
    return {base: "[" + "".join(chars) + "]" for base, chars in forms.items()}


_ACCENTED = _accent_classes()


def match_fold(text: str) -> str:
    """``text`` lowered, *the same length* as ``text`` (accents stay: the patterns of
    :func:`token_pattern` accept them).  Highlighting finds matches in this and marks
    the same offsets in the original."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower to two (İ): do it one by one
        lowered = "".join(c.lower()[:1] or c for c in text)
    return lowered


@lru_cache(maxsize=512)
def token_pattern(token: str) -> str:
    """A regex source matching ``token`` in :func:`match_fold` text: any accent on a
    letter, ß for "ss", and ä/ö/ü (or a/o/u) for a spelled-out "ae"/"oe"/"ue"."""
    parts: list[str] = []
    i = 0
    while i < len(token):
        pair = token[i : i + 2]
        if pair == "ss":
            parts.append("(?:ss|ß)")
            i += 2
        elif pair in ("ae", "oe", "ue"):
            vowel = _ACCENTED.get(pair[0], pair[0])
            parts.append(f"(?:{pair}|{vowel})")
            i += 2
        else:
            parts.append(_ACCENTED.get(token[i], re.escape(token[i])))
            i += 1
    return "".join(parts)


@lru_cache(maxsize=512)
def token_pattern_split(token: str) -> tuple[str, str]:
    """:func:`token_pattern` of ``token`` as a one-character class for its first
    character and a pattern for the rest (checking back on that character where it
    decides the rest).  A pattern that starts with a plain class lets the regex engine
    skip quickly to the places where it can match (see :func:`.snippet.matcher`)."""
    pair = token[:2]
    if pair == "ss":
        return "[sß]", "(?:(?<=s)s|(?<=ß))" + token_pattern(token[2:])
    if pair in ("ae", "oe", "ue"):
        vowel = _ACCENTED.get(pair[0], pair[0])
        return vowel, f"(?:(?<={pair[0]}){pair[1]})?" + token_pattern(token[2:])
    first = token[:1]
    return _ACCENTED.get(first, re.escape(first)), token_pattern(token[1:])
