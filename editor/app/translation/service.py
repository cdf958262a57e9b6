"""Use cases of translating an article: a linked version, its segments, their status.

A translation is an article of its own (same translation group, another language) with a
link to its source (article, revision and version it started on) and its segment pairs.
The pairs are the truth of the side-by-side work; the translated article's title, teaser
and body are rebuilt from them on every segment written (a segment not translated yet
shows its source text, so the article reads whole and the publish checks see what is
left to do).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from editor.app.articles import free_slug
from editor.app.changes import ArticleCreated, ArticleSaved
from editor.core.article import Article
from editor.core.langcheck import Detected, identify_language
from editor.core.languages import normalize_language
from editor.core.translation.checks import GlossaryEntry, SegmentProblem, check_pair
from editor.core.translation.model import TranslationLink
from editor.core.translation.segments import FIELDS, Segment, join_field, segment_article
from editor.core.translation.staleness import (
    Alignment,
    Change,
    SegmentStatus,
    StalenessReport,
    TargetSegment,
    align,
)
from editor.core.translation.tmx import TmPair
from editor.core.workflow import Status
from editor.store import articles as article_store
from editor.store.translation import queries as store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.store.database import Session


# A draft's language is guessed from this much text on.
DETECT_MIN_CHARS = 20
# A new draft in the default language is moved to the language its text reads as from
# this much text on, and only when the detector is this sure (a sentence or two: a few
# words of a quote or a name in another language do not move it).
NEW_DRAFT_MIN_CHARS = 80
NEW_DRAFT_CERTAINTY = 0.95


class TranslationError(ValueError):
    """A translation use case that cannot be done, with a one-line reason."""


def _language(code: str) -> str:
    try:
        return normalize_language(code)
    except ValueError as exc:  # an unknown code is the user's input: a TranslationError
        raise TranslationError(str(exc)) from None


@dataclass(frozen=True)
class SegmentRow:
    """One line of the side-by-side view."""

    key: str  # the current source segment's key ("body:3"), or "removed:N"
    change: Change
    source: str  # the current source text ("" when removed)
    previous_source: str  # what the target was made from, when it differs
    target: str
    status: SegmentStatus
    translatable: bool = True

    @property
    def stale(self) -> bool:
        return self.change in (Change.CHANGED, Change.ADDED, Change.REMOVED)

    @property
    def needs_text(self) -> bool:
        """What the memory or a machine may fill: a live, translatable segment that is
        untranslated or new in the source."""
        return (
            self.translatable
            and self.change is not Change.REMOVED
            and (self.status is SegmentStatus.UNTRANSLATED or self.change is Change.ADDED)
        )


@dataclass(frozen=True)
class TranslationState:
    article: Article
    source: Article
    link: TranslationLink
    rows: tuple[SegmentRow, ...]
    report: StalenessReport

    @property
    def outdated(self) -> bool:
        return self.report.outdated

    def counts(self) -> dict[str, int]:
        found = {status.value: 0 for status in SegmentStatus}
        for row in self.rows:
            if row.change is not Change.REMOVED and row.translatable:
                found[row.status.value] += 1
        return found

    @property
    def progress(self) -> float:
        """The share of segments translated or reviewed and not behind their source."""
        live = [r for r in self.rows if r.change is not Change.REMOVED and r.translatable]
        done = [r for r in live if r.status.done and not r.stale]
        return len(done) / len(live) if live else 1.0

    def row(self, key: str) -> SegmentRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise TranslationError(f"the translation has no segment {key!r}")


class TranslationService:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._db = workspace.db

    # ------------------------------------------------------------ a linked version

    def translate_to(self, article_id: int, lang: str) -> Article:
        """Create the `lang` version of an article, linked to it, its segments untranslated."""
        lang = _language(lang)
        with self._db.session(write=True) as s:
            source = article_store.get_article(s, article_id)
            if source.deleted:
                raise TranslationError(f"article {article_id} is in the trash")
            if lang == source.language:
                raise TranslationError(f"article {article_id} is already in {lang!r}")
            group = source.group_id or str(uuid.uuid4())
            existing = self._version_in(s, group, lang)
            if existing is not None:
                raise TranslationError(
                    f"article {article_id} already has a {lang!r} version: article {existing}"
                )
            if source.group_id is None:
                article_store.update_article(s, source.id, {"group_id": group}, touch=False)
            segments = segment_article(source.title, source.teaser, source.body, source.language)
            targets = [_untranslated(seg) for seg in segments]
            fields = _fields_from(segments, targets)
            translation = article_store.insert_article(
                s,
                {
                    **fields,
                    "language": lang,
                    "status": Status.DRAFT.value,
                    "author": self._ws.user,
                    "slug": free_slug(s, lang, source.title),
                    "group_id": group,
                    "tags": list(source.tags),
                },
            )
            revision = article_store.latest_revision_numbers(s, [source.id]).get(source.id)
            store.set_link(s, TranslationLink(translation.id, source.id, revision, source.version))
            store.replace_segments(s, translation.id, targets)
        self._ws.changes.publish(ArticleCreated(translation.id, translation))
        if source.group_id is None:  # the source joined the new group
            self._ws.changes.publish(ArticleSaved(source.id, replace(source, group_id=group)))
        return translation

    @staticmethod
    def _version_in(s: Session, group: str, lang: str) -> int | None:
        from editor.store import bulk

        members = bulk.live_articles_in_groups(s, [group]).get(group, [])
        return next((m.id for m in members if m.language == lang), None)

    def version_in(self, article_id: int, lang: str) -> int | None:
        """The live `lang` version of an article's group (the article itself included)."""
        with self._db.session() as s:
            article = article_store.get_article(s, article_id)
            if article.language == lang:
                return article.id
            if article.group_id is None:
                return None
            return self._version_in(s, article.group_id, lang)

    def version_or_new(self, article_id: int, lang: str) -> tuple[int, bool]:
        """The `lang` version of an article, created (untranslated) when there is none, and
        whether it was created: what an XLIFF export for an outside translator starts from."""
        lang = _language(lang)
        existing = self.version_in(article_id, lang)
        if existing is not None:
            return existing, False
        return self.translate_to(article_id, lang).id, True

    def link(self, article_id: int) -> TranslationLink | None:
        with self._db.session() as s:
            return store.get_link(s, article_id)

    def sources_of(self, article_ids: Sequence[int]) -> dict[int, int]:
        """The recorded source of each translated article among `article_ids`."""
        with self._db.session() as s:
            return store.sources_of(s, article_ids)

    def translations_of(self, source_id: int) -> list[int]:
        with self._db.session() as s:
            return store.translations_of(s, source_id)

    # ------------------------------------------------------------ language detection

    def site_languages(self) -> tuple[str, ...]:
        # One lookup of the site's languages (editor/app/publishing/settings.py).
        return self._ws.publishing.site_languages()

    def detect_language(
        self, text: str, among: Sequence[str] = (), *, min_chars: int = DETECT_MIN_CHARS
    ) -> Detected | None:
        """The language `text` reads as among the site's languages (or `among`), None
        when unsure or shorter than `min_chars`: for a new draft or an import that names
        none (a draft's first word or two say little)."""
        if len(text.strip()) < min_chars:
            return None
        return identify_language(text, among or self.site_languages())

    def new_draft_language(self, article_id: int, text: str) -> str | None:
        """The language a new draft's text reads as, when it differs from the one the
        draft was given by default and the text says so clearly: a draft never published,
        in no translation group, still in the site's default language, whose text
        (`text`, as typed) reads as another of the site's languages. None otherwise (a
        language chosen on purpose is another than the default, or was confirmed in the
        window, which then stops asking)."""
        if len(text.strip()) < NEW_DRAFT_MIN_CHARS:
            return None
        article = self._ws.articles.get(article_id)
        values = self._ws.settings.values()
        if (
            article.status is not Status.DRAFT
            or article.deleted
            or article.group_id is not None
            or article.published_at is not None
            or article.external_id is not None  # imported: its language was given or told
            or article.language != values["site.default_language"]
        ):
            return None
        with self._db.session() as s:
            if article_store.latest_revision_numbers(s, [article_id]):
                return None  # a saved version: no longer a new draft
        found = identify_language(text, self.site_languages())
        if found is None or found.lang == article.language:
            return None
        return found.lang if found.probability >= NEW_DRAFT_CERTAINTY else None

    # ------------------------------------------------------------ segments and status

    def state(self, article_id: int) -> TranslationState:
        with self._db.session() as s:
            return self._state(s, article_id)

    def _state(self, s: Session, article_id: int) -> TranslationState:
        link = store.get_link(s, article_id)
        if link is None:
            raise TranslationError(f"article {article_id} is not a translation made here")
        if link.source_id is None:
            raise TranslationError(f"the source of article {article_id} was deleted")
        article = article_store.get_article(s, article_id)
        source = article_store.get_article(s, link.source_id)
        segments = segment_article(source.title, source.teaser, source.body, source.language)
        report = align(segments, store.get_segments(s, article_id))
        rows = tuple(_row(a, n) for n, a in enumerate(report.alignments))
        return TranslationState(article, source, link, rows, report)

    def save_segment(
        self,
        article_id: int,
        key: str,
        text: str,
        status: SegmentStatus = SegmentStatus.TRANSLATED,
    ) -> TranslationState:
        """Write one target segment (made from the current source segment); a translated
        or reviewed one goes into the translation memory."""
        return self.save_segments(article_id, {key: (text, status)})

    def save_segments(
        self,
        article_id: int,
        edits: dict[str, tuple[str, SegmentStatus]],
        *,
        behind: set[str] | frozenset[str] = frozenset(),
    ) -> TranslationState:
        """Write several target segments at once. Those in `behind` were translated from
        the text their source had before its last change: they stay marked as behind."""
        with self._db.session(write=True) as s:
            state = self._state(s, article_id)
            known = {row.key for row in state.rows if row.change is not Change.REMOVED}
            unknown = sorted(set(edits) - known)
            if unknown:
                raise TranslationError(f"the translation has no segment {unknown[0]!r}")
            targets, pairs = _apply(state, edits, behind)
            store.replace_segments(s, article_id, targets)
            self._rewrite_article(s, state, targets)
            if pairs:
                store.add_tm_pairs(s, pairs)
            state = self._state(s, article_id)
        if pairs:
            self._ws.memory.note_stored(pairs)
        self._ws.changes.publish(ArticleSaved(article_id, state.article))
        return state

    def _rewrite_article(
        self, s: Session, state: TranslationState, targets: Sequence[TargetSegment]
    ) -> None:
        source = state.source
        segments = segment_article(source.title, source.teaser, source.body, source.language)
        fields = _fields_from(segments, targets)
        changes: dict[str, str] = {
            k: v for k, v in fields.items() if getattr(state.article, k) != v
        }
        if "title" in changes and not state.article.slug_locked:
            # As in the editor: the slug follows the title until it is set by hand, so a
            # translated title gives the version a slug in its own language.
            changes["slug"] = free_slug(
                s, state.article.language, changes["title"], own_id=state.article.id
            )
        if changes:
            article_store.update_article(s, state.article.id, changes)

    def check(
        self, article_id: int, *, languages: Sequence[str] = (), glossary: bool = True
    ) -> list[SegmentProblem]:
        """Problems of every translated segment (numbers, URLs, names, empty, language)."""
        state = self.state(article_id)
        terms: list[GlossaryEntry] = []
        if glossary:
            with self._db.session() as s:
                terms = store.glossary(s, state.source.language, state.article.language)
        problems = []
        for row in state.rows:
            if row.change is Change.REMOVED or not row.translatable:
                continue
            problems.extend(row_problems(row, state.article.language, languages, terms))
        return problems


