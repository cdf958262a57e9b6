"""Where the data folders (resources/, db/) are, in a checkout and in a wheel.

In a source checkout or an editable install they sit at the top of the
repository; a built wheel carries them inside the package as ``editor/_data``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def data_root() -> Path:
    """The folder that holds ``resources/`` and ``db/``."""
    bundled = _PACKAGE_DIR / "_data"
    if (bundled / "resources").is_dir():
        return bundled
    return _PACKAGE_DIR.parent


def resources_dir() -> Path:
    return data_root() / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    return data_root() / "db" / "migrations"
