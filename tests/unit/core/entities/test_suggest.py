"""Merging known names and the model's new names into suggestions."""

from __future__ import annotations

from collections.abc import Sequence

from editor.core.entities.extractor import Span
from editor.core.entities.model import Entity, EntityKind
from editor.core.entities.suggest import KnownEntities, suggest


class _Spans:
    """A stand-in model that finds the given token runs (name → label, score)."""

    def __init__(self, names: dict[str, tuple[str, float]]) -> None:
        self.names = names

    def tag(self, tokens: Sequence[str]) -> list[Span]:
        found = []
        for name, (label, score) in self.names.items():
            words = name.split()
            for i in range(len(tokens) - len(words) + 1):
                if list(tokens[i : i + len(words)]) == words:
                    found.append(Span(i, i + len(words), label, score))
        return sorted(found, key=lambda s: s.start)

    def tag_sentences(self, sents: Sequence[Sequence[str]]) -> list[list[Span]]:
        return [self.tag(s) for s in sents]


def test_a_name_the_model_sees_inside_a_known_name_confirms_it() -> None:
    known = KnownEntities([Entity("Bayern München", EntityKind.ORGANISATION, id=1, articles=1)])
    text = "Gestern gewann Bayern München klar."
    alone = suggest(text, known=known, tagger=_Spans({}))
    inside = suggest(text, known=known, tagger=_Spans({"München": ("LOC", 0.9)}))
    # Not seen by the model: doubted (one article) and not shown; with the model's
    # "München" inside it, the known name is confirmed and "München" is not suggested.
    assert alone == []
    assert [(s.name, s.entity_id) for s in inside] == [("Bayern München", 1)]
    assert inside[0].score > 0.9


def test_a_topic_only_one_article_knows_needs_the_model_when_it_runs() -> None:
    known = KnownEntities(
        [
            Entity("Bus", EntityKind.TOPIC, id=1, articles=1),
            Entity("Klimawandel", EntityKind.TOPIC, id=2, articles=5),
        ]
    )
    text = "Der Bus fuhr los. Der Klimawandel bleibt Thema."
    found = {s.name for s in suggest(text, known=known, tagger=_Spans({}))}
    assert found == {"Klimawandel"}
    # Without a model nothing is doubted.
    assert {s.name for s in suggest(text, known=known)} == {"Bus", "Klimawandel"}


def test_a_suggestion_says_how_its_name_is_written_in_the_text() -> None:
    known = KnownEntities([Entity("Cebit", EntityKind.ORGANISATION, id=1, articles=4)])
    text = "Die CeBIT öffnet. Auf der CeBIT zeigt Anna Roth ein Gerät."
    model = _Spans({"CeBIT": ("ORG", 0.8), "Anna Roth": ("PER", 0.7)})
    found = {s.name: s for s in suggest(text, known=known, tagger=model)}
    assert found["Cebit"].surfaces == ("CeBIT",) and found["Cebit"].entity_id == 1
    assert found["Anna Roth"].surfaces == ("Anna Roth",)


def test_a_new_name_scores_by_its_surest_mention() -> None:
    text = "Anna Roth kam. Später sprach Anna Roth."

    class _Twice(_Spans):
        def tag(self, tokens: Sequence[str]) -> list[Span]:
            spans = super().tag(tokens)
            score = 0.9 if tokens[0] == "Anna" else 0.4
            return [Span(s.start, s.end, s.label, score) for s in spans]

    [only] = suggest(text, tagger=_Twice({"Anna Roth": ("PER", 0)}))
    assert only.count == 2
    assert only.score >= 0.9  # the surer mention, plus a little for the repeat


def test_an_english_article_is_cut_by_english_rules_and_names_point_at_their_text() -> None:
    text = "Velkar’s output rose to 1.09. Oslin Bank said Velkar's plan works."
    tagger = _Spans({"Velkar": ("LOC", 0.8), "Oslin Bank": ("ORG", 0.7)})
    found = {s.name: s for s in suggest(text, tagger=tagger, lang="en")}
    # "Velkar" before "’s" is a word of its own (German rules keep "Velkar’s" whole).
    assert found["Velkar"].count == 2 and found["Velkar"].surfaces == ("Velkar",)
    assert "Oslin Bank" in found
    assert {s.name for s in suggest(text, tagger=tagger)} == {"Oslin Bank"}, "German rules"


def test_an_english_datelines_place_is_suggested_as_a_place() -> None:
    text = "Ferries stop\n\nVARDEN, Jan 5 (Wirepost) - Ferries stopped in Varden."
    found = {s.name: s for s in suggest(text, tagger=_Spans({}), lang="en")}
    assert found["VARDEN"].kind is EntityKind.PLACE
    # Not in German, and not without a model (known names only).
    assert suggest(text, tagger=_Spans({}), lang="de") == []
    assert suggest(text, lang="en") == []
