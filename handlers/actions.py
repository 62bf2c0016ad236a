"""Buttons under search results: Share in channel, More like this, Next results.

Replies go to the message's ``response_url``: the shared copy as ``in_channel`` for
everyone, the others ephemeral like the search they continue.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.slack.blocks import ACTION_MORE, ACTION_NEXT, ACTION_SHARE
from handlers.answers import more_like_this, search_message, share_message
from handlers.deps import Deps

log = logging.getLogger(__name__)


def register(app: App, deps: Deps) -> None:
    @app.action(ACTION_SHARE)
    def on_share(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        deps.background.submit(share, deps, body["user"]["id"], action, respond)

    @app.action(ACTION_MORE)
    def on_more(ack: Ack, action: dict[str, Any], respond: Respond) -> None:
        ack()
        deps.background.submit(more, deps, action, respond)

    @app.action(ACTION_NEXT)
    def on_next(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        shareable = body.get("container", {}).get("is_ephemeral", True)
        deps.background.submit(next_page, deps, action, respond, shareable)


def _value(action: dict[str, Any]) -> dict[str, Any]:
    try:
        value = json.loads(action.get("value") or "{}")
    except json.JSONDecodeError:
        value = {}
    return value if isinstance(value, dict) else {}


def share(deps: Deps, user_id: str, action: dict[str, Any], respond: Respond) -> None:
    message = share_message(deps.services, int(_value(action).get("id", 0)), user_id)
    respond(
        text=message.text, blocks=message.blocks, response_type="in_channel", replace_original=False
    )


def more(deps: Deps, action: dict[str, Any], respond: Respond) -> None:
    message = more_like_this(deps.services, int(_value(action).get("id", 0)), limit=deps.page_size)
    respond(
        text=message.text, blocks=message.blocks, response_type="ephemeral", replace_original=False
    )


def next_page(deps: Deps, action: dict[str, Any], respond: Respond, shareable: bool) -> None:
    value = _value(action)
    query, offset = str(value.get("q", "")), max(0, int(value.get("o", 0)))
    message = search_message(
        deps.services, query, offset=offset, limit=deps.page_size, share=shareable
    )
    respond(
        text=message.text, blocks=message.blocks, response_type="ephemeral", replace_original=False
    )
