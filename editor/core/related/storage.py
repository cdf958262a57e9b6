"""Saving and loading the index: a small JSON header and typed number arrays, compressed
and checksummed (the meaning vectors use the same file format).

Not pickle: loading a file from the user's data folder must never run code, and a damaged
file must fail with one clear error (the app then rebuilds the index), not anything odd.

Layout: MAGIC, format version (2 bytes, big-endian), SHA-256 of the rest (32 bytes), then
zlib-compressed: header length (8 bytes, big-endian), UTF-8 JSON header, array bytes.
The header lists each array's type code and length; arrays are stored little-endian.
That is the meaning vectors' format; the index itself is stored uncompressed, so that a
query can read it in place (format 2, see mapped.py).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from editor.core.entities.model import name_key
from editor.core.related.binary import little_endian, write_checked
from editor.core.related.mapped import FORMAT_VERSION as MAPPED_FORMAT
from editor.core.related.mapped import (
    MappedFile,
    MappedFileError,
    SavedEntries,
    SavedPostings,
    entity_postings,
    write_mapped_file,
)
from editor.core.related.structures import Entry, Posting

if TYPE_CHECKING:
    from editor.core.related.building import IndexBase

_Loaded = TypeVar("_Loaded", bound="IndexBase")

MAGIC = b"NEWSDESK-RELATED\n"
FORMAT_VERSION = 1


class IndexFileError(Exception):
    """The index file is missing, damaged, or from another format version: rebuild it."""


def write_index_file(path: Path, header: dict[str, Any], arrays: list[array[Any]]) -> None:
    """Write atomically (temporary file, then rename) so a crash never leaves half a file."""
    header = {**header, "arrays": [[a.typecode, len(a)] for a in arrays]}
    header_bytes = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode()
    compressor = zlib.compressobj(level=1)  # fast: the file is a cache, not an archive
    chunks = [compressor.compress(len(header_bytes).to_bytes(8, "big") + header_bytes)]
    for numbers in arrays:
        chunks.append(compressor.compress(little_endian(numbers).tobytes()))
    chunks.append(compressor.flush())
    write_checked(path, MAGIC, FORMAT_VERSION, b"".join(chunks))


def read_index_file(path: Path) -> tuple[dict[str, Any], list[array[Any]]]:
    """Header and arrays, or IndexFileError saying what is wrong with the file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IndexFileError(f"cannot read the related-links index {path}: {error}") from error
    prefix = len(MAGIC) + 2 + 32
    if len(data) < prefix or not data.startswith(MAGIC):
        raise IndexFileError(f"{path} is not a related-links index file")
    version = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 2], "big")
    if version == MAPPED_FORMAT:  # only the meaning vectors read this format now
        raise IndexFileError(f"{path} is the related-links index, not a file of meaning vectors")
    if version != FORMAT_VERSION:
        raise IndexFileError(f"{path} has index format {version}, expected {FORMAT_VERSION}")
    body = data[prefix:]
    if hashlib.sha256(body).digest() != data[prefix - 32 : prefix]:
        raise IndexFileError(f"{path} is damaged (checksum mismatch)")
    try:
        return _decode(zlib.decompress(body))
    except (ValueError, KeyError, TypeError, zlib.error) as error:
        raise IndexFileError(f"{path} is damaged: {error}") from error


def _decode(raw: bytes) -> tuple[dict[str, Any], list[array[Any]]]:
    size = int.from_bytes(raw[:8], "big")
    header = json.loads(raw[8 : 8 + size].decode())
    if not isinstance(header, dict):
        raise ValueError("header is not an object")
    offset = 8 + size
    arrays = []
    for typecode, length in header["arrays"]:
        numbers = array(typecode)
        end = offset + length * numbers.itemsize
        if end > len(raw):
            raise ValueError("arrays end early")
        numbers.frombytes(raw[offset:end])
        arrays.append(little_endian(numbers))
        offset = end
    return header, arrays


