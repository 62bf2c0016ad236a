"""Lookup evaluation: our search against tantivy (BM25 + fuzzy) and SQLite FTS5 bm25.

Same documents, same queries, same run. Three commands::

    # 1. (once) build the development query set from the shared corpus
    python benchmarks/lookup_eval.py make-queries
    # 2. quality + latency over a database holding the whole corpus
    newsroom-bot --database-url sqlite:////tmp/lookup.db ingest ../shared/corpus/*.jsonl \
        --no-analysis -q
    python benchmarks/lookup_eval.py run --db sqlite:////tmp/lookup.db
    # 3. scale: 100k articles synthesized from the corpus, p95 latency and resident memory
    python benchmarks/lookup_eval.py scale --size 100000 --db-path /tmp/lookup_100k.db

The query set (``benchmarks/lookup_dev_queries.jsonl``) has four kinds of query, each
with the article it should find: ``typo`` (1 edit in words of 4+ letters, up to 2 in 8+),
``partial`` (word starts), ``keyword`` (words as printed) and ``umlaut`` (ä/ö/ü/ß typed
as ae/oe/ue/ss or without dots). Words come from the target's headline (its teaser when
it has none), rarest first, and a query is kept only when no other article's headline
holds all its words.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sqlite3
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_FILES = ("bbc_news_en.jsonl", "gnad_de.jsonl", "german_news_meta_de.jsonl")
QUERIES = Path(__file__).with_name("lookup_dev_queries.jsonl")
KINDS = ("typo", "partial", "keyword", "umlaut")
_WORD = re.compile(r"[^\W\d_]+")
_STOP = frozenset(
    [
        "about",
        "after",
        "again",
        "their",
        "there",
        "these",
        "those",
        "which",
        "while",
        "would",
        "could",
        "should",
        "where",
        "einer",
        "eines",
        "einem",
        "einen",
        "nicht",
        "diese",
        "dieser",
        "dieses",
        "durch",
        "gegen",
        "haben",
        "hatte",
        "werden",
        "wurde",
        "wieder",
        "schon",
        "sowie",
        "unter",
        "zwischen",
    ]
)
UMLAUTS = {"ä": ("ae", "a"), "ö": ("oe", "o"), "ü": ("ue", "u"), "ß": ("ss", "ss")}
Searcher = Callable[[str], list[str]]


# ------------------------------------------------------------------ documents


@dataclass
class Doc:
    ext_id: str
    title: str
    teaser: str
    body: str
    tags: list[str]


def load_docs(db_url: str) -> list[Doc]:
    """The articles as stored (after ingestion's dedup), so every system sees the same."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT external_id, title, teaser, body, tags FROM articles"))
        docs = [Doc(r[0], r[1] or "", r[2] or "", r[3] or "", _tags(r[4])) for r in rows]
    engine.dispose()
    return docs


def _tags(value: Any) -> list[str]:
    if isinstance(value, str):
        value = json.loads(value or "[]")
    return [str(t) for t in value or []]


def iter_corpus() -> Iterator[Doc]:
    for name in CORPUS_FILES:
        with (CORPUS / name).open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                yield Doc(row["id"], row.get("title") or "", row.get("teaser") or "",
                          row.get("body") or "", row.get("tags") or [])  # fmt: skip


# ------------------------------------------------------------------ query set


def make_queries(per_kind: int, seed: int) -> list[dict[str, str]]:
    docs = list(iter_corpus())
    heads = {d.ext_id: _headline(d) for d in docs}
    head_words = {ext: {w.lower() for w in _WORD.findall(h)} for ext, h in heads.items()}
    df = Counter(w for words in head_words.values() for w in words)
    index: dict[str, set[str]] = {}
    for ext, words in head_words.items():
        for w in words:
            index.setdefault(w, set()).add(ext)
    rng = random.Random(seed)
    order = docs[:]
    rng.shuffle(order)
    out: list[dict[str, str]] = []
    for kind in KINDS:
        made = 0
        for doc in order:
            if made >= per_kind:
                break
            picked = _pick_words(heads[doc.ext_id], df, index, doc.ext_id, rng, kind)
            if not picked:
                continue
            out.append({"kind": kind, "query": _transform(picked, kind, rng),
                        "expected": doc.ext_id, "clean": " ".join(picked)})  # fmt: skip
            made += 1
        rng.shuffle(order)
    return out


def _headline(doc: Doc) -> str:
    return doc.title or doc.teaser


def _pick_words(
    head: str, df: Counter[str], index: dict[str, set[str]], ext: str,
    rng: random.Random, kind: str,
) -> list[str] | None:  # fmt: skip
    seen: set[str] = set()
    words = []
    for w in _WORD.findall(head):
        if len(w) >= 5 and w.lower() not in _STOP and w.lower() not in seen:
            seen.add(w.lower())
            words.append(w)
    if kind == "umlaut":
        words = [w for w in words if any(c in w.lower() for c in UMLAUTS)] + [
            w for w in words if not any(c in w.lower() for c in UMLAUTS)
        ]
        if not words or not any(c in words[0].lower() for c in UMLAUTS):
            return None
        ranked = words[:1] + sorted(words[1:], key=lambda w: df[w.lower()])
    else:
        ranked = sorted(words, key=lambda w: df[w.lower()])
    pool = ranked[:5]
    if len(pool) < 2:
        return None
    chosen = pool[:1] + rng.sample(pool[1:], 1)
    for extra in [w for w in pool if w not in chosen] + [None]:
        others = set.intersection(*(index[w.lower()] for w in chosen)) - {ext}
        if not others:
            return chosen
        if extra is None:
            return None
        chosen.append(extra)
    return None


def _transform(words: list[str], kind: str, rng: random.Random) -> str:
    if kind == "typo":
        return " ".join(_typo(w, rng) for w in words)
    if kind == "partial":
        return " ".join(w[: max(4, round(len(w) * 0.6))] if len(w) >= 6 else w for w in words)
    if kind == "umlaut":
        style = rng.randrange(2)
        folded = []
        for w in words:
            w = w.lower()
            for char, spellings in UMLAUTS.items():
                w = w.replace(char, spellings[style])
            folded.append(w)
        return " ".join(folded)
    return " ".join(words)


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    edits = 1 if len(word) < 8 else rng.choice((1, 2))
    letters = "abcdefghijklmnopqrstuvwxyz"
    for _ in range(edits):
        i = rng.randrange(1, len(word) - 1)
        op = rng.choice(("sub", "del", "ins", "swap"))
        if op == "sub":
            word = word[:i] + rng.choice(letters.replace(word[i].lower(), "")) + word[i + 1 :]
        elif op == "del":
            word = word[:i] + word[i + 1 :]
        elif op == "ins":
            word = word[:i] + rng.choice(letters) + word[i:]
        else:
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


# ------------------------------------------------------------------ systems


def ours(db_url: str, model: str = "use") -> tuple[Searcher, Callable[[], None]]:
    """Our lookup as the bot runs it; ``model`` "off" leaves meaning out (words only)."""
    from bot.config import Settings
    from bot.lookup import search
    from bot.services import Services

    services = Services.from_settings(Settings(database_url=db_url, embedding_model=model))
    session = services.sessions()

    def run(query: str) -> list[str]:
        result = search(session, query, limit=10)
        return [hit.article.external_id for hit in result.hits]

    def close() -> None:
        session.close()
        services.close()

    return run, close


def _ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _plain_tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _ascii_fold(text))


