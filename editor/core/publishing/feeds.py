"""Machine-readable outputs: Atom feeds, the sitemap, ninjs JSON, robots.txt.

XML is written with :mod:`xml.sax.saxutils` escaping (text and attribute
values); every text has already lost the control characters XML 1.0
forbids (:func:`editor.core.publishing.text.clean_text`).  The JSON files
follow IPTC ninjs 1.4 field names.
"""

from __future__ import annotations

import json
from datetime import datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from editor.core.publishing import layout
from editor.core.publishing.model import ArticleId, PublishedArticle, Subject
from editor.core.publishing.site import Site
from editor.core.publishing.text import clean_line, clean_text

ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_XML_HEADER = '<?xml version="1.0" encoding="utf-8"?>'
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_1.4.json"


def _iso(site: Site, moment: datetime) -> str:
    return layout.to_local(moment, site.tz).isoformat(timespec="seconds")


def _attr(value: str) -> str:
    return quoteattr(clean_text(value))


def _text(tag: str, value: str, **attributes: str) -> str:
    attrs = "".join(f" {name}={_attr(v)}" for name, v in attributes.items())
    return f"<{tag}{attrs}>{escape(clean_text(value))}</{tag}>"


def entry_id(site: Site, article: PublishedArticle) -> str:
    """A tag: URI that stays the same when the slug or title change (RFC 4151)."""
    host = urlsplit(site.settings.base_url).hostname or "localhost"
    day = layout.to_local(article.published_at, site.tz).date().isoformat()
    return f"tag:{host},{day}:article/{article.id}"


def atom_feed(site: Site, lang: str) -> str:
    here = layout.feed(lang)
    articles = site.by_lang.get(lang, [])[: site.settings.feed_count]
    updated = max((a.modified_at for a in articles), default=None)
    lines = [
        _XML_HEADER,
        f'<feed xmlns="{ATOM_NS}" xml:lang={quoteattr(lang)}>',
        _text("title", site.settings.site_name),
        _text("id", site.url(here)),
        f'<link rel="self" type="application/atom+xml" href={quoteattr(site.url(here))}/>',
        f'<link rel="alternate" type="text/html" '
        f"href={quoteattr(site.url(layout.language_home(lang)))}/>",
        _text("updated", _iso(site, updated) if updated else "1970-01-01T00:00:00+00:00"),
        f"<author>{_text('name', site.settings.site_name)}</author>",
        _text("generator", "Newsdesk"),
    ]
    for article in articles:
        lines.append(_atom_entry(site, article))
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _atom_entry(site: Site, article: PublishedArticle) -> str:
    parts = [
        "<entry>",
        _text("id", entry_id(site, article)),
        _text("title", clean_line(article.title), type="text"),
        f'<link rel="alternate" type="text/html" href={quoteattr(site.article_url(article.id))}/>',
        _text("published", _iso(site, article.published_at)),
        _text("updated", _iso(site, article.modified_at)),
        f"<author>{_text('name', clean_line(article.author) or site.settings.site_name)}</author>",
    ]
    parts += [f"<category term={_attr(name)}/>" for name, _ in site.tags_of(article.id)]
    if article.teaser.strip():
        parts.append(_text("summary", article.teaser.strip(), type="text"))
    # type="html": the sanitised body, escaped once more as XML text.
    parts.append(_text("content", site.body_html(article.id), type="html"))
    parts.append("</entry>")
    return "\n".join(parts)


def _alternates_of(site: Site, path: str) -> dict[str, str]:
    """hreflang -> page for the language versions of a sitemap page (incl. itself)."""
    article_id = site.page_owner.get(path)
    if article_id is not None:
        translations = site.translations(article_id)
        if not translations:
            return {}
        own = site.articles[article_id]
        return {own.lang: path} | {t.lang: site.page[t.id] for t in translations}
    homes = {lang: layout.language_home(lang) for lang in site.by_lang}
    if path in homes.values() and len(homes) > 1:
        return homes
    return {}


def _sitemap_url(site: Site, path: str) -> str:
    lines = ["<url>", _text("loc", site.url(path))]
    article_id = site.page_owner.get(path)
    if article_id is not None:
        lines.append(_text("lastmod", _iso(site, site.articles[article_id].modified_at)))
    for lang, other in _alternates_of(site, path).items():
        lines.append(
            f'<xhtml:link rel="alternate" hreflang={quoteattr(lang)} '
            f"href={quoteattr(site.url(other))}/>"
        )
    lines.append("</url>")
    return "\n".join(lines)


def sitemap_index(site: Site) -> str:
    """``sitemap.xml``: an index of the sitemap parts (no dates, so it rarely changes)."""
    lines = [_XML_HEADER, f'<sitemapindex xmlns="{SITEMAP_NS}">']
    lines += [
        f"<sitemap>{_text('loc', site.url(name))}</sitemap>" for name in site.sitemap_part_names
    ]
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def sitemap_part(site: Site, name: str) -> str:
    lines = [_XML_HEADER, f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    lines += [_sitemap_url(site, path) for path in site.sitemap_pages(name)]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(site: Site) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.url(layout.SITEMAP)}\n"


def _subject(site: Site, subject: Subject, name: str, page: str) -> dict[str, str]:
    """A ninjs subject: the name in the article's language, the entity's ``kind``, its
    tag page as ``uri``; the Wikidata item, when known, as ``code`` in the ``wikidata``
    scheme (and its address as ``wikidata``)."""
    entry = {"name": name, "kind": subject.kind, "uri": site.url(page)}
    if subject.wikidata:
        entry |= {"scheme": "wikidata", "code": subject.wikidata}
        entry["wikidata"] = subject.wikidata_url or ""
    return entry


def ninjs(site: Site, article_id: ArticleId) -> str:
    """The article as an IPTC ninjs 1.4 document."""
    article = site.articles[article_id]
    document: dict[str, object] = {
        "$schema": NINJS_SCHEMA,
        "uri": site.article_url(article_id),
        "type": "text",
        "mimetype": "text/html",
        "representationtype": "complete",
        "version": str(article.revision),
        "firstcreated": _iso(site, article.published_at),
        "versioncreated": _iso(site, article.modified_at),
        "pubstatus": "usable",
        "language": article.lang,
        "headline": clean_line(article.title),
        "description_text": clean_text(article.teaser).strip(),
        "body_html": site.body_html(article.id),
        "subject": [_subject(site, *found) for found in site.subjects_of(article_id)],
        "associations": {
            f"translation-{t.lang}": {
                "uri": site.article_url(t.id),
                "type": "text",
                "language": t.lang,
                "headline": clean_line(t.title),
                "version": str(t.revision),
            }
            for t in site.translations(article_id)
        },
    }
    if article.author:
        document["byline"] = clean_line(article.author)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
