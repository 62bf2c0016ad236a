"""Read-only queries behind the Slack App Home tab."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Subscription


def active_subscriptions(session: Session, limit: int = 30) -> list[Subscription]:
    """Active digests grouped by channel, oldest first, so the list reads stable."""
    stmt = (
        select(Subscription)
        .where(Subscription.active.is_(True))
        .order_by(Subscription.channel_id, Subscription.created_at, Subscription.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))
