"""Property-based tests of what takes outside input: JSON Lines and Markdown import,
slugs, the three-way merge, and ``--db`` paths (issue 9, Also).

Whatever the input, the parsers answer with records or reasons (never an exception),
and what Newsdesk writes it reads back the same.
"""

from __future__ import annotations

import json
import string
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from editor.core.importing import (
    ArticleRecord,
    Rejected,
    export_mapping,
    parse_jsonl,
    parse_markdown,
    to_json_line,
    to_markdown,
)
from editor.core.merge import merge_text, paragraphs
from editor.core.publishing.layout import is_safe_slug
from editor.core.slugs import MAX_SLUG_LENGTH, WINDOWS_DEVICE_NAMES, slugify, unique_slug
from editor.core.workflow import Status

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
FIELDS = ["id", "lang", "title", "body", "teaser", "author", "status", "published_at",
          "tags", "group", "uuid", "slug"]  # fmt: skip
records = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=len(FIELDS))


def _stored_safely(record: ArticleRecord) -> bool:
    texts = [record.title, record.body, record.teaser, record.author, *record.tags]
    return all("\x00" not in t and t.encode("utf-8", "strict") is not None for t in texts)


@given(st.lists(records | json_values, max_size=5))
def test_every_json_line_is_a_record_or_a_reason(lines: list[object]) -> None:
    data = "\n".join(json.dumps(line) for line in lines).encode()
    result = parse_jsonl(data)
    assert len(result.records) + len(result.rejected) == len(lines)
    assert all(_stored_safely(r) for r in result.records)
    assert all(r.title.strip() and r.body.strip() for r in result.records)


@given(st.binary(max_size=400))
def test_any_bytes_are_lines_of_records_or_reasons(data: bytes) -> None:
    result = parse_jsonl(data)
    assert all(r.reason and r.where.startswith("line ") for r in result.rejected)


@given(st.text(max_size=300))
def test_any_markdown_file_is_a_record_or_a_reason(text: str) -> None:
    for data in (text.encode("utf-8", "surrogatepass"), f"---\n{text}\n---\nbody".encode(
        "utf-8", "surrogatepass"
    )):  # fmt: skip
        outcome = parse_markdown(data, name="f.md", stem="f")
        assert isinstance(outcome, ArticleRecord | Rejected)


printable = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "")
exportable = st.fixed_dictionaries(
    {
        "external_id": st.text(string.ascii_letters + string.digits + "-", min_size=1, max_size=20),
        "uuid": st.uuids().map(str),
        "language": st.sampled_from(["de", "en", "fr", "zh"]),
        "title": printable.map(lambda t: " ".join(t.split())),
        "body": printable.map(lambda t: t.strip()),
        "teaser": st.just(""),
        "author": st.text(string.ascii_letters, max_size=10),
        "status": st.sampled_from(list(Status)),
        "published_at": st.none(),
        "tags": st.lists(
            st.text(string.ascii_letters, min_size=1, max_size=8), max_size=3, unique=True
        ).map(tuple),
        "group_id": st.none(),
        "slug": st.text(string.ascii_lowercase, min_size=1, max_size=10),
    }
)


@given(exportable)
def test_what_export_writes_import_reads_back(fields: dict) -> None:
    assume(all(f.strip() for f in (fields["title"], fields["body"])))
    mapping = export_mapping(**fields)
    (line,) = parse_jsonl(to_json_line(mapping).encode()).records
    outcome = parse_markdown(to_markdown(mapping).encode(), name="x.md", stem="x")
    for record in (line, outcome):
        assert isinstance(record, ArticleRecord)
        assert (record.title, record.body, record.language) == (
            fields["title"], fields["body"], fields["language"]
        )  # fmt: skip
        assert record.tags == fields["tags"] and record.status is fields["status"]


@given(st.text(max_size=120))
def test_slugs_are_safe_short_idempotent_and_no_device_name(title: str) -> None:
    slug = slugify(title)
    assert slug == "" or is_safe_slug(slug)
    assert len(slug) <= MAX_SLUG_LENGTH + 2
    assert slug not in WINDOWS_DEVICE_NAMES
    assert slugify(slug) == slug


@given(st.text(string.ascii_lowercase + "-", min_size=1, max_size=12), st.sets(st.text(max_size=8)))
def test_a_unique_slug_is_not_taken(base: str, taken: set[str]) -> None:
    assert unique_slug(base, taken) not in taken


# A paragraph holds a word: a run of spaces alone is a blank line between paragraphs
# (hypothesis found that an "edit" of one adds a paragraph, which is not this property).
paragraph_text = st.text(string.ascii_letters + " .", min_size=1, max_size=12).filter(
    lambda p: any(c.isalpha() for c in p)
)
paragraph_lists = st.lists(paragraph_text, min_size=1, max_size=6)


@given(paragraph_lists, paragraph_lists)
def test_a_merge_with_one_side_unchanged_is_the_other_side(
    base: list[str], edit: list[str]
) -> None:
    old, new = "\n\n".join(base), "\n\n".join(edit)
    assert merge_text(old, new, old) == new
    assert merge_text(old, old, new) == new
    assert merge_text(old, new, new) == new
    assert "".join(paragraphs(new)) == new + "\n\n"


@given(paragraph_lists, st.data())
def test_edits_of_different_paragraphs_merge_to_both(base: list[str], data: st.DataObject) -> None:
    assume(len(base) >= 2 and len(set(base)) == len(base))
    i = data.draw(st.integers(0, len(base) - 1))
    j = data.draw(st.integers(0, len(base) - 1).filter(lambda k: k != i))
    mine, theirs = list(base), list(base)
    mine[i] += " MINE"
    theirs[j] += " THEIRS"
    merged = merge_text("\n\n".join(base), "\n\n".join(mine), "\n\n".join(theirs))
    expected = list(base)
    expected[i], expected[j] = mine[i], theirs[j]
    assert merged == "\n\n".join(expected)


file_names = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
    min_size=1,
    max_size=30,
).filter(lambda n: n not in (".", ".."))


@given(file_names)
def test_a_db_path_is_opened_literally(name: str) -> None:
    from editor.app import config
    from editor.store.database import _sqlite_path

    path = Path("/tmp/newsdesk-property") / name
    url = config.database_url(str(path))
    assert _sqlite_path(url) == path
    assert config.sqlite_path(url) == path
