"""Splitting an article into translation segments.

A segment is a paragraph (a Markdown block: a paragraph, a heading, a list item run, a
quote); a long paragraph is split further into its sentences, because a translator
works, and a translation memory matches, sentence by sentence. Fenced code is one
segment that is not translated.

Sentence ends are a ``.``, ``!``, ``?`` or ``…`` (with closing quotes or brackets after
it) followed by a space and a capital letter, a digit or an opening quote. Not ends:
abbreviations ("z. B.", "Dr.", "usw.", "e.g."), initials ("J. R. R."), German ordinals
("am 3. Oktober") and decimals ("3.5", which have no space anyway).

Each segment has a key (``field`` + position) and a hash of its whitespace-normalised
text: a target segment stores the hash of the source segment it was made from, which is
how a source edit is traced to the segments it touched.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

# A paragraph longer than this is split into sentences; shorter ones stay whole (a
# two-sentence paragraph reads better translated as one piece).
LONG_PARAGRAPH_CHARS = 300

# Lower-cased, without the final dot. Multi-part ones ("z. B.") end in a one-letter part,
# which the one-letter rule already keeps together.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # German
        "abb", "abs", "allg", "bspw", "bzgl", "bzw", "ca", "dgl", "dr", "etc", "evtl",
        "ggf", "hr", "hrsg", "inkl", "jh", "jhd", "kap", "max", "mio", "mind", "min",
        "mrd", "nr", "prof", "rd", "s", "sog", "st", "str", "tel", "u", "usw", "vgl",
        "z", "zb", "zt", "zzgl", "dipl", "ing", "mag", "frl", "fr", "gegr", "geb",
        "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov",
        "dez", "bd", "hl", "lt", "od", "urspr", "verh", "vs",
        # English
        "mr", "mrs", "ms", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vol", "fig",
        "approx", "dept", "est", "gen", "gov", "mt", "oct", "mar", "dec", "e.g", "i.e",
        "et al", "cf", "al",
    }
)  # fmt: skip

_OPENING = "\"'„“‚‘«»‹›(["
_CLOSING = "\"'“”‘’»«›‹)]"
# A sentence end candidate: the mark, any closing quotes/brackets, then whitespace, and
# what follows must look like the start of a sentence.
_BOUNDARY = re.compile(
    rf"([.!?…]+[{re.escape(_CLOSING)}]*)(\s+)(?=[{re.escape(_OPENING)}]*[A-ZÄÖÜÀ-ÞĀ-Ž0-9])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)[.]?$")
_FENCE = re.compile(r"^(```|~~~)")
_SPACES = re.compile(r"\s+")

FIELDS = ("title", "teaser", "body")


@dataclass(frozen=True, slots=True)
class Segment:
    """One unit of translation."""

    field: str  # title | teaser | body
    index: int  # position within the field, from 0
    block: int  # which paragraph of the field it belongs to
    text: str
    translatable: bool = True

    @property
    def key(self) -> str:
        return f"{self.field}:{self.index}"

    @property
    def hash(self) -> str:
        return segment_hash(self.text)


def normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def segment_hash(text: str) -> str:
    """A short stable fingerprint of a segment's text (whitespace does not count)."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()[:16]


def split_blocks(markdown: str) -> list[tuple[str, bool]]:
    """The Markdown blocks of a body, as (text, translatable); fenced code stays whole."""
    blocks: list[tuple[str, bool]] = []
    current: list[str] = []
    fence: str | None = None

    def close(translatable: bool = True) -> None:
        text = "\n".join(current).strip("\n")
        if text.strip():
            blocks.append((text, translatable))
        current.clear()

    for line in markdown.replace("\r\n", "\n").split("\n"):
        opener = _FENCE.match(line.strip())
        if fence is None and opener:
            close()
            fence = opener.group(1)
            current.append(line)
        elif fence is not None:
            current.append(line)
            if line.strip().startswith(fence) and len(current) > 1:
                close(translatable=False)
                fence = None
        elif not line.strip():
            close()
        else:
            current.append(line)
    close(translatable=fence is None)
    return blocks


def split_sentences(text: str, lang: str = "") -> list[str]:
    """The sentences of a paragraph (the paragraph itself when it has one)."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end(1)
        if _is_sentence_end(text[start:end], lang):
            piece = text[start:end].strip()
            if piece:
                sentences.append(piece)
            start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences or [text]


def _is_sentence_end(candidate: str, lang: str) -> bool:
    stripped = candidate.rstrip(_CLOSING)
    if not stripped.endswith("."):
        return True  # ! ? … end a sentence whatever precedes them
    found = _WORD_BEFORE.search(stripped[:-1] + ".")
    word = found.group(1).rstrip(".") if found else ""
    bare = word.lower().lstrip(_OPENING)
    if len(bare) == 1 and bare.isalpha():
        return False  # an initial or a part of "z. B.", "u. a.", "d. h."
    if bare in ABBREVIATIONS or ("." in bare and bare.split(".")[-1] in ABBREVIATIONS):
        return False
    # "am 3. Oktober": in German a number with a dot is an ordinal, not a sentence end.
    return not (bare.isdigit() and len(bare) <= 4 and lang in ("de", ""))


def segment_text(field: str, text: str, lang: str = "") -> Iterator[Segment]:
    """The segments of one field (title and teaser: one paragraph each, usually)."""
    index = 0
    for block, (paragraph, translatable) in enumerate(split_blocks(text)):
        if translatable and len(paragraph) > LONG_PARAGRAPH_CHARS and "\n" not in paragraph:
            pieces = split_sentences(paragraph, lang)
        else:
            pieces = [paragraph]
        for piece in pieces:
            yield Segment(field, index, block, piece, translatable)
            index += 1


def segment_article(title: str, teaser: str, body: str, lang: str = "") -> list[Segment]:
    """Every segment of an article: title, teaser, then the body's."""
    segments: list[Segment] = []
    for field, text in zip(FIELDS, (title, teaser, body), strict=True):
        segments.extend(segment_text(field, text, lang))
    return segments


def join_field(segments: list[tuple[Segment, str]]) -> str:
    """A field's text rebuilt from (source segment, text to show) pairs: sentences of one
    paragraph joined by a space, paragraphs by a blank line."""
    paragraphs: list[list[str]] = []
    last_block: int | None = None
    for segment, text in segments:
        if segment.block != last_block:
            paragraphs.append([])
            last_block = segment.block
        paragraphs[-1].append(text)
    return "\n\n".join(" ".join(parts) for parts in paragraphs)
