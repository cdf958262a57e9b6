"""Words and sentences of an article with their offsets, for tagging.

The tokens follow the shape of the GermEval-2014 and CoNLL data the models are trained
on: punctuation stands alone, hyphenated words and abbreviations stay whole, an
ordinal keeps its full stop ("23.").
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(
    r"""
    \d+(?:[.,:/]\d+)*\.?(?=\s|$)      # 3.5  12:30  23.  (an ordinal keeps its stop)
    | \d+(?:[.,:/]\d+)*
    | (?:[^\W\d_]\.){2,}              # U.S.  z.B.
    | \w+(?:[-'’&]\w+)*-?             # Baden-Württemberg  O'Neill  Top-
    | [^\w\s]                         # one punctuation mark
    """,
    re.VERBOSE,
)
# A sentence ends at . ! ? followed by space and a capital, or at a blank line; not after
# an ordinal ("am 23. April") or a common abbreviation ("Dr. Weber", "Mr. Smith").
_SENTENCE_END = re.compile(
    r"(?<=[.!?。！？])(?<![0-9]\.)(?<!\b[A-Z]\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bSt\.)"
    r"(?<!\bNr\.)(?<!Prof\.)(?<!\bMrs\.)[\"'»«”“)]*\s+(?=[\"'»«„“(]*[A-ZÄÖÜ0-9])|\n\s*\n"
)


class Token(NamedTuple):
    # A named tuple: an article makes thousands, and a frozen dataclass is slow to make.
    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    out = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        out.append(Token(text[start:end], start + offset, end + offset))
    return out


def sentences(text: str) -> list[list[Token]]:
    """The text's sentences as token lists (offsets into ``text``)."""
    out: list[list[Token]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        tokens = tokenize(text[start : match.start()], start)
        if tokens:
            out.append(tokens)
        start = match.end()
    tail = tokenize(text[start:], start)
    if tail:
        out.append(tail)
    return out
