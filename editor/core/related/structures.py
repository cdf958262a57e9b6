"""The index's compact records, posting lists and the small arithmetic of scoring."""

from __future__ import annotations

import math
from array import array
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import repeat
from operator import mul, neg

import numpy as np

from editor.core.related.config import MIN_POSTING_DEPTH, RelatedConfig


class Entry:
    """An indexed article: what the index needs of it, compactly."""

    __slots__ = (
        "doc_id",
        "entities",
        "entity_norm",
        "group",
        "lang",
        "published",
        "status",
        "term_ids",
        "weights",
    )

    def __init__(
        self,
        doc_id: str,
        lang: str,
        group: str | None,
        published: float | None,
        status: str,
        term_ids: array[int],
        weights: array[float],
        entities: tuple[int, ...],
        entity_norm: float,
    ) -> None:
        self.doc_id = doc_id
        self.lang = lang
        self.group = group
        self.published = published
        self.status = status
        self.term_ids = term_ids
        self.weights = weights
        self.entities = entities
        self.entity_norm = entity_norm


Counted = tuple["array[int]", "array[float]", tuple[int, ...]]


class LiveIdf:
    """IDF computed on demand from the current statistics (for single updates)."""

    def __init__(self, term_df: list[int], doc_count: int) -> None:
        self._df = term_df
        self._n = doc_count

    def __getitem__(self, term_id: int) -> float:
        return math.log((1.0 + self._n) / (1.0 + self._df[term_id])) + 1.0

    def __len__(self) -> int:
        return len(self._df)


class Posting:
    """Articles containing one term, strongest weight first once sorted."""

    __slots__ = ("docs", "is_sorted", "weights")

    def __init__(self) -> None:
        self.docs: array[int] = array("I")
        self.weights: array[float] = array("f")
        self.is_sorted = True

    def insert(self, docnum: int, weight: float) -> None:
        """Add one article where its weight belongs: the list stays sorted."""
        at = bisect_right(self.weights, -weight, key=neg)
        self.docs.insert(at, docnum)
        self.weights.insert(at, weight)

    def sort(self) -> None:
        if self.is_sorted:
            return
        weights = self.weights
        order = sorted(range(len(weights)), key=weights.__getitem__, reverse=True)
        self.docs = array("I", [self.docs[i] for i in order])
        self.weights = array("f", [weights[i] for i in order])
        self.is_sorted = True


@dataclass
class Scored:
    """A candidate's score parts while one query is being answered."""

    text: float = 0.0
    entity: float = 0.0
    semantic: float = 0.0  # meaning-vector similarity, rescaled (other languages only)
    translated: bool = False
    # docnum of the query's translation that found it, or of the candidate's own
    # translation whose score it inherited
    via: int | None = None
    query: Query | None = None


class Query:
    """The query article's vectors: a stored entry or an unsaved doc analysed on the fly."""

    __slots__ = ("docnum", "entities", "entity_norm", "group", "lang", "published", "vector")

    def __init__(
        self,
        vector: dict[int, float],
        entities: dict[int, float],
        lang: str,
        group: str | None,
        published: float | None,
        docnum: int | None,
    ) -> None:
        self.vector = vector
        self.entities = entities
        self.entity_norm = math.sqrt(sum(w * w for w in entities.values())) or 1.0
        self.lang = lang
        self.group = group
        self.published = published
        self.docnum = docnum


def best_candidates(
    by_term: Mapping[int, Posting],
    terms: list[tuple[int, float]],
    budget: int,
    cap: int,
    count: int,
) -> list[int]:
    """The `count` articles with the largest partial dot products with the query `terms`.

    Posting lists are read strongest first; a term gets a share of the `budget` (postings
    read per query) in proportion to its weight, at most `cap`, so heavy query terms look
    deeper and the time per query stays bounded however large the archive grows. The
    postings (arrays of the index) are summed per article by NumPy, without copying them:
    a fifth of the time of a Python loop over the same ~15,000 postings.
    """
    present = [(by_term[t], w) for t, w in terms if t in by_term]
    total_weight = sum(w for _, w in present) or 1.0
    docs, weights = [], []
    for posting, query_weight in present:
        if not posting.is_sorted:
            posting.sort()
        depth = min(cap, max(MIN_POSTING_DEPTH, int(budget * query_weight / total_weight)))
        depth = min(depth, len(posting.docs))
        docs.append(np.frombuffer(posting.docs, dtype=np.uint32, count=depth))
        weights.append(np.frombuffer(posting.weights, dtype=np.float32, count=depth) * query_weight)
    if not docs:
        return []
    sums = np.bincount(np.concatenate(docs), weights=np.concatenate(weights))
    found = np.flatnonzero(sums)
    if len(found) > count:
        found = found[np.argpartition(-sums[found], count - 1)[:count]]
    found = found[np.argsort(-sums[found], kind="stable")]  # strongest first, as before
    return found.tolist()


def dot(vector: Mapping[int, float], term_ids: array[int], weights: array[float]) -> float:
    # map() keeps the loop in C: this runs for every re-ranked candidate.
    return sum(map(mul, map(vector.get, term_ids, repeat(0.0)), weights))


def merge_unit(vector: Mapping[int, float], extra: Mapping[int, float]) -> dict[int, float]:
    merged = dict(vector)
    for term_id, weight in extra.items():
        merged[term_id] = merged.get(term_id, 0.0) + weight
    norm = math.sqrt(sum(w * w for w in merged.values())) or 1.0
    return {t: w / norm for t, w in merged.items()}


def combined(scored: Scored, config: RelatedConfig) -> float:
    return (
        scored.text
        + config.entity_weight * scored.entity
        + config.semantic_weight * scored.semantic
    )


def timestamp(moment: datetime | None) -> float | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def days_apart(a: float | None, b: float | None) -> int | None:
    if a is None or b is None:
        return None
    return round(abs(a - b) / 86400)
