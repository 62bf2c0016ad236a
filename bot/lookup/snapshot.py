"""Index snapshots on disk, so a one-off CLI search starts without rebuilding the index.

A snapshot is trusted only for the database it was taken from and only from a log
position that database still has: the random instance id of migration 0002 must match,
and the change-log row at the snapshot's position must be the same row (article id and
time). Changes after that position are replayed as usual. A snapshot written by other
code (any change to the index or text normalisation) is ignored, not loaded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from bot.intelligence import stopwords
from bot.lookup import index, scoring, textnorm
from bot.lookup.index import TermIndex
from storage.search_index import SearchIndexStore

log = logging.getLogger(__name__)


def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    index_files = sorted(Path(index.__file__ or "").parent.glob("*.py"))
    for path in [*index_files, *(Path(m.__file__ or "") for m in (textnorm, scoring, stopwords))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_FINGERPRINT = _code_fingerprint()


@dataclass
class Snapshot:
    code: str
    instance: str
    seq: int
    anchor: tuple[int, datetime]
    pending: list[int]
    index: TermIndex


def snapshot_path(directory: Path, engine: Engine) -> Path:
    """One file per database URL (password left out of the name)."""
    url = engine.url.render_as_string(hide_password=True)
    return directory / f"search-index-{hashlib.sha1(url.encode()).hexdigest()[:16]}.pickle"


def save(path: Path, store: SearchIndexStore, index: TermIndex, seq: int,
         pending: list[int]) -> bool:  # fmt: skip
    """Write atomically; skipped when the log position cannot be recognised later."""
    instance, anchor = store.instance_id(), store.change_at(seq)
    if not instance or anchor is None:
        return False
    index.prepare()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    try:
        with tmp.open("wb") as fh:
            snap = Snapshot(CODE_FINGERPRINT, instance, seq, anchor, pending, index)
            pickle.dump(snap, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not write index snapshot %s: %s", path, exc)
        tmp.unlink(missing_ok=True)
        return False
    return True


def load(path: Path, store: SearchIndexStore) -> Snapshot | None:
    """The snapshot at ``path`` if it belongs to this database and code, else None."""
    try:
        with path.open("rb") as fh:
            snap = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged cache file must never break a search
        log.warning("ignoring unreadable index snapshot %s: %s", path, exc)
        return None
    if not isinstance(snap, Snapshot) or snap.code != CODE_FINGERPRINT:
        return None
    if snap.instance != store.instance_id() or store.change_at(snap.seq) != snap.anchor:
        return None
    return snap
