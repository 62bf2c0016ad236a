"""Feed repository: the subscriptions to RSS/Atom sources and their polling state."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from storage.models import Feed


class FeedRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, url: str, *, interval_minutes: int = 15) -> tuple[Feed, bool]:
        """Return the feed and whether it is new; adding twice is harmless."""
        existing = self.by_url(url)
        if existing is not None:
            return existing, False
        feed = Feed(url=url, poll_interval_minutes=interval_minutes)
        self.session.add(feed)
        self.session.flush()
        return feed, True

    def by_url(self, url: str) -> Feed | None:
        return self.session.scalar(select(Feed).where(Feed.url == url))

    def remove(self, url: str) -> bool:
        result = self.session.execute(delete(Feed).where(Feed.url == url))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def all(self) -> list[Feed]:
        return list(self.session.scalars(select(Feed).order_by(Feed.id)))

    def due(self, now: datetime) -> list[Feed]:
        """Feeds never polled, or whose interval has passed since the last poll."""
        return [
            f
            for f in self.all()
            if f.last_polled_at is None
            or f.last_polled_at + timedelta(minutes=f.poll_interval_minutes) <= now
        ]

    def claim(self, feed_id: int, now: datetime) -> bool:
        """Atomically mark a due feed as being polled now; False if it is not due any more.

        With several bot replicas on one database, only the replica whose UPDATE matched
        polls the feed; the others see it as freshly polled and move on.
        """
        feed = self.session.get(Feed, feed_id)
        if feed is None:
            return False
        due_before = now - timedelta(minutes=feed.poll_interval_minutes)
        result = self.session.execute(
            update(Feed)
            .where(Feed.id == feed_id)
            .where(or_(Feed.last_polled_at.is_(None), Feed.last_polled_at <= due_before))
            .values(last_polled_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]
