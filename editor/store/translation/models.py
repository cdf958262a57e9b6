"""Tables of translation: which article a version was translated from, its segment
pairs, the translation memory and the glossary (migration 0007)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from editor.store.models import Base, UTCDateTime, utcnow


class TranslationLink(Base):
    """A translated article and the source it was made from: which article, and which
    of its revisions (and working-copy version) the translation started on."""

    __tablename__ = "translation_link"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True
    )
    # Kept when the source is deleted for good (the translation stays, unlinked).
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("article.id", ondelete="SET NULL"), index=True
    )
    source_revision: Mapped[int | None] = mapped_column(Integer)
    source_version: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TranslationSegment(Base):
    """One target segment of a translation and the source segment it was made from."""

    __tablename__ = "translation_segment"
    __table_args__ = (UniqueConstraint("article_id", "field", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(10))  # title | teaser | body
    position: Mapped[int] = mapped_column(Integer)
    source_hash: Mapped[str] = mapped_column(String(16))
    source_text: Mapped[str] = mapped_column(Text)
    target_text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="untranslated")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TmUnit(Base):
    """A pair of the translation memory: a source text and its translation."""

    __tablename__ = "tm_unit"
    __table_args__ = (
        # One row per distinct pair; looked up by language pair and source hash.
        UniqueConstraint("source_lang", "target_lang", "source_hash", "target_hash"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_lang: Mapped[str] = mapped_column(String(8))
    target_lang: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    source_hash: Mapped[str] = mapped_column(String(16))
    target_hash: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class GlossaryTerm(Base):
    """A glossary entry (a term and its translation) or, with no target, a name on the
    do-not-translate list. Empty languages mean any."""

    __tablename__ = "glossary_term"
    __table_args__ = (
        UniqueConstraint("source_lang", "target_lang", "term"),
        Index("ix_glossary_term_langs", "source_lang", "target_lang"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_lang: Mapped[str] = mapped_column(String(8), default="")
    target_lang: Mapped[str] = mapped_column(String(8), default="")
    term: Mapped[str] = mapped_column(String(200))
    translation: Mapped[str | None] = mapped_column(String(200))
    do_not_translate: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
