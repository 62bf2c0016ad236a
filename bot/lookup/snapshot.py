"""Index snapshots on disk: a directory of numpy arrays and a manifest, mapped by every
process on the machine, so answer workers share one copy of the index.

Layout, one directory per database URL (password left out of the name)::

    search-index-<hash of URL>/
        CURRENT                  name of the newest complete generation (replaced atomically)
        lock                     flock: one process builds or writes at a time
        gen-<seq>-<time>-<pid>/  one generation
            manifest.json        format, code fingerprint, database instance, log position
            <part>/<array>.npy   one .npy file per array of each part

A generation is written into a temporary directory, fsynced and renamed; only then does
``CURRENT`` name it. Readers open the arrays with ``np.load(mmap_mode="r")``: the pages
live in the page cache once and every process that maps them shares them (measured in
docs/benchmarks.md, "Scale"). The two newest generations are kept, so a process that is
just opening the previous one never finds it gone; Linux keeps an unlinked file's pages
for processes that still map it.

A snapshot is trusted only for the database it was taken from and only from a log
position that database still has: the random instance id of migration 0002 must match,
and the change-log row at the snapshot's position must be the same row (article id and
time). Changes after that position are replayed as usual. A snapshot written by other
code (any change to the index or text normalisation) is ignored, not loaded.

Other components add their own arrays as a *part* (see ``register_part``): e.g. an
embedding matrix with one row per slot of the term index. Each part is a ``Part``
(named arrays plus JSON-able meta); parts are written and mapped the same way.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from sqlalchemy import Engine

from bot.intelligence import stopwords
from bot.lookup import index, scoring, textnorm
from bot.lookup.index import TermIndex
from storage.search_index import SearchIndexStore

log = logging.getLogger(__name__)

FORMAT = 2
TERMS = "terms"  # the term index's own part
KEEP_GENERATIONS = 2


def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    index_files = sorted(Path(index.__file__ or "").parent.glob("*.py"))
    for path in [*index_files, *(Path(m.__file__ or "") for m in (textnorm, scoring, stopwords))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_FINGERPRINT = _code_fingerprint()


@dataclass
class Part:
    """One component's share of a snapshot: named arrays and a little JSON-able data."""

    arrays: Mapping[str, npt.NDArray[Any]]
    meta: dict[str, Any] = field(default_factory=dict)


class PartProvider(Protocol):
    """What a component registers to keep its arrays in the index snapshot.

    ``dump`` is called by the process writing a snapshot, right after the term index was
    compacted (slots are 0..n-1 in ``index.docs.article_of`` order); it returns None to
    leave its part out. ``load`` is called in every process that opens the snapshot,
    with the arrays mapped read-only; a provider whose part is missing (an older
    snapshot) builds its state itself.
    """

    def dump(self, engine: Engine, index: TermIndex) -> Part | None: ...

    def load(self, engine: Engine, index: TermIndex, part: Part | None) -> None: ...


_PROVIDERS: dict[str, PartProvider] = {}


def register_part(name: str, provider: PartProvider) -> None:
    """Add ``provider``'s arrays to every snapshot written from now on, under ``name``."""
    if name == TERMS or "/" in name or name.startswith("."):
        raise ValueError(f"snapshot part name {name!r} is taken or not a plain name")
    _PROVIDERS[name] = provider


@dataclass
class Snapshot:
    generation: str
    seq: int
    pending: list[int]
    index: TermIndex


def snapshot_dir(directory: Path, engine: Engine) -> Path:
    """The snapshot directory of one database URL (password left out of the name)."""
    url = engine.url.render_as_string(hide_password=True)
    return directory / f"search-index-{hashlib.sha1(url.encode()).hexdigest()[:16]}"


