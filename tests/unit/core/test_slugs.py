from __future__ import annotations

import pytest

from editor.core.slugs import MAX_SLUG_LENGTH, slugify, unique_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Übernahme für Müller", "uebernahme-fuer-mueller"),
        ("Straße & Größe", "strasse-and-groesse"),
        ("Café crème à la carte", "cafe-creme-a-la-carte"),
        ("  OpenAI: GPT-5 ist da!  ", "openai-gpt-5-ist-da"),
        ("人工智能 im Büro", "人工智能-im-buero"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c", "a-b-c"),
        ("snake_case_title", "snake-case-title"),
        ("!!!", ""),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slug_never_contains_path_parts() -> None:
    for title in ["..", ".", "/", "a/../b", "%2e%2e%2f", "\x00evil"]:
        slug = slugify(title)
        assert "/" not in slug and "\\" not in slug and ".." not in slug and "\x00" not in slug


def test_long_titles_are_cut_at_a_word_boundary() -> None:
    title = " ".join(["Finanzierungsrunde"] * 20)
    slug = slugify(title)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert slug.endswith("finanzierungsrunde")


def test_unique_slug_counts_up() -> None:
    assert unique_slug("a", set()) == "a"
    assert unique_slug("a", {"a"}) == "a-2"
    assert unique_slug("a", {"a", "a-2", "a-3"}) == "a-4"


@pytest.mark.parametrize("title", ["Aux", "NUL", "com1", "LPT9", "con", "Prn"])
def test_windows_device_names_get_a_suffix_publishing_accepts(title: str) -> None:
    from editor.core.publishing.layout import is_safe_slug

    slug = slugify(title)
    assert slug == f"{title.lower()}-1"
    assert is_safe_slug(slug)


def test_names_that_only_start_like_a_device_are_kept() -> None:
    assert slugify("Auxiliary power") == "auxiliary-power"
    assert slugify("COM10") == "com10"
