"""Write `newswire.jsonl` from the invented fact sheets (stories_a.py, stories_b.py).

    python tests/benchmarks/data/newswire/generate.py

Deterministic (fixed seed): the committed file is what this writes. Each story gets three
English and two German articles assembled the way agency copy is: a dateline, a lead,
a varying subset of the story's facts in varying order, with words swapped for synonyms
(so no two versions repeat each other word for word), quotes, background the story shares
with its family's other stories (same company, same people, another event), and noise that
real wires carry: market wraps, "related coverage" lists with other stories' headlines,
credits, standards notes, corrections. Lengths differ on purpose: a flash of a hundred
words beside a long piece of several hundred. Roundup articles touching many stories at
once (belonging to none) are added as near-topic distractors.
"""

from __future__ import annotations

import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stories_a import FAMILIES_A  # noqa: E402
from stories_b import FAMILIES_B  # noqa: E402

FAMILIES = FAMILIES_A + FAMILIES_B
SEED = 20260314

SYNONYMS_EN = {
    "said": ["said", "told reporters", "said in a statement", "stated"],
    "about": ["about", "around", "roughly", "some"],
    "on Monday": ["on Monday", "at the start of the week"],
    "expected": ["expected", "forecast", "anticipated"],
    "rose": ["rose", "climbed", "gained"],
    "fell": ["fell", "dropped", "slid"],
    "company": ["company", "group", "firm"],
    "will": ["will", "is set to", "plans to"],
    "after": ["after", "following"],
    "because": ["because", "as"],
}
SYNONYMS_DE = {
    "rund": ["rund", "etwa", "ungefähr"],
    "nach": ["nach", "infolge"],
    "Unternehmen": ["Unternehmen", "Konzern", "Firma"],
    "sagte": ["sagte", "erklärte", "betonte"],
    "kräftig": ["kräftig", "deutlich", "spürbar"],
}

CREDITS_EN = [
    "(Reporting by {a}; additional reporting by {b}; Editing by {c})",
    "(Reporting by {a} in {city}; Writing by {b}; Editing by {c})",
    "(Compiled by {a}; Editing by {b} and {c})",
]
REPORTERS = [
    "Nora Fenwick",
    "Tomas Riedl",
    "Amelia Grant",
    "Kwame Boateng",
    "Lucia Serra",
    "Jonas Eklund",
    "Priya Menon",
    "Oliver Stanton",
    "Hanna Kuusi",
    "Diego Alvarez",
]
STANDARDS_EN = [
    "Our Standards: The Newswire Trust Principles.",
    "Sign up here for our morning briefing on markets and business.",
    "This story has been refiled to correct a typo in the third paragraph.",
    "All figures are provisional and may be revised.",
    "Click here for live coverage of European markets.",
]
FILLER_EN = [
    "The company did not immediately respond to a request for further comment.",
    "A spokesperson declined to comment beyond the statement.",
    "The news was first reported by local media earlier in the day.",
    "Officials said more details would be released in the coming days.",
    "Analysts said it was too early to assess the full impact.",
]
MARKET_EN = [
    "European shares were little changed on the day, with the STOXX 600 index up 0.1 "
    "percent as investors awaited inflation data from the United States.",
    "Oil prices edged lower, with Brent crude trading just under 82 dollars a barrel.",
    "The euro held steady against the dollar at 1.09.",
    "Bond markets were calm elsewhere in the region, with German ten-year yields flat.",
    "Trading volumes were thin ahead of a public holiday in several countries.",
]
CREDITS_DE = ["ndx/{a}", "ndx/{a}/{b}", "© Nachrichtendienst ndx, {a}"]
STANDARDS_DE = [
    "Alle Angaben ohne Gewähr.",
    "Diese Meldung wurde um 14.05 Uhr aktualisiert.",
    "Melden Sie sich hier für unseren Newsletter an.",
]
FILLER_DE = [
    "Eine Stellungnahme des Unternehmens lag zunächst nicht vor.",
    "Weitere Einzelheiten wurden zunächst nicht bekannt.",
    "Beobachter halten es für zu früh, die Folgen abzuschätzen.",
]
MARKET_DE = [
    "Der Dax schloss nahezu unverändert bei gut 18.400 Punkten.",
    "Der Euro kostete am Nachmittag 1,09 Dollar.",
    "Die Ölpreise gaben leicht nach, ein Fass Brent kostete knapp 82 Dollar.",
    "Anleger warteten vor allem auf neue Inflationsdaten aus den USA.",
]
MONTHS_EN = (
    "January February March April May June July August September October November December".split()
)


