"""Importing articles from JSON Lines or Markdown files into the archive.

A record's ``id`` becomes the article's external id, so importing the same
file twice updates the articles (or leaves them unchanged) instead of making
copies.  Records are written a chunk at a time, one transaction per chunk, so
a large import is fast and an interrupted one keeps the chunks already done.

Each created or changed article gets one revision with reason ``import``: its
history then starts with (or shows) the text as it came in, which is what an
editor wants to compare against later.  The workflow is not applied: the file
says which status a piece is in (an archive being moved has published pieces).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.app.changes import ArticlesImported
from editor.core.article import Article
from editor.core.entities.model import EntityError, name_key
from editor.core.importing import (
    ArticleRecord,
    ParseResult,
    Rejected,
    normalize_body,
    parse_jsonl,
    parse_markdown,
)
from editor.core.slugs import slugify, unique_slug
from editor.core.texts import translate
from editor.store import bulk
from editor.store import entities as entity_store
from editor.store.database import describe_error, is_bad_data
from editor.store.errors import ConflictError
from editor.store.locks import take_turns

if TYPE_CHECKING:
    from editor.app.workspace import Workspace
    from editor.store.database import Session

CHUNK_SIZE = 500
CHUNK_ATTEMPTS = 3  # a chunk whose article an editor saved meanwhile is read again
FALLBACK_SLUG = "article"
MARKDOWN_SUFFIXES = (".md", ".markdown")

# (articles done, articles in total)
Progress = Callable[[int, int], None]


class ImportSourceError(Exception):
    """The file or folder cannot be read at all (missing, unreadable)."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    # Imported, with something the editor should know (a tag's kind the archive kept).
    notes: list[Rejected] = field(default_factory=list)
    created_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + len(self.rejected)

    def summary(self) -> str:
        return translate(
            "operations",
            "{created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected",
        ).format(
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            rejected=len(self.rejected),
        )


# ---------------------------------------------------------------- reading files


def read_source(path: Path) -> ParseResult:
    """Parse a JSON Lines file, a Markdown file, or a folder of Markdown files."""
    if not path.exists():
        raise ImportSourceError(f"{path} does not exist.")
    if path.is_dir():
        return _read_markdown_folder(path)
    data = _read_bytes(path)
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        return _markdown_result([parse_markdown(data, name=path.name, stem=path.stem)])
    return parse_jsonl(data)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportSourceError(f"Cannot read {path}: {exc.strerror or exc}.") from exc


def _read_markdown_folder(folder: Path) -> ParseResult:
    files = sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in MARKDOWN_SUFFIXES
    )
    if not files:
        raise ImportSourceError(f"{folder} holds no Markdown (.md) files.")
    parsed = []
    for file in files:
        name = file.relative_to(folder).as_posix()
        parsed.append(parse_markdown(_read_bytes(file), name=name, stem=file.stem))
    return _markdown_result(parsed)


def _markdown_result(items: Iterable[ArticleRecord | Rejected]) -> ParseResult:
    result = ParseResult()
    for item in items:
        (result.rejected if isinstance(item, Rejected) else result.records).append(item)  # type: ignore[arg-type]
    return result


# ---------------------------------------------------------------- the use case


# Imports of at least this many articles refresh SQLite's statistics.
_ANALYZE_AFTER = 1000


