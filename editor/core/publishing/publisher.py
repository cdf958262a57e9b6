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
(old language, year, tags, translations).  Other pages' "Recent posts"
lists are refreshed by the next full build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.publishing import feeds, layout, render
from editor.core.publishing.checks import check_article
from editor.core.publishing.errors import (
    ArticleRejectedError,
    DuplicatePathError,
    OutputFolderError,
    PublishError,
)
from editor.core.publishing.model import (
    ArticleId,
    PublishedArticle,
    PublishManifest,
    SiteSettings,
    SuggestFn,
)
from editor.core.publishing.site import Site
from editor.core.publishing.writer import (
    STATE_FILE,
    FullBuild,
    IncrementalUpdate,
    output_lock,
    recover,
)

# Bump when the layout or the state format changes: the next run rebuilds everything.
STATE_FORMAT = 1

Render = Callable[[], bytes]


# --- the output folder ----------------------------------------------------------------


def prepare_output_dir(output_dir: str | os.PathLike[str], forbidden_dirs: Iterable[Path]) -> Path:
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
    """A full build replaces the folder: never do that to a folder we did not make."""
    if not output.is_dir() or (output / STATE_FILE).is_file():
        return
    if any(True for _ in output.iterdir()):
        raise OutputFolderError(
            f"The folder {output} already contains files that Newsdesk did not publish. "
            "Choose an empty folder (or the folder of an earlier publish)."
        )


# --- checks ---------------------------------------------------------------------------------


def _validate_articles(
    articles: Sequence[PublishedArticle], settings: SiteSettings
) -> tuple[str, ...]:
    """Raise on unsafe addresses and blocking problems; return the warnings."""
    seen: set[ArticleId] = set()
    for article in articles:
        layout.check_lang(article.lang)
        layout.check_slug(article.slug)
        if article.id in seen:
            raise DuplicatePathError(f"Article {article.id} was passed twice.")
        seen.add(article.id)
    published = {a.id: a for a in articles}
    results = [check_article(a, settings=settings, published=published) for a in articles]
    blocking = [problem for result in results for problem in result.blocking]
    if blocking:
        raise ArticleRejectedError(blocking)
    return tuple(str(problem) for result in results for problem in result.warnings)


# --- what the site consists of ----------------------------------------------------------------


def _encode(text: str) -> bytes:
    return text.encode("utf-8")


def site_outputs(site: Site) -> dict[str, Render]:
    """Every file of the site -> how to produce its bytes (nothing rendered yet)."""
    outputs: dict[str, Render] = {
        layout.ROOT_INDEX: lambda: _encode(render.root_page(site)),
        layout.ROBOTS: lambda: _encode(feeds.robots_txt(site)),
    }
    sitemap_cache: dict[str, str] = {}

    def sitemap(name: str) -> bytes:
        if not sitemap_cache:
            sitemap_cache.update(feeds.sitemaps(site))
        return _encode(sitemap_cache[name])

    for name in site.sitemap_files():
        outputs[name] = lambda name=name: sitemap(name)  # type: ignore[misc]
    for lang in site.by_lang:
        outputs[layout.language_home(lang)] = lambda lang=lang: _encode(  # type: ignore[misc]
            render.language_home_page(site, lang)
        )
        outputs[layout.feed(lang)] = lambda lang=lang: _encode(feeds.atom_feed(site, lang))  # type: ignore[misc]
        outputs[layout.tags_index(lang)] = lambda lang=lang: _encode(  # type: ignore[misc]
            render.tags_index_page(site, lang)
        )
        for year in site.years(lang):
            outputs[layout.year_archive(lang, year)] = lambda lang=lang, year=year: _encode(  # type: ignore[misc]
                render.year_archive_page(site, lang, year)
            )
        for slug, tag in site.tags.get(lang, {}).items():
            outputs[tag.page] = lambda lang=lang, slug=slug: _encode(  # type: ignore[misc]
                render.tag_page(site, lang, slug)
            )
    for article_id in site.articles:
        outputs[site.page[article_id]] = lambda i=article_id: _encode(  # type: ignore[misc]
            render.article_page(site, i)
        )
        outputs[site.json_path(article_id)] = lambda i=article_id: _encode(feeds.ninjs(site, i))  # type: ignore[misc]
    static = render.static_dir()
    if static.is_dir():
        for file in sorted(p for p in static.rglob("*") if p.is_file()):
            relative = file.relative_to(static).as_posix()
            outputs[relative] = file.read_bytes
    return outputs


# --- the state kept between runs ------------------------------------------------------------


