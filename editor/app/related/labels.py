"""Shared entities in the reasons, named in the language of the article asked about.

The engine knows an entity by the name an article was tagged with (the entity's
canonical name, unique in the archive); a German article's reasons say "München"
where an English one's say "Munich": each entity's label in the article's language,
its canonical name when it has none there.  A name that is no entity (found in an
untagged text) stays as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from editor.core.related import Reasons


def in_language(reasons: Reasons, labels: Mapping[str, str]) -> Reasons:
    """``reasons`` with its shared entities named by ``labels`` (name -> label)."""
    if not reasons.shared_entities:
        return reasons
    named = tuple(labels.get(name, name) for name in reasons.shared_entities)
    return replace(reasons, shared_entities=tuple(dict.fromkeys(named)))
