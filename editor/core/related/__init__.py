"""Related articles: suggestions from the archive with reasons in words (plain Python).

index = RelatedIndex.build(docs, progress=..., is_cancelled=...)
index.add_or_update(doc); index.remove(doc_id)
index.suggest(doc_id_or_doc, top=5, statuses=..., exclude=..., penalties=...)
index.save(path); RelatedIndex.load(path)  # IndexFileError when damaged
describe(suggestion.reasons, "de")
"""

from editor.core.related.config import BuildCancelled, RelatedConfig
from editor.core.related.describe import describe
from editor.core.related.index import RelatedIndex
from editor.core.related.model import Reasons, RelatedDoc, Suggestion
from editor.core.related.storage import IndexFileError

__all__ = [
    "BuildCancelled",
    "IndexFileError",
    "Reasons",
    "RelatedConfig",
    "RelatedDoc",
    "RelatedIndex",
    "Suggestion",
    "describe",
]