def row_problems(
    row: SegmentRow, target_lang: str, languages: Sequence[str], glossary: Sequence[GlossaryEntry]
) -> list[SegmentProblem]:
    """The checks of one row's translation, each naming the row's segment (the service's
    check and the translation view's article checks differ only in which rows and terms)."""
    return [
        SegmentProblem(problem.code, problem.message, row.key, problem.blocking)
        for problem in check_pair(
            row.source, row.target, target_lang=target_lang, languages=languages, glossary=glossary
        )
    ]


def _untranslated(segment: Segment) -> TargetSegment:
    return TargetSegment(
        segment.field, segment.index, segment.hash, segment.text, "",
        SegmentStatus.UNTRANSLATED if segment.translatable else SegmentStatus.REVIEWED,
    )  # fmt: skip


def _row(alignment: Alignment, number: int) -> SegmentRow:
    source, target = alignment.source, alignment.target
    previous = ""
    if target is not None and alignment.change is Change.CHANGED:
        previous = target.source_text
    return SegmentRow(
        key=source.key if source is not None else f"removed:{number}",
        change=alignment.change,
        source=source.text if source is not None else "",
        previous_source=previous if previous != (source.text if source else "") else "",
        target=target.text if target is not None else "",
        status=target.status if target is not None else SegmentStatus.UNTRANSLATED,
        translatable=source.translatable if source is not None else True,
    )


