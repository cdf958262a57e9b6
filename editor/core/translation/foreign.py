"""Paragraphs written in another language than their article: what the editor flags.

A paragraph is a run of non-empty lines (fenced code is left out); one too short to
tell (a heading, a name, a line being typed) is not judged, and neither is one the
detector is unsure about: a flag must be right when it is shown, since it is shown
without being asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from editor.core.langcheck import identify_language

MIN_CHARS = 40  # shorter paragraphs are not judged
MIN_CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class ForeignParagraph:
    first_line: int  # 0-based line numbers of the text, both included
    last_line: int
    lang: str
    confidence: float


def paragraphs(text: str) -> Iterator[tuple[int, int, str]]:
    """(first line, last line, text) of each paragraph outside fenced code."""
    start: int | None = None
    lines: list[str] = []
    fence: str | None = None
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        if fence is not None or not stripped:
            if start is not None:
                yield start, number - 1, "\n".join(lines)
            start, lines = None, []
            continue
        if start is None:
            start = number
        lines.append(line)
    if start is not None:
        yield start, start + len(lines) - 1, "\n".join(lines)


def foreign_paragraphs(text: str, lang: str, languages: Sequence[str]) -> list[ForeignParagraph]:
    """The paragraphs of `text` that read as another of `languages` than `lang`."""
    among = tuple(dict.fromkeys([lang, *languages]))
    if not lang or len(among) < 2:
        return []
    found = []
    for first, last, paragraph in paragraphs(text):
        if len(paragraph.strip()) < MIN_CHARS:
            continue
        detected = identify_language(paragraph, among)
        if (
            detected is not None
            and detected.lang != lang
            and detected.probability >= MIN_CONFIDENCE
        ):
            found.append(ForeignParagraph(first, last, detected.lang, detected.probability))
    return found
