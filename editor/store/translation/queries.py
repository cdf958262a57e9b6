"""Reads and writes of translation links, segment pairs, the memory and the glossary.

Every function takes an open session and returns plain values from
:mod:`editor.core.translation`, like the rest of the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from editor.core.translation.checks import GlossaryEntry
from editor.core.translation.memory import TmEntry
from editor.core.translation.model import TranslationLink as Link
from editor.core.translation.segments import segment_hash
from editor.core.translation.staleness import SegmentStatus, TargetSegment
from editor.core.translation.tmx import TmPair
from editor.store.batching import in_chunks
from editor.store.models import utcnow
from editor.store.translation.models import (
    GlossaryTerm,
    TmUnit,
    TranslationLink,
    TranslationSegment,
)

# ------------------------------------------------------------------ links


def set_link(session: Session, link: Link) -> None:
    row = session.get(TranslationLink, link.article_id)
    if row is None:
        row = TranslationLink(article_id=link.article_id)
        session.add(row)
    row.source_id = link.source_id
    row.source_revision = link.source_revision
    row.source_version = link.source_version
    session.flush()


def get_link(session: Session, article_id: int) -> Link | None:
    row = session.get(TranslationLink, article_id)
    if row is None:
        return None
    return Link(row.article_id, row.source_id, row.source_revision, row.source_version)


def sources_of(session: Session, article_ids: Iterable[int]) -> dict[int, int]:
    """The recorded source of each of the articles that has one."""
    found: dict[int, int] = {}
    for chunk in in_chunks(list(article_ids)):
        stmt = select(TranslationLink.article_id, TranslationLink.source_id).where(
            TranslationLink.article_id.in_(chunk), TranslationLink.source_id.is_not(None)
        )
        found.update({a: s for a, s in session.execute(stmt) if s is not None})
    return found


def translations_of(session: Session, source_id: int) -> list[int]:
    stmt = select(TranslationLink.article_id).where(TranslationLink.source_id == source_id)
    return list(session.scalars(stmt.order_by(TranslationLink.article_id)))


# ------------------------------------------------------------------ segment pairs


def _target(row: TranslationSegment) -> TargetSegment:
    return TargetSegment(
        field=row.field,
        index=row.position,
        source_hash=row.source_hash,
        source_text=row.source_text,
        text=row.target_text,
        status=SegmentStatus(row.status),
    )


def get_segments(session: Session, article_id: int) -> list[TargetSegment]:
    stmt = (
        select(TranslationSegment)
        .where(TranslationSegment.article_id == article_id)
        .order_by(TranslationSegment.field, TranslationSegment.position)
    )
    return [_target(row) for row in session.scalars(stmt)]


def replace_segments(session: Session, article_id: int, segments: Sequence[TargetSegment]) -> None:
    """Store a translation's segments, replacing what was stored."""
    session.execute(delete(TranslationSegment).where(TranslationSegment.article_id == article_id))
    session.flush()
    now = utcnow()
    session.add_all(
        TranslationSegment(
            article_id=article_id,
            field=s.field,
            position=s.index,
            source_hash=s.source_hash,
            source_text=s.source_text,
            target_text=s.text,
            status=s.status.value,
            updated_at=now,
        )
        for s in segments
    )
    session.flush()


def has_segments(session: Session, article_id: int) -> bool:
    stmt = select(TranslationSegment.id).where(TranslationSegment.article_id == article_id)
    return session.scalars(stmt.limit(1)).first() is not None


# ------------------------------------------------------------------ translation memory


def add_tm_pairs(session: Session, pairs: Iterable[TmPair]) -> tuple[int, int]:
    """Store pairs in the memory; a pair already there is refreshed (its origin and
    time), not doubled. Returns (added, already there)."""
    added = known = 0
    batch: dict[tuple[str, str, str, str], TmPair] = {}
    for pair in pairs:
        key = (pair.source_lang, pair.target_lang, segment_hash(pair.source),
               segment_hash(pair.target))  # fmt: skip
        batch[key] = pair
        if len(batch) >= 2000:
            a, k = _store_batch(session, batch)
            added, known, batch = added + a, known + k, {}
    if batch:
        a, k = _store_batch(session, batch)
        added, known = added + a, known + k
    return added, known


def _store_batch(
    session: Session, batch: dict[tuple[str, str, str, str], TmPair]
) -> tuple[int, int]:
    hashes = list({key[2] for key in batch})
    existing: dict[tuple[str, str, str, str], TmUnit] = {}
    for chunk in in_chunks(hashes):
        for row in session.scalars(select(TmUnit).where(TmUnit.source_hash.in_(chunk))):
            existing[(row.source_lang, row.target_lang, row.source_hash, row.target_hash)] = row
    now = utcnow()
    rows = []
    for key, pair in batch.items():
        known = existing.get(key)
        if known is not None:
            known.updated_at = now
            known.origin = pair.origin[:200] or known.origin
            continue
        rows.append(
            {
                "source_lang": key[0], "target_lang": key[1], "source": pair.source,
                "target": pair.target, "source_hash": key[2], "target_hash": key[3],
                "origin": pair.origin[:200], "created_at": now, "updated_at": now,
            }
        )  # fmt: skip
    if rows:  # one executemany: a TMX of 100,000 units is stored in seconds
        session.execute(insert(TmUnit), rows)
    added = len(rows)
    session.flush()
    return added, len(batch) - added


