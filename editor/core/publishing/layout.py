"""Where each page lives in the output folder and at which URL.

Layout (all paths relative to the output folder)::

    index.html                      language chooser
    site.css, robots.txt, sitemap.xml (an index of the parts below)
    <lang>/index.html               newest articles of a language
    <lang>/feed.xml                 Atom feed of a language
    <lang>/<yyyy>/index.html        year archive
    <lang>/<yyyy>/<slug>/index.html article page
    <lang>/<yyyy>/<slug>/article.json   the article as ninjs
    <lang>/tags/index.html          all tags of a language
    <lang>/tags/<tag-slug>/index.html   (an entity's: <lang>/tags/<entity id>/)
    sitemaps/<lang>-pages.xml       sitemap of a language's listing pages
    sitemaps/<lang>-<yyyy>-<mm>.xml sitemap of a language's articles of a month

Slugs and language codes come from the database and are re-validated here,
because they become folder names: nothing but letters, digits, ``-`` and
``_`` is accepted, so ``..``, ``/``, ``\\`` and drive letters cannot appear,
and :func:`safe_join` checks the final path once more.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from editor.core.publishing.errors import UnsafePathError
from editor.core.publishing.text import clean_line
from editor.core.slugs import slugify

MAX_SLUG_CHARS = 200
_SLUG = re.compile(r"[^\W_](?:[\w-]*[^\W_])?", re.UNICODE)
LANG_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Folder names Windows refuses, whatever the extension.
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)

ROOT_INDEX = "index.html"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
STYLESHEET = "site.css"


@lru_cache(maxsize=65_536)  # every slug is checked on every publish run
def is_safe_slug(slug: str) -> bool:
    return (
        isinstance(slug, str)
        and 0 < len(slug) <= MAX_SLUG_CHARS
        and _SLUG.fullmatch(slug) is not None
        and slug.lower() not in _WINDOWS_RESERVED
    )


def check_slug(slug: str) -> str:
    if not is_safe_slug(slug):
        raise UnsafePathError(
            f"The slug {slug!r} cannot be used as an address: use only letters, digits and "
            "hyphens (no dots, slashes or spaces), at most "
            f"{MAX_SLUG_CHARS} characters."
        )
    return slug


def check_lang(lang: str) -> str:
    if not _is_lang(lang):
        raise UnsafePathError(
            f"The language code {lang!r} is not valid; use a code like 'de', 'en' or 'pt-BR'."
        )
    return lang


@lru_cache(maxsize=256)
def _is_lang(lang: str) -> bool:
    return isinstance(lang, str) and LANG_PATTERN.fullmatch(lang) is not None


@lru_cache(maxsize=65_536)
@lru_cache(maxsize=65536)
def tag_slug(tag: str) -> str:
    """The folder name of a tag's page, never a path trick; ``""`` for a blank tag.

    Cached: a site has a few hundred tags, asked for on every run for every article."""
    tag = clean_line(tag)
    if not tag:
        return ""
    slug = slugify(tag)
    if not is_safe_slug(slug):
        # Tags made only of punctuation or a reserved name still need a page.
        slug = "tag-" + hashlib.sha1(tag.encode("utf-8")).hexdigest()[:10]
    elif slug.isdigit():
        slug = "tag-" + slug  # digits alone name an entity's page (entity_slug)
    return slug


def entity_slug(entity_id: int) -> str:
    """The folder name of an entity's tag page: its id, so that the address stays when
    the entity is renamed, relabelled or given another alias (its title says the name)."""
    return str(int(entity_id))


def local_month(moment: datetime, tz: ZoneInfo) -> tuple[int, int]:
    local = to_local(moment, tz)
    return local.year, local.month


def to_local(moment: datetime, tz: ZoneInfo) -> datetime:
    if moment.tzinfo is None:  # naive times from the store are UTC
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return moment.astimezone(tz)


def article_dir(lang: str, year: int, slug: str) -> str:
    return f"{check_lang(lang)}/{year:04d}/{check_slug(slug)}/"


@lru_cache(maxsize=65536)
def article_page(lang: str, year: int, slug: str) -> str:
    return article_dir(lang, year, slug) + "index.html"


def article_json(lang: str, year: int, slug: str) -> str:
    return article_dir(lang, year, slug) + "article.json"


def language_home(lang: str) -> str:
    return f"{check_lang(lang)}/index.html"


def year_archive(lang: str, year: int) -> str:
    return f"{check_lang(lang)}/{year:04d}/index.html"


def tags_index(lang: str) -> str:
    return f"{check_lang(lang)}/tags/index.html"


def tag_page(lang: str, slug: str) -> str:
    return f"{check_lang(lang)}/tags/{check_slug(slug)}/index.html"


def feed(lang: str) -> str:
    return f"{check_lang(lang)}/feed.xml"


_URL_SAFE = re.compile(r"[A-Za-z0-9/._~-]*")


def sitemap_listing(lang: str) -> str:
    return f"sitemaps/{check_lang(lang)}-pages.xml"


def sitemap_month(lang: str, year: int, month: int) -> str:
    # One small part per language and month: publishing an article rewrites a short
    # file, and each part stays far below the 50,000 URLs a sitemap may hold.
    return f"sitemaps/{check_lang(lang)}-{year:04d}-{month:02d}.xml"


def _quote(path: str) -> str:
    # Most paths are plain ASCII; quote() is comparatively slow, so skip it for them.
    return path if _URL_SAFE.fullmatch(path) else quote(path, safe="/")


def _url_path(path: str) -> str:
    """``en/2026/x/index.html`` -> ``en/2026/x/`` percent-encoded, as a link shows it."""
    if path == "index.html":
        path = ""
    elif path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return _quote(path)


@lru_cache(maxsize=200_000)
def absolute_url(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + "/" + _url_path(path)


def relative_url(from_page: str, to_path: str) -> str:
    """A link from the page at ``from_page`` to ``to_path``, both output-relative."""
    here = from_page.split("/")[:-1]
    target_is_dir = to_path == "index.html" or to_path.endswith("/index.html")
    target = to_path.split("/")
    if target_is_dir:
        target = target[:-1]
    common = 0
    for mine, theirs in zip(here, target, strict=False):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(here) - common) + target[common:]
    rel = "/".join(parts)
    if target_is_dir:
        rel = rel + "/" if rel else "./"
    return _quote(rel)


def safe_join(root: Path, relative: str, *, follow_links: bool = True) -> Path:
    """``root / relative``, refusing anything that would end up outside ``root``.

    With ``follow_links`` the final path is resolved too, so a symbolic link
    planted inside ``root`` cannot redirect a write; a fresh build folder the
    publisher created itself can skip that (costly) step.
    """
    parts = relative.split("/")
    if (
        not relative
        or relative.startswith("/")
        or "\\" in relative
        or ":" in relative
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise UnsafePathError(f"Refusing to write outside the output folder: {relative!r}")
    target = root.joinpath(*parts)
    if follow_links and not target.resolve(strict=False).is_relative_to(root.resolve(strict=False)):
        raise UnsafePathError(f"Refusing to write outside the output folder: {relative!r}")
    return target
