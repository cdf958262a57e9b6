"""Suggestions for an article: known entities found in it and new names, merged.

Each suggestion carries its kind, a score in 0..1, how often it is mentioned and why it
is suggested ("known: 12 articles", "new name, 3 mentions").  Names already tagged, and
names the editor rejected for this article, are left out; names rejected elsewhere
arrive with a lower weight.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from editor.core.entities.datelines import with_datelines
from editor.core.entities.extractor import LABEL_KINDS, Span
from editor.core.entities.matcher import KnownMatcher, Mention
from editor.core.entities.model import Entity, EntityKind, name_key
from editor.core.entities.text import Token, is_english, sentences
from editor.core.texts import translate

# Below this a suggestion is not shown. Low, because the model's confidence in a name
# it did find is often modest (English: a few hundred training sentences).
DEFAULT_MIN_SCORE = 0.35
NEW_NAME_CAP = 0.95
# Kinds the model knows (its training data annotates them): when it ran and did not take
# a known name of these kinds for a name here, the word is probably used otherwise
# ("Bild" the picture, "Union" the union): measured on GermEval-2014 with the training
# split's names as the archive, 13 of 14 such suggestions were wrong. It is shown only
# for an entity the archive uses often, or when it is mentioned again and again.
# Topics, products and events the model cannot judge, unless the archive hardly knows
# them either (one article): such a topic the model does not see as a name here was
# wrong 6 times in 7 (GermEval-2014 dev, the training split's names as the archive).
_MODEL_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE})


class ModelFallback(StrEnum):
    """What finds new names when a language's model cannot be used."""

    SHIPPED = "shipped"  # the retrained model is damaged: the one installed with Newsdesk
    CAPITALISED = "capitalised"  # English without a model: capitalised words
    KNOWN_ONLY = "known"  # no new names: the archive's known entities only


class Tagger(Protocol):
    def tag(self, tokens: Sequence[str]) -> list[Span]: ...

    def tag_sentences(self, sents: Sequence[Sequence[str]]) -> list[list[Span]]:
        """Spans per sentence (a model decodes a whole article at once)."""
        ...


@dataclass(frozen=True, slots=True)
class Suggestion:
    name: str
    kind: EntityKind
    score: float
    reason: str
    count: int
    entity_id: int | None = None
    # How the name is written in the text ("CeBIT" for the known entity "Cebit").
    surfaces: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kind": self.kind.value,
            "score": round(self.score, 3),
            "reason": self.reason,
        }


