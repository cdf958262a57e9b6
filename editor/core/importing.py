"""The exchange format: JSON Lines and Markdown files with YAML front matter.

Parsing is pure (bytes in, records or rejections out) so that every rule can
be tested without a database.  One record per article::

    {"id": "wire-4711", "lang": "de", "title": "…", "body": "…", "teaser": "…",
     "author": "…", "status": "ready", "published_at": "2026-03-01T09:30:00Z",
     "tags": ["KI", "Chips"], "group": "chips-2026"}

``id`` is the record's id in its source; Newsdesk keeps it as the article's
external id so that importing the same file again updates instead of
duplicating.  ``group`` ties translations together.  ``uuid`` and ``slug`` are
written by the export so that a round trip keeps them.

A Markdown file carries the same fields in its front matter and the body below
it; the file name (without ``.md``) is the id when the front matter has none.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import yaml

from editor.core.entities.model import Entity, EntityError, make_entity
from editor.core.languages import normalize_language
from editor.core.workflow import Status, parse_status

# Translation groups named in a file ("chips-2026") become stable UUIDs, so the
# same name gives the same group in every import.
GROUP_NAMESPACE = uuid.UUID("6f0b7c8e-2d4b-4a51-9f3e-6e9a1d0c5b21")
MAX_EXTERNAL_ID = 200
MAX_AUTHOR = 200
MAX_TAG = 200


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article read from a file, checked and normalised."""

    where: str  # "line 12" or "wire-4711.md", for messages
    external_id: str | None
    language: str
    title: str
    body: str
    teaser: str = ""
    author: str = ""
    status: Status = Status.DRAFT
    published_at: datetime | None = None
    tags: tuple[str, ...] = ()
    # Tags given as {name, kind, wikidata}: what a new entity of that name is made of.
    tag_specs: tuple[Entity, ...] = ()
    group_id: str | None = None
    uuid: str | None = None
    slug: str | None = None

    @property
    def key(self) -> str | None:
        """What identifies the record across imports: its id, else its uuid."""
        return self.external_id or self.uuid


