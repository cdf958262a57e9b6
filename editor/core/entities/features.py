"""The features a token is tagged by, one string each (python-crfsuite's cheapest form).

Shared by the training script and the tagger: a model only works with the features it
was trained on, so :data:`FEATURE_VERSION` is stored with the model and checked on load.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

FEATURE_VERSION = 5

_UPPER = re.compile(r"[^\W\d_]", re.UNICODE)
_RUNS = re.compile(r"(.)\1+")


def shape(word: str) -> str:
    """ "Baden-Württemberg" → "Xx-Xx", "BMW" → "X", "iPhone" → "xXx", "2024" → "d"."""
    chars = []
    for ch in word:
        if ch.isdigit():
            chars.append("d")
        elif ch.isalpha():
            chars.append("X" if ch.isupper() else "x")
        else:
            chars.append(ch)
    return _RUNS.sub(r"\1", "".join(chars))


# Marks from the name lists (first names, surnames, places), after a word's class.
LIST_MARKS = {"first": "fn", "last": "sn", "places": "pl"}


_MARKS = frozenset(LIST_MARKS.values())


def build_lexicon(
    sentences: Iterable[tuple[Sequence[str], Sequence[str]]],
    min_count: int = 2,
    lists: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, str]:
    """What the training data says about each word it saw often enough.

    For a word: the class it most often belonged to and how often (in quarters), e.g.
    "PER4" for a word that was nearly always part of a person's name, "O0" for one that
    never was.  A word seen capitalised and in lower case is marked "lc" too: in German
    a capitalised adjective or verb begins a sentence, it is no name.  Words of the name
    ``lists`` (see :data:`LIST_MARKS`) are marked as such, whether seen or not: that is
    how the model learns about names its training data never had.
    """
    totals: Counter[str] = Counter()
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    lower: set[str] = set()
    for tokens, tags in sentences:
        for word, tag in zip(tokens, tags, strict=True):
            totals[word] += 1
            if tag != "O":
                classes[word][tag[2:]] += 1
            if word.islower():
                lower.add(word)
    lexicon: dict[str, str] = {}
    for word, total in totals.items():
        if total < min_count:
            continue
        counts = classes.get(word)
        if counts:
            cls, n = counts.most_common(1)[0]
            value = f"{cls}{round(4 * n / total)}"
        else:
            value = "O0"
        if word[:1].isupper() and word.lower() in lower:
            value += " lc"
        lexicon[word] = value
    for name, mark in LIST_MARKS.items():
        for word in (lists or {}).get(name, ()):
            lexicon[word] = f"{lexicon.get(word, 'unseen')} {mark}"
    return lexicon


MAX_NAME_TOKENS = 5


def build_gazetteer(
    sentences: Iterable[tuple[Sequence[str], Sequence[str]]], min_count: int = 1
) -> dict[str, str]:
    """The names annotated in training data, as space-joined tokens → their usual class."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for tokens, tags in sentences:
        start, cls = -1, ""
        for i, tag in enumerate([*tags, "O"]):
            if start >= 0 and not (tag.startswith("I-") and tag[2:] == cls):
                if i - start <= MAX_NAME_TOKENS:
                    counts[" ".join(tokens[start:i])][cls] += 1
                start = -1
            if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
                start, cls = i, tag[2:]
    return {
        name: c.most_common(1)[0][0] for name, c in counts.items() if sum(c.values()) >= min_count
    }


_FIRSTS: dict[int, tuple[Mapping[str, str], dict[str, int]]] = {}


def _first_words(gazetteer: Mapping[str, str]) -> dict[str, int]:
    """The words names of the gazetteer begin with, and the most words such a name has
    (kept per gazetteer object): only as many joins are tried as a name can be long."""
    kept = _FIRSTS.get(id(gazetteer))
    if kept is None or kept[0] is not gazetteer:
        longest: dict[str, int] = {}
        for name in gazetteer:
            words = name.split(" ")
            longest[words[0]] = max(longest.get(words[0], 0), len(words))
        kept = (gazetteer, longest)
        _FIRSTS[id(gazetteer)] = kept
    return kept[1]


def gazetteer_marks(tokens: Sequence[str], gazetteer: Mapping[str, str]) -> list[str]:
    """B-/I-class for tokens inside a known name (longest first, left to right), else ""."""
    n = len(tokens)
    marks = [""] * n
    firsts = _first_words(gazetteer)
    starts = [i for i, token in enumerate(tokens) if token in firsts]
    done = 0  # tokens before this are inside a name already marked
    for i in starts:
        if i < done:
            continue
        for length in range(min(MAX_NAME_TOKENS, n - i, firsts[tokens[i]]), 0, -1):
            cls = gazetteer.get(" ".join(tokens[i : i + length]))
            if cls is not None:
                marks[i] = f"B-{cls}"
                for j in range(i + 1, i + length):
                    marks[j] = f"I-{cls}"
                done = i + length
                break
    return marks


@lru_cache(maxsize=200_000)
def _own(word: str) -> tuple[str, str, tuple[str, ...]]:
    """What a word says by itself (cached: news repeats its words): lower, shape, features."""
    low = word.lower()
    form = shape(word)
    feats = [
        "b",
        f"w={low}",
        f"s={form}",
        f"p2={low[:2]}",
        f"p3={low[:3]}",
        f"p4={low[:4]}",
        f"p5={low[:5]}",
        f"x1={low[-1:]}",
        f"x2={low[-2:]}",
        f"x3={low[-3:]}",
        f"x4={low[-4:]}",
        f"x5={low[-5:]}",
        f"len={min(len(word), 10)}",
    ]
    if word[:1].isupper():
        feats.append("title")
    if word.isupper() and len(word) > 1:
        feats.append("upper")
    if "-" in word:
        feats.append("hyphen")
        head, _, tail = low.rpartition("-")
        feats.append(f"hx={tail[-4:]}")
        # The parts of a compound: "spd-chef" is about a "chef", "köln-deutz" a place.
        feats.append(f"h1={head.partition('-')[0]}")
        feats.append(f"h2={tail}")
    return low, form, tuple(feats)


