"""The event-id claim is first-come-only on both backends, and old ids are pruned."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.services import Services
from storage.slack_events import SlackEventLog


def test_only_the_first_claim_of_an_event_id_wins(services: Services) -> None:
    with services.session() as session:
        assert SlackEventLog(session).claim("Ev1") is True
    with services.session() as session:
        assert SlackEventLog(session).claim("Ev1") is False
        assert SlackEventLog(session).claim("Ev2") is True


def test_prune_forgets_ids_older_than_a_day(services: Services) -> None:
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    with services.session() as session:
        log = SlackEventLog(session)
        log.claim("EvOld", now=now - timedelta(days=2))
        log.claim("EvNew", now=now - timedelta(hours=1))
        assert log.prune(now=now) == 1
    with services.session() as session:
        assert SlackEventLog(session).claim("EvOld") is True
        assert SlackEventLog(session).claim("EvNew") is False
