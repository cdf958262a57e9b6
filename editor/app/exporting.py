"""Exporting the archive as JSON Lines or as a folder of Markdown files.

The output is the import format (see :mod:`editor.core.importing`) with the
article's uuid and slug added, so that exporting and importing into an empty
archive gives the same articles, and importing into the same archive again
finds every article as unchanged.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.core.article import Article
from editor.core.entities.model import Entity, EntityKind
from editor.core.importing import (
    export_mapping,
    markdown_file_name,
    to_json_line,
    to_markdown,
)
from editor.store import articles as store
from editor.store import entities as entity_store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

Progress = Callable[[int], None]  # articles written so far


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    MARKDOWN = "markdown"


class ExportTargetError(Exception):
    """The output path cannot be used (exists and is not empty, not writable …)."""


def export_tag(entity: Entity) -> str | dict[str, str]:
    """A plain topic as its name; anything more as {name, kind, wikidata} (as imported)."""
    if entity.kind is EntityKind.TOPIC and not entity.wikidata:
        return entity.name
    tag = {"name": entity.name, "kind": entity.kind.value}
    if entity.wikidata:
        tag["wikidata"] = entity.wikidata
    return tag


def export_record(article: Article, entities: list[Entity] | None = None) -> dict[str, Any]:
    tags: list[str | dict[str, str]] = (
        list(article.tags) if entities is None else [export_tag(e) for e in entities]
    )
    return export_mapping(
        external_id=article.external_id,
        uuid=article.uuid,
        language=article.language,
        title=article.title,
        body=article.body,
        teaser=article.teaser,
        author=article.author,
        status=article.status,
        published_at=article.published_at,
        tags=tags,
        group_id=article.group_id,
        slug=article.slug,
    )


class ExportService:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace

    def export(
        self,
        fmt: ExportFormat | str,
        out: Path,
        *,
        include_trash: bool = False,
        replace: bool = False,
        progress: Progress | None = None,
    ) -> int:
        """Write every article (trash only if asked) to ``out``; returns how many."""
        fmt = ExportFormat(fmt)
        try:
            if fmt is ExportFormat.JSONL:
                return self._jsonl(out, include_trash, progress)
            return self._markdown(out, include_trash, replace, progress)
        except OSError as exc:
            raise ExportTargetError(f"Cannot write {out}: {exc.strerror or exc}.") from exc

    def _records(self, include_trash: bool) -> Iterator[dict[str, Any]]:
        """Export records, the entities of 500 articles read at a time."""
        with self._ws.db.session() as s:
            batch: list[Article] = []
            for article in store.iter_articles(s, include_deleted=include_trash):
                batch.append(article)
                if len(batch) == 500:
                    yield from self._with_entities(s, batch)
                    batch = []
            yield from self._with_entities(s, batch)

    @staticmethod
    def _with_entities(s: Any, batch: list[Article]) -> Iterator[dict[str, Any]]:
        entities = entity_store.entities_of_articles(s, [a.id for a in batch])
        for article in batch:
            yield export_record(article, entities.get(article.id, []))

    def _jsonl(self, out: Path, include_trash: bool, progress: Progress | None) -> int:
        if out.is_dir():
            raise ExportTargetError(f"{out} is a folder; give a file name for JSON Lines.")
        out.parent.mkdir(parents=True, exist_ok=True)
        # Write next to the target and rename, so a failed export never leaves
        # half a file where a good one was.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
        tmp = Path(tmp_name)
        count = 0
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                for record in self._records(include_trash):
                    fh.write(to_json_line(record))
                    count += 1
                    if progress and count % 500 == 0:
                        progress(count)
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        if progress:
            progress(count)
        return count

    def _markdown(
        self, out: Path, include_trash: bool, replace: bool, progress: Progress | None
    ) -> int:
        if out.exists() and not out.is_dir():
            raise ExportTargetError(f"{out} is a file; Markdown export needs a folder.")
        out.mkdir(parents=True, exist_ok=True)
        old = sorted(out.glob("*.md"))
        if old and not replace:
            raise ExportTargetError(
                f"{out} already holds {len(old)} Markdown files; choose an empty folder "
                "(or replace them)."
            )
        for file in old:
            file.unlink()
        taken: set[str] = set()
        count = 0
        for record in self._records(include_trash):
            path = out / markdown_file_name(record, taken)
            path.write_text(to_markdown(record), encoding="utf-8", newline="\n")
            count += 1
            if progress and count % 500 == 0:
                progress(count)
        if progress:
            progress(count)
        return count
