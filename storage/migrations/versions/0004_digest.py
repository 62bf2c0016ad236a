"""Digest runs remember how many messages of a split digest were already posted.

A digest larger than one Block Kit message is posted as several messages; when a
later part fails, the retry resumes after the last posted part instead of posting
the first ones again.

Revision ID: 0004_digest
Revises: 0003_slack_events
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_digest"
down_revision = "0003_slack_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("digest_runs") as batch:
        batch.add_column(sa.Column("parts_posted", sa.Integer, nullable=False, server_default="0"))
        batch.create_index("ix_digest_runs_status_next", ["status", "next_attempt_at"])


def downgrade() -> None:
    with op.batch_alter_table("digest_runs") as batch:
        batch.drop_index("ix_digest_runs_status_next")
        batch.drop_column("parts_posted")
