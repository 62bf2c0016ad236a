"""Initial schema: articles, key figures, feeds, digest subscriptions and runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("external_id", sa.String(200), nullable=False, unique=True),
        sa.Column("canonical_url", sa.String(2000), nullable=True, unique=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("teaser", sa.Text, nullable=False, server_default=""),
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.Column("lang", sa.String(12)),
        sa.Column("section", sa.String(200)),
        sa.Column("source", sa.String(200)),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("published_at", UTCDateTime()),
        sa.Column("ingested_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("summary", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_published_at", "articles", ["published_at"])
    op.create_index("ix_articles_updated_at", "articles", ["updated_at"])
    op.create_index("ix_articles_lang", "articles", ["lang"])
    op.create_index("ix_articles_source", "articles", ["source"])

    op.create_table(
        "key_figures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("unit", sa.String(40)),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("direction", sa.String(10)),
        sa.Column("label", sa.String(200)),
        sa.Column("sentence", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_key_figures_article_id", "key_figures", ["article_id"])

    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String(2000), nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("etag", sa.String(500)),
        sa.Column("last_modified", sa.String(100)),
        sa.Column("poll_interval_minutes", sa.Integer, nullable=False),
        sa.Column("last_polled_at", UTCDateTime()),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", UTCDateTime()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )

    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("team_id", sa.String(50)),
        sa.Column("channel_id", sa.String(50), nullable=False),
        sa.Column("created_by", sa.String(50)),
        sa.Column("schedule_kind", sa.String(20), nullable=False),
        sa.Column("schedule_expr", sa.String(200), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("filters", sa.Text, nullable=False, server_default=""),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("post_when_empty", sa.Boolean, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_subscriptions_channel_id", "subscriptions", ["channel_id"])

    op.create_table(
        "digest_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "subscription_id",
            sa.Integer,
            sa.ForeignKey("subscriptions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("slot_at", UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("claimed_by", sa.String(200)),
        sa.Column("claimed_at", UTCDateTime()),
        sa.Column("next_attempt_at", UTCDateTime()),
        sa.Column("posted_at", UTCDateTime()),
        sa.Column("article_count", sa.Integer, nullable=False),
        sa.Column("message_ts", sa.String(50)),
        sa.Column("error", sa.Text),
        sa.UniqueConstraint("subscription_id", "slot_at", name="uq_digest_slot"),
    )


def downgrade() -> None:
    op.drop_table("digest_runs")
    op.drop_table("subscriptions")
    op.drop_table("feeds")
    op.drop_table("key_figures")
    op.drop_table("articles")
