"""HTML pages from Jinja2 templates.

Templates live in ``resources/templates/site/``; a folder named in
``SiteSettings.template_override_dir`` is searched first, so a newsroom can
replace any single template.  Autoescaping is on for every template: the
only HTML that is not escaped is the article body, which comes out of
:func:`editor.core.markdown.render_markdown` (sanitised by nh3), and the
site's own stylesheet in the preview.  Templates receive prepared view data
(plain dicts and strings), so they contain no logic an override could break.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import Markup

from editor.core.publishing import labels, layout, structured
from editor.core.publishing.errors import TemplateError
from editor.core.publishing.model import ArticleId, PublishedArticle
from editor.core.publishing.site import Site
from editor.core.publishing.text import clean_line, clean_text
from editor.core.resources import resource_path


def builtin_template_dir() -> Path:
    return resource_path("templates", "site")


def static_dir() -> Path:
    return resource_path("site")


def _strip_invalid(value: object) -> object:
    """Every printed text loses the characters no HTML page may contain; the
    sanitised body and the preview stylesheet (Markup) are already clean."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return clean_text(value)
    return value


@cache
def _environment(override: str | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if override is not None:
        loaders.append(jinja2.FileSystemLoader(override))
    loaders.append(jinja2.FileSystemLoader(str(builtin_template_dir())))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        finalize=_strip_invalid,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def environment(site: Site) -> jinja2.Environment:
    override = site.settings.template_override_dir
    return _environment(str(Path(override).resolve()) if override is not None else None)


def templates_fingerprint(override: Path | None) -> str:
    """A hash of every template and static file: when it changes, the site is rebuilt."""
    digest = hashlib.sha256()
    folders = [builtin_template_dir(), static_dir()]
    if override is not None:
        folders.insert(0, Path(override))
    for folder in folders:
        if not folder.is_dir():
            continue
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(file.relative_to(folder)).encode("utf-8"))
            digest.update(file.read_bytes())
    return digest.hexdigest()


def _template(site: Site, template_name: str) -> jinja2.Template:
    try:
        return environment(site).get_template(template_name)
    except jinja2.TemplateError as error:
        raise _template_error(error, template_name) from error


def _render(site: Site, template_name: str, context: dict[str, Any]) -> str:
    template = _template(site, template_name)
    try:
        return template.render(context)
    except jinja2.TemplateError as error:  # also a base template's, loaded while rendering
        raise _template_error(error, template_name) from error


def _template_error(error: jinja2.TemplateError, template_name: str) -> TemplateError:
    """A message for the editor naming the template and, for a syntax error, the line."""
    if isinstance(error, jinja2.TemplateNotFound):
        return TemplateError(f"The page template {error.name!r} was not found.")
    if isinstance(error, jinja2.TemplateSyntaxError):
        return TemplateError(
            f"The page template {error.filename or error.name} has an error on line "
            f"{error.lineno}: {error.message}"
        )
    return TemplateError(f"The page template {template_name!r} failed: {error}")


# --- view data --------------------------------------------------------------------


def _date(site: Site, article: PublishedArticle, lang: str) -> dict[str, str]:
    iso, text = _local_date(article.published_at, site.tz, lang)
    return {"iso": iso, "text": text}


@lru_cache(maxsize=65536)
def _machine_time(moment: datetime) -> str:
    """A time for ``<time datetime>`` and Open Graph: whole seconds (HTML allows at most
    three digits of a second; readers are told the day anyway)."""
    return moment.isoformat(timespec="seconds")


def _local_date(moment: datetime, tz: ZoneInfo, lang: str) -> tuple[str, str]:
    # Cached: list pages show thousands of dates, the same ones run after run.
    local = layout.to_local(moment, tz)
    return _machine_time(local), labels.format_date(local.date(), lang)


def _teaser_item(site: Site, here: str, article: PublishedArticle) -> dict[str, Any]:
    return {
        "title": clean_line(article.title),
        "href": layout.relative_url(here, site.page[article.id]),
        "teaser": article.teaser.strip(),
        "author": clean_line(article.author),
        "date": _date(site, article, article.lang),
        "lang": article.lang,
    }


def _switcher(site: Site, here: str, lang: str, targets: dict[str, str]) -> list[dict[str, Any]]:
    """Language switcher: each site language -> its version of this page, or its home."""
    entries = []
    for other in site.settings.languages:
        target = targets.get(other, layout.language_home(other))
        entries.append(
            {
                "lang": other,
                "label": other.split("-")[0].upper(),
                "name": labels.language_name(other),
                "href": layout.relative_url(here, target),
                "current": other == lang,
            }
        )
    return entries


