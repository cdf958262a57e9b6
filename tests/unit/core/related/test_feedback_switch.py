"""The feedback round can be skipped for bulk work, and it is what finds same-topic articles
that share few words with the query."""

from __future__ import annotations

from editor.core.related import RelatedConfig, RelatedDoc, RelatedIndex


def _doc(doc_id: str, body: str) -> RelatedDoc:
    return RelatedDoc(id=doc_id, lang="de", title=doc_id, body=body)


def test_feedback_can_be_switched_off_per_query() -> None:
    docs = [
        _doc("q", "Akku Ladegerät Elektroauto Reichweite"),
        _doc("a", "Akku Ladegerät Elektroauto Reichweite Schnellladung"),
        _doc("b", "Akku Elektroauto Reichweite Schnellladung Ladesäule"),
        _doc("c", "Schnellladung Ladesäule Stromnetz Netzbetreiber"),
        _doc("d", "Fußball Bundesliga Tor Schiedsrichter"),
        _doc("e", "Fußball Bundesliga Trainer Tabelle"),
    ]
    index = RelatedIndex.build(docs, config=RelatedConfig(use_dictionary=False, min_df=1))
    with_feedback = [s.id for s in index.suggest("q", 5, statuses=None)]
    without = [s.id for s in index.suggest("q", 5, statuses=None, feedback=False)]
    assert with_feedback[:2] == without[:2] == ["a", "b"]
    # "c" shares no word with the query: only the feedback round (via a and b) finds it.
    assert "c" in with_feedback
    assert "c" not in without


def test_the_feedback_round_counts_at_its_share_in_the_query_language() -> None:
    docs = [
        _doc("q", "Akku Ladegerät Elektroauto Reichweite"),
        _doc("a", "Akku Ladegerät Elektroauto Reichweite Schnellladung"),
        _doc("b", "Akku Elektroauto Reichweite Schnellladung Ladesäule"),
        _doc("c", "Schnellladung Ladesäule Stromnetz Netzbetreiber"),
        _doc("d", "Fußball Bundesliga Tor Schiedsrichter"),
    ]

    def ranked(share: float) -> list[tuple[str, float]]:
        config = RelatedConfig(use_dictionary=False, min_df=1, feedback_own_language=share)
        index = RelatedIndex.build(docs, config=config)
        return [(s.id, s.score) for s in index.suggest("q", 5, statuses=None)]

    full, half, none = ranked(1.0), ranked(0.5), ranked(0.0)
    assert [i for i, _ in none] == ["a", "b"], "without its share: the first round's finds"
    assert [i for i, _ in half][:2] == ["a", "b"] and "c" in dict(half)
    # Half the feedback round's weight: the topic-only find falls further behind the best.
    assert dict(half)["c"] < dict(full)["c"]
