"""Use cases on articles: create, edit, duplicate, trash, revisions, workflow.

The command line and the UI both call these; nothing here knows about widgets.
Each method opens one short transaction and announces what changed on the
workspace's event bus.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from editor.app.changes import (
    ArticleCreated,
    ArticleRestored,
    ArticleSaved,
    ArticleTrashed,
    ChangeBus,
    RevisionCreated,
    StatusMoved,
    TrashEmptied,
)
from editor.core.article import (
    EDITABLE_FIELDS,
    Article,
    ArticleSummary,
    ListQuery,
    RevisionInfo,
    RevisionSnapshot,
)
from editor.core.languages import normalize_language
from editor.core.merge import TEXT_FIELDS, ConflictTexts, merge_changes
from editor.core.slugs import slugify, unique_slug
from editor.core.workflow import Status, allowed_transitions, check_transition
from editor.store import articles as store
from editor.store.errors import ConflictError, NotFoundError
from editor.store.locks import take_turns

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.store.database import Session

FALLBACK_SLUG = "article"


# What autosave keeps as the base of an edit (and a merge compares).
BASE_FIELDS = (*sorted(EDITABLE_FIELDS), "tags")


class EditConflict(ConflictError):
    """A save from an older version that could not be merged; both texts are revisions."""

    def __init__(self, texts: ConflictTexts) -> None:
        title = texts.theirs.get("title") or "The article"
        super().__init__(
            f"“{title}” was changed elsewhere (version {texts.theirs_version}) in the same "
            f"place as your edit ({', '.join(texts.fields)}); both texts are kept in its history."
        )
        self.texts = texts


def _fields_of(article: Article) -> dict[str, Any]:
    """The values of an article that an edit may change (the base of a merge)."""
    return {key: getattr(article, key) for key in BASE_FIELDS}


def _differs(base: Mapping[str, Any], current: Article) -> bool:
    return any(key in base and base[key] != getattr(current, key) for key in TEXT_FIELDS)


def base_of(article: Article) -> dict[str, Any]:
    """What an editor's text is based on when ``article`` is on screen."""
    return {**_fields_of(article), "version": article.version}


def _stale_message(current: Article, expected: int) -> str:
    return (
        f"“{current.title}” was changed elsewhere (version {current.version}, you had {expected})."
    )


