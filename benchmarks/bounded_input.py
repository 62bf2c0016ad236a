"""Safety and bounded input: import memory, fetch overhead, a database outage mid-ingest.

Three measurements, each printed as one JSON line and recorded in docs/benchmarks.md
(section "Safety and bounded input"):

* ``memory``: peak RSS of ``newsroom-bot ingest --no-analysis`` on a synthesized JSONL
  file (default 300 MB, rows cycled from ../shared/corpus with unique ids and titles), in
  a fresh child process per run. ``--src DIR`` runs the child on another source tree
  (e.g. ``git archive`` of the commit before the change), so before/after run side by side.
* ``fetch``: median milliseconds per fetch of a local 60 KB HTML page through
  ``bot.ingest.fetch.fetch`` against plain ``httpx.get`` (a new client per call, as our
  fetch does) and a reused ``httpx.Client`` (keep-alive, no checks: the floor),
  interleaved, same server.
* ``outage``: ``ingest --no-analysis`` of the whole corpus (10,547 storable articles) into
  a fresh PostgreSQL database that goes away for 3 s mid-import (``ALLOW_CONNECTIONS
  false`` plus ``pg_terminate_backend`` on that database only; the shared server stays
  up); reports the exit code, the tally and how many rows ended up stored.

    .venv/bin/python -m benchmarks.bounded_input memory [--mb 300] [--src /tmp/nrb-base]
    .venv/bin/python -m benchmarks.bounded_input fetch [--n 300]
    .venv/bin/python -m benchmarks.bounded_input outage
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = ["bbc_news_en.jsonl", "gnad_de.jsonl"]
PG_ADMIN = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PAGE_KB = 60
ALL_FILES = ["bbc_news_en.jsonl", "bbc_reference_summaries_dev.jsonl", "gnad_de.jsonl",
             "german_news_meta_de.jsonl"]  # fmt: skip
OUTAGE_AFTER, OUTAGE_SECONDS = 1.0, 3.0


def synthesize(path: Path, megabytes: int) -> int:
    """Corpus rows with unique ids and titles until the file has ``megabytes``; row count."""
    rows = [json.loads(line) for name in SOURCES for line in (CORPUS / name).open()]
    target, written = megabytes * 1024 * 1024, 0
    with path.open("w", encoding="utf-8") as out:
        for n, row in enumerate(itertools.cycle(rows)):
            if written >= target:
                return n
            line = json.dumps(
                {**row, "id": f"syn-{n}", "title": f"{row.get('title') or 'Meldung'} #{n}"},
                ensure_ascii=False,
            )
            out.write(line + "\n")
            written += len(line.encode()) + 1
    return 0


def run_child(argv: list[str], src: Path) -> tuple[int, float, float, str]:
    """Exit code, seconds, peak RSS MiB and stdout of one ``newsroom-bot`` child process."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "handlers.cli", *argv],
        cwd=src, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.perf_counter() - start, usage.ru_maxrss / 1024, out.strip()


def cmd_memory(args: argparse.Namespace) -> None:
    data = Path(tempfile.gettempdir()) / f"nrb-bench-{args.mb}mb.jsonl"
    if not data.exists():
        rows = synthesize(data, args.mb)
        print(f"synthesized {data} ({rows} rows)", file=sys.stderr)
    for src in [Path(s) for s in args.src] or [ROOT]:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/bench.db"
            argv = ["--database-url", url, "ingest", "-q", "--no-analysis", str(data)]
            code, seconds, rss, out = run_child(argv, src)
        print(json.dumps({"src": str(src), "file_mb": round(data.stat().st_size / 2**20),
                          "exit": code, "seconds": round(seconds, 1),
                          "peak_rss_mib": round(rss), "tally": out.splitlines()[-1:]}))  # fmt: skip


class _Page(BaseHTTPRequestHandler):
    body = ("<!doctype html><html><head><title>Bench</title></head><body><article>"
            + "<p>Streaming services grew their audience by 25 % in 2025.</p>" * (PAGE_KB * 17)
            + "</article></body></html>").encode()  # fmt: skip

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


