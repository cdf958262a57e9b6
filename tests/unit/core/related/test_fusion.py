"""Merging the languages' candidates: a standout in the other language competes with the
query language's best; the best of a flat pool of chance matches does not."""

from __future__ import annotations

import math

from editor.core.related.fusion import (
    Evidence,
    anchored,
    calibrate,
    likelihood,
    reciprocal_rank,
    scale_to_best,
)

GERMAN = {n: 0.5 - 0.05 * n for n in range(8)}  # 0.50, 0.45, ... 0.15


def _lang_of(scores: dict[int, float]) -> dict[int, str]:
    return {d: "de" if d < 100 else "en" for d in scores}


def test_the_best_of_a_pool_of_alike_matches_is_not_lifted_to_the_top() -> None:
    # Six other-language candidates as good as each other: none stands out.
    flat = {100 + n: score for n, score in enumerate((0.2, 0.2, 0.2, 0.19, 0.19, 0.19, 0.05, 0.05))}
    scores = GERMAN | flat
    scaled = scale_to_best(scores, _lang_of(scores), boost=3.0)
    calibrated = calibrate(scores, _lang_of(scores), "de", boost=3.0)
    assert scaled[100] == max(scaled.values()), "scaling puts the best chance match first"
    top2 = sorted(calibrated, key=calibrated.__getitem__, reverse=True)[:2]
    assert 100 not in top2 and calibrated[100] < scaled[100]
    assert all(calibrated[d] == s for d, s in GERMAN.items()), "the query language stays"


def test_a_standout_of_the_other_language_competes_with_the_best() -> None:
    standout = {100: 0.3} | {101 + n: 0.06 + 0.002 * n for n in range(7)}
    scores = GERMAN | standout
    calibrated = calibrate(scores, _lang_of(scores), "de", boost=3.0)
    top3 = sorted(calibrated, key=calibrated.__getitem__, reverse=True)[:3]
    assert 100 in top3
    assert all(calibrated[d] >= s for d, s in standout.items()), "never below its own score"
    assert all(calibrated[d] <= 3.0 * s for d, s in standout.items()), "boost capped"


def test_small_pools_fall_back_to_scaling() -> None:
    scores = {0: 0.5, 1: 0.4, 100: 0.1}
    assert calibrate(scores, _lang_of(scores), "de", 3.0) == scale_to_best(
        scores, _lang_of(scores), 3.0
    )


def test_each_language_is_measured_once_with_the_same_result(monkeypatch) -> None:
    import random
    import statistics

    from editor.core.related import fusion

    rng = random.Random(5)
    scores = {d: rng.uniform(0.05, 1.0) for d in range(300)}
    lang_of = {d: ("de", "en", "fr")[d % 3] if d < 296 else "it" for d in scores}
    calls: list[int] = []
    measure = fusion._mean_spread
    monkeypatch.setattr(fusion, "_mean_spread", lambda pool: calls.append(1) or measure(pool))

    result = calibrate(scores, lang_of, "de", 3.0)

    assert len(calls) == 3  # de, en, fr; "it" has too few to measure
    scaled = scale_to_best(scores, lang_of, 3.0)
    ref = [s for d, s in scores.items() if lang_of[d] == "de"]
    ref_mean, ref_spread = statistics.fmean(ref), statistics.pstdev(ref)
    for d, score in scores.items():
        pool = [s for e, s in scores.items() if lang_of[e] == lang_of[d]]
        if lang_of[d] == "de":
            expected = score
        elif len(pool) < fusion.MIN_POOL:
            expected = scaled[d]
        else:
            z = (score - statistics.fmean(pool)) / statistics.pstdev(pool)
            expected = min(max(ref_mean + z * ref_spread, score), score * 3.0)
        assert result[d] == expected


def test_rank_fusion_puts_each_languages_best_level_and_keeps_each_order() -> None:
    scores = GERMAN | {100: 0.05, 101: 0.02}
    fused = reciprocal_rank(scores, _lang_of(scores))
    assert fused[0] == fused[100], "each language's best meet at the top"
    german = sorted(GERMAN, key=fused.__getitem__, reverse=True)
    assert german == sorted(GERMAN, key=GERMAN.__getitem__, reverse=True)
    assert fused[101] < fused[100]


def _evidence(similarity: float | None, score: float = 0.05) -> Evidence:
    return Evidence(score=score, entity=0.0, relative=1.0, similarity=similarity)


WORDS = (-3.0, 10.0, 0.0, 1.0, 0.0)
VECTORS = (-40.0, 0.0, 0.0, 0.0, 48.0)  # likely only from a similarity of about 0.83 up


def test_learned_fusion_never_moves_the_query_language() -> None:
    scores = GERMAN | {100: 0.3, 101: 0.3}
    evidence = {100: _evidence(0.95), 101: _evidence(0.70)}
    fused = anchored(scores, _lang_of(scores), "de", evidence, WORDS, VECTORS)
    assert all(fused[d] == s for d, s in GERMAN.items())
    ranked = sorted(fused, key=fused.__getitem__, reverse=True)
    assert ranked.index(100) <= 1, "a close meaning lands beside the best"
    assert ranked[-1] == 101, "an unrelated one sinks, however high its language's best"


def test_learned_fusion_uses_the_word_weights_without_a_vector() -> None:
    scores = GERMAN | {100: 0.3}
    fused = anchored(scores, _lang_of(scores), "de", {100: _evidence(None)}, WORDS, VECTORS)
    expected = GERMAN[0] * likelihood(_evidence(None), WORDS)
    assert math.isclose(fused[100], expected)
    assert fused[100] < GERMAN[0]
