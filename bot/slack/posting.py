"""Post a message exactly once, also when Slack's answer to the post is lost.

Every scheduled message (digest parts, alerts, update notes) and every shared article goes
through :meth:`SlackPoster.deliver` with a row of the post ledger (``storage/posts.py``):

1. The attempt is marked and committed before the HTTP call.
2. The message carries the row's ``run_id`` in its metadata (``chat.postMessage``
   ``metadata``: ``event_type`` ``newsroom_post``, ``event_payload`` ``{"run_id": …}``).
3. When the outcome is unknown — the answer timed out or the connection dropped, Slack
   answered 5xx or ``internal_error`` — nothing is sent at once. Before any later attempt
   the channel is read (``conversations.history``, or ``conversations.replies`` for a
   thread, ``include_all_metadata``, from the first attempt on) and a message with the
   run id counts as posted.

The Web API client used for posts retries 429s only: slack-sdk's connection-error retry
would re-send a post whose answer was lost, which is the duplicate this module prevents.
Reads keep that retry (they are idempotent).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.digest.scheduler import PublishError
from bot.services import Services
from bot.slack.blocks import Message
from bot.slack.client import make_web_client
from storage.models import SlackPost, utcnow
from storage.posts import POSTED, PostRepository

log = logging.getLogger(__name__)

EVENT_TYPE = "newsroom_post"
# Slack's clock and ours may differ; the channel is read from a little before the attempt.
CLOCK_SKEW = timedelta(minutes=5)
CHECK_PAGE_SIZE = 200
CHECK_MAX_PAGES = 10  # 2,000 messages since the attempt: a busy channel's hour
# Slack answered, but "it's possible some aspect of the operation succeeded" (API docs).
_MAYBE_POSTED_ERRORS = frozenset({"internal_error", "fatal_error", "request_timeout"})


class OutcomeUnknown(PublishError):
    """Slack may or may not have the message; it is looked for before any new attempt."""


class CheckFailed(PublishError):
    """The channel could not be read to look for a lost post, so it was not re-sent."""


@dataclass(frozen=True)
class Outbound:
    channel: str
    message: Message
    thread_ts: str | None = None


Backoff = Callable[[int], timedelta]  # attempts so far -> delay to the next attempt


class SlackPoster:
    def __init__(
        self, services: Services, writer: WebClient, reader: WebClient | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:  # fmt: skip
        self.services = services
        self.writer = writer
        self.reader = reader or writer
        self.clock = clock

    @classmethod
    def from_services(cls, services: Services, token: str | None = None) -> SlackPoster:
        settings = services.settings
        return cls(
            services,
            make_web_client(settings, token, retry_connection_errors=False),
            make_web_client(settings, token),
        )

    def deliver(self, post_id: int, outbound: Outbound, *, backoff: Backoff | None = None,
                now: datetime | None = None) -> str:  # fmt: skip
        """Post what ledger row ``post_id`` owes, unless it is in the channel already.

        Returns the message ts. Raises ``PublishError`` (the row then says when to try
        again: ``unknown`` or ``retry`` with ``next_attempt_at``).
        """
        now = now or self.clock()
        with self.services.session() as session:
            post = PostRepository(session).get(post_id)
            assert post is not None, post_id
            if post.status == POSTED and post.ts:
                return post.ts
            needs_check = post.attempts > 0
            snapshot = _Snapshot.of(post)
        if needs_check:
            ts = self._look_for(snapshot, now, backoff)
            if ts is not None:
                return ts
        with self.services.session() as session:
            posts = PostRepository(session)
            post = posts.get(post_id)
            assert post is not None
            posts.mark_attempt(post, now)
        return self._send(snapshot, outbound, now, backoff)

    # -- the post ----------------------------------------------------------------------

    def _send(self, snap: _Snapshot, outbound: Outbound, now: datetime,
              backoff: Backoff | None) -> str:  # fmt: skip
        message = outbound.message
        try:
            response = self.writer.chat_postMessage(
                channel=outbound.channel, text=message.text, blocks=message.blocks,
                thread_ts=outbound.thread_ts, unfurl_links=False, unfurl_media=False,
                metadata={"event_type": EVENT_TYPE,
                          "event_payload": {"run_id": snap.run_id, "key": snap.key}},
            )  # fmt: skip
        except SlackApiError as exc:
            status = exc.response.status_code
            error = exc.response.get("error") if isinstance(exc.response.data, dict) else None
            text = f"Slack answered {status}: {error or exc}"
            if status >= 500 or error in _MAYBE_POSTED_ERRORS:
                raise self._unknown(snap, text, now, backoff) from exc
            raise self._refused(snap, text, now, backoff) from exc
        except (URLError, OSError) as exc:  # timeouts and dropped connections included
            raise self._unknown(snap, f"no answer from Slack ({exc})", now, backoff) from exc
        ts = str(response.get("ts") or "")
        self._mark_posted(snap.id, ts)
        return ts

    def _unknown(self, snap: _Snapshot, text: str, now: datetime,
                 backoff: Backoff | None) -> PublishError:  # fmt: skip
        note = f"{text}; outcome unknown, the channel is checked before any new attempt"
        with self.services.session() as session:
            posts = PostRepository(session)
            post = posts.get(snap.id)
            assert post is not None
            posts.mark_unknown(post, note, now + _delay(backoff, post.attempts))
        log.warning("post %s (%s): %s", snap.key, snap.channel, note)
        return OutcomeUnknown(note)

    def _refused(self, snap: _Snapshot, text: str, now: datetime,
                 backoff: Backoff | None) -> PublishError:  # fmt: skip
        with self.services.session() as session:
            posts = PostRepository(session)
            post = posts.get(snap.id)
            assert post is not None
            posts.mark_retry(post, text, now + _delay(backoff, post.attempts))
        return PublishError(text)

    def _mark_posted(self, post_id: int, ts: str) -> None:
        with self.services.session() as session:
            posts = PostRepository(session)
            post = posts.get(post_id)
            assert post is not None
            posts.mark_posted(post, ts)

    # -- the check ---------------------------------------------------------------------

    def _look_for(self, snap: _Snapshot, now: datetime, backoff: Backoff | None) -> str | None:
        """The ts of the message with this row's run id, if the channel has it."""
        try:
            ts = find_post(self.reader, snap.channel, snap.run_id, snap.thread_ts,
                           oldest=(snap.first_attempt_at or now) - CLOCK_SKEW)  # fmt: skip
        except (SlackApiError, URLError, OSError) as exc:
            error = exc.response.get("error") if isinstance(exc, SlackApiError) else exc
            text = (
                f"could not read {snap.channel} to look for an earlier attempt ({error}); "
                "not re-sent. Invite the bot to the channel (history scopes) to let it check"
            )
            with self.services.session() as session:
                posts = PostRepository(session)
                post = posts.get(snap.id)
                assert post is not None
                posts.mark_unknown(post, text, now + _delay(backoff, post.attempts))
            raise CheckFailed(text) from exc
        if ts is not None:
            log.info("post %s was in %s already (ts %s); not re-sent", snap.key, snap.channel, ts)
            self._mark_posted(snap.id, ts)
        return ts


