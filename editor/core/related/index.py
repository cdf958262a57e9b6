"""The related-articles index: an in-memory inverted index kept current as articles change.

How a suggestion is scored, for a query article Q and a candidate C:

- text: cosine of TF-IDF vectors (sublinear tf, smoothed idf, Snowball stems, German
  compound parts; words no other article has are left out). Each article keeps its
  `terms_per_doc` strongest terms and posts its `indexed_terms` strongest; candidates are
  gathered from the posting lists of Q's `query_terms` strongest terms, read strongest first
  within a budget of postings per query, then the best `rerank` are scored exactly.
  Pseudo-relevance feedback: a second round with Q's vector plus its 3 best hits' centroid
  finds same-topic articles worded differently (10kGNAD P@5 0.68 -> 0.70).
- entities: cosine of IDF-weighted name sets (tagged names, or names found in untagged text),
  so sharing a rare name counts more than sharing a common one.
- recency: a small bonus that fades with the days between the two articles.
- languages: each target language is scored on its own (through names, shared words and,
  when the bilingual dictionary is installed, Q's words translated into that language).
  Q's language keeps its ranking; another language's candidate is placed by a learned
  model of its evidence (and its meaning vector's similarity when there is one), so
  other-language articles come in where they report Q's story and stay out otherwise
  (fusion.py). Q's own translations are never suggested; Q's translations are queried
  too, and a candidate's translations inherit most of its score.
- penalties: the app passes rejected ids; a rejected pair's score is scaled down.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Collection, Mapping
from operator import itemgetter
from pathlib import Path

from editor.core.related.config import NO_REASONS, RelatedConfig
from editor.core.related.fusion import (
    Evidence,
)
from editor.core.related.merging import LanguageMerge
from editor.core.related.model import PUBLISHED, RelatedDoc, Suggestion
from editor.core.related.reasons import reasons_for
from editor.core.related.storage import load_index, save_index
from editor.core.related.structures import (
    LiveIdf,
    Query,
    Scored,
    best_candidates,
    combined,
    days_apart,
    dot,
    merge_unit,
    timestamp,
)


class RelatedIndex(LanguageMerge):
    """Suggests related articles; see the module docstring for how they are scored."""

    # --- suggesting -----------------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        """Write the index to `path` (see storage.save_index)."""
        save_index(self, Path(path))

    @classmethod
    def load(
        cls, path: str | Path, config: RelatedConfig | None = None, *, mapped: bool = False
    ) -> RelatedIndex:
        """An index saved by `save`; IndexFileError when the file is missing or damaged.

        ``mapped``: read the file in place, only what queries need (see mapped.py)."""
        return load_index(cls(config), Path(path), mapped=mapped)

    def suggest(
        self,
        doc: str | RelatedDoc,
        top: int = 5,
        *,
        statuses: Collection[str] | None = (PUBLISHED,),
        exclude: Collection[str] = (),
        penalties: Mapping[str, float] | None = None,
        feedback: bool = True,
        posting_budget: int | None = None,
        rerank: int | None = None,
        explain: bool = True,
    ) -> list[Suggestion]:
        """The `top` most related articles for an indexed id or an (unsaved) doc, best first.

        An id the index does not hold gives an empty list.

        `statuses`: candidate statuses (None: any). `exclude`: ids never to suggest.
        `penalties`: id -> strength in 0..1 (a rejected suggestion); its score is multiplied
        by 1 - strength, so 1 removes it and 0.5 halves it. `feedback=False` skips the
        pseudo-relevance feedback round: half the work for a little less quality (10kGNAD
        P@5 0.688 instead of 0.704), for bulk work such as filling every page of a site;
        `posting_budget` caps the postings read per query (default: the config's).
        `rerank` caps the candidates scored exactly per language (default: the config's).
        `explain=False` leaves the reasons empty (a tenth of the time, for bulk work).
        """
        gathered = self._gather(doc, exclude, statuses, feedback, posting_budget, rerank)
        if gathered is None:
            return []
        query, scored, blocked = gathered
        evidence = self._evidence(doc, query.lang, scored)
        final = self._normalise_per_language(scored, query.lang, evidence)
        self._spread_to_translations(final, scored, blocked, statuses)
        self._apply_recency_and_penalties(final, query, penalties)
        # Ties (each language's best is scaled to the same score) go to the stronger raw match.
        config = self.config
        ranked = heapq.nlargest(
            top, final.items(), key=lambda item: (item[1], combined(scored[item[0]], config))
        )
        if not ranked:
            return []
        best_score = ranked[0][1] or 1.0
        return [
            Suggestion(
                self._entry(d).doc_id,
                s / best_score,
                reasons_for(self, query, d, scored[d]) if explain else NO_REASONS,
            )
            for d, s in ranked
            if s > 0
        ]

    def fusion_evidence(
        self, doc: str | RelatedDoc, *, statuses: Collection[str] | None = (PUBLISHED,)
    ) -> dict[str, Evidence]:
        """What speaks for each candidate of a query, by id: the inputs of the learned
        fusion (benchmarks fit its weights on them)."""
        gathered = self._gather(doc, (), statuses, True, None, None)
        if gathered is None:
            return {}
        query, scored, _ = gathered
        evidence = self._evidence(doc, query.lang, scored)
        return {self._entry(d).doc_id: found for d, found in evidence.items()}

    def _gather(
        self,
        doc: str | RelatedDoc,
        exclude: Collection[str],
        statuses: Collection[str] | None,
        feedback: bool,
        posting_budget: int | None,
        rerank: int | None,
    ) -> tuple[Query, dict[int, Scored], set[int]] | None:
        """The query and every candidate's score parts, before the languages are merged."""
        query = self._query_for(doc)
        if query is None:
            return None
        blocked = self._blocked(doc, query, exclude)
        variants = [query, *self._translations_of(query)]
        scored: dict[int, Scored] = {}
        for variant in variants:
            parts = self._score_variant(
                variant,
                blocked,
                statuses,
                feedback=feedback,
                budget=posting_budget,
                rerank=rerank or self.config.rerank,
            )
            for docnum, part in parts.items():
                best = scored.get(docnum)
                if best is None or combined(part, self.config) > combined(best, self.config):
                    if variant is not query:
                        part.via = variant.docnum
                    scored[docnum] = part
        self._add_meaning(doc, query, scored, blocked, statuses)
        return query, scored, blocked

    def prepare_queries(self) -> None:
        """Do now the work the first queries would do lazily (sorting posting lists, loading
        the word list): before the index is shared with worker processes, so that each does
        not repeat it."""
        self._bilingual()
        self._sort_postings()

    # --- query --------------------------------------------------------------------------------

    def _query_for(self, doc: str | RelatedDoc) -> Query | None:
        if isinstance(doc, str):
            docnum = self._by_id.get(doc)
            return None if docnum is None else self._query_from_entry(docnum)
        terms, entities = self._analyse(doc, register=False)
        known = [self._entity_ids[key] for key in entities]
        ids = [self._term_ids[t] for t in terms if t in self._term_ids]
        frequencies = [terms[self._terms[t]] for t in ids]
        # This article is not counted in the statistics, so one other article suffices.
        min_df = max(self.config.min_df - 1, 1)
        term_ids, weights = self._weigh(
            ids, frequencies, LiveIdf(self._term_df, self._doc_count + 1), min_df
        )
        return Query(
            vector=dict(zip(term_ids, weights, strict=True)),
            entities={e: self._entity_idf(e) for e in known},
            lang=doc.lang,
            group=doc.group,
            published=timestamp(doc.published_at),
            docnum=self._by_id.get(doc.id),
        )

    def _query_from_entry(self, docnum: int) -> Query:
        entry = self._entry(docnum)
        return Query(
            vector=dict(zip(entry.term_ids, entry.weights, strict=True)),
            entities={e: self._entity_idf(e) for e in entry.entities},
            lang=entry.lang,
            group=entry.group,
            published=entry.published,
            docnum=docnum,
        )

    def _translations_of(self, query: Query) -> list[Query]:
        if query.group is None:
            return []
        members = self._groups.get(query.group, set())
        return [self._query_from_entry(d) for d in sorted(members) if d != query.docnum]

    def _blocked(self, doc: str | RelatedDoc, query: Query, exclude: Collection[str]) -> set[int]:
        """Docnums never to suggest: the article itself, its translations, `exclude`."""
        blocked = {self._by_id[i] for i in exclude if i in self._by_id}
        doc_id = doc if isinstance(doc, str) else doc.id
        if doc_id in self._by_id:
            blocked.add(self._by_id[doc_id])
        if query.group is not None:
            blocked |= self._groups.get(query.group, set())
        return blocked

    def _score_variant(
        self,
        query: Query,
        blocked: set[int],
        statuses: Collection[str] | None,
        *,
        feedback: bool = True,
        budget: int | None = None,
        rerank: int,
    ) -> dict[int, Scored]:
        """Candidates for one query article; with feedback, a second round with its best hits.

        Pseudo-relevance feedback: the query vector plus the centroid of its best first-round
        hits finds articles on the same topic that use other words than the query itself.
        """
        config = self.config
        names = self._entity_matches(query, blocked, statuses, rerank)
        budget = budget or config.posting_budget
        results = self._score_vector(query, names, blocked, statuses, budget, rerank)
        if not feedback or config.feedback_docs <= 0 or not results:
            return results
        best = heapq.nlargest(
            config.feedback_docs, results.items(), key=lambda item: combined(item[1], config)
        )
        centroid: dict[int, float] = defaultdict(float)
        scores = [combined(scored, config) ** config.feedback_sharpness for _, scored in best]
        total = sum(scores) or 1.0
        for (docnum, _), score in zip(best, scores, strict=True):
            share = config.feedback_weight * score / total
            entry = self._entry(docnum)
            for term_id, weight in zip(entry.term_ids, entry.weights, strict=True):
                centroid[term_id] += share * weight
        vector = dict(query.vector)
        for term_id, weight in heapq.nlargest(
            config.feedback_terms, centroid.items(), key=itemgetter(1)
        ):
            vector[term_id] = vector.get(term_id, 0.0) + weight
        strongest = heapq.nlargest(config.terms_per_doc, vector.items(), key=itemgetter(1))
        norm = math.sqrt(sum(w * w for _, w in strongest)) or 1.0
        expanded = Query(
            vector={t: w / norm for t, w in strongest},
            entities=query.entities,
            lang=query.lang,
            group=query.group,
            published=query.published,
            docnum=query.docnum,
        )
        budget = int(budget * config.feedback_budget_share)
        second = self._score_vector(expanded, names, blocked, statuses, budget, rerank)
        for scored in second.values():
            scored.query = query  # explain with the article's own words, not the expansion
        self._keep_own_language(query, results, second)
        return second

    def _keep_own_language(
        self, query: Query, first: dict[int, Scored], second: dict[int, Scored]
    ) -> None:
        """In the query's own language the feedback round's text score counts only at
        `feedback_own_language` beside the first round's: the expansion drifts to the
        topic, which finds other-language articles but ranks a story's other versions
        below same-topic articles in its own language."""
        share = self.config.feedback_own_language
        if share >= 1.0:
            return
        for docnum in first.keys() | second.keys():
            if self._entry(docnum).lang != query.lang:
                continue
            before, after = first.get(docnum), second.get(docnum)
            if after is None:
                assert before is not None
                before.text *= 1.0 - share
                second[docnum] = before
            else:
                after.text = share * after.text + (1.0 - share) * (before.text if before else 0.0)

    def _score_vector(
        self,
        query: Query,
        names: list[tuple[int, float]],
        blocked: set[int],
        statuses: Collection[str] | None,
        budget: int,
        rerank: int,
    ) -> dict[int, Scored]:
        """Candidates of every language for one query vector, with their score parts.

        `names` are the candidates sharing names with the query and their name scores.
        """
        config = self.config
        strongest = heapq.nlargest(config.query_terms, query.vector.items(), key=itemgetter(1))
        results: dict[int, Scored] = {}
        vectors: dict[str, dict[int, float]] = {}
        for lang, by_term in self._postings.items():
            vector = query.vector
            translated = False
            if lang != query.lang:
                extra = self._translate(strongest, query.lang, lang)
                if extra:
                    vector, translated = merge_unit(query.vector, extra), True
            vectors[lang] = vector
            terms = (
                heapq.nlargest(config.query_terms, vector.items(), key=itemgetter(1))
                if translated
                else strongest
            )
            for docnum in best_candidates(by_term, terms, budget, config.posting_cap, rerank):
                if self._allowed(docnum, blocked, statuses):
                    entry = self._entry(docnum)
                    text = dot(vector, entry.term_ids, entry.weights)
                    results[docnum] = Scored(text=text, translated=translated, query=query)
        for docnum, name_score in names:
            scored = results.get(docnum)
            if scored is None:
                entry = self._entry(docnum)
                vector = vectors.get(entry.lang, query.vector)
                text = dot(vector, entry.term_ids, entry.weights)
                scored = results[docnum] = Scored(text=text, query=query)
            scored.entity = name_score
        return results

    def _add_meaning(
        self,
        doc: str | RelatedDoc,
        query: Query,
        scored: dict[int, Scored],
        blocked: set[int],
        statuses: Collection[str] | None,
    ) -> None:
        """Score the other languages' articles closest in meaning, when vectors are there."""
        vectors = self.semantic
        doc_id = doc if isinstance(doc, str) else doc.id
        own = None if vectors is None else vectors.vector(doc_id)
        if vectors is None or own is None:
            return
        config = self.config
        floor = config.semantic_floor
        nearest = vectors.nearest(own, other_than_lang=query.lang, top=config.semantic_candidates)
        for candidate_id, similarity in nearest:
            docnum = self._by_id.get(candidate_id)
            if docnum is None or similarity <= floor:
                continue
            if not self._allowed(docnum, blocked, statuses):
                continue
            part = scored.get(docnum)
            if part is None:
                entry = self._entry(docnum)
                text = dot(query.vector, entry.term_ids, entry.weights)
                part = scored[docnum] = Scored(text=text, query=query)
            part.semantic = (similarity - floor) / (1.0 - floor)

    def _entity_matches(
        self, query: Query, blocked: set[int], statuses: Collection[str] | None, rerank: int
    ) -> list[tuple[int, float]]:
        """The candidates sharing the most (rarity-weighted) names with the query: cosine."""
        if not query.entities:
            return []
        overlap: dict[int, float] = {}
        get = overlap.get
        cap = self.config.entity_cap
        for entity_id, weight in query.entities.items():
            squared = weight * weight
            for docnum in self._entity_postings[entity_id][-cap:]:  # newest first
                overlap[docnum] = get(docnum, 0.0) + squared
        best = heapq.nlargest(rerank, overlap.items(), key=itemgetter(1))
        return [
            (docnum, shared / (query.entity_norm * self._entry(docnum).entity_norm))
            for docnum, shared in best
            if self._allowed(docnum, blocked, statuses)
        ]

    def _allowed(self, docnum: int, blocked: set[int], statuses: Collection[str] | None) -> bool:
        entry = self._entries[docnum]
        return (
            entry is not None
            and docnum not in blocked
            and (statuses is None or entry.status in statuses)
        )

    def _translate(
        self, strongest: list[tuple[int, float]], source: str, target: str
    ) -> dict[int, float]:
        """The query's strongest terms in `target`'s words, through the bilingual dictionary."""
        dictionary = self._bilingual()
        if dictionary is None:
            return {}
        translated: dict[int, float] = defaultdict(float)
        for term_id, weight in strongest:
            word = self._surface.get(self._terms[term_id], "").lower()
            options = dictionary.translate(word, source, target)
            for option in options:
                stem = self._analyzer.stem(option, target)
                target_id = self._term_ids.get(stem)
                if target_id is not None:
                    translated[target_id] += weight / len(options)
        return translated

    def _spread_to_translations(
        self,
        final: dict[int, float],
        scored: dict[int, Scored],
        blocked: set[int],
        statuses: Collection[str] | None,
    ) -> None:
        """A related article's translations are related too (slightly less)."""
        factor = self.config.translation_factor
        for docnum, score in list(final.items()):
            group = self._entry(docnum).group
            if group is None:
                continue
            for sibling in self._groups.get(group, ()):
                inherited = score * factor
                if (
                    sibling != docnum
                    and inherited > final.get(sibling, 0.0)
                    and self._allowed(sibling, blocked, statuses)
                ):
                    final[sibling] = inherited
                    source = scored[docnum]
                    scored[sibling] = Scored(
                        text=source.text,
                        entity=source.entity,
                        semantic=source.semantic,
                        via=docnum,
                        query=source.query,
                    )

    def _apply_recency_and_penalties(
        self, final: dict[int, float], query: Query, penalties: Mapping[str, float] | None
    ) -> None:
        config = self.config
        for docnum, score in final.items():
            entry = self._entry(docnum)
            days = days_apart(query.published, entry.published)
            if days is not None:
                fade = 0.5 ** (days / config.recency_half_life_days)
                score *= 1.0 + config.recency_weight * fade
            if penalties:
                strength = min(max(penalties.get(entry.doc_id, 0.0), 0.0), 1.0)
                score *= 1.0 - strength
            final[docnum] = score
