"""Putting candidates of several languages on one scale, for the related-articles index.

A query article's own language keeps the order its words give; another language's
candidates are placed by how their evidence compares (see fusion.py for the ways, each
measured). Split from :mod:`.index` so that the scoring class stays readable.
"""

from __future__ import annotations

from collections import defaultdict

from editor.core.related.building import IndexBase
from editor.core.related.fusion import (
    Evidence,
    anchored,
    calibrate,
    reciprocal_rank,
    scale_to_best,
)
from editor.core.related.model import RelatedDoc
from editor.core.related.structures import Scored, combined


class LanguageMerge(IndexBase):
    """The index's step from per-language scores to one ranking."""

    def _evidence(
        self, doc: str | RelatedDoc, query_lang: str, scored: dict[int, Scored]
    ) -> dict[int, Evidence]:
        """The learned fusion's inputs for each other-language candidate (see fusion.py)."""
        if self.config.language_fusion != "learned":
            return {}
        vectors = self.semantic
        own = None
        if vectors is not None:
            own = vectors.vector(doc if isinstance(doc, str) else doc.id)
        config = self.config
        words = {d: s.text + config.entity_weight * s.entity for d, s in scored.items()}
        best: dict[str, float] = defaultdict(float)
        for docnum, score in words.items():
            lang = self._entry(docnum).lang
            best[lang] = max(best[lang], score)
        evidence = {}
        for docnum, part in scored.items():
            entry = self._entry(docnum)
            similarity = None
            if vectors is not None and own is not None and entry.lang != query_lang:
                theirs = vectors.vector(entry.doc_id)
                if theirs is not None:
                    similarity = float(own @ theirs)
            evidence[docnum] = Evidence(
                score=words[docnum],
                entity=part.entity,
                relative=words[docnum] / (best[entry.lang] or 1.0),
                similarity=similarity,
            )
        return evidence

    def _normalise_per_language(
        self, scored: dict[int, Scored], query_lang: str, evidence: dict[int, Evidence]
    ) -> dict[int, float]:
        """Make the languages' scores comparable (see fusion.py for the ways, measured).

        Candidates below `min_score` are dropped first, and the boost is capped
        (`max_language_boost`), so a language with only chance matches is not lifted up.
        """
        config = self.config
        kept = {
            d: score
            for d, s in scored.items()
            if (score := combined(s, config)) >= config.min_score
        }
        lang_of = {d: self._entry(d).lang for d in kept}
        fusion = config.language_fusion
        if fusion == "learned":
            return anchored(
                kept,
                lang_of,
                query_lang,
                evidence,
                config.fusion_weights_words,
                config.fusion_weights_vectors,
                (config.fusion_scale_words, config.fusion_scale),
            )
        if fusion == "rank":
            return reciprocal_rank(kept, lang_of)
        if fusion == "calibrate" or (fusion == "legacy" and self.semantic is not None):
            return calibrate(kept, lang_of, query_lang, config.max_language_boost)
        return scale_to_best(kept, lang_of, config.max_language_boost)
