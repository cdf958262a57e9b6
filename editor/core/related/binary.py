"""What the engine's files share: numbers stored little-endian, and a checked file
written whole or not at all (the index, the meaning vectors, the compiled word list)."""

from __future__ import annotations

import hashlib
import os
import sys
from array import array
from pathlib import Path
from typing import Any


def little_endian(numbers: array[Any]) -> array[Any]:
    """``numbers`` as stored (and, read back, as used): swapped on big-endian machines."""
    if sys.byteorder == "little":
        return numbers
    swapped = array(numbers.typecode, numbers)
    swapped.byteswap()
    return swapped


def write_checked(path: Path, magic: bytes, version: int, body: bytes) -> None:
    """MAGIC, version (2 bytes, big-endian), SHA-256 of ``body``, ``body``: written to a
    temporary file and renamed, so that a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as out:
        out.write(magic + version.to_bytes(2, "big") + hashlib.sha256(body).digest())
        out.write(body)
    os.replace(temporary, path)
