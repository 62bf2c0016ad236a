"""Key figures remember where a "from X to Y" started: "35 % (from 20 %)".

A figure like "von 20 auf 35 Prozent" is one figure, 35 %, with its old level 20 as
`from_value`; before, the old level was stored as a figure of its own and ranked last.

Revision ID: 0005_figure_from
Revises: 0004_digest
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_figure_from"
down_revision = "0004_digest"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("key_figures") as batch:
        batch.add_column(sa.Column("from_value", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("key_figures") as batch:
        batch.drop_column("from_value")