def find_post(
    client: WebClient, channel: str, run_id: str, thread_ts: str | None, *, oldest: datetime
) -> str | None:
    """Page through the channel (or thread) since ``oldest`` for the run id's message."""
    for message in _messages(client, channel, thread_ts, f"{oldest.timestamp():.6f}"):
        metadata = message.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == EVENT_TYPE and payload.get("run_id") == run_id:
            return str(message.get("ts"))
    return None


def _messages(
    client: WebClient, channel: str, thread_ts: str | None, oldest: str
) -> Iterator[dict[str, Any]]:
    cursor: str | None = None
    for _ in range(CHECK_MAX_PAGES):
        options: dict[str, Any] = {
            "channel": channel,
            "oldest": oldest,
            "cursor": cursor,
            "include_all_metadata": True,
            "limit": CHECK_PAGE_SIZE,
        }
        if thread_ts:
            response = client.conversations_replies(ts=thread_ts, **options)
        else:
            response = client.conversations_history(**options)
        yield from response.get("messages") or []
        cursor = (response.get("response_metadata") or {}).get("next_cursor")
        if not (response.get("has_more") and cursor):
            return


@dataclass(frozen=True)
class _Snapshot:
    """The ledger row's facts, read once, so no ORM object outlives its session."""

    id: int
    key: str
    channel: str
    thread_ts: str | None
    run_id: str
    first_attempt_at: datetime | None

    @classmethod
    def of(cls, post: SlackPost) -> _Snapshot:
        return cls(post.id, post.key, post.channel_id, post.thread_ts, post.run_id,
                   post.first_attempt_at)  # fmt: skip


def _delay(backoff: Backoff | None, attempts: int) -> timedelta:
    return backoff(attempts) if backoff is not None else timedelta(0)
