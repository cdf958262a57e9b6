"""The site's settings as publishing reads them: stored in the archive, with defaults.

The site's languages are worked out in one place, ``editor.app.settings.site_languages``:
the languages stored in the settings when someone chose them; otherwise the
defaults plus every language the archive's articles are written in, so that a
new archive (the samples are in German, English and Chinese) publishes as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from editor.app import config
from editor.app.settings import (
    SITE_DEFAULTS,
    STORED_OUTPUT,
    STORED_SITE,
    languages_of,
    stored_site,
)
from editor.core.publishing import SiteSettings
from editor.store import articles as article_store
from editor.store.database import Database

# The site settings live in the archive (editor/app/settings.py checks and stores them).
SETTING_SITE = STORED_SITE
SETTING_OUTPUT = STORED_OUTPUT
DEFAULT_SITE = SITE_DEFAULTS


def load_site_settings(db: Database) -> SiteSettings:
    with db.session() as s:
        stored = stored_site(s)
        languages = languages_of(s, stored)
    values = {**DEFAULT_SITE, **stored}
    override = values.get("template_override_dir")
    return SiteSettings(
        site_name=str(values["site_name"]),
        base_url=str(values["base_url"]),
        languages=languages,
        fill_related_with_suggestions=bool(values["fill_related_with_suggestions"]),
        related_count=int(values["related_count"]),
        recent_count=int(values["recent_count"]),
        template_override_dir=Path(override) if override else None,
        footer_text=str(values["footer_text"]),
    )


def update_site_settings(db: Database, changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(DEFAULT_SITE)
    if unknown:
        raise ValueError(f"unknown site settings: {', '.join(sorted(unknown))}")
    with db.session(write=True) as s:
        stored = dict(article_store.get_setting(s, SETTING_SITE, {}) or {})
        stored.update(changes)
        article_store.set_setting(s, SETTING_SITE, stored)


def output_dir(db: Database) -> Path:
    with db.session() as s:
        stored = article_store.get_setting(s, SETTING_OUTPUT)
    return Path(stored) if stored else config.default_site_dir()


def set_output_dir(db: Database, path: Path) -> None:
    with db.session(write=True) as s:
        article_store.set_setting(s, SETTING_OUTPUT, str(path))


def forbidden_dirs(db: Database) -> list[Path]:
    """Folders the site must never be written into: the app's data folder, and the
    archive file itself (a site folder beside the archive file is fine: it holds
    none of its data)."""
    forbidden = [config.data_dir()]
    if db.path is not None:
        forbidden.append(db.path)
    return forbidden
