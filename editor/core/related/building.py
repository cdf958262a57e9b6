"""Building the related-articles index and keeping it current as articles change:
analysis, term statistics, weighting, posting lists (see index.py for the scoring)."""

from __future__ import annotations

import heapq
import itertools
import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Self

import numpy as np

from editor.core.entities.model import name_key
from editor.core.related.config import (
    NAME_SCAN_CHARS,
    BuildCancelled,
    IsCancelled,
    Progress,
    RelatedConfig,
)
from editor.core.related.dictionary import BilingualDictionary, load_dictionary
from editor.core.related.mapped import MappedFile
from editor.core.related.model import RelatedDoc
from editor.core.related.semantic import SemanticVectors
from editor.core.related.storage import read_the_rest
from editor.core.related.structures import Counted, Entry, LiveIdf, Posting, timestamp
from editor.core.related.text import Analyzer, find_names, plain_text


class IndexBase:
    """The index's data: articles as compact term vectors, term and name statistics,
    posting lists per language; built at once or kept current one article at a time."""

    def __init__(self, config: RelatedConfig | None = None) -> None:
        self.config = config or RelatedConfig()
        self._dictionary: BilingualDictionary | None = None
        self._dictionary_loaded = False
        self._analyzer = Analyzer(self._is_known_word)
        self._entries: list[Entry | None] = []
        self._by_id: dict[str, int] = {}
        self._groups: dict[str, set[int]] = defaultdict(set)
        self._term_ids: dict[str, int] = {}
        self._terms: list[str] = []
        self._term_df: list[int] = []
        self._surface: dict[str, str] = {}  # stem -> a readable word form for reasons
        self._entity_ids: dict[str, int] = {}
        self._entity_names: list[str] = []
        self._entity_df: list[int] = []
        self._entity_postings: list[array[int]] = []
        self._postings: dict[str, dict[int, Posting]] = defaultdict(dict)
        self._posting_later = False  # a build posts every article's terms at the end
        self._tombstones = 0
        self._doc_count = 0  # articles counted into the term statistics
        # Meaning vectors by article id, when the app has a multilingual model (semantic.py).
        self.semantic: SemanticVectors | None = None
        # The file a loaded index reads in place until it changes (mapped.py).
        self._mapped: MappedFile | None = None

    # --- building and keeping current ---------------------------------------------------

    @classmethod
    def build(
        cls,
        docs: Iterable[RelatedDoc],
        *,
        config: RelatedConfig | None = None,
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
    ) -> Self:
        """Index `docs` in two passes (term statistics first, so every weight uses final IDF).

        `progress(done, total)` is called now and then; `is_cancelled()` returning True stops
        the build with BuildCancelled.
        """
        index = cls(config)
        all_docs = list(docs)
        total = len(all_docs)

        def report(phase_start: float, phase_share: float, done: int) -> None:
            # Phases take roughly these shares of the time: words 10%, analysis 55%, rest 35%.
            share = phase_start + phase_share * done / max(total, 1)
            index._report(int(total * share), total, progress, is_cancelled)

        report(0.0, 0.0, 0)
        index._bilingual()  # load the word list (a few seconds) before, not inside, a phase
        if index.config.learn_words_first:
            # Every German word of the archive counts as known for splitting compounds, not
            # only those of articles analysed earlier: the split does not depend on order.
            for done, doc in enumerate(all_docs, 1):
                if done % 1024 == 0:
                    report(0.0, 0.1, done)
                if doc.lang == "de":
                    index._analyzer.learn(doc.title, doc.body)
        counted = []
        for done, doc in enumerate(all_docs, 1):
            if done % 256 == 0:
                report(0.1, 0.55, done)
            counted.append(index._count(index._analyse(doc)))
        idf = index._idf_table()
        tables = (np.array(idf), np.array(index._term_df))  # the weighting, vectorised
        index._posting_later = True  # all at once below: much faster than list by list
        for done, (doc, counts) in enumerate(zip(all_docs, counted, strict=True), 1):
            if done % 256 == 0:
                report(0.65, 0.3, done)
            index._store(doc, counts, idf, tables=tables)
        index._posting_later = False
        index._post_all_terms()
        index._report(total, total, progress, None)
        return index

    def add_or_update(self, doc: RelatedDoc) -> None:
        """Index a saved or imported article, replacing its earlier version if any.

        Its weights use the statistics of the moment; older articles keep theirs until the
        next build, which is fine while the archive changes little (the palette's "Rebuild
        Related-Links Index" builds anew).
        """
        self._materialize()
        self.remove(doc.id)
        counted = self._count(self._analyse(doc))
        self._store(doc, counted, LiveIdf(self._term_df, self._doc_count), keep_sorted=True)

    def remove(self, doc_id: str) -> None:
        """Forget a deleted article (no error when it was not indexed)."""
        self._materialize()
        docnum = self._by_id.pop(doc_id, None)
        if docnum is None:
            return
        entry = self._entries[docnum]
        assert entry is not None
        self._entries[docnum] = None
        self._tombstones += 1
        self._doc_count -= 1
        for term_id in entry.term_ids:
            self._term_df[term_id] -= 1
        for entity_id in entry.entities:
            self._entity_df[entity_id] -= 1
        if entry.group is not None:
            self._groups[entry.group].discard(docnum)
        if self._tombstones > max(1000, len(self._by_id) // 4):
            self._compact()

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._by_id

    # --- analysis ---------------------------------------------------------------------------

    def _analyse(
        self, doc: RelatedDoc, register: bool = True
    ) -> tuple[dict[str, float], dict[str, None]]:
        """Term frequencies and name keys of an article (new names registered unless a query
        asks not to: an unsaved draft must leave the index as it was)."""
        title = plain_text(doc.title)
        body = plain_text(doc.body)
        text = "\n".join([title] * self.config.title_repeats + [body])
        words = self._analyzer.count_words(text)
        terms = self._analyzer.terms_of_words(words, doc.lang, self._surface)
        # Untagged: names from the title and the opening (where news names its subjects;
        # scanning whole long articles would double the build time of an untagged archive).
        names = doc.entities or tuple(
            find_names(f"{title}.\n{body[:NAME_SCAN_CHARS]}", doc.lang, words)
        )
        entities: dict[str, None] = {}  # ordered, so that runs agree exactly
        for name in names:
            key = name_key(name)
            if key and (register or key in self._entity_ids):
                entities[key] = None
                if key not in self._entity_ids:
                    self._entity_ids[key] = len(self._entity_names)
                    self._entity_names.append(" ".join(name.split()))
                    self._entity_df.append(0)
                    self._entity_postings.append(array("I"))
        return terms, entities

    def _is_known_word(self, word: str) -> bool:
        dictionary = self._bilingual()
        return dictionary is not None and dictionary.is_german_word(word)

    def _bilingual(self) -> BilingualDictionary | None:
        if not self._dictionary_loaded:
            self._dictionary_loaded = True
            if self.config.use_dictionary:
                self._dictionary = load_dictionary(
                    self.config.dictionary_path, self.config.dictionary_cache
                )
        return self._dictionary

    def _count(self, analysed: tuple[dict[str, float], dict[str, None]]) -> Counted:
        """Add an analysed article to the statistics; its terms as compact id/frequency arrays."""
        terms, entities = analysed
        self._doc_count += 1
        term_ids, term_df = self._term_ids, self._term_df
        ids = []
        for term in terms:
            term_id = term_ids.get(term)
            if term_id is None:
                term_id = term_ids[term] = len(self._terms)
                self._terms.append(term)
                term_df.append(0)
            term_df[term_id] += 1
            ids.append(term_id)
        entity_ids = tuple(self._entity_ids[key] for key in entities)
        for entity_id in entity_ids:
            self._entity_df[entity_id] += 1
        return array("I", ids), array("f", terms.values()), entity_ids

    def _store(
        self,
        doc: RelatedDoc,
        counted: Counted,
        idf: Sequence[float] | LiveIdf,
        *,
        keep_sorted: bool = False,
        tables: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> None:
        ids, frequencies, entity_ids = counted
        if tables is not None:
            term_ids, weights = self._weigh_vectorised(ids, frequencies, *tables)
        else:
            term_ids, weights = self._weigh(ids, frequencies, idf, self.config.min_df)
        entity_weights = [self._entity_idf(e) for e in entity_ids]
        entry = Entry(
            doc_id=doc.id,
            lang=doc.lang,
            group=doc.group,
            published=timestamp(doc.published_at),
            status=doc.status,
            term_ids=term_ids,
            weights=weights,
            entities=entity_ids,
            entity_norm=math.sqrt(sum(w * w for w in entity_weights)) or 1.0,
        )
        self._insert_entry(entry, keep_sorted=keep_sorted)

    def _post(self, docnum: int, entry: Entry, *, keep_sorted: bool = False) -> None:
        """Add the article's strongest terms and its names to the posting lists."""
        self._post_terms(docnum, entry, keep_sorted=keep_sorted)
        for entity_id in entry.entities:
            self._entity_postings[entity_id].append(docnum)

    def _post_terms(self, docnum: int, entry: Entry, *, keep_sorted: bool = False) -> None:
        """Vectors are stored strongest first: the first `indexed_terms` are posted.

        A build appends and sorts every list once at the end; one saved article
        (`keep_sorted`) goes where its weight belongs, so that the next query does not sort
        thousands of entries for it."""
        if self._posting_later:
            return
        by_term = self._postings[entry.lang]
        limit = self.config.indexed_terms
        for term_id, weight in zip(entry.term_ids[:limit], entry.weights[:limit], strict=True):
            posting = by_term.get(term_id)
            if posting is None:
                posting = by_term[term_id] = Posting()
            if keep_sorted and posting.is_sorted:
                posting.insert(docnum, weight)
            else:
                posting.docs.append(docnum)
                posting.weights.append(weight)
                posting.is_sorted = False

    def _post_all_terms(self) -> None:
        """Post every article's strongest terms at once, each list sorted strongest first
        (ties: older articles first, as appending and sorting one list at a time gives)."""
        limit = self.config.indexed_terms
        collected: dict[str, tuple[array[int], array[int], array[float]]] = {}
        for docnum, entry in enumerate(self._entries):
            if entry is None:
                continue
            terms, docs, weights = collected.setdefault(
                entry.lang, (array("I"), array("I"), array("f"))
            )
            posted = entry.term_ids[:limit]
            terms.extend(posted)
            weights.extend(entry.weights[:limit])
            docs.extend(array("I", [docnum]) * len(posted))
        for lang, (terms, docs, weights) in collected.items():
            by_term = self._postings[lang]  # present for every language, as when appending
            if not terms:
                continue
            term = np.frombuffer(terms, dtype=np.uint32)
            doc = np.frombuffer(docs, dtype=np.uint32)
            weight = np.frombuffer(weights, dtype=np.float32)
            order = np.lexsort((doc, -weight, term))  # by term, weight down, article up
            term, doc, weight = term[order], doc[order], weight[order]
            bounds = [0, *(np.flatnonzero(np.diff(term)) + 1).tolist(), len(term)]
            for start, end in itertools.pairwise(bounds):
                posting = by_term[int(term[start])] = Posting()
                posting.docs = array("I", doc[start:end].tobytes())
                posting.weights = array("f", weight[start:end].tobytes())

    def _weigh(
        self,
        ids: Iterable[int],
        frequencies: Iterable[float],
        idf: Sequence[float] | LiveIdf,
        min_df: int,
    ) -> tuple[array[int], array[float]]:
        """Unit TF-IDF vector of the strongest `terms_per_doc` terms, strongest first.

        Terms fewer than `min_df` articles have are left out: they cannot match anything and
        would only dilute the vector's norm. Terms exactly `min_df` articles have count at
        `pair_term_weight`.
        """
        df = self._term_df
        log = math.log
        pair = self.config.pair_term_weight
        weighted = [
            (
                term_id,
                (1.0 + log(tf) if tf >= 1.0 else tf)
                * idf[term_id]
                * (pair if df[term_id] == min_df else 1.0),
            )
            for term_id, tf in zip(ids, frequencies, strict=True)
            if df[term_id] >= min_df
        ]
        strongest = heapq.nlargest(self.config.terms_per_doc, weighted, key=itemgetter(1))
        norm = math.sqrt(sum(w * w for _, w in strongest)) or 1.0
        return array("I", [t for t, _ in strongest]), array("f", [w / norm for _, w in strongest])

    def _weigh_vectorised(
        self, ids: array[int], frequencies: array[float], idf: np.ndarray, df: np.ndarray
    ) -> tuple[array[int], array[float]]:
        """`_weigh` for a build, with NumPy over the final statistics (same formula, same
        order of the strongest terms; ties keep the article's term order)."""
        config = self.config
        term = np.frombuffer(ids, dtype=np.uint32)
        tf = np.frombuffer(frequencies, dtype=np.float32).astype(np.float64)
        term_df = df[term]
        keep = term_df >= config.min_df
        term, tf, term_df = term[keep], tf[keep], term_df[keep]
        damped = np.where(tf >= 1.0, 1.0 + np.log(np.maximum(tf, 1.0)), tf)
        pair = np.where(term_df == config.min_df, config.pair_term_weight, 1.0)
        weight = damped * idf[term] * pair
        strongest = np.argsort(-weight, kind="stable")[: config.terms_per_doc]
        term, weight = term[strongest], weight[strongest]
        norm = math.sqrt(float(np.dot(weight, weight))) or 1.0
        return (
            array("I", term.astype(np.uint32).tobytes()),
            array("f", (weight / norm).astype(np.float32).tobytes()),
        )

    def _idf_table(self) -> list[float]:
        n = self._doc_count
        return [math.log((1.0 + n) / (1.0 + df)) + 1.0 for df in self._term_df]

    def _entity_idf(self, entity_id: int) -> float:
        return math.log(1.0 + max(self._doc_count, 1) / max(self._entity_df[entity_id], 1))

    # --- housekeeping ---------------------------------------------------------------------------

    def _entry(self, docnum: int) -> Entry:
        entry = self._entries[docnum]
        assert entry is not None, "deleted article reached scoring"
        return entry

    def _compact(self) -> None:
        """Drop deleted articles for good: renumber live ones, filter the posting lists.

        Filtering keeps each posting list's order, so nothing needs sorting again.
        """
        renumber = array("i", [-1]) * len(self._entries)
        live: list[Entry] = []
        for docnum, entry in enumerate(self._entries):
            if entry is not None:
                renumber[docnum] = len(live)
                live.append(entry)
        self._entries = list(live)
        self._by_id = {entry.doc_id: n for n, entry in enumerate(live)}
        self._groups = defaultdict(set)
        for n, entry in enumerate(live):
            if entry.group is not None:
                self._groups[entry.group].add(n)
        for by_term in self._postings.values():
            for term_id, posting in list(by_term.items()):
                kept = [
                    (renumber[d], w)
                    for d, w in zip(posting.docs, posting.weights, strict=True)
                    if renumber[d] >= 0
                ]
                if not kept:
                    del by_term[term_id]
                    continue
                posting.docs = array("I", [d for d, _ in kept])
                posting.weights = array("f", [w for _, w in kept])
        self._entity_postings = [
            array("I", [renumber[d] for d in docs if renumber[d] >= 0])
            for docs in self._entity_postings
        ]
        self._tombstones = 0

    def _insert_entry(self, entry: Entry, *, keep_sorted: bool = False) -> None:
        docnum = len(self._entries)
        self._entries.append(entry)
        self._by_id[entry.doc_id] = docnum
        if entry.group is not None:
            self._groups[entry.group].add(docnum)
        self._post(docnum, entry, keep_sorted=keep_sorted)

    def _materialize(self) -> None:
        """Before anything changes, an index read in place reads the rest (storage.py)."""
        if self._mapped is not None:
            read_the_rest(self)

    def _sort_postings(self) -> None:
        if self._mapped is not None:
            return  # saved sorted; nothing was added since it was loaded
        for by_term in self._postings.values():
            for posting in by_term.values():
                posting.sort()

    @staticmethod
    def _report(
        done: int, total: int, progress: Progress | None, is_cancelled: IsCancelled | None
    ) -> None:
        if is_cancelled is not None and is_cancelled():
            raise BuildCancelled
        if progress is not None:
            progress(done, total)
