"""The state a publish run leaves in the output folder, for the next run.

One compact row per article (what its page showed and where it is) and, per
language, a key of the recent posts its pages list; plus the list of the other
files Newsdesk wrote (listings, tag pages, feeds, static files): with the rows it
tells which files in the folder are Newsdesk's, so that a run removes only those
and never a file somebody else put there (``CNAME``, ``.git/``, ``images/``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.publishing import layout, render
from editor.core.publishing.model import ArticleId, SiteSettings
from editor.core.publishing.site import Site, article_tags
from editor.core.publishing.writer import STATE_FILE, old_dir_for, output_lock, recover

# Bump when the layout or the state format changes: the next run rebuilds everything.
STATE_FORMAT = 5  # 4: the recent posts of each language; 5: the other files written


# --- the state kept between runs ------------------------------------------------------------
#
# One compact row per article (lists, not objects: the file is read on every
# run and a large site has many thousands of rows):
#   [id, signature, lang, year, slug, tag slugs, group, related ids, link key, month,
#    listing key]


@dataclass(frozen=True)
class ArticleState:
    id: ArticleId
    signature: str
    lang: str
    year: int
    slug: str
    tags: tuple[str, ...]  # tag slugs
    group: int | str | None
    related: tuple[ArticleId, ...]  # what its page links to as related
    link_key: str  # changes when its title or address changes
    month: int
    listing_key: str  # changes when what list pages show of it changes

    @property
    def page(self) -> str:
        return layout.article_page(self.lang, self.year, self.slug)

    @property
    def json(self) -> str:
        return layout.article_json(self.lang, self.year, self.slug)


class State:
    """The state file as read; rows become :class:`ArticleState` objects on demand."""

    def __init__(
        self,
        fingerprint: str,
        rows: dict[ArticleId, list[Any]],
        encoded: dict[ArticleId, str] | None = None,
        recent: dict[str, str] | None = None,
        files: Collection[str] = (),
    ) -> None:
        self.fingerprint = fingerprint
        # The files Newsdesk wrote besides the articles' pages and JSON files (those
        # follow from the rows): listings, tag pages, feeds, sitemaps, static files.
        self.files: frozenset[str] = frozenset(files)
        self.rows = rows  # as stored, to carry unchanged rows over
        # language -> what its pages' "Recent posts" showed (see recent_keys)
        self.recent: dict[str, str] = recent or {}
        # Each row as JSON, where known: an unchanged row is not encoded again.
        self.encoded: dict[ArticleId, str] = encoded or {}
        self._articles: dict[ArticleId, ArticleState] = {}

    def article(self, article_id: ArticleId) -> ArticleState | None:
        if article_id not in self._articles:
            row = self.rows.get(article_id)
            if row is None:
                return None
            (
                identity,
                signature,
                lang,
                year,
                slug,
                tags,
                group,
                related,
                link_key,
                month,
                listing,
            ) = row
            self._articles[article_id] = ArticleState(
                identity, signature, lang, year, slug, tuple(tags), group, tuple(related),
                link_key, month, listing,
            )  # fmt: skip
        return self._articles[article_id]

    def signature(self, article_id: ArticleId) -> str | None:
        row = self.rows.get(article_id)
        return row[1] if row is not None else None

    def written_files(self) -> set[str]:
        """Every file of the site this state describes: what Newsdesk wrote there."""
        found = set(self.files)
        for article_id in self.rows:
            article = self.article(article_id)
            if article is not None:
                found |= {article.page, article.json}
        return found


def short_hash(*parts: object) -> str:
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def link_key(site: Site, article_id: ArticleId) -> str:
    return short_hash(site.articles[article_id].title, site.page[article_id])


def listing_key(site: Site, article_id: ArticleId) -> str:
    """What the front page, archives and tag pages show of an article (not its body)."""
    a = site.articles[article_id]
    return short_hash(
        a.title,
        a.teaser,
        a.author,
        a.published_at.isoformat(),
        site.page[article_id],
        a.tags,
        a.subjects,  # a relabelled entity retitles its tag pages
    )


def settings_fingerprint(settings: SiteSettings) -> str:
    fields = dataclasses.asdict(settings)
    fields["template_override_dir"] = str(settings.template_override_dir)
    described = json.dumps([STATE_FORMAT, fields], sort_keys=True, default=str)
    templates = render.templates_fingerprint(settings.template_override_dir)
    return hashlib.sha256((described + templates).encode("utf-8")).hexdigest()


def _row(site: Site, article_id: ArticleId, signature: str) -> list[Any]:
    article = site.articles[article_id]
    return [
        article_id,
        signature,
        article.lang,
        site.year[article_id],
        article.slug,
        [slug for _, slug in article_tags(article)],
        article.group,
        [a.id for a in site.related(article_id)],
        link_key(site, article_id),
        site.month[article_id],
        listing_key(site, article_id),
    ]


def new_state(
    site: Site,
    fingerprint: str,
    signatures: dict[ArticleId, str],
    *,
    previous: State | None = None,
    rendered: Collection[str] = (),
    files: Collection[str] = (),
) -> State:
    """The state after this run; rows of untouched articles are carried over from
    ``previous`` (their pages were not rendered, so their links are as before)."""
    rows: dict[ArticleId, list[Any]] = {}
    encoded: dict[ArticleId, str] = {}
    for article_id in site.articles:
        kept = previous.rows.get(article_id) if previous is not None else None
        untouched = (
            kept is not None
            and kept[1] == signatures[article_id]
            and site.page[article_id] not in rendered
        )
        row = rows[article_id] = (
            kept
            if untouched and kept is not None
            else _row(site, article_id, signatures[article_id])
        )
        text = previous.encoded.get(article_id) if untouched and previous is not None else None
        encoded[article_id] = text if text is not None else _encode_row(row)
    return State(fingerprint, rows, encoded, recent_keys(site), files)


def other_files(site: Site, paths: Collection[str]) -> set[str]:
    """Those of ``paths`` that are not an article's page or JSON file."""
    return {p for p in paths if p not in site.page_owner and p not in site.json_owner}


