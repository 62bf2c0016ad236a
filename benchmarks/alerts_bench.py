"""Alert latency (arrival to post) and the cost of update detection on re-imports.

    .venv/bin/python -m benchmarks.alerts_bench [--alerts 50] [--arrivals 40] [--tick 2]

Both on a fresh SQLite file holding the BBC corpus (its 2,124 distinct rows less the 100
that arrive during the run, ingested without analysis so the setup stays short).

* **Latency.** The real scheduler loop (digests, alerts, update notes) runs in its thread
  with a tick of ``--tick`` seconds and posts to the fake Slack Web API over HTTP;
  ``--alerts`` alerts exist (two-word queries from BBC headlines). Articles that match one
  of them arrive one by one at random moments (real ingestion, ``Ingestor``); latency is
  the time from the end of the import to the alert message reaching the fake Slack.
  Reported in seconds and in ticks. A pass's own duration is measured too (idle, and
  right after an arrival, when every alert searches): in production (tick 30 s) the worst
  case is one tick plus one pass.
* **Update detection.** Re-importing 500 stored articles through
  ``ArticleRepository.upsert_many``: plain (the old behaviour, overwrite) against
  ``changes=detect_changes`` (the version check), for unchanged rows, whitespace-only
  changes and a changed sentence; interleaved runs, median per article, and the ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bot.config import Settings
from bot.digest.alert_job import AlertJob
from bot.digest.alerts import add_alert
from bot.digest.scheduler import DigestScheduler, PassJob, SchedulerConfig
from bot.digest.updates import UpdateNoteJob
from bot.ingest.readers import RawArticle
from bot.ingest.service import Ingestor, to_fields
from bot.ingest.versions import detect_changes
from bot.services import Services
from bot.slack.alert_post import SlackAlertPublisher
from bot.slack.digest_post import SlackDigestPublisher
from bot.slack.posting import SlackPoster
from storage.articles import ArticleFields, ArticleRepository
from storage.models import utcnow
from tests.fakeslack import FakeSlack

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
HELD_BACK = 100  # corpus rows kept out of the database: the arrivals


def bbc_rows() -> list[dict[str, str]]:
    """The BBC rows without exact duplicates, the last ``HELD_BACK`` a seeded random pick
    (they arrive during the latency run; the corpus's own tail is mostly duplicates)."""
    with (CORPUS / "bbc_news_en.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    unique = list({(r["title"], r["body"]): r for r in rows}.values())
    random.Random(14).shuffle(unique)
    return unique


def raw(row: dict[str, str], suffix: str = "", extra: str = "") -> RawArticle:
    return RawArticle(title=row["title"], body=row["body"] + extra, external_id=row["id"] + suffix,
                      section=row.get("section"), lang="en", source="BBC")  # fmt: skip


def fresh_db(tmp: Path, rows: list[dict[str, str]]) -> Services:
    services = Services.from_settings(Settings(database_url=f"sqlite:///{tmp / 'bench.db'}"))
    Ingestor(services, analyze=False).ingest(raw(r) for r in rows[:-HELD_BACK])
    return services


def latency(services: Services, rows: list[dict[str, str]], args: argparse.Namespace) -> None:
    rng = random.Random(14)
    fake = FakeSlack().start()
    settings = replace(services.settings, slack_api_url=fake.url, slack_bot_token="xoxb-bench")
    services = replace(services, settings=settings)
    poster = SlackPoster.from_services(services)
    config = SchedulerConfig(tick_seconds=args.tick, poll_feeds=False)
    publisher = SlackAlertPublisher(poster)
    jobs: list[PassJob] = [
        AlertJob(services, publisher, config, 1000),
        UpdateNoteJob(services, publisher, config),
    ]
    scheduler = DigestScheduler(services, SlackDigestPublisher(poster), config=config, jobs=jobs)
    picked = rows[-HELD_BACK:][: args.alerts]  # not stored yet: they arrive during the run
    for i, row in enumerate(picked):
        words = [w for w in row["title"].split() if len(w) > 3][:2] or row["title"].split()[:2]
        add_alert(services, f"C{i:03d}", " ".join(words), now=utcnow())
    scheduler.run_pending()  # builds the search index
    idle = []
    for _ in range(3):
        started = time.perf_counter()
        scheduler.run_pending()
        idle.append(time.perf_counter() - started)
    warm = rows[-HELD_BACK - 1]  # stored already: a new id, the same text plus a line
    Ingestor(services, analyze=False).ingest([raw(warm, "-warm", "Updated.")])
    started = time.perf_counter()
    scheduler.run_pending()  # one arrival: every alert searches
    busy = time.perf_counter() - started
    scheduler.start()
    seconds: list[float] = []
    missed = 0
    try:
        for index in range(min(args.arrivals, len(picked))):
            time.sleep(rng.uniform(0, args.tick * 1.5))
            before = len(fake.posted(f"C{index:03d}"))
            Ingestor(services, analyze=False).ingest([raw(picked[index])])
            arrived = time.monotonic()
            deadline = arrived + 10 * args.tick + 30
            while len(fake.posted(f"C{index:03d}")) <= before and time.monotonic() < deadline:
                time.sleep(0.02)
            if len(fake.posted(f"C{index:03d}")) <= before:
                missed += 1
                continue
            seconds.append(time.monotonic() - arrived)
    finally:
        scheduler.stop()
        fake.stop()
    print(f"arrivals without an alert post: {missed}")
    seconds.sort()
    p95 = seconds[int(0.95 * (len(seconds) - 1))]
    print(f"alert latency over {len(seconds)} arrivals, tick {args.tick} s, {args.alerts} alerts: "
          f"median {statistics.median(seconds):.2f} s ({statistics.median(seconds) / args.tick:.2f}"
          f" ticks), p95 {p95:.2f} s ({p95 / args.tick:.2f} ticks), max {seconds[-1]:.2f} s"
          f" ({seconds[-1] / args.tick:.2f} ticks)")  # fmt: skip
    print(f"pass with {args.alerts} alerts: nothing new {statistics.median(idle) * 1000:.0f} ms"
          f", after an arrival {busy * 1000:.0f} ms ({busy * 1000 / args.alerts:.0f} ms "
          "per alert)")  # fmt: skip


def detection_cost(tmp: Path, rows: list[dict[str, str]], repeat: int) -> None:
    sample = rows[:500]
    base = [to_fields(raw(r), with_analysis=False) for r in sample]
    variants: dict[str, Callable[[ArticleFields], ArticleFields]] = {
        "unchanged": lambda f: f,
        "whitespace only": lambda f: replace(f, body=f.body.replace("\n\n", "\n \n")),
        "one sentence changed": lambda f: replace(f, body=f.body.replace(".", ". Indeed,", 1)),
    }
    source = tmp / "bench.db"
    print("\n| re-import of 500 articles | plain upsert ms/article | with version check "
          "ms/article | ratio |")  # fmt: skip
    print("|---|---:|---:|---:|")
    for name, change in variants.items():
        batch = [change(replace(f)) for f in base]
        timings: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(repeat):
            for checked in (False, True):
                copy = tmp / f"copy-{checked}.db"
                shutil.copy(source, copy)
                services = Services.from_settings(Settings(database_url=f"sqlite:///{copy}"))
                with services.session() as session:
                    repo = ArticleRepository(session)
                    started = time.perf_counter()
                    for start in range(0, len(batch), 200):
                        chunk = [replace(f) for f in batch[start : start + 200]]
                        repo.upsert_many(chunk, changes=detect_changes if checked else None)
                    session.flush()
                    timings[checked].append((time.perf_counter() - started) * 1000 / len(batch))
                services.close()
        plain, checked_ms = statistics.median(timings[False]), statistics.median(timings[True])
        print(f"| {name} | {plain:.3f} | {checked_ms:.3f} | {checked_ms / plain:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alerts", type=int, default=20)
    parser.add_argument("--arrivals", type=int, default=20)
    parser.add_argument("--tick", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--part", choices=("both", "latency", "detection"), default="both")
    args = parser.parse_args()
    rows = bbc_rows()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        services = fresh_db(tmp, rows)
        services.close()
        if args.part in ("both", "detection"):
            detection_cost(tmp, rows, args.repeat)
        if args.part in ("both", "latency"):
            url = f"sqlite:///{tmp / 'bench.db'}"
            services = Services.from_settings(Settings(database_url=url))
            latency(services, rows, args)
            services.close()


if __name__ == "__main__":
    main()
