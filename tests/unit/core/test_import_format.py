"""The import format, parsed without a database: every reason a record is rejected."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from editor.core.importing import (
    Rejected,
    export_mapping,
    group_id_for,
    markdown_file_name,
    normalize_body,
    parse_jsonl,
    parse_markdown,
    record_from_mapping,
    split_front_matter,
    to_markdown,
)
from editor.core.workflow import Status


def _line(**fields: object) -> bytes:
    record = {"id": "a1", "lang": "de", "title": "Titel", "body": "Text"}
    record.update(fields)
    return json.dumps({k: v for k, v in record.items() if v is not None}).encode()


def test_a_full_record_is_read_and_normalised() -> None:
    data = _line(
        lang="de-AT",
        title="  Neue   Chips ",
        body="\n\nErster Absatz.\n\nZweiter.\n\n",
        teaser=" Kurz ",
        author="Jana",
        status="in review",
        published_at="2026-03-01T10:30:00+01:00",
        tags=["KI", " KI ", "Halbleiter  Industrie"],
        group="chips",
    )
    result = parse_jsonl(data)
    assert result.rejected == []
    [record] = result.records
    assert record.external_id == "a1"
    assert record.language == "de"
    assert record.title == "Neue Chips"
    assert record.body == "Erster Absatz.\n\nZweiter."
    assert (record.teaser, record.author) == ("Kurz", "Jana")
    assert record.status is Status.IN_REVIEW
    assert record.published_at == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert record.tags == ("KI", "Halbleiter Industrie")
    assert record.group_id == group_id_for("chips")
    assert record.where == "line 1"


def test_tags_may_be_objects_with_a_kind_and_a_wikidata_id() -> None:
    record = record_from_mapping(
        json.loads(
            _line(tags=["KI", {"name": "Siemens", "kind": "organisation", "wikidata": "Q81230"}])
        ),
        where="line 1",
    )
    assert record.tags == ("KI", "Siemens")
    [spec] = record.tag_specs
    assert (spec.name, spec.kind.value, spec.wikidata) == ("Siemens", "organisation", "Q81230")


def test_defaults_for_optional_fields() -> None:
    [record] = parse_jsonl(_line()).records
    assert record.status is Status.DRAFT
    assert (record.teaser, record.author, record.tags) == ("", "", ())
    assert record.published_at is None and record.group_id is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"id": "x", "lang": "de", "title": "T"', "invalid JSON"),
        (b'["not", "an", "object"]', "expected an object"),
        (_line(title=None), "missing title"),
        (_line(title="   "), "empty title"),
        (_line(body=None), "missing body"),
        (_line(lang=None), "missing lang"),
        (_line(lang="xx"), "unknown language code 'xx'"),
        (_line(lang=7), "lang must be a code"),
        (_line(status="live"), "unknown status 'live'"),
        (_line(published_at="gestern"), "bad date 'gestern'"),
        (_line(published_at=20260301), "published_at must be an ISO 8601 date"),
        (_line(tags="KI, Chips"), "tags must be a list"),
        (_line(tags=[["KI"]]), "tags must be names or"),
        (_line(tags=[{"label": "KI"}]), "a tag has unknown fields: label"),
        (_line(tags=[{"name": "KI", "kind": "company"}]), "unknown entity kind"),
        (_line(tags=[{"name": "Berlin", "wikidata": "Berlin"}]), "not a Wikidata item id"),
        (_line(tags=[{"name": ""}]), "tag: name is empty"),
        (_line(title=["a"]), "title must be text"),
        (_line(id={"x": 1}), "id must be text or a number"),
        (_line(uuid="not-a-uuid"), "is not a UUID"),
        (_line(id="x" * 201), "id longer than 200"),
        (_line(tags=["x" * 201]), "tag longer than 200"),
    ],
)
def test_bad_records_are_rejected_with_the_reason(line: bytes, reason: str) -> None:
    result = parse_jsonl(line)
    assert result.records == []
    [rejected] = result.rejected
    assert rejected.where == "line 1"
    assert reason in rejected.reason


def test_bad_utf8_rejects_only_its_line_and_line_numbers_count_blank_lines() -> None:
    latin1 = '{"id": "2", "title": "Grüße"}'.encode("latin-1")
    data = b"\n".join([_line(id="1"), b"", latin1, _line(id="3"), b""])
    result = parse_jsonl(data)
    assert [r.external_id for r in result.records] == ["1", "3"]
    assert [r.where for r in result.records] == ["line 1", "line 4"]
    bad_byte = latin1.index("ü".encode("latin-1")) + 1
    assert result.rejected == [Rejected("line 3", f"not valid UTF-8 (byte {bad_byte})")]


def test_a_byte_order_mark_and_windows_line_ends_are_accepted() -> None:
    data = b"\xef\xbb\xbf" + _line(id="1") + b"\r\n" + _line(id="2") + b"\r\n"
    assert [r.external_id for r in parse_jsonl(data).records] == ["1", "2"]


def test_numeric_ids_become_text() -> None:
    [record] = parse_jsonl(_line(id=4711)).records
    assert record.external_id == "4711"


def test_groups_named_or_given_as_uuids() -> None:
    uuid_text = "0b8e7c1a-3f1d-4c7e-9d0a-2f5b6c7d8e9f"
    assert group_id_for(uuid_text) == uuid_text
    assert group_id_for("chips") == group_id_for("chips") != group_id_for("akkus")
    assert group_id_for(None) is None


# ---------------------------------------------------------------- Markdown


MARKDOWN = """---
lang: en
title: "Chips: the next step"
status: ready
tags: [AI, Chips]
published_at: 2026-03-01T09:30:00Z
---

