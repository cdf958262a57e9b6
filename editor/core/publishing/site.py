"""The site as a whole: every published article, indexed the ways pages need.

:class:`Site` is built once per publish run from the input dataclasses.  It
validates settings and addresses, and answers the questions the page
renderers ask (translations of an article, newest articles of a language,
articles of a tag, related links) without touching the file system.  Text
is cleaned where it is written out (:mod:`editor.core.publishing.text`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache
from operator import attrgetter
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from editor.core.markdown import render_markdown
from editor.core.publishing import layout
from editor.core.publishing.errors import DuplicatePathError, InvalidSettingsError
from editor.core.publishing.model import (
    ArticleId,
    PrepareSuggestionsFn,
    PublishedArticle,
    SiteSettings,
    Subject,
    SuggestFn,
)
from editor.core.publishing.text import clean_line, clean_text

log = logging.getLogger(__name__)


@lru_cache(maxsize=256)
def _body_html(markdown: str) -> str:
    """Rendered and sanitised Markdown.  Kept for the bodies met last, across runs: the
    page, the JSON file and the feed all need one, and a program that publishes again
    and again renders the newest articles of every feed only once."""
    return render_markdown(clean_text(markdown))


def utc_key(article: PublishedArticle) -> float:
    """Publication time as a number: naive (UTC) and aware times sort together."""
    return article.utc_timestamp


# Sort key: publication time, then id (C-level, for thousands of articles a run).
_NEWEST_LAST = attrgetter("utc_timestamp", "id")


@lru_cache(maxsize=65536)
def _placement(moment: datetime, tz: ZoneInfo, lang: str, slug: str) -> tuple[int, int, str]:
    """Year, month and page of an article; cached, as every run places every article."""
    year, month = layout.local_month(moment, tz)
    return year, month, layout.article_page(lang, year, slug)


def validate_settings(settings: SiteSettings) -> ZoneInfo:
    if not settings.languages:
        raise InvalidSettingsError("The site has no languages; add at least one.")
    for lang in settings.languages:
        layout.check_lang(lang)
    if len(set(settings.languages)) != len(settings.languages):
        raise InvalidSettingsError("A language is listed twice in the site settings.")
    parts = urlsplit(settings.base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidSettingsError(
            f"The base URL {settings.base_url!r} must start with http:// or https:// "
            "and name a host, like https://news.example.org/."
        )
    if parts.query or parts.fragment:
        raise InvalidSettingsError("The base URL must not contain '?' or '#'.")
    try:
        return ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise InvalidSettingsError(f"Unknown time zone {settings.timezone!r}.") from error


def article_tags(article: PublishedArticle) -> list[tuple[str, str]]:
    """(name, slug) of an article's tags, named in its language: blank ones dropped, one
    per slug, in order."""
    return list(_tag_pairs(article.entities, article.lang))


def subject_slug(subject: Subject) -> str:
    """The tag page's folder: the entity's id when it has one, else the name's slug."""
    return (
        layout.entity_slug(subject.id) if subject.id is not None else layout.tag_slug(subject.name)
    )


@lru_cache(maxsize=65536)
def _tag_pairs(subjects: tuple[Subject, ...], lang: str) -> tuple[tuple[str, str], ...]:
    # Cached by the subjects themselves: every run files every article under its tags.
    result: list[tuple[str, str]] = []
    seen: set[str] = set()
    for subject in subjects:
        name = clean_line(subject.label(lang)) or clean_line(subject.name)
        slug = subject_slug(subject) if name else ""
        if slug and slug not in seen:
            seen.add(slug)
            result.append((name, slug))
    return tuple(result)


@dataclass(frozen=True)
class TagInfo:
    lang: str
    slug: str
    name: str
    article_ids: tuple[ArticleId, ...]  # newest first

    @property
    def page(self) -> str:
        return layout.tag_page(self.lang, self.slug)