class ArticleService:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._db = workspace.db

    @property
    def changes(self) -> ChangeBus:
        """The workspace's change bus (autosave follows its own workspace's moves)."""
        return self._ws.changes

    # ------------------------------------------------------------ reading

    def list(self, query: ListQuery | None = None) -> builtins.list[ArticleSummary]:
        with self._db.session() as s:
            return store.list_summaries(s, query or ListQuery())

    def iter_list(self, query: ListQuery | None = None) -> Iterator[ArticleSummary]:
        """:meth:`list` as it is read (the session stays open until the end is reached)."""
        with self._db.session() as s:
            yield from store.iter_summaries(s, query or ListQuery())

    def count(self, query: ListQuery | None = None) -> int:
        with self._db.session() as s:
            return store.count_summaries(s, query or ListQuery())

    def counts_by_status(self) -> dict[str, int]:
        with self._db.session() as s:
            return store.counts_by_status(s)

    def languages(self) -> builtins.list[str]:
        with self._db.session() as s:
            return store.languages_in_use(s)

    def get(self, article_id: int) -> Article:
        with self._db.session() as s:
            return store.get_article(s, article_id)

    def find(self, key: str) -> Article:
        """By id, uuid or external id."""
        with self._db.session() as s:
            return store.find_article(s, key)

    def revisions(self, article_id: int) -> builtins.list[RevisionInfo]:
        with self._db.session() as s:
            return store.list_revisions(s, article_id)

    def revision(self, revision_id: int) -> RevisionSnapshot:
        with self._db.session() as s:
            return store.get_revision(s, revision_id)

    def allowed_statuses(self, article_id: int) -> builtins.list[Status]:
        return allowed_transitions(self.get(article_id).status)

    # ------------------------------------------------------------ writing

    def create(
        self,
        *,
        language: str = "de",
        title: str = "",
        teaser: str = "",
        body: str = "",
        author: str | None = None,
        status: Status = Status.DRAFT,
        external_id: str | None = None,
        tags: builtins.list[str] | None = None,
        published_at: datetime | None = None,
        group_id: str | None = None,
    ) -> Article:
        language = normalize_language(language)
        with self._db.session(write=True) as s:
            fields: dict[str, Any] = {
                "language": language,
                "title": title,
                "teaser": teaser,
                "body": body,
                "author": self._ws.user if author is None else author,
                "status": status.value,
                "external_id": external_id,
                "slug": free_slug(s, language, title),
                "published_at": published_at,
                "group_id": group_id,
            }
            if tags is not None:
                fields["tags"] = tags
            article = store.insert_article(s, fields)
        self._ws.changes.publish(ArticleCreated(article.id, article))
        return article

    def update(
        self,
        article_id: int,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None = None,
        base: Mapping[str, Any] | None = None,
    ) -> Article:
        """Write edited fields to the working copy (what autosave calls).

        ``expected_version`` is the version the edit was made from; when the article
        has moved on since, the save is a conflict, never an overwrite.  With ``base``
        (the field values the edit started from) a conflict is first merged
        (:mod:`editor.core.merge`): a clean merge is saved with a ``merge`` revision
        noting it; otherwise both texts are kept as revisions, the working copy keeps
        theirs, and :class:`EditConflict` carries mine, theirs and the base.

        The slug follows the title until the editor sets it by hand; an edited
        slug is cleaned and made unique within the language.
        """
        unknown = set(changes) - EDITABLE_FIELDS - {"tags"}
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        conflict: ConflictTexts | None = None
        merged_from: int | None = None
        with self._db.session(write=True) as s:
            current = store.get_article(s, article_id, for_update=expected_version is not None)
            prepared = dict(changes)
            stale = expected_version is not None and current.version != expected_version
            if stale and base is None:
                assert expected_version is not None
                raise ConflictError(_stale_message(current, expected_version))
            if base is not None and (stale or _differs(base, current)):
                # Saved elsewhere since (or merged before, the screen not showing it yet).
                outcome = merge_changes(base, prepared, _fields_of(current))
                if not outcome.clean:
                    conflict = self._keep_both(s, current, prepared, base, outcome.conflicts)
                elif stale and any(k in TEXT_FIELDS for k in outcome.theirs_changed):
                    merged_from = current.version
                prepared = outcome.changes
            if conflict is None:
                if "language" in prepared:
                    prepared["language"] = normalize_language(prepared["language"])
                prepared.update(self._slug_changes(s, current, prepared))
                article = store.update_article(
                    s, article_id, prepared, expected_version=current.version
                )
                if merged_from is not None:
                    store.add_revision(
                        s,
                        article_id,
                        reason="merge",
                        author=self._ws.user,
                        note=f"merged with version {merged_from}, saved elsewhere meanwhile",
                    )
        if conflict is not None:
            self._ws.changes.publish(RevisionCreated(article_id))
            raise EditConflict(conflict)
        self._ws.changes.publish(ArticleSaved(article_id, article))
        if merged_from is not None:
            self._ws.changes.publish(RevisionCreated(article_id))
        return article

    def _keep_both(
        self,
        s: Session,
        current: Article,
        mine: dict[str, Any],
        base: Mapping[str, Any],
        fields: tuple[str, ...],
    ) -> ConflictTexts:
        """An unmergeable save: theirs stays the working copy, and both texts become
        revisions so that neither is lost whatever the editor decides."""
        theirs = _fields_of(current)
        store.add_revision(
            s,
            current.id,
            reason="conflict",
            author=self._ws.user,
            note=f"version {current.version}, saved elsewhere: kept at a conflict",
        )
        text = {k: v for k, v in mine.items() if k in TEXT_FIELDS}
        store.add_revision(
            s,
            current.id,
            reason="conflict",
            author=self._ws.user,
            note=f"{self._ws.user or 'your'} text from version {base.get('version', '?')}, "
            f"in conflict with version {current.version}",
            text=text,
        )
        return ConflictTexts(
            article_id=current.id,
            theirs_version=current.version,
            fields=fields,
            mine={**theirs, **{k: base[k] for k in TEXT_FIELDS if k in base}, **mine},
            theirs=theirs,
            base=dict(base),
        )

    def _slug_changes(
        self, s: Session, current: Article, changes: dict[str, Any]
    ) -> dict[str, Any]:
        language = changes.get("language", current.language)
        if "slug" in changes:
            wanted = slugify(changes["slug"])
            if not wanted:
                # Clearing the slug hands it back to the title.
                return {
                    "slug": free_slug(
                        s, language, changes.get("title", current.title), own_id=current.id
                    ),
                    "slug_locked": False,
                }
            if wanted == current.slug and language == current.language:
                return {"slug": wanted}
            return {
                "slug": free_slug(s, language, wanted, own_id=current.id, is_slug=True),
                "slug_locked": True,
            }
        if ("title" in changes or "language" in changes) and not current.slug_locked:
            title = changes.get("title", current.title)
            if slugify(title) == current.slug and language == current.language:
                return {}
            return {"slug": free_slug(s, language, title, own_id=current.id)}
        return {}

    def duplicate(self, article_id: int) -> Article:
        source = self.get(article_id)
        copy = self.create(
            language=source.language,
            title=f"{source.title} (copy)" if source.title else "",
            teaser=source.teaser,
            body=source.body,
            author=source.author,
            tags=list(source.tags),
        )
        return copy

    def trash(self, article_id: int) -> Article:
        with self._db.session(write=True) as s:
            article = store.set_deleted(s, article_id, True)
        self._ws.changes.publish(ArticleTrashed(article_id, article))
        return article

    def restore(self, article_id: int) -> Article:
        with self._db.session(write=True) as s:
            article = store.set_deleted(s, article_id, False)
        self._ws.changes.publish(ArticleRestored(article_id, article))
        return article

    def empty_trash(self) -> int:
        with self._db.session(write=True) as s:
            removed = store.purge_trash(s)
        self._ws.changes.publish(TrashEmptied(removed))
        return removed

    # ------------------------------------------------------------ revisions and workflow

    def save_revision(
        self,
        article_id: int,
        *,
        reason: str = "save",
        note: str = "",
        expected_version: int | None = None,
    ) -> RevisionInfo:
        """An immutable snapshot of the working copy (Ctrl+S, status change, every 10 min).

        ``expected_version``: the version the editor's text is; a working copy changed
        elsewhere since is not snapshotted as theirs (ConflictError).
        """
        with self._db.session(write=True) as s:
            self._check_version(s, article_id, expected_version)
            info = store.add_revision(s, article_id, reason=reason, author=self._ws.user, note=note)
        self._ws.changes.publish(RevisionCreated(article_id, info))
        return info

    def _check_version(self, s: Session, article_id: int, expected: int | None) -> Article:
        current = store.get_article(s, article_id, for_update=expected is not None)
        if expected is not None and current.version != expected:
            raise ConflictError(_stale_message(current, expected))
        return current

    def seconds_since_revision(self, article_id: int, now: datetime) -> float | None:
        with self._db.session() as s:
            last = store.last_revision_time(s, article_id)
        return None if last is None else (now - last).total_seconds()

    def change_status(
        self,
        article_id: int,
        target: Status,
        *,
        note: str = "",
        expected_version: int | None = None,
    ) -> Article:
        """Move along the workflow; refuses transitions it does not allow; takes a revision.

        ``expected_version``: the version the move was decided on (a text changed since
        is a conflict)."""
        with self._db.session(write=True) as s:
            current = self._check_version(s, article_id, expected_version)
            check_transition(current.status, target)
            changes: dict[str, Any] = {"status": target.value}
            if target is Status.PUBLISHED and current.published_at is None:
                changes["published_at"] = datetime.now(UTC)
            article = store.update_article(s, article_id, changes)
            store.add_revision(
                s,
                article_id,
                reason="status",
                author=self._ws.user,
                note=note or f"{current.status.label} → {target.label}",
            )
        self._ws.changes.publish(StatusMoved(article.id, article, current.status, target))
        return article

    def restore_revision(
        self, article_id: int, revision_id: int, *, expected_version: int | None = None
    ) -> Article:
        """Put a revision's text back into the working copy; that is itself a new revision.

        ``expected_version``: the version on the editor's screen; restoring over a text
        changed elsewhere since is a conflict (that text would vanish unseen)."""
        snapshot = self.revision(revision_id)
        if snapshot.info.article_id != article_id:
            raise ValueError("that revision belongs to another article")
        with self._db.session(write=True) as s:
            self._check_version(s, article_id, expected_version)
            article = store.update_article(
                s,
                article_id,
                {"title": snapshot.title, "teaser": snapshot.teaser, "body": snapshot.body},
            )
            store.add_revision(
                s,
                article_id,
                reason="restore",
                author=self._ws.user,
                note=f"restored revision {snapshot.info.number}",
            )
        self._ws.changes.publish(ArticleSaved(article_id, article))
        self._ws.changes.publish(RevisionCreated(article_id))
        return article


def free_slug(
    s: Session,
    language: str,
    text: str,
    *,
    own_id: int | None = None,
    is_slug: bool = False,
) -> str:
    """A slug for `text` (a title, or a slug when `is_slug`) that no other article of
    `language` has; `own_id`'s own slug counts as free. Every new or renamed article's
    slug is claimed here, taking turns with other writers (PostgreSQL)."""
    base = (text if is_slug else slugify(text)) or FALLBACK_SLUG
    take_turns(s)  # an import or another editor claiming slugs waits (PostgreSQL)
    taken = store.slugs_in_use(s, language, base)
    if own_id is not None:
        try:
            own = store.get_article(s, own_id)
            if own.language == language:
                taken.discard(own.slug)
        except NotFoundError:
            pass
    return unique_slug(base, taken)
