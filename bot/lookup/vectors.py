"""Exact nearest-neighbour search over every article vector, in memory, with numpy.

Why no ANN library (usearch, hnswlib, faiss): measured on the 2-core shared machine
(``benchmarks/vectors_bench.py``, 2026-11-29), ``nearest`` over 100,000 x 512 float32
takes 13.5 ms (the cosines by one pass over the matrix, then the top k), and with 1,000
``allowed`` ids 0.5 ms. An approximate index pays off only when that becomes the
bottleneck, around a million articles; below that exact search is simpler, never misses,
and filters (``allowed``) select rows instead of re-searching. Memory: 100k x 512 x 4 B
= 205 MB (e5's 384 dimensions: 154 MB), once per machine: the matrices are a part of the
index snapshot (``bot.lookup.meaning.SnapshotVectors``), mapped read-only by every
process (``adopt``); only rows written since live in a process's own memory. `serve` at
100k articles with use+e5: 1,671 MB in all before, 1,308 MB after.

Keeping in step with the database (``article_vectors``, written by the embedder in any
process or replica), the simplest way that stays correct:

* every ``refresh`` reads the rows above the highest article id loaded (one indexed range
  query; new articles are embedded in id order or newest first, so this is where they
  appear), so a vector saved a moment ago counts at the next question;
* every ``CHECK_EVERY_S`` it also reads the rows written since the last check (minus
  ``WRITE_OVERLAP``, for transactions that committed late or clocks a little apart):
  re-encoded articles (their content changed) and vectors of older ids (a backlog being
  embedded while the bot runs);
* a full reload when the table holds fewer rows than the index (articles were deleted)
  or more (a row was missed).

Load time at 100k x 512: 1.4 s from SQLite, 3.4 s from PostgreSQL (the first
``refresh``); an idle ``refresh`` (nothing new) 0.3 ms on SQLite, 1.2 ms on PostgreSQL.
"""

from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, Engine

from bot.lookup.embeddings import storage_name
from storage import vectors as store
from storage.models import utcnow

CHECK_EVERY_S = 5.0
WRITE_OVERLAP = timedelta(seconds=30)
# Rows added beyond what is needed when the matrix grows: amortises the copies without
# doubling 200 MB.
GROWTH = 1.25
MIN_GROWTH_ROWS = 1024

Ids = npt.NDArray[np.int64]
Vectors = npt.NDArray[np.float32]
_EMPTY_IDS, _EMPTY_SCORES = np.zeros(0, np.int64), np.zeros(0, np.float32)


@dataclass
class _Base:
    """Vectors mapped read-only from the index snapshot, shared by every process of a
    machine; a row rewritten since is masked here and lives on in the private part."""

    ids: Ids  # ascending
    matrix: Vectors
    live: npt.NDArray[np.bool_]

    def rows_of(self, wanted: Ids) -> npt.NDArray[np.intp]:
        """Live rows of the ``wanted`` article ids that are here."""
        if not len(self.ids) or not len(wanted):
            return np.zeros(0, np.intp)
        pos = np.minimum(np.searchsorted(self.ids, wanted), len(self.ids) - 1)
        rows = pos[self.ids[pos] == wanted]
        return rows[self.live[rows]]

    def cosines(self, query: Vectors, allowed: Ids | None) -> tuple[Ids, Vectors]:
        if allowed is None:
            rows = np.flatnonzero(self.live)
        elif len(allowed) * 4 > len(self.ids):
            rows = np.flatnonzero(np.isin(self.ids, allowed) & self.live)
        else:
            rows = self.rows_of(allowed)
        if len(rows) == len(self.ids):
            return self.ids, _dot(self.matrix, query)
        return self.ids[rows], _dot(self.matrix[rows], query)


