"""Slack ack latency under bursts of `/news` commands, against a naive Bolt baseline.

Fires N concurrent, correctly signed slash commands at the HTTP server and measures, per
command, the time until Slack would get its HTTP 200 (the ack, limit 3 s) and the time until
the answer reaches the response_url (recorded by FakeSlack). Two servers are compared side
by side, each in its own process on the same data:

- ``ours``: the app from ``bot.slack.app.create_app`` — ack in the request thread, look-up
  on separate answer worker processes (``newsroom-bot serve`` as shipped).
- ``threads``: the same app with answer workers as threads (``serve --threads-only``).
- ``baseline``: the textbook Bolt listener — ``process_before_response=False`` and
  ``ack(); search; respond()`` in one listener on Bolt's default executor.

Usage:
    .venv/bin/python benchmarks/slack_latency.py [--articles 3000] [--levels 1,10,50]
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_sdk.signature import SignatureVerifier  # noqa: E402

from tests.fakeslack import FakeSlack  # noqa: E402
from tests.slackrig import BOT_TOKEN, SIGNING_SECRET  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
QUERIES = [
    "netflix ki",
    "bundestag haushalt",
    "time warner profit",
    "klimawandel",
    "google",
    "euro dollar",
    "wahlen sachsen",
    "fußball bundesliga",
    "apple iphone",
    "inflation",
]


# -- server side (runs in a child process) -------------------------------------------------
def serve(variant: str, port: int, db_url: str, api_url: str) -> None:
    from bot.config import Settings
    from bot.services import Services
    from bot.slack.web import HttpServer, make_wsgi_app

    settings = Settings(
        database_url=db_url,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=api_url,
    )
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # busy threads are the point
    logging.getLogger("slack_bolt").setLevel(logging.CRITICAL)  # missed acks are counted
    services = Services.from_settings(settings)
    background = None
    if variant == "baseline":
        app = build_baseline(services)
    else:
        from handlers.app import create_app
        from handlers.deps import make_background

        background = make_background(services, processes=variant == "ours")
        app = create_app(services, background=background)
    server = HttpServer(make_wsgi_app(app, services), port=port)

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    print("ready", flush=True)
    try:
        server.serve_forever()
    finally:
        if background is not None:
            background.shutdown(wait=False)


def build_baseline(services: Any) -> Any:
    """What most Bolt tutorials show: ack, then work in the same listener."""
    from slack_bolt import App

    from bot.slack.client import make_web_client
    from handlers.answers import search_message

    client = make_web_client(services.settings, BOT_TOKEN)
    app = App(signing_secret=SIGNING_SECRET, client=client)

    @app.command("/news")
    def news(ack: Any, command: dict[str, Any], respond: Any) -> None:
        ack()
        message = search_message(services, command["text"])
        respond(text=message.text, blocks=message.blocks)

    return app


# -- load side ------------------------------------------------------------------------------
def prepare_db(path: Path, articles: int) -> str:
    from bot.config import Settings
    from bot.ingest.readers import read_all
    from bot.ingest.service import Ingestor
    from bot.services import Services

    url = f"sqlite:///{path}"
    files = [
        str(CORPUS / n) for n in ("bbc_news_en.jsonl", "gnad_de.jsonl", "german_news_meta_de.jsonl")
    ]
    services = Services.from_settings(Settings(database_url=url))
    Ingestor(services, analyze=False).ingest(itertools.islice(read_all(files), articles))
    services.close()
    return url


def start_server(variant: str, db_url: str, fake: FakeSlack) -> tuple[subprocess.Popen[str], str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            variant,
            "--port",
            str(port),
            "--db",
            db_url,
            "--api-url",
            fake.url,
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc, f"http://127.0.0.1:{port}/slack/events"


def fire(url: str, fake: FakeSlack, n: int, burst: str) -> dict[str, float]:
    signer = SignatureVerifier(SIGNING_SECRET)
    barrier = threading.Barrier(n)

    def one(i: int) -> tuple[float, float, bool]:
        name = f"{burst}-{i}"
        body = urlencode(
            {
                "command": "/news",
                "text": QUERIES[i % len(QUERIES)],
                "team_id": "T1",
                "user_id": f"U{i}",
                "channel_id": "C1",
                "response_url": fake.response_url(name),
            }
        )
        ts = str(int(time.time()))
        req = urllib.request.Request(
            url,
            data=body.encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": ts,
                "X-Slack-Signature": signer.generate_signature(timestamp=ts, body=body) or "",
            },
        )
        barrier.wait()
        sent = time.monotonic()
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                ok = resp.status == 200
        except urllib.error.HTTPError:  # Bolt answers 404 when ack() missed its 3 s
            ok = False
        acked = time.monotonic()
        answered = fake.wait_for(f"response_url/{name}", timeout=300)[0].at
        ok = ok and acked - sent < 3.0
        return (acked - sent) * 1000, (answered - sent) * 1000, ok

    with ThreadPoolExecutor(max_workers=n) as pool:
        results = list(pool.map(one, range(n)))
    failed = sum(1 for r in results if not r[2])
    acks = sorted(r[0] for r in results)
    answers = sorted(r[1] for r in results)
    return {
        "ack_p50_ms": percentile(acks, 50),
        "ack_p99_ms": percentile(acks, 99),
        "ack_max_ms": acks[-1],
        "answer_p50_ms": percentile(answers, 50),
        "answer_p99_ms": percentile(answers, 99),
        "first_answer_ms": answers[0],
        "acks_missed_3s": failed,
    }


def percentile(sorted_values: list[float], p: float) -> float:
    if len(sorted_values) == 1:
        return sorted_values[0]
    return statistics.quantiles(sorted_values, n=100, method="inclusive")[int(p) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=3000, help="corpus articles to load")
    parser.add_argument("--levels", default="1,10,50", help="concurrency levels")
    parser.add_argument("--variants", default="baseline,threads,ours")
    parser.add_argument("--db", help="reuse this database URL instead of loading the corpus")
    parser.add_argument("--json", action="store_true", help="print raw numbers as JSON")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--api-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port, args.db, args.api_url)
        return 0

    levels = [int(x) for x in args.levels.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.monotonic()
        db_url = args.db or prepare_db(Path(tmp) / "bench.db", args.articles)
        print(
            f"data: {args.articles} articles ready in {time.monotonic() - t0:.1f}s; "
            f"cpus: {os.cpu_count()}",
            file=sys.stderr,
        )
        table: dict[str, dict[int, dict[str, float]]] = {}
        for variant in args.variants.split(","):
            fake = FakeSlack().start()
            proc, url = start_server(variant, db_url, fake)
            try:
                fire(url, fake, 1, f"{variant}-warmup")
                table[variant] = {n: fire(url, fake, n, f"{variant}-{n}") for n in levels}
            finally:
                proc.terminate()
                proc.wait(timeout=30)
                fake.stop()
    if args.json:
        print(json.dumps(table, indent=2))
    print_table(table, levels)
    return 0


def print_table(table: dict[str, dict[int, dict[str, float]]], levels: list[int]) -> None:
    print(
        "| N | server | ack p50 ms | ack p99 ms | acks over 3 s | answer p50 ms | answer p99 ms "
        "| first answer ms |"
    )
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in levels:
        for variant, rows in table.items():
            r = rows[n]
            print(
                f"| {n} | {variant} | {r['ack_p50_ms']:.1f} | {r['ack_p99_ms']:.1f} | "
                f"{r['acks_missed_3s']:.0f}/{n} | "
                f"{r['answer_p50_ms']:.0f} | {r['answer_p99_ms']:.0f} | "
                f"{r['first_answer_ms']:.0f} |"
            )
    if "baseline" in table:
        for variant in (v for v in table if v != "baseline"):
            for n in levels:
                ratio = table[variant][n]["ack_p99_ms"] / table["baseline"][n]["ack_p99_ms"]
                print(f"ack p99 {variant}/baseline at N={n}: {ratio:.2f}")


if __name__ == "__main__":
    sys.exit(main())
