"""Alerts and the articles they matched.

"Once per (alert, article)" rests on the unique ``uq_alert_match`` row, inserted before
anything is posted: a second pass, a second replica or an overlapping search window gets
``None`` from ``claim_match`` and moves on. Matches of one pass are linked to one row of
the post ledger (``post_id``), so a retry posts exactly that batch again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Alert, AlertMatch

# Match states: queued (in a batch being posted), posted, throttled (over the hourly
# limit, held back), grouped (a near-duplicate of an article the alert already showed).
MatchStatus = Literal["queued", "posted", "throttled", "grouped"]
QUEUED: MatchStatus = "queued"
POSTED: MatchStatus = "posted"
THROTTLED: MatchStatus = "throttled"
GROUPED: MatchStatus = "grouped"


@dataclass(frozen=True)
class AlertFields:
    channel_id: str
    query: str
    team_id: str | None = None
    created_by: str | None = None


class AlertRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, fields: AlertFields, now: datetime) -> Alert:
        alert = Alert(
            team_id=fields.team_id, channel_id=fields.channel_id, created_by=fields.created_by,
            query=fields.query, active=True, cursor_at=now, created_at=now,
        )  # fmt: skip
        self.session.add(alert)
        self.session.flush()
        return alert

    def get(self, alert_id: int) -> Alert | None:
        return self.session.get(Alert, alert_id)

    def active(self) -> Sequence[Alert]:
        query = select(Alert).where(Alert.active.is_(True)).order_by(Alert.id)
        return self.session.scalars(query).all()

    def for_channel(self, channel_id: str) -> Sequence[Alert]:
        query = select(Alert).where(Alert.channel_id == channel_id, Alert.active.is_(True))
        return self.session.scalars(query.order_by(Alert.id)).all()

    def claim_match(
        self, alert_id: int, article_id: int, now: datetime, status: MatchStatus
    ) -> AlertMatch | None:
        match = AlertMatch(alert_id=alert_id, article_id=article_id, matched_at=now,
                           status=status)  # fmt: skip
        try:
            with self.session.begin_nested():
                self.session.add(match)
                self.session.flush()
        except IntegrityError:
            return None
        return match

    def count_since(self, alert_id: int, since: datetime, statuses: Sequence[str]) -> int:
        query = select(func.count(AlertMatch.id)).where(
            AlertMatch.alert_id == alert_id,
            AlertMatch.matched_at >= since,
            AlertMatch.status.in_(statuses),
        )
        return int(self.session.scalar(query) or 0)

    def shown_since(self, alert_id: int, since: datetime) -> list[int]:
        """Articles the alert posted (or is posting) since ``since``."""
        query = select(AlertMatch.article_id).where(
            AlertMatch.alert_id == alert_id,
            AlertMatch.matched_at >= since,
            AlertMatch.status.in_((QUEUED, POSTED)),
        )
        return list(self.session.scalars(query))

    def for_post(self, post_id: int) -> Sequence[AlertMatch]:
        query = select(AlertMatch).where(AlertMatch.post_id == post_id)
        return self.session.scalars(query.order_by(AlertMatch.id)).all()

    def mark_posted(self, post_id: int) -> None:
        self.session.execute(
            update(AlertMatch)
            .where(AlertMatch.post_id == post_id)
            .values(status=POSTED)
            .execution_options(synchronize_session=False)
        )
