"""Site settings: what belongs to the site, stored in the archive (shared in team mode).

The site's name, its base URL (canonical links, Open Graph, sitemap, feeds), its
languages (the first is the default one), the language a new article starts in,
a folder of templates overriding the built-in ones, and the folder the site is
published to.  The window's settings dialog and ``newsdesk settings`` both go
through :class:`SettingsService`: every value is checked here, and a bad one is
refused with one sentence saying what is wrong and what would do.

What belongs to the person (the name shown as author, the editor's font, the
theme, the interface language, shortcuts) is kept by the window in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from editor.app import config
from editor.app.changes import SettingsChanged
from editor.core.languages import DEFAULT_SITE_LANGUAGES, LANGUAGE_NAMES
from editor.store import articles as store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.store.database import Session

# Where the values live in the archive's ``setting`` table (the publishing keys
# predate this module; the site dictionary keeps its shape).
STORED_SITE = "publishing.site"
STORED_OUTPUT = "publishing.output_dir"
STORED_DEFAULT_LANGUAGE = "articles.default_language"

SITE_DEFAULTS: dict[str, Any] = {
    "site_name": "Newsdesk",
    "base_url": "https://example.org/",
    "languages": list(DEFAULT_SITE_LANGUAGES),
    "fill_related_with_suggestions": True,
    "related_count": 5,
    "recent_count": 5,
    "template_override_dir": None,
    "footer_text": "",
}

MAX_NAME_LENGTH = 120


class SettingError(ValueError):
    """A value the setting cannot take; the message says why, in one sentence.

    ``key``: the setting refused (None when the key itself is unknown)."""

    key: str | None = None


@dataclass(frozen=True)
class SettingInfo:
    key: str
    label: str
    help: str


# The public keys, in the order the dialog and `newsdesk settings get` show them.
SETTINGS: tuple[SettingInfo, ...] = (
    SettingInfo("site.name", "Site name", "shown in page titles, feeds and the header"),
    SettingInfo(
        "site.base_url", "Base URL", "where the site is online: canonical links, sitemap, feeds"
    ),
    SettingInfo("site.languages", "Languages", "ISO 639-1 codes; the first is the default"),
    SettingInfo(
        "site.default_language", "Language of a new article", "one of the site's languages"
    ),
    SettingInfo("site.templates", "Templates folder", "overrides the built-in templates"),
    SettingInfo("site.output", "Output folder", "where the site is published"),
)
KEYS = tuple(info.key for info in SETTINGS)


# ---------------------------------------------------------------- checking values


def check_site_name(value: Any) -> str:
    name = " ".join(str(value or "").split())
    if not name:
        raise SettingError("The site name cannot be empty.")
    if len(name) > MAX_NAME_LENGTH:
        raise SettingError(f"The site name is longer than {MAX_NAME_LENGTH} characters.")
    return name


def check_base_url(value: Any) -> str:
    url = str(value or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingError(
            f"The base URL {url!r} must be absolute, start with http:// or https:// "
            "and name a host, like https://news.example.org/."
        )
    if parts.query or parts.fragment:
        raise SettingError("The base URL must not contain '?' or '#'.")
    if any(c.isspace() for c in url):
        raise SettingError("The base URL must not contain spaces.")
    return url if url.endswith("/") else url + "/"


def check_language(value: Any) -> str:
    code = str(value or "").strip().lower()
    if code not in LANGUAGE_NAMES:
        raise SettingError(
            f"{str(value)!r} is not an ISO 639-1 language code (two letters, like de, en, fr)."
        )
    return code


def check_languages(value: Any) -> list[str]:
    """A list, or text like "de, en" or "de en"; each an ISO 639-1 code, once."""
    items = value if isinstance(value, list | tuple) else str(value or "").replace(",", " ").split()
    codes = [check_language(item) for item in items]
    if not codes:
        raise SettingError("The site needs at least one language, like de or en.")
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        raise SettingError(f"A language is listed twice: {', '.join(twice)}.")
    return codes


def check_folder(value: Any, *, must_exist: bool) -> str | None:
    """An absolute folder path ("~" expanded); empty means "the default"."""
    text = str(value or "").strip()
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        raise SettingError(f"{text} is not an absolute path; give the whole path, like ~/site.")
    if path.exists() and not path.is_dir():
        raise SettingError(f"{path} is a file, not a folder.")
    if must_exist and not path.is_dir():
        raise SettingError(f"The folder {path} does not exist.")
    return str(path)


# ---------------------------------------------------------------- the site's languages


def site_languages(chosen: Sequence[str] | None, in_use: Sequence[str]) -> tuple[str, ...]:
    """The languages the site is published in; the first is its default language.

    ``chosen``: the languages set in the settings (``None`` or empty: not chosen);
    ``in_use``: the languages of the archive's articles."""
    if chosen:
        return tuple(dict.fromkeys(chosen))
    return tuple(dict.fromkeys([*DEFAULT_SITE_LANGUAGES, *sorted(in_use)]))


