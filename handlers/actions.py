"""Buttons under search results: Share in channel, More like this, Next results.

Replies go to the message's ``response_url``, ephemeral like the search they continue;
the shared copy is posted with ``chat.postMessage`` (``handlers/share.py``).
"""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, App

from bot.slack.background import Background
from bot.slack.messages import ACTION_MORE, ACTION_NEXT, ACTION_SHARE
from handlers.answers import more_like_this, search_message
from handlers.deps import Deps
from handlers.share import share_in_channel


def register(app: App, background: Background[Deps]) -> None:
    @app.action(ACTION_SHARE)
    def on_share(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        channel = (body.get("channel") or {}).get("id") or body.get("container", {}).get(
            "channel_id"
        )
        background.submit(share, body["user"]["id"], action, body["response_url"], channel)

    @app.action(ACTION_MORE)
    def on_more(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        background.submit(more, action, body["response_url"])

    @app.action(ACTION_NEXT)
    def on_next(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        shareable = body.get("container", {}).get("is_ephemeral", True)
        background.submit(next_page, action, body["response_url"], shareable)


def _value(action: dict[str, Any]) -> dict[str, Any]:
    try:
        value = json.loads(action.get("value") or "{}")
    except json.JSONDecodeError:
        value = {}
    return value if isinstance(value, dict) else {}


def share(
    deps: Deps, user_id: str, action: dict[str, Any], response_url: str, channel: str | None = None
) -> None:
    """Posted with chat.postMessage (a ts for update notes), else via response_url."""
    article_id = int(_value(action).get("id", 0))
    share_in_channel(deps, user_id, article_id, channel, response_url)


def more(deps: Deps, action: dict[str, Any], response_url: str) -> None:
    article_id = int(_value(action).get("id", 0))
    deps.respond(response_url, more_like_this(deps.services, article_id, limit=deps.page_size))


def next_page(deps: Deps, action: dict[str, Any], response_url: str, shareable: bool) -> None:
    value = _value(action)
    query, offset = str(value.get("q", "")), max(0, int(value.get("o", 0)))
    message = search_message(
        deps.services, query, offset=offset, limit=deps.page_size, share=shareable
    )
    deps.respond(response_url, message)
