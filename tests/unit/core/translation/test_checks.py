"""What must survive translation."""

from __future__ import annotations

from editor.core.translation.checks import GlossaryEntry, check_pair, numbers

LANGS = ("de", "en")


def _codes(source: str, target: str, **kwargs: object) -> list[str]:
    return [p.code for p in check_pair(source, target, **kwargs)]  # type: ignore[arg-type]


def test_numbers_survive_in_either_notation() -> None:
    assert _codes("Der Preis stieg um 3,5 Prozent auf 1.000 Euro.",
                  "The price rose 3.5 percent to 1,000 euros.") == []  # fmt: skip
    assert _codes("Der Preis stieg um 3,5 Prozent.", "The price rose 4.5 percent.") == [
        "segment.numbers"
    ]


def test_a_lost_number_is_named() -> None:
    (problem,) = check_pair("Im Jahr 2024 kamen 17 Modelle.", "In 2024 models came.")
    assert "17" in problem.message


def test_versions_urls_and_emails_stay_verbatim() -> None:
    source = "iOS 17.2.1 steht auf https://example.org/ios bereit; Fragen an presse@example.org."
    good = "iOS 17.2.1 is available at https://example.org/ios; questions to presse@example.org."
    assert _codes(source, good) == []
    bad = "iOS 17.2 is available at https://example.com/ios; questions to press@example.org."
    assert set(_codes(source, bad)) == {"segment.version", "segment.url", "segment.email"}


def test_url_digits_are_not_numbers() -> None:
    assert numbers("Siehe https://example.org/2024/05/artikel und 7 Punkte.") == {"7": 1}


def test_do_not_translate_and_glossary() -> None:
    glossary = [GlossaryEntry("Galaxy Fold", None), GlossaryEntry("Akku", "battery")]
    source = "Das Galaxy Fold hat einen großen Akku."
    assert _codes(source, "The Galaxy Fold has a large battery.", glossary=glossary) == []
    problems = check_pair(source, "The Galaxy Faltbar has a big accumulator.", glossary=glossary)
    assert [(p.code, p.blocking) for p in problems] == [
        ("segment.do_not_translate", True),
        ("segment.glossary", False),
    ]


def test_an_empty_segment_is_a_problem_an_empty_source_is_not() -> None:
    assert _codes("Ein Satz.", "  ") == ["segment.empty"]
    assert _codes("", "") == []


def test_a_segment_left_in_the_source_language_is_flagged() -> None:
    source = "Die Regierung hat am Dienstag ein neues Gesetz zum Datenschutz beschlossen."
    assert _codes(source, source, target_lang="en", languages=LANGS) == [
        "segment.copied",
        "segment.language",
    ]
    assert _codes("Neues Smartphone", "New smartphone", target_lang="en", languages=LANGS) == []
    translated = "On Tuesday the government passed a new law on data protection."
    assert _codes(source, translated, target_lang="en", languages=LANGS) == []


def test_the_messages_are_in_the_interface_language() -> None:
    """With a translator installed (as the window does), every message goes through it,
    placeholders filled after translation, language names too."""
    from editor.core import texts

    seen: list[tuple[str, str]] = []

    def marking(context: str, text: str) -> str:
        seen.append((context, text))
        return f"»{text}«"

    texts.use(marking)
    try:
        source = "Die Regierung hat am Dienstag 17 neue Gesetze zum Datenschutz beschlossen."
        problems = check_pair(source, source.replace("17", ""), target_lang="en", languages=LANGS)
        empty = check_pair("Ein Satz.", "")
    finally:
        texts.use(None)
    messages = {p.code: p.message for p in [*problems, *empty]}
    assert messages["segment.numbers"] == "»Numbers missing in the translation: 17.«"
    assert messages["segment.language"] == "»The segment reads as »German«, not »English«.«"
    assert messages["segment.empty"] == "»The segment is not translated.«"
    assert ("languages", "German") in seen
    assert check_pair("Ein Satz.", "")[0].message == "The segment is not translated."