def _common(
    site: Site,
    here: str,
    lang: str,
    *,
    title: str,
    description: str,
    alternates: dict[str, str] | None = None,
    inline_css: str | None = None,
) -> dict[str, Any]:
    alternates = alternates or {}
    feed_lang = lang if lang in site.by_lang else site.settings.languages[0]
    return {
        "lang": lang,
        "t": labels.labels_for(lang),
        "site_name": site.settings.site_name,
        "footer_text": site.settings.footer_text,
        "title": title,
        "description": description,
        "canonical": site.url(here),
        "css_href": layout.relative_url(here, layout.STYLESHEET),
        "inline_css": Markup(inline_css) if inline_css else None,
        "home_href": layout.relative_url(here, layout.language_home(feed_lang)),
        "feed_href": layout.relative_url(here, layout.feed(feed_lang)),
        "tags_href": layout.relative_url(here, layout.tags_index(feed_lang)),
        "switcher": _switcher(site, here, lang, alternates),
        "alternates": [
            {"hreflang": other, "href": site.url(path)} for other, path in alternates.items()
        ],
        "og": {
            "type": "website",
            "title": title,
            "description": description,
            "url": site.url(here),
            "site_name": site.settings.site_name,
            "locale": labels.og_locale(lang),
            "locale_alternates": [labels.og_locale(o) for o in alternates if o != lang],
        },
    }


def site_stylesheet() -> str:
    """The stylesheet every published page links to (the publisher copies this file)."""
    return (static_dir() / layout.STYLESHEET).read_text(encoding="utf-8")


def _css_for_preview(css: str | None) -> str:
    css = site_stylesheet() if css is None else css
    return css.replace("</", "<\\/")  # cannot end the <style> element early


# --- pages --------------------------------------------------------------------------


def article_page(
    site: Site, article_id: ArticleId, *, inline_css: bool = False, css: str | None = None
) -> str:
    """The page of ``article_id``; ``inline_css``: the stylesheet inside the page (a
    preview), ``css`` instead of the site's own (one a simpler renderer understands)."""
    article = site.articles[article_id]
    here = site.page[article_id]
    translations = site.translations(article_id)
    alternates = {article.lang: here} | {t.lang: site.page[t.id] for t in translations}
    context = _common(
        site,
        here,
        article.lang,
        title=clean_line(article.title),
        description=article.teaser.strip(),
        alternates=alternates if translations else {},
        inline_css=_css_for_preview(css) if inline_css else None,
    )
    # The switcher links to translations even when hreflang alternates are left out.
    context["switcher"] = _switcher(site, here, article.lang, alternates)
    updated = None
    if article.updated_at is not None and article.updated_at != article.published_at:
        local = layout.to_local(article.updated_at, site.tz)
        updated = {
            "iso": _machine_time(local),
            "text": labels.format_date(local.date(), article.lang),
        }
    context["og"] |= {
        "type": "article",
        "published_time": _machine_time(layout.to_local(article.published_at, site.tz)),
        "modified_time": _machine_time(layout.to_local(article.modified_at, site.tz)),
        "tags": [name for name, _ in site.tags_of(article_id)],
    }
    context["article"] = {
        "title": clean_line(article.title),
        "teaser": article.teaser.strip(),
        "author": clean_line(article.author),
        "date": _date(site, article, article.lang),
        "updated": updated,
        "reading_time": labels.reading_time(article.body_markdown, article.lang),
        "body_html": Markup(site.body_html(article.id)),
        "tags": [
            {"name": name, "href": layout.relative_url(here, page)}
            for name, page in site.tags_of(article_id)
        ],
        "json_href": layout.relative_url(here, site.json_path(article_id)),
    }
    # Structured data is for search engines; the editor's preview goes without it.
    context["jsonld"] = (
        None if inline_css else structured.script_json(structured.news_article(site, article_id))
    )
    context["related"] = [_teaser_item(site, here, a) for a in site.related(article_id)]
    context["recent"] = _recent_items(site, article_id)
    return _render(site, "article.html", context)


def _recent_items(site: Site, article_id: ArticleId) -> list[dict[str, Any]]:
    article, here = site.articles[article_id], site.page[article_id]
    newest = site.recent(article.lang, site.settings.recent_count, exclude=article_id)
    return [_teaser_item(site, here, a) for a in newest]


# The recent posts of an article page lie between these markers (inside the template's
# "recent" block), so that a run can replace them without rendering the page again.
RECENT_START, RECENT_END = "<!--recent-->", "<!--/recent-->"


