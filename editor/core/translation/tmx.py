"""TMX (Translation Memory eXchange) files: reading any TMX 1.1–1.4, writing TMX 1.4.

The file is parsed by translate-toolkit (its TMX store, over lxml's safe parser); this
module turns its units into language pairs. What other tools write and the toolkit leaves
to its reader: TMX 1.1's ``lang`` attribute where 1.4 has ``xml:lang`` (OmegaT still
writes 1.1), regional codes ("DE-DE", "en-GB": the archive speaks ISO 639-1, so "de",
"en"), inline codes inside a segment (``<bpt>``, ``<ph>``... hold the original file's
markup, which is not text and is left out) and units with more than two languages
(each non-source language becomes one pair).

Nothing is lost silently: a unit that gives no pair is reported with its position and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from editor import __version__

# A TMX larger than this is refused before parsing (the whole tree is held in memory).
MAX_TMX_BYTES = 256 * 1024 * 1024
SUPPORTED_VERSIONS = ("1.1", "1.2", "1.3", "1.4", "1.4b")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements holding the original file's codes, not translatable text.
_CODE_ELEMENTS = frozenset({"bpt", "ept", "it", "ph", "ut"})


class TmxError(ValueError):
    """A TMX file that cannot be read, with a one-line reason."""


@dataclass(frozen=True, slots=True)
class TmPair:
    source_lang: str
    target_lang: str
    source: str
    target: str
    origin: str = ""  # where the pair came from: a tool, a file, a user


@dataclass
class TmxContents:
    pairs: list[TmPair] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "unit 7: only one language"
    tool: str = ""


def base_language(code: str | None) -> str:
    """ "DE-DE" -> "de", "en_GB" -> "en", "*all*" and "" -> ""."""
    if not code or code.strip() == "*all*":
        return ""
    return code.replace("_", "-").split("-")[0].strip().lower()


def read_tmx(data: bytes, *, origin: str = "") -> TmxContents:
    """The language pairs of a TMX file. Raises :class:`TmxError` for a file that is not
    TMX, is malformed, too large, or of a version this reader does not know."""
    if len(data) > MAX_TMX_BYTES:
        raise TmxError(
            f"the file has {len(data):,} bytes; at most {MAX_TMX_BYTES:,} are read at once"
        )
    from lxml import etree
    from translate.storage import tmx

    try:
        store = tmx.tmxfile.parsestring(data)
    except etree.XMLSyntaxError as error:
        raise TmxError(f"not well-formed XML: {error}") from None
    except (AssertionError, ValueError, StopIteration):
        raise TmxError("not a TMX file (its root element is not <tmx> with a <body>)") from None
    root = store.document.getroot()
    if etree.QName(root).localname != "tmx":
        raise TmxError("not a TMX file (its root element is not <tmx>)")
    version = (root.get("version") or "").strip()
    if version not in SUPPORTED_VERSIONS:
        raise TmxError(
            f"TMX version {version or '(none)'} is not supported "
            f"(read: {', '.join(SUPPORTED_VERSIONS[:-1])})"
        )
    if root.find("body") is None:
        raise TmxError("not a TMX file (it has no <body>)")
    header = root.find("header")
    header_lang = base_language(header.get("srclang")) if header is not None else ""
    tool = header.get("creationtool", "") if header is not None else ""
    contents = TmxContents(tool=tool)
    for number, unit in enumerate(store.units, start=1):
        _read_unit(unit.xmlelement, number, header_lang, origin or tool, contents)
    return contents


def _read_unit(tu, number: int, header_lang: str, origin: str, into: TmxContents) -> None:
    variants: list[tuple[str, str]] = []
    for tuv in tu.iterchildren("tuv"):
        lang = base_language(tuv.get(XML_LANG) or tuv.get("lang"))
        seg = tuv.find("seg")
        text = " ".join(segment_text(seg).split()) if seg is not None else ""
        if lang and text:
            variants.append((lang, text))
    where = f"unit {number}" + (f" ({tu.get('tuid')})" if tu.get("tuid") else "")
    if len({lang for lang, _ in variants}) < 2:
        into.skipped.append(f"{where}: fewer than two languages with text")
        return
    source_lang = base_language(tu.get("srclang")) or header_lang
    sources = [(lang, text) for lang, text in variants if lang == source_lang]
    if not sources:  # "*all*" or a source language the unit lacks: its first variant
        sources = variants[:1]
    src_lang, src_text = sources[0]
    prop = next((p for p in tu.iterchildren("prop") if p.get("type") == "x-origin"), None)
    origin = (prop.text or "").strip() if prop is not None else origin
    for lang, text in variants:
        if lang != src_lang:
            into.pairs.append(TmPair(src_lang, lang, src_text, text, origin))


def segment_text(seg) -> str:
    """A ``<seg>``'s text without the inline codes (kept: the text of ``<hi>``, ``<sub>``)."""
    parts = [seg.text or ""]
    for child in seg:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag.rsplit("}", 1)[-1] not in _CODE_ELEMENTS:
            parts.append(segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def write_tmx(pairs: Iterable[TmPair], *, source_lang: str) -> bytes:
    """A TMX 1.4 document of the pairs (valid against the TMX 1.4b DTD)."""
    from lxml import etree
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage=source_lang)
    store.addheader()
    header = store.document.getroot().find("header")
    header.set("creationtool", "Newsdesk")
    header.set("creationtoolversion", __version__)
    header.set("o-tmf", "Newsdesk")
    header.set("creationdate", datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"))
    header.set("srclang", source_lang)
    header.set("datatype", "plaintext")
    for pair in pairs:
        unit = store.addsourceunit(pair.source, pair.source_lang)
        unit.settarget(pair.target, pair.target_lang, append=True)
        if pair.origin:
            prop = etree.Element("prop", type="x-origin")
            prop.text = pair.origin
            unit.xmlelement.insert(0, prop)
    return bytes(store)
