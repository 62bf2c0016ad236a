"""Meaning search's costs: encoding, loading the vector index, one exact search.

    .venv/bin/python -m benchmarks.vectors_bench [--rows 100000] [--dim 512]
        [--postgres postgresql://postgres@127.0.0.1:5432/test] [--skip-encoders]

* **Encoders** (``use``, ``e5``; one thread each, as the bot runs them): a one-line
  question encoded alone, 20 times (median), and the bundled sample articles' passages
  (``article_passage``, ~450 characters) in one batch, per passage.
* **Index**: ``--rows`` articles with random unit vectors of ``--dim`` written to a fresh
  SQLite file (and a fresh PostgreSQL database with ``--postgres``), then
  ``VectorIndex.refresh`` from nothing (the full load), an idle refresh, and the median of
  20 ``nearest`` calls (k 100) without and with ``allowed`` (1,000 ids).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine, create_engine, insert, text
from sqlalchemy.engine import make_url

from bot.cli.demo import sample_articles_text
from bot.ingest.readers import RawArticle, read_jsonl
from bot.lookup.embeddings import encoder_for, passage_text
from bot.lookup.vectors import VectorIndex
from storage import migrate
from storage.db import make_engine
from storage.models import Article, ArticleVector, utcnow

MODEL = "use-multilingual-v3/p2"  # a fresh database: no real vectors to mix with


def median_ms(call: Callable[[], Any], repeat: int = 20) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def encoders() -> None:
    samples = read_jsonl(sample_articles_text(), "sample_articles.jsonl")
    passages = [
        passage_text(a.title, a.teaser, None, a.body) for a in samples if isinstance(a, RawArticle)
    ]
    chars = statistics.mean(len(p) for p in passages)
    for model in ("use", "e5"):
        start = time.perf_counter()
        encoder = encoder_for(model)
        encoder.queries(["warm up"])
        load = time.perf_counter() - start
        query = median_ms(partial(encoder.queries, ["Wer streikt bei der Bahn?"]))
        start = time.perf_counter()
        encoder.passages(passages)
        per_passage = (time.perf_counter() - start) * 1000 / len(passages)
        print(f"{encoder.name}: load {load:.2f} s, query {query:.1f} ms, passage "
              f"{per_passage:.1f} ms ({len(passages)} passages, {chars:.0f} chars)")  # fmt: skip


def fill(engine: Engine, rows: int, dim: int) -> None:
    rng = np.random.default_rng(13)
    now = utcnow()
    with engine.begin() as conn:
        for start in range(0, rows, 5000):
            ids = range(start + 1, min(rows, start + 5000) + 1)
            conn.execute(insert(Article), [
                {"id": i, "external_id": f"a{i}", "title": f"T{i}", "teaser": "", "body": "",
                 "content_hash": f"h{i}", "summary": "", "tags": [], "authors": [],
                 "ingested_at": now, "updated_at": now} for i in ids
            ])  # fmt: skip
            block = rng.normal(size=(len(ids), dim)).astype("<f4")
            block /= np.linalg.norm(block, axis=1, keepdims=True)
            conn.execute(insert(ArticleVector), [
                {"article_id": i, "model": MODEL, "dim": dim, "vector": block[n].tobytes(),
                 "content_hash": f"h{i}", "created_at": now} for n, i in enumerate(ids)
            ])  # fmt: skip


def index_costs(label: str, engine: Engine, rows: int, dim: int) -> None:
    migrate.upgrade(engine)
    start = time.perf_counter()
    fill(engine, rows, dim)
    print(f"{label}: wrote {rows} x {dim} in {time.perf_counter() - start:.1f} s")
    index = VectorIndex(MODEL)
    start = time.perf_counter()
    index.refresh(engine)
    load = time.perf_counter() - start
    idle = median_ms(lambda: index.refresh(engine))
    query = np.random.default_rng(1).normal(size=dim).astype(np.float32)
    query /= np.linalg.norm(query)
    full = median_ms(lambda: index.nearest(query, 100))
    allowed = np.arange(1, rows + 1, max(1, rows // 1000), dtype=np.int64)
    few = median_ms(lambda: index.nearest(query, 100, allowed=allowed))
    print(f"{label}: load {load:.2f} s ({len(index)} rows), idle refresh {idle:.2f} ms, "
          f"nearest {full:.1f} ms, with {len(allowed)} allowed {few:.1f} ms")  # fmt: skip


def postgres_database(admin_url: str) -> tuple[str, Callable[[], None]]:
    name = f"nrb_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(admin_url).set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dim", type=int, default=512)
    parser.add_argument("--postgres", help="admin URL; a fresh database is made and dropped")
    parser.add_argument("--skip-encoders", action="store_true")
    args = parser.parse_args()
    if not args.skip_encoders:
        encoders()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        index_costs("sqlite", engine, args.rows, args.dim)
        engine.dispose()
    if args.postgres:
        url, drop = postgres_database(
            args.postgres.replace("postgresql://", "postgresql+psycopg://")
        )
        try:
            engine = make_engine(url)
            index_costs("postgresql", engine, args.rows, args.dim)
            engine.dispose()
        finally:
            drop()


if __name__ == "__main__":
    main()
