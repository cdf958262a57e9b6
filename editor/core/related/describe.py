"""Reasons for a suggestion in words, in English or German."""

from __future__ import annotations

from editor.core.related.model import Reasons

_LABELS = {
    "en": {
        "shares": "shares {}",
        "terms": "similar terms: {}",
        "same_day": "same day",
        "one_day": "1 day apart",
        "days": "{} days apart",
        "via": "related to its translation",
        "translated": "matched across languages",
        "meaning": "similar in meaning",
        "none": "similar text",
    },
    "de": {
        "shares": "gemeinsam: {}",
        "terms": "ähnliche Begriffe: {}",
        "same_day": "am selben Tag",
        "one_day": "1 Tag auseinander",
        "days": "{} Tage auseinander",
        "via": "verwandt mit der Übersetzung",
        "translated": "sprachübergreifend gefunden",
        "meaning": "inhaltlich ähnlich",
        "none": "ähnlicher Text",
    },
}


def describe(reasons: Reasons, lang: str = "en") -> str:
    """One line such as "shares OpenAI, Sam Altman; similar terms: Finanzierung; 3 days apart".

    `lang` is the UI language ("en" or "de"; anything else falls back to English).
    """
    labels = _LABELS.get(lang, _LABELS["en"])
    parts = []
    if reasons.shared_entities:
        parts.append(labels["shares"].format(", ".join(reasons.shared_entities)))
    if reasons.shared_terms:
        parts.append(labels["terms"].format(", ".join(reasons.shared_terms)))
    if reasons.via_translation is not None:
        parts.append(labels["via"])
    elif reasons.similar_meaning:
        parts.append(labels["meaning"])
    elif reasons.translated_terms:
        parts.append(labels["translated"])
    if reasons.days_apart is not None:
        parts.append(_days(reasons.days_apart, labels))
    return "; ".join(parts) if parts else labels["none"]


def _days(days: int, labels: dict[str, str]) -> str:
    if days == 0:
        return labels["same_day"]
    if days == 1:
        return labels["one_day"]
    return labels["days"].format(days)