class VectorIndex:
    """All vectors of one model: slot i holds article ``ids[i]``'s row of ``matrix``."""

    def __init__(self, model: str) -> None:
        self.model = storage_name(model)
        self._lock = threading.RLock()
        self._ids: Ids = np.zeros(0, np.int64)  # capacity rows; the first _n are used
        self._matrix: Vectors = np.zeros((0, 0), np.float32)
        self._n = 0
        self._slots: dict[int, int] = {}
        self._base: _Base | None = None
        self._base_count = 0
        self._last_id = 0
        self._loaded = False
        self._written_after: datetime | None = None
        self._last_check = 0.0

    def __len__(self) -> int:
        return self._n + self._base_count

    def adopt(self, ids: Ids, matrix: Vectors, written_after: datetime) -> None:
        """Start from vectors mapped from the index snapshot (ascending ``ids``); rows
        written after ``written_after`` are read at the next ``refresh``."""
        with self._lock:
            self._base = _Base(ids, matrix, np.ones(len(ids), dtype=bool))
            self._base_count = len(ids)
            self._ids, self._n, self._slots = _EMPTY_IDS, 0, {}
            self._matrix = np.zeros((0, 0), np.float32)
            self._last_id = int(ids.max()) if len(ids) else 0
            self._written_after, self._loaded, self._last_check = written_after, True, 0.0

    def refresh(self, engine: Engine) -> None:
        """Read what was written since the last refresh (see the module docstring)."""
        with self._lock, engine.connect() as conn:
            if not self._loaded:
                self._reload(conn)
                return
            self._put(store.load_since(conn, self.model, self._last_id))
            if time.monotonic() - self._last_check >= CHECK_EVERY_S:
                self._reconcile(conn)

    def _reload(self, conn: Connection) -> None:
        mark = utcnow() - WRITE_OVERLAP
        ids, matrix = store.load_since(conn, self.model, 0)
        self._base, self._base_count = None, 0
        self._ids, self._n = ids, len(ids)
        self._matrix = matrix if matrix.flags.writeable else matrix.copy()
        self._slots = {int(article_id): slot for slot, article_id in enumerate(ids.tolist())}
        self._last_id = int(ids.max()) if len(ids) else 0
        self._written_after, self._loaded = mark, True
        self._last_check = time.monotonic()

    def _reconcile(self, conn: Connection) -> None:
        self._last_check = time.monotonic()
        stored = store.count(conn, self.model)
        if stored < len(self):  # articles were deleted (their vectors cascade)
            self._reload(conn)
            return
        mark = utcnow() - WRITE_OVERLAP
        assert self._written_after is not None
        self._put(store.load_written_since(conn, self.model, self._written_after))
        self._written_after = mark
        if stored > len(self):  # a row committed later than the overlap: start afresh
            self._reload(conn)

    def _put(self, loaded: store.Loaded) -> None:
        """Replace the rows of known articles, append the others."""
        ids, matrix = loaded
        if not len(ids):
            return
        slots = np.fromiter((self._slots.get(i, -1) for i in ids.tolist()), np.int64, len(ids))
        known = slots >= 0
        if known.any():
            self._matrix[slots[known]] = matrix[known]
        fresh_ids, fresh = ids[~known], matrix[~known]
        if self._base is not None:  # rewritten since the snapshot: the new row wins
            stale = self._base.rows_of(fresh_ids)
            self._base.live[stale] = False
            self._base_count -= len(stale)
        self._reserve(self._n + len(fresh_ids), matrix.shape[1])
        end = self._n + len(fresh_ids)
        self._matrix[self._n : end] = fresh
        self._ids[self._n : end] = fresh_ids
        for offset, article_id in enumerate(fresh_ids.tolist()):
            self._slots[article_id] = self._n + offset
        self._n = end
        self._last_id = max(self._last_id, int(ids.max()))

    def _reserve(self, rows: int, dim: int) -> None:
        if rows <= len(self._ids) and self._matrix.shape[1] == dim:
            return
        capacity = max(rows, int(len(self._ids) * GROWTH) + MIN_GROWTH_ROWS)
        matrix = np.zeros((capacity, dim), np.float32)
        ids = np.zeros(capacity, np.int64)
        if self._n:
            matrix[: self._n] = self._matrix[: self._n]
            ids[: self._n] = self._ids[: self._n]
        self._matrix, self._ids = matrix, ids  # readers keep the arrays they took

    def _view(self) -> tuple[Ids, Vectors]:
        with self._lock:
            return self._ids[: self._n], self._matrix[: self._n]

    def scores(self, query: npt.ArrayLike) -> tuple[Ids, Vectors]:
        """Every article id and its cosine with ``query`` (a unit vector), for fusion."""
        return self._candidates(query, None)

    def nearest(
        self, query: npt.ArrayLike, k: int, allowed: npt.ArrayLike | None = None
    ) -> list[tuple[int, float]]:
        """The ``k`` articles closest to ``query``, best first, as (id, cosine); with
        ``allowed``, only among those article ids."""
        if k <= 0:
            return []
        ids, scores = self._candidates(query, allowed)
        if len(scores) > k:
            top = np.argpartition(-scores, k - 1)[:k]
            ids, scores = ids[top], scores[top]
        order = np.argsort(-scores, kind="stable")
        return [(int(ids[i]), float(scores[i])) for i in order]

    def cosines(self, query: npt.ArrayLike, allowed: npt.ArrayLike) -> tuple[Ids, Vectors]:
        """Every ``allowed`` article that has a vector, and its cosine with ``query``."""
        return self._candidates(query, allowed)

    def _candidates(
        self, query: npt.ArrayLike, allowed: npt.ArrayLike | None
    ) -> tuple[Ids, Vectors]:
        wanted = None if allowed is None else np.asarray(allowed, dtype=np.int64).ravel()
        with self._lock:
            base = self._base
            ids, matrix = self._ids[: self._n], self._matrix[: self._n]
            if wanted is None:
                slots = None
            elif len(wanted) * 4 > len(ids):  # most of the index: one product and a mask
                slots = np.flatnonzero(np.isin(ids, wanted))
            else:  # a few: look their rows up
                found = (self._slots.get(i, -1) for i in wanted.tolist())
                slots = np.fromiter(found, np.int64, len(wanted))
                slots = slots[slots >= 0]
        parts = [] if base is None else [base.cosines(_as_query(query, base.matrix.shape[1]),
                                                      wanted)]  # fmt: skip
        if len(ids) and (slots is None or len(slots)):
            rows = matrix if slots is None else matrix[slots]
            picked = ids if slots is None else ids[slots]
            parts.append((picked.copy(), _dot(rows, _as_query(query, matrix.shape[1]))))
        parts = [part for part in parts if len(part[0])]
        if not parts:
            return _EMPTY_IDS, _EMPTY_SCORES
        if len(parts) == 1:
            return parts[0]
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def _dot(matrix: Vectors, query: Vectors) -> Vectors:
    """Cosines by einsum's own loop, not BLAS: OpenBLAS woke a second thread for it, and on
    the busy 2-core machine 1,000 rows took 8 ms instead of 0.15 ms (100k rows: 12.7 ms,
    as fast as one-thread BLAS), and no process-wide thread setting has to change."""
    return np.einsum("ij,j->i", matrix, query)


def _as_query(query: npt.ArrayLike, dim: int) -> Vectors:
    vector = np.asarray(query, dtype=np.float32).ravel()
    if vector.shape != (dim,):
        raise ValueError(f"query has {vector.size} values; this index holds {dim}")
    return vector


# Per engine object, as the term index (bot.lookup.live): two services over one database
# in one process (tests, the evaluation) keep their own state.
_REGISTRY: weakref.WeakKeyDictionary[Engine, dict[str, VectorIndex]] = weakref.WeakKeyDictionary()
_REGISTRY_LOCK = threading.Lock()


def vector_index_for(engine: Engine, model: str) -> VectorIndex:
    """The index of ``model``'s vectors in ``engine``'s database (``model``: the setting's
    ``use``/``e5`` or the stored name). Not loaded: call ``refresh``."""
    name = storage_name(model)
    with _REGISTRY_LOCK:
        indexes = _REGISTRY.setdefault(engine, {})
        index = indexes.get(name)
        if index is None:
            index = indexes[name] = VectorIndex(name)
        return index
