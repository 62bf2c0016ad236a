"""*Share in channel*: post the article with ``chat.postMessage`` so the message has a ts.

The ts is what lets the bot reply in its thread when the article is updated later
(``bot/digest/updates.py``); a reply through ``response_url`` returns none. The post goes
through the exactly-once poster. Where the bot may not post (a private channel it was not
invited to, a DM between people), the share falls back to ``response_url`` as before:
the channel still sees the article, it only gets no update notes.
"""

from __future__ import annotations

import logging
import uuid

from bot.digest.scheduler import PublishError
from bot.slack.blocks import Message, section
from bot.slack.posting import Outbound, OutcomeUnknown, SlackPoster
from handlers.answers import GONE, share_message
from handlers.deps import Deps
from storage.models import utcnow
from storage.posts import PostRepository
from storage.versions import PostedMessageRepository

log = logging.getLogger(__name__)

UNCONFIRMED = (
    "Slack did not confirm that the article reached the channel; please look there before "
    "sharing it again."
)


def share_in_channel(
    deps: Deps, user_id: str, article_id: int, channel_id: str | None, response_url: str
) -> None:
    message = share_message(deps.services, article_id, user_id)
    if message is None:  # only the person who clicked needs to know
        only_for_clicker(deps, response_url, GONE)
        return
    if not channel_id or not _post(deps, message, article_id, channel_id, response_url):
        deps.respond(response_url, message, response_type="in_channel")


def only_for_clicker(deps: Deps, response_url: str, message: Message) -> None:
    deps.respond(response_url, message, response_type="ephemeral", replace_original=False)


def _post(
    deps: Deps, message: Message, article_id: int, channel_id: str, response_url: str
) -> bool:
    """True when the article is in the channel (or may be: then the clicker is told)."""
    now = utcnow()
    with deps.services.session() as session:
        key = f"share:{channel_id}:{uuid.uuid4().hex}"
        post_id = PostRepository(session).get_or_claim(key, "share", channel_id, now).id
    poster = SlackPoster.from_services(deps.services)
    try:
        ts = poster.deliver(post_id, Outbound(channel_id, message), now=now)
    except OutcomeUnknown:
        log.warning("share of article %s in %s: outcome unknown", article_id, channel_id)
        only_for_clicker(deps, response_url, Message(UNCONFIRMED, [section(UNCONFIRMED)]))
        return True
    except PublishError as exc:
        log.info("share of article %s in %s via response_url: %s", article_id, channel_id, exc)
        return False
    with deps.services.session() as session:
        PostedMessageRepository(session).record(channel_id, ts, [article_id], "share", now)
    return True
