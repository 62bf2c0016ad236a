"""Keeps one ``TermIndex`` per database in step with the articles table.

Before every search the index replays the trigger-fed change log (``search_changes``)
from where it left off: one indexed range query when nothing changed, a re-read of the
changed rows when something did. So an article is searchable by the very next query
after its transaction commits, in every process (Slack app, digest, CLI), and no
ingestion code has to call us.

With snapshots enabled (``enable_snapshots``: `serve`, `run` and the CLI do) the index
starts from the newest snapshot on disk (``bot.lookup.snapshot``), its arrays mapped
and shared by every process on the machine, and replays only the changes since. The
first process that finds no usable snapshot builds one under the directory's lock while
the others wait for it, so a machine builds the index once, not once per process. A
process that writes snapshots (the `serve`/`run` main process, the CLI) has a child
write a new generation after ``snapshot_due`` changes; every process looks for a newer
generation every few seconds and switches to it, dropping its own delta.
"""

from __future__ import annotations

import contextlib
import json
import logging
import subprocess
import sys
import threading
import time
import weakref
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from bot.lookup import meaning
from bot.lookup import snapshot as index_snapshot
from bot.lookup.index import TermIndex
from storage.models import utcnow
from storage.search_index import LogBounds, SearchIndexStore

log = logging.getLogger(__name__)

# PostgreSQL can commit sequence numbers out of order; a gap is re-asked this long
# before we accept it was a rolled-back transaction.
GAP_PATIENCE_S = 120.0
# How far below the log head a fresh build looks for gaps of in-flight transactions.
GAP_LOOKBACK = 1000
LOG_RETENTION = timedelta(days=1)
PRUNE_EVERY_S = 3600.0
BOUNDS_EVERY_S = 5.0
# A snapshot is rewritten once this many articles changed since it was taken, or one in
# SNAPSHOT_AFTER_SHARE of the index at scale: every change since the snapshot is replayed
# by each starting process (~1-2 ms each), and a rewrite packs the whole index.
SNAPSHOT_AFTER_CHANGES = 2000
SNAPSHOT_AFTER_SHARE = 100


