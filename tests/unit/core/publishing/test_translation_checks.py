"""Language and translation checks made when an article goes out."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from editor.core import langcheck
from editor.core.langcheck import detect_language
from editor.core.publishing import PublishedArticle, SiteSettings, check_article
from editor.core.publishing.checks import ARTICLE_CHECKS, TRANSLATION_CHECKS
from tests.conftest import shared_data

ArticleFactory = Callable[..., PublishedArticle]
GATE = (*ARTICLE_CHECKS, *TRANSLATION_CHECKS)

GERMAN = (
    "Der Chiphersteller baut ein neues Werk in Sachsen. Die Landesregierung fördert den Bau "
    "mit mehreren hundert Millionen Euro, die Produktion soll in drei Jahren beginnen.\n\n"
    "Gewerkschaften begrüßen die neuen Arbeitsplätze, Umweltverbände sorgen sich um den "
    "hohen Wasserverbrauch der Fabrik in einer ohnehin trockenen Region."
)
ENGLISH = (
    "The chip maker is building a new plant in Saxony. The state government supports the "
    "project with several hundred million euros, and production is due to start in three "
    "years.\n\nUnions welcome the new jobs, while environmental groups worry about the "
    "factory's high water use in a region that is already dry."
)


def codes(result) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    return {p.code for p in result.blocking}, {p.code for p in result.warnings}


def test_text_in_another_site_language_blocks(
    make_article: ArticleFactory, settings: SiteSettings
) -> None:
    marked_english = make_article(lang="en", title="Neues Chipwerk", body_markdown=GERMAN)

    result = check_article(marked_english, settings=settings, checks=GATE)

    assert codes(result)[0] == {"translation.wrong_language"}
    message = result.blocking[0].message
    assert "reads as German" in message and "marked English" in message
    # The site builder does not run it: pages of articles already out keep being built.
    assert check_article(marked_english, settings=settings).ok


def test_text_in_its_own_language_and_short_texts_pass(
    make_article: ArticleFactory, settings: SiteSettings
) -> None:
    for article in (
        make_article(lang="de", title="Neues Chipwerk", body_markdown=GERMAN),
        make_article(lang="en", title="New chip plant", body_markdown=ENGLISH),
        make_article(lang="en", title="Kurz", body_markdown="Nur ein paar Worte hier."),
    ):
        assert check_article(article, settings=settings, checks=GATE).ok, article.title


def test_a_copied_untranslated_text_blocks(
    make_article: ArticleFactory, settings: SiteSettings
) -> None:
    source = make_article(lang="de", title="Neues Chipwerk", body_markdown=GERMAN)
    # The English version was started by copying the German text; only the first
    # paragraph is translated so far.
    half = make_article(
        lang="en",
        title="New chip plant",
        body_markdown=ENGLISH.split("\n\n")[0] + "\n\n" + GERMAN.split("\n\n")[1],
    )
    half = replace(half, translated_from=source.id)
    done = make_article(
        lang="en", title="New chip plant", body_markdown=ENGLISH, translated_from=source.id
    )

    blocked = check_article(half, settings=settings, translations={half.id: [source]}, checks=GATE)
    passed = check_article(done, settings=settings, translations={done.id: [source]}, checks=GATE)

    assert "translation.untranslated" in codes(blocked)[0]
    assert "1 of 2 paragraphs are the same as in the German version" in str(blocked.blocking)
    assert passed.ok and "translation.untranslated" not in codes(passed)[1]
    # The source is not an untranslated copy of its translation.
    assert check_article(
        source, settings=settings, translations={source.id: [half]}, checks=GATE
    ).ok


def test_the_same_title_as_another_version_warns(
    make_article: ArticleFactory, settings: SiteSettings
) -> None:
    source = make_article(lang="de", title="Chipwerk Dresden", body_markdown=GERMAN)
    english = make_article(
        lang="en", title="Chipwerk Dresden", body_markdown=ENGLISH, translated_from=source.id
    )

    result = check_article(
        english, settings=settings, translations={english.id: [source]}, checks=GATE
    )

    assert result.ok and "translation.same_title" in codes(result)[1]


def test_a_translation_whose_source_changed_later_warns(
    make_article: ArticleFactory, settings: SiteSettings
) -> None:
    edited = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
    source = make_article(lang="de", body_markdown=GERMAN, updated_at=edited)
    behind = make_article(
        lang="en",
        body_markdown=ENGLISH,
        translated_from=source.id,
        updated_at=edited - timedelta(days=2),
    )
    current = make_article(
        lang="en",
        body_markdown=ENGLISH,
        translated_from=source.id,
        updated_at=edited + timedelta(minutes=5),
    )

    def warnings(article: PublishedArticle) -> set[str]:
        result = check_article(
            article, settings=settings, translations={article.id: [source]}, checks=GATE
        )
        return codes(result)[1]

    assert "translation.behind" in warnings(behind)
    assert "translation.behind" not in warnings(current)
    # The source is not "behind" its translation, whatever their times.
    early_source = make_article(lang="de", body_markdown=GERMAN, updated_at=edited)
    later = {early_source.id: [behind]}
    assert (
        "translation.behind"
        not in codes(
            check_article(early_source, settings=settings, translations=later, checks=GATE)
        )[1]
    )


def test_detection_on_real_paragraphs_restricted_to_german_and_english() -> None:
    path = shared_data("langid_ud", "samples.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    paragraphs = [r for r in rows if r["lang"] in ("de", "en") and r["bucket"] == "paragraph"]
    assert len(paragraphs) >= 100

    pairs = [(detect_language(r["text"], ("de", "en")), r["lang"]) for r in paragraphs]
    right = sum(f is not None and f.lang == lang for f, lang in pairs)
    confidently_wrong = sum(
        f is not None and f.lang != lang and f.probability >= 0.95 for f, lang in pairs
    )

    assert right / len(paragraphs) >= 0.98
    assert confidently_wrong == 0  # what would wrongly block publishing


def test_detection_is_the_same_every_time() -> None:
    text = "Die Bank meldet Gewinne, the bank reports profits, und die Aktie steigt stark heute"
    first = detect_language(text, ("de", "en"))
    langcheck._detect.cache_clear()  # detect again, not from the cache

    assert first is not None and detect_language(text, ("de", "en")) == first


@pytest.mark.parametrize("languages", [("de",), ("xx", "yy"), ()])
def test_fewer_than_two_known_languages_give_no_answer(languages: tuple[str, ...]) -> None:
    assert detect_language(GERMAN, languages) is None
