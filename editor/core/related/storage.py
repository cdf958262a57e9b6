"""The index file: a small JSON header and typed number arrays, compressed and checksummed.

Not pickle: loading a file from the user's data folder must never run code, and a damaged
file must fail with one clear error (the app then rebuilds the index), not anything odd.

Layout: MAGIC, format version (2 bytes, big-endian), SHA-256 of the rest (32 bytes), then
zlib-compressed: header length (8 bytes, big-endian), UTF-8 JSON header, array bytes.
The header lists each array's type code and length; arrays are stored little-endian.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

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
        chunks.append(compressor.compress(_little_endian(numbers).tobytes()))
    chunks.append(compressor.flush())
    body = b"".join(chunks)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as out:
        out.write(MAGIC + FORMAT_VERSION.to_bytes(2, "big") + hashlib.sha256(body).digest())
        out.write(body)
    os.replace(temporary, path)


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
        arrays.append(_little_endian(numbers))
        offset = end
    return header, arrays


def _little_endian(numbers: array[Any]) -> array[Any]:
    if sys.byteorder == "little":
        return numbers
    swapped = array(numbers.typecode, numbers)
    swapped.byteswap()
    return swapped
