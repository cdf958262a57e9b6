"""The compiled word list: the same translations as parsing the list, read without parsing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.core.related import dictionary
from editor.core.related.dictionary import BilingualDictionary
from editor.core.related.wordfile import CompiledTable, read_compiled, write_compiled

DING = """\
# Version :: test
Regierung {f} [pol.] | Regierungen {pl} :: government | governments
Steuer {f} [fin.] | Steuern {pl} :: tax | taxes
Steuer {f} :: duty; levy
planen {vt} :: to plan
Erhöhung {f} :: increase; rise
Straße {f} | Straßen {pl} :: street | streets
Ärger {m} :: trouble
"""
WORDS = [
    "regierung", "steuer", "steuern", "planen", "erhöhung", "straße", "ärger",
    "government", "tax", "duty", "levy", "increase", "rise", "street", "trouble",
    "haus", "", "zzz", "a", "straßen",
]  # fmt: skip


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "de-en"
    path.write_text(DING, encoding="utf-8")
    return path


def compiled(source: Path, cache: Path, whole_after: int = 1000) -> list[CompiledTable]:
    parsed = BilingualDictionary.from_lines(DING.splitlines())
    write_compiled(cache, source, source.stat(), parsed.de_to_en, parsed.en_to_de)
    tables = read_compiled(cache, source, source.stat(), whole_after=whole_after)
    assert tables is not None
    return tables


def test_lookups_in_the_file_give_what_parsing_gives(source: Path, tmp_path: Path) -> None:
    parsed = BilingualDictionary.from_lines(DING.splitlines())
    de_to_en, en_to_de = compiled(source, tmp_path / "words.bin")
    for word in WORDS:
        assert de_to_en.get(word) == parsed.de_to_en.get(word), word
        assert en_to_de.get(word) == parsed.en_to_de.get(word), word
        assert (word in de_to_en) == (word in parsed.de_to_en), word
    assert de_to_en["steuer"] == ("tax", "duty", "levy")
    assert len(de_to_en) == len(parsed.de_to_en)
    with pytest.raises(KeyError):
        de_to_en["haus"]


def test_a_table_is_read_whole_after_many_lookups(source: Path, tmp_path: Path) -> None:
    parsed = BilingualDictionary.from_lines(DING.splitlines())
    de_to_en, _ = compiled(source, tmp_path / "words.bin", whole_after=3)
    for word in WORDS:  # past the third lookup the answers come from the whole table
        assert de_to_en.get(word) == parsed.de_to_en.get(word), word
    assert de_to_en._whole == dict(parsed.de_to_en)
    assert dict(de_to_en) == dict(parsed.de_to_en)


def test_a_stale_or_damaged_file_is_not_used(source: Path, tmp_path: Path) -> None:
    cache = tmp_path / "words.bin"
    compiled(source, cache)
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the list was updated
    assert read_compiled(cache, source, source.stat()) is None
    compiled(source, cache)
    data = bytearray(cache.read_bytes())
    data[-3] ^= 0x20
    cache.write_bytes(bytes(data))
    assert read_compiled(cache, source, source.stat()) is None
    cache.write_bytes(b"something else")
    assert read_compiled(cache, source, source.stat()) is None
    assert read_compiled(tmp_path / "missing.bin", source, source.stat()) is None


def test_loading_writes_the_compiled_file_and_the_next_process_reads_it(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dictionary, "_loaded", {})
    cache = tmp_path / "data" / "words.bin"
    first = dictionary.load_dictionary(source, cache)
    assert first is not None and isinstance(first.de_to_en, dict)  # parsed
    assert cache.exists()
    monkeypatch.setattr(dictionary, "_loaded", {})  # as in a new process
    second = dictionary.load_dictionary(source, cache)
    assert second is not None and isinstance(second.de_to_en, CompiledTable)
    assert second.translate("regierung", "de", "en") == ("government",)
    assert second.translate("rise", "en", "de") == ("erhöhung",)
    assert second.is_german_word("planen") and not second.is_german_word("plan")


def test_a_folder_that_cannot_be_written_only_costs_the_parse(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dictionary, "_loaded", {})
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    loaded = dictionary.load_dictionary(source, blocked / "words.bin")
    assert loaded is not None and loaded.translate("tax", "en", "de") == ("steuer",)
