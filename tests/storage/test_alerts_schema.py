"""Migration 0007_alerts creates exactly the tables the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.services import Services
from storage.models import Base

TABLES = {"slack_posts", "alerts", "alert_matches", "article_versions", "posted_messages",
          "update_notes", "story_signatures", "story_bands", "feedback"}  # fmt: skip


def test_migration_matches_the_models(services: Services) -> None:
    with services.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    mine = [d for d in diffs if any(f"'{table}'" in repr(d) for table in TABLES)]
    assert mine == []
