"""Typed SQLAlchemy 2.0 models. The schema itself is owned by the alembic migrations."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes on both backends.

    SQLite stores no offset, so values come back naive; we store UTC and re-attach it,
    which keeps comparisons in digest scheduling and recency ranking correct everywhere.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(200), unique=True)
    canonical_url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    teaser: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    lang: Mapped[str | None] = mapped_column(String(12))
    section: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(200))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")

    figures: Mapped[list[KeyFigure]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="KeyFigure.rank",
        lazy="selectin",
    )

    __table_args__ = (
        Index("ix_articles_published_at", "published_at"),
        Index("ix_articles_updated_at", "updated_at"),
        Index("ix_articles_lang", "lang"),
        Index("ix_articles_source", "source"),
    )


class SearchChange(Base):
    """One row per article insert/update/delete, written by database triggers.

    The lookup layer replays these to keep its in-memory index in step with the table
    without any call from ingestion (migration 0002_search).
    """

    __tablename__ = "search_changes"

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    article_id: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        Index("ix_search_changes_changed_at", "changed_at"),
        {"sqlite_autoincrement": True},
    )


class SearchMeta(Base):
    """Facts about this database the search index needs (``instance``: a random id)."""

    __tablename__ = "search_meta"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class KeyFigure(Base):
    """A number an article reports, with enough context to quote it in Slack."""

    __tablename__ = "key_figures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(String(300))
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str | None] = mapped_column(String(10))
    label: Mapped[str | None] = mapped_column(String(200))
    sentence: Mapped[str] = mapped_column(Text, default="")
    # Where a "from X to Y" started: 20 for "von 20 auf 35 Prozent" (value is 35).
    from_value: Mapped[float | None] = mapped_column(Float, nullable=True)

    article: Mapped[Article] = relationship(back_populates="figures")


class Feed(Base):
    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    poll_interval_minutes: Mapped[int] = mapped_column(Integer, default=15)
    last_polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Subscription(Base):
    """A channel's standing order for a digest: when, in which timezone, filtered how."""

    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str | None] = mapped_column(String(50))
    channel_id: Mapped[str] = mapped_column(String(50), index=True)
    created_by: Mapped[str | None] = mapped_column(String(50))
    schedule_kind: Mapped[str] = mapped_column(String(20))
    schedule_expr: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    filters: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=5)
    post_when_empty: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    runs: Mapped[list[DigestRun]] = relationship(
        back_populates="subscription", cascade="all, delete-orphan", passive_deletes=True
    )


class DigestRun(Base):
    """One scheduled slot of one subscription; the unique key makes posting exactly-once."""

    __tablename__ = "digest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"))
    slot_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(20), default="posting")  # see storage/digests.py
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    article_count: Mapped[int] = mapped_column(Integer, default=0)
    message_ts: Mapped[str | None] = mapped_column(String(50))
    error: Mapped[str | None] = mapped_column(Text)
    parts_posted: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    subscription: Mapped[Subscription] = relationship(back_populates="runs")

    __table_args__ = (
        UniqueConstraint("subscription_id", "slot_at", name="uq_digest_slot"),
        Index("ix_digest_runs_status_next", "status", "next_attempt_at"),
    )


class SlackEvent(Base):
    """An Events API delivery we already took on; the primary key makes the claim atomic."""

    __tablename__ = "slack_events"

    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