def save_index(index: IndexBase, path: Path) -> None:
    """Write the index to `path` (atomically), so the app need not rebuild it on start.

    Posting lists are written as they are (sorted), so loading needs no sorting; deleted
    articles stay as empty rows (the posting lists may still name them), so saving needs
    no renumbering either.
    """
    index._sort_postings()
    entries = index._entries
    term_ids, weights = array("I"), array("f")
    entity_counts, entity_ids = array("I"), array("I")
    for entry in entries:
        if entry is None:
            entity_counts.append(0)
            continue
        term_ids.extend(entry.term_ids)
        weights.extend(entry.weights)
        entity_counts.append(len(entry.entities))
        entity_ids.extend(entry.entities)
    posting_terms, posting_lengths = array("I"), array("I")
    posting_docs, posting_weights = array("I"), array("f")
    languages = []
    for lang, by_term in index._postings.items():
        languages.append([lang, len(by_term)])
        for term_id, posting in by_term.items():
            posting_terms.append(term_id)
            posting_lengths.append(len(posting.docs))
            posting_docs.extend(posting.docs)
            posting_weights.extend(posting.weights)
    header = {
        "doc_count": index._doc_count,
        "indexed_terms": index.config.indexed_terms,
        "terms": index._terms,
        "surface": index._surface,
        "entity_names": index._entity_names,
        "seen_words": sorted(index._analyzer.seen),
        "languages": languages,
        "docs": [
            None
            if e is None
            else [
                e.doc_id,
                e.lang,
                e.group,
                e.published,
                e.status,
                len(e.term_ids),
                e.entity_norm,
            ]
            for e in entries
        ],
    }
    arrays: list[array] = [
        array("I", index._term_df),
        array("I", index._entity_df),
        entity_counts,
        entity_ids,
        term_ids,
        weights,
        posting_terms,
        posting_lengths,
        posting_docs,
        posting_weights,
    ]
    write_mapped_file(path, header, arrays)


def load_index(index: _Loaded, path: Path, *, mapped: bool = False) -> _Loaded:
    """Fill an empty index with one saved by `save_index`; IndexFileError when the file
    is missing or damaged.

    ``mapped``: read the file in place, each article's record and posting list built when
    a query first needs it (see mapped.py); the index reads the rest before it changes.
    """
    try:
        saved = MappedFile(path)
    except OSError as error:
        raise IndexFileError(f"cannot read the related-links index {path}: {error}") from error
    except MappedFileError as error:
        raise IndexFileError(f"{path}: {error}") from error
    try:
        if mapped and saved.header["indexed_terms"] == index.config.indexed_terms:
            _map_saved(index, saved)
        else:
            _from_saved(index, saved.header, saved.copied())
            saved.close()
        return index
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise IndexFileError(f"{path} is damaged: {error!r}") from error


def _statistics(index: IndexBase, header: dict, term_df: Any, entity_df: Any) -> None:
    """The vocabulary, names and their statistics: what every load reads whole."""
    index._doc_count = int(header["doc_count"])
    index._terms = [str(t) for t in header["terms"]]
    index._term_ids = {t: i for i, t in enumerate(index._terms)}
    index._term_df = list(term_df)
    index._surface = dict(header["surface"])
    index._analyzer.seen = set(header["seen_words"])
    index._entity_names = [str(n) for n in header["entity_names"]]
    index._entity_ids = {name_key(n): i for i, n in enumerate(index._entity_names)}
    index._entity_df = list(entity_df)
    if len(term_df) != len(index._terms) or len(entity_df) != len(index._entity_names):
        raise ValueError("statistics do not match the vocabulary")


def _map_saved(index: IndexBase, saved: MappedFile) -> None:
    """The index read in place: the statistics, the articles' ids, groups and names now;
    term vectors and posting lists when a query asks for them."""
    small = [saved.arrays[i].read() for i in (0, 1, 2, 3, 6, 7)]
    term_df, entity_df, entity_counts, entity_ids, posting_terms, posting_lengths = small
    term_ids, weights, posting_docs, posting_weights = (saved.arrays[i] for i in (4, 5, 8, 9))
    _statistics(index, header := saved.header, term_df, entity_df)
    rows = header["docs"]
    if len(rows) != len(entity_counts) or sum(entity_counts) != len(entity_ids):
        raise ValueError("the name counts do not match the articles")
    if _largest(entity_ids) >= max(len(entity_df), 1):
        raise ValueError("names do not match the name list")
    entries = SavedEntries(rows, entity_counts, (term_ids, weights))
    names: list[tuple[int, ...]] = []
    at = 0
    for docnum, (row, count) in enumerate(zip(rows, entity_counts, strict=True)):
        names.append(tuple(entity_ids[at : at + count]))
        at += count
        if row is None:  # a deleted article's place
            index._tombstones += 1
            continue
        index._by_id[str(row[0])] = docnum
        if row[2] is not None:
            index._groups[str(row[2])].add(docnum)
    entries.set_entities(names)
    index._entries = entries
    index._entity_postings = entity_postings(len(entity_df), entity_counts, entity_ids)
    lengths = np.frombuffer(posting_lengths, dtype=np.uint32).astype(np.int64)
    if len(posting_docs) != len(posting_weights) or int(lengths.sum()) != len(posting_docs):
        raise ValueError("posting lists do not add up")
    ends = np.cumsum(lengths).tolist()
    row_at = 0
    for lang, count in header["languages"]:
        where = {}
        for _ in range(int(count)):
            where[posting_terms[row_at]] = (ends[row_at] - int(lengths[row_at]), ends[row_at])
            row_at += 1
        index._postings[str(lang)] = SavedPostings(where, posting_docs, posting_weights)
    index._mapped = saved


