"""Exactly-once handling of Slack Events API deliveries across bot replicas.

Slack redelivers an event (with ``X-Slack-Retry-Num``) when our answer was slow or lost.
The first replica to insert the event id owns it; everyone else sees the key taken.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import SlackEvent, utcnow

# Slack stops retrying after about an hour and a half; a day leaves a wide margin.
KEEP_FOR = timedelta(days=1)


class SlackEventLog:
    def __init__(self, session: Session) -> None:
        self.session = session

    def claim(self, event_id: str, now: datetime | None = None) -> bool:
        """True when this call is the first to see ``event_id``."""
        try:
            with self.session.begin_nested():
                self.session.add(SlackEvent(event_id=event_id, received_at=now or utcnow()))
                self.session.flush()
        except IntegrityError:
            return False
        return True

    def prune(self, now: datetime | None = None) -> int:
        cutoff = (now or utcnow()) - KEEP_FOR
        result = self.session.execute(delete(SlackEvent).where(SlackEvent.received_at < cutoff))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