First paragraph.

Second paragraph.
"""


def test_a_markdown_file_uses_its_stem_as_id_and_the_text_below_as_body() -> None:
    record = parse_markdown(MARKDOWN.encode(), name="chips.md", stem="chips")
    assert not isinstance(record, Rejected)
    assert record.external_id == "chips"
    assert record.title == "Chips: the next step"
    assert record.body == "First paragraph.\n\nSecond paragraph."
    assert record.status is Status.READY
    assert record.tags == ("AI", "Chips")
    assert record.published_at == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def test_the_front_matter_id_wins_over_the_file_name() -> None:
    text = MARKDOWN.replace("lang: en", "id: wire-9\nlang: en")
    record = parse_markdown(text.encode(), name="chips.md", stem="chips")
    assert not isinstance(record, Rejected) and record.external_id == "wire-9"


def test_norwegian_is_not_read_as_false() -> None:
    meta, _ = split_front_matter("---\nlang: no\ntitle: Nyheter\n---\nTekst\n")
    assert meta["lang"] == "no"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"# Just a heading\n\nText\n", "no YAML front matter"),
        (b"---\ntitle: [unclosed\n---\nText\n", "invalid YAML front matter"),
        (b"---\n- a list\n---\nText\n", "field: value"),
        (b"---\nlang: en\ntitle: T\n---\n\n   \n", "empty body"),
        (b"---\nlang: en\ntitle: Gr\xfc\xdfe\n---\nText\n", "not valid UTF-8"),
    ],
)
def test_bad_markdown_files_are_rejected_with_the_reason(data: bytes, reason: str) -> None:
    result = parse_markdown(data, name="bad.md", stem="bad")
    assert isinstance(result, Rejected)
    assert result.where == "bad.md"
    assert reason in result.reason


# ---------------------------------------------------------------- writing


def test_an_exported_markdown_file_parses_back_to_the_same_record() -> None:
    record = export_mapping(
        external_id=None,
        uuid="0b8e7c1a-3f1d-4c7e-9d0a-2f5b6c7d8e9f",
        language="no",
        title="yes: «quoted» # not a comment",
        body="Line one\n\n    indented code\n",
        teaser="",
        author="Kari",
        status=Status.PUBLISHED,
        published_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        tags=("Nyheter", "123"),
        group_id=None,
        slug="yes-quoted-not-a-comment",
    )
    assert record["id"] == record["uuid"]  # no external id: the uuid identifies it
    parsed = parse_markdown(to_markdown(record).encode(), name="x.md", stem="x")
    assert not isinstance(parsed, Rejected)
    assert parsed.external_id == record["uuid"] and parsed.uuid == record["uuid"]
    assert (parsed.language, parsed.title, parsed.author) == ("no", record["title"], "Kari")
    assert parsed.body == normalize_body(record["body"])
    assert parsed.tags == ("Nyheter", "123")
    assert parsed.published_at == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert parsed.slug == "yes-quoted-not-a-comment"


def test_markdown_file_names_are_safe_and_unique() -> None:
    taken: set[str] = set()
    assert markdown_file_name({"id": "../etc/passwd"}, taken) == "etc_passwd.md"
    assert markdown_file_name({"id": "A/B"}, taken) == "A_B.md"
    assert markdown_file_name({"id": "a_b"}, taken) == "a_b-2.md"  # same name on macOS/Windows
    assert markdown_file_name({"id": "..."}, taken) == "article.md"


def test_a_record_without_lang_gets_the_language_its_text_reads_as() -> None:
    english = _line(
        lang=None,
        title="Chip maker raises its forecast",
        body="The company expects sales to grow faster than analysts had thought this year.",
    )
    [record] = parse_jsonl(english).records
    assert record.language == "en"
    german = _line(lang=None, body="Der Hersteller erwartet in diesem Jahr deutlich mehr Umsatz.")
    assert parse_jsonl(german).records[0].language == "de"


def test_a_markdown_file_without_lang_gets_the_language_its_body_reads_as() -> None:
    # The front matter names no language and its title alone is too short to tell: the
    # body below it is what says French.
    data = (
        "---\ntitle: Budget voté\n---\n\n"
        "Le conseil municipal a voté mardi soir le nouveau budget après un long débat.\n"
    ).encode()
    record = parse_markdown(data, name="budget.md", stem="budget")
    assert not isinstance(record, Rejected), record
    assert record.language == "fr"
