"""Words the reader sees on a published page, per language, and date formats.

German and English are built in; any other language falls back to English
labels (the article text itself stays in its own language).  Adding a
language is adding one entry to :data:`LABELS` and :data:`MONTHS`.
"""

from __future__ import annotations

import math
from datetime import date

FALLBACK_LANGUAGE = "en"

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "related": "Related links",
        "recent": "Recent posts",
        "tags": "Tags",
        "all_tags": "All tags",
        "tagged": "Articles tagged “{tag}”",
        "by": "By",
        "published": "Published",
        "updated": "Updated",
        "reading_time": "{minutes} min read",
        "language": "Language",
        "archive": "Archive",
        "archive_year": "Articles from {year}",
        "latest": "Latest articles",
        "feed": "Atom feed",
        "choose_language": "Choose a language",
        "home": "Home",
        "skip": "Skip to content",
        "article_count": "{count} articles",
    },
    "de": {
        "related": "Verwandte Links",
        "recent": "Aktuelle Beiträge",
        "tags": "Schlagwörter",
        "all_tags": "Alle Schlagwörter",
        "tagged": "Beiträge zum Schlagwort „{tag}“",
        "by": "Von",
        "published": "Veröffentlicht",
        "updated": "Aktualisiert",
        "reading_time": "{minutes} Min. Lesezeit",
        "language": "Sprache",
        "archive": "Archiv",
        "archive_year": "Beiträge aus {year}",
        "latest": "Neueste Beiträge",
        "feed": "Atom-Feed",
        "choose_language": "Sprache wählen",
        "home": "Startseite",
        "skip": "Zum Inhalt springen",
        "article_count": "{count} Beiträge",
    },
}

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "de": (
        "Januar", "Februar", "März", "April", "Mai", "Juni",
        "Juli", "August", "September", "Oktober", "November", "Dezember",
    ),
}  # fmt: skip

# Names of languages in themselves, for the switcher's accessible labels.
LANGUAGE_NAMES: dict[str, str] = {
    "de": "Deutsch",
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
}

# Open Graph wants a territory; these are the newsroom's usual ones.
OG_LOCALES: dict[str, str] = {"de": "de_DE", "en": "en_US", "fr": "fr_FR", "es": "es_ES"}

WORDS_PER_MINUTE = 220


def base_language(lang: str) -> str:
    """``"de-AT"`` -> ``"de"``: labels are chosen by the base language."""
    return lang.split("-", 1)[0].lower()


def labels_for(lang: str) -> dict[str, str]:
    return LABELS.get(base_language(lang), LABELS[FALLBACK_LANGUAGE])


def format_date(day: date, lang: str) -> str:
    """A date as readers of ``lang`` write it: "29. November 2026", "29 November 2026"."""
    base = base_language(lang)
    month = MONTHS.get(base, MONTHS[FALLBACK_LANGUAGE])[day.month - 1]
    if base == "de":
        return f"{day.day}. {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def reading_minutes(text: str) -> int:
    """Minutes an average reader needs for ``text`` (at least one)."""
    # Whitespace-separated words: close enough for prose, and fast on long bodies.
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))


def reading_time(text: str, lang: str) -> str:
    return labels_for(lang)["reading_time"].format(minutes=reading_minutes(text))


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(base_language(lang), lang.upper())


def og_locale(lang: str) -> str:
    parts = lang.replace("-", "_").split("_")
    if len(parts) > 1:
        return f"{parts[0].lower()}_{parts[1].upper()}"
    return OG_LOCALES.get(parts[0].lower(), parts[0].lower())