def paraphrase(text: str, table: dict[str, list[str]], rng: random.Random) -> str:
    for word, options in table.items():
        text = re.sub(rf"\b{re.escape(word)}\b", lambda _, o=options: rng.choice(o), text)
    return text


def quote_en(quote: tuple[str, str], rng: random.Random) -> str:
    words, who = quote
    form = rng.choice(['"{q}," {w} said.', '{w} said: "{q}."', '"{q}," said {w}.'])
    return form.format(q=words, w=who)


def quote_de(quote: tuple[str, str], rng: random.Random) -> str:
    words, who = quote
    form = rng.choice(["„{q}“, sagte {w}.", "{w} sagte: „{q}.“", "„{q}“, so {w}."])
    return form.format(q=words, w=who)


def related_heads(all_heads: list[str], own: set[str], rng: random.Random, n: int) -> list[str]:
    return rng.sample([h for h in all_heads if h not in own], n)


def earlier(family: dict, story: dict, key: str, rng: random.Random) -> str:
    """A fact of another story of the family, as wires recall earlier events."""
    others = [s for s in family["stories"] if s is not story]
    return rng.choice(rng.choice(others)[key])


def english(family: dict, story: dict, k: int, heads: list[str], rng: random.Random) -> str:
    """English version `k` (0 long, 1 flash, 2 medium) of a story."""
    day = date.fromisoformat(story["date"]) + timedelta(days=k % 2)
    facts = list(story["facts_en"])
    lead = facts.pop(k % len(facts))
    rng.shuffle(facts)
    kept = facts[: {0: len(facts), 1: 1, 2: 3}[k]]
    dateline = f"{family['city_en']}, {MONTHS_EN[day.month - 1]} {day.day} (Newswire) - "
    paragraphs = [dateline + lead, *kept]
    quotes = story["quotes_en"][: {0: 2, 1: 0, 2: 1}[k]]
    for quote in quotes:
        paragraphs.insert(rng.randint(1, len(paragraphs)), quote_en(quote, rng))
    if k != 1:
        background = list(family["background_en"])
        rng.shuffle(background)
        paragraphs.append(" ".join(background[: 3 if k == 0 else 1]))
        paragraphs.append(
            "Earlier, in a separate development: " + earlier(family, story, "facts_en", rng)
        )
    paragraphs.append(rng.choice(FILLER_EN))
    if k == 0:
        paragraphs.append(" ".join(rng.sample(MARKET_EN, 3)))
        own = set(story["heads_en"])
        paragraphs.append(
            "RELATED COVERAGE\n" + "\n".join(f"- {h}" for h in related_heads(heads, own, rng, 3))
        )
    names = rng.sample(REPORTERS, 3)
    paragraphs.append(
        rng.choice(CREDITS_EN).format(a=names[0], b=names[1], c=names[2], city=family["city_de"])
    )
    paragraphs.append(rng.choice(STANDARDS_EN))
    return "\n\n".join(paraphrase(p, SYNONYMS_EN, rng) for p in paragraphs)


