"""Gives stored articles their vectors: in bulk (`newsroom-bot embed`) and, a few per
scheduler pass, in the running bot (``EmbedJob``).

Nothing in ingestion calls us, so imports run at full speed with meaning search on: an
article is found by its words at once and by its meaning once a pass has embedded it
(within ``NEWSROOM_SCHEDULER_TICK_SECONDS`` when fewer than ``NEWSROOM_EMBED_PER_PASS``
arrive per pass). The worklist is the database (``storage.vectors.missing_ids``) and each
batch is saved in its own transaction, so a run that is killed loses at most the batch in
flight, and the next run continues there. An article changed by a re-import is encoded
again (its ``content_hash`` no longer matches its vector's).

Cost per pass of 64 new articles (see ``bot.lookup.embeddings``): USE ~0.4 s, e5 ~13 s
of one core.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from tqdm import tqdm

from bot.lookup.embeddings import Encoder, article_passage, encoder_for, models_of
from storage import vectors as store

log = logging.getLogger(__name__)

DEFAULT_BATCH = 32  # passages per encode call and per transaction
# In the running bot: a question encoded in the same process (`--threads-only`) waits for
# the batch in flight; 8 e5 passages take ~1.6 s, 8 USE passages ~50 ms.
JOB_BATCH = 8


def embed_pending(
    engine: Engine, model: str, *, batch: int = DEFAULT_BATCH, limit: int | None = None,
    progress: bool = False,
) -> int:  # fmt: skip
    """Encode and save every article without a current vector (at most ``limit``), oldest
    first, for each model of ``model`` (``use+e5``: both). Returns how many vectors were
    written."""
    return sum(_embed_pending(engine, encoder_for(name), batch, limit, progress)
               for name in models_of(model))  # fmt: skip


def _embed_pending(
    engine: Engine, encoder: Encoder, batch: int, limit: int | None, progress: bool
) -> int:
    with Session(engine) as session:
        total = store.missing_count(session, encoder.name)
    total = total if limit is None else min(total, limit)
    bar = tqdm(total=total, unit=" articles", disable=not progress, dynamic_ncols=True)
    done, after = 0, 0
    try:
        while limit is None or done < limit:
            want = batch if limit is None else min(batch, limit - done)
            with Session(engine) as session:
                ids = store.missing_ids(session, encoder.name, want, after_id=after)
            if not ids:
                break
            done += embed_ids(engine, encoder, ids)
            bar.update(len(ids))
            after = ids[-1]  # an article that cannot be saved is not retried in this run
    finally:
        bar.close()
    return done


def embed_newest(engine: Engine, model: str, count: int, *, batch: int = JOB_BATCH) -> int:
    """Encode the ``count`` newest articles without a current vector (per model of
    ``model``), ``batch`` at a time (a question encoded in the same process waits for one
    batch at most)."""
    done = 0
    for name in models_of(model):
        encoder = encoder_for(name)
        with Session(engine) as session:
            ids = store.missing_ids(session, encoder.name, count, newest_first=True)
        done += sum(embed_ids(engine, encoder, ids[i : i + batch])
                    for i in range(0, len(ids), batch))  # fmt: skip
    return done


def embed_ids(engine: Engine, encoder: Encoder, article_ids: Sequence[int]) -> int:
    """Encode these articles and save their vectors in one transaction."""
    with Session(engine) as session:
        rows = store.passages(session, article_ids)
    if not rows:
        return 0
    vectors = encoder.passages([article_passage(row) for row in rows])
    little = vectors.astype("<f4", copy=False)
    records = [
        store.VectorRow(row.id, little[i].tobytes(), row.content_hash) for i, row in enumerate(rows)
    ]
    with Session(engine) as session, session.begin():
        return store.save(session, encoder.name, records, encoder.dim)


@dataclass
class EmbedReport:
    embedded: int = 0


@dataclass
class EmbedJob:
    """A scheduler pass's step (``bot.digest.scheduler.PassJob``): embed up to
    ``per_pass`` of the newest articles that have no vector yet."""

    engine: Engine
    model: str
    per_pass: int = 64
    name: str = "embeddings"

    def run(self, now: datetime) -> EmbedReport:
        if self.per_pass <= 0:
            return EmbedReport()
        count = embed_newest(self.engine, self.model, self.per_pass)
        if count:
            log.info("embedded %d articles with %s", count, self.model)
        return EmbedReport(embedded=count)
