"""Which language a text is written in, restricted to the site's languages.

Two answers are offered. :func:`detect_language` (langdetect, for a whole article: the
publish checks use it) and :func:`identify_language` (lingua, with langdetect as a second
opinion on short text: for paragraphs, segments and imports). Measured on Universal
Dependencies samples of ten languages (tests/benchmarks/bench_langid.py), lingua alone is
right on 99.7 % of sentences and all paragraphs but only 89 % of two- or three-word texts;
answering a short text only when langdetect agrees, or when lingua is clearly ahead,
raises that to about 95 % of the texts answered, at the price of abstaining on one in
eight.

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
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from editor.core.text import strip_markdown

SAMPLE_CHARS = 600
# langdetect knows Chinese as two profiles (simplified, traditional): both stand for "zh".
_LANGDETECT_PROFILES = {"zh": ("zh-cn", "zh-tw")}
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
    return Detected(str(best.lang).split("-")[0], float(best.prob))


@lru_cache(maxsize=8)
def _factory(languages: tuple[str, ...]) -> Any:
    """A detector factory knowing only `languages` (those langdetect has profiles for)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    profiles = []
    for lang in languages:
        for name in _LANGDETECT_PROFILES.get(lang, (lang,)):
            path = os.path.join(PROFILES_DIRECTORY, name)
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as profile:
                    profiles.append(profile.read())
    if len(profiles) < 2:
        return None  # one language (or none langdetect knows): nothing to tell apart
    factory = DetectorFactory()
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory


# Below this many characters a text is "short" (a title, a paragraph being typed): lingua
# is answered only with langdetect's agreement or a clear lead.
SHORT_CHARS = 30
# How far lingua's first language must be ahead of its second on a short text when
# langdetect disagrees (measured: 0.2 keeps 95 % right while abstaining on 11 %).
SHORT_MARGIN = 0.2
_LETTER = re.compile(r"[^\W\d_]")


def identify_language(text: str, languages: Iterable[str]) -> Detected | None:
    """The language of `text` among `languages`, or None when unsure (too short, no
    letters, fewer than two languages, or the detectors disagree on a short text)."""
    langs = tuple(sorted(set(languages)))
    sample = " ".join(strip_markdown(text[: SAMPLE_CHARS * 2]).split())[:SAMPLE_CHARS]
    if len(langs) < 2 or not _LETTER.search(sample):
        return None
    return _identify(sample, langs)


@lru_cache(maxsize=16384)
def _identify(sample: str, langs: tuple[str, ...]) -> Detected | None:
    ranked = _lingua_ranked(sample, langs)
    if ranked is None:  # lingua missing, or it knows fewer than two of the languages
        return _detect(sample, langs)
    (best, confidence), (_, second) = ranked[0], ranked[1]
    if len(sample) >= SHORT_CHARS:
        return Detected(best, confidence)
    other = _detect(sample, langs)
    if (other is not None and other.lang == best) or confidence - second >= SHORT_MARGIN:
        return Detected(best, confidence)
    return None


def _lingua_ranked(sample: str, langs: tuple[str, ...]) -> list[tuple[str, float]] | None:
    detector = _lingua(langs)
    if detector is None:
        return None
    values = detector.compute_language_confidence_values(sample)
    ranked = [(v.language.iso_code_639_1.name.lower(), float(v.value)) for v in values]
    return ranked if len(ranked) >= 2 else None


@lru_cache(maxsize=8)
def _lingua(langs: tuple[str, ...]) -> Any:
    """A lingua detector for those of `langs` it knows (None: fewer than two, or lingua is
    not installed). Language models load on first use, a fraction of a second each."""
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    except ImportError:
        return None
    known = []
    for lang in langs:
        code = getattr(IsoCode639_1, lang.upper(), None)
        if code is not None:
            known.append(Language.from_iso_code_639_1(code))
    if len(known) < 2 or len(known) < len(langs):
        return None  # a language lingua lacks would never be answered: leave it to langdetect
    return LanguageDetectorBuilder.from_languages(*known).build()
