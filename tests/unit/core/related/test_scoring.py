"""What the engine suggests and why: rarity of names, reasons, languages, translations."""

from __future__ import annotations

from editor.core.related import Reasons, RelatedIndex, describe

from .conftest import FILLER_DE, NO_DICTIONARY, doc


def ids(suggestions: list) -> list[str]:
    return [s.id for s in suggestions]


def test_sharing_a_rare_name_beats_sharing_a_common_one() -> None:
    # "EU" is in every article about regulation; "Veltrix" only in the query and one other.
    common = [
        doc(
            f"eu-{i}",
            f"Brüssel berät Regeln Nummer {i}",
            "Die Kommission legt einen Entwurf vor, die Mitgliedstaaten beraten weiter.",
            entities=("EU",),
        )
        for i in range(6)
    ]
    query = doc(
        "query",
        "Neue Vorgaben für Chips",
        "Die Kommission prüft die Vorgaben, der Hersteller reagiert gelassen.",
        entities=("EU", "Veltrix"),
    )
    rare = doc(
        "rare",
        "Hersteller baut Werk",
        "Der Hersteller plant ein Werk und stellt Personal ein.",
        entities=("Veltrix",),
    )
    index = RelatedIndex.build([*FILLER_DE, *common, query, rare], config=NO_DICTIONARY)

    found = ids(index.suggest("query", top=3))

    assert found[0] == "rare"


def test_reasons_name_shared_entities_terms_and_days() -> None:
    query = doc(
        "q",
        "OpenAI sammelt Geld ein",
        "Sam Altman verhandelt über eine Finanzierung, die Bewertung steigt deutlich.",
        entities=("OpenAI", "Sam Altman"),
        day=0,
    )
    other = doc(
        "o",
        "Investoren stehen Schlange",
        "Die Finanzierung von OpenAI ist gesichert, Sam Altman nennt die Bewertung fair.",
        entities=("OpenAI", "Sam Altman"),
        day=3,
    )
    index = RelatedIndex.build([*FILLER_DE, query, other], config=NO_DICTIONARY)

    best = index.suggest("q", top=1)[0]

    assert best.id == "o"
    assert set(best.reasons.shared_entities) == {"OpenAI", "Sam Altman"}
    assert {"Finanzierung", "Bewertung"} <= set(best.reasons.shared_terms)
    assert best.reasons.days_apart == 3
    english = describe(best.reasons, "en")
    assert english.startswith("shares ")
    assert "Sam Altman" in english and "Finanzierung" in english and "3 days apart" in english
    german = describe(best.reasons, "de")
    assert "gemeinsam:" in german and "3 Tage auseinander" in german


def test_an_articles_own_translations_are_never_suggested() -> None:
    original = doc(
        "de-1",
        "Kalyra stellt Telefon vor",
        "Kalyra zeigt ein Telefon.",
        entities=("Kalyra",),
        group="g1",
    )
    translation = doc(
        "en-1",
        "Kalyra unveils phone",
        "Kalyra shows a phone.",
        lang="en",
        entities=("Kalyra",),
        group="g1",
    )
    cousin = doc(
        "de-2", "Kalyra senkt Preise", "Kalyra senkt die Preise für Telefone.", entities=("Kalyra",)
    )
    index = RelatedIndex.build([*FILLER_DE, original, translation, cousin], config=NO_DICTIONARY)

    assert "en-1" not in ids(index.suggest("de-1", top=10))
    assert "de-1" not in ids(index.suggest("en-1", top=10))
    assert "de-2" in ids(index.suggest("de-1", top=10))


def test_german_article_finds_the_english_one_about_the_same_company() -> None:
    # Plenty of German articles share words with the query; the English one shares only
    # the company. Per-language normalisation keeps it among the suggestions.
    sentences = [
        "Der Umsatz wächst im Quartal.",
        "Die Kosten steigen deutlich.",
        "Der Gewinn sinkt.",
        "Die Aktie fällt nach den Zahlen.",
        "Analysten hatten mehr erwartet.",
    ]
    german = [
        doc(
            f"de-{i}",
            f"Quartalszahlen der Branche {i}",
            " ".join(sentences[j % len(sentences)] for j in range(i, i + 3)),
        )
        for i in range(8)
    ]
    query = doc(
        "query",
        "Quartalszahlen von Helioscale",
        "Der Umsatz von Helioscale wächst, die Kosten steigen, der Gewinn sinkt im Quartal.",
        entities=("Helioscale",),
    )
    english = doc(
        "en-helio",
        "Helioscale hires engineers",
        "The cloud company Helioscale is hiring hundreds of engineers in Dublin.",
        lang="en",
        entities=("Helioscale",),
    )
    unrelated_english = doc(
        "en-other",
        "Rain expected",
        "Forecasters expect rain over the weekend in the north.",
        lang="en",
    )
    index = RelatedIndex.build(
        [*FILLER_DE, *german, query, english, unrelated_english], config=NO_DICTIONARY
    )

    found = index.suggest("query", top=5)

    assert "en-helio" in ids(found)
    assert "en-other" not in ids(found)
    helio = next(s for s in found if s.id == "en-helio")
    assert helio.reasons.shared_entities == ("Helioscale",)


