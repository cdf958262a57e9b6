"""The bilingual word list compiled: a file read in milliseconds instead of parsed in seconds.

Parsing the Ding list (about 200,000 lines) builds two tables of 380,000 words; that took
most of a one-shot ``newsdesk related ID``.  The compiled file holds each table as its
words sorted, one a line, and their translations in the same order, with the offset of
every line: a word is found by bisection in the file's bytes without building the table.
A table is built whole (one split of each block) once :data:`READ_WHOLE_AFTER` words
were looked up in it: an index build asks millions of times whether a word is German.

Layout: MAGIC, format version (2 bytes, big-endian), SHA-256 of the rest (32 bytes), then
header length (4 bytes, big-endian), UTF-8 JSON header (the source file's path, size and
modification time; per table its count and where its four parts start), then the parts:
line offsets (uint32, little-endian, count + 1) and lines, for the words and for their
translations (tab-separated).  A file that does not match its source, or is damaged, is
ignored: the source is parsed again and the file rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from editor.core.related.binary import little_endian, write_checked

MAGIC = b"NEWSDESK-WORDS\n"
FORMAT_VERSION = 1
READ_WHOLE_AFTER = 5000  # lookups in one table before it is built whole
_PREFIX = len(MAGIC) + 2 + 32

Translations = tuple[str, ...]


class CompiledTable(Mapping[str, Translations]):
    """One direction of the word list, looked up in the compiled file's bytes."""

    def __init__(
        self, data: memoryview, count: int, parts: list[tuple[int, int]], *, whole_after: int
    ) -> None:
        (key_at, key_len), (keys_at, keys_len), (value_at, value_len), (values_at, _) = parts
        self._count = count
        self._key_offsets = _offsets(data, key_at, key_len)
        self._value_offsets = _offsets(data, value_at, value_len)
        self._keys = data[keys_at : keys_at + keys_len]
        self._values = data[values_at:]
        self._lookups = 0
        self._whole_after = whole_after
        self._whole: dict[str, Translations] | None = None
        if len(self._key_offsets) != count + 1 or len(self._value_offsets) != count + 1:
            raise ValueError("line offsets do not match the count")

    def _key(self, i: int) -> bytes:
        offsets = self._key_offsets
        return bytes(self._keys[offsets[i] : offsets[i + 1] - 1])

    def _translations(self, i: int) -> Translations:
        offsets = self._value_offsets
        text = bytes(self._values[offsets[i] : offsets[i + 1] - 1]).decode()
        return tuple(text.split("\t")) if text else ()

    def get(self, word: str, default: Any = None) -> Any:
        whole = self._whole
        if whole is not None:
            return whole.get(word, default)
        self._lookups += 1
        if self._lookups > self._whole_after:
            self._whole = whole = self._read_whole()
            return whole.get(word, default)
        wanted = word.encode()
        i = bisect_left(range(self._count), wanted, key=self._key)
        if i < self._count and self._key(i) == wanted:
            return self._translations(i)
        return default

    def _read_whole(self) -> dict[str, Translations]:
        words = bytes(self._keys).decode().split("\n")[: self._count]
        values = bytes(self._values[: self._value_offsets[-1]]).decode().split("\n")
        return {
            w: tuple(v.split("\t")) if v else ()
            for w, v in zip(words, values[: self._count], strict=True)
        }

    def __getitem__(self, word: str) -> Translations:
        found: Translations | None = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._whole if self._whole is not None else self._read_whole())

    def __len__(self) -> int:
        return self._count


def write_compiled(
    path: Path,
    source: Path,
    stat: os.stat_result,
    *tables: Mapping[str, Translations],
) -> None:
    """Write the tables compiled, atomically; OSError when the file cannot be written."""
    parts: list[bytes] = []
    layout = []
    at = 0
    for table in tables:
        words = sorted(table)  # code-point order is the UTF-8 bytes' order too
        blocks = [
            "".join(f"{w}\n" for w in words).encode(),
            "".join("\t".join(table[w]) + "\n" for w in words).encode(),
        ]
        placed = []
        for block, lengths in zip(blocks, _line_ends(blocks), strict=True):
            offsets = little_endian(array("I", [0, *lengths]))
            for chunk in (offsets.tobytes(), block):
                placed.append([at, len(chunk)])
                parts.append(chunk)
                at += len(chunk)
        layout.append({"count": len(words), "parts": placed})
    header = json.dumps({**_stamp(source, stat), "tables": layout}).encode()
    body = len(header).to_bytes(4, "big") + header + b"".join(parts)
    write_checked(path, MAGIC, FORMAT_VERSION, body)


def read_compiled(
    path: Path, source: Path, stat: os.stat_result, *, whole_after: int = READ_WHOLE_AFTER
) -> list[CompiledTable] | None:
    """The tables compiled from ``source`` as it is now; None when the file is missing,
    damaged, of another format or made from another version of the source."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    version = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 2], "big")
    if not data.startswith(MAGIC) or version != FORMAT_VERSION or len(data) < _PREFIX + 4:
        return None
    body = memoryview(data)[_PREFIX:]  # slices of it copy nothing
    if hashlib.sha256(body).digest() != data[_PREFIX - 32 : _PREFIX]:
        return None
    try:
        size = int.from_bytes(body[:4], "big")
        header = json.loads(bytes(body[4 : 4 + size]))
        if {k: header.get(k) for k in ("source", "size", "mtime_ns")} != _stamp(source, stat):
            return None
        blocks = body[4 + size :]
        return [
            CompiledTable(
                blocks,
                int(t["count"]),
                [(int(a), int(n)) for a, n in t["parts"]],
                whole_after=whole_after,
            )
            for t in header["tables"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _stamp(source: Path, stat: os.stat_result) -> dict[str, Any]:
    return {"source": str(source), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _line_ends(blocks: list[bytes]) -> list[list[int]]:
    """Each block's line end offsets (after each line's newline)."""
    ends = []
    for block in blocks:
        found, at = [], 0
        while (at := block.find(b"\n", at) + 1) > 0:
            found.append(at)
        ends.append(found)
    return ends


def _offsets(data: memoryview, at: int, length: int) -> array[int]:
    numbers = array("I")
    numbers.frombytes(data[at : at + length])
    return little_endian(numbers)
