"""The engine's tuning knobs and the names its modules share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor.core.related.dictionary import DING_PATH
from editor.core.related.model import Reasons

NO_REASONS = Reasons()

MIN_POSTING_DEPTH = 50
NAME_SCAN_CHARS = 1500
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class BuildCancelled(Exception):
    """The cancel check asked to stop building the index."""


@dataclass(frozen=True)
class RelatedConfig:
    """Tuning knobs; the defaults are what the benchmarks in tests/benchmarks were run with."""

    terms_per_doc: int = 300  # strongest terms kept per article, for exact scoring
    indexed_terms: int = 100  # of those, how many go into the posting lists
    query_terms: int = 40
    posting_cap: int = 3000  # postings read at most per query term
    posting_budget: int = 15000  # postings read per query vector, shared by weight
    rerank: int = 100
    entity_cap: int = 1000  # newest articles read per shared name
    feedback_budget_share: float = 0.5  # the feedback round reads fewer postings
    title_repeats: int = 1
    learn_words_first: bool = True  # a quick pass over all words before splitting compounds
    min_df: int = 2  # a word no other article has cannot match; it would only dilute the norm
    # A word exactly two articles share is strong evidence for that pair, but as often a
    # typo or one-off word: it counts at this weight (measured on 10kGNAD: 0.698 -> 0.703).
    pair_term_weight: float = 0.5
    feedback_docs: int = 3  # pseudo-relevance feedback: expand the query with its best hits
    feedback_weight: float = 1.0
    feedback_terms: int = 300  # expansion terms taken from the feedback hits
    feedback_sharpness: float = 0.0  # feedback hits weigh score**sharpness (0: equally)
    # The feedback round drifts to the topic: in the query's own language it counts at
    # this weight beside the first round (bench_related_news.py, tuning part: a story's
    # other English versions in the top 5 0.847 at 1, 0.861 at 0.5, 0.903 at 0; 10kGNAD
    # German P@5 0.724 at 1, 0.719 at 0.5, 0.714 at 0.25).
    feedback_own_language: float = 0.5
    entity_weight: float = 0.3
    recency_weight: float = 0.1
    recency_half_life_days: float = 30.0
    translation_factor: float = 0.9  # share of a candidate's score its translations inherit
    # Cap on scaling up a weaker language's best match. At 3 rather than 10, unrelated
    # other-language articles in the top 3 fall from 0.153 to 0.014 on the crosslang set
    # (bench_related_crosslang.py), its mixed top-3 recall from 0.766 to 0.736.
    max_language_boost: float = 3.0
    min_score: float = 0.05  # below this (text + weighted names) a candidate is noise
    reason_terms: int = 3
    reason_entities: int = 3
    use_dictionary: bool = True
    dictionary_path: Path = DING_PATH
    # Where the app keeps the word list compiled (dictionary.py); None: parse it each time.
    dictionary_cache: Path | None = None
    # Meaning vectors (optional, see semantic.py): for candidates in another language than
    # the query's, cosine similarity above `semantic_floor` counts, rescaled to 0..1, at
    # this weight; the `semantic_candidates` most similar are scored.
    # Chosen on two thirds of tests/benchmarks/data/crosslang, checked on the rest
    # (bench_related_crosslang.py): there cross-language P@2 0.854 -> 0.958, and unrelated
    # other-language articles in the top 3 0.021 -> 0.007; a floor of 0.75 found a little
    # more (0.969) but let three times as many unrelated ones in.
    semantic_weight: float = 1.0
    semantic_floor: float = 0.8
    semantic_candidates: int = 50
    # How the languages' candidates are merged (fusion.py): "learned" (the query language
    # as the words rank it, other languages placed by a logistic model of their evidence),
    # "legacy" (scale to the best, or calibrate with vectors), "scale", "calibrate", or
    # "rank" (reciprocal-rank fusion). Measured with bench_related_news.py, weights fitted
    # on its tuning part; held-out part, learned against legacy (and TF-IDF):
    # 10kGNAD German P@5 beside English articles 0.688 / 0.606 (0.635), with vectors
    # 0.688 / 0.613; newswire German story's English version in the top 5 0.917 / 0.958,
    # with vectors 1.000 / 1.000; its other German version 0.917 / 1.000 (1.000), with
    # vectors 1.000 / 1.000; English query's other English versions 1.000 / 1.000 (1.000).
    # bench_related_mixed.py (10kGNAD beside English Wikipedia, reporting part): P@5 0.677,
    # with vectors 0.691 (legacy 0.604-0.608; TF-IDF 0.627).
    language_fusion: str = "learned"
    # The learned model's weights over (bias, score, names, standing, meaning similarity):
    # without a meaning vector, and with one (bench_related_news.py --fit).
    fusion_weights_words: tuple[float, ...] = (-8.95, 27.31, -1.18, 4.02, 0.0)
    fusion_weights_vectors: tuple[float, ...] = (-55.36, 7.48, -2.58, 3.24, 60.9)
    # The likelihood times this, times the query language's best, is an other-language
    # candidate's score. The words' likelihoods run lower: at 1 a German story's English
    # version reached the top 5 in 0.667 of the tuning queries, at 2 in 0.833 (at 3,
    # 0.958, but the other German version fell out of it in a fifth of the queries).
    fusion_scale: float = 1.0  # other-language candidates with a meaning vector
    fusion_scale_words: float = 2.0  # and without one
