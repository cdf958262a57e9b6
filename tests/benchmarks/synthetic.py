"""A synthetic technology-news archive of any size, for benchmarks.

Everything here is invented: the companies, products, people and sentences
come from the word lists below and a small sentence grammar, so the archive
looks like a German/English tech newsroom's (titles of 6–14 words, teasers of
20–40, bodies of 150–900 words in paragraphs with some Markdown, a realistic
mix of statuses, translation pairs) without containing anyone's text.

The same ``seed`` always gives the same archive.

    python tests/benchmarks/synthetic.py --n 100000 --db /tmp/archive.sqlite
    python tests/benchmarks/synthetic.py --n 5000 --jsonl /tmp/articles.jsonl

Other benchmarks import it::

    from tests.benchmarks.synthetic import build_database, generate_records
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from string import Formatter
from typing import Any

if __package__ in (None, ""):  # run as a script: make `editor` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

DEFAULT_SEED = 20261129
# The archive covers the two years before this moment (fixed, so runs agree).
ARCHIVE_END = datetime(2026, 11, 1, 18, 0, tzinfo=UTC)
ARCHIVE_SPAN = timedelta(days=730)

LANGUAGE_WEIGHTS = {"de": 0.62, "en": 0.38}
# Most of an archive is published or archived; a working day's drafts on top.
STATUS_WEIGHTS = {
    "published": 0.52,
    "archived": 0.17,
    "draft": 0.12,
    "in_review": 0.06,
    "ready": 0.05,
    "corrected": 0.05,
    "unpublished": 0.03,
}
UNPUBLISHED_STATUSES = {"draft", "in_review", "ready"}
TRANSLATION_SHARE = 0.12  # share of records that start a de/en translation pair

# ---------------------------------------------------------------- invented names

COMPANIES = [
    "Veltrix",
    "Nordwerk Systems",
    "Kalyra",
    "Quantora",
    "Helioscale",
    "Brightfold",
    "Arventa",
    "Sonaric",
    "Lumetric",
    "Taluna Labs",
    "Corvanta",
    "Fernblick",
    "Oxilon",
    "Strata Nine",
    "Mirelle Semiconductor",
    "Halvard Networks",
    "Pellucid AI",
    "Rheinsoft",
    "Tessaro",
    "Gridwell",
    "Novabyte",
    "Zentara Cloud",
    "Kestrel Robotics",
    "Isarion",
    "Obsidia",
    "Polarwerk",
    "Vireo Mobile",
    "Quillon",
    "Auralis",
    "Tiefbau Digital",
]
PRODUCTS = [
    "Aurora X2",
    "Kalyra OS 5",
    "Q7 Neuron",
    "Helio Drive",
    "Fold Pro",
    "Arventa Mesh",
    "Sonaric Buds 3",
    "Lumetric Vision",
    "Corvanta Pay",
    "Oxilon M4",
    "Strata Edge",
    "Gridwell Home",
    "Novabyte Studio",
    "Zentara Vault",
    "Kestrel K9",
    "Obsidia Shield",
    "Vireo Pixel 8",
    "Quillon Notes",
    "Auralis Voice",
    "Tessaro Chip T3",
]
PEOPLE = [
    "Mira Castellan",
    "Jonas Wendt",
    "Aiko Brandauer",
    "Samuel Okonjo",
    "Lena Haverkamp",
    "Ravi Menon-Stahl",
    "Clara Voss",
    "Tobias Reinhold",
    "Ingrid Solvang",
    "Marek Dudek",
    "Yuki Hartmann",
    "Elena Moravec",
    "Felix Ambrosius",
    "Nadia Karim",
    "Oskar Lindqvist",
]
PLACES_DE = ["Berlin", "München", "Hamburg", "Dresden", "Brüssel", "Wien", "Zürich", "Stuttgart"]
PLACES_EN = ["London", "Brussels", "San Francisco", "Dublin", "Berlin", "Seoul", "Austin", "Taipei"]
TOPICS_DE = [
    "KI",
    "Datenschutz",
    "Halbleiter",
    "Cloud",
    "Smartphones",
    "Elektromobilität",
    "Cybersicherheit",
    "Open Source",
    "Start-ups",
    "Netzpolitik",
    "Quantencomputer",
    "Rechenzentren",
    "Breitband",
    "Robotik",
    "Gaming",
]
TOPICS_EN = [
    "AI",
    "Privacy",
    "Semiconductors",
    "Cloud",
    "Smartphones",
    "Electric vehicles",
    "Cybersecurity",
    "Open source",
    "Startups",
    "Regulation",
    "Quantum computing",
    "Data centres",
    "Broadband",
    "Robotics",
    "Gaming",
]
AUTHORS = [
    "Anna Berger",
    "Lukas Schmid",
    "Sophie Keller",
    "Daniel Fuchs",
    "Katrin Albers",
    "Martin Oberle",
    "Julia Nowak",
    "Peter Lorenz",
    "Hannah Brooks",
    "James Whitfield",
    "Priya Raman",
    "Tom Eriksen",
    "Miriam Adler",
    "Sebastian Kühn",
    "Laura Pichler",
    "Chen Wei",
    "Fatma Yilmaz",
    "Niklas Brand",
    "Rebecca Stone",
    "Jan Hofstetter",
]

# ---------------------------------------------------------------- a small sentence grammar
# A sentence is subject + verb phrase + object + optional complement; the lists
# are long enough that the combinations rarely repeat within an article.

GRAMMAR: dict[str, dict[str, list[str]]] = {
    "de": {
        "subject": [
            "{company}",
            "Der Konzern {company}",
            "Das Start-up {company}",
            "Der Chiphersteller {company}",
            "{person}",
            "Die Firmenspitze von {company}",
            "Die EU-Kommission",
            "Die Bundesnetzagentur",
            "Das Digitalministerium",
            "Ein Sprecher von {company}",
            "Die Marktforschung",
            "Das Team hinter {product}",
            "Der Verbraucherschutz",
            "Der Branchenverband Bitkom",
            "Die Konkurrenz",
        ],
        "verb": [
            "kündigt",
            "stellt",
            "verschiebt",
            "testet",
            "kritisiert",
            "übernimmt",
            "veröffentlicht",
            "prüft",
            "verteidigt",
            "bestätigt",
            "plant",
            "bringt",
            "liefert",
            "stoppt",
            "erweitert",
        ],
        "object": [
            "eine neue Version von {product}",
            "den Marktstart von {product}",
            "ein Update für ältere Geräte",
            "die Preise für Cloud-Speicher",
            "eine Investition von {amount} Millionen Euro",
            "die Produktion in {place}",
            "ein Sprachmodell für Unternehmen",
            "strengere Regeln für {topic}",
            "den Konkurrenten {company}",
            "die Sicherheitslücke in {product}",
            "neue Rechenzentren in {place}",
            "einen eigenen KI-Chip",
            "die Zusammenarbeit mit {company}",
            "eine Sammelklage",
            "{number} neue Stellen",
        ],
        "complement": [
            "noch vor Jahresende an",
            "ab dem kommenden Quartal vor",
            "offenbar ohne Vorwarnung",
            "nach monatelangen Verhandlungen",
            "trotz deutlicher Kritik",
            "in mehreren Ländern",
            "für Kundinnen und Kunden in Europa",
            "laut einem internen Papier",
            "wie aus Branchenkreisen verlautet",
            "zunächst nur in Deutschland",
            "mit deutlicher Verspätung",
            "schneller als erwartet",
            "auf der Messe in {place}",
            "bis auf Weiteres",
            "gegen den Willen der Aufsichtsbehörden",
        ],
        "aside": [
            "Das bestätigte das Unternehmen am {weekday}.",
            "Eine Stellungnahme blieb zunächst aus.",
            "Details sollen in den kommenden Wochen folgen.",
            "Der Aktienkurs reagierte kaum.",
            "Kritiker sprechen von einem überfälligen Schritt.",
            "Ob der Zeitplan hält, ist offen.",
            "Betroffen sind nach ersten Schätzungen rund {number}000 Kundinnen und Kunden.",
            "Im Vorjahr hatte {company} einen ähnlichen Versuch abgebrochen.",
            "Die Auswirkungen auf {topic} sind noch nicht abzusehen.",
            "{person} sprach von einem „wichtigen Signal für die Branche“.",
        ],
        "heading": [
            "Was sich ändert",
            "Hintergrund",
            "Reaktionen",
            "Wie es weitergeht",
            "Kritik von Datenschützern",
            "Die Technik im Detail",
            "Einordnung",
        ],
        "weekday": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
        "title_lead": ["Exklusiv:", "Analyse:", "Kommentar:", "Update:", "Test:"],
    },
    "en": {
        "subject": [
            "{company}",
            "Chipmaker {company}",
            "Start-up {company}",
            "{person}",
            "{company} chief executive {person}",
            "The European Commission",
            "The regulator",
            "A spokesperson for {company}",
            "The research firm Datawise",
            "The team behind {product}",
            "The privacy watchdog",
            "Its largest investor",
            "The trade group TechEurope",
        ],
        "verb": [
            "announces",
            "delays",
            "tests",
            "criticises",
            "acquires",
            "releases",
            "reviews",
            "defends",
            "confirms",
            "plans",
            "ships",
            "halts",
            "expands",
            "unveils",
            "scraps",
        ],
        "object": [
            "a new version of {product}",
            "the launch of {product}",
            "an update for older devices",
            "its cloud storage prices",
            "a {amount} million euro investment",
            "production in {place}",
            "a language model for businesses",
            "stricter rules on {topic}",
            "rival {company}",
            "the security flaw in {product}",
            "new data centres in {place}",
            "its own AI chip",
            "the partnership with {company}",
            "a class action",
            "{number} new jobs",
        ],
        "complement": [
            "before the end of the year",
            "from next quarter",
            "apparently without warning",
            "after months of negotiations",
            "despite strong criticism",
            "in several countries",
            "for customers in Europe",
            "according to an internal memo",
            "industry sources say",
            "in Germany first",
            "much later than planned",
            "faster than expected",
            "at the trade fair in {place}",
            "until further notice",
            "against the wishes of regulators",
        ],
        "aside": [
            "The company confirmed this on {weekday}.",
            "It did not immediately respond to a request for comment.",
            "Details are expected in the coming weeks.",
            "The share price barely moved.",
            "Critics call it a long overdue step.",
            "Whether the timetable holds is unclear.",
            "Early estimates put the number of affected customers at {number},000.",
            "Last year {company} abandoned a similar attempt.",
            "The effect on {topic} is not yet clear.",
            "{person} called it “an important signal for the industry”.",
        ],
        "heading": [
            "What changes",
            "Background",
            "Reactions",
            "What happens next",
            "Privacy concerns",
            "The technology in detail",
            "Analysis",
        ],
        "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        "title_lead": ["Exclusive:", "Analysis:", "Opinion:", "Update:", "Review:"],
    },
}

PLACES = {"de": PLACES_DE, "en": PLACES_EN}
TOPICS = {"de": TOPICS_DE, "en": TOPICS_EN}
SENTENCE_POOL_SIZE = 4000  # distinct sentences per language and seed


class _Writer:
    """Invented text in one language, drawn from a seeded random generator."""

    def __init__(self, language: str, rng: random.Random) -> None:
        self.language = language
        self.rng = rng
        self.grammar = GRAMMAR[language]
        self.values: dict[str, list[Any]] = {
            "company": COMPANIES,
            "product": PRODUCTS,
            "person": PEOPLE,
            "place": PLACES[language],
            "topic": TOPICS[language],
            "amount": [12, 40, 85, 150, 300, 750, 1200],
            "number": list(range(2, 951)),
            "weekday": self.grammar["weekday"],
        }
        # Assembling a sentence from the grammar is slow next to picking one,
        # so teasers and bodies draw from a pool (100k articles use ~3 million
        # sentences); the word counts are kept so that lengths need no split().
        self.pool = [self.sentence() for _ in range(SENTENCE_POOL_SIZE)]
        self.pool_words = [len(s.split()) for s in self.pool]
        self.pool_index = range(len(self.pool))

    def fill(self, template: str) -> str:
        """The template with each {placeholder} replaced by a random value."""
        names = _placeholders(template)
        if not names:
            return template
        choice = self.rng.choice
        return template.format(**{name: choice(self.values[name]) for name in names})

    def pick(self, part: str) -> str:
        return self.fill(self.rng.choice(self.grammar[part]))

    def clause(self) -> str:
        return f"{self.pick('subject')} {self.pick('verb')} {self.pick('object')}"

    def sentence(self) -> str:
        if self.rng.random() < 0.25:
            return self.pick("aside")
        text = self.clause()
        if self.rng.random() < 0.7:
            text = f"{text} {self.pick('complement')}"
        return text[0].upper() + text[1:] + "."

    def title(self) -> str:
        """6–14 words, no final full stop (made fresh: titles should rarely repeat)."""
        while True:
            text = self.clause()
            if self.rng.random() < 0.5:
                text = f"{text} {self.pick('complement')}"
            if self.rng.random() < 0.08:
                text = f"{self.rng.choice(self.grammar['title_lead'])} {text}"
            if 6 <= len(text.split()) <= 14:
                return text[0].upper() + text[1:]

    def _sentences(self, count: int) -> tuple[list[str], int]:
        picked = self.rng.choices(self.pool_index, k=count)
        return [self.pool[i] for i in picked], sum(self.pool_words[i] for i in picked)

    def teaser(self) -> str:
        """20–40 words."""
        while True:
            sentences, words = self._sentences(self.rng.randint(2, 3))
            if 20 <= words <= 40:
                return " ".join(sentences)

    def body(self) -> str:
        """150–900 words of paragraphs, with headings, emphasis, lists, links, quotes."""
        target = int(min(900, max(150, self.rng.lognormvariate(6.1, 0.45))))
        blocks: list[str] = []
        words = 0
        while words < target:
            block, size = self._block(len(blocks))
            if words >= 150 and words + size > 900:
                break
            blocks.append(block)
            words += size
        return "\n\n".join(blocks)

    def _block(self, index: int) -> tuple[str, int]:
        rng = self.rng
        roll = rng.random()
        if index >= 2 and roll < 0.12:
            heading = self.pick("heading")
            text, words = self._paragraph()
            return f"## {heading}\n\n{text}", words + len(heading.split()) + 1
        if index >= 1 and roll < 0.18:
            items, words = self._sentences(rng.randint(3, 4))
            return "\n".join(f"- {item.rstrip('.')}" for item in items), words + len(items)
        if index >= 1 and roll < 0.22:
            person = rng.choice(PEOPLE)
            (quote,), words = self._sentences(1)
            return f"> {person}: „{quote}“", words + 3
        return self._paragraph()

    def _paragraph(self) -> tuple[str, int]:
        rng = self.rng
        sentences, words = self._sentences(rng.randint(2, 5))
        roll = rng.random()
        if roll < 0.15:
            name = rng.choice(COMPANIES + PRODUCTS)
            sentences[0] = f"**{name}** – {sentences[0]}"
            words += len(name.split()) + 1
        elif roll < 0.25:
            slug = rng.choice(PRODUCTS).lower().replace(" ", "-")
            label = "Mehr dazu" if self.language == "de" else "More on this"
            sentences[-1] = f"{sentences[-1]} [{label}](https://example.org/{slug})"
            words += len(label.split())
        elif roll < 0.32:
            sentences[-1] = f"*{sentences[-1]}*"
        return " ".join(sentences), words


@cache
def _placeholders(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in Formatter().parse(template) if name)


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _tags(rng: random.Random, language: str) -> list[str]:
    names = [rng.choice(COMPANIES)]
    if rng.random() < 0.5:
        names.append(rng.choice(PRODUCTS))
    if rng.random() < 0.3:
        names.append(rng.choice(PEOPLE))
    names.extend(rng.sample(TOPICS[language], rng.randint(0, 2)))
    return list(dict.fromkeys(names))


def _moment(rng: random.Random) -> datetime:
    # Newsrooms publish in working hours; seconds are zero as in a CMS.
    day = ARCHIVE_END - timedelta(days=rng.randrange(ARCHIVE_SPAN.days))
    return day.replace(hour=rng.randint(6, 21), minute=rng.randrange(60), second=0)


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def generate_records(n: int, seed: int = DEFAULT_SEED) -> Iterator[dict[str, Any]]:
    """``n`` records in the JSON Lines import format, the same for the same seed.

    Keys: id, lang, title, teaser, body, author, status, published_at (ISO 8601
    or absent for unpublished articles), tags, group (shared by a de/en
    translation pair, absent otherwise).
    """
    rng = random.Random(seed)
    writers = {lang: _Writer(lang, random.Random(rng.random())) for lang in LANGUAGE_WEIGHTS}
    made = 0
    while made < n:
        language = _weighted(rng, LANGUAGE_WEIGHTS)
        pair = made + 1 < n and rng.random() < TRANSLATION_SHARE
        group = f"syn-group-{made + 1:06d}" if pair else None
        moment = _moment(rng)
        languages = [language, "en" if language == "de" else "de"] if pair else [language]
        for offset, lang in enumerate(languages):
            made += 1
            # A translation follows its original by a few hours.
            yield _record(
                made, lang, writers[lang], rng, moment + timedelta(hours=3 * offset), group
            )


def _record(
    number: int,
    language: str,
    writer: _Writer,
    rng: random.Random,
    moment: datetime,
    group: str | None,
) -> dict[str, Any]:
    status = _weighted(rng, STATUS_WEIGHTS)
    record: dict[str, Any] = {
        "id": f"syn-{number:07d}",
        "lang": language,
        "title": writer.title(),
        "teaser": writer.teaser(),
        "body": writer.body(),
        "author": rng.choice(AUTHORS),
        "status": status,
        "tags": _tags(rng, language),
    }
    if status not in UNPUBLISHED_STATUSES:
        record["published_at"] = _iso(moment)
    if group is not None:
        record["group"] = group
    return record


def long_body(words: int, language: str = "de", seed: int = DEFAULT_SEED) -> str:
    """A Markdown body of about ``words`` words (a long feature, for editor benchmarks)."""
    writer = _Writer(language, random.Random(seed))
    blocks: list[str] = []
    count = 0
    while count < words:
        block, size = writer._block(len(blocks))
        blocks.append(block)
        count += size
    return "\n\n".join(blocks)


def write_jsonl(path: str | Path, n: int, seed: int = DEFAULT_SEED) -> Path:
    """Write ``n`` records as a JSON Lines file (UTF-8, one record a line)."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as fh:
        for record in generate_records(n, seed):
            fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    return path


