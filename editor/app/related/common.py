"""What the parts of the related-links service share: the engine's view of an article,
the statuses offered as links, the callback types of long work, the data folder."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from editor.app import config
from editor.core.article import Article
from editor.core.related import RelatedDoc
from editor.core.workflow import PUBLIC_STATUSES

log = logging.getLogger(__name__)

# Statuses whose articles are offered as related links by default.
CANDIDATE_STATUSES: tuple[str, ...] = tuple(sorted(s.value for s in PUBLIC_STATUSES))

Progress = Callable[[int, int], None]  # progress(done, total)
IsCancelled = Callable[[], bool]  # cancelled() -> stop as soon as it is safe


def to_related_doc(article: Article) -> RelatedDoc:
    return RelatedDoc(
        id=str(article.id),
        lang=article.language,
        title=article.title,
        body=f"{article.teaser}\n\n{article.body}" if article.teaser else article.body,
        entities=tuple(article.tags),
        group=article.group_id,
        published_at=article.published_at or article.updated_at,
        status=article.status.value,
    )


class DataFiles:
    """Where this archive's related-links files live (one set per database URL)."""

    def __init__(self, url: str, folder: Path | None = None) -> None:
        self.url = url
        key = hashlib.sha256(url.encode()).hexdigest()[:16]
        self._folder = folder
        self._key = key

    def path(self, kind: str, suffix: str) -> Path:
        folder = self._folder or config.data_dir() / "related"
        return folder / f"{kind}-{self._key}{suffix}"

    @property
    def index(self) -> Path:
        return self.path("index", ".bin")

    @property
    def stamp(self) -> Path:
        return self.path("index", ".json")

    @property
    def vectors(self) -> Path:
        return self.path("meaning", ".bin")

    @property
    def fill(self) -> Path:
        return self.path("fill", ".json")

    @property
    def words(self) -> Path:
        """The bilingual word list compiled (one for every archive: it depends on none)."""
        folder = self._folder or config.data_dir() / "related"
        return folder / "words-de-en.bin"


def write_json(path: Path, data: Any) -> None:
    """Write atomically (a crash leaves the old file); OSError when it cannot be written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)