def _encode_row(row: list[Any]) -> str:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def state_bytes(state: State) -> bytes:
    """The state file: ``{"format": .., "fingerprint": .., "articles": [rows]}``, put
    together from the rows' JSON (a large site's rows are mostly unchanged)."""
    head = json.dumps(
        {
            "format": STATE_FORMAT,
            "fingerprint": state.fingerprint,
            "recent": state.recent,
            "files": sorted(state.files),
        },
        ensure_ascii=False,
    )
    rows = ",".join(state.encoded[article_id] for article_id in state.rows)
    return f'{head[:-1]},"articles":[{rows}]}}'.encode()


# The state each output folder was left in by this process, with the state file's
# identity then: a program that publishes again and again does not parse its own file
# each time (on a 10k site that is a tenth of an incremental run).  Any other writer
# changes the file's identity, and the file is read again.
_remembered: dict[Path, tuple[tuple[int, int, int], State]] = {}


def _file_identity(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def remember(output: Path, state: State) -> None:
    identity = _file_identity(output / STATE_FILE)
    if identity is None:
        _remembered.pop(output, None)
    else:
        _remembered[output] = (identity, state)


def load_state(output: Path) -> State | None:
    remembered = _remembered.get(output)
    if remembered is not None and remembered[0] == _file_identity(output / STATE_FILE):
        return remembered[1]
    try:
        document: dict[str, Any] = json.loads((output / STATE_FILE).read_bytes())
        if document.get("format") != STATE_FORMAT:
            return None
        rows = {row[0]: row for row in document["articles"]}
        return State(
            document["fingerprint"],
            rows,
            recent=dict(document["recent"]),
            files=[str(f) for f in document["files"]],
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # no or unreadable state: rebuild everything


def files_written_before(output: Path) -> set[str]:
    """What Newsdesk wrote into ``output`` by the last run, as far as it can tell: all
    files from a current state file; from an older one, the articles' pages and JSON
    files (its rows have the same form); nothing when there is none."""
    state = load_state(output)
    if state is not None:
        return state.written_files()
    try:
        document = json.loads((output / STATE_FILE).read_bytes())
        rows = {row[0]: row for row in document["articles"]}
        return State("", rows).written_files()
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return set()


def recent_keys(site: Site) -> dict[str, str]:
    """Per language, a key of what its article pages list as recent posts: the newest
    ``recent_count + 1`` articles (a page leaves itself out) with their titles,
    addresses and dates."""
    count = site.settings.recent_count + 1
    return {
        lang: short_hash(
            *(
                f"{a.id}\x1e{a.title}\x1e{site.page[a.id]}\x1e{a.published_at.isoformat()}"
                for a in site.recent(lang, count)
            )
        )
        for lang in site.by_lang
    }


# --- what a site folder shows ---------------------------------------------------------------------


def site_shows(output_dir: str | os.PathLike[str]) -> dict[ArticleId, tuple[str, str]] | None:
    """What the site in ``output_dir`` shows: article id -> (signature, page path).

    An interrupted run is finished or undone first (as any run would), so the answer
    is what a reader sees.  ``None``: there is no usable site there.
    """
    output = Path(output_dir).expanduser().resolve()
    if not output.is_dir() and not old_dir_for(output).exists():
        return None
    try:
        with output_lock(output):
            recover(output)
    except OSError:
        return None
    state = load_state(output)
    if state is None:
        return None
    shown: dict[ArticleId, tuple[str, str]] = {}
    for article_id in state.rows:
        row = state.article(article_id)
        if row is not None:
            shown[article_id] = (row.signature, row.page)
    return shown
