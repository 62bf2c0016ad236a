"""Read-only queries behind the Slack App Home tab."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session

from storage.models import Subscription

_IN_CHUNK = 500  # channel ids per IN (…) list; a person may be in thousands of channels


def visible_subscriptions(
    session: Session, user_id: str, channel_ids: Collection[str], limit: int = 30
) -> list[Subscription]:
    """Active digests of the channels the user is in, or that the user set up; grouped by
    channel, oldest first, so the list reads stable. Nobody sees another channel's digests."""
    ids = sorted(set(channel_ids))
    chunks = [ids[i : i + _IN_CHUNK] for i in range(0, len(ids), _IN_CHUNK)]
    visible = or_(
        Subscription.created_by == user_id if user_id else false(),
        *(Subscription.channel_id.in_(chunk) for chunk in chunks),
    )
    stmt = (
        select(Subscription)
        .where(Subscription.active.is_(True), visible)
        .order_by(Subscription.channel_id, Subscription.created_at, Subscription.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))