class Site:
    """All published articles of one run and the addresses of their pages."""

    def __init__(
        self,
        articles: Iterable[PublishedArticle],
        settings: SiteSettings,
        suggest: SuggestFn | None = None,
        prepare_suggestions: PrepareSuggestionsFn | None = None,
    ) -> None:
        self.settings = settings
        self.tz = validate_settings(settings)
        self.suggest = suggest
        self.prepare_suggestions = prepare_suggestions
        self.warnings: list[str] = []
        self._related: dict[ArticleId, list[PublishedArticle]] = {}
        # Renderers keep here what many files of one run share.
        self.render_cache: dict[tuple[object, ...], str | None] = {}
        # Text is cleaned where it is written out (templates, feeds, JSON), not here:
        # this runs for every article on every publish.
        cleaned = list(articles)
        self.articles: dict[ArticleId, PublishedArticle] = {a.id: a for a in cleaned}
        self.year: dict[ArticleId, int] = {}
        self.month: dict[ArticleId, int] = {}
        self.page: dict[ArticleId, str] = {}
        owner_of_page: dict[str, ArticleId] = {}
        for article in cleaned:
            year, month, page = _placement(
                article.published_at, self.tz, article.lang, article.slug
            )
            if page in owner_of_page and owner_of_page[page] != article.id:
                raise DuplicatePathError(
                    f"Articles {owner_of_page[page]} and {article.id} would both be published "
                    f"at {page}; change the slug of one of them."
                )
            owner_of_page[page] = article.id
            self.year[article.id] = year
            self.month[article.id] = month
            self.page[article.id] = page
        self.page_owner: dict[str, ArticleId] = owner_of_page
        self.by_lang: dict[str, list[PublishedArticle]] = {lang: [] for lang in settings.languages}
        for article in sorted(cleaned, key=_NEWEST_LAST, reverse=True):
            self.by_lang.setdefault(article.lang, []).append(article)
        self._groups: dict[int | str, list[ArticleId]] = defaultdict(list)
        for article in cleaned:
            if article.group is not None:
                self._groups[article.group].append(article.id)

    @cached_property
    def json_owner(self) -> dict[str, ArticleId]:
        """JSON file -> its article (asked for by incremental runs only)."""
        return {
            page[: -len("index.html")] + "article.json": article_id
            for page, article_id in self.page_owner.items()
        }

    # --- addresses ---------------------------------------------------------------

    def json_path(self, article_id: ArticleId) -> str:
        return self.page[article_id][: -len("index.html")] + "article.json"

    def url(self, path: str) -> str:
        return layout.absolute_url(self.settings.base_url, path)

    def article_url(self, article_id: ArticleId) -> str:
        return self.url(self.page[article_id])

    def body_html(self, article_id: ArticleId) -> str:
        """The sanitised body of an article."""
        return _body_html(self.articles[article_id].body_markdown)

    # --- relations -----------------------------------------------------------------

    def translations(self, article_id: ArticleId) -> list[PublishedArticle]:
        """The other language versions of an article (one per language, site order)."""
        article = self.articles[article_id]
        if article.group is None:
            return []
        found: dict[str, PublishedArticle] = {}
        for other_id in self._groups[article.group]:
            other = self.articles[other_id]
            if other_id != article_id and other.lang != article.lang:
                # Two versions in one language: the newer one represents the language.
                kept = found.get(other.lang)
                if kept is None or utc_key(other) > utc_key(kept):
                    found[other.lang] = other
        order = {lang: i for i, lang in enumerate(self.settings.languages)}
        return sorted(found.values(), key=lambda a: (order.get(a.lang, len(order)), a.lang))

    def group_members(self, group: int | str | None) -> list[ArticleId]:
        return list(self._groups.get(group, [])) if group is not None else []

    def recent(
        self, lang: str, count: int, exclude: ArticleId | None = None
    ) -> list[PublishedArticle]:
        result = []
        for article in self.by_lang.get(lang, []):
            if article.id != exclude:
                result.append(article)
                if len(result) == count:
                    break
        return result

    def related(self, article_id: ArticleId) -> list[PublishedArticle]:
        """Accepted related articles in the editor's order, else the engine's best ones."""
        if article_id not in self._related:
            self._related[article_id] = self._find_related(article_id)
        return self._related[article_id]

    def resolve_related(self) -> None:
        """Settle every article's related links now (before the pages are rendered in
        worker processes, which must find them settled)."""
        for article_id in self.articles:
            self.related(article_id)

    def prepare_related(self, article_ids: Iterable[ArticleId]) -> None:
        """Announce the pages about to be rendered: the engine may answer the suggestions of
        those without accepted links all at once.  A failure only means that each page
        asks on its own later."""
        if self.prepare_suggestions is None or not self._fills_with_suggestions():
            return
        needed = [i for i in article_ids if i not in self._related and not self._accepted(i)]
        if not needed:
            return
        try:
            self.prepare_suggestions(needed)
        except Exception:
            log.warning("preparing related suggestions failed", exc_info=True)

    def _fills_with_suggestions(self) -> bool:
        return self.settings.fill_related_with_suggestions and self.suggest is not None

    def _accepted(self, article_id: ArticleId) -> list[PublishedArticle]:
        return [
            self.articles[i]
            for i in self.articles[article_id].related
            if i in self.articles and i != article_id
        ]

    def _find_related(self, article_id: ArticleId) -> list[PublishedArticle]:
        article = self.articles[article_id]
        limit = self.settings.related_count
        accepted = self._accepted(article_id)
        if accepted or not self._fills_with_suggestions() or self.suggest is None:
            return _unique(accepted)[:limit]
        try:
            suggested = self.suggest(article_id, limit * 2)
        except Exception as error:  # the engine is optional: a failure costs the section only
            log.warning("related suggestions failed for article %s", article_id, exc_info=True)
            self.warnings.append(f"Related suggestions for article {article_id} failed: {error}")
            return []
        same_language = [
            self.articles[i]
            for i in suggested
            if i in self.articles and i != article_id and self.articles[i].lang == article.lang
        ]
        return _unique(same_language)[:limit]

    # --- tags and archives -------------------------------------------------------------

    @cached_property
    def tags(self) -> dict[str, dict[str, TagInfo]]:
        """language -> tag slug -> tag; the first spelling met (newest article) names it."""
        collected: dict[str, dict[str, tuple[str, list[ArticleId]]]] = defaultdict(dict)
        for lang, articles in self.by_lang.items():
            of_lang = collected[lang]
            for article in articles:
                # Blank and repeated ones dropped; named in the language of the page.
                for name, slug in _tag_pairs(article.entities, lang):
                    entry = of_lang.get(slug)
                    if entry is None:
                        entry = of_lang[slug] = (name, [])
                    entry[1].append(article.id)
        return {
            lang: {
                slug: TagInfo(lang, slug, name, tuple(ids)) for slug, (name, ids) in tags.items()
            }
            for lang, tags in collected.items()
        }

    def subjects_of(self, article_id: ArticleId) -> list[tuple[Subject, str, str]]:
        """(subject, name in the article's language, tag page) of its tags, in order."""
        article = self.articles[article_id]
        pages = dict((slug, name) for name, slug in article_tags(article))
        found: list[tuple[Subject, str, str]] = []
        for subject in article.entities:
            slug = subject_slug(subject)
            if slug in pages:  # not blank, not a repeat
                found.append((subject, pages.pop(slug), layout.tag_page(article.lang, slug)))
        return found

    def tags_of(self, article_id: ArticleId) -> list[tuple[str, str]]:
        """(name, page) of the article's tags, in the editor's order."""
        article = self.articles[article_id]
        return [(name, layout.tag_page(article.lang, slug)) for name, slug in article_tags(article)]

    @cached_property
    def _by_lang_year(self) -> dict[tuple[str, int], list[PublishedArticle]]:
        grouped: dict[tuple[str, int], list[PublishedArticle]] = defaultdict(list)
        for lang, articles in self.by_lang.items():
            for article in articles:
                grouped[lang, self.year[article.id]].append(article)
        return grouped

    def years(self, lang: str) -> list[int]:
        return sorted((y for (la, y) in self._by_lang_year if la == lang), reverse=True)

    def articles_of_year(self, lang: str, year: int) -> list[PublishedArticle]:
        return self._by_lang_year.get((lang, year), [])

    # --- the list of every file ------------------------------------------------------------

    def sitemap_part_of(self, article_id: ArticleId) -> str:
        lang = self.articles[article_id].lang
        return layout.sitemap_month(lang, self.year[article_id], self.month[article_id])

    @cached_property
    def sitemap_part_names(self) -> list[str]:
        """The sitemap files: per language its listing pages, and its articles per month
        (so publishing one article rewrites one small part)."""
        names: list[str] = []
        for lang in self.by_lang:
            names.append(layout.sitemap_listing(lang))
            names.extend(
                layout.sitemap_month(lang, *when)
                for when in dict.fromkeys(
                    (self.year[a.id], self.month[a.id]) for a in self.by_lang[lang]
                )
            )
        return names

    def sitemap_pages(self, name: str) -> list[str]:
        """The pages the sitemap file ``name`` lists."""
        return self._sitemap_pages.get(name, [])

    @cached_property
    def _sitemap_pages(self) -> dict[str, list[str]]:
        parts: dict[str, list[str]] = {}
        for lang in self.by_lang:
            listing = [layout.language_home(lang), layout.tags_index(lang)]
            listing += [layout.year_archive(lang, year) for year in self.years(lang)]
            listing += [tag.page for tag in self.tags.get(lang, {}).values()]
            parts[layout.sitemap_listing(lang)] = listing
            for article in self.by_lang[lang]:
                name = layout.sitemap_month(lang, self.year[article.id], self.month[article.id])
                parts.setdefault(name, []).append(self.page[article.id])
        return parts


def _unique(articles: Sequence[PublishedArticle]) -> list[PublishedArticle]:
    seen: set[ArticleId] = set()
    result = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            result.append(article)
    return result
