"""Folding and tokens: the same for a document and a query."""

from __future__ import annotations

from editor.core.search import fold, index_doc, tokens
from editor.core.search.text import match_fold, spelled_out, token_pattern


def test_case_accents_and_sharp_s_fold() -> None:
    assert fold("Müller STRASSE Straße Café") == "muller strasse strasse cafe"
    assert tokens("Muller") == tokens("Müller") == ["muller"]
    assert tokens("Strasse") == tokens("Straße") == ["strasse"]
    assert tokens("Ｎｖｉｄｉａ") == ["nvidia"]  # full-width letters


def test_umlauts_are_also_spelled_out_for_the_index() -> None:
    assert spelled_out("Über Müller und Öl, nicht Bahn") == ["ueber", "mueller", "oel"]
    doc = index_doc(1, title="Müller", teaser="", body="", author="Jörg", tags=("KI",))
    assert doc.title == "muller mueller" and doc.author == "jorg joerg" and doc.tags == "ki"


def test_cjk_runs_become_overlapping_pairs_and_latin_stays_whole() -> None:
    assert tokens("人工智能") == ["人工", "工智", "智能"]
    assert tokens("用AI芯片") == ["用", "ai", "芯片"]
    assert tokens("東京で") == ["東京", "京で"]
    assert tokens("서울 시장") == ["서울", "시장"]  # Korean has spaces: words


def test_punctuation_and_underscores_split() -> None:
    assert tokens("GPT-4o, C++ & snake_case") == ["gpt", "4o", "c", "snake", "case"]


def test_match_fold_keeps_length() -> None:
    for text in ("Straße", "İstanbul", "ÄÖÜ äöü ß", "人工智能", "Ǆemal"):
        assert len(match_fold(text)) == len(text)
    assert match_fold("MÜLLER") == "müller"


def test_token_patterns_accept_accents_sharp_s_and_spelled_out_umlauts() -> None:
    import re

    def matches(token: str, text: str) -> bool:
        return re.fullmatch(token_pattern(token), match_fold(text)) is not None

    assert matches("muller", "Müller") and matches("mueller", "Müller")
    assert matches("mueller", "Mueller") and matches("strasse", "Straße")
    assert matches("cafe", "Café") and not matches("muller", "Möller")
