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
    LargeBinary,
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


# -- alerts, story updates, near-duplicates, exactly-once posts, feedback (0007_alerts) --


class SlackPost(Base):
    """One logical message the bot owes a channel, whatever it took to get it there.

    The unique ``key`` names what is posted (a digest part, an alert batch, an update
    note); ``run_id`` rides along in the message metadata, so when an answer from Slack is
    lost the channel can be checked for it before anything is sent again
    (``bot/slack/posting.py``, states in ``storage/posts.py``).
    """

    __tablename__ = "slack_posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    channel_id: Mapped[str] = mapped_column(String(50))
    thread_ts: Mapped[str | None] = mapped_column(String(50))
    run_id: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    first_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ts: Mapped[str | None] = mapped_column(String(50))
    error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_slack_posts_status_next", "status", "next_attempt_at"),)


class Alert(Base):
    """A channel's saved search: new arrivals that match are posted there."""

    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str | None] = mapped_column(String(50))
    channel_id: Mapped[str] = mapped_column(String(50), index=True)
    created_by: Mapped[str | None] = mapped_column(String(50))
    query: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    muted_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cursor_at: Mapped[datetime] = mapped_column(UTCDateTime())
    throttle_noticed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AlertMatch(Base):
    """An article an alert matched; the unique key makes "once per (alert, article)"."""

    __tablename__ = "alert_matches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    matched_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(20))  # see storage/alerts.py
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("slack_posts.id", ondelete="SET NULL"), index=True
    )

    __table_args__ = (
        UniqueConstraint("alert_id", "article_id", name="uq_alert_match"),
        Index("ix_alert_matches_alert_time", "alert_id", "matched_at"),
    )


class ArticleVersion(Base):
    """An article as it was before a re-import changed it; the article row is the newest.

    ``version`` numbers from 1 (the first import); ``changes`` holds the few lines that
    say what the next version changed (sentences, figures), for the update notes.
    """

    __tablename__ = "article_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    teaser: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    figures: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    superseded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    changes: Mapped[list[str]] = mapped_column(JSON, default=list)

    __table_args__ = (UniqueConstraint("article_id", "version", name="uq_article_version"),)


class PostedMessage(Base):
    """A channel message that showed an article: where its update notes go (threaded)."""

    __tablename__ = "posted_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(50))
    ts: Mapped[str] = mapped_column(String(50))
    thread_ts: Mapped[str | None] = mapped_column(String(50))
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)  # the article version the message showed
    kind: Mapped[str] = mapped_column(String(20))
    posted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (UniqueConstraint("channel_id", "ts", "article_id", name="uq_posted_message"),)


class UpdateNote(Base):
    """One threaded note per (message, new version); the unique key makes it once."""

    __tablename__ = "update_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("posted_messages.id", ondelete="CASCADE"))
    version_id: Mapped[int] = mapped_column(ForeignKey("article_versions.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("slack_posts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (UniqueConstraint("message_id", "version_id", name="uq_update_note"),)


class StorySignature(Base):
    """An article's MinHash over word shingles and the near-duplicate group it joined."""

    __tablename__ = "story_signatures"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(Integer, index=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)


class StoryBand(Base):
    """LSH band keys of a signature: articles sharing a key are near-duplicate candidates."""

    __tablename__ = "story_bands"

    band: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Feedback(Base):
    """A reader's thumbs up or down on one article for one query."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    query: Mapped[str] = mapped_column(Text)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    user_id: Mapped[str] = mapped_column(String(50))
    channel_id: Mapped[str | None] = mapped_column(String(50))
    rating: Mapped[int] = mapped_column(Integer)  # +1 or -1
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (UniqueConstraint("user_id", "query", "article_id", name="uq_feedback_vote"),)


class ArticleVector(Base):
    """An article's meaning as one encoder saw it (migration 0008_vectors).

    ``vector`` is ``dim`` float32 values, little-endian, L2-normalised. ``content_hash`` is
    the article's when it was encoded: a vector whose article changed since is stale and
    made again. ``created_at`` is when this vector was written (re-encoding renews it).
    """

    __tablename__ = "article_vectors"

    model: Mapped[str] = mapped_column(String(50), primary_key=True)  # key: model first
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    dim: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index("ix_article_vectors_model_created", "model", "created_at"),)
