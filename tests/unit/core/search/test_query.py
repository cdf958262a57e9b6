"""The query language: what each piece of syntax means, and that no input raises."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.search import parse
from editor.core.search.query import MAX_TERMS, SearchQuery


def test_words_phrases_prefixes_and_exclusions() -> None:
    q = parse('Nvidia "Sam Altman" Chip* -Gerücht -"Open Source"')
    assert [t.tokens for t in q.positive] == [("nvidia",), ("sam", "altman"), ("chip",)]
    assert [t.prefix for t in q.positive] == [False, False, True]
    assert [t.tokens for t in q.negative] == [("gerucht",), ("open", "source")]
    assert q.negative[0].spelled == ("geruecht",)


def test_filters_are_read_and_taken_out_of_the_text() -> None:
    q = parse(
        "KI lang:DE status:published author:Weber tag:OpenAI "
        'entity:"Sam Altman" after:2026-01-01 before:2026-07'
    )
    assert [t.tokens for t in q.terms] == [("ki",)]
    f = q.filters
    assert f.languages == ("de",) and f.statuses == ("published",)
    assert f.authors == (("weber",),) and f.tags == ("OpenAI",)
    assert f.entities == ("Sam Altman",)
    assert f.after == date(2026, 1, 1) and f.before == date(2026, 7, 1)


def test_status_by_label_and_two_languages_are_alternatives() -> None:
    q = parse("status:in-review lang:de lang:en")
    assert q.filters.statuses == ("in_review",)
    assert q.filters.languages == ("de", "en")
    assert q.terms == ()


def test_bad_filter_values_are_text() -> None:
    q = parse("status:foo after:yesterday lang:german nokey:value")
    assert q.filters == parse("").filters
    assert [t.tokens for t in q.terms] == [
        ("status", "foo"),
        ("after", "yesterday"),
        ("lang", "german"),
        ("nokey", "value"),
    ]


def test_unbalanced_quote_and_fts_syntax_are_literal() -> None:
    assert [t.tokens for t in parse('"Sam Altman').terms] == [("sam",), ("altman",)]
    q = parse('NEAR(a b) * : " AND OR NOT')
    assert [t.tokens for t in q.terms] == [("near", "a"), ("b",), ("and",), ("or",), ("not",)]
    assert not any(t.prefix for t in q.terms)


def test_short_prefix_is_a_word_and_cjk_is_pairs() -> None:
    assert parse("a*").terms[0].prefix is False
    q = parse("人工智能 AI芯片")
    assert q.terms[0].tokens == ("人工", "工智", "智能")
    assert q.terms[1].tokens == ("ai", "芯片")


def test_control_characters_are_spaces_and_long_queries_are_cut() -> None:
    assert [t.tokens for t in parse("a\x00b\x1fc\u2028d").terms] == [("a",), ("b",), ("c",), ("d",)]
    q = parse(" ".join(f"w{i}" for i in range(5000)))
    assert len(q.terms) == MAX_TERMS and q.truncated


def test_empty_and_filter_only() -> None:
    assert parse("").is_empty and parse('  " * - ').is_empty
    assert not parse("lang:de").is_empty


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses(text: str) -> None:
    q = parse(text)
    assert isinstance(q, SearchQuery)
    assert len(q.terms) <= MAX_TERMS
    for term in q.terms:
        assert term.tokens and all(token.strip() and " " not in token for token in term.tokens)


_SYNTAX = st.sampled_from(['"', "*", "-", ":", "NEAR", "lang:", "status:", "(", ")", " ", "\x00"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_SYNTAX, st.text(max_size=8)), max_size=40))
def test_syntax_soup_parses(parts: list[str]) -> None:
    q = parse("".join(parts))
    # Every token is plain letters and digits: nothing can reach an index as syntax.
    for term in q.terms:
        for token in term.tokens:
            assert all(ch.isalnum() for ch in token), token


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=2, max_size=10),
        min_size=1,
        max_size=6,
    )
)
def test_plain_words_round_trip(words: list[str]) -> None:
    q = parse(" ".join(words))
    assert len(q.terms) == len(words)
    assert all(not t.negated and not t.prefix for t in q.terms)


def test_entity_values_resolve_to_ids_or_fall_back_to_phrases() -> None:
    q = parse('ki entity:"Sam Altman" entity:42 entity:+++')
    assert q.filters.entities == ("Sam Altman", "42", "+++")
    resolved = q.with_entities({"42": [7, 7, 3]})
    assert resolved.filters.entities == ()
    # 42 named entities 3 and 7; "+++" names nothing and has no words: nothing matches.
    assert resolved.filters.entity_ids == ((3, 7), ())
    assert [t.tokens for t in resolved.terms] == [("ki",), ("sam", "altman")]
    assert not resolved.is_empty
