"""Merging the languages' candidates into one list (pure functions over scores).

Each language's candidates are scored on their own terms (the query's words, or their
translations, names, meaning), so their scores are not comparable as they are:

- `scale_to_best`: each language's best is lifted to the overall best (at most
  `boost` times), so one language does not crowd out the other. Without meaning vectors
  this is what finds the other language's articles at all (on the cross-language set,
  other-language articles of the story in the top 5: 0.35 -> 0.98).
- `calibrate`: with meaning vectors, the other languages' scores are mapped onto the query
  language's through their z-scores (a candidate counts by how far it stands out of its own
  language's candidates, not by the size of that language's best), never below its raw score
  and at most `boost` times it. Measured (bench_related_mixed.py, tuning third; and
  bench_related_crosslang.py): German P@5 beside unrelated English articles 0.629 -> 0.641,
  cross-language mixed R@3 0.845 -> 0.852, unrelated other-language articles in the top 3
  0.037 -> 0.007. Without vectors the same mapping lost cross-language finds (mixed R@3
  0.736 -> 0.583), so it is used only with them.
- `reciprocal_rank`: each candidate at 1 / (k + its rank in its own language). Where every
  story has both languages it finds the most (newswire set, held-out part: German to
  English in the top 5 1.000), but every list interleaves the languages, so beside an
  unrelated other language the query language loses a place in five (10kGNAD beside
  English: P@5 0.606 against TF-IDF 0.671, tuning part).
- `anchored` (the default, "learned"): the query language's scores stay as the words give
  them; an other-language candidate goes in at the query language's best times a logistic
  model's chance that it reports the same story, from absolute evidence (its score, names,
  standing in its language, and the raw meaning-vector cosine when there is one). Weights
  fitted on the tuning part of bench_related_news.py: the only way measured that keeps
  German ranking above TF-IDF beside English articles (10kGNAD P@5 0.719, with vectors
  0.72, against 0.671) while finding the English versions of a German story (figures in
  config.py).
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Fewer candidates than this in a language: its mean and spread say little (scale_to_best).
MIN_POOL = 5
RRF_K = 60.0  # the usual constant of reciprocal-rank fusion
# The learned fusion places another language's candidate at most this share of the query
# language's best: a reader's first suggestion is in their language when it has one.
BELOW_BEST = 0.99


def scale_to_best(
    scores: Mapping[int, float], lang_of: Mapping[int, str], boost: float
) -> dict[int, float]:
    best: dict[str, float] = defaultdict(float)
    for docnum, score in scores.items():
        best[lang_of[docnum]] = max(best[lang_of[docnum]], score)
    overall = max(best.values(), default=0.0)
    factors = {lang: min(overall / b, boost) if b > 0 else 0.0 for lang, b in best.items()}
    return {d: s * factors[lang_of[d]] for d, s in scores.items()}


def calibrate(
    scores: Mapping[int, float], lang_of: Mapping[int, str], query_lang: str, boost: float
) -> dict[int, float]:
    pools: dict[str, list[float]] = defaultdict(list)
    for docnum, score in scores.items():
        pools[lang_of[docnum]].append(score)
    reference = pools.get(query_lang, [])
    if len(pools) < 2 or len(reference) < MIN_POOL:
        return scale_to_best(scores, lang_of, boost)
    scaled = scale_to_best(scores, lang_of, boost)  # for pools too small to calibrate
    # Once per language, not per candidate: pstdev is exact (fractions), and a bulk fill
    # spent three quarters of its time here (fill lists of a 2,000-article site: 63 s of 88).
    spreads = {lang: _mean_spread(pool) for lang, pool in pools.items() if len(pool) >= MIN_POOL}
    ref_mean, ref_spread = spreads[query_lang]
    result = {}
    for docnum, score in scores.items():
        lang = lang_of[docnum]
        if lang == query_lang:
            result[docnum] = score
        elif lang not in spreads:
            result[docnum] = scaled[docnum]
        else:
            mean, spread = spreads[lang]
            mapped = ref_mean + (score - mean) / spread * ref_spread
            result[docnum] = min(max(mapped, score), score * boost)
    return result


def _mean_spread(values: list[float]) -> tuple[float, float]:
    return statistics.fmean(values), statistics.pstdev(values) or 1e-9


def reciprocal_rank(
    scores: Mapping[int, float], lang_of: Mapping[int, str], k: float = RRF_K
) -> dict[int, float]:
    """Reciprocal-rank fusion of the per-language lists: a candidate counts by its rank in
    its own language (1 / (k + rank)), so every language's best meet at the top."""
    by_lang: dict[str, list[int]] = defaultdict(list)
    for docnum in scores:
        by_lang[lang_of[docnum]].append(docnum)
    fused = {}
    for members in by_lang.values():
        members.sort(key=lambda d: -scores[d])
        for rank, docnum in enumerate(members, 1):
            fused[docnum] = 1.0 / (k + rank)
    return fused


@dataclass(frozen=True)
class Evidence:
    """What speaks for an other-language candidate, in absolute terms.

    `score`: its words-and-names score (text through the word list, plus names);
    `relative`: that score over the best of its language for this query (how far it
    stands out); `similarity`: the raw cosine of the meaning vectors, None without them.
    """

    score: float
    entity: float
    relative: float
    similarity: float | None


def evidence_features(evidence: Evidence) -> tuple[float, ...]:
    """The features the learned weights multiply: bias, score, names, standing, meaning."""
    return (1.0, evidence.score, evidence.entity, evidence.relative, evidence.similarity or 0.0)


def likelihood(evidence: Evidence, weights: Sequence[float]) -> float:
    """The logistic model's chance that the candidate reports the query's story."""
    z = sum(w * f for w, f in zip(weights, evidence_features(evidence), strict=True))
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def anchored(
    scores: Mapping[int, float],
    lang_of: Mapping[int, str],
    query_lang: str,
    evidence: Mapping[int, Evidence],
    weights_words: Sequence[float],
    weights_vectors: Sequence[float],
    scales: tuple[float, float] = (1.0, 1.0),
) -> dict[int, float]:
    """The query language's scores as they are; each other-language candidate placed at the
    query language's best times its learned likelihood, times `scales[0]` without a meaning
    vector or `scales[1]` with one (the words' likelihoods run lower: scaled up, their
    best still reach the top five).

    The query language's order never changes, so its ranking is the words' ranking: meaning
    vectors can only move other-language candidates, and only where the evidence (absolute
    similarity, not the size of the other language's best) says so. Candidates with a
    meaning vector use `weights_vectors`, the others `weights_words`.
    """
    anchor = max((s for d, s in scores.items() if lang_of[d] == query_lang), default=0.0)
    anchor = anchor or max(scores.values(), default=1.0)
    fused = {}
    for docnum, score in scores.items():
        found = evidence.get(docnum)
        if lang_of[docnum] == query_lang or found is None:
            fused[docnum] = score
            continue
        if found.similarity is None:
            share = scales[0] * likelihood(found, weights_words)
        else:
            share = scales[1] * likelihood(found, weights_vectors)
        fused[docnum] = anchor * min(share, BELOW_BEST)
    return fused
