"""URL slugs from titles, with transliteration that editors expect.

German umlauts become two letters ("Übernahme für Müller" becomes
``uebernahme-fuer-mueller``), other accents are dropped, and anything that is
not a letter or digit becomes a single hyphen.  Scripts without a Latin form
(Chinese, Japanese, …) keep their characters, which browsers show fine in URLs.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG_LENGTH = 80

# fmt: off
_TRANSLITERATION = str.maketrans(
    {
        "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
        "ẞ": "SS", "æ": "ae", "Æ": "AE", "ø": "oe", "Ø": "OE", "œ": "oe", "Œ": "OE",
        "å": "aa", "Å": "Aa", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th",
        "&": " and ",
    }
)
# fmt: on
_NOT_SLUG = re.compile(r"[^\w]+", re.UNICODE)
# Names Windows keeps for devices, whatever the extension ("aux.html" too).
WINDOWS_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


def slugify(title: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Turn ``title`` into a lowercase, hyphenated slug safe for a path segment.

    Never returns path separators or dot segments; returns ``""`` for a title
    with no letters or digits (the caller decides on a fallback).
    """
    text = (title or "").translate(_TRANSLITERATION)
    # Decompose accents, then drop the combining marks (é -> e) but keep
    # characters of scripts that have no decomposition (人工智能 stays).
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Transliterate again after lowering: a capital the table lacks ("Þ") lowers to a
    # letter it has, and a slug must come out of slugify unchanged (found by hypothesis).
    text = _NOT_SLUG.sub("-", text.lower().translate(_TRANSLITERATION)).replace("_", "-")
    text = re.sub(r"-{2,}", "-", text).strip("-")
    if len(text) > max_length:
        cut = text[:max_length]
        # Cut at a word boundary when one is near the end.
        if "-" in cut[max_length // 2 :]:
            cut = cut[: cut.rindex("-")]
        text = cut.strip("-")
    if text in WINDOWS_DEVICE_NAMES:
        # "Aux", "NUL", "com1": a page folder of that name cannot exist on Windows (and
        # publishing refuses it), so the slug gets a suffix the editor can still read.
        text += "-1"
    return text


def unique_slug(base: str, taken: set[str]) -> str:
    """``base`` or ``base-2``, ``base-3`` … whichever is not in ``taken``."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
