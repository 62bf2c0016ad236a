"""One error path for every answer job, as Bolt's ``app.error`` is for listeners.

Listeners acknowledge and hand their work to an answer worker with ``submit(background,
job, asker, *args)``; ``run_job`` runs it there. Slack has had its 200 by then, so a job
that fails must say so itself, or the person who asked waits for nothing. When a job raises:

- the failure is logged once with a short error id (a bug: with its traceback; the database
  being away: through ``Services.database_unreachable``, one line a minute per outage, whose
  id every failure of that outage shares);
- the person who asked is told, with the same id, where they asked (``Reply``): an ephemeral
  reply at the ``response_url`` for `/news` and buttons (``chat.postEphemeral`` if that
  fails), a reply in the thread for mentions, an error view for the App Home.

Unfurls are the exception (``Reply.LOG``): nobody asked the bot anything. The person pasted
a link and Slack's own preview stays; a "preview failed" note to everyone who pastes a link
during an outage would be noise, and a link still in the composer has no message to answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.slack.background import Background
from bot.slack.blocks import Message
from bot.slack.messages import error_message, home_error_view
from handlers.deps import Deps
from storage.health import new_error_id

log = logging.getLogger(__name__)

Job = Callable[..., None]  # a module-level function job(deps, *args), picklable for workers


class Reply(StrEnum):
    """Where a failed job tells the person who asked."""

    RESPONSE_URL = "response_url"  # ephemeral at the request's response_url
    THREAD = "thread"  # in the thread of the message that asked
    HOME = "home"  # the App Home tab shows an error view
    LOG = "log"  # nobody asked (unfurls): the log only


@dataclass(frozen=True)
class Asker:
    """Who asked for a job and how to reach them; picklable, so it rides to the worker."""

    what: str  # for the log: "/news", "Share button", "mention" …
    reply: Reply
    user: str = ""
    channel: str = ""
    response_url: str = ""
    thread_ts: str = ""

    @classmethod
    def command(cls, command: dict[str, Any]) -> Asker:
        return cls(str(command.get("command") or "/news"), Reply.RESPONSE_URL,
                   user=command.get("user_id", ""), channel=command.get("channel_id", ""),
                   response_url=command.get("response_url", ""))  # fmt: skip

    @classmethod
    def action(cls, what: str, body: dict[str, Any]) -> Asker:
        channel = (body.get("channel") or {}).get("id") or body.get("container", {}).get(
            "channel_id", ""
        )
        return cls(what, Reply.RESPONSE_URL, user=body.get("user", {}).get("id", ""),
                   channel=channel or "", response_url=body.get("response_url", ""))  # fmt: skip

    @classmethod
    def mention(cls, event: dict[str, Any]) -> Asker:
        return cls("mention", Reply.THREAD, user=event.get("user", ""),
                   channel=event.get("channel", ""),
                   thread_ts=event.get("thread_ts") or event.get("ts", ""))  # fmt: skip

    @classmethod
    def home(cls, user_id: str) -> Asker:
        return cls("App Home", Reply.HOME, user=user_id)

    @classmethod
    def unfurl(cls, event: dict[str, Any]) -> Asker:
        return cls("link preview", Reply.LOG, user=event.get("user", ""),
                   channel=event.get("channel", ""))  # fmt: skip

    def who(self) -> str:
        where = f" in {self.channel}" if self.channel else ""
        return f"user {self.user or '?'}{where}"


def submit(background: Background[Deps], job: Job, asker: Asker, *args: Any) -> Future[Any]:
    """Run ``job(deps, *args)`` on an answer worker, behind ``run_job``'s error path."""
    return background.submit(run_job, job, asker, *args)


def run_job(deps: Deps, job: Job, asker: Asker, *args: Any) -> None:
    try:
        job(deps, *args)
    except Exception as exc:
        fail(deps, asker, exc)
    else:
        deps.services.database_answered()


def fail(deps: Deps, asker: Asker, exc: Exception) -> str:
    """Log the failure with an error id and tell the person who asked; returns the id."""
    outage_id = deps.services.database_unreachable(exc)  # logged once a minute if so
    error_id = outage_id or new_error_id()
    if outage_id is None:
        log.error("%s for %s failed (error id %s)", asker.what, asker.who(), error_id,
                  exc_info=exc)  # fmt: skip
    if asker.reply is Reply.LOG:
        return error_id
    message = error_message(error_id, database_away=outage_id is not None)
    try:
        tell(deps, asker, message, error_id, database_away=outage_id is not None)
    except Exception as tell_exc:  # Slack itself failing: the log is all that is left
        log.warning("could not tell %s about error %s: %s", asker.who(), error_id, tell_exc)
    return error_id


def tell(deps: Deps, asker: Asker, message: Message, error_id: str, *, database_away: bool) -> None:
    if asker.reply is Reply.HOME:
        view = home_error_view(error_id, database_away=database_away)
        deps.client.views_publish(user_id=asker.user, view=view)
        return
    if asker.reply is Reply.THREAD:
        deps.client.chat_postMessage(channel=asker.channel, thread_ts=asker.thread_ts,
                                     text=message.text, blocks=message.blocks,
                                     unfurl_links=False)  # fmt: skip
        return
    if asker.response_url:
        try:
            deps.respond(asker.response_url, message, response_type="ephemeral",
                         replace_original=False)  # fmt: skip
            return
        except Exception as exc:  # expired (30 min) or refused: try the Web API instead
            if not (asker.channel and asker.user):
                raise
            log.info("response_url failed for error %s (%s); posting ephemeral", error_id, exc)
    deps.client.chat_postEphemeral(channel=asker.channel, user=asker.user, text=message.text,
                                   blocks=message.blocks)  # fmt: skip
