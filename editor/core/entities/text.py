"""Words and sentences of an article with their offsets, for tagging.

The tokens follow the shape of the data each language's model is trained on.

German (and every language without rules of its own), as GermEval-2014: punctuation
stands alone, hyphenated words and abbreviations stay whole, an ordinal keeps its full
stop ("am 23. April"), so a stop after a number ends no sentence.

English, as the Penn Treebank tokenization of CoNLL and wikigold:

- clitics are words of their own: "Germany's" is "Germany" "'s", "didn't" is "did"
  "n't", "they're" is "they" "'re"; an apostrophe inside a name stays ("O'Neill");
- English has no ordinal stop ("the 23rd"): a number's full stop is punctuation, and
  it ends the sentence when a capital follows ("rose to 1.09. Oil fell");
- abbreviations keep their stop as part of the word ("Mr.", "Inc.", "Jan.", the
  initial "F."); those written before a name or a number (titles, "St.", months, "No.")
  end no sentence, those after a name ("Inc.", "Jr.") may;
- brackets and every other punctuation mark stand alone, but for a dash written "--"
  and the dots "...".

A token's text is always the text's own characters at its offsets (names found by a
model are cut from the text there); :func:`model_words` gives the form a model reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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

# English abbreviations written before a name: their stop ends no sentence.
_EN_BEFORE_NAME = (
    "Mr Mrs Ms Messrs Dr Prof Rev Hon Sen Rep Gov Gen Lt Col Maj Capt Sgt Cpl Adm Cmdr "
    "Supt Insp Det Fr St Mt Ft vs v"
).split()
# Abbreviations written before a number ("Jan. 5", "No. 10"): before a capital, their
# stop ends the sentence. "No." and the like are abbreviations only before a number.
_EN_MONTHS = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
_EN_NUMBERED = "No Nos Vol Art Fig p pp".split()
# English abbreviations written after a name: the stop may also end the sentence.
_EN_AFTER = "Inc Ltd Corp Co Bros Jr Sr Plc etc".split()
# A clitic split off its word: 's 'd 'm 're 've 'll (either apostrophe, any case).
_EN_CLITIC = r"(?:[sSdDmM]|[rR][eE]|[vV][eE]|[lL][lL])(?!\w)"
_EN_TOKEN = re.compile(
    rf"""
    \w++(?![.'’\-&,:/])                                    # a plain word (most: at once)
    | (?:[^\W\d_]\.){{2,}}                                   # U.S.  e.g.  a.m.
    | (?<!\w)(?=\w{{1,5}}\.)(?:{"|".join(_EN_BEFORE_NAME + _EN_MONTHS + _EN_AFTER)})\.
    | (?<!\w)(?=\w{{1,3}}\.)(?:{"|".join(_EN_NUMBERED)})\.(?=\s*\d)  # No. 10
    | (?<![\w.])[A-Z]\.(?!\w)                              # the initial of "George F. Hauser"
    | (?=\w++['’])\w+(?=[nN]['’][tT](?!\w))                # "did" of "didn't"
    | [nN]['’][tT](?!\w)                                   # and its "n't"
    | ['’]{_EN_CLITIC}                                     # 's  're  'll
    | \w+(?:(?:[-&]|(?<=\d)[.,:/](?=\d)|['’](?!{_EN_CLITIC}))\w+)*-?  # O'Neill 1.09 23rd
    | -{{2,}} | \.{{2,}}                                        # a dash "--", dots "..."
    | [^\w\s]                                              # one punctuation mark
    """,
    re.VERBOSE,
)
_EN_CLOSE, _EN_OPEN, _EN_CAPITAL = r"[\"'”’)\]]*", r"[\"'“‘(\[]*", "[A-ZÀ-ÖØ-Þ]"
_EN_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\b[A-Z]\.)"
    + "".join(rf"(?<!\b{word}\.)" for word in _EN_BEFORE_NAME)
    + "(?:"
    + "".join(rf"(?<!\b{word}\.)" for word in _EN_MONTHS + _EN_NUMBERED)
    + rf"|(?={_EN_CLOSE}\s+{_EN_OPEN}{_EN_CAPITAL}))"
    + rf"({_EN_CLOSE})\s+(?={_EN_OPEN}[A-ZÀ-ÖØ-Þ0-9])|\n\s*\n"
)
# How the English training data writes quotes and dashes (wikigold: ASCII only, "--"
# for a dash), for the words the model reads.
_EN_MODEL_FORM = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "--"})


class Token(NamedTuple):
    # A named tuple: an article makes thousands, and a frozen dataclass is slow to make.
    text: str
    start: int
    end: int


def is_english(lang: str) -> bool:
    """Whether ``lang`` ("en", "en-GB") is tokenized by the English rules."""
    return lang[:2].lower() == "en" and lang[2:3] in ("", "-", "_")


def tokenize(text: str, offset: int = 0, lang: str = "") -> list[Token]:
    pattern = _EN_TOKEN if is_english(lang) else _TOKEN
    out = []
    for match in pattern.finditer(text):
        start, end = match.span()
        out.append(Token(text[start:end], start + offset, end + offset))
    return out


def sentences(text: str, lang: str = "") -> list[list[Token]]:
    """The text's sentences as token lists (offsets into ``text``), by ``lang``'s rules."""
    english = is_english(lang)
    ends = _EN_SENTENCE_END if english else _SENTENCE_END
    out: list[list[Token]] = []
    start = 0
    for match in ends.finditer(text):
        # English keeps a closing quote or bracket in its sentence ("(… 1.09.)").
        stop = match.end(1) if english and match.group(1) is not None else match.start()
        tokens = tokenize(text[start:stop], start, lang)
        if tokens:
            out.append(tokens)
        start = match.end()
    tail = tokenize(text[start:], start, lang)
    if tail:
        out.append(tail)
    return out


def model_words(words: Sequence[str], lang: str) -> list[str]:
    """``words`` as the language's training data writes them (English: ASCII quotes and
    dashes, the "’s" of "Germany’s" as "'s"); German words are read as they are."""
    if not is_english(lang):
        return list(words)
    return [w if w.isascii() else w.translate(_EN_MODEL_FORM) for w in words]
