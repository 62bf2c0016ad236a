"""Alerts, story versions and update notes, near-duplicate groups, exactly-once posts, feedback.

* ``slack_posts``: the ledger every scheduled post goes through (digest parts, alerts,
  update notes): marked before posting, checked in the channel when the answer was lost.
* ``alerts`` and ``alert_matches`` (unique per alert and article).
* ``article_versions`` (previous versions of re-imported articles), ``posted_messages``
  (where the bot showed an article) and ``update_notes`` (unique per message and version).
* ``story_signatures`` and ``story_bands``: MinHash signatures and LSH band keys.
* ``feedback``: thumbs up or down per reader, query and article.

Revision ID: 0007_alerts
Revises: 0005_figure_from
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision = "0007_alerts"
down_revision = "0005_figure_from"
branch_labels = None
depends_on = None


def _fk(column: str, ondelete: str = "CASCADE") -> sa.ForeignKey:
    return sa.ForeignKey(column, ondelete=ondelete)


def _article_fk(ondelete: str = "CASCADE") -> sa.ForeignKey:
    return _fk("articles.id", ondelete)


def upgrade() -> None:
    op.create_table(
        "slack_posts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("channel_id", sa.String(50), nullable=False),
        sa.Column("thread_ts", sa.String(50)),
        sa.Column("run_id", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("first_attempt_at", UTCDateTime()),
        sa.Column("last_attempt_at", UTCDateTime()),
        sa.Column("next_attempt_at", UTCDateTime()),
        sa.Column("ts", sa.String(50)),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_slack_posts_status_next", "slack_posts", ["status", "next_attempt_at"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("team_id", sa.String(50)),
        sa.Column("channel_id", sa.String(50), nullable=False),
        sa.Column("created_by", sa.String(50)),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("muted_until", UTCDateTime()),
        sa.Column("cursor_at", UTCDateTime(), nullable=False),
        sa.Column("throttle_noticed_at", UTCDateTime()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_alerts_channel_id", "alerts", ["channel_id"])
    op.create_table(
        "alert_matches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "alert_id", sa.Integer, sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("article_id", sa.Integer, _article_fk(), nullable=False),
        sa.Column("matched_at", UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("post_id", sa.Integer, sa.ForeignKey("slack_posts.id", ondelete="SET NULL")),
        sa.UniqueConstraint("alert_id", "article_id", name="uq_alert_match"),
    )
    op.create_index("ix_alert_matches_alert_time", "alert_matches", ["alert_id", "matched_at"])
    op.create_index("ix_alert_matches_post_id", "alert_matches", ["post_id"])
    op.create_table(
        "article_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, _article_fk(), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("teaser", sa.Text, nullable=False, server_default=""),
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.Column("figures", sa.JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("superseded_at", UTCDateTime(), nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.UniqueConstraint("article_id", "version", name="uq_article_version"),
    )
    op.create_table(
        "posted_messages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("channel_id", sa.String(50), nullable=False),
        sa.Column("ts", sa.String(50), nullable=False),
        sa.Column("thread_ts", sa.String(50)),
        sa.Column("article_id", sa.Integer, _article_fk(), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("posted_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("channel_id", "ts", "article_id", name="uq_posted_message"),
    )
    op.create_index("ix_posted_messages_article_id", "posted_messages", ["article_id"])
    op.create_table(
        "update_notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("message_id", sa.Integer, _fk("posted_messages.id"), nullable=False),
        sa.Column("version_id", sa.Integer, _fk("article_versions.id"), nullable=False),
        sa.Column("post_id", sa.Integer, sa.ForeignKey("slack_posts.id", ondelete="SET NULL")),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("message_id", "version_id", name="uq_update_note"),
    )
    op.create_table(
        "story_signatures",
        sa.Column("article_id", sa.Integer, _article_fk(), primary_key=True),
        sa.Column("group_id", sa.Integer, nullable=False),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_story_signatures_group_id", "story_signatures", ["group_id"])
    op.create_table(
        "story_bands",
        sa.Column("band", sa.BigInteger, primary_key=True),
        sa.Column("article_id", sa.Integer, _article_fk(), primary_key=True),
    )
    op.create_index("ix_story_bands_article_id", "story_bands", ["article_id"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("article_id", sa.Integer, _article_fk("SET NULL")),
        sa.Column("user_id", sa.String(50), nullable=False),
        sa.Column("channel_id", sa.String(50)),
        sa.Column("rating", sa.Integer, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("user_id", "query", "article_id", name="uq_feedback_vote"),
    )
    op.create_index("ix_feedback_article_id", "feedback", ["article_id"])


def downgrade() -> None:
    for table in ("feedback", "story_bands", "story_signatures", "update_notes",
                  "posted_messages", "article_versions", "alert_matches", "alerts",
                  "slack_posts"):  # fmt: skip
        op.drop_table(table)
