"""Related links: suggestions from the archive and the editor's decisions.

``RelatedService`` (see :mod:`.service`) is what the workspace offers; :mod:`.jobs` holds
the long jobs (rebuilding the index, computing meaning vectors) as functions that the
window and the command line both run.
"""

from editor.app.related.common import CANDIDATE_STATUSES, to_related_doc
from editor.app.related.fill import FILL_SAVE_AFTER, FILL_SIZE, REJECTION_PENALTY
from editor.app.related.service import RelatedService, RelatedSuggestion

__all__ = [
    "CANDIDATE_STATUSES",
    "FILL_SAVE_AFTER",
    "FILL_SIZE",
    "REJECTION_PENALTY",
    "RelatedService",
    "RelatedSuggestion",
    "to_related_doc",
]