FIELD_BOOSTS = {"title": 3.0, "teaser": 2.0, "tags": 2.0, "body": 1.0}


def tantivy_index(docs: list[Doc]) -> tuple[Any, Any]:
    """tantivy in RAM over ``docs`` (lowercase + ASCII folding): (schema, searcher)."""
    import tantivy

    analyzer = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("ext_id", stored=True, tokenizer_name="raw")
    for name in FIELD_BOOSTS:
        builder.add_text_field(name, tokenizer_name="folded")
    schema = builder.build()
    index = tantivy.Index(schema)
    index.register_tokenizer("folded", analyzer)
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for d in docs:
        writer.add_document(tantivy.Document(ext_id=d.ext_id, title=d.title, teaser=d.teaser,
                                             tags=" ".join(d.tags), body=d.body))  # fmt: skip
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return schema, index.searcher()


def tantivy_system(docs: list[Doc]) -> Searcher:
    """tantivy in RAM: lowercase + ASCII folding; per word an exact BM25 term query and a
    fuzzy term query (distance 1 from 4 letters, 2 from 8; transposition costs 1), on
    title^3, teaser^2, tags^2, body — the usual fuzzy set-up with tantivy."""
    import tantivy

    schema, searcher = tantivy_index(docs)
    should = tantivy.Occur.Should

    def run(query: str) -> list[str]:
        clauses = []
        for tok in _plain_tokens(query):
            distance = 2 if len(tok) >= 8 else 1 if len(tok) >= 4 else 0
            for field, boost in FIELD_BOOSTS.items():
                exact = tantivy.Query.term_query(schema, field, tok)
                clauses.append((should, tantivy.Query.boost_query(exact, boost)))
                if distance:
                    fuzzy = tantivy.Query.fuzzy_term_query(schema, field, tok, distance, True)
                    clauses.append((should, tantivy.Query.boost_query(fuzzy, boost)))
        if not clauses:
            return []
        hits = searcher.search(tantivy.Query.boolean_query(clauses), 10).hits
        return [searcher.doc(addr)["ext_id"][0] for _, addr in hits]

    return run


