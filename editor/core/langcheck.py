"""Which language a text is written in: langdetect, restricted to the site's languages.

Restricting matters: unrestricted, langdetect calls short German news text Dutch or
Danish now and then; a newsroom publishing German and English only asks "German or
English?". Detection is random unless seeded, so every detector starts from seed 0 and
the same text always gets the same answer. Only the start of a text is read (a few
hundred characters decide the language; the rest only costs time), and answers are
cached, so checking a whole site before publishing stays cheap (under a millisecond an
article).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from editor.core.text import strip_markdown

SAMPLE_CHARS = 600
MIN_WORDS = 12  # below this an answer is a guess: no answer is given


@dataclass(frozen=True, slots=True)
class Detected:
    lang: str
    probability: float  # langdetect's, 0..1


def detect_language(text: str, languages: Iterable[str]) -> Detected | None:
    """The most likely of `languages` for `text` (Markdown is fine), or None when the
    text is too short to tell or langdetect knows fewer than two of the languages."""
    words = strip_markdown(text[: SAMPLE_CHARS * 2]).split()
    if len(words) < MIN_WORDS:
        return None
    sample = " ".join(words)[:SAMPLE_CHARS]
    return _detect(sample, tuple(sorted(set(languages))))


@lru_cache(maxsize=16384)
def _detect(sample: str, languages: tuple[str, ...]) -> Detected | None:
    factory = _factory(languages)
    if factory is None:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = factory.create()
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None  # no letters langdetect can use (digits, symbols)
    return Detected(str(best.lang), float(best.prob))


@lru_cache(maxsize=8)
def _factory(languages: tuple[str, ...]) -> Any:
    """A detector factory knowing only `languages` (those langdetect has profiles for)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    profiles = []
    for lang in languages:
        path = os.path.join(PROFILES_DIRECTORY, lang)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as profile:
                profiles.append(profile.read())
    if len(profiles) < 2:
        return None  # one language (or none langdetect knows): nothing to tell apart
    factory = DetectorFactory()
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory
