"""XLIFF 1.2 files: an article's segments for an outside translator, and back.

Written and read with translate-toolkit's XLIFF store (its new files are XLIFF 1.1; a
1.2 skeleton makes them 1.2, valid against the OASIS strict schema). Each segment is a
``<trans-unit>`` whose id carries the segment key and the hash of the source text it was
exported with (``body:3@9f2c…``): on import a unit whose source changed meanwhile is
recognised and not taken as a current translation. The segment status travels as the
target's ``state`` (1.2's fixed values).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from editor.core.translation.staleness import SegmentStatus

MAX_XLIFF_BYTES = 64 * 1024 * 1024
XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"

# Segment status -> XLIFF 1.2 target state, and back (other tools' states included).
_STATE_OF = {
    SegmentStatus.UNTRANSLATED: "needs-translation",
    SegmentStatus.DRAFT: "needs-review-translation",
    SegmentStatus.TRANSLATED: "translated",
    SegmentStatus.REVIEWED: "signed-off",
}
_STATUS_OF = {
    "new": SegmentStatus.UNTRANSLATED,
    "needs-translation": SegmentStatus.UNTRANSLATED,
    "needs-l10n": SegmentStatus.UNTRANSLATED,
    "needs-adaptation": SegmentStatus.DRAFT,
    "needs-review-translation": SegmentStatus.DRAFT,
    "needs-review-l10n": SegmentStatus.DRAFT,
    "needs-review-adaptation": SegmentStatus.DRAFT,
    "translated": SegmentStatus.TRANSLATED,
    "signed-off": SegmentStatus.REVIEWED,
    "final": SegmentStatus.REVIEWED,
}


class XliffError(ValueError):
    """An XLIFF file that cannot be read, with a one-line reason."""


@dataclass(frozen=True, slots=True)
class XliffUnit:
    key: str  # the segment key, "body:3"
    source_hash: str
    source: str
    target: str
    status: SegmentStatus

    @property
    def unit_id(self) -> str:
        return f"{self.key}@{self.source_hash}"


@dataclass(frozen=True)
class XliffDocument:
    original: str  # which article: "article-12"
    source_lang: str
    target_lang: str
    units: tuple[XliffUnit, ...]


def _store_class() -> Any:
    from translate.storage import xliff

    class Xliff12Unit(xliff.xliffunit):
        namespace = XLIFF_12

    class Xliff12File(xliff.xlifffile):
        UnitClass = Xliff12Unit
        XMLskeleton = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<xliff version="1.2" xmlns="{XLIFF_12}">\n'
            '<file original="NoName" source-language="en" datatype="plaintext">\n'
            "<body></body>\n</file>\n</xliff>"
        )
        namespace = XLIFF_12

    return Xliff12File


def write_xliff(document: XliffDocument) -> bytes:
    """The document as XLIFF 1.2 (one ``<file>``)."""
    store = _store_class()(sourcelanguage=document.source_lang)
    store.settargetlanguage(document.target_lang)
    for item in document.units:
        unit = store.addsourceunit(item.source)
        unit.setid(item.unit_id)
        unit.xmlelement.set("resname", item.key)
        if item.target:  # an untranslated segment has no <target> yet
            unit.settarget(item.target)
            unit.markapproved(item.status is SegmentStatus.REVIEWED)
            target = unit.xmlelement.find(store.namespaced("target"))
            target.set("state", _STATE_OF[item.status])
    # Named last: the toolkit files new units under the file named "NoName".
    filenode = next(store.document.getroot().iterchildren(store.namespaced("file")))
    filenode.set("original", document.original)
    return bytes(store)


def read_xliff(data: bytes) -> XliffDocument:
    """The units of an XLIFF 1.x file written by :func:`write_xliff` (and then edited by
    any CAT tool). Raises :class:`XliffError` with the reason when it cannot be read."""
    if len(data) > MAX_XLIFF_BYTES:
        raise XliffError(f"the file has {len(data):,} bytes; at most {MAX_XLIFF_BYTES:,}")
    from lxml import etree

    try:
        store = _store_class().parsestring(data)
    except etree.XMLSyntaxError as error:
        raise XliffError(f"not well-formed XML: {error}") from None
    except (AssertionError, StopIteration):
        raise XliffError("not an XLIFF file (no <xliff> with a <file>)") from None
    except ValueError as error:  # XLIFF 2 and the like: the toolkit says which
        raise XliffError(str(error).split(". ")[0]) from None
    root = store.document.getroot()
    version = root.get("version", "")
    if not version.startswith("1."):
        raise XliffError(f"XLIFF version {version or '(none)'} is not supported (1.x is read)")
    filenode = next(root.iterchildren(store.namespaced("file")))
    units = tuple(_read_units(store, store.units))
    return XliffDocument(
        original=filenode.get("original", ""),
        source_lang=filenode.get("source-language", ""),
        target_lang=filenode.get("target-language", ""),
        units=units,
    )


def _read_units(store, units: Iterable) -> Iterable[XliffUnit]:
    for unit in units:
        unit_id = unit.xmlelement.get("id", "")  # getid() prefixes the file's name
        key, _, source_hash = unit_id.rpartition("@")
        if not key:
            key, source_hash = unit_id, ""
        target_node = unit.xmlelement.find(store.namespaced("target"))
        target = unit.target or ""
        state = target_node.get("state", "") if target_node is not None else ""
        status = _STATUS_OF.get(state)
        if status is None:  # no state: approved, or filled in, or not
            status = (
                SegmentStatus.REVIEWED
                if unit.isapproved()
                else SegmentStatus.TRANSLATED
                if target.strip()
                else SegmentStatus.UNTRANSLATED
            )
        yield XliffUnit(key, source_hash, unit.source or "", target, status)
