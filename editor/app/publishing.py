"""Publishing use cases: check, publish, correct, unpublish, preview.

The site's truth is the database: every run hands the publisher all articles
that are public (published or corrected), and the publisher works out which
files changed.  Accepted related links go with each article; where an editor
accepted none, the best suggestions fill the section unless the settings say
otherwise.  Every run records what was published (revision, time, path).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.app import config
from editor.app.changes import SitePublished
from editor.app.settings import SITE_DEFAULTS, site_config
from editor.core.article import Article
from editor.core.links import PublicationRecord
from editor.core.publishing import (
    CheckResult,
    PublishedArticle,
    PublishManifest,
    SiteSettings,
    check_article,
    publish_site,
    render_preview,
)
from editor.core.publishing.checks import ARTICLE_CHECKS, TRANSLATION_CHECKS
from editor.core.publishing.publisher import prepare_output_dir
from editor.core.workflow import PUBLIC_STATUSES, Status
from editor.store import articles as article_store
from editor.store import bulk
from editor.store import links as link_store
from editor.store.errors import NotFoundError
from editor.store.translation import queries as translation_store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

# Settings keys (stored in the archive, so a shared archive shares them).
SETTING_SITE = "publishing.site"
SETTING_OUTPUT = "publishing.output_dir"

DEFAULT_SITE = SITE_DEFAULTS  # the site settings and their defaults: editor/app/settings.py
PUBLISHABLE = frozenset({Status.READY, Status.PUBLISHED, Status.CORRECTED})


# What an article must pass to go out: the site builder's checks and the editorial ones.
GATE_CHECKS = (*ARTICLE_CHECKS, *TRANSLATION_CHECKS)


def _creation_order(article: Article) -> tuple[datetime, int]:
    return (article.created_at, article.id)


@dataclass
class _Translations:
    """What the translation checks need of a batch of articles."""

    others: dict[int, list[PublishedArticle]] = field(default_factory=dict)
    sources: dict[int, int] = field(default_factory=dict)  # article -> its source


@dataclass
class PublishResult:
    manifest: PublishManifest
    published: list[int] = field(default_factory=list)  # ids that went out in this run
    refused: dict[int, list[str]] = field(default_factory=dict)  # id -> blocking problems
    warnings: list[str] = field(default_factory=list)


class PublishService:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._db = workspace.db
        self._known: dict[int, Article] = {}
        self._published: dict[int, tuple[int, tuple[int, ...], PublishedArticle]] = {}

    # ------------------------------------------------------------ settings

    def site_settings(self) -> SiteSettings:
        return site_config(self._ws)

    def update_site_settings(self, **changes: Any) -> SiteSettings:
        unknown = set(changes) - set(DEFAULT_SITE)
        if unknown:
            raise ValueError(f"unknown site settings: {', '.join(sorted(unknown))}")
        with self._db.session(write=True) as s:
            stored = dict(article_store.get_setting(s, SETTING_SITE, {}) or {})
            stored.update(changes)
            article_store.set_setting(s, SETTING_SITE, stored)
        return self.site_settings()

    def output_dir(self) -> Path:
        with self._db.session() as s:
            stored = article_store.get_setting(s, SETTING_OUTPUT)
        return Path(stored) if stored else config.default_site_dir()

    def set_output_dir(self, path: Path) -> None:
        with self._db.session(write=True) as s:
            article_store.set_setting(s, SETTING_OUTPUT, str(path))

    # ------------------------------------------------------------ what goes on the site

    def _to_published(self, article: Article, related: Sequence[int]) -> PublishedArticle:
        # The publisher notices a changed article by its ``revision``; the
        # working copy's version counter grows with every saved edit, so even
        # an autosaved change without an explicit revision is republished.
        return PublishedArticle(
            id=article.id,
            lang=article.language,
            slug=article.slug,
            title=article.title,
            body_markdown=article.body,
            published_at=article.published_at or article.created_at,
            teaser=article.teaser,
            author=article.author,
            updated_at=article.updated_at,
            tags=article.tags,
            group=article.group_id,
            revision=article.version,
            related=tuple(related),
        )

    def site_articles(self) -> list[PublishedArticle]:
        """Every public article as the publisher wants it."""
        with self._db.session() as s:
            public = bulk.live_articles_with_status(
                s, {st.value for st in PUBLIC_STATUSES}, known=self._known
            )
        # Kept for the next run: unchanged articles are not read again.
        self._known = {a.id: a for a in public}
        with self._db.session() as s:
            related = link_store.accepted_targets(s)  # of all; those of others are ignored
        public_ids = {a.id for a in public}
        result = []
        made: dict[int, tuple[int, tuple[int, ...], PublishedArticle]] = {}
        for a in public:
            accepted = related.get(a.id)
            links = tuple(r for r in accepted if r in public_ids) if accepted else ()
            before = self._published.get(a.id)
            if before is not None and before[0] == a.version and before[1] == links:
                published = before[2]  # unchanged: reuse the value made last run
            else:
                published = self._to_published(a, links)
            made[a.id] = (a.version, links, published)
            result.append(published)
        self._published = made
        return result

    def check(self, article_id: int) -> CheckResult:
        """Blocking problems and warnings if this article were published now."""
        results = self.check_many([article_id])
        if article_id not in results:
            raise NotFoundError(f"There is no article with id {article_id}.")
        return results[article_id]

    def check_many(self, article_ids: Sequence[int]) -> dict[int, CheckResult]:
        """:meth:`check` for many articles, reading the site once (ids that no longer
        exist are left out)."""
        with self._db.session() as s:
            articles = bulk.articles_by_id(s, article_ids)
        published = {a.id: a for a in self.site_articles()}
        settings = self.site_settings()
        translations = self._translations(articles.values())
        results = {}
        for article_id, article in articles.items():
            own = published.pop(article_id, None)  # compared with the others only
            results[article_id] = self._gate(article, settings, translations, published)
            if own is not None:
                published[article_id] = own
        return results

    def _translations(self, articles: Iterable[Article]) -> _Translations:
        """Each grouped article's other language versions (live, any status), and the one
        it was translated from: the source recorded by "Translate to…", or for a version
        made elsewhere (an import) the group's first one (the usual source)."""
        by_group: dict[str, list[Article]] = {}
        for a in articles:
            if a.group_id:
                by_group.setdefault(a.group_id, []).append(a)
        found = _Translations()
        if not by_group:
            return found
        with self._db.session() as s:
            members = bulk.live_articles_in_groups(s, by_group)
            recorded = translation_store.sources_of(
                s, [a.id for grouped in by_group.values() for a in grouped]
            )
        for group, grouped in by_group.items():
            values = members.get(group, [])
            first = min(values, key=_creation_order, default=None)
            for article in grouped:
                others = [m for m in values if m.id != article.id]
                found.others[article.id] = [self._to_published(m, ()) for m in others]
                source = recorded.get(article.id)
                if source is not None:  # recorded: no guess, even when it was trashed
                    if any(m.id == source for m in others):
                        found.sources[article.id] = source
                elif first is not None and first.id != article.id:
                    found.sources[article.id] = first.id
        return found

    def _gate(
        self,
        article: Article,
        settings: SiteSettings,
        translations: _Translations,
        published: Mapping[int, PublishedArticle] | None = None,
    ) -> CheckResult:
        """What an article must pass to go out, translation checks included; the checks
        see it with the version it was translated from."""
        candidate = self._to_published(article, ())
        source = translations.sources.get(article.id)
        if source is not None:
            candidate = replace(candidate, translated_from=source)
        return check_article(
            candidate,
            settings=settings,
            published=published,
            translations=translations.others,
            checks=GATE_CHECKS,
        )

    def preview_html(self, article_id: int) -> str:
        """The page the article would get, from its working copy (drafts too)."""
        article = self._ws.articles.get(article_id)
        related = [c.target_id for c in self._ws.related.accepted(article_id)]
        site = self.site_articles()
        return render_preview(
            self._to_published(article, related),
            self.site_settings(),
            site_articles=site,
            suggest=self._suggest,
        )

    def _suggest(self, article_id: int, top: int) -> list[int]:
        try:
            return self._ws.related.suggest_ids(article_id, top)
        except Exception:  # a broken index must not stop a publish run
            return []

    # ------------------------------------------------------------ publishing

    def publish(
        self,
        article_ids: Iterable[int] | None,
        output_dir: Path | None = None,
        *,
        full_rebuild: bool = False,
        defer_recent_posts: bool = False,
    ) -> PublishResult:
        """Publish the given articles (``None``: every ready or published one).

        Ready articles become published (a status change, so a revision is
        taken); articles with blocking problems are refused and reported, the
        rest go out.  ``defer_recent_posts``: the other pages' recent posts are
        left for :meth:`refresh_recent_posts` (on a large site a new article is
        online seconds sooner).
        """
        output = Path(output_dir) if output_dir else self.output_dir()
        # A bad output folder is refused before any status changes.
        prepare_output_dir(output, self._forbidden_dirs())
        settings = self.site_settings()
        ids = self._publishable_ids() if article_ids is None else list(dict.fromkeys(article_ids))
        articles = self._read(ids)  # one query for all (a whole site is thousands)
        refused: dict[int, list[str]] = {}
        to_publish: list[int] = []
        translations = self._translations(articles.values())
        for article_id in ids:
            article = articles[article_id]
            problems = [p.message for p in self._gate(article, settings, translations).blocking]
            if article.status not in PUBLISHABLE:
                problems.insert(0, f"it is {article.status.label.lower()}, not ready")
            if article.deleted:
                problems.insert(0, "it is in the trash")
            if problems:
                refused[article_id] = problems
            else:
                to_publish.append(article_id)
        ready = [i for i in to_publish if articles[i].status is Status.READY]
        if ready:
            self._ws.articles.change_status_many(ready, Status.PUBLISHED)
        manifest = self._run(
            output,
            settings,
            to_publish,
            full_rebuild=full_rebuild,
            defer_recent_posts=defer_recent_posts,
        )
        self._record(manifest, to_publish, "publish", output)
        return PublishResult(
            manifest=manifest,
            published=to_publish,
            refused=refused,
            warnings=list(manifest.warnings),
        )

    def refresh_recent_posts(self, output_dir: Path | None = None) -> PublishManifest:
        """Bring every page's "Recent posts" up to date (after a deferring publish)."""
        output = Path(output_dir) if output_dir else self.output_dir()
        return self._run(output, self.site_settings(), [], full_rebuild=False)

    def unpublish(self, article_id: int, output_dir: Path | None = None) -> PublishResult:
        """Take a public article off the site (its pages are removed)."""
        output = Path(output_dir) if output_dir else self.output_dir()
        self._ws.articles.change_status(article_id, Status.UNPUBLISHED)
        manifest = self._run(output, self.site_settings(), [article_id], full_rebuild=False)
        self._record(manifest, [article_id], "unpublish", output)
        return PublishResult(manifest=manifest, published=[], warnings=list(manifest.warnings))

    def correct(self, article_id: int, output_dir: Path | None = None) -> PublishResult:
        """Republish a public article after a correction (status: corrected)."""
        output = Path(output_dir) if output_dir else self.output_dir()
        self._ws.articles.change_status(article_id, Status.CORRECTED)
        manifest = self._run(output, self.site_settings(), [article_id], full_rebuild=False)
        self._record(manifest, [article_id], "correct", output)
        return PublishResult(
            manifest=manifest, published=[article_id], warnings=list(manifest.warnings)
        )

    def publications(self, article_id: int) -> list[PublicationRecord]:
        with self._db.session() as s:
            return link_store.list_publications(s, article_id)

    def _publishable_ids(self) -> list[int]:
        with self._db.session() as s:
            return bulk.live_ids_with_status(s, {Status.READY.value, Status.PUBLISHED.value})

    def _read(self, ids: Sequence[int]) -> dict[int, Article]:
        """The articles with these ids; an unknown id is an error, as for a single one."""
        with self._db.session() as s:
            found = bulk.articles_by_id(s, ids)
        for article_id in ids:
            if article_id not in found:
                raise NotFoundError(f"There is no article with id {article_id}.")
        return found

    def _run(
        self,
        output: Path,
        settings: SiteSettings,
        changed: list[int],
        *,
        full_rebuild: bool,
        defer_recent_posts: bool = False,
    ) -> PublishManifest:
        try:
            return publish_site(
                self.site_articles(),
                settings,
                output,
                changed_ids=changed,
                full_rebuild=full_rebuild,
                suggest=self._suggest if settings.fill_related_with_suggestions else None,
                prepare_suggestions=self._ws.related.prepare_fill,
                forbidden_dirs=self._forbidden_dirs(),
                defer_recent_posts=defer_recent_posts,
            )
        finally:
            if settings.fill_related_with_suggestions:
                # The next full run reuses the lists (see RelatedService.save_fill).
                self._ws.related.save_fill(force=full_rebuild or len(changed) != 1)

    def _forbidden_dirs(self) -> list[Path]:
        # The site must never be written over the archive or its backups.
        forbidden = [config.data_dir()]
        if self._db.path is not None:
            forbidden.append(self._db.path.parent)
        return forbidden

    def _record(self, manifest: PublishManifest, ids: list[int], action: str, output: Path) -> None:
        now = datetime.now(UTC)
        with self._db.session(write=True) as s:
            revisions = article_store.latest_revision_numbers(s, ids)
            for article_id in ids:
                link_store.add_publication(
                    s,
                    PublicationRecord(
                        article_id=article_id,
                        revision_number=revisions.get(article_id),
                        action=action,
                        published_at=now,
                        output_dir=str(output),
                        path=manifest.article_pages.get(article_id, ""),
                    ),
                )
        self._ws.changes.publish(SitePublished(tuple(ids), action))