def stored_site(session: Session) -> dict[str, Any]:
    """The site dictionary as stored (only what someone set)."""
    stored: dict[str, Any] = store.get_setting(session, STORED_SITE, {}) or {}
    return stored


def languages_of(session: Session, stored: Mapping[str, Any]) -> tuple[str, ...]:
    """The site's languages (:func:`site_languages`) for the stored site dictionary:
    the archive's articles are asked only when none were chosen."""
    chosen = stored.get("languages")
    return site_languages(chosen, () if chosen else store.languages_in_use(session))


# ---------------------------------------------------------------- the service


class SettingsService:
    """Reads and changes the site settings of the archive."""

    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._db = workspace.db

    def values(self) -> dict[str, Any]:
        """Every public setting by key, as it takes effect now (defaults filled in)."""
        with self._db.session() as s:
            site = {**SITE_DEFAULTS, **stored_site(s)}
            output = store.get_setting(s, STORED_OUTPUT)
            default_language = store.get_setting(s, STORED_DEFAULT_LANGUAGE)
        # The languages chosen, or the defaults; unlike the publisher's (languages_of),
        # not those of the articles: a new article starts in de, not in the samples' zh.
        languages = list(site["languages"])
        if default_language not in languages:  # unset, or the site dropped that language
            default_language = languages[0] if languages else DEFAULT_SITE_LANGUAGES[0]
        return {
            "site.name": site["site_name"],
            "site.base_url": site["base_url"],
            "site.languages": languages,
            "site.default_language": default_language,
            "site.templates": site["template_override_dir"] or "",
            "site.output": output or str(config.default_site_dir()),
        }

    def get(self, key: str) -> Any:
        return self.values()[_known(key)]

    def default_language(self) -> str:
        """The language a new article starts in."""
        language: str = self.values()["site.default_language"]
        return language

    def set(self, key: str, value: Any) -> Any:
        """Check and store one setting; returns the value as stored."""
        return self.update({key: value})[key]

    def update(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Check every value first, then store them all in one transaction (nothing is
        stored when one is refused); returns the settings as they are now."""
        for key in changes:
            _known(key)
        current = self.values()
        checked = {key: _check(key, value) for key, value in changes.items()}
        languages = checked.get("site.languages", current["site.languages"])
        wanted_default = checked.get("site.default_language")
        if wanted_default is not None and wanted_default not in languages:
            raise _about(
                "site.default_language",
                SettingError(
                    f"The language of a new article ({wanted_default}) must be one of the "
                    f"site's languages ({', '.join(languages)})."
                ),
            )
        with self._db.session(write=True) as s:
            site = dict(store.get_setting(s, STORED_SITE, {}) or {})
            for key, value in checked.items():
                if key in _SITE_FIELDS:
                    site[_SITE_FIELDS[key]] = value
                elif key == "site.output":
                    store.set_setting(s, STORED_OUTPUT, value)
                elif key == "site.default_language":
                    store.set_setting(s, STORED_DEFAULT_LANGUAGE, value)
            store.set_setting(s, STORED_SITE, site)
        self._ws.changes.publish(SettingsChanged(keys=tuple(checked)))
        return self.values()


_SITE_FIELDS = {
    "site.name": "site_name",
    "site.base_url": "base_url",
    "site.languages": "languages",
    "site.templates": "template_override_dir",
}

_CHECKS: dict[str, Callable[[Any], Any]] = {
    "site.name": check_site_name,
    "site.base_url": check_base_url,
    "site.languages": check_languages,
    "site.default_language": check_language,
    "site.templates": lambda value: check_folder(value, must_exist=True),
    "site.output": lambda value: check_folder(value, must_exist=False),
}


def _about(key: str, error: SettingError) -> SettingError:
    error.key = key
    return error


def _check(key: str, value: Any) -> Any:
    try:
        return _CHECKS[key](value)
    except SettingError as error:
        raise _about(key, error) from None


def _known(key: str) -> str:
    if key not in KEYS:
        raise SettingError(f"There is no setting {key!r}; the settings are: {', '.join(KEYS)}.")
    return key
