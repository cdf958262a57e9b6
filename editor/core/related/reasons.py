"""Why a candidate was suggested, in the index's terms (describe.py puts it in words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.core.entities.model import name_key
from editor.core.related.model import Reasons
from editor.core.related.structures import Entry, Query, Scored, days_apart

if TYPE_CHECKING:
    from editor.core.related.building import IndexBase


def reasons_for(index: IndexBase, query: Query, docnum: int, scored: Scored) -> Reasons:
    """The shared names and words, days apart, and how the candidate was found."""
    entry = index._entry(docnum)
    matched = scored.query or query
    if scored.via is not None and index._entry(scored.via).group == entry.group:
        # Inherited from its translation: explain with the translation's overlap.
        explained = index._entry(scored.via)
    else:
        explained = entry
    via = scored.via
    shared_entities = sorted(
        set(matched.entities) & set(explained.entities),
        key=lambda e: -index._entity_idf(e),
    )[: index.config.reason_entities]
    names = tuple(index._entity_names[e] for e in shared_entities)
    return Reasons(
        shared_entities=names,
        shared_terms=_shared_terms(index, matched, explained, names),
        days_apart=days_apart(query.published, entry.published),
        via_translation=index._entry(via).doc_id if via is not None else None,
        translated_terms=scored.translated,
        similar_meaning=index.config.semantic_weight * scored.semantic > scored.text,
    )


def _shared_terms(
    index: IndexBase, query: Query, entry: Entry, names: tuple[str, ...]
) -> tuple[str, ...]:
    name_words = {w for name in names for w in name_key(name).split()}
    contributions = sorted(
        (
            (query.vector[t] * w, t)
            for t, w in zip(entry.term_ids, entry.weights, strict=True)
            if t in query.vector
        ),
        reverse=True,
    )
    words: list[str] = []
    for _, term_id in contributions:
        word = index._surface.get(index._terms[term_id], index._terms[term_id])
        if word.casefold() not in name_words and word not in words:
            words.append(word)
        if len(words) == index.config.reason_terms:
            break
    return tuple(words)
