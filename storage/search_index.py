"""SQL behind the lookup index: the trigger-fed change log and the rows the index reads.

The index itself (terms, scoring) lives in the domain layer; this module only knows
which rows changed since a log position and how to read the searchable columns of
articles cheaply (Core rows, no ORM objects, bodies streamed in batches).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, delete, func, or_, select

from storage.models import Article, SearchChange, SearchMeta

_ARTICLE_COLUMNS = (
    Article.id,
    Article.title,
    Article.teaser,
    Article.body,
    Article.tags,
    Article.section,
    Article.source,
    Article.lang,
    Article.published_at,
    Article.ingested_at,
)
_CHUNK = 500
# Asked before every search, so built once rather than per call.
_CHANGES_AFTER = (
    select(SearchChange.seq, SearchChange.article_id)
    .where(SearchChange.seq > bindparam("seq"))
    .order_by(SearchChange.seq)
)


class IndexRow(NamedTuple):
    """The searchable columns of one article."""

    id: int
    title: str
    teaser: str
    body: str
    tags: list[str] | None
    section: str | None
    source: str | None
    lang: str | None
    published_at: datetime | None
    ingested_at: datetime


class LogBounds(NamedTuple):
    low: int | None
    high: int | None


class SearchIndexStore:
    """Reads for one refresh of the in-memory index, on a connection of its own.

    The index reads through a separate connection (not the caller's session) so that it
    only ever sees committed articles: a rolled-back import never leaves ghosts behind.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def log_bounds(self) -> LogBounds:
        low, high = self.conn.execute(
            select(func.min(SearchChange.seq), func.max(SearchChange.seq))
        ).one()
        return LogBounds(low, high)

    def changes_after(self, seq: int, also: Iterable[int] = ()) -> list[tuple[int, int]]:
        """(seq, article id) pairs after ``seq``, plus the listed older sequence numbers.

        ``also`` re-asks for gaps: on PostgreSQL a transaction that started earlier can
        commit later, so its sequence number appears below one we have already seen.
        """
        wanted = list(also)
        if not wanted:
            return [(s, a) for s, a in self.conn.execute(_CHANGES_AFTER, {"seq": seq})]
        cond = or_(SearchChange.seq > seq, SearchChange.seq.in_(wanted))
        stmt = select(SearchChange.seq, SearchChange.article_id).where(cond)
        return [(s, a) for s, a in self.conn.execute(stmt.order_by(SearchChange.seq))]

    def rows(self, article_ids: Sequence[int]) -> list[IndexRow]:
        """Current rows for these ids; ids that no longer exist are simply absent."""
        out: list[IndexRow] = []
        for start in range(0, len(article_ids), _CHUNK):
            chunk = article_ids[start : start + _CHUNK]
            stmt = select(*_ARTICLE_COLUMNS).where(Article.id.in_(chunk))
            out.extend(IndexRow._make(row) for row in self.conn.execute(stmt))
        return out

    def iter_rows(self, batch_size: int = 1000) -> Iterator[IndexRow]:
        """Every article, in id order, without holding all bodies in memory at once."""
        last_id = 0
        while True:
            stmt = (
                select(*_ARTICLE_COLUMNS)
                .where(Article.id > last_id)
                .order_by(Article.id)
                .limit(batch_size)
            )
            batch = [IndexRow._make(row) for row in self.conn.execute(stmt)]
            if not batch:
                return
            yield from batch
            last_id = batch[-1].id

    def instance_id(self) -> str | None:
        """The random id migration 0002 gave this database."""
        return self.conn.scalar(select(SearchMeta.value).where(SearchMeta.key == "instance"))

    def change_at(self, seq: int) -> tuple[int, datetime] | None:
        """(article id, time) logged at ``seq``, to recognise a log position later."""
        row = self.conn.execute(
            select(SearchChange.article_id, SearchChange.changed_at).where(SearchChange.seq == seq)
        ).first()
        return (row[0], row[1]) if row else None

    def prune(self, before: datetime) -> int:
        """Drop log rows older than ``before``; indexes that fell behind rebuild.

        The newest row always stays: it is how a process that last read the log long ago
        (or never, on an empty database) sees that it fell behind.
        """
        newest = select(func.max(SearchChange.seq)).scalar_subquery()
        result = self.conn.execute(
            delete(SearchChange)
            .where(SearchChange.changed_at < before)
            .where(SearchChange.seq < newest)
        )
        return int(result.rowcount or 0)