class LiveIndex:
    """The index for one engine plus its position in the change log."""

    def __init__(self) -> None:
        self.snapshot_dir: Path | None = None
        self.writes_snapshots = False
        self.generation: str | None = None  # the snapshot generation the index came from
        self._unsaved = 0
        self.index = TermIndex()
        self.seq = 0
        self.pending: dict[int, float] = {}
        self.built = False
        self.lock = threading.RLock()
        self._last_prune = 0.0
        self._last_bounds = 0.0
        self.writer_thread: threading.Thread | None = None

    def refresh(self, engine: Engine) -> TermIndex:
        """Bring the index up to the last committed change; rebuild when we fell behind.

        Reads go through a connection of their own, so only committed articles are seen.
        """
        with self.lock, engine.connect() as conn:
            store = SearchIndexStore(conn)
            due = not self.built or self._bounds_due()
            if due and self.snapshot_dir is not None:
                self.follow_snapshot(store, engine)
            if due:
                bounds = store.log_bounds()
                if not self.built or self._fell_behind(bounds):
                    self._rebuild(store, bounds, engine)
                else:
                    self.replay(store)
            else:
                self.replay(store)
            if self.index.needs_compaction():
                self.index.compact()
            if self.snapshot_dir is not None and self.writes_snapshots and self.snapshot_due():
                self._start_writer(engine)
            self._maybe_prune(conn)
            return self.index

    def snapshot_due(self) -> bool:
        live = self.index.live_count
        return self._unsaved >= live or self._unsaved >= max(
            SNAPSHOT_AFTER_CHANGES, live // SNAPSHOT_AFTER_SHARE
        )

    def _start_writer(self, engine: Engine) -> None:
        """Write a newer generation in a child process, from a background thread: the
        child maps the current snapshot, replays, compacts and writes, so this process
        neither waits nor grows (every process, this one too, switches to it at its next
        bounds check)."""
        if self.writer_thread is not None and self.writer_thread.is_alive():
            return
        self._unsaved = 0  # not retried until more changes come in, whether it works or not
        assert self.snapshot_dir is not None
        self.writer_thread = threading.Thread(
            target=build_in_child, args=(engine, self.snapshot_dir),
            kwargs={"update": True}, name="index-snapshot", daemon=True,
        )  # fmt: skip
        self.writer_thread.start()

    def _bounds_due(self) -> bool:
        """Resets and pruning are rare: look for them every few seconds, not every query."""
        now = time.monotonic()
        if now - self._last_bounds < BOUNDS_EVERY_S:
            return False
        self._last_bounds = now
        return True

    def _fell_behind(self, bounds: LogBounds) -> bool:
        """The log was reset (restored backup, truncation) or pruned past our position."""
        if bounds.high is None:
            return self.seq > 0
        if bounds.high < self.seq:
            return True
        return bounds.low is not None and bounds.low > self.seq + 1

    def _rebuild(self, store: SearchIndexStore, bounds: LogBounds, engine: Engine) -> None:
        """Build from the articles table; with snapshots, once per machine: under the lock,
        in a child process (``bot.lookup.builder``), then mapped here."""
        if self.snapshot_dir is None:
            self.build_from_table(store, bounds)
            return
        with index_snapshot.locked(self.snapshot_dir, wait=True):
            if not self.built and self.follow_snapshot(store, engine):
                return  # another process built it while we waited for the lock
            if build_in_child(engine, self.snapshot_dir) and self.follow_snapshot(store, engine):
                return
            self.build_from_table(store, bounds)  # e.g. a log too empty to anchor a snapshot
            self._save_snapshot(store, engine, wait=None)

    def build_from_table(self, store: SearchIndexStore, bounds: LogBounds) -> None:
        high = bounds.high or 0
        # Read the log position first: changes racing with the build are replayed later.
        seen = {s for s, _ in store.changes_after(max(high - GAP_LOOKBACK, 0))}
        self.index = TermIndex.build(store.iter_rows())
        now = time.monotonic()
        self.pending = {
            s: now for s in range(max(high - GAP_LOOKBACK, 0) + 1, high) if s not in seen
        }
        self.seq = high
        self.built = True
        self._unsaved = max(self.index.live_count, 1)

    def replay(self, store: SearchIndexStore) -> None:
        changes = store.changes_after(self.seq, self.pending)
        if not changes:
            self._expire_gaps()
            return
        now = time.monotonic()
        returned = {s for s, _ in changes}
        for s in returned:
            self.pending.pop(s, None)
        high = max(returned)
        for s in range(self.seq + 1, high):
            if s not in returned:
                self.pending[s] = now
        self.seq = max(self.seq, high)
        self._expire_gaps()
        changed = sorted({article_id for _, article_id in changes})
        self.apply(store, changed)
        self._unsaved += len(changed)

    def apply(self, store: SearchIndexStore, article_ids: list[int]) -> None:
        """Re-read these articles: present ones are re-indexed, missing ones removed."""
        rows = {row.id: row for row in store.rows(article_ids)}
        for article_id in article_ids:
            row = rows.get(article_id)
            if row is None:
                self.index.remove(article_id)
            else:
                self.index.upsert(row)

    def follow_snapshot(self, store: SearchIndexStore, engine: Engine) -> bool:
        """Switch to a newer snapshot generation if one was written; True if we did."""
        assert self.snapshot_dir is not None
        generation = index_snapshot.current_generation(self.snapshot_dir)
        if generation is None or generation == self.generation:
            return False
        snap = index_snapshot.load(self.snapshot_dir, generation, store, engine)
        if snap is None:
            return False
        now = time.monotonic()
        self.index, self.seq, self.built = snap.index, snap.seq, True
        self.generation = generation
        self.pending = {s: now for s in snap.pending}
        self._unsaved = 0
        return True

    def _save_snapshot(self, store: SearchIndexStore, engine: Engine, *,
                       wait: bool | None) -> None:  # fmt: skip
        """Write a generation and map it back (dropping this process's private arrays).

        ``wait=None``: the caller holds the lock already; False: skip if another
        process is writing.
        """
        assert self.snapshot_dir is not None
        with contextlib.ExitStack() as stack:
            if wait is not None and not stack.enter_context(
                index_snapshot.locked(self.snapshot_dir, wait=wait)
            ):
                return
            # Not retried until more changes come in, whether it worked or not (a database
            # whose log is empty, e.g. filled before migration 0002, cannot anchor one).
            self._unsaved = 0
            written = index_snapshot.save(self.snapshot_dir, store, engine, self.index,
                                          self.seq, sorted(self.pending))  # fmt: skip
            if written is None:
                return
            seq, pending = self.seq, dict(self.pending)
            self.generation = None
            if self.follow_snapshot(store, engine):
                self.seq, self.pending = seq, pending

    def _expire_gaps(self) -> None:
        cutoff = time.monotonic() - GAP_PATIENCE_S
        self.pending = {s: t for s, t in self.pending.items() if t >= cutoff}

    def _maybe_prune(self, conn: Connection) -> None:
        """Hourly, drop log rows older than a day; a process that slept longer rebuilds."""
        if time.monotonic() - self._last_prune < PRUNE_EVERY_S:
            return
        self._last_prune = time.monotonic()
        conn.commit()
        sqlite = conn.dialect.name == "sqlite"
        try:
            if sqlite:  # never queue a search behind a long import's write lock
                conn.exec_driver_sql("PRAGMA busy_timeout=0")
            SearchIndexStore(conn).prune(utcnow() - LOG_RETENTION)
            conn.commit()
        except OperationalError:
            conn.rollback()
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA busy_timeout=30000")