class ImportService:
    def __init__(self, workspace: Workspace, *, chunk_size: int | None = None) -> None:
        self._ws = workspace
        self._chunk_size = chunk_size or CHUNK_SIZE

    def import_path(self, path: Path, *, progress: Progress | None = None) -> ImportReport:
        parsed = read_source(path)
        return self.import_records(
            parsed.records, rejected=parsed.rejected, progress=progress, source=path.name
        )

    def import_records(
        self,
        records: Sequence[ArticleRecord],
        *,
        rejected: Sequence[Rejected] = (),
        progress: Progress | None = None,
        source: str = "",
    ) -> ImportReport:
        report = ImportReport(rejected=list(rejected))
        unique = _drop_repeated_ids(records, report)
        total = len(unique)
        done = 0
        if progress:
            progress(0, total)
        for start in range(0, total, self._chunk_size):
            chunk = unique[start : start + self._chunk_size]
            created, updated = self._write_chunk(chunk, source, report)
            report.created_ids.extend(created)
            report.updated_ids.extend(updated)
            done += len(chunk)
            if progress:
                progress(done, total)
            if created or updated:
                self._ws.changes.publish(ArticlesImported(tuple(created), tuple(updated)))
        report.rejected.sort(key=_position)
        report.notes.sort(key=_position)
        if len(report.created_ids) + len(report.updated_ids) >= _ANALYZE_AFTER:
            # A big import changes the shape of the table: refresh the planner's
            # statistics, or the list may be read through the wrong index.
            self._ws.db.optimize(analyze=True)
        return report

    def _write_chunk(
        self, chunk: Sequence[ArticleRecord], source: str, report: ImportReport
    ) -> tuple[list[int], list[int]]:
        """One chunk in one transaction; read again and retried when an editor saved one
        of its articles between the read and the write (the update states its version)."""
        for attempt in range(1, CHUNK_ATTEMPTS + 1):
            partial = ImportReport()
            try:
                with self._ws.db.session(write=True) as s:
                    # Slug and external-id claims take turns with other importers and
                    # editors (PostgreSQL; see editor/store/locks.py).
                    take_turns(s)
                    created, updated = _ChunkWriter(s, self._ws.user, source, partial).write(chunk)
            except ConflictError:
                if attempt == CHUNK_ATTEMPTS:
                    raise
                continue
            except Exception as exc:
                if not _refused(exc) or len(chunk) == 1:
                    raise
                # A value the database refuses must cost only its own record: write
                # this chunk one record at a time to find it.
                return self._write_singly(chunk, source, report)
            report.created += partial.created
            report.updated += partial.updated
            report.unchanged += partial.unchanged
            report.rejected.extend(partial.rejected)
            report.notes.extend(partial.notes)
            return created, updated
        raise AssertionError("unreachable")

    def _write_singly(
        self, chunk: Sequence[ArticleRecord], source: str, report: ImportReport
    ) -> tuple[list[int], list[int]]:
        created: list[int] = []
        updated: list[int] = []
        for record in chunk:
            try:
                new, changed = self._write_chunk([record], source, report)
            except Exception as exc:
                if not _refused(exc):
                    raise
                if isinstance(exc, EntityError):  # a tag object the archive's entities refuse
                    report.rejected.append(Rejected(record.where, f"tag: {exc}"))
                    continue
                reason = describe_error(exc) or str(exc).splitlines()[0]
                report.rejected.append(Rejected(record.where, f"refused by the database: {reason}"))
                continue
            created.extend(new)
            updated.extend(changed)
        return created, updated


def _refused(exc: BaseException) -> bool:
    """A value refused (by the database, or a tag object by the archive's entities: a
    Wikidata id another entity has): it costs its own record, not the import."""
    return is_bad_data(exc) or isinstance(exc, EntityError)


def _position(rejected: Rejected) -> tuple[int, str]:
    """Rejections in file order: line numbers numerically, file names alphabetically."""
    where = rejected.where
    if where.startswith("line ") and where[5:].isdigit():
        return int(where[5:]), ""
    return 0, where


def _drop_repeated_ids(
    records: Sequence[ArticleRecord], report: ImportReport
) -> list[ArticleRecord]:
    """The first record with a given id (or uuid) wins; later ones are rejected, saying where."""
    seen: dict[tuple[str, str], str] = {}
    unique = []
    for record in records:
        keys = [("id", k) for k in (record.key,) if k] + [("uuid", u) for u in (record.uuid,) if u]
        repeated = next((k for k in keys if k in seen), None)
        if repeated is not None:
            kind, value = repeated
            report.rejected.append(
                Rejected(record.where, f"{kind} {value!r} already used on {seen[repeated]}")
            )
            continue
        for key in keys:
            seen[key] = record.where
        unique.append(record)
    return unique


