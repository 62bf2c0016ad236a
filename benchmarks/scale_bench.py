"""Scale: what each cost does from 10k to 1M articles, on SQLite and on PostgreSQL.

For every (database, size) it synthesizes the archive from the shared corpus (the corpus
itself plus variants that reorder a headline and recombine body sentences, as
``lookup_eval scale`` does) and measures, each in a fresh child process:

* ``build``: the index build (``bot.lookup.builder``: read, index, write the snapshot),
  its peak RSS, and the snapshot's size on disk;
* ``startup``: a new process opening that snapshot until it can answer;
* ``search``: the 600 dev queries (p50/p95 ms, top-1) on the mapped index; other
  searchers (vectors) register in ``SEARCHERS``;
* ``serve``: a real ``newsroom-bot serve`` with two answer workers on the snapshot: time
  to ``/readyz``, then resident memory of all its processes after 60 answered searches
  (RSS and PSS from /proc/PID/smaps_rollup: PSS counts shared mapped pages once);
* ``digest``: building a plain and a keyword digest over the newest 7 days;
* ``ingest``: 3,000 new articles with analysis, one process and ``--jobs`` processes,
  against the raw-insert floor (then deleted again);
* ``replay``: a process starting from the snapshot after those 6,000 changes;
* ``disk``: database and snapshot sizes.

Resumable: data and results live under ``--data`` (default /work/scale_data, outside the
repository); a finished step is not re-run (``--redo STEP`` forces one). The database of
a size is synthesized in resumable batches.

    .venv/bin/python -m benchmarks.scale_bench --sizes 10k,100k --db sqlite,postgres
    .venv/bin/python -m benchmarks.scale_bench --sizes 1m --db sqlite,postgres   # the long one
    .venv/bin/python -m benchmarks.scale_bench --table      # the table from stored results
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import os
import random
import re
import resource
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.lookup_eval import Doc, _percentile, iter_corpus, load_queries  # noqa: E402

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
STEPS = ("build", "startup", "search", "serve", "digest", "ingest", "replay", "disk")
INGEST_SAMPLE = 3000
SERVE_QUERIES = 60
SYNTH_BATCH = 2000
EPOCH = datetime(2004, 1, 1, tzinfo=UTC)
Json = dict[str, Any]


# ------------------------------------------------------------------ data


def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = {"k": 1000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * factor)


def label(size: int) -> str:
    return f"{size // 1_000_000}M" if size % 1_000_000 == 0 else f"{size // 1000}k"


def db_url(kind: str, size: int, data: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{data / f'sqlite-{label(size)}.db'}"
    return PG_ADMIN.rsplit("/", 1)[0] + f"/nrb_scale_{label(size).lower()}"


def ensure_database(kind: str, url: str) -> None:
    from sqlalchemy import create_engine, text

    if kind != "postgres":
        return
    name = url.rsplit("/", 1)[1]
    with create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT").connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
            conn.execute(text(f'CREATE DATABASE "{name}"'))


def synthesize(url: str, size: int, seed: int = 11) -> float:
    """Fill the database up to ``size`` articles (resuming where it stopped); seconds."""
    from sqlalchemy import func, insert, select

    from storage.db import make_engine
    from storage.migrate import upgrade
    from storage.models import Article

    engine = make_engine(url)
    upgrade(engine)
    base = list(iter_corpus())
    started = time.perf_counter()
    with engine.connect() as conn:
        have = conn.scalar(select(func.count()).select_from(Article)) or 0
    for start in range(have, size, SYNTH_BATCH):
        rows = [_synthetic_row(base, i, seed) for i in range(start, min(size, start + SYNTH_BATCH))]
        with engine.begin() as conn:
            conn.execute(insert(Article), rows)
        if start // SYNTH_BATCH % 50 == 0:
            print(f"  synthesized {start + len(rows)}/{size}", file=sys.stderr, flush=True)
    engine.dispose()
    return time.perf_counter() - started


def _synthetic_row(base: list[Doc], i: int, seed: int) -> Json:
    rng = random.Random(seed * 1_000_003 + i)  # per article, so a resumed run is identical
    doc = base[i % len(base)]
    if i >= len(base):
        doc = _variant(doc, base[rng.randrange(len(base))], f"syn-{i}", rng)
    when = EPOCH + timedelta(days=rng.randrange(7000), seconds=rng.randrange(86400))
    return {"external_id": doc.ext_id, "canonical_url": None, "title": doc.title,
            "teaser": doc.teaser, "body": doc.body, "lang": None, "section": None,
            "source": "synthetic", "tags": doc.tags, "authors": [], "published_at": when,
            "ingested_at": when, "updated_at": when, "content_hash": f"syn{i}",
            "summary": ""}  # fmt: skip


def _variant(doc: Doc, other: Doc, ext_id: str, rng: random.Random) -> Doc:
    words = doc.title.split() or doc.teaser.split()[:12]
    rng.shuffle(words)
    words.append(rng.choice((other.title or other.teaser or "Meldung").split()))
    kept = [s for s in re.split(r"(?<=[.!?])\s+", doc.body) if rng.random() < 0.7]
    extra = re.split(r"(?<=[.!?])\s+", other.body)[:2]
    return Doc(ext_id, " ".join(words), doc.teaser, " ".join(kept + extra), doc.tags)


def ingest_sample(data: Path) -> Path:
    """New articles (not in any synthesized archive) as JSON Lines, for the ingest step."""
    path = data / "ingest-sample.jsonl"
    if path.exists():
        return path
    base = [d for d in iter_corpus() if d.body]
    with path.open("w", encoding="utf-8") as fh:
        for k in range(INGEST_SAMPLE):
            rng = random.Random(7_000_003 + k)
            doc = _variant(base[rng.randrange(len(base))], base[rng.randrange(len(base))],
                           f"ingest-{k}", rng)  # fmt: skip
            row = {"id": doc.ext_id, "title": doc.title, "teaser": doc.teaser, "body": doc.body,
                   "tags": doc.tags, "url": f"https://news.example/ingest/{k}"}  # fmt: skip
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


# ------------------------------------------------------------------ child steps


def _services(url: str, cache: Path, *, writer: bool = False) -> Any:
    from bot.config import Settings
    from bot.lookup.live import enable_snapshots
    from bot.services import Services

    services = Services.from_settings(Settings(database_url=url, cache_dir=str(cache)))
    enable_snapshots(services.engine, cache, writer=writer)
    return services


def child_build(url: str, cache: Path) -> Json:
    from bot.lookup import snapshot
    from bot.lookup.live import build_in_child
    from storage.db import make_engine

    engine = make_engine(url)
    directory = snapshot.snapshot_dir(cache, engine)
    started = time.perf_counter()
    with snapshot.locked(directory, wait=True):
        ok = build_in_child(engine, directory)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the builder is our only child
    return {"ok": ok, "seconds": seconds, "peak_rss_mib": usage.ru_maxrss / 1024,
            "snapshot_mib": snapshot.disk_size(directory) / 2**20}  # fmt: skip


def child_startup(url: str, cache: Path) -> Json:
    """A new process: imports, then open the snapshot and replay what changed since."""
    from bot.lookup.live import live_index_for

    started = time.perf_counter()
    services = _services(url, cache)
    imported = time.perf_counter()
    live = live_index_for(services.engine)
    live.refresh(services.engine)
    ready = time.perf_counter()
    snap_seq = None
    if live.generation is not None and live.snapshot_dir is not None:
        manifest = json.loads((live.snapshot_dir / live.generation / "manifest.json").read_text())
        snap_seq = manifest["seq"]
    return {"seconds": ready - started, "open_and_replay_s": ready - imported,
            "from_snapshot": live.generation is not None, "articles": live.index.live_count,
            "log_rows_replayed": live.seq - snap_seq if snap_seq is not None else None,
            "pss_mib": pss_mib([os.getpid()])[1]}  # fmt: skip


def _words_searcher(services: Any) -> Callable[[str], list[str]]:
    from bot.lookup import search

    session = services.sessions()

    def run(query: str) -> list[str]:
        return [hit.article.external_id for hit in search(session, query, limit=10).hits]

    return run


# Search systems the scale run times; a vector search adds itself here.
SEARCHERS: dict[str, Callable[[Any], Callable[[str], list[str]]]] = {"words": _words_searcher}


def child_search(url: str, cache: Path) -> Json:
    from sqlalchemy import select

    from storage.models import Article

    services = _services(url, cache)
    queries = load_queries()
    with services.session() as session:  # below 10.6k articles some targets are missing
        wanted = [q["expected"] for q in queries]
        stored = set(session.scalars(select(Article.external_id).where(
            Article.external_id.in_(wanted))))  # fmt: skip
    queries = [q for q in queries if q["expected"] in stored]
    out: Json = {}
    for name, make in SEARCHERS.items():
        run = make(services)
        for q in queries[:20]:
            run(q["query"])
        times, top1 = [], 0
        for q in queries:
            started = time.perf_counter()
            found = run(q["query"])
            times.append((time.perf_counter() - started) * 1000)
            top1 += bool(found) and found[0] == q["expected"]
        times.sort()
        out[name] = {"p50_ms": _percentile(times, 50), "p95_ms": _percentile(times, 95),
                     "top1": top1 / len(queries), "n": len(queries)}  # fmt: skip
    return out


def child_digest(url: str, cache: Path) -> Json:
    from sqlalchemy import func, select

    from bot.digest.content import build_digest
    from bot.digest.subscriptions import subscribe
    from storage.models import Article, Subscription

    services = _services(url, cache)
    with services.session() as session:
        now = session.scalar(select(func.max(Article.ingested_at)))
    now = (now if now.tzinfo else now.replace(tzinfo=UTC)) + timedelta(minutes=1)
    specs = {"CSCALEPLAIN": "daily 08:00 top 10", "CSCALEKEY": "daily 08:00 regierung top 5"}
    out: Json = {}
    for channel, spec in specs.items():
        with services.session() as session:
            sub = session.scalar(select(Subscription).where(Subscription.channel_id == channel))
        if sub is None:
            sub = subscribe(services, channel, spec, now=now - timedelta(days=400))
        samples = []
        for _ in range(3):
            started = time.perf_counter()
            with services.session() as session:
                current = session.get(Subscription, sub.id)
                build_digest(session, current, now, window_start=now - timedelta(days=7))
            samples.append((time.perf_counter() - started) * 1000)
        out[channel] = sorted(samples)[1]
    return {"plain_ms": out["CSCALEPLAIN"], "keyword_ms": out["CSCALEKEY"],
            "pass_ms": out["CSCALEPLAIN"] + out["CSCALEKEY"]}  # fmt: skip


def drop_ingested(url: str) -> None:
    from sqlalchemy import delete

    from storage.db import make_engine
    from storage.models import Article

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(delete(Article).where(Article.external_id.like("ingest-%")))
    engine.dispose()


def child_ingest(url: str, mode: str, jobs: int, sample: str) -> Json:
    """Import the sample; all but the last mode's articles are deleted again."""
    from benchmarks.ingest_bench import _raw_insert
    from bot.config import Settings
    from bot.ingest.parallel import make_ingestor
    from bot.ingest.readers import read_all
    from bot.services import Services
    from storage.models import Article

    services = Services.from_settings(Settings(database_url=url))
    started = time.perf_counter()
    if mode == "raw":
        stored = _raw_insert(services.engine, Article, [sample])
    else:
        ingestor = make_ingestor(services, analyze=True, jobs=jobs)
        report = ingestor.ingest(read_all([sample]))
        stored = report.added + report.updated
    seconds = time.perf_counter() - started
    services.close()
    if mode != "parallel":
        drop_ingested(url)
    return {"stored": stored, "seconds": seconds, "rate": stored / seconds}


