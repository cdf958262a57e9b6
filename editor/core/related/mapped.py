"""The index file, laid out so that a query can read it in place (format 2).

Format 1 compressed the whole file: every load decompressed 32 MB and built every
article's record (25,000 articles: seconds and 170 MB) although one query reads a few
hundred of them and the posting lists of its forty strongest terms.  Here the arrays are
stored as they are in memory, little-endian and 8-byte aligned, so a loaded index keeps
the file open and reads an article's record, or a term's posting list, the first time a
query asks for it (:class:`SavedEntries`, :class:`SavedPostings`; ``os.pread``, not a
memory map: the kernel would map pages around each read into the process as well).  The
file is bigger (uncompressed) and still checked whole: its SHA-256 is computed while it
is read through once, in chunks, which costs a fraction of building it and keeps
nothing in memory.

Layout: MAGIC, format version (2 bytes, big-endian), SHA-256 of everything after it (32
bytes), header length (8 bytes, big-endian), UTF-8 JSON header (with each array's type
code, length and offset from the data start), zero padding to 8 bytes, the arrays.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import weakref
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from editor.core.related.binary import little_endian
from editor.core.related.structures import Entry, Posting

MAGIC = b"NEWSDESK-RELATED\n"
FORMAT_VERSION = 2
_ALIGN = 8
_CHUNK = 1 << 20


class MappedFileError(Exception):
    """The file is missing, damaged or of another format (the caller says which file)."""


def write_mapped_file(path: Path, header: dict[str, Any], arrays: Sequence[array[Any]]) -> None:
    """Write atomically (temporary file, then rename) so a crash never leaves half a file."""
    offsets: list[int] = []
    at = 0
    for numbers in arrays:
        at = _aligned(at)
        offsets.append(at)
        at += len(numbers) * numbers.itemsize
    placed = [[n.typecode, len(n), o] for n, o in zip(arrays, offsets, strict=True)]
    text = json.dumps({**header, "arrays": placed}, ensure_ascii=False, separators=(",", ":"))
    head = text.encode()
    head = len(head).to_bytes(8, "big") + head
    head += b"\0" * (_aligned(len(MAGIC) + 34 + len(head)) - (len(MAGIC) + 34 + len(head)))
    digest = hashlib.sha256(head)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as out:
        out.write(MAGIC + FORMAT_VERSION.to_bytes(2, "big") + bytes(32) + head)
        written = 0
        for numbers, offset in zip(arrays, offsets, strict=True):
            padding = b"\0" * (offset - written)
            data = little_endian(numbers).tobytes()
            out.write(padding + data)
            digest.update(padding)
            digest.update(data)
            written = offset + len(data)
        out.seek(len(MAGIC) + 2)
        out.write(digest.digest())
    os.replace(temporary, path)


class SavedArray:
    """One array of the file, read by range when asked (``os.pread``: nothing is mapped,
    so the process holds only what it read)."""

    def __init__(self, fd: int, typecode: str, length: int, start: int) -> None:
        self._fd = fd
        self.typecode = typecode
        self.itemsize = array(typecode).itemsize
        self._length = length
        self._start = start

    def __len__(self) -> int:
        return self._length

    def read(self, first: int = 0, last: int | None = None) -> array[Any]:
        last = self._length if last is None else min(last, self._length)
        size = max(last - first, 0) * self.itemsize
        data = _pread(self._fd, size, self._start + first * self.itemsize) if size else b""
        if len(data) != size:
            raise MappedFileError("the file ends early")
        numbers = array(self.typecode)
        numbers.frombytes(data)
        return little_endian(numbers)


class MappedFile:
    """A checked index file, kept open: its header, and its arrays read when asked."""

    def __init__(self, path: Path) -> None:
        source = path.open("rb")
        try:
            self.header, data_start = _check(source)
            size = os.fstat(source.fileno()).st_size
            self.arrays: list[SavedArray] = []
            for typecode, length, offset in self.header["arrays"]:
                saved = SavedArray(source.fileno(), typecode, int(length), data_start + offset)
                if offset % _ALIGN or data_start + offset + len(saved) * saved.itemsize > size:
                    raise ValueError("arrays lie outside the file")
                self.arrays.append(saved)
        except (ValueError, KeyError, TypeError) as error:
            source.close()
            raise MappedFileError(f"damaged: {error}") from error
        except BaseException:
            source.close()
            raise
        # Closed with the index that reads it (or when the index reads the rest).
        self._closing = weakref.finalize(self, source.close)

    def copied(self) -> list[array[Any]]:
        """Every array read whole (then the file can be closed)."""
        return [numbers.read() for numbers in self.arrays]

    def close(self) -> None:
        self._closing()


def _check(source: Any) -> tuple[dict[str, Any], int]:
    """The header and where the data start, once the whole file matched its checksum."""
    prefix = source.read(len(MAGIC) + 2 + 32 + 8)
    if len(prefix) < len(MAGIC) + 42 or not prefix.startswith(MAGIC):
        raise MappedFileError("not a related-links index file")
    version = int.from_bytes(prefix[len(MAGIC) : len(MAGIC) + 2], "big")
    if version != FORMAT_VERSION:
        raise MappedFileError(f"index format {version}, expected {FORMAT_VERSION}")
    expected = prefix[len(MAGIC) + 2 : len(MAGIC) + 34]
    size_bytes = prefix[len(MAGIC) + 34 :]
    digest = hashlib.sha256(size_bytes)
    header_bytes = source.read(int.from_bytes(size_bytes, "big"))
    digest.update(header_bytes)
    while chunk := source.read(_CHUNK):
        digest.update(chunk)
    if digest.digest() != expected:
        raise MappedFileError("damaged (checksum mismatch)")
    try:
        header = json.loads(header_bytes.decode())
    except ValueError as error:
        raise MappedFileError(f"damaged: {error}") from error
    if not isinstance(header, dict):
        raise MappedFileError("damaged: the header is not an object")
    return header, _aligned(len(MAGIC) + 34 + 8 + len(header_bytes))


class SavedEntries(list):
    """The articles' records of a saved index, each read the first time it is asked for.

    Read-only: the index turns it into a plain list before it changes anything
    (``IndexBase._materialize``).  A list subclass so that the index's type holds.
    """

    def __init__(
        self, rows: list[Any], entity_counts: array[int], vectors: tuple[SavedArray, SavedArray]
    ) -> None:
        super().__init__()
        self._rows = rows
        self._term_ids, self._weights = vectors
        n_terms = np.array([0 if r is None else int(r[5]) for r in rows], dtype=np.int64)
        self._term_at = np.concatenate(([0], np.cumsum(n_terms))).tolist()
        if self._term_at[-1] != len(self._term_ids) or len(self._weights) != len(self._term_ids):
            raise ValueError("term vectors do not match the articles")
        self._entities: list[tuple[int, ...]] = []
        self._built: dict[int, Entry | None] = {}

    def set_entities(self, entities: list[tuple[int, ...]]) -> None:
        self._entities = entities

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, docnum: Any) -> Any:
        if not isinstance(docnum, int):
            raise TypeError("a saved index is read one article at a time")
        if docnum < 0:
            docnum += len(self._rows)
        built = self._built.get(docnum, self)
        if built is self:
            built = self._built[docnum] = self._build(docnum)
        return built

    def __iter__(self) -> Iterator[Entry | None]:
        return (self[docnum] for docnum in range(len(self._rows)))

    def plain(self) -> list[Entry | None]:
        """Every record, to change them: the vectors read in one go, not one by one."""
        term_ids, weights = self._term_ids.read(), self._weights.read()
        return [self._build(docnum, (term_ids, weights)) for docnum in range(len(self._rows))]

    def _build(
        self, docnum: int, read: tuple[array[int], array[float]] | None = None
    ) -> Entry | None:
        row = self._rows[docnum]
        if row is None:
            return None
        doc_id, lang, group, published, status, _, entity_norm = row
        start, end = self._term_at[docnum], self._term_at[docnum + 1]
        term_ids, weights = (
            (read[0][start:end], read[1][start:end])
            if read is not None
            else (self._term_ids.read(start, end), self._weights.read(start, end))
        )
        return Entry(
            doc_id=str(doc_id),
            lang=str(lang),
            group=None if group is None else str(group),
            published=None if published is None else float(published),
            status=str(status),
            term_ids=term_ids,
            weights=weights,
            entities=self._entities[docnum],
            entity_norm=float(entity_norm),
        )


class SavedPostings(dict):
    """One language's posting lists of a saved index, each read when a query asks for it."""

    def __init__(self, where: dict[int, tuple[int, int]], docs: SavedArray, weights: SavedArray):
        super().__init__()
        self._where = where
        self._docs = docs
        self._weights = weights

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._where

    def __len__(self) -> int:
        return len(self._where)

    def __iter__(self) -> Iterator[int]:
        return iter(self._where)

    def __getitem__(self, term_id: int) -> Posting:
        posting = super().get(term_id)
        if posting is None:
            start, end = self._where[term_id]  # KeyError as a dict would
            posting = Posting()
            posting.docs = self._docs.read(start, end)
            posting.weights = self._weights.read(start, end)
            super().__setitem__(term_id, posting)
        return posting

    def get(self, term_id: int, default: Any = None) -> Any:
        return self[term_id] if term_id in self._where else default

    def items(self) -> Any:
        return [(term_id, self[term_id]) for term_id in self._where]

    def values(self) -> Any:
        return [self[term_id] for term_id in self._where]

    def keys(self) -> Any:
        return self._where.keys()

    def plain(self) -> dict[int, Posting]:
        """Every list, to change them: read in one go, not one by one."""
        docs, weights = self._docs.read(), self._weights.read()
        lists = {}
        for term_id, (start, end) in self._where.items():
            posting = lists[term_id] = Posting()
            posting.docs, posting.weights = docs[start:end], weights[start:end]
        return lists


def entity_postings(
    n_names: int, entity_counts: array[int], entity_ids: array[int]
) -> list[array[int]]:
    """Each name's articles in article order, from the articles' name lists (NumPy)."""
    counts = np.frombuffer(entity_counts, dtype=np.uint32).astype(np.int64)
    ids = np.frombuffer(entity_ids, dtype=np.uint32)
    docnums = np.repeat(np.arange(len(counts), dtype=np.uint32), counts)
    order = np.argsort(ids, kind="stable")  # stable: article order within a name
    ids, docnums = ids[order], docnums[order]
    bounds = np.searchsorted(ids, np.arange(n_names + 1)).tolist()
    return [array("I", docnums[bounds[i] : bounds[i + 1]].tobytes()) for i in range(n_names)]


def _pread(fd: int, size: int, offset: int) -> bytes:
    """Read at an offset without moving the file's position: forked workers share it."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    with _no_pread:  # Windows: no forked workers there, only threads
        os.lseek(fd, offset, os.SEEK_SET)
        return os.read(fd, size)


_no_pread = threading.Lock()


def _aligned(at: int) -> int:
    return (at + _ALIGN - 1) // _ALIGN * _ALIGN
