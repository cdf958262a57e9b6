"""Entity use cases: the entity manager, tagging, suggestions that learn, retraining."""

from editor.app.entities.service import EntityService
from editor.app.entities.suggestions import SuggestionService

__all__ = ["EntityService", "SuggestionService"]