class _ChunkWriter:
    """Decides, for one chunk inside one transaction, what to create and what to update."""

    def __init__(self, session: Session, user: str, source: str, report: ImportReport) -> None:
        self._s = session
        self._user = user
        self._note = f"imported from {source}" if source else "imported"
        self._report = report

    def write(self, chunk: Sequence[ArticleRecord]) -> tuple[list[int], list[int]]:
        existing = bulk.find_for_import(
            self._s,
            uuids={k for r in chunk for k in (r.uuid, r.external_id) if k},
            external_ids={r.external_id for r in chunk if r.external_id},
        )
        by_uuid = {a.uuid: a for a in existing}
        by_external = {a.external_id: a for a in existing if a.external_id}
        languages = {r.language for r in chunk} | {a.language for a in existing}
        self._slugs = bulk.slugs_by_language(self._s, languages)

        inserts: list[dict[str, Any]] = []
        updates: list[tuple[Article, dict[str, Any]]] = []
        matched: dict[int, str] = {}  # article id -> the record that updates it
        written: list[ArticleRecord] = []
        for record in chunk:
            try:
                current = _match(record, by_uuid, by_external)
                if current is not None and current.id in matched:
                    raise ValueError(f"same article as {matched[current.id]} (by id or uuid)")
            except ValueError as exc:
                self._report.rejected.append(Rejected(record.where, str(exc)))
                continue
            written.append(record)
            if current is not None:
                matched[current.id] = record.where
            if current is None:
                inserts.append(self._new_fields(record))
            else:
                changes = self._changes(current, record)
                if changes:
                    updates.append((current, changes))
                else:
                    self._report.unchanged += 1
        self._note_kinds_kept(written)
        created = bulk.insert_many(
            self._s, inserts, revision_reason="import", author=self._user, note=self._note
        )
        bulk.update_many(
            self._s, updates, revision_reason="import", author=self._user, note=self._note
        )
        self._report.created += len(created)
        self._report.updated += len(updates)
        return created, [current.id for current, _ in updates]

    def _note_kinds_kept(self, records: Sequence[ArticleRecord]) -> None:
        """A tag object naming an entity the archive has with another kind tags the
        article with that entity as it is: neither a second entity of the same name
        nor a changed kind (which would change every article tagged with it), but a
        note in the report.  Within a file, the first record's kind makes the entity."""
        specs = [(record, spec) for record in records for spec in record.tag_specs]
        if not specs:
            return
        known = entity_store.kinds_by_key(self._s, {name_key(spec.name) for _, spec in specs})
        for record, spec in specs:
            key, kind = name_key(spec.name), spec.kind.value
            name, kept = known.setdefault(key, (spec.name, kind))
            if kept != kind:
                self._report.notes.append(
                    Rejected(
                        record.where,
                        f"tag {spec.name!r} is the archive's {kept} {name!r}, kept as it is "
                        f"(the file says {kind})",
                    )
                )

    def _claim_slug(self, language: str, wanted: str, *, own: str | None = None) -> str:
        taken = self._slugs.setdefault(language, set())
        if own is not None:
            taken.discard(own)
        slug = unique_slug(wanted or FALLBACK_SLUG, taken)
        taken.add(slug)
        return slug

    def _new_fields(self, record: ArticleRecord) -> dict[str, Any]:
        wanted, locked = _wanted_slug(record)
        return {
            "uuid": record.uuid or str(uuid.uuid4()),
            # An export writes the uuid as id when there was no external id.
            "external_id": record.external_id if record.external_id != record.uuid else None,
            "language": record.language,
            "title": record.title,
            "teaser": record.teaser,
            "body": record.body,
            "author": record.author,
            "status": record.status.value,
            "published_at": record.published_at,
            "group_id": record.group_id,
            "slug": self._claim_slug(record.language, wanted),
            "slug_locked": locked,
            "tags": _tag_items(record),
        }

    def _changes(self, current: Article, record: ArticleRecord) -> dict[str, Any]:
        wanted: dict[str, Any] = {
            "title": record.title,
            "teaser": record.teaser,
            "language": record.language,
            "status": record.status,
            "author": record.author,
            "tags": record.tags,
        }
        # A file without a date or group says nothing about them: keep what is there.
        if record.published_at is not None:
            wanted["published_at"] = record.published_at
        if record.group_id is not None:
            wanted["group_id"] = record.group_id
        changes = {k: v for k, v in wanted.items() if getattr(current, k) != v}
        if normalize_body(current.body) != record.body:
            changes["body"] = record.body
        if "status" in changes:
            changes["status"] = record.status.value
        if "tags" in changes:
            changes["tags"] = _tag_items(record)
        changes.update(self._slug_change(current, record))
        return changes

    def _slug_change(self, current: Article, record: ArticleRecord) -> dict[str, Any]:
        language_changed = record.language != current.language
        if not record.slug and current.slug_locked:
            wanted, locked = current.slug, True
        else:
            wanted, locked = _wanted_slug(record)
        if wanted == current.slug and not language_changed:
            return {"slug_locked": locked} if locked != current.slug_locked else {}
        if not language_changed and _is_numbered(current.slug, wanted):
            return {}  # "title-2" is already this title's slug, made unique
        own = current.slug if not language_changed else None
        slug = self._claim_slug(record.language, wanted, own=own)
        return {"slug": slug, "slug_locked": locked}


def _wanted_slug(record: ArticleRecord) -> tuple[str, bool]:
    """The slug a record asks for, and whether it is locked (set by hand, not the title's)."""
    title_slug = slugify(record.title) or FALLBACK_SLUG
    if not record.slug:
        return title_slug, False
    wanted = slugify(record.slug) or title_slug
    return wanted, wanted != title_slug and not _is_numbered(wanted, title_slug)


def _is_numbered(slug: str, base: str) -> bool:
    head, _, number = slug.rpartition("-")
    return head == base and number.isdigit()


def _match(
    record: ArticleRecord, by_uuid: dict[str, Article], by_external: dict[str, Article]
) -> Article | None:
    """The article a record updates: by its uuid, else by its id (external id or uuid)."""
    by_own_uuid = by_uuid.get(record.uuid) if record.uuid else None
    by_id = None
    if record.external_id:
        by_id = by_external.get(record.external_id) or by_uuid.get(record.external_id)
    if by_own_uuid and by_id and by_own_uuid.id != by_id.id:
        raise ValueError(
            f"id {record.external_id!r} and uuid {record.uuid!r} belong to two different articles"
        )
    return by_own_uuid or by_id


def _tag_items(record: ArticleRecord) -> list[Any]:
    """Tag names, with the kind and Wikidata id a file gave for a name the archive lacks."""
    specs = {spec.name: spec for spec in record.tag_specs}
    return [specs.get(name, name) for name in record.tags]
