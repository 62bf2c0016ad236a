"""Look-ups shared by the command, mention and button listeners, rendered for Slack."""

from __future__ import annotations

from bot import lookup
from bot.services import Services
from bot.slack.blocks import Message, section
from bot.slack.messages import results_message, shared_message
from bot.slack.text import escape, truncate
from storage.articles import ArticleRepository

GONE = Message(
    text="That article is no longer stored.",
    blocks=[section("That article is no longer stored.")],
)


def search_message(
    services: Services, query: str, *, offset: int = 0, limit: int = 5, share: bool = True
) -> Message:
    with services.session() as session:
        result = lookup.search(session, query, limit=limit, offset=offset)
        return results_message(result, offset=offset, limit=limit, share=share)


def more_like_this(services: Services, article_id: int, *, limit: int = 5) -> Message:
    """Search with the article's own title and tags, leaving the article itself out."""
    with services.session() as session:
        article = ArticleRepository(session).get(article_id)
        if article is None:
            return GONE
        query = " ".join([article.title, *(article.tags or [])])[:200]
        result = lookup.search(session, query, limit=limit + 1)
        result.hits = [h for h in result.hits if h.article.id != article_id][:limit]
        title = f"*{escape(truncate(article.title, 200))}*"
        if not result.hits:
            text = f"Nothing similar to {title} yet."
            return Message(text=text.replace("*", ""), blocks=[section(text)])
        return results_message(result, limit=limit + 1, title=f"More like {title}")


def share_message(services: Services, article_id: int, user_id: str) -> Message | None:
    """The copy to post in channel, or None when the article is no longer stored."""
    with services.session() as session:
        article = ArticleRepository(session).get(article_id)
        return None if article is None else shared_message(article, user_id)
