"""Events API listeners: mentions, shared links and the App Home tab.

Bolt acknowledges events itself; each listener only hands the work to an answer worker,
behind ``handlers.jobs.run_job``: a failed mention is answered in its thread, a failed
App Home shows an error view, a failed unfurl is logged (see handlers/jobs.py why).
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.ingest.canonical import canonical_url
from bot.slack.background import Background
from bot.slack.blocks import Block
from bot.slack.incoming import plain_text
from bot.slack.members import member_channel_ids
from bot.slack.messages import home_view, unfurl_blocks, usage_message
from handlers.answers import search_message
from handlers.deps import Deps
from handlers.jobs import Asker, submit
from storage.app_home import visible_subscriptions
from storage.articles import ArticleRepository

HOME_RECENT = 10


def register(app: App, background: Background[Deps]) -> None:
    @app.event("app_mention")
    def on_mention(event: dict[str, Any]) -> None:
        submit(background, answer_mention, Asker.mention(event), event)

    @app.event("link_shared")
    def on_link_shared(event: dict[str, Any]) -> None:
        submit(background, unfurl_links, Asker.unfurl(event), event)

    @app.event("app_home_opened")
    def on_home_opened(event: dict[str, Any]) -> None:
        if event.get("tab", "home") == "home":
            submit(background, publish_home, Asker.home(event["user"]), event["user"])


def mention_query(text: str) -> str:
    """The mention without the bot's name; the search reads it as a question, the same
    code the slash command goes through."""
    return plain_text(text)


def answer_mention(deps: Deps, event: dict[str, Any]) -> None:
    """Answer in the thread of the mention, so the channel stays readable."""
    query = mention_query(event.get("text", ""))
    if query:
        message = search_message(deps.services, query, limit=deps.page_size, share=False)
    else:
        message = usage_message()
    deps.client.chat_postMessage(
        channel=event["channel"],
        thread_ts=event.get("thread_ts") or event["ts"],
        text=message.text,
        blocks=message.blocks,
        unfurl_links=False,
    )


def unfurl_links(deps: Deps, event: dict[str, Any]) -> None:
    """Preview links to stored articles; links we do not know keep Slack's own preview."""
    unfurls: dict[str, dict[str, list[Block]]] = {}
    with deps.services.session() as session:
        repo = ArticleRepository(session)
        for shared in event.get("links", []):
            url = shared.get("url", "")
            article = repo.by_url(canonical_url(url) or url)
            if article is not None:
                unfurls[url] = {"blocks": unfurl_blocks(article)}
    if not unfurls:
        return
    if event.get("source") == "composer" and event.get("unfurl_id"):
        deps.client.chat_unfurl(unfurl_id=event["unfurl_id"], source="composer", unfurls=unfurls)
    else:
        deps.client.chat_unfurl(channel=event["channel"], ts=event["message_ts"], unfurls=unfurls)


def publish_home(deps: Deps, user_id: str) -> None:
    """Recent articles, and the digests of the channels this person is in (or set up)."""
    channels = member_channel_ids(deps.client, user_id)
    with deps.services.session() as session:
        recent = ArticleRepository(session).recent(limit=HOME_RECENT)
        subscriptions = visible_subscriptions(session, user_id, channels or ())
        view = home_view(recent, subscriptions, channels_known=channels is not None)
    deps.client.views_publish(user_id=user_id, view=view)