def tm_entries(session: Session, source_lang: str, target_lang: str) -> Iterator[TmEntry]:
    """Every pair of a language pair, oldest first (a newer one wins a tie)."""
    stmt = (
        select(TmUnit.id, TmUnit.source, TmUnit.target, TmUnit.origin)
        .where(TmUnit.source_lang == source_lang, TmUnit.target_lang == target_lang)
        .order_by(TmUnit.updated_at, TmUnit.id)
        .execution_options(yield_per=5000)
    )
    for unit_id, source, target, origin in session.execute(stmt):
        yield TmEntry(source, target, origin, unit_id)


def tm_pairs(
    session: Session, source_lang: str | None = None, target_lang: str | None = None
) -> Iterator[TmPair]:
    stmt = select(TmUnit).order_by(TmUnit.source_lang, TmUnit.target_lang, TmUnit.id)
    if source_lang:
        stmt = stmt.where(TmUnit.source_lang == source_lang)
    if target_lang:
        stmt = stmt.where(TmUnit.target_lang == target_lang)
    for row in session.scalars(stmt.execution_options(yield_per=5000)):
        yield TmPair(row.source_lang, row.target_lang, row.source, row.target, row.origin)


def tm_count(session: Session) -> dict[tuple[str, str], int]:
    stmt = select(TmUnit.source_lang, TmUnit.target_lang, func.count()).group_by(
        TmUnit.source_lang, TmUnit.target_lang
    )
    return {(s, t): n for s, t, n in session.execute(stmt)}


# ------------------------------------------------------------------ glossary


def add_term(
    session: Session,
    term: str,
    translation: str | None,
    *,
    source_lang: str = "",
    target_lang: str = "",
    note: str = "",
) -> None:
    """Add or replace a glossary term (no translation: do not translate)."""
    stmt = select(GlossaryTerm).where(
        GlossaryTerm.source_lang == source_lang,
        GlossaryTerm.target_lang == target_lang,
        GlossaryTerm.term == term,
    )
    row = session.scalars(stmt).first()
    if row is None:
        row = GlossaryTerm(source_lang=source_lang, target_lang=target_lang, term=term)
        session.add(row)
    row.translation = translation
    row.do_not_translate = translation is None
    row.note = note
    session.flush()


def glossary(session: Session, source_lang: str, target_lang: str) -> list[GlossaryEntry]:
    """The terms that apply from `source_lang` to `target_lang` (and those for any)."""
    stmt = select(GlossaryTerm).where(
        or_(GlossaryTerm.source_lang == source_lang, GlossaryTerm.source_lang == ""),
        or_(GlossaryTerm.target_lang == target_lang, GlossaryTerm.target_lang == ""),
    )
    return [
        GlossaryEntry(row.term, None if row.do_not_translate else row.translation)
        for row in session.scalars(stmt.order_by(GlossaryTerm.term))
    ]


def do_not_translate(session: Session) -> list[str]:
    """The names on the do-not-translate list that apply to every language pair."""
    stmt = select(GlossaryTerm.term).where(
        GlossaryTerm.source_lang == "",
        GlossaryTerm.target_lang == "",
        GlossaryTerm.do_not_translate.is_(True),
    )
    return list(session.scalars(stmt.order_by(GlossaryTerm.term)))


def set_do_not_translate(session: Session, names: Sequence[str]) -> None:
    """Make the every-pair do-not-translate list exactly `names` (terms with a
    translation and those of one language pair are left alone)."""
    wanted = set(names)
    session.execute(
        delete(GlossaryTerm).where(
            GlossaryTerm.source_lang == "",
            GlossaryTerm.target_lang == "",
            GlossaryTerm.do_not_translate.is_(True),
            GlossaryTerm.term.not_in(wanted),
        )
    )
    for name in sorted(wanted - set(do_not_translate(session))):
        add_term(session, name, None)


def glossary_terms(session: Session) -> list[tuple[str, str | None, str, str]]:
    """Every term: (term, translation or None for do-not-translate, source, target)."""
    stmt = select(GlossaryTerm).order_by(
        GlossaryTerm.term, GlossaryTerm.source_lang, GlossaryTerm.target_lang
    )
    return [
        (row.term, None if row.do_not_translate else row.translation, row.source_lang,
         row.target_lang)
        for row in session.scalars(stmt)
    ]  # fmt: skip


def remove_term(
    session: Session, term: str, *, source_lang: str = "", target_lang: str = ""
) -> bool:
    """Remove a term of a language pair (empty: the every-pair one); False when absent."""
    done = session.execute(
        delete(GlossaryTerm).where(
            GlossaryTerm.source_lang == source_lang,
            GlossaryTerm.target_lang == target_lang,
            GlossaryTerm.term == term,
        )
    )
    return bool(getattr(done, "rowcount", 0))