def current_generation(directory: Path) -> str | None:
    try:
        name = (directory / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return name or None


@contextlib.contextmanager
def locked(directory: Path, *, wait: bool) -> Iterator[bool]:
    """Hold the directory's writer lock; yields False when ``wait`` is off and it is taken."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "lock").open("a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def save(directory: Path, store: SearchIndexStore, engine: Engine, term_index: TermIndex,
         seq: int, pending: list[int]) -> str | None:  # fmt: skip
    """Write a new generation (the caller holds ``locked``); its name, or None when the
    log position cannot be recognised later or the disk refused."""
    instance, anchor = store.instance_id(), store.change_at(seq)
    if not instance or anchor is None:
        return None
    arrays, meta = term_index.arrays()  # compacts
    parts = {TERMS: Part(arrays, meta)}
    for name, provider in _PROVIDERS.items():
        extra = provider.dump(engine, term_index)
        if extra is not None:
            parts[name] = extra
    manifest = {"format": FORMAT, "code": CODE_FINGERPRINT, "instance": instance, "seq": seq,
                "anchor": [anchor[0], _when(anchor[1])], "pending": pending,
                "written_at": time.time(),
                "parts": {n: {"meta": p.meta, "arrays": sorted(p.arrays)}
                          for n, p in parts.items()}}  # fmt: skip
    name = f"gen-{seq:012d}-{time.time_ns()}-{os.getpid()}"
    tmp = directory / f".tmp-{name}"
    try:
        _write(tmp, manifest, parts)
        os.replace(tmp, directory / name)
        _fsync_dir(directory)
        pointer = directory / f".CURRENT.{os.getpid()}"
        pointer.write_text(name, encoding="utf-8")
        os.replace(pointer, directory / "CURRENT")
        _fsync_dir(directory)
    except OSError as exc:
        log.warning("could not write index snapshot in %s: %s", directory, exc)
        shutil.rmtree(tmp, ignore_errors=True)
        return None
    _drop_old(directory, keep=name)
    return name


def _write(tmp: Path, manifest: dict[str, Any], parts: Mapping[str, Part]) -> None:
    tmp.mkdir(parents=True)
    for part_name, part in parts.items():
        (tmp / part_name).mkdir()
        for array_name, array in part.arrays.items():
            with (tmp / part_name / f"{array_name}.npy").open("wb") as fh:
                np.save(fh, np.ascontiguousarray(array), allow_pickle=False)
                fh.flush()
                os.fsync(fh.fileno())
    with (tmp / "manifest.json").open("w", encoding="utf-8") as fh:
        json.dump(manifest, fh)
        fh.flush()
        os.fsync(fh.fileno())
    _fsync_dir(tmp)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _drop_old(directory: Path, keep: str) -> None:
    generations = sorted(p for p in directory.glob("gen-*") if p.is_dir())
    old = [p for p in generations if p.name != keep][: -(KEEP_GENERATIONS - 1) or None]
    for path in [*old, *directory.glob(".tmp-*")]:
        if path.name != keep:
            shutil.rmtree(path, ignore_errors=True)


def load(directory: Path, generation: str, store: SearchIndexStore,
         engine: Engine) -> Snapshot | None:  # fmt: skip
    """The generation if it belongs to this database and code, its arrays mapped; else None."""
    path = directory / generation
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("code") != CODE_FINGERPRINT:
            return None
        if manifest["instance"] != store.instance_id():
            return None
        anchor = store.change_at(manifest["seq"])
        if anchor is None or [anchor[0], _when(anchor[1])] != manifest["anchor"]:
            return None
        parts = {name: Part(_map_arrays(path / name, spec["arrays"]), spec["meta"])
                 for name, spec in manifest["parts"].items()}  # fmt: skip
        term_index = TermIndex.from_arrays(parts[TERMS].arrays, parts[TERMS].meta)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged snapshot must never break a search
        log.warning("ignoring unreadable index snapshot %s: %s", path, exc)
        return None
    for name, provider in _PROVIDERS.items():
        provider.load(engine, term_index, parts.get(name))
    return Snapshot(generation, int(manifest["seq"]), list(manifest["pending"]), term_index)


def _map_arrays(path: Path, names: list[str]) -> dict[str, npt.NDArray[Any]]:
    arrays: dict[str, npt.NDArray[Any]] = {}
    for name in names:
        file = path / f"{name}.npy"
        try:
            arrays[name] = np.load(file, mmap_mode="r", allow_pickle=False)
        except ValueError:  # an empty array cannot be mapped
            arrays[name] = np.load(file, allow_pickle=False)
    return arrays


def _when(value: datetime) -> str:
    return value.isoformat()


def disk_size(directory: Path) -> int:
    """Bytes of the current generation (for benchmarks and `stats`)."""
    generation = current_generation(directory)
    if generation is None:
        return 0
    return sum(p.stat().st_size for p in (directory / generation).rglob("*") if p.is_file())