@dataclass(frozen=True)
class _ArticleState:
    id: ArticleId
    signature: str
    lang: str
    year: int
    title: str
    page: str
    json: str
    tags: tuple[str, ...]  # tag slugs
    group: int | str | None
    related: tuple[ArticleId, ...]  # what its page links to as related


@dataclass(frozen=True)
class _State:
    fingerprint: str
    outputs: frozenset[str]
    articles: dict[ArticleId, _ArticleState]


def _signature(article: PublishedArticle) -> str:
    """What identifies a version of an article without hashing its whole body."""
    fields = (
        article.revision, article.lang, article.slug, article.title, article.teaser,
        article.author, article.tags, article.group, article.related, article.translated_from,
        article.published_at.isoformat(), article.modified_at.isoformat(),
        len(article.body_markdown),
    )  # fmt: skip
    return hashlib.blake2b(repr(fields).encode("utf-8"), digest_size=12).hexdigest()


def settings_fingerprint(settings: SiteSettings) -> str:
    fields = dataclasses.asdict(settings)
    fields["template_override_dir"] = str(settings.template_override_dir)
    described = json.dumps([STATE_FORMAT, fields], sort_keys=True, default=str)
    templates = render.templates_fingerprint(settings.template_override_dir)
    return hashlib.sha256((described + templates).encode("utf-8")).hexdigest()


