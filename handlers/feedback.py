"""👍/👎 under search answers: stored with the query and the article, thanked privately.

`newsroom-bot feedback` lists the worst-rated queries, so the team sees where search
fails. A second click by the same reader on the same answer changes the vote.
"""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, App

from bot.slack.background import Background
from bot.slack.blocks import Message, section
from bot.slack.messages import ACTION_HELPFUL, ACTION_UNHELPFUL
from bot.slack.text import escape, truncate
from handlers.deps import Deps
from storage.feedback import FeedbackRepository
from storage.models import utcnow


def register(app: App, background: Background[Deps]) -> None:
    @app.action(ACTION_HELPFUL)
    def on_helpful(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        background.submit(record, _vote(body, action, 1), body["response_url"])

    @app.action(ACTION_UNHELPFUL)
    def on_unhelpful(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        background.submit(record, _vote(body, action, -1), body["response_url"])


def _vote(body: dict[str, Any], action: dict[str, Any], rating: int) -> dict[str, Any]:
    try:
        value = json.loads(action.get("value") or "{}")
    except json.JSONDecodeError:
        value = {}
    value = value if isinstance(value, dict) else {}
    channel = (body.get("channel") or {}).get("id") or body.get("container", {}).get("channel_id")
    return {
        "article_id": int(value.get("id", 0)) or None,
        "query": str(value.get("q", ""))[:200],
        "user_id": body["user"]["id"],
        "channel_id": channel,
        "rating": rating,
    }


def record(deps: Deps, vote: dict[str, Any], response_url: str) -> None:
    if not vote["query"]:
        deps.respond(response_url, _note("That button has no query attached; nothing saved."))
        return
    with deps.services.session() as session:
        FeedbackRepository(session).vote(
            vote["query"], vote["article_id"], vote["user_id"], vote["rating"], utcnow(),
            channel_id=vote["channel_id"],
        )  # fmt: skip
    mood = "helpful" if vote["rating"] > 0 else "not what you were looking for"
    query = escape(truncate(vote["query"], 100))
    deps.respond(response_url, _note(f"Thanks: noted as {mood} for *{query}*."))


def _note(text: str) -> Message:
    return Message(text.replace("*", ""), [section(text)])
