"""Shared by the alert and update-note passes: deliver a ledger row, settle a failure.

The poster (``bot/slack/posting.py``) already marked the row ``retry`` or ``unknown`` with
its next attempt time; here a row that used up its attempts is closed as failed, loudly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.digest.scheduler import PublishError, SchedulerConfig
from bot.services import Services
from storage.posts import PostKind, PostRepository

log = logging.getLogger(__name__)


@dataclass
class DeliveryReport:
    posted: list[int] = field(default_factory=list)  # ledger row ids
    retry: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)


def deliver(
    services: Services, post_id: int, send: Callable[[], str], config: SchedulerConfig,
    report: DeliveryReport,
) -> str | None:  # fmt: skip
    """``send()`` posts; its ts, or None when it failed (retried later or given up)."""
    try:
        ts = send()
    except PublishError as exc:
        with services.session() as session:
            posts = PostRepository(session)
            post = posts.get(post_id)
            assert post is not None
            if post.attempts >= config.max_attempts:
                posts.mark_failed(post, f"gave up after {post.attempts} attempts: {exc}")
                log.error("post %s gave up after %d attempts: %s", post.key, post.attempts, exc)
                report.failed.append(post_id)
                return None
        report.retry.append(post_id)
        return None
    report.posted.append(post_id)
    return ts


def due_posts(services: Services, kind: PostKind, now: datetime,
              config: SchedulerConfig) -> list[int]:  # fmt: skip
    """Ledger rows of ``kind`` due again, each taken by this worker alone."""
    stale_before = now - config.stale_after
    with services.session() as session:
        ids = [p.id for p in PostRepository(session).due((kind,), now, stale_before)]
    taken = []
    for post_id in ids:
        with services.session() as session:
            if PostRepository(session).take_due(post_id, now, stale_before):
                taken.append(post_id)
    return taken
