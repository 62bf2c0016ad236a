"""Builds an index snapshot in a child process, so a long-running process maps the result
and keeps none of the build's garbage.

A process that built the index itself keeps its Python heap after mapping the snapshot
(CPython's allocator hands few arenas back): at 10.5k articles 142 MB private against
62 MB for a process that only mapped it, growing with the vocabulary. The child reads
the articles, builds, writes a snapshot generation and exits; the caller holds the
snapshot directory's lock meanwhile. The database URL goes over stdin, not argv, so
its password never shows in ``ps``. With ``"update": true`` it starts from the current
generation (mapped) and replays the changes since, instead of reading every article:
that is how `serve`'s main process has newer generations written without pausing or
growing itself. The parent side is ``bot.lookup.live.build_in_child``;
nothing imports this module, so ``python -m`` runs it fresh.

    python -m bot.lookup.builder < {"url": ..., "directory": ...}
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path


def main() -> int:
    from bot.lookup import meaning, snapshot
    from bot.lookup.live import LiveIndex
    from storage.db import make_engine
    from storage.search_index import SearchIndexStore

    spec = json.loads(sys.stdin.read())
    engine, directory = make_engine(spec["url"]), Path(spec["directory"])
    if spec.get("meaning"):  # the parent searches by meaning: its vectors join the snapshot
        meaning.attach(engine, spec["meaning"])
    live = LiveIndex()
    live.snapshot_dir = directory
    generation = None
    with contextlib.ExitStack() as stack:
        if spec.get("update") and not stack.enter_context(snapshot.locked(directory, wait=False)):
            print(json.dumps({"generation": None, "busy": True}))
            return 0
        with engine.connect() as conn:
            store = SearchIndexStore(conn)
            if spec.get("update") and live.follow_snapshot(store, engine):
                live.replay(store)  # only what changed since the current generation
            else:
                live.build_from_table(store, store.log_bounds())
            generation = snapshot.save(directory, store, engine, live.index, live.seq,
                                       sorted(live.pending))  # fmt: skip
    engine.dispose()
    print(json.dumps({"generation": generation}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
