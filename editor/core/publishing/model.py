"""The publisher's input and output: plain dataclasses, no database.

The app's publish use case loads published articles from the store, turns
them into :class:`PublishedArticle` objects and hands them over together with
:class:`SiteSettings`; the publisher returns a :class:`PublishManifest` that
says which files it wrote so the app can record what went out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

ArticleId = int
# ``suggest(article_id, top)`` -> ids of the best related articles, best first.
SuggestFn = Callable[[ArticleId, int], list[ArticleId]]
# Told which pages' suggestions are about to be asked for, so that the engine can answer
# them all at once (on every core) rather than one page at a time.
PrepareSuggestionsFn = Callable[[Sequence[ArticleId]], object]


@dataclass(frozen=True)
class Subject:
    """An entity an article is tagged with, as the site shows it.

    ``id`` is the archive's entity id: with it the entity's tag page has an address
    that stays when the entity is renamed or relabelled; without it (a plain tag) the
    page is named after the tag.  ``labels`` are (language, name) pairs.
    """

    name: str
    kind: str = "topic"  # person, organisation, product, place, topic, event
    id: int | None = None
    labels: tuple[tuple[str, str], ...] = ()
    wikidata: str | None = None  # "Q42"

    def label(self, lang: str) -> str:
        """The name shown on a page in ``lang``: its label there (or in the language
        without its region: "de" for "de-AT"), else the canonical name."""
        labels = dict(self.labels)
        return labels.get(lang) or labels.get(lang.split("-")[0]) or self.name

    @property
    def wikidata_url(self) -> str | None:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else None


@dataclass(frozen=True)
class PublishedArticle:
    """One language version of an article, as it is to appear on the site."""

    id: ArticleId
    lang: str
    slug: str
    title: str
    body_markdown: str
    published_at: datetime
    teaser: str = ""
    author: str = ""
    updated_at: datetime | None = None
    tags: tuple[str, ...] = ()
    # The tags as entities (kind, labels, Wikidata id), in the editor's order; when
    # empty the plain ``tags`` stand for topics.
    subjects: tuple[Subject, ...] = ()
    # Articles sharing a group id are translations of each other.
    group: int | str | None = None
    # The article this one was translated from, if any (for the checks).
    translated_from: ArticleId | None = None
    revision: int = 1
    # Related articles the editor accepted, in the order they should appear.
    related: tuple[ArticleId, ...] = ()

    @cached_property
    def entities(self) -> tuple[Subject, ...]:
        """What the article is tagged with: its subjects, or its plain tags as topics."""
        return self.subjects or tuple(Subject(name=tag) for tag in self.tags)

    @property
    def modified_at(self) -> datetime:
        return self.updated_at or self.published_at

    @cached_property
    def utc_timestamp(self) -> float:
        """Publication time as a number: naive (UTC) and aware times sort together."""
        moment = self.published_at
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp()

    @cached_property
    def signature(self) -> str:
        """Identifies this version: changes when anything the site shows of it changes
        (the body by its length and the revision).

        Cached on the value: the caller hands the same objects to every run for the
        articles that did not change, and a run compares every article's signature.
        """
        text = (
            f"{self.revision}\x1f{self.lang}\x1f{self.slug}\x1f{self.title}\x1f{self.teaser}\x1f"
            f"{self.author}\x1f{self.tags}\x1f{self.subjects}\x1f{self.group!r}\x1f{self.related}\x1f"
            f"{self.translated_from}\x1f{self.published_at.timestamp()}\x1f"
            f"{self.updated_at and self.updated_at.timestamp()}\x1f{len(self.body_markdown)}"
        )
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8)
        return digest.hexdigest()


@dataclass(frozen=True)
class SiteSettings:
    """How the site looks and where it lives."""

    site_name: str
    base_url: str
    # The first language is the default one (root page, x-default alternate).
    languages: tuple[str, ...] = ("de", "en")
    fill_related_with_suggestions: bool = True
    related_count: int = 5
    recent_count: int = 5
    # Articles listed on a language's front page (older ones are in the year archives).
    index_count: int = 20
    feed_count: int = 20
    template_override_dir: Path | None = None
    timezone: str = "Europe/Berlin"
    # Shown in the page footer; plain text.
    footer_text: str = ""


@dataclass(frozen=True)
class PublishManifest:
    """What a publish run did; paths are relative to the output folder, with ``/``."""

    output_dir: Path
    full_build: bool
    written: tuple[str, ...]
    removed: tuple[str, ...]
    # Every article on the site -> the path of its page / its public URL.
    article_pages: Mapping[ArticleId, str] = field(default_factory=dict)
    article_urls: Mapping[ArticleId, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    # The warnings about articles, by article (a run names only those it was asked for).
    article_warnings: Mapping[ArticleId, tuple[str, ...]] = field(default_factory=dict)
    published_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # Pages whose "Recent posts" a deferring run left for the next one.
    recent_posts_due: int = 0
