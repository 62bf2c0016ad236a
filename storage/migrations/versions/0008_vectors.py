"""Article vectors for meaning search: one row per article and encoder.

``article_vectors(model, article_id, dim, vector, content_hash, created_at)``, keyed by
(model, article) so a switch of encoder (``NEWSROOM_EMBEDDING_MODEL``) keeps the other
model's vectors. The key starts with the model so the index's load and its per-question
"ids above the last one" read walk the key in order: with (article_id, model), SQLite
chose the (model, created_at) index and sorted, and an idle refresh at 100k rows took
145 ms instead of 0.3 ms. ``article_id`` has its own index for the cascade.

``vector`` holds float32 little-endian bytes (2 KB for 512 dimensions).
On PostgreSQL the column is ``STORAGE PLAIN``: a 2,048-byte value is just over the TOAST
threshold, and float bytes do not compress, so by default every row would move to the
TOAST table and loading would read two relations instead of one.

Revision ID: 0008_vectors
Revises: 0007_alerts
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.models import UTCDateTime

revision = "0008_vectors"
down_revision = "0007_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_vectors",
        sa.Column("model", sa.String(50), nullable=False),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("dim", sa.Integer, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("model", "article_id", name="pk_article_vectors"),
    )
    op.create_index("ix_article_vectors_article_id", "article_vectors", ["article_id"])
    op.create_index("ix_article_vectors_model_created", "article_vectors", ["model", "created_at"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE article_vectors ALTER COLUMN vector SET STORAGE PLAIN")


def downgrade() -> None:
    op.drop_index("ix_article_vectors_model_created", table_name="article_vectors")
    op.drop_index("ix_article_vectors_article_id", table_name="article_vectors")
    op.drop_table("article_vectors")