# ------------------------------------------------------------------ serve


def pss_mib(pids: list[int]) -> tuple[float, float]:
    """Summed RSS and PSS (MiB) of these processes, from /proc/PID/smaps_rollup."""
    rss = pss = 0
    for pid in pids:
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in text.splitlines():
            key, _, value = line.partition(":")
            if key == "Rss":
                rss += int(value.split()[0])
            elif key == "Pss":
                pss += int(value.split()[0])
    return rss / 1024, pss / 1024


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants, from /proc/*/stat."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier]
        tree.extend(frontier)
    return tree


def measure_serve(url: str, cache: Path, extra_env: dict[str, str] | None = None) -> Json:
    from tests.fakeslack import FakeSlack
    from tests.slackrig import BOT_TOKEN, SIGNING_SECRET, slack_headers

    fake = FakeSlack().start()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "NEWSROOM_"))}
    env.update({"DATABASE_URL": url, "NEWSROOM_CACHE_DIR": str(cache),
                "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                "SLACK_API_URL": fake.url, "NEWSROOM_POLL_FEEDS": "0"})  # fmt: skip
    env.update(extra_env or {})
    started = time.perf_counter()
    cli = "import sys; from handlers.cli import main; sys.exit(main())"
    proc = subprocess.Popen([sys.executable, "-c", cli, "serve", "--host",
                             "127.0.0.1", "--port", str(port), "--workers", "2"],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(proc, base + "/readyz", timeout=1800)
        ready = time.perf_counter() - started
        queries = [q["query"] for q in load_queries()][:SERVE_QUERIES]
        for i, query in enumerate(queries):
            body = urlencode({"command": "/news", "text": query, "team_id": "T1",
                              "user_id": "U1", "channel_id": "C1",
                              "response_url": fake.response_url(f"q{i}")})  # fmt: skip
            headers = slack_headers(
                body, str(int(time.time())), "application/x-www-form-urlencoded"
            )
            request = urllib.request.Request(base + "/slack/events", body.encode(), headers)
            urllib.request.urlopen(request, timeout=10).close()
        for i in range(len(queries)):
            fake.wait_for(f"response_url/q{i}", timeout=120)
        tree = process_tree(proc.pid)
        rss, pss = pss_mib(tree)
        return {"ready_s": ready, "processes": len(tree), "rss_mib": rss, "pss_mib": pss}
    finally:
        _stop_tree(proc)
        fake.stop()


def _stop_tree(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, as a user stops `serve`; whatever of its tree outlives a minute is killed."""
    tree = process_tree(proc.pid)
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    time.sleep(2)  # the workers and the resource tracker leave after the main process
    for pid in tree[1:]:
        with contextlib.suppress(OSError):  # only our own orphaned pool processes
            if b"multiprocessing" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(proc: subprocess.Popen[bytes], url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} not ready after {timeout} s")


# ------------------------------------------------------------------ orchestration


def run_child(*args: str) -> Json:
    done = subprocess.run([sys.executable, "-m", "benchmarks.scale_bench", "--child", *args],
                          cwd=ROOT, capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"child {args[0]} failed:\n{done.stderr[-3000:]}")
    result: Json = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def disk(kind: str, url: str, cache: Path) -> Json:
    from sqlalchemy import text

    from bot.lookup import snapshot
    from storage.db import make_engine

    engine = make_engine(url)
    if kind == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    else:
        with engine.connect() as conn:
            size = conn.scalar(text("SELECT pg_database_size(current_database())"))
    snap = snapshot.disk_size(snapshot.snapshot_dir(cache, engine))
    engine.dispose()
    return {"database_mib": size / 2**20, "snapshot_mib": snap / 2**20}


def run_step(step: str, kind: str, url: str, cache: Path, data: Path, jobs: int) -> Json:
    if step == "serve":
        return measure_serve(url, cache)
    if step == "disk":
        return disk(kind, url, cache)
    if step == "ingest":
        drop_ingested(url)
        sample = str(ingest_sample(data))
        out = {mode: run_child("ingest", url, mode, str(n), sample)
               for mode, n in (("raw", 1), ("one", 1), ("parallel", jobs))}  # fmt: skip
        out["speedup"] = out["parallel"]["rate"] / out["one"]["rate"]
        return out
    if step == "replay":  # from the snapshot, past the ingest step's changes
        result = run_child("startup", url, str(cache))
        drop_ingested(url)
        return result
    return run_child(step, url, str(cache))


def run_size(kind: str, size: int, args: argparse.Namespace) -> None:
    data: Path = args.data
    url = db_url(kind, size, data)
    cache = data / "cache"
    results_path = data / "results" / f"{kind}-{label(size)}.json"
    results: Json = json.loads(results_path.read_text()) if results_path.exists() else {}
    ensure_database(kind, url)
    if "synth" not in results:
        results["synth"] = {"seconds": synthesize(url, size), "articles": size}
        _save(results_path, results)
    for step in STEPS:
        if step not in args.steps or (step in results and step not in args.redo):
            continue
        print(f"{kind} {label(size)}: {step}", file=sys.stderr, flush=True)
        load = os.getloadavg()[0]
        results[step] = run_step(step, kind, url, cache, data, args.jobs)
        results[step]["load_before"] = load  # the machine is shared: say how busy it was
        results[step]["load_after"] = os.getloadavg()[0]
        _save(results_path, results)


def _save(path: Path, results: Json) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, indent=1))
    os.replace(tmp, path)


# ------------------------------------------------------------------ table

ROWS: list[tuple[str, Callable[[Json], float]]] = [
    ("ingest, 1 process (articles/s)", lambda r: r["ingest"]["one"]["rate"]),
    ("ingest, --jobs 2 (articles/s)", lambda r: r["ingest"]["parallel"]["rate"]),
    ("ingest speed-up, --jobs 2 / 1 process", lambda r: r["ingest"]["speedup"]),
    ("raw-insert floor (articles/s)", lambda r: r["ingest"]["raw"]["rate"]),
    ("index build (s)", lambda r: r["build"]["seconds"]),
    ("index build peak RSS (MiB)", lambda r: r["build"]["peak_rss_mib"]),
    ("start-up from snapshot (s)", lambda r: r["startup"]["seconds"]),
    ("start-up + replay after the ingest step (s)", lambda r: r["replay"]["seconds"]),
    ("  change-log rows replayed", lambda r: r["replay"]["log_rows_replayed"]),
    ("serve: start to /readyz (s)", lambda r: r["serve"]["ready_s"]),
    ("serve: PSS, all processes (MiB)", lambda r: r["serve"]["pss_mib"]),
    ("serve: RSS summed, all processes (MiB)", lambda r: r["serve"]["rss_mib"]),
    ("search p50 (ms)", lambda r: r["search"]["words"]["p50_ms"]),
    ("search p95 (ms)", lambda r: r["search"]["words"]["p95_ms"]),
    ("search top-1 (dev queries)", lambda r: r["search"]["words"]["top1"]),
    ("digest pass, 7-day window (ms)", lambda r: r["digest"]["pass_ms"]),
    ("database on disk (MiB)", lambda r: r["disk"]["database_mib"]),
    ("index snapshot on disk (MiB)", lambda r: r["disk"]["snapshot_mib"]),
]


def table(data: Path) -> str:
    lines = []
    for kind in ("sqlite", "postgres"):
        files = (data / "results").glob(f"{kind}-*.json")
        loaded = [(parse_size(p.stem.split("-")[1]), json.loads(p.read_text())) for p in files]
        runs = sorted(loaded, key=lambda t: t[0])
        if not runs:
            continue
        sizes = [s for s, _ in runs]
        head = " | ".join(label(s) for s in sizes)
        grow = ", ".join(f"{label(a)}→{label(b)}" for a, b in itertools.pairwise(sizes))
        lines += [f"\n**{kind}**\n", f"| cost | {head} | growth k ({grow}) |",
                  "|---|" + "---:|" * len(sizes) + "---|"]  # fmt: skip
        for name, get in ROWS:
            values = [_get(get, r) for _, r in runs]
            cells = " | ".join(_fmt(v) for v in values)
            lines.append(f"| {name} | {cells} | {_growth(sizes, values)} |")
    return "\n".join(lines)


def _get(get: Callable[[Json], float], result: Json) -> float | None:
    try:
        return float(get(result))
    except (KeyError, TypeError):
        return None


def _fmt(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if value < 1 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _growth(sizes: list[int], values: list[float | None]) -> str:
    """Exponent k in cost ~ size^k between neighbouring sizes (1 linear, 0 flat)."""
    parts = []
    for (a, va), (b, vb) in itertools.pairwise(zip(sizes, values, strict=True)):
        if va and vb and va > 0 and vb > 0:
            parts.append(f"k={math.log(vb / va) / math.log(b / a):.2f}")
    return ", ".join(parts) or "–"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k")
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--data", type=Path, default=Path("/work/scale_data"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--steps", default=",".join(STEPS), help="steps to run (none: only synthesize)"
    )
    parser.add_argument("--redo", default="", help="comma-separated steps to run again")
    parser.add_argument("--table", action="store_true", help="only print the stored results")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args.child)
    args.redo = set(filter(None, args.redo.split(",")))
    args.steps = set(filter(None, args.steps.split(",")))
    args.data.mkdir(parents=True, exist_ok=True)
    if not args.table:
        for size in map(parse_size, args.sizes.split(",")):
            for kind in args.db.split(","):
                run_size(kind, size, args)
    text = table(args.data)
    (args.data / "results" / "table.md").write_text(text + "\n")
    print(text)
    return 0


def _child(argv: list[str]) -> int:
    step, url, *rest = argv
    if step == "ingest":
        mode, jobs, sample = rest
        result = child_ingest(url, mode, int(jobs), sample)
    else:
        fn = {"build": child_build, "startup": child_startup, "search": child_search,
              "digest": child_digest}[step]  # fmt: skip
        result = fn(url, Path(rest[0]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
