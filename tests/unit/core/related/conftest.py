"""Small hand-written archives for the related-links engine (invented companies and people)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from editor.core.related import RelatedConfig, RelatedDoc

DAY0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

# The engine's behaviour must not depend on whether Debian's trans-de-en happens to be
# installed on the machine running the tests: most tests run without the dictionary.
NO_DICTIONARY = RelatedConfig(use_dictionary=False)


def doc(
    doc_id: str,
    title: str,
    body: str,
    *,
    lang: str = "de",
    entities: tuple[str, ...] = (),
    group: str | None = None,
    day: int | None = 0,
    status: str = "published",
) -> RelatedDoc:
    return RelatedDoc(
        id=doc_id,
        lang=lang,
        title=title,
        body=body,
        entities=entities,
        group=group,
        published_at=None if day is None else DAY0 + timedelta(days=day),
        status=status,
    )


FILLER_DE = [
    doc(
        "wetter",
        "Sturm zieht über das Land",
        "Der Wetterdienst warnt vor Sturmböen und Starkregen. Bäume stürzten auf Straßen, "
        "die Feuerwehr rückte zu vielen Einsätzen aus. Am Wochenende soll es ruhiger werden.",
        day=-40,
    ),
    doc(
        "fussball",
        "Heimsieg in der zweiten Runde",
        "Die Mannschaft gewann vor ausverkauftem Stadion. Der Trainer lobte die Abwehr, "
        "der Stürmer traf zweimal. In der nächsten Runde wartet ein schwerer Gegner.",
        day=-35,
    ),
    doc(
        "kochen",
        "Rezepte für den Herbst",
        "Kürbis, Maronen und Pilze prägen die Küche im Herbst. Die Suppe gelingt mit wenig "
        "Aufwand, der Kuchen braucht etwas Geduld im Ofen.",
        day=-30,
    ),
    doc(
        "bahn",
        "Streik legt Züge lahm",
        "Die Gewerkschaft der Lokführer streikt seit dem Morgen. Pendler müssen auf Busse "
        "ausweichen, viele Verbindungen fallen aus, Fernzüge fahren nur vereinzelt.",
        day=-20,
    ),
    doc(
        "museum",
        "Neues Museum eröffnet",
        "Das Museum zeigt Gemälde und Skulpturen aus drei Jahrhunderten. Die Eröffnung "
        "lockte viele Besucher, die Ausstellung bleibt bis zum Sommer.",
        day=-10,
    ),
]
