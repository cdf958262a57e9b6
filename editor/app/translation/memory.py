"""The translation memory: lookups for a segment, filling 100 % matches, TMX in and out.

Fuzzy lookups go to an in-memory index of a language pair (editor.core.translation.memory),
read from the archive on the first lookup of that pair and kept up to date by the pairs
stored through this service. Another program writing to a shared archive is seen after
:meth:`MemoryService.forget` (or a restart).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor.core.translation.checks import GlossaryEntry
from editor.core.translation.memory import TmEntry, TmIndex, TmMatch
from editor.core.translation.staleness import SegmentStatus
from editor.core.translation.tmx import TmPair, read_tmx, write_tmx
from editor.store.translation import queries as store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

Progress = Callable[[int, int], None]
MAX_TERM = 200  # the glossary's column


class GlossaryError(ValueError):
    """A glossary entry that cannot be stored (one line, for the user)."""


@dataclass
class TmxImport:
    added: int = 0
    known: int = 0  # pairs the memory had already
    skipped: list[str] = field(default_factory=list)  # units that gave no pair, and why
    tool: str = ""

    def summary(self) -> str:
        text = f"{self.added} pairs added, {self.known} already known"
        if self.skipped:
            text += f", {len(self.skipped)} units skipped"
        return text


class MemoryService:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace
        self._db = workspace.db
        self._indexes: dict[tuple[str, str], TmIndex] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------ lookups

    def index(self, source_lang: str, target_lang: str) -> TmIndex:
        """The pair's index (read from the archive the first time it is asked for)."""
        key = (source_lang, target_lang)
        with self._lock:
            index = self._indexes.get(key)
            if index is None:
                with self._db.session() as s:
                    index = TmIndex(store.tm_entries(s, source_lang, target_lang))
                self._indexes[key] = index
            return index

    def forget(self) -> None:
        with self._lock:
            self._indexes.clear()

    def lookup(
        self, source_lang: str, target_lang: str, text: str, *, limit: int = 3,
        min_score: float = 60.0,
    ) -> list[TmMatch]:  # fmt: skip
        return self.index(source_lang, target_lang).lookup(text, limit=limit, min_score=min_score)

    def add(self, pairs: list[TmPair]) -> tuple[int, int]:
        """Store pairs (and add them to the loaded indexes)."""
        with self._db.session(write=True) as s:
            added, known = store.add_tm_pairs(s, pairs)
        self.note_stored(pairs)
        return added, known

    def note_stored(self, pairs: list[TmPair]) -> None:
        """Add pairs another use case stored to the loaded indexes."""
        with self._lock:
            for pair in pairs:
                index = self._indexes.get((pair.source_lang, pair.target_lang))
                if index is not None and not any(
                    e.target == pair.target for e in index.exact(pair.source)
                ):
                    index.add(TmEntry(pair.source, pair.target, pair.origin))

    def fill_exact(self, article_id: int) -> int:
        """Fill every untranslated segment of a translation that the memory has a 100 %
        match for (as a draft: a match made for another text wants a look). Returns how
        many were filled."""
        service = self._ws.translation
        state = service.state(article_id)
        index = self.index(state.source.language, state.article.language)
        edits: dict[str, tuple[str, SegmentStatus]] = {}
        for row in state.rows:
            if not row.needs_text:
                continue
            found = index.exact(row.source)
            if found:
                edits[row.key] = (found[0].target, SegmentStatus.DRAFT)
        if edits:
            service.save_segments(article_id, edits)
        return len(edits)

    # ------------------------------------------------------------ TMX

    def import_tmx(
        self,
        data: bytes,
        *,
        origin: str = "",
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> TmxImport:
        """Read a TMX file into the memory. Raises TmxError (one line) when it cannot be
        read; units that give no pair are listed in the result, not dropped silently."""
        contents = read_tmx(data, origin=origin)
        result = TmxImport(skipped=contents.skipped, tool=contents.tool)
        total = len(contents.pairs)
        step = 5000
        for start in range(0, total, step):
            if cancelled is not None and cancelled():
                break  # the batches stored so far stay: each is a whole transaction
            added, known = self.add(contents.pairs[start : start + step])
            result.added += added
            result.known += known
            if progress is not None:
                progress(min(start + step, total), total)
        return result

    def export_tmx(
        self, *, source_lang: str | None = None, target_lang: str | None = None
    ) -> bytes:
        with self._db.session() as s:
            pairs = list(store.tm_pairs(s, source_lang, target_lang))
        header_lang = source_lang or (pairs[0].source_lang if pairs else "en")
        return write_tmx(pairs, source_lang=header_lang)

    def counts(self) -> dict[tuple[str, str], int]:
        with self._db.session() as s:
            return store.tm_count(s)

    # ------------------------------------------------------------ glossary

    def add_term(
        self, term: str, translation: str | None, *, source_lang: str = "", target_lang: str = ""
    ) -> None:
        """Add or replace a term (no translation: a name not to translate). Raises
        GlossaryError for an empty or overlong term or translation."""
        term = " ".join(term.split())
        for text in (term, translation):
            if text is not None and not text.strip():
                raise GlossaryError("a glossary term and its translation cannot be empty")
            if text is not None and len(text) > MAX_TERM:
                raise GlossaryError(f"{text[:40]}… is longer than {MAX_TERM} characters")
        with self._db.session(write=True) as s:
            store.add_term(s, term, translation, source_lang=source_lang, target_lang=target_lang)

    def remove_term(self, term: str, *, source_lang: str = "", target_lang: str = "") -> bool:
        with self._db.session(write=True) as s:
            return store.remove_term(
                s, " ".join(term.split()), source_lang=source_lang, target_lang=target_lang
            )

    def terms(self) -> list[tuple[str, str | None, str, str]]:
        """Every glossary term: (term, translation or None, source and target language)."""
        with self._db.session() as s:
            return store.glossary_terms(s)

    def glossary(self, source_lang: str, target_lang: str) -> list[GlossaryEntry]:
        with self._db.session() as s:
            return store.glossary(s, source_lang, target_lang)

    def do_not_translate(self) -> list[str]:
        """The product and model names no language translates (the settings edit them)."""
        with self._db.session() as s:
            return store.do_not_translate(s)

    def set_do_not_translate(self, names: Iterable[str]) -> list[str]:
        """Replace the every-language do-not-translate list; returns it as stored (blank
        lines and repeats dropped). Raises GlossaryError naming a name that is too long."""
        cleaned = sorted({" ".join(name.split()) for name in names} - {""})
        for name in cleaned:
            if len(name) > MAX_TERM:
                raise GlossaryError(
                    f"{name[:40]}… is longer than {MAX_TERM} characters: not a name"
                )
        with self._db.session(write=True) as s:
            store.set_do_not_translate(s, cleaned)
        return cleaned
