"""Ingestion throughput and peak memory on SQLite and PostgreSQL, side by side.

Each run is a fresh database and a fresh child process (so peak RSS is that run's own).
Three modes share one run so their ratios are fair on a busy machine:

* ``raw``: json.loads + one SQLAlchemy Core INSERT per batch, no dedup, no analysis:
  the floor any importer pays for parsing and writing.
* ``no-analysis``: our ingestion (readers, boilerplate, dedup, batch upserts).
* ``full``: the same plus language, summary and key figures, in one process
  (``--jobs 1``, what `ingest` did before it used every core).
* ``parallel``: ``full`` with analysis in worker processes, one per core (``--jobs N``,
  the default of `ingest`; ``--jobs`` here sets N).

    .venv/bin/python -m benchmarks.ingest_bench --db both
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import Engine, create_engine, insert, text
from sqlalchemy.engine import make_url

from storage.models import Base

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FILES = [
    "bbc_news_en.jsonl",
    "bbc_reference_summaries_dev.jsonl",  # no article text: every row is skipped, by design
    "gnad_de.jsonl",
    "german_news_meta_de.jsonl",
]
PG_ADMIN = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MODES = ("raw", "no-analysis", "full", "parallel")


def child(mode: str, url: str, files: list[str], jobs: int) -> None:
    from bot.config import Settings
    from bot.ingest.parallel import make_ingestor
    from bot.ingest.readers import read_all
    from bot.services import Services
    from storage.models import Article

    services = Services.from_settings(Settings(database_url=url))
    start = time.perf_counter()
    if mode == "raw":
        stored = _raw_insert(services.engine, Article, files)
    else:
        jobs = jobs if mode == "parallel" else 1
        ingestor = make_ingestor(services, analyze=mode != "no-analysis", jobs=jobs)
        report = ingestor.ingest(read_all(files))
        stored = report.added + report.updated
    elapsed = time.perf_counter() - start
    print(json.dumps({"stored": stored, "seconds": elapsed}))


def _raw_insert(engine: Engine, article_table: type[Base], files: list[str]) -> int:
    now = time.time()
    from datetime import UTC, datetime

    stored, batch = 0, []
    with engine.begin() as conn:
        for name in files:
            with open(name, encoding="utf-8") as fh:
                for line in fh:
                    row = json.loads(line)
                    if not (row.get("title") or row.get("body")):
                        continue  # reference-summary rows: no article, as in our ingestion
                    batch.append({
                        "external_id": row["id"], "title": row.get("title") or "",
                        "teaser": row.get("teaser") or "", "body": row.get("body") or "",
                        "lang": row.get("lang"), "tags": row.get("tags") or [],
                        "authors": row.get("authors") or [], "content_hash": str(stored),
                        "ingested_at": datetime.fromtimestamp(now, UTC),
                        "updated_at": datetime.fromtimestamp(now, UTC), "summary": "",
                    })  # fmt: skip
                    stored += 1
                    if len(batch) == 500:
                        conn.execute(insert(article_table), batch)
                        batch = []
        if batch:
            conn.execute(insert(article_table), batch)
    return stored


def _fresh_db(kind: str, tmp: Path) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite:///{tmp / f'bench-{uuid.uuid4().hex[:6]}.db'}", None
    name = f"nrb_bench_{uuid.uuid4().hex[:8]}"
    with create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False), name


def _drop_db(name: str | None) -> None:
    if name:
        with create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def run_one(kind: str, mode: str, files: list[str], tmp: Path, jobs: int) -> dict[str, float]:
    url, pg_name = _fresh_db(kind, tmp)
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.ingest_bench", "--jobs", str(jobs), "--child",
             mode, url, *files],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        _, status, usage = os.wait4(proc.pid, 0)
        out = proc.stdout.read() if proc.stdout else ""
        if status != 0:
            raise RuntimeError(f"{kind}/{mode} failed: {out}")
        result = json.loads(out.strip().splitlines()[-1])
        result["peak_rss_mib"] = usage.ru_maxrss / 1024
        # The child's CPU time includes its analysis workers (reaped before it exits).
        result["cpu_s"] = usage.ru_utime + usage.ru_stime
        result["load"] = os.getloadavg()[0]
        result["rate"] = result["stored"] / result["seconds"]
        return result
    finally:
        _drop_db(pg_name)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="analysis processes of the parallel mode (default: the cores)",
    )
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, url, *files = args.child
        child(mode, url, files, args.jobs)
        return
    files = [str(CORPUS / f) for f in FILES]
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    print(f"corpus: {', '.join(FILES)}\n")
    print("| database | mode | articles stored | seconds | articles/s | × raw time | CPU s "
          "| peak RSS MiB | load |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            base = None
            rates: dict[str, float] = {}
            cpu: dict[str, float] = {}
            for mode in args.modes.split(","):
                r = run_one(kind, mode, files, Path(tmp), args.jobs)
                rates[mode], cpu[mode] = r["rate"], r["cpu_s"]
                base = base or r["seconds"]
                cells = [kind, mode, r["stored"], f"{r['seconds']:.1f}", f"{r['rate']:.0f}",
                         f"{r['seconds'] / base:.1f}", f"{r['cpu_s']:.1f}",
                         f"{r['peak_rss_mib']:.0f}", f"{r['load']:.1f}"]  # fmt: skip
                print("| " + " | ".join(map(str, cells)) + " |", flush=True)
            if "full" in rates and "parallel" in rates:
                _speedup(kind, args.jobs, rates, cpu)


def _speedup(kind: str, jobs: int, rates: dict[str, float], cpu: dict[str, float]) -> None:
    """Measured wall-clock ratio, and what free cores would give: the same work (CPU
    seconds) spread over ``jobs`` cores, when other jobs share the machine."""
    measured = rates["parallel"] / rates["full"]
    projected = cpu["full"] / (cpu["parallel"] / jobs)
    print(f"\n{kind}: --jobs {jobs} ingests {measured:.2f}x as fast as one process (wall); "
          f"its CPU work is {cpu['parallel'] / cpu['full']:.2f}x one process's, so on {jobs} "
          f"free cores {projected:.2f}x (peak RSS above is the writer's alone)\n")  # fmt: skip


if __name__ == "__main__":
    main()
