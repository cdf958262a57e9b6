"""Publishing use cases: check, publish, correct, unpublish, preview, repair.

The site's truth is the database: every run hands the publisher all articles
that are public (published or corrected), and the publisher works out which
files changed.  Accepted related links go with each article; where an editor
accepted none, the best suggestions fill the section unless the settings say
otherwise.

Every status change that puts an article on the site or takes it off goes
through :meth:`PublishService.run`: the gate checks, the plan, the site, then
the statuses and publication records in one transaction (see :mod:`.ledger`).
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from editor.app.changes import EntitiesChanged, SitePublished, StatusMoved
from editor.app.publishing import ledger
from editor.app.publishing import settings as site_config
from editor.app.publishing.preview import PagePreview, PreviewPage, suggest_or_none
from editor.app.publishing.review import (
    CHECK_CHUNK,
    PUBLISHABLE,
    ArticleCheck,
    assess,
    gate,
    with_segment_checks,
)
from editor.app.publishing.subjects import EntitySubjects
from editor.app.publishing.translations import read_translations
from editor.app.publishing.values import subjects_of, to_published
from editor.core.article import Article
from editor.core.links import PublicationRecord
from editor.core.publishing import (
    CheckResult,
    PublishedArticle,
    PublishManifest,
    SiteSettings,
    publish_site,
)
from editor.core.publishing.publisher import prepare_output_dir
from editor.core.publishing.state import site_shows
from editor.core.workflow import PUBLIC_STATUSES, Status
from editor.store import articles as article_store
from editor.store import bulk
from editor.store import links as link_store
from editor.store.errors import NotFoundError

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

ACTIONS = tuple(ledger.ACTION_TARGET)
# A first run reads the publication times of the whole site in one query.
_ALL_TIMES_FROM = 2000


class SiteState(enum.Enum):
    """Whether the site shows an article as it is now (shown in the editor)."""

    OFF = "not on the site"
    CURRENT = "on the site"
    OUT_OF_DATE = "edited since it was published: the site is out of date"


@dataclass
class PublishResult:
    manifest: PublishManifest
    published: list[int] = field(default_factory=list)  # ids written (or removed) in this run
    refused: dict[int, list[str]] = field(default_factory=dict)  # id -> blocking problems
    warnings: list[str] = field(default_factory=list)
    action: str = "publish"


# What a run made of an article: its version, accepted links, the value and the
# generation of the entities its subjects were looked up in.
_Made = tuple[int, tuple[int, ...], PublishedArticle, int]


class PublishService:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._db = workspace.db
        # Values kept between runs (unchanged articles are not read or made again).  The
        # window's checks and its publish run read them from two threads: one lock
        # guards the swap, the values themselves are never changed in place.
        self._cache_lock = threading.Lock()
        self._known: dict[int, Article] = {}
        self._published: dict[int, _Made] = {}
        self._subjects = EntitySubjects(self._db)
        workspace.changes.subscribe(EntitiesChanged, self._on_entities_changed)

    def _on_entities_changed(self, change: EntitiesChanged) -> None:
        self._subjects.forget()
        with self._cache_lock:
            # Their tags changed without a new version (a merge or delete moved them).
            self._known = {i: a for i, a in self._known.items() if i not in change.articles}

    # ------------------------------------------------------------ settings

    def site_settings(self) -> SiteSettings:
        return site_config.load_site_settings(self._db)

    def site_languages(self) -> tuple[str, ...]:
        """The languages the site is published in (the first is the default one)."""
        return self.site_settings().languages

    def update_site_settings(self, **changes: Any) -> SiteSettings:
        site_config.update_site_settings(self._db, changes)
        return self.site_settings()

    def output_dir(self) -> Path:
        return site_config.output_dir(self._db)

    def set_output_dir(self, path: Path) -> None:
        site_config.set_output_dir(self._db, path)

    # ------------------------------------------------------------ what goes on the site

    def site_articles(
        self, going: Mapping[int, Article] | None = None, leaving: Collection[int] = ()
    ) -> list[PublishedArticle]:
        """Every public article as the publisher wants it; ``going``: articles as they
        will be once this run is recorded, ``leaving``: articles this run takes off."""
        return self._compose(self._read_site(), going or {}, leaving)

    def _read_site(self) -> _SiteRows:
        """The public articles (those unchanged since the last reading reused) and every
        accepted related link: what :meth:`_compose` makes the site of."""
        with self._cache_lock:
            known = self._known
        with self._db.session() as s:
            public = bulk.live_articles_with_status(
                s, {st.value for st in PUBLIC_STATUSES}, known=known
            )
            related = link_store.accepted_targets(s)  # of all; those of others are ignored
        return _SiteRows(public, related)

    def _compose(
        self, rows: _SiteRows, going: Mapping[int, Article], leaving: Collection[int]
    ) -> list[PublishedArticle]:
        with self._cache_lock:
            before = self._published
        public, related = rows
        by_id = {a.id: a for a in public if a.id not in leaving}
        by_id.update(going)
        remade = [a.id for a in by_id.values() if _stale(before.get(a.id), a)]
        times = self._first_publications(remade)
        made: dict[int, _Made] = {}
        result = []
        generation = self._subjects.generation
        # Subjects are looked up for the articles made anew or of an older generation.
        fresh = [a for a in by_id.values() if _stale(before.get(a.id), a, generation)]
        entities, seen = self._subjects.lookup(t for a in fresh for t in a.tags)
        if seen != generation:  # entities changed meanwhile: every article looks again
            entities, generation = self._subjects.lookup(t for a in by_id.values() for t in a.tags)
        for a in by_id.values():
            accepted = related.get(a.id)
            links = tuple(r for r in accepted if r in by_id) if accepted else ()
            kept = before.get(a.id)
            if kept is not None and kept[0] == a.version and kept[1] == links:
                published = kept[2]  # unchanged: reuse the value made last run
                if kept[3] != generation:
                    subjects = subjects_of(a.tags, entities)
                    published = replace(published, tags=a.tags, subjects=subjects)
            else:
                published = to_published(
                    a,
                    links,
                    updated=_updated(a, times.get(a.id)),
                    subjects=subjects_of(a.tags, entities),
                )
            made[a.id] = (a.version, links, published, generation)
            result.append(published)
        with self._cache_lock:
            self._known = {a.id: a for a in public}
            self._published = made
        return result

    def _first_publications(self, ids: Sequence[int]) -> dict[int, datetime]:
        if not ids:
            return {}
        with self._db.session() as s:
            wanted = None if len(ids) >= _ALL_TIMES_FROM else ids
            return {i: t[0] for i, t in link_store.publication_times(s, wanted).items()}

    def site_state(self, article: Article) -> SiteState:
        """Whether the site shows ``article`` as it is (the editor shows it)."""
        if article.deleted or article.status not in PUBLIC_STATUSES:
            return SiteState.OFF
        with self._db.session() as s:
            times = link_store.publication_times(s, [article.id]).get(article.id)
        if times is None or article.updated_at > times[1]:
            return SiteState.OUT_OF_DATE
        return SiteState.CURRENT

    # ------------------------------------------------------------ checks

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
        return self._gate_many(articles, self.site_settings(), self.site_articles())

    def _gate_many(
        self,
        articles: Mapping[int, Article],
        settings: SiteSettings,
        site: Sequence[PublishedArticle],
    ) -> dict[int, CheckResult]:
        """The gate of each article, compared with the rest of ``site`` (as it is now)."""
        published = {a.id: a for a in site}
        translations = read_translations(self._db, articles.values())
        results = {}
        for article_id, article in articles.items():
            own = published.pop(article_id, None)  # compared with the others only
            results[article_id] = gate(article, settings, translations, published)
            if article_id in translations.linked:
                results[article_id] = with_segment_checks(self._ws, article_id, results[article_id])
            if own is not None:
                published[article_id] = own
        return results

    def review(
        self,
        article_ids: Sequence[int] | None,
        action: str = "publish",
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[ArticleCheck]:
        """What the publish dialog shows for ``article_ids`` (None: every ready article):
        the gate checks and the use-case rules (in the trash, not ready, gone); the site
        is read once, the articles a chunk at a time."""
        if article_ids is None:
            article_ids = self.ready_ids()
        settings = self.site_settings()
        site = self.site_articles() if action != "unpublish" else []
        results: list[ArticleCheck] = []
        for start in range(0, len(article_ids), CHECK_CHUNK):
            if cancelled is not None and cancelled():
                break  # the dialog is closing
            chunk = article_ids[start : start + CHECK_CHUNK]
            with self._db.session() as s:
                articles = bulk.articles_by_id(s, chunk)
            checked = {} if action == "unpublish" else self._gate_many(articles, settings, site)
            results.extend(assess(action, i, articles.get(i), checked.get(i)) for i in chunk)
            if progress is not None:
                progress(len(results), len(article_ids))
        return results

    def ready_ids(self) -> list[int]:
        """Every live ready article, by title (what "Publish Everything Ready" offers)."""
        with self._db.session() as s:
            ids = bulk.live_ids_with_status(s, {Status.READY.value})
            titles = article_store.titles_and_languages(s, ids)  # not their bodies
        return sorted(ids, key=lambda i: (titles[i][0].casefold(), i))

    # ------------------------------------------------------------ preview

    def preview_html(self, article_id: int) -> str:
        """The page the article would get, from its working copy (drafts too)."""
        return self.preview_page(article_id).html

    def preview_page(
        self,
        article_id: int,
        *,
        restyle: Callable[[str], str] | None = None,
        quick: bool = False,
    ) -> PreviewPage:
        """The page the article would get, with the site's stylesheet inlined (passed
        through ``restyle`` first: what a simpler renderer than a browser understands).
        ``quick``: suggested related links only if they are at hand (a first index build
        takes seconds); the answer then says whether some were left out."""
        article = self._ws.articles.get(article_id)
        subjects = subjects_of(article.tags, self._subjects.lookup(article.tags)[0])
        page = PagePreview(self._ws.related, self.site_settings(), self.site_articles())
        return page.render(article, subjects, restyle=restyle, quick=quick)

    def _suggest(self, article_id: int, top: int) -> list[int]:
        return suggest_or_none(self._ws.related, article_id, top)

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

        Articles with blocking problems are refused and reported, the rest go out;
        ready ones become published once the site shows them.  ``defer_recent_posts``:
        the other pages' recent posts are left for :meth:`refresh_recent_posts` (on a
        large site a new article is online seconds sooner).
        """
        ids = self.publish_all_ids() if article_ids is None else list(article_ids)
        return self.run(
            "publish",
            ids,
            output_dir,
            full_rebuild=full_rebuild,
            defer_recent_posts=defer_recent_posts,
        )

    def correct(self, article_id: int, output_dir: Path | None = None) -> PublishResult:
        """Republish a public article after a correction (status: corrected)."""
        return self.run("correct", [article_id], output_dir)

    def unpublish(self, article_id: int, output_dir: Path | None = None) -> PublishResult:
        """Take a public article off the site (its pages are removed)."""
        return self.run("unpublish", [article_id], output_dir)

    def run(
        self,
        action: str,
        article_ids: Sequence[int],
        output_dir: Path | None = None,
        *,
        full_rebuild: bool = False,
        defer_recent_posts: bool = False,
    ) -> PublishResult:
        """Publish, correct or unpublish: the one path of every such status change.

        The gate checks sort the articles out; the plan is written down; the site is
        written; then the statuses move and the publication is recorded, together."""
        if action not in ledger.ACTION_TARGET:
            raise ValueError(f"unknown publishing action {action!r}")
        self.repair()
        output = Path(output_dir) if output_dir else self.output_dir()
        forbidden = site_config.forbidden_dirs(self._db)
        # A bad output folder is refused before anything else happens.
        output = prepare_output_dir(output, forbidden)
        settings = self.site_settings()
        ids = list(dict.fromkeys(article_ids))
        at = datetime.now(UTC)  # before reading: a later edit leaves the site out of date
        articles = self._read(ids)
        rows = self._read_site()  # once: the site before this run (checks) and after it
        if action == "unpublish":
            checks = {}
        else:
            checks = self._gate_many(articles, settings, self._compose(rows, {}, ()))
        refused: dict[int, list[str]] = {}
        going: dict[int, Article] = {}
        moves: dict[int, Status] = {}
        for article_id in ids:
            article = articles[article_id]
            verdict = assess(action, article_id, article, checks.get(article_id))
            if verdict.blocking:
                refused[article_id] = list(verdict.blocking)
                continue
            target = _target(action, article.status)
            if target is not None:
                moves[article_id] = target
            going[article_id] = _as_recorded(article, target, at)
        if refused and not going:  # nothing may go: the site is left as it is
            empty = PublishManifest(output_dir=output, full_build=False, written=(), removed=())
            return PublishResult(manifest=empty, refused=refused, action=action)
        leaving = set(going) if action == "unpublish" else set()
        site = self._compose(rows, {} if leaving else going, leaving)
        shown = {a.id: a.signature for a in site}
        plan = ledger.Plan(
            action=action,
            output=output,
            at=at,
            moves=moves,
            expected={i: shown.get(i) for i in going},
        )
        ledger.write_plan(self._db, plan)
        try:
            manifest = self._write(
                output,
                settings,
                site,
                list(going),
                full_rebuild=full_rebuild,
                defer_recent_posts=defer_recent_posts,
            )
        except BaseException:
            self._settle(plan)  # the old site stands: the plan is dropped
            raise
        self._record(plan, manifest.article_pages)
        return PublishResult(
            manifest=manifest,
            published=list(going),
            refused=refused,
            warnings=_warnings_about(manifest, going),
            action=action,
        )

    def publish_now(self, article_ids: Sequence[int], output_dir: Path) -> PublishResult:
        """What the window does: the articles go online first; the other pages'
        recent posts follow in a second run."""
        result = self.publish(article_ids, output_dir, defer_recent_posts=True)
        if result.manifest.recent_posts_due:
            self.refresh_recent_posts(output_dir)
        return result

    def refresh_recent_posts(self, output_dir: Path | None = None) -> PublishManifest:
        """Bring every page's "Recent posts" up to date (after a deferring publish)."""
        output = Path(output_dir) if output_dir else self.output_dir()
        settings = self.site_settings()
        # A plan without articles: a run killed while applying is finished by the next
        # command, which says so, like any other.
        ledger.write_plan(self._db, ledger.Plan("publish", output, datetime.now(UTC)))
        try:
            manifest = self._write(output, settings, self.site_articles(), [], full_rebuild=False)
        except Exception:
            ledger.drop_plan(self._db)  # failed before its commit: the site is as it was
            raise
        ledger.drop_plan(self._db)
        return manifest

    def publications(self, article_id: int) -> list[PublicationRecord]:
        with self._db.session() as s:
            return link_store.list_publications(s, article_id)

    # ------------------------------------------------------------ the record

    def repair(self) -> str | None:
        """Finish the record of a run that was killed after it wrote the site, or drop
        the plan of one that never reached it; a message saying which (None: nothing
        was pending).  Called at the start of every command and every run."""
        plan = ledger.pending_plan(self._db)
        if plan is None:
            return None
        return ledger.describe_repair(plan, self._settle(plan))

    def _settle(self, plan: ledger.Plan) -> bool:
        shown = site_shows(plan.output)
        if not ledger.reached(plan, shown):
            ledger.drop_plan(self._db)
            return False
        pages = {i: shown[i][1] for i in plan.ids if shown is not None and i in shown}
        self._record(plan, pages)
        return True

    def _record(self, plan: ledger.Plan, pages: Mapping[int, str]) -> None:
        recorded = ledger.record(self._db, plan, pages, self._ws.user)
        for old, article in recorded.moved:
            self._ws.changes.publish(StatusMoved(article.id, article, old, article.status))
        if plan.ids:
            self._ws.changes.publish(SitePublished(tuple(plan.ids), plan.action))

    # ------------------------------------------------------------ helpers

    def publish_all_ids(self) -> list[int]:
        """What "publish everything" takes: every live ready or published article."""
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

    def _write(
        self,
        output: Path,
        settings: SiteSettings,
        site: Sequence[PublishedArticle],
        changed: list[int],
        *,
        full_rebuild: bool,
        defer_recent_posts: bool = False,
    ) -> PublishManifest:
        try:
            return publish_site(
                site,
                settings,
                output,
                changed_ids=changed,
                full_rebuild=full_rebuild,
                suggest=self._suggest if settings.fill_related_with_suggestions else None,
                prepare_suggestions=self._ws.related.prepare_fill,
                forbidden_dirs=site_config.forbidden_dirs(self._db),
                defer_recent_posts=defer_recent_posts,
            )
        finally:
            if settings.fill_related_with_suggestions:
                # The next full run reuses the lists (see RelatedService.save_fill).
                self._ws.related.save_fill(force=full_rebuild or len(changed) != 1)


