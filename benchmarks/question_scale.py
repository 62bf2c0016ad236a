"""Questions at 10k and 100k articles: latency of the fused lookup and memory of `serve`.

The archive is synthesized as ``scale_bench`` does (the corpus, then variants of it).
Vectors: the corpus articles keep the vectors ``newsroom-bot embed`` stored for them (read
from ``--source``, a database holding the embedded corpus); a variant gets its base
article's vector with a little noise (σ 0.02 per component, then normalised), so the
nearest-neighbour search does the same work as over real vectors without embedding 100k
synthetic texts (the embedding itself is timed on the real corpus, docs/benchmarks.md).

Measured per size: index and vector load time, the dev questions' p50/p95 fused and
words-only (same process, alternating), and the resident memory of a real
``newsroom-bot serve`` (all processes, PSS) with meaning on and off.

    .venv/bin/python -m benchmarks.question_scale --source sqlite:////path/corpus.db \\
        --sizes 10k,100k --data /work/question_scale
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.lookup_eval import _percentile  # noqa: E402
from benchmarks.scale_bench import measure_serve, parse_size, synthesize  # noqa: E402
from bot.lookup.embeddings import models_of  # noqa: E402

QUESTIONS = Path(__file__).with_name("question_dev.jsonl")
NOISE = 0.02


def attach_vectors(url: str, source: str, model: str, seed: int = 5) -> int:
    """Vectors for every article of ``url`` from the corpus vectors in ``source``."""
    import numpy as np
    from sqlalchemy import create_engine, text

    from bot.lookup.embeddings import storage_name
    from storage import vectors as store

    name = storage_name(model)
    src = create_engine(source)
    with src.connect() as conn:
        rows = conn.execute(
            text("SELECT a.external_id, v.vector FROM article_vectors v "
                 "JOIN articles a ON a.id = v.article_id WHERE v.model = :m"), {"m": name}
        ).all()  # fmt: skip
    base = {ext: np.frombuffer(blob, dtype="<f4") for ext, blob in rows}
    dst = create_engine(url)
    rng = np.random.default_rng(seed)
    written = 0
    with dst.connect() as conn:
        articles = conn.execute(text(
            "SELECT a.id, a.external_id, a.content_hash FROM articles a LEFT JOIN "
            "article_vectors v ON v.article_id = a.id AND v.model = :m "
            "WHERE v.article_id IS NULL ORDER BY a.id"), {"m": name}).all()  # fmt: skip
    ext_of = _base_ids(list(articles))
    from sqlalchemy.orm import Session

    for start in range(0, len(articles), 2000):
        batch = []
        for article_id, ext, content_hash in articles[start : start + 2000]:
            vector = base.get(ext_of.get(ext, ext))
            if vector is None:
                continue
            if ext.startswith("syn-"):
                vector = vector + rng.normal(0, NOISE, vector.shape).astype(np.float32)
                vector = vector / np.linalg.norm(vector)
            batch.append(store.VectorRow(article_id, vector.astype("<f4").tobytes(),
                                         content_hash))  # fmt: skip
        with Session(dst) as session, session.begin():
            store.save(session, name, batch, len(next(iter(base.values()))))
        written += len(batch)
    return written


def _base_ids(articles: list[Any]) -> dict[str, str]:
    """``syn-N`` variants -> the corpus article they were made from (``N % corpus``)."""
    corpus = [ext for _, ext, _ in articles if not ext.startswith("syn-")]
    size = len(corpus)
    return {ext: corpus[int(ext[4:]) % size] for _, ext, _ in articles
            if ext.startswith("syn-") and size}  # fmt: skip


def measure_search(url: str, model: str) -> dict[str, Any]:
    """Load times and p50/p95 of the dev questions, fused and words only."""
    import resource

    from sqlalchemy.orm import Session

    from bot.lookup import meaning, search
    from bot.lookup.embeddings import encoder_for
    from bot.lookup.live import live_index_for
    from bot.lookup.vectors import vector_index_for
    from storage.db import make_engine

    engine = make_engine(url)
    started = time.perf_counter()
    live_index_for(engine).refresh(engine)
    index_s = time.perf_counter() - started
    started = time.perf_counter()
    for name in models_of(model):
        vector_index_for(engine, name).refresh(engine)
    vectors_s = time.perf_counter() - started
    for name in models_of(model):
        encoder_for(name)
    questions = [json.loads(line)["query"] for line in QUESTIONS.read_text().splitlines()]
    times: dict[str, list[float]] = {"fused": [], "words": []}
    with Session(engine) as session:
        for i, question in enumerate(questions * 2):
            mode = ("fused", "words")[(i + i // len(questions)) % 2]
            meaning.attach(engine, model if mode == "fused" else "off")
            t = time.perf_counter()
            search(session, question, limit=5)
            times[mode].append((time.perf_counter() - t) * 1000)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out: dict[str, Any] = {"index_s": index_s, "vectors_s": vectors_s, "peak_rss_mib": peak}
    for mode, values in times.items():
        values.sort()
        out[mode] = {"p50_ms": statistics.median(values), "p95_ms": _percentile(values, 95)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, help="database with the embedded corpus")
    parser.add_argument("--sizes", default="10k,100k")
    parser.add_argument("--model", default="use")
    parser.add_argument("--data", type=Path, default=Path("/work/question_scale"))
    parser.add_argument("--no-serve", action="store_true")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    results = {}
    for size in [parse_size(s) for s in args.sizes.split(",")]:
        url = f"sqlite:///{args.data / f'questions-{size}.db'}"
        synthesize(url, size)
        attached = sum(attach_vectors(url, args.source, name) for name in models_of(args.model))
        result: dict[str, Any] = {"vectors_attached": attached}
        result["search"] = measure_search(url, args.model)
        if not args.no_serve:
            for setting in (args.model, "off"):
                cache = args.data / f"cache-{size}-{setting}"
                cache.mkdir(exist_ok=True)
                result[f"serve_{setting}"] = measure_serve(
                    url, cache, extra_env={"NEWSROOM_EMBEDDING_MODEL": setting}
                )
        results[size] = result
        print(json.dumps({size: result}, indent=2), flush=True)
    (args.data / "results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
