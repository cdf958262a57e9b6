"""Counting words and estimating reading time, script-aware.

Chinese and Japanese do not separate words with spaces, so their characters
are counted one by one (the usual convention for CJK "word" counts), while the
Latin, Cyrillic and other spaced scripts are counted by words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Han ideographs, Hiragana, Katakana (incl. half-width) and Hangul syllables.
_CJK_CHAR = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af]"
)
_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?", re.UNICODE)
# Code, links (the text is kept), emphasis/heading/quote/table characters, list
# bullets and rules; a hyphen inside a word ("well-known") stays.
_MARKDOWN_NOISE = re.compile(
    r"(```.*?```)|(`[^`]*`)|(!?\[([^\]]*)\]\([^)]*\))|[#>*_~|]+|^\s*(?:[-+]\s|-{3,})",
    re.S | re.M,
)

# Reading speeds commonly used by news sites: words (or CJK characters) a minute.
WORDS_PER_MINUTE = 220
CJK_CHARS_PER_MINUTE = 450


@dataclass(frozen=True, slots=True)
class TextStats:
    words: int
    cjk_chars: int
    characters: int

    @property
    def total_units(self) -> int:
        """Words plus CJK characters: what the status bar calls "words"."""
        return self.words + self.cjk_chars

    @property
    def reading_minutes(self) -> int:
        minutes = self.words / WORDS_PER_MINUTE + self.cjk_chars / CJK_CHARS_PER_MINUTE
        return max(1, round(minutes)) if self.total_units else 0


def strip_markdown(text: str) -> str:
    """The words a reader sees: link texts kept; URLs, code and markup characters dropped."""

    def keep_link_text(match: re.Match[str]) -> str:
        return match.group(4) or " " if match.group(3) else " "

    return _MARKDOWN_NOISE.sub(keep_link_text, text)


def text_stats(text: str, *, markdown: bool = True) -> TextStats:
    """Words, CJK characters and characters of ``text`` (Markdown markup ignored)."""
    plain = strip_markdown(text) if markdown else text
    cjk = len(_CJK_CHAR.findall(plain))
    spaced = _CJK_CHAR.sub(" ", plain)
    words = len(_WORD.findall(spaced))
    return TextStats(words=words, cjk_chars=cjk, characters=len(text))


def word_count(text: str) -> int:
    return text_stats(text).total_units


def reading_minutes(text: str) -> int:
    return text_stats(text).reading_minutes
