"""A long-running bot's index stays in step even when another process prunes the log."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import update

from bot import lookup
from bot.config import Settings
from bot.lookup import live as live_index
from bot.services import Services
from storage.articles import ArticleFields, ArticleRepository
from storage.models import SearchChange, utcnow


def test_bot_started_on_empty_archive_sees_articles_after_a_quiet_weekend_prune(
    db_url: str,
) -> None:
    bot = Services.from_settings(Settings(database_url=db_url))
    cli = Services.from_settings(Settings(database_url=db_url))  # another process, e.g. a CLI
    try:
        lookup.warm_up(bot.engine)  # the bot starts before anything is imported
        body = "Netflix zeigt El Eternauta mit KI-Effekten."
        with cli.session() as s:
            ArticleRepository(s).upsert(
                ArticleFields(external_id="a1", title="Netflix Eternauta", body=body,
                              content_hash=hashlib.sha256(body.encode()).hexdigest())
            )  # fmt: skip
            s.execute(update(SearchChange).values(changed_at=utcnow() - timedelta(days=2)))
        with cli.session() as s:
            assert lookup.search(s, "netflix").hits  # the CLI's search prunes the old log
        live_index.live_index_for(bot.engine)._last_bounds = 0  # as if seconds had passed
        with bot.session() as s:
            assert [h.article.title for h in lookup.search(s, "netflix").hits] == [
                "Netflix Eternauta"
            ]
    finally:
        bot.close()
        cli.close()