def cmd_fetch(args: argparse.Namespace) -> None:
    import httpx

    from bot.ingest.fetch import FetchPolicy, fetch

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/page"
    policy = FetchPolicy(allow_private=True)  # the bench server is on loopback
    ours: list[float] = []
    plain: list[float] = []
    reused: list[float] = []
    with httpx.Client(timeout=10) as client:
        for _ in range(args.n):
            start = time.perf_counter()
            assert len(httpx.get(url, timeout=10).content) == len(_Page.body)
            plain.append(time.perf_counter() - start)
            start = time.perf_counter()
            assert len(client.get(url).content) == len(_Page.body)
            reused.append(time.perf_counter() - start)
            start = time.perf_counter()
            fetched = fetch(url, policy=policy)
            assert fetched.body is not None and len(fetched.body) == len(_Page.body)
            ours.append(time.perf_counter() - start)
    server.shutdown()
    med = {name: statistics.median(times) * 1000
           for name, times in (("ours", ours), ("plain", plain), ("reused", reused))}  # fmt: skip
    print(json.dumps({"fetches": args.n, "page_kb": len(_Page.body) // 1024,
                      "httpx_get_ms": round(med["plain"], 2),
                      "httpx_reused_client_ms": round(med["reused"], 2),
                      "guarded_fetch_ms": round(med["ours"], 2),
                      "vs_httpx_get": round(med["ours"] / med["plain"], 2),
                      "vs_reused_client": round(med["ours"] / med["reused"], 2)}))  # fmt: skip


def _outage(admin_url: str, database: str, stop: threading.Event, log: list[str]) -> None:
    """OUTAGE_AFTER s into the import: refuse new connections to ``database`` and end its backends;
    OUTAGE_SECONDS later let connections in again. Only this benchmark's database."""
    from sqlalchemy import create_engine, text

    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    active = text("SELECT count(*) FROM pg_stat_activity WHERE datname = :db")
    with engine.connect() as conn:  # wait for the import to be writing
        while not stop.is_set() and not conn.execute(active, {"db": database}).scalar_one():
            time.sleep(0.05)
    if stop.wait(OUTAGE_AFTER):
        return
    with engine.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false'))
        killed = conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                   "WHERE datname = :db"), {"db": database}).fetchall()  # fmt: skip
        log.append(f"down, {len(killed)} backends ended")
        time.sleep(OUTAGE_SECONDS)
        conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true'))
        log.append(f"up after {OUTAGE_SECONDS:g} s")
    engine.dispose()


def _pg_database() -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"nrb_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def cmd_outage(args: argparse.Namespace) -> None:
    from sqlalchemy import create_engine, func, select

    from storage.models import Article

    files = [str(CORPUS / name) for name in ALL_FILES]
    for src in [Path(s) for s in args.src] or [ROOT]:
        for url in _pg_database():
            database = url.rsplit("/", 1)[1]
            subprocess.run([sys.executable, "-m", "handlers.cli", "--database-url", url, "db",
                            "upgrade"], cwd=src, env={**os.environ, "PYTHONPATH": str(src)},
                           check=True, capture_output=True)  # fmt: skip
            stop, events = threading.Event(), list[str]()
            killer = threading.Thread(target=_outage, args=(PG_ADMIN, database, stop, events))
            killer.start()
            code, seconds, _, out = run_child(
                ["--database-url", url, "ingest", "-q", "--no-analysis", *files], src
            )
            stop.set()
            killer.join()
            engine = create_engine(url)
            with engine.connect() as conn:
                stored = conn.execute(select(func.count()).select_from(Article)).scalar_one()
            engine.dispose()
            print(json.dumps({"src": str(src), "exit": code, "seconds": round(seconds, 1),
                              "outage": events, "stored": stored,
                              "tally": out.splitlines()[-1:]}))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    memory = sub.add_parser("memory")
    memory.add_argument("--mb", type=int, default=300)
    memory.add_argument("--src", action="append", default=[], help="source tree(s) to run")
    memory.set_defaults(func=cmd_memory)
    fetch = sub.add_parser("fetch")
    fetch.add_argument("--n", type=int, default=300)
    fetch.set_defaults(func=cmd_fetch)
    outage = sub.add_parser("outage")
    outage.add_argument("--src", action="append", default=[], help="source tree(s) to run")
    outage.set_defaults(func=cmd_outage)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