def fts5_system(docs: list[Doc], *, prefix: bool) -> Searcher:
    """SQLite FTS5 (unicode61, diacritics removed), words OR-ed, ranked by bm25 with the
    same column weights; ``prefix`` adds ``*`` to every word."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(ext_id UNINDEXED, title, teaser, tags, body, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    conn.executemany(
        "INSERT INTO fts VALUES (?, ?, ?, ?, ?)",
        ((d.ext_id, d.title, d.teaser, " ".join(d.tags), d.body) for d in docs),
    )
    conn.commit()
    star = "*" if prefix else ""

    def run(query: str) -> list[str]:
        words = _plain_tokens(query)
        if not words:
            return []
        match = " OR ".join(f'"{w}"{star}' for w in words)
        rows = conn.execute(
            "SELECT ext_id FROM fts WHERE fts MATCH ? "
            "ORDER BY bm25(fts, 0.0, 3.0, 2.0, 2.0, 1.0) LIMIT 10",
            (match,),
        )
        return [r[0] for r in rows]

    return run


# ------------------------------------------------------------------ measuring


@dataclass
class Score:
    top1: float
    mrr10: float
    p50_ms: float
    p95_ms: float
    n: int


def evaluate(systems: dict[str, Searcher], queries: list[dict[str, str]]
             ) -> dict[str, dict[str, Score]]:  # fmt: skip
    """Every query through every system back to back (order rotating per query), so
    background load on a shared machine hits all systems alike."""
    rows: dict[str, dict[str, list[tuple[float, float, float]]]] = {n: {} for n in systems}
    names = list(systems)
    for i, q in enumerate(queries):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            started = time.perf_counter()
            ids = systems[name](q["query"])
            elapsed = (time.perf_counter() - started) * 1000
            rank = ids.index(q["expected"]) + 1 if q["expected"] in ids[:10] else 0
            row = (1.0 if rank == 1 else 0.0, 1.0 / rank if rank else 0.0, elapsed)
            rows[name].setdefault(q["kind"], []).append(row)
            rows[name].setdefault("all", []).append(row)
    return {n: {kind: _score(r) for kind, r in per.items()} for n, per in rows.items()}


def _score(rows: list[tuple[float, float, float]]) -> Score:
    times = sorted(r[2] for r in rows)
    return Score(
        top1=statistics.fmean(r[0] for r in rows),
        mrr10=statistics.fmean(r[1] for r in rows),
        p50_ms=_percentile(times, 50),
        p95_ms=_percentile(times, 95),
        n=len(rows),
    )


def _percentile(sorted_values: list[float], pct: float) -> float:
    if not sorted_values:
        return math.nan
    k = max(0, math.ceil(pct / 100 * len(sorted_values)) - 1)
    return sorted_values[k]


def rss_mib() -> tuple[float, float]:
    """Current and peak resident memory of this process (Linux /proc)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def print_table(results: dict[str, dict[str, Score]], kinds: list[str]) -> None:
    print("| system | kind | n | top-1 | MRR@10 | p50 ms | p95 ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for kind in kinds:
        for system, scores in results.items():
            s = scores.get(kind)
            if s:
                print(f"| {system} | {kind} | {s.n} | {s.top1:.3f} | {s.mrr10:.3f} | "
                      f"{s.p50_ms:.2f} | {s.p95_ms:.2f} |")  # fmt: skip


# ------------------------------------------------------------------ commands


def load_queries(db_docs: list[Doc] | None = None) -> list[dict[str, str]]:
    queries = [json.loads(line) for line in QUERIES.read_text(encoding="utf-8").splitlines()]
    if db_docs is not None:
        stored = {d.ext_id for d in db_docs}
        missing = [q for q in queries if q["expected"] not in stored]
        if missing:
            print(f"note: {len(missing)} queries expect articles ingestion merged; skipped",
                  file=sys.stderr)  # fmt: skip
        queries = [q for q in queries if q["expected"] in stored]
    return queries


def cmd_make_queries(args: argparse.Namespace) -> int:
    queries = make_queries(args.per_kind, args.seed)
    with QUERIES.open("w", encoding="utf-8") as fh:
        for q in queries:
            fh.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(f"wrote {len(queries)} queries to {QUERIES}: {Counter(q['kind'] for q in queries)}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    docs = load_docs(args.db)
    queries = load_queries(docs)
    print(f"{len(docs)} articles, {len(queries)} queries", file=sys.stderr)
    systems: dict[str, Searcher] = {}
    build_s: dict[str, float] = {}
    wanted = args.systems.split(",")
    closers = []
    for name in wanted:
        started = time.perf_counter()
        if name in ("ours", "ours-pg"):
            if name == "ours-pg" and not args.pg_db:
                raise SystemExit("ours-pg needs --pg-db URL (the same corpus in PostgreSQL)")
            run, close = ours(args.db if name == "ours" else args.pg_db, args.model)
            run("warm up")  # builds the in-memory index from the database
            closers.append(close)
        elif name == "tantivy":
            run = tantivy_system(docs)
        elif name == "fts5":
            run = fts5_system(docs, prefix=False)
        elif name == "fts5-prefix":
            run = fts5_system(docs, prefix=True)
        else:
            raise SystemExit(f"unknown system {name!r}")
        build_s[name] = time.perf_counter() - started
        systems[name] = run
    for run in systems.values():  # warm caches equally, then measure
        for q in queries[:20]:
            run(q["query"])
    results = evaluate(systems, queries)
    for close in closers:
        close()
    print_table(results, ["typo", "partial", "keyword", "umlaut", "all"])
    print("\nindex build (s): " + ", ".join(f"{n} {s:.1f}" for n, s in build_s.items()))
    if args.json:
        data = {n: {k: vars(s) for k, s in r.items()} for n, r in results.items()}
        Path(args.json).write_text(json.dumps(data, indent=2))
    return 0


def cmd_scale(args: argparse.Namespace) -> int:
    db_path = Path(args.db_path)
    url = f"sqlite:///{db_path}"
    if not db_path.exists() or args.rebuild:
        synthesize(db_path, args.size, args.seed)
    queries = load_queries()
    before, _ = rss_mib()
    started = time.perf_counter()
    run, close = ours(url)
    run("warm up")
    build = time.perf_counter() - started
    after_build, _ = rss_mib()
    label = f"ours @ {args.size // 1000}k"
    results = evaluate({label: run}, queries)
    now, peak = rss_mib()
    close()
    print_table(results, ["typo", "partial", "keyword", "umlaut", "all"])
    print(f"\nindex build {build:.1f} s; RSS before {before:.0f} MiB, after build "
          f"{after_build:.0f} MiB, after queries {now:.0f} MiB, peak {peak:.0f} MiB")  # fmt: skip
    return 0


def synthesize(db_path: Path, size: int, seed: int) -> None:
    """``size`` articles: the corpus itself plus variants that mix its sentences.

    Variants keep a base article's headline words (reordered, one word from another
    headline added) and recombine body sentences, so they compete with the originals the
    way follow-up stories do, and the vocabulary stays that of real news text.
    """
    from sqlalchemy import insert

    from storage.db import make_engine
    from storage.migrate import upgrade
    from storage.models import Article

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{db_path}")
    upgrade(engine)
    base = list(iter_corpus())
    rng = random.Random(seed)
    epoch = datetime(2004, 1, 1, tzinfo=UTC)
    batch: list[dict[str, Any]] = []
    with engine.begin() as conn:
        for i in range(size):
            doc = base[i % len(base)]
            if i >= len(base):
                doc = _variant(doc, base[rng.randrange(len(base))], i, rng)
            now = epoch + timedelta(days=rng.randrange(7000))
            batch.append({"external_id": doc.ext_id, "canonical_url": None, "title": doc.title,
                          "teaser": doc.teaser, "body": doc.body, "lang": None,
                          "section": None, "source": "synthetic", "tags": doc.tags,
                          "authors": [], "published_at": now, "ingested_at": now,
                          "updated_at": now, "content_hash": f"syn{i}", "summary": ""})  # fmt: skip
            if len(batch) >= 2000:
                conn.execute(insert(Article), batch)
                batch = []
        if batch:
            conn.execute(insert(Article), batch)
    engine.dispose()
    print(f"synthesized {size} articles into {db_path}", file=sys.stderr)


def _variant(doc: Doc, other: Doc, i: int, rng: random.Random) -> Doc:
    words = doc.title.split() or doc.teaser.split()[:12]
    rng.shuffle(words)
    words.append(rng.choice((other.title or other.teaser or "Meldung").split()))
    sentences = re.split(r"(?<=[.!?])\s+", doc.body)
    kept = [s for s in sentences if rng.random() < 0.7]
    extra = re.split(r"(?<=[.!?])\s+", other.body)[:2]
    return Doc(f"syn-{i}", " ".join(words), doc.teaser, " ".join(kept + extra), doc.tags)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    mk = sub.add_parser("make-queries", help="(re)build the development query set")
    mk.add_argument("--per-kind", type=int, default=150)
    mk.add_argument("--seed", type=int, default=7)
    mk.set_defaults(func=cmd_make_queries)
    run = sub.add_parser("run", help="quality and latency against the baselines")
    run.add_argument("--db", required=True, help="database URL holding the ingested corpus")
    run.add_argument(
        "--systems",
        default="ours,tantivy,fts5,fts5-prefix",
        help="any of ours, ours-pg, tantivy, fts5, fts5-prefix",
    )
    run.add_argument("--pg-db", help="PostgreSQL URL with the same corpus, for ours-pg")
    run.add_argument("--model", default="use", help="meaning model for ours: use, e5, off")
    run.add_argument("--json", help="also write the numbers to this file")
    run.set_defaults(func=cmd_run)
    scale = sub.add_parser("scale", help="p95 latency and memory at a synthesized size")
    scale.add_argument("--size", type=int, default=100_000)
    scale.add_argument("--db-path", default="/tmp/lookup_scale.db")
    scale.add_argument("--seed", type=int, default=11)
    scale.add_argument("--rebuild", action="store_true")
    scale.set_defaults(func=cmd_scale)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
