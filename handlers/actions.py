"""Buttons under search results: Share in channel, More like this, Next results.

Replies go to the message's ``response_url``: the shared copy as ``in_channel`` for
everyone, everything else ephemeral and beside the clicked message (``replace_original``
false). Only a successful Share speaks to the channel: a button whose article is gone, or
whose value is not ours, is answered to the clicker alone.
"""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, App

from bot.slack.background import Background
from bot.slack.blocks import Message, section
from bot.slack.messages import ACTION_MORE, ACTION_NEXT, ACTION_SHARE
from handlers.answers import GONE, more_like_this, search_message, share_message
from handlers.deps import Deps
from handlers.jobs import Asker, submit

STALE = Message(
    text="That button no longer works. Search again with /news.",
    blocks=[section("That button no longer works. Search again with `/news`.")],
)


def register(app: App, background: Background[Deps]) -> None:
    @app.action(ACTION_SHARE)
    def on_share(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        asker = Asker.action("Share button", body)
        submit(background, share, asker, body["user"]["id"], action, body["response_url"])

    @app.action(ACTION_MORE)
    def on_more(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        submit(background, more, Asker.action("More like this", body), action,
               body["response_url"])  # fmt: skip

    @app.action(ACTION_NEXT)
    def on_next(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        shareable = body.get("container", {}).get("is_ephemeral", True)
        submit(background, next_page, Asker.action("Next results", body), action,
               body["response_url"], shareable)  # fmt: skip


def _value(action: dict[str, Any]) -> dict[str, Any]:
    try:
        value = json.loads(action.get("value") or "{}")
    except json.JSONDecodeError:
        value = {}
    return value if isinstance(value, dict) else {}


def _article_id(action: dict[str, Any]) -> int | None:
    """The article id our buttons carry, or None for a value we did not write."""
    raw = _value(action).get("id")
    return raw if isinstance(raw, int) and not isinstance(raw, bool) and raw > 0 else None


def _only_for_clicker(deps: Deps, response_url: str, message: Message) -> None:
    deps.respond(response_url, message, response_type="ephemeral", replace_original=False)


def share(deps: Deps, user_id: str, action: dict[str, Any], response_url: str) -> None:
    article_id = _article_id(action)
    if article_id is None:
        _only_for_clicker(deps, response_url, STALE)
        return
    message = share_message(deps.services, article_id, user_id)
    if message is None:
        _only_for_clicker(deps, response_url, GONE)
        return
    deps.respond(response_url, message, response_type="in_channel")


def more(deps: Deps, action: dict[str, Any], response_url: str) -> None:
    article_id = _article_id(action)
    if article_id is None:
        _only_for_clicker(deps, response_url, STALE)
        return
    _only_for_clicker(
        deps, response_url, more_like_this(deps.services, article_id, limit=deps.page_size)
    )


def next_page(deps: Deps, action: dict[str, Any], response_url: str, shareable: bool) -> None:
    value = _value(action)
    query, offset = value.get("q"), value.get("o", 0)
    if not isinstance(query, str) or not query.strip() or not isinstance(offset, int):
        _only_for_clicker(deps, response_url, STALE)
        return
    message = search_message(
        deps.services, query, offset=max(0, offset), limit=deps.page_size, share=shareable
    )
    _only_for_clicker(deps, response_url, message)