def with_fresh_recent_posts(site: Site, article_id: ArticleId, page: str) -> str | None:
    """``page`` (the article's page as published before) with today's recent posts.

    ``None`` when that cannot be done safely (a template without the block or the
    markers, or a page that does not end its section as the block does): the caller
    then renders the whole page.
    """
    # Every article page lies as deep in the site, so the section differs between pages
    # only by which article it leaves out: rendered once per distinct list.
    article = site.articles[article_id]
    shown = site.recent(article.lang, site.settings.recent_count, exclude=article_id)
    key = ("recent", article.lang, tuple(a.id for a in shown), site.page[article_id].count("/"))
    if key not in site.render_cache:
        site.render_cache[key] = _recent_section(site, article_id)
    section = site.render_cache[key]
    start = page.rfind(RECENT_START)
    end = page.find(RECENT_END, start)
    if section is None or start < 0 or end < 0:
        return None
    cut = section.rfind(RECENT_END) + len(RECENT_END)
    end += len(RECENT_END)
    if not section.startswith(RECENT_START) or not page.startswith(section[cut:], end):
        return None
    return page[:start] + section[:cut] + page[end:]


def _recent_section(site: Site, article_id: ArticleId) -> str | None:
    """What the "recent" block of the article template renders for this page."""
    template = _template(site, "article.html")
    block = template.blocks.get("recent")
    if block is None:
        return None
    lang = site.articles[article_id].lang
    context = template.new_context(
        {"recent": _recent_items(site, article_id), "t": labels.labels_for(lang), "lang": lang}
    )
    try:
        return "".join(block(context))
    except jinja2.TemplateError:  # an override's block that needs more than these
        return None


def _list_page(
    site: Site,
    here: str,
    lang: str,
    heading: str,
    articles: Sequence[PublishedArticle],
    *,
    alternates: dict[str, str] | None = None,
    compact: bool = False,
) -> str:
    context = _common(
        site,
        here,
        lang,
        title=f"{heading} – {site.settings.site_name}",
        description=heading,
        alternates=alternates,
    )
    context["heading"] = heading
    # Long lists (year archives) show titles and dates only: shorter pages, faster runs.
    context["compact"] = compact
    if compact:
        context["items"] = [
            {
                "title": clean_line(a.title),
                "href": layout.relative_url(here, site.page[a.id]),
                "date": _date(site, a, lang),
            }
            for a in articles
        ]
    else:
        context["items"] = [_teaser_item(site, here, a) for a in articles]
    context["years"] = [
        {"year": year, "href": layout.relative_url(here, layout.year_archive(lang, year))}
        for year in site.years(lang)
    ]
    return _render(site, "list.html", context)


def language_home_page(site: Site, lang: str) -> str:
    here = layout.language_home(lang)
    homes = {other: layout.language_home(other) for other in site.by_lang}
    t = labels.labels_for(lang)
    newest = site.by_lang.get(lang, [])[: site.settings.index_count]
    return _list_page(site, here, lang, t["latest"], newest, alternates=homes)


def year_archive_page(site: Site, lang: str, year: int) -> str:
    here = layout.year_archive(lang, year)
    heading = labels.labels_for(lang)["archive_year"].format(year=year)
    return _list_page(site, here, lang, heading, site.articles_of_year(lang, year), compact=True)


def tag_page(site: Site, lang: str, slug: str) -> str:
    tag = site.tags[lang][slug]
    heading = labels.labels_for(lang)["tagged"].format(tag=tag.name)
    articles = [site.articles[i] for i in tag.article_ids]
    return _list_page(site, tag.page, lang, heading, articles)


def tags_index_page(site: Site, lang: str) -> str:
    here = layout.tags_index(lang)
    t = labels.labels_for(lang)
    context = _common(
        site,
        here,
        lang,
        title=f"{t['all_tags']} – {site.settings.site_name}",
        description=t["all_tags"],
        alternates={other: layout.tags_index(other) for other in site.by_lang},
    )
    tags = sorted(site.tags.get(lang, {}).values(), key=lambda tag: tag.name.casefold())
    context["heading"] = t["all_tags"]
    context["tags"] = [
        {
            "name": tag.name,
            "href": layout.relative_url(here, tag.page),
            "count": t["article_count"].format(count=len(tag.article_ids)),
        }
        for tag in tags
    ]
    return _render(site, "tags.html", context)


def root_page(site: Site) -> str:
    here = layout.ROOT_INDEX
    default = site.settings.languages[0]
    homes = {lang: layout.language_home(lang) for lang in site.settings.languages}
    context = _common(
        site,
        here,
        default,
        title=site.settings.site_name,
        description=site.settings.site_name,
        alternates=homes,
    )
    context["x_default"] = site.url(layout.language_home(default))
    context["languages"] = [
        {
            "lang": lang,
            "name": labels.language_name(lang),
            "prompt": labels.labels_for(lang)["choose_language"],
            "href": layout.relative_url(here, path),
        }
        for lang, path in homes.items()
    ]
    return _render(site, "root.html", context)
