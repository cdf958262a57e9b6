"""The search language an editor types, parsed into a plain value.

    Nvidia "Sam Altman" Chip* -Gerücht lang:de status:published tag:OpenAI
    author:Weber entity:"Sam Altman" after:2026-01-01 before:2026-07

* words must all occur (in any field); ``"…"`` is a phrase; ``word*`` a prefix;
  ``-word`` / ``-"…"`` excludes;
* ``key:value`` filters (value quoted when it has spaces): ``lang``, ``status``,
  ``author``, ``tag``, ``entity``, ``after``, ``before``.  Several values of
  ``lang`` or ``status`` are alternatives; several tags, authors or entities
  must all hold.
* ``entity:`` names an entity by its id (``entity:42``), Wikidata id (``entity:Q42``),
  name, alias or label in any language: articles tagged with it match, whatever
  spelling they were tagged by.  The store resolves it (:func:`with_entities`); a
  value that names no entity is looked for as a phrase in the text instead.

Nothing here raises: anything that is not a valid piece of syntax is taken as
the text it is (an unknown ``key:``, a bad date, an unbalanced quote, ``NEAR``,
``*`` alone, control characters).  A query keeps at most :data:`MAX_TERMS`
terms, so a 10,000-character paste stays a quick search.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from editor.core.search.text import is_cjk, tokens
from editor.core.workflow import Status

MAX_TERMS = 32
MAX_QUERY_CHARS = 10_000
# A prefix shorter than this would expand to most of the vocabulary; it is taken as a word.
MIN_PREFIX = 2

FILTER_KEYS = ("lang", "status", "author", "tag", "entity", "after", "before")
_KEY_ALIASES = {"language": "lang", "sprache": "lang", "by": "author"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_LANG = re.compile(r"^[a-z]{2,3}$")
_SPELL_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Term:
    """A word, prefix or phrase of the query, as search tokens (see :mod:`.text`)."""

    tokens: tuple[str, ...]
    prefix: bool = False
    negated: bool = False
    # Typed with umlauts ("Müller"): the spelled-out tokens ("mueller") are an alternative.
    spelled: tuple[str, ...] = ()

    @property
    def is_phrase(self) -> bool:
        return len(self.tokens) > 1


@dataclass(frozen=True, slots=True)
class Filters:
    languages: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    authors: tuple[tuple[str, ...], ...] = ()  # each as tokens (a phrase in the author field)
    tags: tuple[str, ...] = ()  # tag names, compared without case
    entities: tuple[str, ...] = ()  # as typed: an entity's id, name, alias or label
    # Resolved entity filters: each the ids one ``entity:`` value named (any will do).
    entity_ids: tuple[tuple[int, ...], ...] = ()
    after: date | None = None  # published (or created) on or after
    before: date | None = None  # … before
    include_trashed: bool = False

    def merged(self, other: Filters) -> Filters:
        """These filters and ``other``'s (the options of a command next to the query's)."""
        return Filters(
            languages=_union(self.languages, other.languages),
            statuses=_union(self.statuses, other.statuses),
            authors=_union(self.authors, other.authors),
            tags=_union(self.tags, other.tags),
            entities=_union(self.entities, other.entities),
            entity_ids=_union(self.entity_ids, other.entity_ids),
            after=max((d for d in (self.after, other.after) if d), default=None),
            before=min((d for d in (self.before, other.before) if d), default=None),
            include_trashed=self.include_trashed or other.include_trashed,
        )


def _union(a: tuple[_T, ...], b: tuple[_T, ...]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys((*a, *b)))


@dataclass(frozen=True, slots=True)
class SearchQuery:
    terms: tuple[Term, ...] = ()
    filters: Filters = field(default_factory=Filters)
    truncated: bool = False  # terms beyond MAX_TERMS were left out

    @property
    def positive(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.negated)

    @property
    def negative(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.negated)

    @property
    def is_empty(self) -> bool:
        """Nothing to look for and nothing to filter by."""
        return not self.terms and self.filters == replace(
            Filters(), include_trashed=self.filters.include_trashed
        )

    def with_filters(self, extra: Filters) -> SearchQuery:
        return replace(self, filters=self.filters.merged(extra))

    def with_entities(self, found: Mapping[str, Sequence[int]]) -> SearchQuery:
        """The ``entity:`` values resolved: ``found`` holds the entity ids each named (the
        store looks them up).  A value that named none becomes a phrase of the text."""
        resolved = list(self.filters.entity_ids)
        phrases: list[Term] = []
        for value in self.filters.entities:
            ids = tuple(sorted(set(found.get(value, ()))))
            if ids:
                resolved.append(ids)
                continue
            words = tuple(tokens(value))
            if words:
                phrases.append(Term(tokens=words))
            else:
                resolved.append(())  # neither an entity nor words: nothing matches
        filters = replace(self.filters, entities=(), entity_ids=tuple(dict.fromkeys(resolved)))
        return replace(self, terms=(*self.terms, *phrases), filters=filters)

    def entity_phrases(self) -> tuple[tuple[str, ...], ...]:
        """The ``entity:`` values as token phrases (for highlighting a mention)."""
        return tuple(p for p in (tuple(tokens(v)) for v in self.filters.entities) if p)


# ---------------------------------------------------------------- lexing


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    quoted: bool
    negated: bool
    key: str | None  # "lang" in lang:de


def _pieces(text: str) -> list[_Piece]:
    """Split on spaces, keeping quoted stretches together; a lone quote is a space."""
    text = _CONTROL.sub(" ", text[:MAX_QUERY_CHARS])
    pieces: list[_Piece] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        start = i + 1 if negated else i
        key, value_start = _key_at(text, start)
        j = value_start
        if j < n and text[j] == '"':
            close = text.find('"', j + 1)
            if close != -1:
                pieces.append(_Piece(text[j + 1 : close], True, negated, key))
                i = close + 1
                continue
            # Unbalanced: the quote is dropped and what follows is read as words.
            j += 1
            value_start = j
        end = j
        while end < n and not text[end].isspace() and text[end] != '"':
            end += 1
        word = text[value_start:end]
        if key is not None and not word:
            word, key = text[start:end], None  # "lang:" with nothing after is a word
        pieces.append(_Piece(word, False, negated, key))
        i = end
    return pieces


def _key_at(text: str, start: int) -> tuple[str | None, int]:
    """A filter key at ``start`` ("lang:" → ("lang", after the colon)), else (None, start)."""
    colon = text.find(":", start, start + 12)
    if colon <= start:
        return None, start
    key = text[start:colon].lower()
    key = _KEY_ALIASES.get(key, key)
    if key not in FILTER_KEYS:
        return None, start
    return key, colon + 1


# ---------------------------------------------------------------- parsing


def parse(text: str) -> SearchQuery:
    """The query ``text`` as a :class:`SearchQuery`; never raises."""
    terms: list[Term] = []
    filters = Filters()
    truncated = False
    for piece in _pieces(text if isinstance(text, str) else ""):
        if piece.key is not None:
            found = _filter(piece.key, piece.text)
            if found is not None and not piece.negated:
                filters = filters.merged(found)
                continue
            # Not a valid filter: the whole piece is text, key and all.
            piece = replace(piece, text=f"{piece.key}:{piece.text}", key=None)
        term = _term(piece)
        if term is None:
            continue
        if len(terms) >= MAX_TERMS:
            truncated = True
            continue
        terms.append(term)
    return SearchQuery(terms=tuple(terms), filters=filters, truncated=truncated)


def _term(piece: _Piece) -> Term | None:
    raw = piece.text
    prefix = not piece.quoted and raw.endswith("*")
    found = tuple(tokens(raw))
    if not found:
        return None
    if prefix and not is_cjk(found[-1]) and len(found[-1]) < MIN_PREFIX:
        prefix = False
    spelled: tuple[str, ...] = ()
    lowered = raw.casefold()
    if any(u in lowered for u in "äöü"):
        alternative = tuple(tokens(lowered.translate(_SPELL_OUT)))
        if alternative != found:
            spelled = alternative
    return Term(tokens=found, prefix=prefix, negated=piece.negated, spelled=spelled)


def _filter(key: str, value: str) -> Filters | None:
    value = value.strip()
    if not value:
        return None
    if key == "lang":
        code = value.lower()
        return Filters(languages=(code,)) if _LANG.match(code) else None
    if key == "status":
        status = _status(value)
        return Filters(statuses=(status,)) if status else None
    if key == "tag":
        return Filters(tags=(" ".join(value.split()),))
    if key == "entity":
        name = " ".join(value.split())
        return Filters(entities=(name,))
    if key == "author":
        found = tuple(tokens(value))
        return Filters(authors=(found,)) if found else None
    day = _date(value)
    if day is None:
        return None
    return Filters(after=day) if key == "after" else Filters(before=day)


def _status(value: str) -> str | None:
    wanted = value.lower().replace("-", "_").replace(" ", "_")
    for status in Status:
        if wanted in (status.value, status.label.lower().replace(" ", "_")):
            return status.value
    return None


def _date(value: str) -> date | None:
    """``2026``, ``2026-03`` or ``2026-03-05`` as the first day it names; None if not a date."""
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        return date(year or 1, month or 1, day or 1)
    except ValueError:
        return None
