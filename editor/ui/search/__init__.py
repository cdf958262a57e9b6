"""Search in the window: the field above the article list and the saved searches."""

from editor.ui.search.panel import SearchPanel
from editor.ui.search.saved import SavedSearchList

__all__ = ["SavedSearchList", "SearchPanel"]