def read_the_rest(index: IndexBase) -> None:
    """An index read in place reads the rest of its file before anything in it changes:
    it then holds every record and posting list itself, and lets the file go."""
    saved = index._mapped
    if saved is None:
        return
    entries = index._entries
    index._entries = entries.plain() if isinstance(entries, SavedEntries) else list(entries)
    for lang, by_term in index._postings.items():
        if isinstance(by_term, SavedPostings):
            index._postings[lang] = by_term.plain()
    index._mapped = None
    saved.close()


def _largest(numbers: Any) -> int:
    return int(np.frombuffer(numbers, dtype=np.uint32).max()) if len(numbers) else 0


def _from_saved(index: IndexBase, header: dict, arrays: list[array]) -> None:
    (term_df, entity_df, entity_counts, entity_ids, term_ids, weights) = arrays[:6]
    _statistics(index, header, term_df, entity_df)
    index._entity_postings = [array("I") for _ in index._entity_names]
    if _largest(entity_ids) >= max(len(entity_df), 1):
        raise ValueError("names do not match the name list")
    if _largest(term_ids) >= max(len(term_df), 1):
        raise ValueError("term vectors do not match the vocabulary")
    term_at = entity_at = 0
    for row, n_entities in zip(header["docs"], entity_counts, strict=True):
        if row is None:  # a deleted article's place
            index._entries.append(None)
            index._tombstones += 1
            continue
        doc_id, lang, group, published, status, n_terms, entity_norm = row
        entry = Entry(
            doc_id=str(doc_id),
            lang=str(lang),
            group=None if group is None else str(group),
            published=None if published is None else float(published),
            status=str(status),
            term_ids=term_ids[term_at : term_at + n_terms],
            weights=weights[term_at : term_at + n_terms],
            entities=tuple(entity_ids[entity_at : entity_at + n_entities]),
            entity_norm=float(entity_norm),
        )
        term_at += n_terms
        entity_at += n_entities
        if len(entry.term_ids) != n_terms:
            raise ValueError("term vectors end early")
        docnum = len(index._entries)
        index._entries.append(entry)
        index._by_id[entry.doc_id] = docnum
        if entry.group is not None:
            index._groups[entry.group].add(docnum)
        for entity_id in entry.entities:
            index._entity_postings[entity_id].append(docnum)
    if term_at != len(term_ids) or entity_at != len(entity_ids):
        raise ValueError("arrays longer than the articles they belong to")
    if header["indexed_terms"] == index.config.indexed_terms:
        _load_postings(index, header["languages"], arrays[6:])
    else:  # saved with another setting: post again from the stored vectors
        for docnum, saved in enumerate(index._entries):
            if saved is not None:
                index._post_terms(docnum, saved)
        index._sort_postings()


def _load_postings(index: IndexBase, languages: list, arrays: list[array]) -> None:
    posting_terms, posting_lengths, posting_docs, posting_weights = arrays
    n_docs = len(index._entries)
    if _largest(posting_docs) >= max(n_docs, 1):
        raise ValueError("posting lists name unknown articles")
    if len(posting_docs) != len(posting_weights) or sum(posting_lengths) != len(posting_docs):
        raise ValueError("posting lists do not add up")
    row = at = 0
    for lang, count in languages:
        by_term = index._postings[str(lang)]
        for _ in range(int(count)):
            length = posting_lengths[row]
            posting = by_term[posting_terms[row]] = Posting()
            posting.docs = posting_docs[at : at + length]
            posting.weights = posting_weights[at : at + length]
            row += 1
            at += length
