"""German compounds and inflection, names in untagged text, the optional bilingual list."""

from __future__ import annotations

from pathlib import Path

from editor.core.related import RelatedConfig, RelatedIndex
from editor.core.related.dictionary import BilingualDictionary, load_dictionary
from editor.core.related.text import Analyzer, find_names

from .conftest import FILLER_DE, NO_DICTIONARY, doc


def test_compound_splits_into_known_words() -> None:
    known = {"finanzierung", "runde", "regierung", "sprecher"}
    analyzer = Analyzer(known.__contains__)

    assert analyzer.split_compound("finanzierungsrunde") == ("finanzierung", "runde")
    assert analyzer.split_compound("regierungssprecher") == ("regierung", "sprecher")
    assert analyzer.split_compound("donaudampfschiff") == ()  # parts unknown: left whole


def test_compound_and_inflection_match_the_simple_word() -> None:
    # No dictionary: "Finanzierung" and "Runde" are known because other articles use them.
    query = doc(
        "q",
        "Start-up schließt Finanzierungsrunde ab",
        "Nach der Finanzierungsrunde will die Firma wachsen; die Bewertungen steigen.",
    )
    plain = doc(
        "plain",
        "Firma sucht Geldgeber",
        "Die Finanzierung ist gesichert, die Bewertung liegt hoch.",
    )
    other = doc(
        "other",
        "Firma sucht Mieter",
        "Die Halle steht leer, der Vermieter ist ratlos.",
    )
    index = RelatedIndex.build([*FILLER_DE, query, plain, other], config=NO_DICTIONARY)

    found = index.suggest("q", top=3)

    assert found[0].id == "plain"
    assert {"Finanzierung", "Bewertung"} & set(found[0].reasons.shared_terms)
    assert "other" not in [s.id for s in found[:1]]


def test_names_in_untagged_text_skip_capitalised_german_nouns() -> None:
    text = (
        "Die Gewerkschaft kritisiert den Vertrag. Am Montag sagte Sam Altman in Wien, "
        "OpenAI und die SPÖ hätten über das iPhone und GPT-4 gesprochen."
    )

    names = find_names(text, "de")

    assert {"Sam Altman", "OpenAI", "SPÖ", "iPhone", "GPT-4"} <= set(names)
    assert "Gewerkschaft" not in names and "Vertrag" not in names
    assert not any(n.startswith("Montag") for n in names)


def test_english_single_names_but_not_sentence_openers() -> None:
    names = find_names("Analysts agree. The deal with Microsoft closed on Monday.", "en")

    assert "Microsoft" in names
    assert "Analysts" not in names and "Monday" not in names


def test_untagged_articles_match_on_names_found_in_the_text() -> None:
    query = doc("q", "Neuer Chef", "Lena Haverkamp übernimmt die Leitung bei Nordwerk.")
    same = doc("s", "Wechsel an der Spitze", "Nach dem Abgang folgt Lena Haverkamp im Herbst.")
    index = RelatedIndex.build([*FILLER_DE, query, same], config=NO_DICTIONARY)

    best = index.suggest("q", top=1)[0]

    assert best.id == "s"
    assert "Lena Haverkamp" in best.reasons.shared_entities


DING_SAMPLE = """\
# Version :: test
Regierung {f} [pol.] | Regierungen {pl} :: government | governments
Steuer {f} [fin.] | Steuern {pl} :: tax | taxes
planen {vt} :: to plan
Erhöhung {f} :: increase; rise
"""


def test_bilingual_list_parses_ding_lines() -> None:
    dictionary = BilingualDictionary.from_lines(DING_SAMPLE.splitlines())

    assert dictionary.translate("regierung", "de", "en") == ("government",)
    assert dictionary.translate("steuern", "de", "en") == ("taxes",)
    assert dictionary.translate("increase", "en", "de") == ("erhöhung",)
    assert dictionary.translate("rise", "en", "de") == ("erhöhung",)
    assert dictionary.is_german_word("planen")
    assert load_dictionary(Path("/nonexistent/de-en")) is None


def test_dictionary_links_articles_without_shared_names_or_words(tmp_path: Path) -> None:
    ding = tmp_path / "de-en"
    ding.write_text(DING_SAMPLE, encoding="utf-8")
    german = doc("de", "Regierung plant Erhöhung", "Die Regierung plant eine Erhöhung der Steuer.")
    english = doc(
        "en",
        "Government plans tax increase",
        "The government plans an increase of the tax on fuel.",
        lang="en",
    )
    weather = doc("en-x", "Storm warning", "A storm hits the coast tonight.", lang="en")
    # A word only one article has is left out of the vectors (it cannot match in its own
    # language), so the archive holds a second German article on the subject.
    budget = doc("de-2", "Haushalt", "Die Regierung streitet über die Steuer und eine Erhöhung.")
    debate = doc(
        "en-2", "Budget debate", "The government defends the tax increase it plans.", lang="en"
    )
    documents = [*FILLER_DE, german, budget, english, debate, weather]

    with_list = RelatedIndex.build(
        documents, config=RelatedConfig(use_dictionary=True, dictionary_path=ding)
    )
    without = RelatedIndex.build(documents, config=NO_DICTIONARY)

    found = {s.id: s for s in with_list.suggest("de", top=3)}
    assert {"en", "en-2"} <= set(found) and "en-x" not in found
    assert found["en"].reasons.translated_terms
    assert not {"en", "en-2"} & {s.id for s in without.suggest("de", top=3)}
