"""The passage of a hit that shows why it matched, with the matches marked.

Computed from the article's own text (umlauts, ß and case as written), the
same way for every index backend: the query's tokens become one regular
expression over :func:`~editor.core.search.text.match_fold` text, which has
the same length as the original, so a match's offsets mark the original.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from editor.core.search.query import SearchQuery, Term
from editor.core.search.text import is_cjk, match_fold, token_pattern, token_pattern_split

# About two lines of the result list.
PASSAGE_CHARS = 200
MARK_START = "<mark>"
MARK_END = "</mark>"
# Matches looked at for the best passage (a long body can match hundreds of times).
MAX_SPANS = 60
# Matches are looked for in the start of a field first (bodies run to many kB).
HEAD_CHARS = 3000
_SPACES = re.compile(r"\s+")
_WORDY = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Passage:
    """Pieces of text, every other one a match: ``(text, is_match)``."""

    pieces: tuple[tuple[str, bool], ...]
    clipped_start: bool = False
    clipped_end: bool = False

    @property
    def text(self) -> str:
        return self.marked("", "", escape=False)

    def marked(self, start: str = MARK_START, end: str = MARK_END, *, escape: bool = True) -> str:
        """The passage with matches between ``start`` and ``end`` (HTML-escaped by default)."""
        out = ["…" if self.clipped_start else ""]
        for text, is_match in self.pieces:
            shown = html.escape(text, quote=False) if escape else text
            out.append(f"{start}{shown}{end}" if is_match else shown)
        out.append("…" if self.clipped_end else "")
        return "".join(out)

    @property
    def matches(self) -> list[str]:
        return [text for text, is_match in self.pieces if is_match]


def _term_pattern(tokens: Sequence[str], prefix: bool) -> tuple[str, str]:
    """A regex for a word or phrase, as its first character's class and the rest (see
    :func:`matcher`); CJK pairs overlap, so each adds one character."""
    out = []
    first = ""
    last = len(tokens) - 1
    for position, token in enumerate(tokens):
        cjk = is_cjk(token)
        if position > 0:
            previous_cjk = is_cjk(tokens[position - 1])
            if not (cjk and previous_cjk):
                out.append(r"[\W_]*" if cjk or previous_cjk else r"[\W_]+")
        if cjk:
            overlapping = position < last and is_cjk(tokens[position + 1]) and len(token) > 1
            piece = token[0] if overlapping else token
        else:
            piece = token
        if position == 0:
            first, rest = token_pattern_split(piece)
            if not cjk:
                # The word boundary before the first character, checked once it is read.
                out.append(r"(?<!\w.)" if _WORDY.match(piece) else r"(?<=\w.)")
        else:
            rest = token_pattern(piece)
        if cjk:
            out.append(rest)
            continue
        after = position == last or not is_cjk(tokens[position + 1])
        if position > 0 and not is_cjk(tokens[position - 1]):
            out.append(r"\b")
        out.append(rest + (r"\w*" if prefix and position == last else ""))
        out.append(r"\b" if after else "")
    return first, "".join(out)


def matcher(query: SearchQuery) -> re.Pattern[str] | None:
    """One regex for every positive term (and entity/author phrase) of ``query``.

    Each alternative is the class of its first character and the rest; the regex
    starts with the union of those classes, a plain character set, so that the
    engine skips in C to the characters that can start a match (a word boundary or
    an alternation at the start would have it try every position, some 50 times
    slower over a long body).
    """
    alternatives: list[tuple[str, str]] = []
    for term in query.positive:
        alternatives.extend(_alternatives(term))
    for phrase in (*query.entity_phrases(), *query.filters.authors):
        alternatives.append(_term_pattern(phrase, False))
    if not alternatives:
        return None
    # Longest first, so that a phrase wins over a word it contains.
    ordered = sorted(dict.fromkeys(alternatives), key=lambda a: len(a[0]) + len(a[1]), reverse=True)
    if len(ordered) == 1:
        first, rest = ordered[0]
        return re.compile(f"{first}{rest}")
    starts = "".join(_class_body(first) for first, _ in ordered)
    checked = "|".join(f"(?<={first}){rest}" for first, rest in ordered)
    return re.compile(f"[{starts}](?:{checked})")


def _class_body(first: str) -> str:
    """``[abc]`` → ``abc``; an escaped character stays as it is."""
    return first[1:-1] if first.startswith("[") and len(first) > 1 else first


def _alternatives(term: Term) -> Iterable[tuple[str, str]]:
    yield _term_pattern(term.tokens, term.prefix)
    if term.spelled:
        yield _term_pattern(term.spelled, term.prefix)


def passage(
    fields: Sequence[str], pattern: re.Pattern[str] | None, width: int = PASSAGE_CHARS
) -> Passage:
    """The best passage from the first field with a match (body before teaser before title),
    or the start of the first non-empty field when nothing matches."""
    if pattern is not None:
        for text in fields:
            if not text:
                continue
            matches = _matches(text[:HEAD_CHARS], pattern)
            if not matches and len(text) > HEAD_CHARS:
                matches = _matches(text, pattern)
            if matches:
                spans = [m.span() for m in matches]
                keys = [m.group() for m in matches]
                return _window(text, spans, width, keys)
    for text in fields:
        if text.strip():
            return _window(text, [], width)
    return Passage(())


def _matches(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    found = (m for m in pattern.finditer(match_fold(text)) if m.end() > m.start())
    return list(islice(found, MAX_SPANS))


def _window(
    text: str, spans: list[tuple[int, int]], width: int, keys: list[str] | None = None
) -> Passage:
    """The ``width`` characters holding the most distinct matches, cut at spaces."""
    start = _best_start(spans, keys or [], width)
    end = min(len(text), start + width)
    if start > 0:
        space = text.find(" ", start, start + 30)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", max(start, end - 30), end)
        end = space if space > start else end
    pieces: list[tuple[str, bool]] = []
    cursor = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > cursor:
            pieces.append((_flat(text[cursor:s]), False))
        pieces.append((_flat(text[s:e]), True))
        cursor = e
    if cursor < end:
        pieces.append((_flat(text[cursor:end]), False))
    return Passage(tuple(pieces), clipped_start=start > 0, clipped_end=end < len(text))


def _best_start(spans: list[tuple[int, int]], keys: list[str], width: int) -> int:
    """Where the window with the most distinct matched words (``keys``, folded) begins
    (one pass: the window's end moves on as its start does)."""
    if not spans:
        return 0
    best, best_score = spans[0][0], 0
    counts: dict[str, int] = {}
    end = 0
    for i, (start, _) in enumerate(spans):
        end = max(end, i)
        while end < len(spans) and (end == i or spans[end][1] <= start + width):
            counts[keys[end]] = counts.get(keys[end], 0) + 1
            end += 1
        if len(counts) > best_score:
            best, best_score = start, len(counts)
        counts[keys[i]] -= 1
        if not counts[keys[i]]:
            del counts[keys[i]]
    # Some words before the first match, for context.
    return max(0, best - width // 5)


def _flat(text: str) -> str:
    """Line breaks and runs of spaces as one space (a passage is one line)."""
    return _SPACES.sub(" ", text)
