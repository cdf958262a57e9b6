"""Checks of a translated segment against its source.

What must survive translation: numbers (their digits; "3.5" may become "3,5" and "1,000"
"1.000"), versions and URLs and e-mail addresses (verbatim), and the names on the
do-not-translate list. A segment must not be left empty, glossary terms should be
translated as the glossary says, and the segment should read as the target language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from editor.core.langcheck import identify_language
from editor.core.languages import language_name
from editor.core.texts import translate

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"'„“”]+", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# A version: "v2", "2.0.1", "17.2.1"; two dots or a leading v make it one.
_VERSION = re.compile(r"(?<![\w.])(?:v\d+(?:\.\d+)*|\d+\.\d+\.\d+(?:\.\d+)*)(?![\w])", re.I)
_NUMBER = re.compile(r"(?<![\w])\d[\d.,'\u202f\u00a0]*(?<=\d)")
_NON_DIGIT = re.compile(r"\D")
# A segment's language is checked from this length on (shorter ones are often names,
# loanwords and numbers that read as either language).
LANGUAGE_MIN_CHARS = 30
# A segment this long left as its source is not translated (shorter: names, headings).
COPIED_MIN_CHARS = 40


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    source: str
    target: str | None  # None: do not translate (the same text must appear)

    @property
    def do_not_translate(self) -> bool:
        return self.target is None


@dataclass(frozen=True, slots=True)
class SegmentProblem:
    code: str
    message: str
    key: str = ""  # the segment's key ("body:3"), filled in by check_segments
    blocking: bool = True


def _strip_links(text: str) -> str:
    return _EMAIL.sub(" ", _URL.sub(" ", text))


def numbers(text: str) -> Counter[str]:
    """The numbers of a text by their digits (separators and versions left out)."""
    plain = _VERSION.sub(" ", _strip_links(text))
    return Counter(_NON_DIGIT.sub("", m.group(0)) for m in _NUMBER.finditer(plain))


def verbatim_items(text: str) -> dict[str, list[str]]:
    """What must appear unchanged: URLs, e-mail addresses and versions."""
    urls = [u.rstrip(".,;:!?") for u in _URL.findall(text)]
    emails = _EMAIL.findall(_URL.sub(" ", text))
    versions = _VERSION.findall(_strip_links(text))
    return {"url": urls, "email": emails, "version": versions}


def check_pair(
    source: str,
    target: str,
    *,
    target_lang: str = "",
    languages: Sequence[str] = (),
    glossary: Iterable[GlossaryEntry] = (),
) -> list[SegmentProblem]:
    """Everything wrong with `target` as a translation of `source`."""
    if not source.strip():
        return []
    if not target.strip():
        return [
            SegmentProblem("segment.empty", translate("checks", "The segment is not translated."))
        ]
    problems: list[SegmentProblem] = []
    if len(source) >= COPIED_MIN_CHARS and " ".join(source.split()) == " ".join(target.split()):
        problems.append(
            SegmentProblem(
                "segment.copied",
                translate("checks", "The segment is the same as its source."),
                blocking=False,
            )
        )
    for check in _CHECKS:
        problems.extend(check(source, target))
    problems.extend(_check_glossary(source, target, glossary))
    if target_lang and len(languages) > 1:
        problems.extend(_check_language(target, target_lang, languages))
    return problems


def _check_numbers(source: str, target: str) -> list[SegmentProblem]:
    missing = numbers(source) - numbers(target)
    if not missing:
        return []
    shown = ", ".join(sorted(missing))
    text = translate("checks", "Numbers missing in the translation: {numbers}.")
    return [SegmentProblem("segment.numbers", text.format(numbers=shown))]


def _check_verbatim(source: str, target: str) -> list[SegmentProblem]:
    problems = []
    # Whole sentences per kind: the translation of "The {kind}" depends on the kind.
    texts = {
        "url": translate("checks", "The URL {items} must stay as it is."),
        "email": translate("checks", "The e-mail address {items} must stay as it is."),
        "version": translate("checks", "The version {items} must stay as it is."),
    }
    for kind, items in verbatim_items(source).items():
        lost = [item for item in dict.fromkeys(items) if item not in target]
        if lost:
            problems.append(
                SegmentProblem(f"segment.{kind}", texts[kind].format(items=", ".join(lost)))
            )
    return problems


_CHECKS: list[Callable[[str, str], list[SegmentProblem]]] = [_check_numbers, _check_verbatim]


def _mentions(text: str, term: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None


def _check_glossary(
    source: str, target: str, glossary: Iterable[GlossaryEntry]
) -> list[SegmentProblem]:
    problems = []
    for entry in glossary:
        if not _mentions(source, entry.source):
            continue
        if entry.do_not_translate and not _mentions(target, entry.source):
            problems.append(
                SegmentProblem(
                    "segment.do_not_translate",
                    translate(
                        "checks", "{term} is on the do-not-translate list: keep it as it is."
                    ).format(term=repr(entry.source)),
                )
            )
        elif entry.target is not None and not _mentions(target.lower(), entry.target.lower()):
            problems.append(
                SegmentProblem(
                    "segment.glossary",
                    translate("checks", "The glossary translates {term} as {target}.").format(
                        term=repr(entry.source), target=repr(entry.target)
                    ),
                    blocking=False,
                )
            )
    return problems


def _check_language(target: str, lang: str, languages: Sequence[str]) -> list[SegmentProblem]:
    if len(target) < LANGUAGE_MIN_CHARS:
        return []  # "New smartphone" reads as German too: a title-length text proves nothing
    found = identify_language(target, languages)
    if found is None or found.lang == lang:
        return []
    return [
        SegmentProblem(
            "segment.language",
            translate("checks", "The segment reads as {found}, not {wanted}.").format(
                found=_language(found.lang), wanted=_language(lang)
            ),
        )
    ]


def _language(code: str) -> str:
    return translate("languages", language_name(code))
