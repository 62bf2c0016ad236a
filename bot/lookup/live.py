"""Keeps one in-memory ``TermIndex`` per database in step with the articles table.

Before every search the index replays the trigger-fed change log (``search_changes``)
from where it left off: one indexed range query when nothing changed, a re-read of the
changed rows when something did. So an article is searchable by the very next query
after its transaction commits, in every process (Slack app, digest, CLI), and no
ingestion code has to call us.
"""

from __future__ import annotations

import threading
import time
import weakref
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from bot.lookup import snapshot as index_snapshot
from bot.lookup.index import TermIndex
from storage.models import utcnow
from storage.search_index import LogBounds, SearchIndexStore

# PostgreSQL can commit sequence numbers out of order; a gap is re-asked this long
# before we accept it was a rolled-back transaction.
GAP_PATIENCE_S = 120.0
# How far below the log head a fresh build looks for gaps of in-flight transactions.
GAP_LOOKBACK = 1000
LOG_RETENTION = timedelta(days=1)
PRUNE_EVERY_S = 3600.0
BOUNDS_EVERY_S = 5.0
# A snapshot is rewritten once this many articles changed since it was taken.
SNAPSHOT_AFTER_CHANGES = 2000


class LiveIndex:
    """The index for one engine plus its position in the change log."""

    def __init__(self) -> None:
        self.snapshot_path: Path | None = None
        self._unsaved = 0
        self.index = TermIndex()
        self.seq = 0
        self.pending: dict[int, float] = {}
        self.built = False
        self.lock = threading.RLock()
        self._last_prune = 0.0
        self._last_bounds = 0.0

    def refresh(self, engine: Engine) -> TermIndex:
        """Bring the index up to the last committed change; rebuild when we fell behind.

        Reads go through a connection of their own, so only committed articles are seen.
        """
        with self.lock, engine.connect() as conn:
            store = SearchIndexStore(conn)
            if not self.built and self.snapshot_path is not None:
                self._load_snapshot(store)
            if not self.built or self._bounds_due():
                bounds = store.log_bounds()
                if not self.built or self._fell_behind(bounds):
                    self._rebuild(store, bounds)
                else:
                    self._replay(store)
            else:
                self._replay(store)
            if self.index.needs_compaction():
                self.index.compact()
            if self.snapshot_path is not None and self._unsaved:
                self._save_snapshot(store)
            self._maybe_prune(conn)
            return self.index

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

    def _rebuild(self, store: SearchIndexStore, bounds: LogBounds) -> None:
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

    def _replay(self, store: SearchIndexStore) -> None:
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

    def _load_snapshot(self, store: SearchIndexStore) -> None:
        assert self.snapshot_path is not None
        snap = index_snapshot.load(self.snapshot_path, store)
        if snap is None:
            return
        now = time.monotonic()
        self.index, self.seq, self.built = snap.index, snap.seq, True
        self.pending = {s: now for s in snap.pending}

    def _save_snapshot(self, store: SearchIndexStore) -> None:
        """After a rebuild, or once enough changes were replayed to make loading slow."""
        if self._unsaved < SNAPSHOT_AFTER_CHANGES and self._unsaved < self.index.live_count:
            return
        assert self.snapshot_path is not None
        # Not retried until more changes come in, whether it worked or not (a database
        # whose log is empty, e.g. filled before migration 0002, cannot anchor one).
        index_snapshot.save(self.snapshot_path, store, self.index, self.seq, sorted(self.pending))
        self._unsaved = 0

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


_REGISTRY: weakref.WeakKeyDictionary[Engine, LiveIndex] = weakref.WeakKeyDictionary()
_REGISTRY_LOCK = threading.Lock()


def enable_snapshots(engine: Engine, directory: Path) -> None:
    """Let this engine's index start from, and keep, a snapshot in ``directory``.

    For short-lived processes (the CLI); long-running ones build once and keep it.
    """
    live_index_for(engine).snapshot_path = index_snapshot.snapshot_path(directory, engine)


def live_index_for(engine: Engine) -> LiveIndex:
    """The process-wide index of this engine's database, created on first use."""
    with _REGISTRY_LOCK:
        live = _REGISTRY.get(engine)
        if live is None:
            live = _REGISTRY[engine] = LiveIndex()
        return live
