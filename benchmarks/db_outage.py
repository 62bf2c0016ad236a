"""What the running bot logs while its PostgreSQL database is away for 10 seconds.

The real Bolt app (tests/slackrig.py, signed HTTP, FakeSlack) and the digest scheduler
(a 0.5 s tick) run on a database of their own (tests/outage.py). Load: `/news` five
times a second, a mention and a `/healthz` probe once a second. After 3 s the database
refuses connections for 10 s, then comes back for 5 s. Counted: log records at WARNING and
above during the outage, how many carry a traceback, and how many people who asked during
it were told (a reply carrying an error id). Run (needs TEST_POSTGRES_URL, which
``. scripts/ensure_postgres.sh`` sets): `.venv/bin/python -m benchmarks.db_outage`.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time

from bot.config import Settings
from bot.digest.scheduler import DigestScheduler, SchedulerConfig
from bot.services import Services
from bot.slack.client import make_web_client
from bot.slack.digest_post import SlackDigestPublisher
from tests.fakeslack import FakeSlack
from tests.outage import OutageDatabase, database_outage
from tests.slackfixtures import netflix_article, other_article, store
from tests.slackrig import SlackRig, mention

OUTAGE_SECONDS = float(os.environ.get("OUTAGE_SECONDS", "10"))


class Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[float, logging.LogRecord]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((time.monotonic(), record))


def load(rig: SlackRig, stop: threading.Event) -> None:
    n = 0
    while not stop.wait(0.2):
        n += 1
        rig.command("netflix ki", response_url=rig.fake.response_url(f"load{n}"))
        if n % 5 == 0:
            rig.event(mention("<@UBOT> netflix", ts=f"1764100000.{n:06d}"))
            rig.get("/healthz")


def main() -> int:
    admin = os.environ.get("TEST_POSTGRES_URL")
    if not admin:
        print("set TEST_POSTGRES_URL (. scripts/ensure_postgres.sh)", file=sys.stderr)
        return 2
    db = OutageDatabase(admin)
    fake = FakeSlack().start()
    counter = Counter()
    logging.getLogger().addHandler(counter)
    logging.getLogger().setLevel(logging.WARNING)
    services = Services.from_settings(Settings(database_url=db.url))
    store(services, netflix_article(), other_article())
    rig = SlackRig(services, fake)
    publisher = SlackDigestPublisher(make_web_client(rig.services.settings))
    scheduler = DigestScheduler(rig.services, publisher, config=SchedulerConfig(tick_seconds=0.5))
    scheduler.start()
    stop = threading.Event()
    thread = threading.Thread(target=load, args=(rig, stop), daemon=True)
    thread.start()
    try:
        time.sleep(3)
        before = len(fake.calls)
        start = time.monotonic()
        with database_outage(services.engine):
            time.sleep(OUTAGE_SECONDS)
        end = time.monotonic()
        during = [c for c in fake.calls[before:] if c.at <= end]
        time.sleep(5)
    finally:
        stop.set()
        thread.join()
        scheduler.stop()
        rig.stop()
        services.close()
        fake.stop()
        db.drop()
    logged = [r for t, r in counter.records if start <= t <= end + 1]
    tracebacks = sum(1 for r in logged if r.exc_info)
    replies = [c for c in during if c.method.startswith("response_url/")]
    told = sum(1 for c in replies if "error id" in json.dumps(c.args))
    print(
        f"outage {OUTAGE_SECONDS:.0f} s: {len(logged)} log records (WARNING+), {tracebacks} "
        f"with a traceback; {len(replies)} /news replies, {told} with an error id"
    )
    for record in logged[:8]:
        print(f"  {record.levelname} {record.name}: {record.getMessage()[:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
