"""Full-text search without a database: the query language, folding, passages.

The store's index backends (:mod:`editor.store.search`) and the app's search
service build on these; nothing here imports SQL or Qt.
"""

from editor.core.search.query import Filters, SearchQuery, Term, parse
from editor.core.search.snippet import Passage, matcher, passage
from editor.core.search.text import IndexDoc, fold, index_doc, tokens

__all__ = [
    "Filters",
    "IndexDoc",
    "Passage",
    "SearchQuery",
    "Term",
    "fold",
    "index_doc",
    "matcher",
    "parse",
    "passage",
    "tokens",
]
