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
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping

# Fewer candidates than this in a language: its mean and spread say little (scale_to_best).
MIN_POOL = 5


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
