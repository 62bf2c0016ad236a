"""Natural questions, in either language: our lookup beside BM25, the encoders and fusions.

The question sets were written by hand from ../shared/corpus before any system ran on
them: ``question_dev.jsonl`` (tuned on) and ``question_heldout.jsonl`` (scored once, at
the end). Kinds: ``paraphrase`` (the gist without the headline's words), ``publish``
("what did we publish about …", "Hatten wir was zu …"), ``en_de`` (English question,
German article), ``de_en`` (German question, English article), ``entity`` (a name plus
a topic) and ``time`` (a time phrase that matches the article date).

Systems, all in one run over the same stored articles, queries rotated so machine load
hits them alike:

- ``ours`` — the lookup as the bot runs it: question reading, words, meaning, fused
  (``--model`` picks the encoder, default the setting's default);
- ``ours-words`` — the same without meaning;
- ``tantivy-bm25`` — tantivy, per word a BM25 term query on title^3, teaser^2, tags^2,
  body, the question as typed;
- ``use``, ``e5`` — the encoder alone: the question's vector against every stored
  article vector;
- ``bm25+use``, ``bm25+e5`` — tantivy BM25 and the encoder fused by reciprocal rank
  (k = 60), the textbook hybrid.

Run (the database holds the corpus, embedded with ``newsroom-bot embed`` for each model)::

    python benchmarks/question_eval.py --db sqlite:////path/corpus.db --set dev
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.lookup_eval import (
    FIELD_BOOSTS,
    Doc,
    Searcher,
    _percentile,
    _plain_tokens,
    load_docs,
    tantivy_index,
)

SETS = {
    "dev": Path(__file__).with_name("question_dev.jsonl"),
    "heldout": Path(__file__).with_name("question_heldout.jsonl"),
}
KINDS = ("paraphrase", "publish", "entity", "time", "en_de", "de_en", "cross", "all")
RRF_K = 60


def groups(question: dict[str, str]) -> list[str]:
    kind = question["kind"]
    return [kind, "cross", "all"] if kind in ("en_de", "de_en") else [kind, "all"]


def ours(db_url: str, model: str | None) -> Searcher:
    from bot.config import Settings
    from bot.lookup import meaning, search
    from bot.services import Services

    services = Services.from_settings(Settings(database_url=db_url))
    meaning.attach(services.engine, model or "off")
    session = services.sessions()

    def run(query: str) -> list[str]:
        return [hit.article.external_id for hit in search(session, query, limit=10).hits]

    return run


def tantivy_bm25(docs: list[Doc]) -> Callable[..., list[str]]:
    """tantivy, per word a BM25 term query on title^3, teaser^2, tags^2, body."""
    import tantivy

    schema, searcher = tantivy_index(docs)

    def run(query: str, depth: int = 10) -> list[str]:
        clauses = [
            (tantivy.Occur.Should,
             tantivy.Query.boost_query(tantivy.Query.term_query(schema, field, tok), boost))
            for tok in _plain_tokens(query) for field, boost in FIELD_BOOSTS.items()
        ]  # fmt: skip
        if not clauses:
            return []
        hits = searcher.search(tantivy.Query.boolean_query(clauses), depth).hits
        return [searcher.doc(addr)["ext_id"][0] for _, addr in hits]

    return run


def encoder_alone(db_url: str, model: str) -> Callable[..., list[str]]:
    """The question's vector against every stored vector of ``model``, nothing else."""
    from sqlalchemy import create_engine, text

    from bot.lookup.embeddings import encoder_for
    from bot.lookup.vectors import vector_index_for

    engine = create_engine(db_url)
    index = vector_index_for(engine, model)
    index.refresh(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, external_id FROM articles")).all()
    ext: dict[int, str] = {int(r[0]): str(r[1]) for r in rows}
    encoder = encoder_for(model)
    print(f"{model}: {len(index)} vectors", file=sys.stderr)

    def run(query: str, depth: int = 10) -> list[str]:
        near = index.nearest(encoder.queries([query])[0], depth, None)
        return [ext[article_id] for article_id, _ in near]

    return run


def rrf(*rankings: list[str]) -> list[str]:
    score: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            score[key] = score.get(key, 0.0) + 1.0 / (RRF_K + rank)
    return sorted(score, key=lambda k: -score[k])[:10]


def build(names: list[str], db: str, model: str | None) -> dict[str, Callable[..., list[str]]]:
    docs = load_docs(db)
    bm25 = tantivy_bm25(docs) if any("bm25" in n for n in names) else None
    alone = {m: encoder_alone(db, m) for m in ("use", "e5") if any(m in n for n in names)}
    systems: dict[str, Callable[..., list[str]]] = {}
    for name in names:
        if name == "ours":
            systems[name] = ours(db, model)
        elif name == "ours-words":
            systems[name] = ours(db, None)
        elif name.startswith("ours:"):
            systems[name] = ours(db, name.split(":", 1)[1])
        elif name == "tantivy-bm25" and bm25 is not None:
            systems[name] = bm25
        elif name in alone:
            systems[name] = alone[name]
        elif name.startswith("bm25+") and bm25 is not None and name[5:] in alone:
            systems[name] = _hybrid(bm25, alone[name[5:]])
        else:
            raise SystemExit(f"unknown system {name!r}")
    return systems


def _hybrid(bm25: Callable[..., list[str]], encoder: Callable[..., list[str]]) -> Searcher:
    return lambda q: rrf(bm25(q, 100), encoder(q, 100))


def evaluate(systems: dict[str, Searcher], questions: list[dict[str, str]]
             ) -> dict[str, dict[str, tuple[float, float, float, float, int]]]:  # fmt: skip
    rows: dict[str, dict[str, list[tuple[float, float, float]]]] = {n: {} for n in systems}
    names = list(systems)
    for i, q in enumerate(questions):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            started = time.perf_counter()
            ids = systems[name](q["query"])[:10]
            elapsed = (time.perf_counter() - started) * 1000
            rank = ids.index(q["expected"]) + 1 if q["expected"] in ids else 0
            for group in groups(q):
                rows[name].setdefault(group, []).append(
                    (float(rank == 1), 1.0 / rank if rank else 0.0, elapsed)
                )
    out: dict[str, dict[str, tuple[float, float, float, float, int]]] = {}
    for name, per in rows.items():
        out[name] = {}
        for group, r in per.items():
            times = sorted(x[2] for x in r)
            out[name][group] = (statistics.fmean(x[0] for x in r),
                                statistics.fmean(x[1] for x in r),
                                _percentile(times, 50), _percentile(times, 95), len(r))  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL holding the embedded corpus")
    parser.add_argument("--set", choices=sorted(SETS), default="dev")
    parser.add_argument("--model", default="use", help="encoder for `ours` (use, e5)")
    parser.add_argument("--systems", default="ours,ours-words,tantivy-bm25,use,e5,bm25+use,bm25+e5")
    parser.add_argument("--json", help="also write the numbers here")
    args = parser.parse_args(argv)
    questions = [json.loads(line) for line in SETS[args.set].read_text().splitlines() if line]
    stored = {d.ext_id for d in load_docs(args.db)}
    missing = [q for q in questions if q["expected"] not in stored]
    if missing:
        print(f"note: {len(missing)} questions expect unstored articles; skipped", file=sys.stderr)
    questions = [q for q in questions if q["expected"] in stored]
    systems = build(args.systems.split(","), args.db, args.model)
    for run in systems.values():
        run("warm up")
    results = evaluate(systems, questions)
    print(f"{args.set}: {len(questions)} questions")
    print("| system | kind | n | top-1 | MRR@10 | p50 ms | p95 ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        for name, per in results.items():
            if kind in per:
                top1, mrr, p50, p95, n = per[kind]
                print(f"| {name} | {kind} | {n} | {top1:.3f} | {mrr:.3f} | {p50:.0f} | {p95:.0f} |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