def _state_bytes(site: Site, fingerprint: str, outputs: Collection[str]) -> bytes:
    articles = []
    for article_id, original in site.articles.items():
        article = site.articles[article_id]
        articles.append(
            {
                "id": article_id,
                "signature": _signature(original),
                "lang": article.lang,
                "year": site.year[article_id],
                "title": article.title,
                "page": site.page[article_id],
                "json": site.json_path(article_id),
                "tags": [layout.tag_slug(tag) for tag in article.tags],
                "group": article.group,
                "related": [a.id for a in site.related(article_id)],
            }
        )
    document = {
        "format": STATE_FORMAT,
        "fingerprint": fingerprint,
        "outputs": sorted(outputs),
        "articles": articles,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _load_state(output: Path) -> _State | None:
    try:
        document: dict[str, Any] = json.loads((output / STATE_FILE).read_text(encoding="utf-8"))
        if document.get("format") != STATE_FORMAT:
            return None
        articles = {
            entry["id"]: _ArticleState(
                id=entry["id"],
                signature=entry["signature"],
                lang=entry["lang"],
                year=entry["year"],
                title=entry["title"],
                page=entry["page"],
                json=entry["json"],
                tags=tuple(entry["tags"]),
                group=entry["group"],
                related=tuple(entry["related"]),
            )
            for entry in document["articles"]
        }
        return _State(document["fingerprint"], frozenset(document["outputs"]), articles)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no or unreadable state: rebuild everything


# --- runs -----------------------------------------------------------------------------------------


def publish_site(
    articles: Sequence[PublishedArticle],
    settings: SiteSettings,
    output_dir: str | os.PathLike[str],
    *,
    changed_ids: Collection[ArticleId] = (),
    full_rebuild: bool = False,
    suggest: SuggestFn | None = None,
    forbidden_dirs: Iterable[Path] = (),
) -> PublishManifest:
    """Publish ``articles`` (all articles that are to be on the site) to ``output_dir``.

    Rewrites only what changed since the last run unless ``full_rebuild`` is
    set or nothing usable is known about the previous run.  Raises a
    :class:`~editor.core.publishing.errors.PublishError` subclass, with a
    message for the editor, when nothing could be published; the previous
    site is then left as it was.
    """
    output = prepare_output_dir(output_dir, forbidden_dirs)
    warnings = _validate_articles(articles, settings)
    site = Site(articles, settings, suggest)
    fingerprint = settings_fingerprint(settings)
    try:
        with output_lock(output):
            recover(output)
            _refuse_foreign_folder(output)
            state = None if full_rebuild else _load_state(output)
            if state is None or state.fingerprint != fingerprint:
                manifest = _full_build(site, output, fingerprint)
            else:
                manifest = _incremental(site, output, state, set(changed_ids), fingerprint)
    except PublishError:
        raise
    except OSError as error:
        raise OutputFolderError(
            f"Writing the site to {output} failed: {error.strerror or error}"
            + (f" ({error.filename})" if error.filename else "")
        ) from error
    return dataclasses.replace(manifest, warnings=warnings + tuple(site.warnings))


def _manifest(
    site: Site, output: Path, full: bool, written: list[str], removed: list[str]
) -> PublishManifest:
    return PublishManifest(
        output_dir=output,
        full_build=full,
        written=tuple(written),
        removed=tuple(removed),
        article_pages=dict(site.page),
        article_urls={article_id: site.article_url(article_id) for article_id in site.articles},
    )


def _full_build(site: Site, output: Path, fingerprint: str) -> PublishManifest:
    outputs = site_outputs(site)
    with FullBuild(output) as build:
        for relative, produce in outputs.items():
            build.write(relative, produce())
        build.commit(_state_bytes(site, fingerprint, outputs))
        written = build.written
    return _manifest(site, output, True, written, [])


def _changed_articles(site: Site, state: _State, hinted: set[ArticleId]) -> set[ArticleId]:
    changed = {i for i in hinted if i in site.articles or i in state.articles}
    changed |= set(state.articles) - set(site.articles)  # unpublished
    for article_id, original in site.articles.items():
        previous = state.articles.get(article_id)
        if previous is None or previous.signature != _signature(original):
            changed.add(article_id)
    return changed


def _affected_by(site: Site, state: _State, article_id: ArticleId) -> set[str]:
    """Pages that show ``article_id`` now or showed it before this run."""
    affected: set[str] = set()

    def listings(lang: str, year: int, tag_slugs: Iterable[str]) -> set[str]:
        return {
            layout.language_home(lang),
            layout.year_archive(lang, year),
            layout.tags_index(lang),
            layout.feed(lang),
            *(layout.tag_page(lang, slug) for slug in tag_slugs),
        }

    article = site.articles.get(article_id)
    if article is not None:
        affected |= {site.page[article_id], site.json_path(article_id)}
        tag_slugs = [layout.tag_slug(tag) for tag in article.tags]
        affected |= listings(article.lang, site.year[article_id], tag_slugs)
        for member in site.group_members(article.group):
            affected |= {site.page[member], site.json_path(member)}
    before = state.articles.get(article_id)
    if before is not None:
        affected |= listings(before.lang, before.year, before.tags)
        if before.group is not None:
            for other in state.articles.values():
                if other.group == before.group and other.id in site.articles:
                    affected |= {site.page[other.id], site.json_path(other.id)}
        moved_or_renamed = (
            article is None or before.page != site.page[article_id] or before.title != article.title
        )
        if moved_or_renamed:
            for other in state.articles.values():
                if article_id in other.related and other.id in site.articles:
                    affected.add(site.page[other.id])
    return affected


def _incremental(
    site: Site, output: Path, state: _State, hinted: set[ArticleId], fingerprint: str
) -> PublishManifest:
    outputs = site_outputs(site)
    changed = _changed_articles(site, state, hinted)
    if not changed:
        return _manifest(site, output, False, [], [])
    affected: set[str] = set(site.sitemap_files())
    for article_id in changed:
        affected |= _affected_by(site, state, article_id)
    affected |= set(outputs) - state.outputs  # files that did not exist before
    affected &= set(outputs)
    removed = sorted(state.outputs - set(outputs))
    written: list[str] = []
    with IncrementalUpdate(output) as update:
        for relative in sorted(affected):
            if update.write(relative, outputs[relative]()):
                written.append(relative)
        for relative in removed:
            update.delete(relative)
        update.commit(_state_bytes(site, fingerprint, outputs))
    return _manifest(site, output, False, written, removed)


# --- preview --------------------------------------------------------------------------------------


def render_preview(
    article: PublishedArticle,
    settings: SiteSettings,
    *,
    site_articles: Sequence[PublishedArticle] = (),
    suggest: SuggestFn | None = None,
) -> str:
    """The page ``article`` would get, as one HTML string with the stylesheet inlined.

    Works for drafts too: an unusable slug is replaced for the preview only,
    and an empty title renders as an empty heading. Nothing is written.
    """
    if not layout.is_safe_slug(article.slug):
        article = dataclasses.replace(article, slug="preview")
    if layout.LANG_PATTERN.fullmatch(article.lang or "") is None:
        article = dataclasses.replace(article, lang=settings.languages[0])
    if article.lang not in settings.languages:
        settings = dataclasses.replace(settings, languages=(*settings.languages, article.lang))
    others = [a for a in site_articles if a.id != article.id and _previewable(a)]
    try:
        site = Site([*others, article], settings, suggest)
    except DuplicatePathError:
        site = Site([article], settings, suggest)
    return render.article_page(site, article.id, inline_css=True)


def _previewable(article: PublishedArticle) -> bool:
    return (
        layout.is_safe_slug(article.slug)
        and layout.LANG_PATTERN.fullmatch(article.lang) is not None
    )
