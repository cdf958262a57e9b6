"""The full-text index of the archive: one interface, a backend per database.

* :mod:`.sqlite`: an FTS5 table in the archive file (bm25, title weighted);
* :mod:`.postgres`: a tsvector column with a GIN index (ts_rank, weights A–D).

Both index the same tokens (:func:`editor.core.search.index_doc`), and both
are kept current by the store's own write path: every function in
:mod:`editor.store.articles` and :mod:`editor.store.bulk` that changes an
article's text or tags calls :func:`index_articles` in the same transaction,
and purging the trash calls :func:`remove_articles`.  Moving to the trash and
back changes nothing in the index: a search joins the article row and leaves
trashed ones out unless asked.
"""

from editor.store.search.sync import (
    SearchBackend,
    backend_for,
    hit_rows,
    index_articles,
    index_ids,
    rebuild_batch,
    remove_articles,
)

__all__ = [
    "SearchBackend",
    "backend_for",
    "hit_rows",
    "index_articles",
    "index_ids",
    "rebuild_batch",
    "remove_articles",
]