# --------------------------------------------------------------------- helpers


class _SiteRows(NamedTuple):
    """One reading of what is on the site (see ``PublishService._read_site``)."""

    public: list[Article]
    related: Mapping[int, Sequence[int]]


def _warnings_about(manifest: PublishManifest, asked: Collection[int]) -> list[str]:
    """The run's warnings about the articles asked for, and those about the whole site
    (a full build checks every article: the others' warnings are not news)."""
    about_articles = {w for ws in manifest.article_warnings.values() for w in ws}
    general = [w for w in manifest.warnings if w not in about_articles]
    mine = [w for i in asked for w in manifest.article_warnings.get(i, ())]
    return mine + general


def _updated(article: Article, first_published: datetime | None) -> datetime | None:
    """The page says "Updated" only for an edit after the article first went on this
    site: an imported article's import date, or the edits before it went out, are not
    updates to readers."""
    if first_published is None or article.updated_at <= first_published:
        return None
    return article.updated_at


def _stale(kept: _Made | None, article: Article, generation: int | None = None) -> bool:
    """Whether the value made before cannot serve (``generation``: nor its subjects)."""
    if kept is None or kept[0] != article.version:
        return True
    return generation is not None and kept[3] != generation


def _target(action: str, status: Status) -> Status | None:
    """Where ``action`` moves an article in ``status`` (None: it stays)."""
    if action == "publish":
        return Status.PUBLISHED if status in (Status.READY, Status.UNPUBLISHED) else None
    target = ledger.ACTION_TARGET[action]
    return None if status is target else target


def _as_recorded(article: Article, target: Status | None, at: datetime) -> Article:
    """The article as it will be once the run is recorded: the status move is one
    more version (so the next run finds the site up to date, not changed)."""
    if target is None:
        return article
    published_at = article.published_at
    if target is Status.PUBLISHED and published_at is None:
        published_at = at
    return replace(article, status=target, published_at=published_at, version=article.version + 1)


__all__ = ["PUBLISHABLE", "PublishResult", "PublishService", "SiteState", "to_published"]
