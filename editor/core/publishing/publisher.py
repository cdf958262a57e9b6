"""Publish runs: decide full or incremental, render what is needed, write it safely.

A run takes *all* published articles (the site's truth is the database, so
the caller passes the current set) and works out itself what changed since
the last run, by comparing each article's signature with the state file
kept in the output folder; ``changed_ids`` can name more.  When the settings,
the templates or the static files changed, or there is no usable state, the
whole site is rebuilt.  See :mod:`editor.core.publishing.writer` for how
files are written without ever leaving a half-published site.

What an incremental run rewrites for a changed article: its page and JSON,
the page and JSON of its translations (language switcher, hreflang), its
language's front page and year archive, its tag pages and the tag index,
its language's feed, the sitemap, pages whose related links point to it
when its title or address changed, and the same for where it was before
(old language, year, tags, translations).  When the newest articles of a
language change (a new one, a new title), every other page of that language
shows other "Recent posts": those pages get the new list patched in between
the template's markers, without rendering them again (about a millisecond a
page; a page that cannot be patched is rendered anew).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from editor.core import parallel
from editor.core.publishing import feeds, layout, render
from editor.core.publishing.checks import Problem, check_article
from editor.core.publishing.errors import (
    ArticleRejectedError,
    DuplicatePathError,
    OutputFolderError,
    PublishError,
)
from editor.core.publishing.model import (
    ArticleId,
    PrepareSuggestionsFn,
    PublishedArticle,
    PublishManifest,
    SiteSettings,
    SuggestFn,
)
from editor.core.publishing.site import Site, article_tags
from editor.core.publishing.state import (
    State,
    files_written_before,
    link_key,
    listing_key,
    load_state,
    new_state,
    other_files,
    recent_keys,
    remember,
    settings_fingerprint,
    state_bytes,
)
from editor.core.publishing.writer import (
    CONTROL_DIR,
    STATE_FILE,
    FullBuild,
    IncrementalUpdate,
    output_lock,
    recover,
)

# A full build of a site this large renders its files in worker processes, one per core
# (see editor.core.parallel); a chunk of files is one message to a worker.
MIN_FILES_FOR_WORKERS = 400
FILES_PER_CHUNK = 100

Render = Callable[[], bytes]


# --- the output folder ----------------------------------------------------------------


def prepare_output_dir(
    output_dir: str | os.PathLike[str], forbidden_dirs: Iterable[str | os.PathLike[str]]
) -> Path:
    """Validate the output folder and return its resolved path (created if missing)."""
    raw = Path(output_dir).expanduser()
    if not str(output_dir).strip():
        raise OutputFolderError("No output folder is set for the site.")
    output = raw.resolve()
    if output.exists() and not output.is_dir():
        raise OutputFolderError(f"The output folder {raw} is a file, not a folder.")
    if output == Path(output.anchor) or output == Path.home().resolve():
        raise OutputFolderError(
            f"{raw} cannot be the output folder: choose a folder of its own for the site."
        )
    for forbidden in forbidden_dirs:
        banned = Path(forbidden).expanduser().resolve()
        if output == banned or output.is_relative_to(banned) or banned.is_relative_to(output):
            raise OutputFolderError(
                f"The site cannot be published to {raw}: it overlaps {banned}, "
                "which holds the newsroom's data. Choose another folder."
            )
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputFolderError(
            f"Cannot create the folder {output.parent}: {error.strerror}."
        ) from error
    for folder in (output.parent, output):
        if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
            raise OutputFolderError(f"The folder {folder} is not writable.")
    return output


def _refuse_foreign_folder(output: Path) -> None:
    """A first build would mix the site with what is there: refuse a folder that holds
    anything but what an earlier (perhaps interrupted) run of ours left."""
    if not output.is_dir() or (output / STATE_FILE).is_file():
        return
    if any(entry.name != CONTROL_DIR for entry in output.iterdir()):
        raise OutputFolderError(
            f"The folder {output} already contains files that Newsdesk did not publish. "
            "Choose an empty folder (or the folder of an earlier publish)."
        )


# --- checks ---------------------------------------------------------------------------------


def _validate(
    articles: Sequence[PublishedArticle],
    settings: SiteSettings,
    to_check: Collection[ArticleId] | None,
) -> tuple[Problem, ...]:
    """Raise on blocking problems of the articles in ``to_check`` (all when ``None``);
    return their warnings.  Unchanged articles passed these checks when they went out."""
    published = {a.id: a for a in articles}
    if len(published) != len(articles):
        raise DuplicatePathError("The same article was passed twice; publish each one once.")
    checked = articles if to_check is None else [published[i] for i in to_check if i in published]
    results = [check_article(a, settings=settings, published=published) for a in checked]
    blocking = [problem for result in results for problem in result.blocking]
    if blocking:
        raise ArticleRejectedError(blocking)
    return tuple(problem for result in results for problem in result.warnings)


# --- what the site consists of ----------------------------------------------------------------


def _encode(text: str) -> bytes:
    return text.encode("utf-8")


class SiteOutputs:
    """Every file of the site and how to produce its bytes; nothing is rendered up front.

    Article pages and JSON files are looked up through the site's indexes
    rather than listed, so that an incremental run never builds a list of
    every file of a large site.
    """

    def __init__(self, site: Site) -> None:
        self.site = site
        self._tags: dict[str, Render] | None = None
        fixed: dict[str, Render] = {
            layout.ROOT_INDEX: lambda: _encode(render.root_page(site)),
            layout.ROBOTS: lambda: _encode(feeds.robots_txt(site)),
            layout.SITEMAP: lambda: _encode(feeds.sitemap_index(site)),
        }
        for name in site.sitemap_part_names:
            fixed[name] = partial(_text_output, feeds.sitemap_part, site, name)
        for lang in site.by_lang:
            fixed[layout.language_home(lang)] = partial(
                _text_output, render.language_home_page, site, lang
            )
            fixed[layout.feed(lang)] = partial(_text_output, feeds.atom_feed, site, lang)
            fixed[layout.tags_index(lang)] = partial(
                _text_output, render.tags_index_page, site, lang
            )
            for year in site.years(lang):
                fixed[layout.year_archive(lang, year)] = partial(
                    _text_output, render.year_archive_page, site, lang, year
                )
        # Tag pages are looked up when asked for: working out every tag of a large site
        # costs more than an incremental run that touches none of them.
        static = render.static_dir()
        if static.is_dir():
            for file in sorted(p for p in static.rglob("*") if p.is_file()):
                fixed[file.relative_to(static).as_posix()] = file.read_bytes
        self.fixed = fixed

    def get(self, path: str) -> Render | None:
        """How to produce ``path``, or ``None`` when the site no longer has that file."""
        if path in self.fixed:
            return self.fixed[path]
        if path in self.site.page_owner:
            return partial(_text_output, render.article_page, self.site, self.site.page_owner[path])
        if path in self.site.json_owner:
            return partial(_text_output, feeds.ninjs, self.site, self.site.json_owner[path])
        return self._tag_pages().get(path)

    def _tag_pages(self) -> dict[str, Render]:
        if self._tags is None:
            site = self.site
            self._tags = {
                tag.page: partial(_text_output, render.tag_page, site, lang, slug)
                for lang in site.by_lang
                for slug, tag in site.tags.get(lang, {}).items()
            }
        return self._tags

    def __contains__(self, path: str) -> bool:
        return self.get(path) is not None

    def all(self) -> Iterator[tuple[str, Render]]:
        yield from self.fixed.items()
        yield from self._tag_pages().items()
        for article_id in self.site.articles:
            page, json_path = self.site.page[article_id], self.site.json_path(article_id)
            yield page, partial(_text_output, render.article_page, self.site, article_id)
            yield json_path, partial(_text_output, feeds.ninjs, self.site, article_id)


def _text_output(produce: Callable[..., str], *args: Any) -> bytes:
    return _encode(produce(*args))


# --- runs -----------------------------------------------------------------------------------------


def publish_site(
    articles: Sequence[PublishedArticle],
    settings: SiteSettings,
    output_dir: str | os.PathLike[str],
    *,
    changed_ids: Collection[ArticleId] = (),
    full_rebuild: bool = False,
    suggest: SuggestFn | None = None,
    prepare_suggestions: PrepareSuggestionsFn | None = None,
    forbidden_dirs: Iterable[str | os.PathLike[str]] = (),
    defer_recent_posts: bool = False,
) -> PublishManifest:
    """Publish ``articles`` (all articles that are to be on the site) to ``output_dir``.

    Rewrites only what changed since the last run unless ``full_rebuild`` is
    set or nothing usable is known about the previous run.  Raises a
    :class:`~editor.core.publishing.errors.PublishError` subclass, with a
    message for the editor, when nothing could be published; the previous
    site is then left as it was.  ``prepare_suggestions`` is told, before the
    pages are rendered, which of them will ask ``suggest`` (so that the engine
    can answer them together).  ``defer_recent_posts``: when the newest articles
    changed, leave the other pages' recent posts to the next run (the article is
    online sooner; ``recent_posts_due`` in the manifest says how many wait, and
    a run with nothing else to do refreshes them).
    """
    output = prepare_output_dir(output_dir, forbidden_dirs)
    site = Site(
        articles, settings, suggest, prepare_suggestions
    )  # validates settings, slugs and languages
    fingerprint = settings_fingerprint(settings)
    try:
        with output_lock(output):
            recover(output)
            _refuse_foreign_folder(output)
            state = None if full_rebuild else load_state(output)
            if state is None or state.fingerprint != fingerprint:
                warnings = _validate(articles, settings, None)
                manifest = _full_build(site, output, fingerprint, files_written_before(output))
            else:
                signatures = {i: a.signature for i, a in site.articles.items()}
                changed = _changed_articles(site, state, set(changed_ids), signatures)
                warnings = _validate(articles, settings, changed)
                manifest = _incremental(
                    site, output, state, changed, signatures, fingerprint, defer_recent_posts
                )
    except PublishError:
        raise
    except OSError as error:
        raise OutputFolderError(
            f"Writing the site to {output} failed: {error.strerror or error}"
            + (f" ({error.filename})" if error.filename else "")
        ) from error
    return dataclasses.replace(
        manifest,
        warnings=tuple(str(problem) for problem in warnings) + tuple(site.warnings),
        article_warnings=_by_article(warnings),
    )


def _by_article(problems: Iterable[Problem]) -> dict[ArticleId, tuple[str, ...]]:
    found: dict[ArticleId, list[str]] = {}
    for problem in problems:
        if problem.article_id is not None:
            found.setdefault(problem.article_id, []).append(str(problem))
    return {article_id: tuple(messages) for article_id, messages in found.items()}


def _manifest(
    site: Site, output: Path, full: bool, written: list[str], removed: list[str]
) -> PublishManifest:
    return PublishManifest(
        output_dir=output,
        full_build=full,
        written=tuple(written),
        removed=tuple(removed),
        article_pages=dict(site.page),
        article_urls=_ArticleUrls(site),
    )


class _ArticleUrls(Mapping[ArticleId, str]):
    """Every article's public URL, worked out when asked for (a run that changed one
    article of a large site should not build ten thousand URLs nobody reads)."""

    def __init__(self, site: Site) -> None:
        self._site = site

    def __getitem__(self, article_id: ArticleId) -> str:
        if article_id not in self._site.page:
            raise KeyError(article_id)
        return self._site.article_url(article_id)

    def __iter__(self) -> Iterator[ArticleId]:
        return iter(self._site.page)

    def __len__(self) -> int:
        return len(self._site.page)


def _full_build(
    site: Site, output: Path, fingerprint: str, written_before: set[str]
) -> PublishManifest:
    """Every file anew; of the files the last run wrote, those the site no longer has
    are removed (and only those)."""
    created = not output.exists()
    output.mkdir(exist_ok=True)
    try:
        return _build_all(site, output, fingerprint, written_before)
    except BaseException:
        if created:  # a first build that failed leaves no folder behind
            shutil.rmtree(output, ignore_errors=True)
        raise


def _build_all(
    site: Site, output: Path, fingerprint: str, written_before: set[str]
) -> PublishManifest:
    with FullBuild(output) as build:
        site.prepare_related(site.articles)
        work = list(SiteOutputs(site).all())
        workers = parallel.worker_count()
        if workers > 1 and len(work) >= MIN_FILES_FOR_WORKERS and parallel.can_fork():
            # Every page's related links are settled here first: a worker must never ask
            # the engine itself (the caller's engine may hold a database connection).
            site.resolve_related()
            chunks = parallel.split(work, FILES_PER_CHUNK)
            for staged in parallel.fork_map(partial(_write_outputs, build), chunks, workers):
                for relative, move in staged:
                    build.record(relative, move)
        else:
            for relative, move in _write_outputs(build, work):
                build.record(relative, move)
        signatures = {i: a.signature for i, a in site.articles.items()}
        state = new_state(site, fingerprint, signatures, files=other_files(site, build.written))
        removed = build.commit(state_bytes(state), written_before)
        written = build.written
    remember(output, state)
    return _manifest(site, output, True, written, removed)


def _write_outputs(
    build: FullBuild, work: Sequence[tuple[str, Render]]
) -> list[tuple[str, list[str] | None]]:
    """Render and stage ``work`` (in a worker process, or here): each path with the
    move the journal is to make for it."""
    staged = []
    for relative, produce in work:
        if parallel.orphaned():
            raise SystemExit("the publish run that started this worker is gone")
        staged.append((relative, build.write(relative, produce())))
    return staged


def _changed_articles(
    site: Site, state: State, hinted: set[ArticleId], signatures: dict[ArticleId, str]
) -> set[ArticleId]:
    changed = {i for i in hinted if i in site.articles or i in state.rows}
    changed |= state.rows.keys() - site.articles.keys()  # unpublished
    changed |= {i for i, sig in signatures.items() if state.signature(i) != sig}
    return changed


def _listings(lang: str, year: int, month: int, tag_slugs: Iterable[str]) -> set[str]:
    """The pages and files that list an article of ``lang`` and that date with those tags."""
    return {
        layout.language_home(lang),
        layout.year_archive(lang, year),
        layout.tags_index(lang),
        layout.feed(lang),
        layout.sitemap_listing(lang),
        layout.sitemap_month(lang, year, month),
        *(layout.tag_page(lang, slug) for slug in tag_slugs),
    }


def _affected_by(
    site: Site, state: State, article_id: ArticleId, linked_from: dict[ArticleId, list[ArticleId]]
) -> set[str]:
    """Files that show ``article_id`` now or showed it before this run.

    An edit that changes only what its own page shows (the body, say) leaves the front
    page, the archives, the tag pages and its translations' pages as they are: they
    list its title, teaser, author, date, address and tags, which are the same.
    """
    affected: set[str] = set()
    article = site.articles.get(article_id)
    before = state.article(article_id)
    members: set[ArticleId] = set()
    moved = True  # its address, title or group changed, or it came or went
    listing = listing_key(site, article_id) if article is not None else None
    relisted = before is None or before.listing_key != listing  # list pages show it anew
    if article is not None:
        affected |= {site.page[article_id], site.json_path(article_id)}
        year, month = site.year[article_id], site.month[article_id]
        tag_slugs = [slug for _, slug in article_tags(article)]
        if relisted:
            affected |= _listings(article.lang, year, month, tag_slugs)
        else:  # the feed carries the body; the sitemap its date of change
            affected |= {layout.feed(article.lang), layout.sitemap_month(article.lang, year, month)}
        members |= set(site.group_members(article.group))
        moved = (
            before is None
            or before.group != article.group
            or before.link_key != link_key(site, article_id)
        )
    if before is not None:
        affected |= {before.page, before.json}
        if relisted:
            affected |= _listings(before.lang, before.year, before.month, before.tags)
        if before.group is not None:
            members |= {i for i, row in state.rows.items() if row[6] == before.group}
        if moved:
            members |= set(linked_from.get(article_id, ()))
    for member in members - {article_id}:
        if member in site.articles:
            affected.add(site.json_path(member))  # names the version of its translations
            if moved:  # switcher, hreflang, related links; sitemap alternates
                affected |= {site.page[member], site.sitemap_part_of(member)}
    return affected


def _incremental(
    site: Site,
    output: Path,
    state: State,
    changed: set[ArticleId],
    signatures: dict[ArticleId, str],
    fingerprint: str,
    defer_recent_posts: bool = False,
) -> PublishManifest:
    stale_recent = _stale_recent_posts(site, state)
    if not changed and not stale_recent:
        return _manifest(site, output, False, [], [])
    linked_from: dict[ArticleId, list[ArticleId]] = {}
    for row in state.rows.values():
        for target in row[7]:
            if target in changed:
                linked_from.setdefault(target, []).append(row[0])
    candidates: set[str] = {layout.SITEMAP}
    for article_id in changed:
        candidates |= _affected_by(site, state, article_id, linked_from)
    outputs = SiteOutputs(site)
    affected = {path: produce for path in candidates if (produce := outputs.get(path)) is not None}
    # Files of the site's previous state that it no longer has (and that are there).
    removed = sorted(p for p in candidates - affected.keys() if (output / p).is_file())
    written: list[str] = []
    # The other pages of a language whose newest articles changed get fresh recent posts:
    # now, or (deferred) by the next run, which the state tells that they are due.
    refresh = {site.page[i]: i for i in stale_recent if site.page[i] not in affected}
    deferred = len(refresh) if changed and defer_recent_posts else 0
    if deferred:
        refresh = {}
    site.prepare_related(_articles_of(site, affected))
    with IncrementalUpdate(output) as update:
        for relative in sorted(affected):
            if update.write(relative, affected[relative]()):
                written.append(relative)
        rerendered = set(affected)
        for relative, article_id in sorted(refresh.items()):
            data = _with_fresh_recent_posts(site, update.current(relative), article_id)
            if data is None:  # could not be patched: the whole page, links and all
                data = _encode(render.article_page(site, article_id))
                rerendered.add(relative)
            if update.write(relative, data):
                written.append(relative)
        for relative in removed:
            update.delete(relative)
        files = (state.files - set(removed)) | other_files(site, written)
        after = new_state(
            site, fingerprint, signatures, previous=state, rendered=rerendered, files=files
        )
        if deferred:
            after.recent = {lang: "due" for lang in after.recent} | {
                lang: key for lang, key in after.recent.items() if state.recent.get(lang) == key
            }
        update.commit(state_bytes(after))
    remember(output, after)
    manifest = _manifest(site, output, False, written, removed)
    return dataclasses.replace(manifest, recent_posts_due=deferred)


def _stale_recent_posts(site: Site, state: State) -> list[ArticleId]:
    """The articles whose page lists other recent posts than it shows now."""
    stale: list[ArticleId] = []
    for lang, key in recent_keys(site).items():
        if state.recent.get(lang) != key:
            stale.extend(a.id for a in site.by_lang[lang])
    return stale


def _with_fresh_recent_posts(
    site: Site, published: bytes | None, article_id: ArticleId
) -> bytes | None:
    """The published page with its recent posts replaced, or ``None`` to render it anew."""
    try:
        page = published.decode("utf-8") if published is not None else None
    except UnicodeDecodeError:
        page = None
    fresh = render.with_fresh_recent_posts(site, article_id, page) if page is not None else None
    return _encode(fresh) if fresh is not None else None


def _articles_of(site: Site, paths: Iterable[str]) -> set[ArticleId]:
    """The articles whose page or JSON file is among ``paths``."""
    owners = (site.page_owner.get(path, site.json_owner.get(path)) for path in paths)
    return {owner for owner in owners if owner is not None}
