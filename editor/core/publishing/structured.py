"""Structured data about an article: schema.org ``NewsArticle`` JSON-LD for its page.

Search engines and news aggregators read what an article is about from this block:
each tagged entity becomes a ``Thing`` of the type its kind says (a person a
``Person``, an organisation an ``Organization`` …), named in the page's language and
tied to its Wikidata item by ``sameAs`` when the archive knows it.

Which entities go into ``about`` and which into ``mentions`` follows one rule: the
first tag (the editor puts the main subject first; the store keeps that order) and
every other tag named in the headline are what the article is *about*; the remaining
tags are *mentioned*.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from editor.core.publishing import layout
from editor.core.publishing.model import ArticleId, Subject
from editor.core.publishing.site import Site
from editor.core.publishing.text import clean_line, clean_text

SCHEMA_TYPES = {
    "person": "Person",
    "organisation": "Organization",
    "product": "Product",
    "place": "Place",
    "event": "Event",
    "topic": "Thing",
}

# JSON-LD sits inside <script>: these must not appear there as themselves ("</script>"
# would end the element, "<!--" opens an HTML comment state, "&" is harmless but escaped
# alike).  The \\u escapes are the same strings to every JSON parser.
_SCRIPT_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def schema_type(kind: str) -> str:
    return SCHEMA_TYPES.get(kind, "Thing")


def thing(subject: Subject, name: str) -> dict[str, Any]:
    """One tagged entity as a schema.org item."""
    item: dict[str, Any] = {"@type": schema_type(subject.kind), "name": name}
    if subject.wikidata_url:
        item["sameAs"] = subject.wikidata_url
    return item


@lru_cache(maxsize=4096)
def _named_in(title: str, name: str) -> bool:
    """Whether ``name`` occurs in ``title`` as whole words (case ignored)."""
    if not name:
        return False
    pattern = r"(?<!\w)" + re.escape(name.casefold()) + r"(?!\w)"
    return re.search(pattern, title.casefold()) is not None


def about_and_mentions(
    title: str, subjects: list[tuple[Subject, str]]
) -> tuple[list[tuple[Subject, str]], list[tuple[Subject, str]]]:
    """Split (subject, shown name) pairs by the module's rule: first tag and those named
    in the headline are ``about``, the rest ``mentions``."""
    about: list[tuple[Subject, str]] = []
    mentions: list[tuple[Subject, str]] = []
    for position, (subject, name) in enumerate(subjects):
        headline = _named_in(title, name) or _named_in(title, subject.name)
        (about if position == 0 or headline else mentions).append((subject, name))
    return about, mentions


def news_article(site: Site, article_id: ArticleId) -> dict[str, Any]:
    """The ``NewsArticle`` object of an article's page."""
    article = site.articles[article_id]
    url = site.article_url(article_id)
    title = clean_line(article.title)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": article.lang,
        # Whole seconds with the offset of the site's time zone, as the page's <time>.
        "datePublished": machine_time(site, article.published_at),
        "dateModified": machine_time(site, article.modified_at),
        "publisher": {"@type": "Organization", "name": clean_line(site.settings.site_name)},
    }
    teaser = clean_text(article.teaser).strip()
    if teaser:
        data["description"] = teaser
    author = clean_line(article.author)
    if author:
        data["author"] = {"@type": "Person", "name": author}
    subjects = [(subject, name) for subject, name, _ in site.subjects_of(article_id)]
    about, mentions = about_and_mentions(title, subjects)
    if about:
        data["about"] = [thing(s, name) for s, name in about]
    if mentions:
        data["mentions"] = [thing(s, name) for s, name in mentions]
    return data


def machine_time(site: Site, moment: Any) -> str:
    return str(layout.to_local(moment, site.tz).isoformat(timespec="seconds"))


def script_json(data: dict[str, Any]) -> Markup:
    """``data`` as JSON that can stand inside a ``<script>`` element unchanged."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = clean_text(text)
    for unsafe, escaped in _SCRIPT_UNSAFE:  # str.replace: a tenth of str.translate's time
        text = text.replace(unsafe, escaped)
    return Markup(text)
