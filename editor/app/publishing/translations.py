"""What the translation checks of the publish gate read: each article's language versions.

Kept out of :class:`~editor.app.publishing.service.PublishService` (which calls it
once per batch of checks) so that the service stays about running the site.
"""

from __future__ import annotations

from collections.abc import Iterable

from editor.app.publishing.review import Translations
from editor.app.publishing.values import to_published
from editor.core.article import Article
from editor.store import bulk
from editor.store.database import Database
from editor.store.translation import queries as translation_store


def read_translations(db: Database, articles: Iterable[Article]) -> Translations:
    """Each grouped article's other language versions (live, any status), and the one
    it was translated from: the source recorded by "Translate to…", or for a version
    made elsewhere (an import) the group's first one (the usual source)."""
    by_group: dict[str, list[Article]] = {}
    for a in articles:
        if a.group_id:
            by_group.setdefault(a.group_id, []).append(a)
    found = Translations()
    if not by_group:
        return found
    with db.session() as s:
        members = bulk.live_articles_in_groups(s, by_group)
        recorded = translation_store.sources_of(
            s, [a.id for grouped in by_group.values() for a in grouped]
        )
    for group, grouped in by_group.items():
        values = members.get(group, [])
        first = min(values, key=lambda a: (a.created_at, a.id), default=None)
        for article in grouped:
            others = [m for m in values if m.id != article.id]
            found.others[article.id] = [to_published(m, (), updated=m.updated_at) for m in others]
            source = recorded.get(article.id)
            if source is not None:  # recorded: no guess, even when it was trashed
                if any(m.id == source for m in others):
                    found.sources[article.id] = source
                    found.linked.add(article.id)
            elif first is not None and first.id != article.id:
                found.sources[article.id] = first.id
    return found
