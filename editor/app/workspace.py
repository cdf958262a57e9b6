"""The open archive and the services that work on it.

One ``Workspace`` per running program (GUI or command line).  Services are
plain objects with methods that do one use case each; they open a short
session per call so that no database state is held between calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from editor.app import config
from editor.app.changes import ChangeBus
from editor.store.database import Database, open_database

# Services are imported when first used: the first paint of the window needs
# only the article list, and publishing or related links cost ~0.1 s to import.
if TYPE_CHECKING:
    from editor.app.articles import ArticleService
    from editor.app.entities import EntityService, SuggestionService
    from editor.app.publishing import PublishService
    from editor.app.related import RelatedService
    from editor.app.search import SearchService
    from editor.app.settings import SettingsService
    from editor.app.translation.memory import MemoryService
    from editor.app.translation.mt import MachineTranslation
    from editor.app.translation.service import TranslationService


@dataclass
class Workspace:
    db: Database
    user: str = ""
    changes: ChangeBus = field(default_factory=ChangeBus)

    @classmethod
    def open(cls, url: str | None = None, *, user: str = "", create: bool = True) -> Workspace:
        """Open (and bring up to date) the archive; raises StoreError with a readable message.

        A missing archive file is made only with ``create`` (the command line asks for
        ``--create``); the default archive in the data folder always is, folder and all.
        """
        resolved = config.database_url(url)
        if config.is_default_archive(resolved):
            config.data_dir().mkdir(parents=True, exist_ok=True)
            create = True
        return cls(db=open_database(resolved, create=create), user=user)

    @cached_property
    def articles(self) -> ArticleService:
        from editor.app.articles import ArticleService

        return ArticleService(self)

    @cached_property
    def related(self) -> RelatedService:
        from editor.app.related import RelatedService

        return RelatedService(self)

    @cached_property
    def publishing(self) -> PublishService:
        from editor.app.publishing import PublishService

        return PublishService(self)

    @cached_property
    def translation(self) -> TranslationService:
        from editor.app.translation.service import TranslationService

        return TranslationService(self)

    @cached_property
    def memory(self) -> MemoryService:
        """The translation memory and glossary."""
        from editor.app.translation.memory import MemoryService

        return MemoryService(self)

    @cached_property
    def machine_translation(self) -> MachineTranslation:
        """Optional machine translation (nothing is sent anywhere until configured)."""
        from editor.app.translation.mt import MachineTranslation

        return MachineTranslation(self)

    @cached_property
    def settings(self) -> SettingsService:
        from editor.app.settings import SettingsService

        return SettingsService(self)

    @cached_property
    def entities(self) -> EntityService:
        from editor.app.entities import EntityService

        return EntityService(self)

    @cached_property
    def suggestions(self) -> SuggestionService:
        from editor.app.entities import SuggestionService

        return SuggestionService(self)

    @cached_property
    def search(self) -> SearchService:
        from editor.app.search import SearchService

        return SearchService(self)

    def schema_revision(self) -> str | None:
        """The migration the archive is at (None for an empty one)."""
        from editor.store import migrations

        return migrations.current_revision(self.db.engine)

    @staticmethod
    def schema_head() -> str:
        """The newest migration this program knows."""
        from editor.store import migrations

        return migrations.head_revision()

    def has_started(self, service: str) -> bool:
        """Whether a service ("articles", "related", "publishing") was used yet (asking
        does not start it, so nothing is imported for it)."""
        return service in self.__dict__

    def close(self) -> None:
        self.db.close()
