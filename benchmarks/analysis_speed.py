"""How long article intelligence takes, next to the first cut's naive pysbd splitting.

    .venv/bin/python benchmarks/analysis_speed.py [--limit 600] [--ingest 1500]

1. analyze() per article (language + summary + figures) on a BBC/10kGNAD mix, and the
   naive baseline: one new pysbd Segmenter per article over the whole body, as the first
   cut of bot/intelligence/analysis.py did (it made ingestion crawl at ~21 articles/s).
2. Ingest rate into a scratch SQLite file with and without analysis, on the same mix of
   all corpus files (german-news rows have no body, as in real use).
Numbers are wall-clock on a shared machine: compare the ratios, not the absolutes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pysbd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.ingest.readers import Item, from_mapping  # noqa: E402
from bot.ingest.service import Ingestor  # noqa: E402
from bot.intelligence.analysis import analyze  # noqa: E402
from bot.services import Services  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def rows(name: str, limit: int) -> list[dict]:
    with (CORPUS / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in itertools.islice(fh, limit)]


def naive_first_cut(title: str, teaser: str, body: str, lang: str | None) -> list[str]:
    return pysbd.Segmenter(language=lang or "en", clean=False).segment((body or teaser)[:5000])


def per_article_ms(articles: list[dict[str, Any]], fn: Callable[..., object]) -> list[float]:
    times = []
    for r in articles:
        start = time.perf_counter()
        fn(r["title"], r.get("teaser", ""), r["body"], r["lang"])
        times.append((time.perf_counter() - start) * 1000)
    return times


def ingest_rate(items: list[Item], analysis: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.from_settings(Settings(database_url=f"sqlite:///{tmp}/bench.db"))
        start = time.perf_counter()
        Ingestor(services, analyze=analysis).ingest(items)
        elapsed = time.perf_counter() - start
        services.close()
    return len(items) / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=600, help="articles per language for 1.")
    parser.add_argument("--ingest", type=int, default=1500, help="articles per ingest run")
    args = parser.parse_args()
    mix = rows("bbc_news_en.jsonl", args.limit) + rows("gnad_de.jsonl", args.limit)
    analyze("Warm-up", "", "Das ist ein Test. Es geht um 5 Prozent.", "de")  # caches, regexes
    ours = per_article_ms(mix, analyze)
    naive = per_article_ms(mix, naive_first_cut)
    avg = statistics.mean(len(r["body"]) for r in mix)
    print(f"articles: {len(mix)} (BBC + 10kGNAD), avg body {avg:.0f} chars")
    print("| step | mean ms/article | median | p95 |")
    print("|---|---|---|---|")
    for name, t in (
        ("analyze(): language + summary + figures", ours),
        ("first cut: new pysbd Segmenter per article", naive),
    ):
        p95 = statistics.quantiles(t, n=20)[-1]
        print(f"| {name} | {statistics.mean(t):.1f} | {statistics.median(t):.1f} | {p95:.1f} |")
    print(f"ratio first cut / ours: {statistics.mean(naive) / statistics.mean(ours):.1f}x")
    if args.ingest <= 0:
        return 0  # `--ingest 0`: analysis timing only

    share = args.ingest // 3
    raw = rows("bbc_news_en.jsonl", share) + rows("gnad_de.jsonl", share)
    raw += rows("german_news_meta_de.jsonl", args.ingest - 2 * share)
    items = [from_mapping(r, f"bench:{i}") for i, r in enumerate(raw)]
    without = ingest_rate(items, analysis=False)
    with_analysis = ingest_rate(items, analysis=True)
    print(f"\ningest of {len(items)} articles into SQLite:")
    print("| run | articles/s |")
    print("|---|---|")
    print(f"| --no-analysis | {without:.0f} |")
    print(f"| with analysis | {with_analysis:.0f} |")
    print(f"analysis costs {without / with_analysis:.2f}x the ingest time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
