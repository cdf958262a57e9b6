"""What an entity is: a kind, a canonical name, aliases, labels per language.

Plain values with their validation, shared by the store (which keeps them) and the
suggestion code (which matches their names in text).  Every rule that can reject an
editor's input lives here, so the store, the command line and an import give the same
one-line message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class EntityError(ValueError):
    """Input that cannot become an entity; the message is meant for the editor."""


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PRODUCT = "product"
    PLACE = "place"
    TOPIC = "topic"
    EVENT = "event"


KINDS: tuple[str, ...] = tuple(kind.value for kind in EntityKind)

# Long enough for "Bundesministerium für Wirtschaft und Klimaschutz"-style names, short
# enough that a pasted paragraph is refused rather than stored as a name.
MAX_NAME_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 2000

_WIKIDATA = re.compile(r"Q[1-9][0-9]{0,11}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
_SPACES = re.compile(r"\s+")


def parse_kind(value: str) -> EntityKind:
    wanted = value.strip().lower()
    # British and American spelling both name the same kind.
    if wanted == "organization":
        wanted = "organisation"
    try:
        return EntityKind(wanted)
    except ValueError:
        raise EntityError(f"unknown entity kind {value!r} (one of: {', '.join(KINDS)})") from None


def clean_name(value: str, what: str = "name") -> str:
    """A name with its white space tidied, or EntityError."""
    if not isinstance(value, str):
        raise EntityError(f"{what} must be text, not {type(value).__name__}")
    name = _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()
    if not name:
        raise EntityError(f"{what} is empty")
    if len(name) > MAX_NAME_LENGTH:
        raise EntityError(
            f"{what} is {len(name)} characters long (at most {MAX_NAME_LENGTH}): {name[:40]}…"
        )
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise EntityError(f"{what} contains control characters: {name[:40]!r}")
    return name


def name_key(name: str) -> str:
    """The form two names are compared in: "München", "münchen", "MÜNCHEN" are one.

    The entity store's keys and the related-links engine's name ids both use it, so
    a tag and a name found in text meet; split/join is three times the regex's speed
    (the engine keys every name of every article it indexes).
    """
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def clean_wikidata(value: str | None) -> str | None:
    """A Wikidata item id ("Q42"), None for nothing, or EntityError."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    # Editors paste the item's URL as often as its id.
    for prefix in ("https://www.wikidata.org/wiki/", "http://www.wikidata.org/wiki/"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    text = text.upper() if text[:1] == "q" else text
    if not _WIKIDATA.fullmatch(text):
        raise EntityError(f"not a Wikidata item id: {value!r} (expected Q followed by digits)")
    return text


def clean_language(value: str) -> str:
    lang = value.strip()
    if not _LANGUAGE.fullmatch(lang):
        raise EntityError(f"not a language code: {value!r} (expected e.g. de, en, pt-BR)")
    return lang


def parse_label(text: str) -> tuple[str, str]:
    """ "de=München" → ("de", "München")."""
    lang, sep, label = text.partition("=")
    if not sep:
        raise EntityError(f"a label is LANG=TEXT, e.g. de=München, not {text!r}")
    return clean_language(lang), clean_name(label, "label")


def parse_labels(texts: Iterable[str]) -> dict[str, str]:
    """Several "LANG=TEXT"; a language given twice is refused, not silently the last."""
    labels: dict[str, str] = {}
    for text in texts:
        lang, label = parse_label(text)
        if lang in labels and labels[lang] != label:
            raise EntityError(f"two labels for {lang!r}: {labels[lang]!r} and {label!r}")
        labels[lang] = label
    return labels


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation, product, place, topic or event.

    ``labels`` maps a language code to the name used in that language ("de":
    "München" for Munich); ``aliases`` are other names it goes by in any language.
    """

    name: str
    kind: EntityKind = EntityKind.TOPIC
    aliases: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    description: str = ""
    wikidata: str | None = None
    id: int | None = None
    # How much the archive trusts a known name as a suggestion (learning lowers it
    # when editors reject it, raises it when they accept).
    weight: float = 1.0
    articles: int = 0

    def names(self) -> tuple[str, ...]:
        """Every distinct name this entity is found by (canonical first)."""
        seen: dict[str, str] = {}
        for name in (self.name, *self.labels.values(), *self.aliases):
            seen.setdefault(name_key(name), name)
        return tuple(seen.values())

    def label(self, lang: str) -> str:
        return self.labels.get(lang, self.name)


def make_entity(
    name: str,
    kind: str | EntityKind = EntityKind.TOPIC,
    *,
    aliases: tuple[str, ...] | list[str] = (),
    labels: dict[str, str] | None = None,
    description: str = "",
    wikidata: str | None = None,
    id: int | None = None,
    weight: float = 1.0,
    articles: int = 0,
) -> Entity:
    """A validated entity; raises EntityError with the first problem found."""
    clean = clean_name(name)
    clean_labels = {
        clean_language(lang): clean_name(text, f"label {lang!r}")
        for lang, text in (labels or {}).items()
    }
    clean_aliases: list[str] = []
    keys = {name_key(clean)}
    for alias in aliases:
        text = clean_name(alias, "alias")
        if name_key(text) not in keys:
            keys.add(name_key(text))
            clean_aliases.append(text)
    if len(description) > MAX_DESCRIPTION_LENGTH:
        raise EntityError(f"description is longer than {MAX_DESCRIPTION_LENGTH} characters")
    return Entity(
        name=clean,
        kind=kind if isinstance(kind, EntityKind) else parse_kind(kind),
        aliases=tuple(clean_aliases),
        labels=clean_labels,
        description=description.strip(),
        wikidata=clean_wikidata(wikidata),
        id=id,
        weight=weight,
        articles=articles,
    )
