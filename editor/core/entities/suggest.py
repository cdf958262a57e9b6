"""Suggestions for an article: known entities found in it and new names, merged.

Each suggestion carries its kind, a score in 0..1, how often it is mentioned and why it
is suggested ("known: 12 articles", "new name, 3 mentions").  Names already tagged, and
names the editor rejected for this article, are left out; names rejected elsewhere
arrive with a lower weight.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from editor.core.entities.extractor import LABEL_KINDS, Span
from editor.core.entities.matcher import KnownMatcher, Mention
from editor.core.entities.model import Entity, EntityKind, name_key
from editor.core.entities.text import Token, sentences

# Below this a suggestion is not shown. Low, because the model's confidence in a name
# it did find is often modest (English: a few hundred training sentences).
DEFAULT_MIN_SCORE = 0.35
NEW_NAME_CAP = 0.95
# Kinds the model knows (its training data annotates them): when it ran and did not take
# a known name of these kinds for a name here, the word is probably used otherwise
# ("Bild" the picture, "Union" the union): measured on GermEval-2014 with the training
# split's names as the archive, 13 of 14 such suggestions were wrong. It is shown only
# for an entity the archive uses often, or when it is mentioned again and again.
# Topics, products and events the model cannot judge.
_MODEL_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE})


class Tagger(Protocol):
    def tag(self, tokens: Sequence[str]) -> list[Span]: ...


@dataclass(frozen=True, slots=True)
class Suggestion:
    name: str
    kind: EntityKind
    score: float
    reason: str
    count: int
    entity_id: int | None = None

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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _model_spans(
    tagger: Tagger, text: str, sents: Sequence[Sequence[Token]]
) -> list[tuple[int, int, str, float]]:
    out = []
    for sentence in sents:
        for span in tagger.tag([t.text for t in sentence]):
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
) -> list[Suggestion]:
    """Suggestions for ``text``, best first.

    ``rejected`` holds the name keys (:func:`name_key`) the editor rejected for this
    article; ``name_weights`` the weight learnt for new names (1 when absent).
    """
    weights = name_weights or {}
    tallies: dict[str | int, _Tally] = {}
    covered: list[tuple[int, int]] = []
    spans: list[tuple[int, int, str, float]] = []
    if tagger is not None:
        sents = tokens if tokens is not None else sentences(text)
        spans = _model_spans(tagger, text, sents)
    if known is not None:
        for mention in known.find(text):
            if any(
                s <= mention.start and mention.end <= e and e - s > mention.end - mention.start
                for s, e, _, _ in spans
            ):
                continue  # part of a longer name the model found: "Bayern" in "FC Bayern"
            entity = known.by_id[mention.entity_id]
            tally = tallies.setdefault(entity.id or 0, _Tally(entity.name, entity.kind))
            tally.entity_id = entity.id
            tally.count += 1
            covered.append((mention.start, mention.end))
    if spans:
        for start, end, label, score in spans:
            name = text[start:end]
            key = name_key(name)
            entity_id = known.by_key.get(key) if known is not None else None
            if entity_id is not None and entity_id in tallies:
                tallies[entity_id].confirmed = True
                continue
            if any(s <= start and end <= e for s, e in covered):
                continue  # part of a known name: "München" inside "Bayern München"
            kind = LABEL_KINDS.get(label, EntityKind.TOPIC)
            tally = tallies.setdefault(key, _Tally(name, kind))
            if entity_id is not None and known is not None:
                # A known name the matcher's case rule left out ("apple" for Apple).
                tally.entity_id, tally.kind = entity_id, known.by_id[entity_id].kind
            tally.count += 1
            tally.scores.append(score)
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
        doubted = model_ran and not confirmed and entity.kind in _MODEL_KINDS
        base = min(1.0, ((_doubted(entity) if doubted else 0.75) + repeat) * entity.weight)
        if confirmed:
            base = 1 - (1 - base) * 0.3  # the model took it for a name too
        reason = f"known: {_plural(entity.articles, 'article')}"
        return Suggestion(entity.name, entity.kind, base, reason, tally.count, entity.id)
    model = sum(tally.scores) / len(tally.scores)
    # A new name stays below a known one the model confirms.
    score = min(NEW_NAME_CAP, model + repeat) * weights.get(name_key(tally.name), 1.0)
    reason = f"new name, {_plural(tally.count, 'mention')}"
    return Suggestion(tally.name, tally.kind, score, reason, tally.count)