@dataclass(frozen=True, slots=True)
class Rejected:
    """A record that was not imported, and why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class RecordError(ValueError):
    """A field is missing or malformed; the message names it."""


@dataclass
class ParseResult:
    records: list[ArticleRecord] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


# ---------------------------------------------------------------- fields


def normalize_body(text: str) -> str:
    """Drop leading blank lines and trailing whitespace (what files add around a body)."""
    return re.sub(r"\A(?:[ \t]*\r?\n)+", "", text).rstrip()


def checked_text(key: str, text: str) -> str:
    """``text`` if a database stores it as it is: no NUL (PostgreSQL refuses it), no
    lone surrogate (not UTF-8: no database file can hold it)."""
    if "\x00" in text:
        raise RecordError(f"{key} contains a NUL character (at {text.index(chr(0)) + 1})")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RecordError(
            f"{key} contains an invalid character (a lone surrogate at {exc.start + 1})"
        ) from None
    return text


def _scalar_text(key: str, value: Any) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        raise RecordError(f"{key} must be text, not the number {value}")
    return checked_text(key, str(value))


def _text(data: Mapping[str, Any], key: str, *, required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise RecordError(f"missing {key}")
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RecordError(f"{key} must be text, not {_kind(value)}")
    text = _scalar_text(key, value)
    if required and not text.strip():
        raise RecordError(f"empty {key}")
    return text


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _external_id(data: Mapping[str, Any], default: str | None) -> str | None:
    value = data.get("id", default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RecordError(f"id must be text or a number, not {_kind(value)}")
    text = _scalar_text("id", value).strip()
    if not text:
        return None
    if len(text) > MAX_EXTERNAL_ID:
        raise RecordError(f"id longer than {MAX_EXTERNAL_ID} characters")
    return text


# A record without a language gets the one its text reads as, among these, when the text
# is long enough to tell (identify_language: lingua, checked by langdetect on short text).
DETECT_AMONG = ("de", "en", "fr", "es", "it", "nl", "pt", "pl")
DETECT_MIN_CHARS = 40


def _language(data: Mapping[str, Any]) -> str:
    value = data.get("lang", data.get("language"))
    if value is None or value == "":
        detected = _detected_language(data)
        if detected is None:
            raise RecordError(
                "missing lang (an ISO 639-1 code such as 'de' or 'en'), and the text is "
                "too short to tell its language"
            )
        return detected
    if not isinstance(value, str):
        raise RecordError(f"lang must be a code such as 'de', not {_kind(value)}")
    try:
        return normalize_language(checked_text("lang", value))
    except ValueError as exc:
        raise RecordError(str(exc)) from None


def _status(data: Mapping[str, Any]) -> Status:
    value = data.get("status")
    if value is None or value == "":
        return Status.DRAFT
    if not isinstance(value, str):
        raise RecordError(f"status must be text, not {_kind(value)}")
    try:
        return parse_status(value)
    except ValueError as exc:
        raise RecordError(str(exc)) from None


def parse_datetime(value: Any) -> datetime | None:
    """An ISO 8601 date or time as an aware UTC datetime (naive means UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(checked_text("published_at", value).strip())
        except ValueError:
            raise RecordError(
                f"bad date {value!r} (expected ISO 8601, e.g. 2026-03-01T09:30:00Z)"
            ) from None
    else:
        raise RecordError(f"published_at must be an ISO 8601 date, not {_kind(value)}")
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+05:00 is in year 0 in UTC
        raise RecordError(f"date {value!s} is out of range in UTC") from None


def _tag_spec(item: Mapping[str, Any]) -> Entity:
    unknown = set(item) - {"name", "kind", "wikidata"}
    if unknown:
        raise RecordError(f"a tag has unknown fields: {', '.join(sorted(map(str, unknown)))}")
    name, kind, wikidata = item.get("name"), item.get("kind") or "topic", item.get("wikidata")
    if not isinstance(name, str) or not isinstance(kind, str):
        raise RecordError("a tag object needs a name (and a kind) as text")
    if wikidata is not None and not isinstance(wikidata, str):
        raise RecordError(f"a tag's wikidata must be text like Q42, not {_kind(wikidata)}")
    try:
        return make_entity(name, kind, wikidata=wikidata)
    except EntityError as exc:
        raise RecordError(f"tag: {exc}") from None


def _tags(data: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[Entity, ...]]:
    """Tag names, and the entities given as objects ({name, kind, wikidata})."""
    value = data.get("tags")
    if value is None:
        return (), ()
    if not isinstance(value, list):
        raise RecordError(f"tags must be a list of names, not {_kind(value)}")
    names: dict[str, None] = {}  # ordered and O(1) to test (a list was quadratic)
    specs: list[Entity] = []
    for item in value:
        if isinstance(item, Mapping):
            spec = _tag_spec(item)
            specs.append(spec)
            name = spec.name
        elif isinstance(item, bool) or not isinstance(item, str | int | float):
            raise RecordError(f"tags must be names or {{name, kind}} objects, not {_kind(item)}")
        else:
            name = " ".join(_scalar_text("tag", item).split())
        if len(name) > MAX_TAG:
            raise RecordError(f"tag longer than {MAX_TAG} characters: {name[:30]!r}…")
        if name:
            names[name] = None
    return tuple(names), tuple(specs)


def group_id_for(value: Any) -> str | None:
    """The group id for a ``group`` value: a UUID as it is, any other name hashed."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RecordError(f"group must be text, not {_kind(value)}")
    text = _scalar_text("group", value).strip()
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return str(uuid.uuid5(GROUP_NAMESPACE, text))


def _uuid(data: Mapping[str, Any]) -> str | None:
    value = data.get("uuid")
    if value is None or value == "":
        return None
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise RecordError(f"uuid {value!r} is not a UUID") from None


def _slug(data: Mapping[str, Any]) -> str | None:
    value = data.get("slug")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RecordError(f"slug must be text, not {_kind(value)}")
    return checked_text("slug", value)


def _detected_language(data: Mapping[str, Any]) -> str | None:
    from editor.core.langcheck import identify_language

    parts = [data.get(key) for key in ("title", "teaser", "body")]
    text = "\n\n".join(p for p in parts if isinstance(p, str))
    if len(text.strip()) < DETECT_MIN_CHARS:
        return None
    found = identify_language(text, DETECT_AMONG)
    return found.lang if found is not None else None


def record_from_mapping(
    data: Any, *, where: str, default_id: str | None = None, body: str | None = None
) -> ArticleRecord:
    """Check one record's fields; raises :class:`RecordError` naming the first problem."""
    if not isinstance(data, Mapping):
        raise RecordError(f"expected an object with article fields, found {_kind(data)}")
    author = _text(data, "author").strip()
    if len(author) > MAX_AUTHOR:
        raise RecordError(f"author longer than {MAX_AUTHOR} characters")
    fields = {"body": body} if body is not None else data
    tags, tag_specs = _tags(data)
    return ArticleRecord(
        where=where,
        external_id=_external_id(data, default_id),
        language=_language({**data, **fields}),  # a Markdown body tells the language too
        title=" ".join(_text(data, "title", required=True).split()),
        body=normalize_body(_text(fields, "body", required=True)),
        teaser=_text(data, "teaser").strip(),
        author=author,
        status=_status(data),
        published_at=parse_datetime(data.get("published_at")),
        tags=tags,
        tag_specs=tag_specs,
        group_id=group_id_for(data.get("group")),
        uuid=_uuid(data),
        slug=_slug(data),
    )


# ---------------------------------------------------------------- JSON Lines


def parse_jsonl(data: bytes) -> ParseResult:
    """Every line of a JSON Lines file: good records and the reasons for bad ones.

    Lines are decoded one by one, so a single line of bad UTF-8 rejects only
    that line.  Blank lines are skipped.
    """
    result = ParseResult()
    for record in iter_jsonl(data):
        if isinstance(record, Rejected):
            result.rejected.append(record)
        else:
            result.records.append(record)
    return result


def iter_jsonl(data: bytes) -> Iterator[ArticleRecord | Rejected]:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        where = f"line {number}"
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a byte order mark some editors write
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Rejected(where, f"not valid UTF-8 (byte {exc.start + 1})")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            yield Rejected(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield Rejected(where, "JSON nested too deeply")
            continue
        except ValueError as exc:  # a number of more than 4,300 digits, NaN, Infinity
            yield Rejected(where, f"unreadable number ({str(exc).split(';')[0]})")
            continue
        try:
            yield record_from_mapping(obj, where=where)
        except RecordError as exc:
            yield Rejected(where, str(exc))


def _no_constant(name: str) -> Any:
    # JSON has no NaN or Infinity; Python's reader accepts them, and they became
    # titles "nan" and "inf".
    raise ValueError(f"{name} is not a JSON number")


# ---------------------------------------------------------------- Markdown


# libyaml's parser when PyYAML has it (the wheels do): 2 MB of front matter took
# 54 s in the pure-Python one.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_SafeLoader):
    """YAML 1.1 reads ``lang: no`` (Norwegian) as false; only true/false are booleans here."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The front matter as a mapping and the body below it."""
    text = text.removeprefix("\ufeff")
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise RecordError("no YAML front matter (the file must start with a line '---')")
    try:
        meta = yaml.load(match.group(1), Loader=_FrontMatterLoader)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RecordError(f"invalid YAML front matter ({problem})") from None
    except RecursionError:
        raise RecordError("front matter nested too deeply") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise RecordError("the front matter must be a set of 'field: value' lines")
    return meta, text[match.end() :]


def parse_markdown(data: bytes, *, name: str, stem: str) -> ArticleRecord | Rejected:
    """One Markdown file; ``stem`` (the file name without .md) is the id when none is given."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejected(name, f"not valid UTF-8 (byte {exc.start + 1})")
    try:
        meta, body = split_front_matter(text)
        return record_from_mapping(meta, where=name, default_id=stem, body=body)
    except RecordError as exc:
        return Rejected(name, str(exc))


# ---------------------------------------------------------------- writing (export)


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def export_mapping(
    *,
    external_id: str | None,
    uuid: str,
    language: str,
    title: str,
    body: str,
    teaser: str,
    author: str,
    status: Status,
    published_at: datetime | None,
    tags: Sequence[str | Mapping[str, str]],
    group_id: str | None,
    slug: str,
) -> dict[str, Any]:
    """The record for one article, in the order a reader expects; empty fields left out."""
    record: dict[str, Any] = {
        "id": external_id or uuid,
        "uuid": uuid,
        "lang": language,
        "status": status.value,
        "title": title,
        "slug": slug,
        "author": author,
        "published_at": _iso(published_at),
        "tags": list(tags),
        "group": group_id,
        "teaser": teaser,
        "body": body,
    }
    return {k: v for k, v in record.items() if v not in (None, "", [])}


def to_json_line(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def to_markdown(record: Mapping[str, Any]) -> str:
    """A Markdown file: the record's fields as front matter, the body below."""
    meta = {k: v for k, v in record.items() if k != "body"}
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n\n{record.get('body', '')}\n"


_UNSAFE_FILE_CHARS = re.compile(r"[^\w.-]+", re.UNICODE)


def markdown_file_name(record: Mapping[str, Any], taken: set[str]) -> str:
    """A file name for an exported article, unique in ``taken`` (compared case-blind).

    Its external id when it has one, else its slug (more readable than a uuid);
    the front matter carries the id either way.
    """
    stem = record["id"] if record["id"] != record.get("uuid") else record.get("slug") or "article"
    base = _UNSAFE_FILE_CHARS.sub("_", str(stem)).strip("._") or "article"
    name = f"{base[:120]}.md"
    n = 2
    while name.lower() in taken:
        name = f"{base[:120]}-{n}.md"
        n += 1
    taken.add(name.lower())
    return name
