"""Search change log: every insert, update and delete of an article leaves a row.

Also ``search_meta`` with a random instance id for this database.

The lookup layer keeps an in-memory term index per process and replays this log before
each query, so ingestion needs no hook: the database triggers record the change in the
same transaction as the article write, on SQLite and PostgreSQL alike.

Revision ID: 0002_search
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002_search"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_TRIGGERS = (
    """CREATE TRIGGER articles_search_ai AFTER INSERT ON articles BEGIN
         INSERT INTO search_changes (article_id, changed_at) VALUES (new.id, CURRENT_TIMESTAMP);
       END""",
    """CREATE TRIGGER articles_search_au AFTER UPDATE ON articles BEGIN
         INSERT INTO search_changes (article_id, changed_at) VALUES (new.id, CURRENT_TIMESTAMP);
       END""",
    """CREATE TRIGGER articles_search_ad AFTER DELETE ON articles BEGIN
         INSERT INTO search_changes (article_id, changed_at) VALUES (old.id, CURRENT_TIMESTAMP);
       END""",
)

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION articles_search_log() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO search_changes (article_id, changed_at) VALUES (OLD.id, now());
    RETURN OLD;
  END IF;
  INSERT INTO search_changes (article_id, changed_at) VALUES (NEW.id, now());
  RETURN NEW;
END;
$$ LANGUAGE plpgsql
"""
_PG_TRIGGER = """
CREATE TRIGGER articles_search_log AFTER INSERT OR UPDATE OR DELETE ON articles
FOR EACH ROW EXECUTE FUNCTION articles_search_log()
"""


def upgrade() -> None:
    op.create_table(
        "search_changes",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_search_changes_changed_at", "search_changes", ["changed_at"])
    # Names this database, so a cached index snapshot is never applied to another one
    # (a recreated SQLite file at the same path restarts the log numbering).
    meta = op.create_table(
        "search_meta",
        sa.Column("key", sa.String(50), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.bulk_insert(meta, [{"key": "instance", "value": uuid.uuid4().hex}])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute(_PG_TRIGGER)
    else:
        for statement in _SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS articles_search_log ON articles")
        op.execute("DROP FUNCTION IF EXISTS articles_search_log()")
    else:
        for name in ("articles_search_ai", "articles_search_au", "articles_search_ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("search_meta")
    op.drop_index("ix_search_changes_changed_at", table_name="search_changes")
    op.drop_table("search_changes")