# ---------------------------------------------------------------- straight into SQLite

BATCH = 5000


def build_database(path: str | Path, n: int, seed: int = DEFAULT_SEED) -> Path:
    """A fresh SQLite archive at ``path`` holding ``n`` synthetic articles.

    The schema comes from ``open_database`` (so it is exactly the product's);
    the rows go in as multi-row executemany batches, many thousand per
    transaction, which the article-by-article import path is not built for.
    Any existing file at ``path`` is replaced.
    """
    from sqlalchemy import insert

    from editor.core.entities.model import name_key
    from editor.core.importing import group_id_for
    from editor.core.slugs import slugify, unique_slug
    from editor.store.database import open_database, sqlite_url
    from editor.store.models import Article, ArticleEntity, Entity

    path = Path(path)
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    db = open_database(sqlite_url(path))
    ids = random.Random(seed ^ 0x5EED)
    slugs: dict[str, set[str]] = {lang: set() for lang in LANGUAGE_WEIGHTS}
    tag_ids: dict[str, int] = {}
    articles: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    try:
        with db.engine.connect() as conn:
            # Bulk load only: a crash here just means building the file again.
            # (Set on the driver connection: SQLAlchemy would wrap it in a
            # transaction, where SQLite refuses to change it.)
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA synchronous = OFF")
            raw.execute("PRAGMA journal_mode = OFF")  # no WAL copy of 500 MB of rows
            for number, record in enumerate(generate_records(n, seed), start=1):
                articles.append(_article_row(number, record, ids, slugs, slugify, unique_slug))
                articles[-1]["group_id"] = group_id_for(record.get("group"))
                for position, name in enumerate(record["tags"]):
                    if name not in tag_ids:
                        tag_ids[name] = len(tag_ids) + 1
                        conn.execute(
                            insert(Entity),
                            [{"id": tag_ids[name], "name": name, "key": name_key(name)}],
                        )
                    links.append(
                        {"article_id": number, "entity_id": tag_ids[name], "position": position}
                    )
                if len(articles) >= BATCH:
                    _flush(conn, insert(Article), articles, insert(ArticleEntity), links)
            _flush(conn, insert(Article), articles, insert(ArticleEntity), links)
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
            raw.execute("PRAGMA journal_mode = WAL")
            raw.execute("PRAGMA synchronous = FULL")
    finally:
        db.close()
    return path