def build_in_child(engine: Engine, directory: Path, *, update: bool = False) -> bool:
    """Build and write a snapshot of ``engine``'s database in a child process
    (``bot.lookup.builder``: the parent maps the result and keeps no build garbage);
    True if it did. The caller holds the directory's lock, except with ``update``: then
    the child takes it (without waiting) and starts from the current generation."""
    spec = {"url": engine.url.render_as_string(hide_password=False), "directory": str(directory),
            "update": update, "meaning": meaning.model_for(engine)}  # fmt: skip
    try:
        done = subprocess.run([sys.executable, "-m", "bot.lookup.builder"], input=json.dumps(spec),
                              capture_output=True, text=True, check=False)  # fmt: skip
    except OSError as exc:
        log.warning("could not start the index builder: %s", exc)
        return False
    if done.returncode != 0:
        log.warning("index builder failed (%s): %s", done.returncode, done.stderr[-2000:])
        return False
    return json.loads(done.stdout or "{}").get("generation") is not None


_REGISTRY: weakref.WeakKeyDictionary[Engine, LiveIndex] = weakref.WeakKeyDictionary()
_REGISTRY_LOCK = threading.Lock()


def enable_snapshots(engine: Engine, directory: Path, *, writer: bool = True) -> None:
    """Let this engine's index start from, and share, the snapshots in ``directory``.

    ``writer``: this process also writes newer generations as changes come in (one per
    machine is enough: `serve` makes its main process the writer, its answer workers
    only read). Any process builds the first snapshot if none is usable.
    """
    live = live_index_for(engine)
    live.snapshot_dir = index_snapshot.snapshot_dir(directory, engine)
    live.writes_snapshots = writer


def is_ready(engine: Engine) -> bool:
    """Whether this process's index for ``engine`` is loaded or built (for readiness)."""
    return live_index_for(engine).built


def live_index_for(engine: Engine) -> LiveIndex:
    """The process-wide index of this engine's database, created on first use."""
    with _REGISTRY_LOCK:
        live = _REGISTRY.get(engine)
        if live is None:
            live = _REGISTRY[engine] = LiveIndex()
        return live