def test_a_translation_relates_the_article_to_the_other_group() -> None:
    # A (German) has an English translation A'. B' (English) is close to A' in wording;
    # B (German) is B's translation. Nothing links A to B or B' directly (no shared names,
    # different words), yet both are suggested for A through the translations.
    a_de = doc(
        "a-de",
        "Batterien für Lastwagen",
        "Ein Hersteller entwickelt Akkus für schwere Fahrzeuge mit großer Reichweite.",
        group="a",
    )
    a_en = doc(
        "a-en",
        "Batteries for trucks",
        "A maker develops batteries for heavy trucks with long range and fast charging.",
        lang="en",
        group="a",
    )
    b_en = doc(
        "b-en",
        "Truck batteries charge faster",
        "New batteries for heavy trucks promise fast charging and long range.",
        lang="en",
        group="b",
    )
    b_de = doc(
        "b-de",
        "Schnelleres Laden",
        "Neue Zellen versprechen kürzere Ladepausen im Fernverkehr.",
        group="b",
    )
    index = RelatedIndex.build([*FILLER_DE, a_de, a_en, b_en, b_de], config=NO_DICTIONARY)

    found = {s.id: s for s in index.suggest("a-de", top=5)}

    assert "b-en" in found and "b-de" in found
    assert found["b-en"].reasons.via_translation == "a-en"
    assert found["b-de"].reasons.via_translation is not None
    assert "a-en" not in found


def test_statuses_and_exclude_filter_candidates() -> None:
    query = doc(
        "q", "Tessaro Chip T3", "Der Chip T3 von Tessaro ist schnell.", entities=("Tessaro",)
    )
    draft = doc(
        "draft", "Tessaro Chip", "Der Chip von Tessaro.", entities=("Tessaro",), status="draft"
    )
    published = doc("pub", "Tessaro wächst", "Tessaro wächst mit Chips.", entities=("Tessaro",))
    index = RelatedIndex.build([*FILLER_DE, query, draft, published], config=NO_DICTIONARY)

    assert "draft" not in ids(index.suggest("q"))
    assert "draft" in ids(index.suggest("q", statuses=None))
    assert "pub" not in ids(index.suggest("q", exclude={"pub"}))


def test_penalty_lowers_a_rejected_pair() -> None:
    query = doc(
        "q", "Gridwell Home", "Gridwell zeigt Gridwell Home für Wohnungen.", entities=("Gridwell",)
    )
    first = doc(
        "a", "Gridwell Home im Test", "Gridwell Home steuert Wohnungen.", entities=("Gridwell",)
    )
    second = doc("b", "Gridwell spart", "Gridwell spart Energie.", entities=("Gridwell",))
    index = RelatedIndex.build([*FILLER_DE, query, first, second], config=NO_DICTIONARY)

    before = {s.id: s.score for s in index.suggest("q")}
    assert before["a"] > before["b"]

    after = index.suggest("q", penalties={"a": 0.8})
    scores = {s.id: s.score for s in after}
    assert after[0].id == "b"
    assert scores["a"] < before["a"]
    assert "a" not in ids(index.suggest("q", penalties={"a": 1.0}))


def test_an_unsaved_article_can_be_the_query() -> None:
    stored = doc("s", "Quillon Notes", "Quillon bringt die App Notes.", entities=("Quillon",))
    index = RelatedIndex.build([*FILLER_DE, stored], config=NO_DICTIONARY)
    draft = doc("new", "Quillon Notes neu", "Die App Notes von Quillon.", entities=("Quillon",))

    names_before = len(index._entity_names)

    assert ids(index.suggest(draft))[0] == "s"
    assert "new" not in index
    unknown = doc("new2", "Neu", "Ganz neu: Zentara Vault.", entities=("Zentara Vault",))
    index.suggest(unknown)
    assert len(index._entity_names) == names_before  # querying left the index as it was


def test_describe_in_both_languages() -> None:
    via = Reasons(shared_terms=("Batterien",), days_apart=0, via_translation="a-en")
    assert describe(via, "en") == "similar terms: Batterien; related to its translation; same day"
    assert describe(via, "de") == (
        "ähnliche Begriffe: Batterien; verwandt mit der Übersetzung; am selben Tag"
    )
    assert describe(Reasons(days_apart=1), "de") == "1 Tag auseinander"
    assert describe(Reasons(), "en") == "similar text"
    assert describe(Reasons(translated_terms=True), "fr") == "matched across languages"