class KnownEntities:
    """The archive's entities by id, with a matcher over all their names."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.by_id: dict[int, Entity] = {}
        self.by_key: dict[str, int] = {}
        self.matcher = KnownMatcher()
        for entity in entities:
            self.add(entity)

    def __len__(self) -> int:
        return len(self.by_id)

    def add(self, entity: Entity) -> None:
        if entity.id is None:
            raise ValueError("a known entity needs its id")
        self.by_id[entity.id] = entity
        for name in entity.names():
            self.by_key.setdefault(name_key(name), entity.id)
            self.matcher.add(entity.id, name)

    def find(self, text: str) -> list[Mention]:
        return self.matcher.find(text)


@dataclass
class _Tally:
    name: str
    kind: EntityKind
    count: int = 0
    scores: list[float] = field(default_factory=list)
    entity_id: int | None = None
    confirmed: bool = False  # the model also took a known name for a name
    surfaces: set[str] = field(default_factory=set)


class _Intervals:
    """Disjoint character ranges in text order (model spans, known mentions): which one
    holds a given range, by bisection rather than a scan per lookup."""

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        self._ranges = sorted(ranges)
        self._starts = [s for s, _ in self._ranges]

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        k = bisect_right(self._starts, start) - 1
        if k >= 0 and self._ranges[k][1] >= end:
            return self._ranges[k]
        return None


def _known_reason(articles: int) -> str:
    # Whole phrases, singular and plural apart: the interface translates them (the
    # window installs the translator; the CLI and tests keep the English).
    if articles == 1:
        return translate("entities", "known: 1 article")
    return translate("entities", "known: {n} articles").format(n=articles)


def _new_reason(mentions: int) -> str:
    if mentions == 1:
        return translate("entities", "new name, 1 mention")
    return translate("entities", "new name, {n} mentions").format(n=mentions)


def _model_spans(
    tagger: Tagger, text: str, sents: Sequence[Sequence[Token]]
) -> list[tuple[int, int, str, float]]:
    out = []
    tagged = tagger.tag_sentences([[t.text for t in sentence] for sentence in sents])
    for sentence, found in zip(sents, tagged, strict=True):
        for span in found:
            start, end = sentence[span.start].start, sentence[span.end - 1].end
            out.append((start, end, span.label, span.score))
    return out


def suggest(
    text: str,
    *,
    known: KnownEntities | None = None,
    tagger: Tagger | None = None,
    tagged: Collection[int] = (),
    rejected: Collection[str] = (),
    name_weights: Mapping[str, float] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    limit: int | None = 30,
    tokens: Sequence[Sequence[Token]] | None = None,
    lang: str = "",
) -> list[Suggestion]:
    """Suggestions for ``text``, best first.

    ``rejected`` holds the name keys (:func:`name_key`) the editor rejected for this
    article; ``name_weights`` the weight learnt for new names (1 when absent).  ``lang``
    is the article's language: its words and sentences are cut by that language's rules
    (text.py), and an English dateline's place is a place (datelines.py).
    """
    weights = name_weights or {}
    tallies: dict[str | int, _Tally] = {}
    covered: dict[tuple[int, int], int] = {}  # known mentions → their entity
    spans: list[tuple[int, int, str, float]] = []
    if tagger is not None:
        sents = tokens if tokens is not None else sentences(text, lang)
        spans = _model_spans(tagger, text, sents)
        if is_english(lang):
            spans = with_datelines(text, spans)
    span_at = _Intervals([(s, e) for s, e, _, _ in spans])
    if known is not None:
        for mention in known.find(text):
            outer = span_at.around(mention.start, mention.end)
            if outer is not None and outer != (mention.start, mention.end):
                continue  # part of a longer name the model found: "Bayern" in "FC Bayern"
            entity = known.by_id[mention.entity_id]
            tally = tallies.setdefault(entity.id or 0, _Tally(entity.name, entity.kind))
            tally.entity_id = entity.id
            tally.count += 1
            tally.surfaces.add(mention.text)
            covered[(mention.start, mention.end)] = entity.id or 0
    if spans:
        known_at = _Intervals(list(covered))
        for start, end, label, score in spans:
            name = text[start:end]
            key = name_key(name)
            entity_id = known.by_key.get(key) if known is not None else None
            if entity_id is not None and entity_id in tallies:
                tallies[entity_id].confirmed = True
                tallies[entity_id].surfaces.add(name)
                continue
            outer = known_at.around(start, end)
            if outer is not None:
                # Part of a known name ("München" inside "Bayern München"): the model
                # saw a name there, so the known one is confirmed rather than lost.
                tallies[covered[outer]].confirmed = True
                continue
            kind = LABEL_KINDS.get(label, EntityKind.TOPIC)
            tally = tallies.setdefault(key, _Tally(name, kind))
            if entity_id is not None and known is not None:
                # A known name the matcher's case rule left out ("apple" for Apple).
                tally.entity_id, tally.kind = entity_id, known.by_id[entity_id].kind
            tally.count += 1
            tally.scores.append(score)
            tally.surfaces.add(name)
    out = []
    tagged_ids = set(tagged)
    rejected_keys = set(rejected)
    for tally in tallies.values():
        if tally.entity_id in tagged_ids or name_key(tally.name) in rejected_keys:
            continue
        suggestion = _score(tally, known, weights, tagger is not None)
        if suggestion.score >= min_score:
            out.append(suggestion)
    out.sort(key=lambda s: (-s.score, -s.count, s.name))
    return out[:limit] if limit else out


def _doubted(entity: Entity) -> float:
    return 0.5 if entity.articles >= 3 else 0.3


def _score(
    tally: _Tally, known: KnownEntities | None, weights: Mapping[str, float], model_ran: bool
) -> Suggestion:
    repeat = 0.05 * min(tally.count - 1, 4)
    if tally.entity_id is not None and known is not None:
        entity = known.by_id[tally.entity_id]
        confirmed = tally.confirmed or bool(tally.scores)
        doubted = (
            model_ran and not confirmed and (entity.kind in _MODEL_KINDS or entity.articles <= 1)
        )
        base = min(1.0, ((_doubted(entity) if doubted else 0.75) + repeat) * entity.weight)
        if confirmed:
            base = 1 - (1 - base) * 0.3  # the model took it for a name too
        reason = _known_reason(entity.articles)
        surfaces = tuple(sorted(tally.surfaces))
        return Suggestion(entity.name, entity.kind, base, reason, tally.count, entity.id, surfaces)
    model = max(tally.scores)
    # A new name stays below a known one the model confirms.
    score = min(NEW_NAME_CAP, model + repeat) * weights.get(name_key(tally.name), 1.0)
    reason = _new_reason(tally.count)
    surfaces = tuple(sorted(tally.surfaces))
    return Suggestion(tally.name, tally.kind, score, reason, tally.count, None, surfaces)
