"""Publishing speed: a full build of 10,000 articles and an incremental publish of one.

Targets: full build <= 60 s, incremental publish of one article <= 300 ms.
Wall and CPU time are both printed: on a shared machine the wall time also
measures the neighbours.
Run: ``cd /work/main && PYTHONPATH=. /work/venv/bin/python tests/benchmarks/bench_publish.py``
(``--articles N`` for another size).  The articles are synthetic: German and
English versions in translation groups, 300 tags, a few accepted related
links, the rest filled by a stand-in suggestion function.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `editor` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.core.publishing import PublishedArticle, SiteSettings, publish_site

WORDS = (
    "model training inference chip cluster open source weights benchmark agent "
    "startup funding regulation privacy dataset compiler kernel latency memory "
    "robotics vision speech translation research paper release license cloud"
).split()


def _paragraphs(rng: random.Random, count: int) -> str:
    paragraphs = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(40, 90))]
        paragraphs.append(" ".join(words).capitalize() + ".")
    paragraphs.insert(1, f"## {rng.choice(WORDS).title()}\n\n- *{rng.choice(WORDS)}*\n- **x**")
    paragraphs.append(f"[{rng.choice(WORDS)}](https://example.org/{rng.randint(1, 999)})")
    return "\n\n".join(paragraphs)


def make_articles(count: int, seed: int = 7) -> list[PublishedArticle]:
    rng = random.Random(seed)
    tags = [f"Tag {n}" for n in range(300)]
    start = datetime(2023, 1, 1, tzinfo=UTC)
    articles = []
    for n in range(count):
        lang = "de" if n % 2 == 0 else "en"
        group = n // 2  # consecutive de/en pairs are translations
        title = " ".join(rng.choice(WORDS) for _ in range(6)).title()
        articles.append(
            PublishedArticle(
                id=n + 1,
                lang=lang,
                slug=f"article-{n + 1}-{rng.choice(WORDS)}",
                title=title,
                teaser=" ".join(rng.choice(WORDS) for _ in range(25)).capitalize() + ".",
                body_markdown=_paragraphs(rng, rng.randint(4, 10)),
                author=rng.choice(["Anna Berg", "Ben Cho", "Cem Demir", "Dana Eck"]),
                published_at=start + timedelta(hours=3 * n),
                tags=tuple(rng.sample(tags, 3)),
                group=group,
                related=tuple(rng.sample(range(1, count + 1), 2)) if n % 3 == 0 else (),
            )
        )
    return articles


def cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def suggest_nearby(article_id: int, top: int) -> list[int]:
    """Stand-in for the suggestion engine: cheap and deterministic."""
    return [article_id - 2 * k for k in range(1, top + 1) if article_id - 2 * k > 0]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--incremental-runs", type=int, default=10)
    args = parser.parse_args()
    settings = SiteSettings(site_name="Bench News", base_url="https://news.example.org/")
    articles = make_articles(args.articles)
    with tempfile.TemporaryDirectory() as temp:
        output = Path(temp) / "site"
        started, cpu_started = time.perf_counter(), cpu_seconds()
        manifest = publish_site(articles, settings, output, suggest=suggest_nearby)
        full = time.perf_counter() - started
        full_cpu = cpu_seconds() - cpu_started
        print(
            f"full build: {len(articles)} articles, {len(manifest.written)} files, "
            f"{full:.1f} s wall, {full_cpu:.1f} s CPU (worker processes included)"
        )

        timings, cpu_timings, written = [], [], []
        for run in range(args.incremental_runs):
            index = len(articles) - 1 - run * 7  # recent articles, as in daily work
            articles[index] = dataclasses.replace(
                articles[index],
                title=articles[index].title + f" (update {run})",
                body_markdown=articles[index].body_markdown + f"\n\nUpdate {run}.",
                revision=articles[index].revision + 1,
            )
            started, cpu_started = time.perf_counter(), time.process_time()
            manifest = publish_site(articles, settings, output, suggest=suggest_nearby)
            timings.append(time.perf_counter() - started)
            cpu_timings.append(time.process_time() - cpu_started)
            written.append(len(manifest.written))
            assert not manifest.full_build
        median_ms = statistics.median(timings) * 1000
        print(
            f"incremental publish of one article: median {median_ms:.0f} ms, "
            f"max {max(timings) * 1000:.0f} ms over {len(timings)} runs "
            f"(CPU median {statistics.median(cpu_timings) * 1000:.0f} ms), "
            f"{statistics.median(written):.0f} files rewritten"
        )
        ok = full <= 60 and statistics.median(timings) <= 0.3
        print("targets (full <= 60 s, incremental <= 300 ms):", "met" if ok else "MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