def _article_row(
    number: int,
    record: dict[str, Any],
    ids: random.Random,
    slugs: dict[str, set[str]],
    slugify: Any,
    unique_slug: Any,
) -> dict[str, Any]:
    language = record["lang"]
    slug = unique_slug(slugify(record["title"]) or "article", slugs[language])
    slugs[language].add(slug)
    published = record.get("published_at")
    published_at = datetime.fromisoformat(published) if published else None
    # Unpublished work was last touched recently; the rest around publication.
    updated = published_at or ARCHIVE_END - timedelta(minutes=ids.randrange(60 * 24 * 30))
    return {
        "id": number,
        "uuid": str(uuid.UUID(int=ids.getrandbits(128), version=4)),
        "external_id": record["id"],
        "slug": slug,
        "slug_locked": False,
        "title": record["title"],
        "teaser": record["teaser"],
        "body": record["body"],
        "language": language,
        "status": record["status"],
        "author": record["author"],
        "created_at": updated - timedelta(hours=ids.randint(1, 48)),
        "updated_at": updated,
        "published_at": published_at,
        "deleted": False,
        "deleted_at": None,
        "version": 1,
    }


def _flush(conn: Any, articles_stmt: Any, articles: list, links_stmt: Any, links: list) -> None:
    if articles:
        conn.execute(articles_stmt, articles)
    if links:
        conn.execute(links_stmt, links)
    conn.commit()
    articles.clear()
    links.clear()


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--db", type=Path, help="write an SQLite archive (replaced if present)")
    target.add_argument("--jsonl", type=Path, help="write a JSON Lines import file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.db:
        build_database(args.db, args.n, args.seed)
        where = args.db
    else:
        write_jsonl(args.jsonl, args.n, args.seed)
        where = args.jsonl
    elapsed = time.perf_counter() - started
    size = Path(where).stat().st_size / 1e6
    print(f"{args.n} articles -> {where} ({size:.1f} MB) in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