def _apply(
    state: TranslationState,
    edits: dict[str, tuple[str, SegmentStatus]],
    behind: set[str] | frozenset[str] = frozenset(),
) -> tuple[list[TargetSegment], list[TmPair]]:
    """The stored segments after `edits`, in the current source's order: an edited one is
    made from the current source text; the others keep what they were made from (a
    changed one stays behind until it is written); removed ones are dropped."""
    targets: list[TargetSegment] = []
    pairs: list[TmPair] = []
    for alignment in state.report.alignments:
        source, old = alignment.source, alignment.target
        if source is None:
            continue
        if source.key in edits:
            text, status = edits[source.key]
            text = text.strip()
            if not text:
                status = SegmentStatus.UNTRANSLATED
            made_hash, made_from = source.hash, source.text
            if source.key in behind and old is not None:
                made_hash, made_from = old.source_hash, old.source_text
            targets.append(
                TargetSegment(source.field, source.index, made_hash, made_from, text, status)
            )
            if status.done and source.translatable:
                origin = state.article.author or "newsdesk"
                pairs.append(
                    TmPair(state.source.language, state.article.language, made_from, text,
                           f"user:{origin}")
                )  # fmt: skip
        elif old is None:
            targets.append(_untranslated(source))
        else:
            targets.append(
                TargetSegment(source.field, source.index, old.source_hash, old.source_text,
                              old.text, old.status)
            )  # fmt: skip
    return targets, pairs


def _fields_from(segments: Sequence[Segment], targets: Sequence[TargetSegment]) -> dict[str, str]:
    """Title, teaser and body of the translation: each segment's target text, or its
    source text while it has none (code blocks always their source)."""
    by_key = {(t.field, t.index): t for t in targets}
    fields = {}
    for name in FIELDS:
        parts = []
        for segment in (seg for seg in segments if seg.field == name):
            target = by_key.get((segment.field, segment.index))
            text = target.text if target is not None and target.text else segment.text
            parts.append((segment, text if segment.translatable else segment.text))
        fields[name] = join_field(parts)
    return fields
