"""XLIFF 1.2 out and back."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from editor.core.translation.staleness import SegmentStatus
from editor.core.translation.xliff import (
    XliffDocument,
    XliffError,
    XliffUnit,
    read_xliff,
    write_xliff,
)

SCHEMAS = Path(__file__).parent / "schemas"

DOCUMENT = XliffDocument(
    original="newsdesk-article-7",
    source_lang="de",
    target_lang="en",
    units=(
        XliffUnit("title:0", "0123456789abcdef", "Neues Telefon & mehr", "New phone & more",
                  SegmentStatus.TRANSLATED),
        XliffUnit("body:0", "1111111111111111", "Erster <Absatz>.", "", SegmentStatus.UNTRANSLATED),
        XliffUnit("body:1", "2222222222222222", "Zweiter Absatz.", "Second paragraph.",
                  SegmentStatus.REVIEWED),
        XliffUnit("body:2", "3333333333333333", "Dritter Absatz.", "Third paragraph?",
                  SegmentStatus.DRAFT),
    ),
)  # fmt: skip


def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict-subset.xsd")))


def test_round_trip() -> None:
    assert read_xliff(write_xliff(DOCUMENT)) == DOCUMENT


def test_export_is_valid_xliff_12_strict() -> None:
    schema = _schema()
    document = etree.fromstring(write_xliff(DOCUMENT))
    assert schema.validate(document), schema.error_log.filter_from_errors()
    # Strict means strict: a state outside 1.2's list fails.
    target = document.find(".//{urn:oasis:names:tc:xliff:document:1.2}target")
    target.set("state", "x-almost-done")
    assert not schema.validate(document)


def test_a_file_edited_in_a_cat_tool_reads_back() -> None:
    edited = (
        write_xliff(DOCUMENT)
        .decode()
        .replace("<source>Erster &lt;Absatz&gt;.</source>",
                 "<source>Erster &lt;Absatz&gt;.</source><target state=\"final\">First.</target>")
    )  # fmt: skip
    units = {u.key: u for u in read_xliff(edited.encode()).units}
    assert units["body:0"].target == "First."
    assert units["body:0"].status is SegmentStatus.REVIEWED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<xliff version='1.2'><file", "not well-formed"),
        (b"<tmx version='1.4'/>", "not an XLIFF file"),
        (b"<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.0'><file id='f'/>"
         b"</xliff>", "XLIFF 2.x"),
    ],
)  # fmt: skip
def test_bad_files(data: bytes, message: str) -> None:
    with pytest.raises(XliffError, match=message):
        read_xliff(data)
