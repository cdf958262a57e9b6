"""What the side-by-side translation view asks for besides the segments: for the
current segment its memory matches, the glossary terms it mentions and its checks;
for the whole article its checks; one segment machine-translated.

Each is a plain function of the workspace, run by the window as an operation on its
runner (the first language check loads the detectors: never on the GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor.app.translation.service import row_problems
from editor.core.translation.checks import GlossaryEntry, SegmentProblem, check_pair
from editor.core.translation.memory import TmMatch
from editor.core.translation.staleness import SegmentStatus, word_diff

if TYPE_CHECKING:
    from editor.app.translation.service import TranslationState
    from editor.app.workspace import Workspace

MATCHES = 3  # offered for the current segment (Ctrl+1..3)


@dataclass(frozen=True)
class SegmentHelp:
    """Everything the view shows beside the current segment."""

    key: str
    matches: list[TmMatch] = field(default_factory=list)
    terms: list[GlossaryEntry] = field(default_factory=list)  # those the source mentions
    problems: list[SegmentProblem] = field(default_factory=list)
    source_diff: list[tuple[str, str]] = field(default_factory=list)  # when it went stale


def glossary(ws: Workspace, state: TranslationState) -> list[GlossaryEntry]:
    """The glossary of the translation's language pair and its source's entity tags:
    each entity's label in the source language → its label in the target language
    (its canonical name when it has none: a name that stays as it is)."""
    source_lang, target_lang = state.source.language, state.article.language
    terms = {e.source: e for e in ws.memory.glossary(source_lang, target_lang)}
    for entity in ws.entities.of_article(state.source.id):
        term = entity.label(source_lang)
        translated = entity.label(target_lang)
        if term not in terms:  # the glossary's own entry wins over an entity's label
            terms[term] = GlossaryEntry(term, None if translated == term else translated)
    return sorted(terms.values(), key=lambda e: e.source.lower())


def mentioned(terms: list[GlossaryEntry], text: str) -> list[GlossaryEntry]:
    lowered = text.lower()
    return [t for t in terms if t.source.lower() in lowered]


def segment_help(
    ws: Workspace, state: TranslationState, key: str, target: str, terms: list[GlossaryEntry]
) -> SegmentHelp:
    """Matches, glossary terms, checks and the source's change for one segment; `target`
    is the text on screen (it may be newer than the stored one)."""
    row = state.row(key)
    source_lang, target_lang = state.source.language, state.article.language
    matches = ws.memory.lookup(source_lang, target_lang, row.source, limit=MATCHES)
    found = mentioned(terms, row.source)
    problems = []
    if row.translatable and row.status is not SegmentStatus.UNTRANSLATED:
        problems = check_pair(
            row.source,
            target,
            target_lang=target_lang,
            languages=ws.publishing.site_languages(),
            glossary=found,
        )
    diff = word_diff(row.previous_source, row.source) if row.previous_source else []
    return SegmentHelp(key, matches, found, problems, diff)


def article_problems(ws: Workspace, article_id: int) -> list[SegmentProblem]:
    """The checks of every translated segment of the article (what publishing will say)."""
    state = ws.translation.state(article_id)
    terms = glossary(ws, state)
    languages = ws.publishing.site_languages()
    problems = []
    for row in state.rows:
        if not row.translatable or not row.source or row.status is SegmentStatus.UNTRANSLATED:
            continue
        found = mentioned(terms, row.source)
        problems.extend(row_problems(row, state.article.language, languages, found))
    return problems


def mt_configured(ws: Workspace) -> bool:
    """Whether a machine translation backend is set up (nothing is sent otherwise)."""
    settings = ws.machine_translation.settings()
    if settings.get("backend") == "argos":
        return True
    return str(settings.get("url") or "").startswith(("http://", "https://"))


def machine_translate(ws: Workspace, article_id: int, key: str) -> str:
    """One segment machine-translated (not stored: the view puts it in as a draft).
    Raises MtError when no backend is configured or it fails."""
    from editor.app.translation.mt import MtError

    backend = ws.machine_translation.backend()
    if backend is None:
        raise MtError("machine translation is not set up (no backend configured)")
    state = ws.translation.state(article_id)
    row = state.row(key)
    texts = backend.translate([row.source], state.source.language, state.article.language)
    return texts[0].strip()