def german(family: dict, story: dict, k: int, heads: list[str], rng: random.Random) -> str:
    """German version `k` (0 long, 1 short) of a story, written from the German facts."""
    facts = list(story["facts_de"])
    lead = facts.pop(0 if k == 0 else len(facts) - 1)
    rng.shuffle(facts)
    kept = facts if k == 0 else facts[:1]
    paragraphs = [f"{family['city_de']} (ndx) - {lead}", *kept]
    for quote in story["quotes_de"][: 2 if k == 0 else 1]:
        paragraphs.insert(rng.randint(1, len(paragraphs)), quote_de(quote, rng))
    if k == 0:
        paragraphs.append(" ".join(family["background_de"]))
        paragraphs.append("Zuvor hatte es geheißen: " + earlier(family, story, "facts_de", rng))
        paragraphs.append(" ".join(rng.sample(MARKET_DE, 2)))
        own = set(story["heads_de"])
        paragraphs.append(
            "Mehr zum Thema:\n" + "\n".join(f"- {h}" for h in related_heads(heads, own, rng, 2))
        )
    paragraphs.append(rng.choice(FILLER_DE))
    initials = ["abc", "kpw", "sth", "mru", "jfe"]
    paragraphs.append(rng.choice(CREDITS_DE).format(a=rng.choice(initials), b=rng.choice(initials)))
    if rng.random() < 0.5:
        paragraphs.append(rng.choice(STANDARDS_DE))
    return "\n\n".join(paraphrase(p, SYNONYMS_DE, rng) for p in paragraphs)


def roundups(rng: random.Random, stories: list[tuple[dict, dict]]) -> list[dict]:
    """Near-topic distractors: market and news roundups naming several stories at once."""
    rows = []
    for n in range(8):
        picked = rng.sample(stories, 4)
        day = date(2026, 1, 5) + timedelta(days=21 * n)
        rows.append(
            {
                "id": f"nw-roundup{n}-en",
                "lang": "en",
                "title": f"Europe midday briefing: {picked[0][1]['heads_en'][2]}",
                "body": "\n\n".join(
                    [
                        f"LONDON, {MONTHS_EN[day.month - 1]} {day.day} (Newswire) - Here are "
                        "the stories moving European markets and business today.",
                        *(
                            f"- {s['heads_en'][rng.randrange(3)]}. {s['facts_en'][-1]}"
                            for _, s in picked
                        ),
                        " ".join(rng.sample(MARKET_EN, 4)),
                        rng.choice(STANDARDS_EN),
                    ]
                ),
                "published": day.isoformat(),
            }
        )
        rows.append(
            {
                "id": f"nw-roundup{n}-de",
                "lang": "de",
                "title": "Der Tag kompakt: " + picked[1][1]["heads_de"][1],
                "body": "\n\n".join(
                    [
                        "Frankfurt (ndx) - Die wichtigsten Wirtschaftsmeldungen im Überblick.",
                        *(f"- {s['heads_de'][0]}. {s['facts_de'][-1]}" for _, s in picked),
                        " ".join(rng.sample(MARKET_DE, 3)),
                    ]
                ),
                "published": day.isoformat(),
            }
        )
    for row in rows:
        row.update(family="roundup", story=row["id"], part="none", teaser="")
    return rows


def build() -> list[dict]:
    rng = random.Random(SEED)
    stories = [(f, s) for f in FAMILIES for s in f["stories"]]
    heads_en = [h for _, s in stories for h in s["heads_en"]]
    heads_de = [h for _, s in stories for h in s["heads_de"]]
    rows = []
    for number, family in enumerate(FAMILIES):
        part = "tune" if number % 2 == 0 else "report"
        for s_number, story in enumerate(family["stories"], 1):
            key = f"{family['family']}-{s_number}"
            versions = [("en", k, english(family, story, k, heads_en, rng)) for k in range(3)]
            versions += [("de", k, german(family, story, k, heads_de, rng)) for k in range(2)]
            for lang, k, body in versions:
                heads = story["heads_en"] if lang == "en" else story["heads_de"]
                day = date.fromisoformat(story["date"]) + timedelta(days=k % 2)
                rows.append(
                    {
                        "id": f"nw-{key}-{lang}{k + 1}",
                        "family": family["family"],
                        "story": key,
                        "part": part,
                        "lang": lang,
                        "published": day.isoformat(),
                        "title": heads[k],
                        "teaser": "",
                        "body": body,
                    }
                )
    return rows + roundups(rng, stories)


def main() -> int:
    rows = build()
    out = HERE / "newswire.jsonl"
    with out.open("w", encoding="utf-8") as file:
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} articles to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
