"""The post ledger: one row per message the bot owes a channel, marked before it is sent.

Exactly-once posting, also when Slack's answer is lost, rests on three rules:

1. The row is inserted (unique ``key``) and committed before anything is sent, so two
   workers never post the same thing and a crash leaves a trace.
2. Each attempt is marked (``posting``, attempt time) before the HTTP call. An answer that
   never came (timeout, connection reset) leaves the row ``unknown``; so does a worker that
   died mid-post (``posting`` for longer than the stale limit).
3. An ``unknown`` row is never re-sent blindly: the poster first looks in the channel for a
   message carrying the row's ``run_id`` in its metadata (``bot/slack/posting.py``).

States: ``pending`` (claimed, not tried yet), ``posting``, ``posted`` (terminal),
``unknown`` (the answer was lost), ``retry`` (Slack said no), both due again at
``next_attempt_at``; ``failed`` (gave up, terminal). Any row with an earlier attempt is
looked for in the channel before it is sent again.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import SlackPost

PostKind = Literal["digest", "alert", "note", "share"]
PENDING, POSTING, POSTED, UNKNOWN, RETRY, FAILED = (
    "pending", "posting", "posted", "unknown", "retry", "failed",
)  # fmt: skip
OPEN = (PENDING, POSTING, UNKNOWN, RETRY)  # not yet known to be in the channel
ERROR_CHARS = 2000


class PostRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, post_id: int) -> SlackPost | None:
        return self.session.get(SlackPost, post_id)

    def by_key(self, key: str) -> SlackPost | None:
        return self.session.scalar(select(SlackPost).where(SlackPost.key == key))

    def claim(
        self, key: str, kind: PostKind, channel_id: str, now: datetime,
        thread_ts: str | None = None,
    ) -> SlackPost | None:  # fmt: skip
        """Insert the row for ``key``; ``None`` if it exists (another worker owns it)."""
        post = SlackPost(
            key=key, kind=kind, channel_id=channel_id, thread_ts=thread_ts,
            run_id=uuid.uuid4().hex, status=PENDING, attempts=0, created_at=now,
        )  # fmt: skip
        try:
            with self.session.begin_nested():
                self.session.add(post)
                self.session.flush()
        except IntegrityError:
            return None
        return post

    def get_or_claim(
        self, key: str, kind: PostKind, channel_id: str, now: datetime,
        thread_ts: str | None = None,
    ) -> SlackPost:  # fmt: skip
        """The row for ``key``, created if new: for posters that already own the work."""
        post = self.by_key(key)
        if post is None:
            post = self.claim(key, kind, channel_id, now, thread_ts) or self.by_key(key)
        assert post is not None
        return post

    def mark_attempt(self, post: SlackPost, now: datetime) -> None:
        post.status = POSTING
        post.attempts += 1
        post.first_attempt_at = post.first_attempt_at or now
        post.last_attempt_at = now
        post.next_attempt_at = None
        self.session.flush()

    def mark_posted(self, post: SlackPost, ts: str) -> None:
        post.status, post.ts, post.error, post.next_attempt_at = POSTED, ts, None, None
        self.session.flush()

    def mark_unknown(self, post: SlackPost, error: str, next_attempt_at: datetime) -> None:
        post.status, post.error = UNKNOWN, error[:ERROR_CHARS]
        post.next_attempt_at = next_attempt_at
        self.session.flush()

    def mark_retry(self, post: SlackPost, error: str, next_attempt_at: datetime) -> None:
        post.status, post.error = RETRY, error[:ERROR_CHARS]
        post.next_attempt_at = next_attempt_at
        self.session.flush()

    def mark_failed(self, post: SlackPost, error: str) -> None:
        post.status, post.error, post.next_attempt_at = FAILED, error[:ERROR_CHARS], None
        self.session.flush()

    def take_due(self, post_id: int, now: datetime, stale_before: datetime) -> bool:
        """Take a due row for delivery; the WHERE clause lets one concurrent worker win.

        Due: a retry or an unknown outcome whose time has come, a claim nobody tried for
        a while, or an attempt in flight longer than the stale limit (its worker died). A
        row with an earlier attempt is checked in the channel before it is sent again.
        """
        result = self.session.execute(
            update(SlackPost)
            .where(SlackPost.id == post_id, _due(now, stale_before))
            .values(status=POSTING, next_attempt_at=None, last_attempt_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    def due(self, kinds: Sequence[str], now: datetime, stale_before: datetime,
            limit: int = 200) -> Sequence[SlackPost]:  # fmt: skip
        query = (
            select(SlackPost)
            .where(SlackPost.kind.in_(kinds), _due(now, stale_before))
            .order_by(SlackPost.id)
            .limit(limit)
        )
        return self.session.scalars(query).all()


def _due(now: datetime, stale_before: datetime) -> ColumnElement[bool]:
    return or_(
        (SlackPost.status.in_((RETRY, UNKNOWN))) & (SlackPost.next_attempt_at <= now),
        (SlackPost.status == PENDING) & (SlackPost.created_at < stale_before),
        (SlackPost.status == POSTING) & (SlackPost.last_attempt_at < stale_before),
    )