def _classes(value: str) -> list[str]:
    """A lexicon entry's class and list marks ("PER3 lc fn" → "PER3", "fn")."""
    parts = value.split()
    return [parts[0], *(p for p in parts[1:] if p in _MARKS)]


def _lexicon_features(word: str, form: str, lexicon: Mapping[str, str]) -> list[str]:
    """What the lexicon says about a word, its parts and its stem."""
    value = lexicon.get(word, "unseen")
    parts = value.split()
    feats = [f"lex={part}" for part in parts]
    # Class and shape together: an unseen "Xx" word is a name more often than an "x" one.
    feats.append(f"lexs={parts[0]}|{form}")
    if word[:1].isupper() and len(word) > 1:
        lower = lexicon.get(word.lower())
        if lower is not None:
            feats.append(f"lowlex={lower.split()[0]}")
        if word.endswith("s") and len(word) > 3 and parts[0] == "unseen":
            # A genitive ("Kanadas", "Merkels"): what the lexicon says of the name.
            stem = lexicon.get(word[:-1])
            if stem is not None:
                feats.extend(f"gen={part}" for part in _classes(stem))
    if "-" in word.strip("-"):
        # Compounds: "SPD-Chef", "Merkel-Regierung", "Düsseldorf-Gerresheim".
        pieces = [p for p in word.split("-") if p]
        for key, piece in (("hl1", pieces[0]), ("hl2", pieces[-1])):
            found = lexicon.get(piece)
            feats.extend(f"{key}={part}" for part in _classes(found or "unseen"))
    return feats


# The positions, relative to a word, of the tokens its neighbour features describe:
# a word is the "-1" neighbour of the token after it, the "+1" of the one before it.
OFFSETS = (-2, -1, 1, 2)


def word_features(
    word: str, lexicon: Mapping[str, str] | None
) -> tuple[list[str], dict[int, list[str]]]:
    """A word's own features, and those it gives the tokens at each of :data:`OFFSETS`.

    Everything here depends on the word alone, so a tagger can sum its weights once per
    distinct word; :func:`position_features` holds what depends on the sentence.
    """
    low, form, own = _own(word)
    feats = list(own)
    # A neighbour's ending says what it is ("Menschenrechtsaktivist Barghuti").
    around: dict[int, list[str]] = {
        1: [f"-1w={low}", f"-1s={form}", f"-1x3={low[-3:]}"],
        2: [f"-2w={low}", f"-2s={form}"],
        -1: [f"+1w={low}", f"+1s={form}", f"+1x3={low[-3:]}"],
        -2: [f"+2w={low}", f"+2s={form}"],
    }
    if lexicon is not None:
        feats.extend(_lexicon_features(word, form, lexicon))
        # The neighbours see the class and the list marks ("-1lex=fn": after a first name).
        seen = _classes(lexicon.get(word, "unseen"))
        around[1].extend(f"-1lex={part}" for part in seen)
        around[-1].extend(f"+1lex={part}" for part in seen)
        around[2].extend(f"-2lex={part}" for part in seen)
        around[-2].extend(f"+2lex={part}" for part in seen)
    return feats, around


def position_features(
    i: int, tokens: Sequence[str], lows: Sequence[str], shapes: Sequence[str]
) -> list[str]:
    """The features of token ``i`` that depend on where it stands and its neighbours."""
    n = len(tokens)
    feats: list[str] = []
    if i == 0:
        if tokens[0][:1].isupper():
            feats.append("title-first")
        feats.append("BOS")
    else:
        feats.append(f"-1w|w={lows[i - 1]}|{lows[i]}")
        if i > 1:
            feats.append(f"-2s|-1s={shapes[i - 2]}|{shapes[i - 1]}")
    if i == n - 1:
        feats.append("EOS")
    else:
        feats.append(f"w|+1w={lows[i]}|{lows[i + 1]}")
        if i < n - 2:
            feats.append(f"+1s|+2s={shapes[i + 1]}|{shapes[i + 2]}")
    return feats


def gazetteer_features(i: int, marks: Sequence[str]) -> list[str]:
    feats = [f"gz={marks[i] or 'O'}"]
    if i > 0:
        feats.append(f"-1gz={marks[i - 1] or 'O'}")
    if i < len(marks) - 1:
        feats.append(f"+1gz={marks[i + 1] or 'O'}")
    return feats


def token_features(
    tokens: Sequence[str],
    lexicon: Mapping[str, str] | None = None,
    gazetteer: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """One feature list per token of a sentence (the form python-crfsuite trains on)."""
    marks = gazetteer_marks(tokens, gazetteer) if gazetteer else None
    per_word = [word_features(t, lexicon) for t in tokens]
    own = [_own(t) for t in tokens]
    lows = [o[0] for o in own]
    shapes = [o[1] for o in own]
    n = len(tokens)
    out: list[list[str]] = []
    for i in range(n):
        feats = list(per_word[i][0])
        for offset in OFFSETS:
            j = i - offset
            if 0 <= j < n:
                feats.extend(per_word[j][1][offset])
        feats.extend(position_features(i, tokens, lows, shapes))
        if marks is not None:
            feats.extend(gazetteer_features(i, marks))
        out.append(feats)
    return out
