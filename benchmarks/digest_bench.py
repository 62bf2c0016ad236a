"""Cost of building digests and of an idle scheduler pass, against a plain-query baseline.

Works on a copy of a SQLite database that already holds articles (e.g. the corpus
ingested with ``newsroom-bot ingest ../shared/corpus/*.jsonl --no-analysis``), so the
source database is never changed. All articles count as new: a worst-case window.

* ``baseline``: the newest N articles with one plain SELECT (the floor for any digest).
* ``plain``: a filtered digest (``lang:de section:Wirtschaft``): window query, count, items.
* ``keywords``: a keyword digest, ranked by ``bot.lookup.search`` over the window.
* ``idle pass``: one scheduler pass over S subscriptions with nothing due.

    .venv/bin/python -m benchmarks.digest_bench --db /tmp/digest-corpus.db
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from bot.config import Settings
from bot.digest.content import Digest, build_digest
from bot.digest.scheduler import DigestScheduler, SchedulerConfig
from bot.digest.subscriptions import subscribe
from bot.services import Services
from storage.models import Article, Subscription, utcnow


class NoPost:
    """Publisher that must not be called: the idle pass has nothing due."""

    def publish(self, digest: Digest, *, skip_parts: int, on_part: Callable[[str], None]) -> None:
        raise AssertionError("nothing should be due in the idle pass")


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLite file with ingested articles")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--subscriptions", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "bench.db"
        shutil.copy(args.db, copy)
        run(Services.from_settings(Settings(database_url=f"sqlite:///{copy}")), args)


def run(services: Services, args: argparse.Namespace) -> None:
    created = utcnow() - timedelta(days=400)
    plain = subscribe(services, "CPLAIN", "daily 08:00 lang:de section:Wirtschaft top 5",
                      now=created)  # fmt: skip
    keyed = subscribe(services, "CKEY", "daily 08:00 source:bbc google top 5", now=created)
    now = utcnow() + timedelta(minutes=1)
    since = created  # everything in the archive is "new"

    def digest_of(sub_id: int) -> Callable[[], object]:
        def build() -> object:
            with services.session() as session:
                sub = session.get(Subscription, sub_id)
                assert sub is not None
                return build_digest(session, sub, now, window_start=since)

        return build

    def baseline() -> object:
        with services.session() as session:
            query = select(Article).order_by(Article.published_at.desc()).limit(5)
            return list(session.scalars(query))

    with services.session() as session:
        articles = len(session.scalars(select(Article.id)).all())
    base = timed(baseline, args.repeat)
    rows = [
        ("baseline (newest 5)", base),
        ("plain digest", timed(digest_of(plain.id), args.repeat)),
        ("keyword digest", timed(digest_of(keyed.id), args.repeat)),
    ]
    for i in range(args.subscriptions - 2):
        subscribe(services, f"C{i}", "hourly", now=utcnow())
    scheduler = DigestScheduler(services, NoPost(), config=SchedulerConfig(poll_feeds=False))
    idle_at = utcnow() + timedelta(seconds=1)
    scheduler.run_pending(idle_at)  # warm-up; the two old subscriptions are skipped here
    idle = timed(lambda: scheduler.run_pending(idle_at), args.repeat)
    print(f"articles: {articles}, subscriptions: {args.subscriptions}, repeat: {args.repeat}")
    for name, ms in rows:
        print(f"{name:<22} {ms:9.1f} ms   x{ms / base:7.1f} baseline")
    per_sub = idle / args.subscriptions
    print(f"{'idle pass':<22} {idle:9.1f} ms   ({per_sub:.2f} ms per subscription)")


if __name__ == "__main__":
    main()
