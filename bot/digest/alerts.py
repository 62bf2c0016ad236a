"""Alerts as a service: a channel's saved search, checked against every new arrival.

``/news alert netflix ki lang:de`` (or ``newsroom-bot alert add C0123 netflix ki``) saves
the query as typed — search syntax, questions included; the scheduler pass
(``bot.digest.alert_job``) runs it over the articles that arrived since the last pass and
posts the matches. Everything is validated before the single INSERT: a query the search
cannot read, or one with nothing to look for, is refused with the fix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.digest.relevance import MIN_WORD_SHARE, alert_query
from bot.lookup.query import parse_query
from bot.lookup.question import topic_words
from bot.services import Services
from storage.alerts import AlertFields, AlertRepository
from storage.models import Alert, utcnow

MAX_PER_CHANNEL = 20
MAX_QUERY_CHARS = 300
MAX_MUTE = timedelta(days=30)
_DURATION = re.compile(r"^(\d{1,4})\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)$", re.I)
_UNIT = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1),
         "w": timedelta(weeks=1)}  # fmt: skip

ALERT_USAGE = (
    "Usage: `/news alert QUERY` (search syntax, e.g. `/news alert netflix ki lang:de`), "
    "`/news alerts`, `/news alert remove ID`, `/news alert mute ID 2h`, "
    "`/news alert unmute ID`."
)


class AlertError(ValueError):
    """A request that cannot be done; the message tells the user what to change."""


def add_alert(
    services: Services, channel_id: str, text: str, *, team_id: str | None = None,
    user_id: str | None = None, now: datetime | None = None,
) -> Alert:  # fmt: skip
    query = " ".join(text.split())
    if not query:
        raise AlertError(ALERT_USAGE)
    if len(query) > MAX_QUERY_CHARS:
        raise AlertError(
            f"That alert is {len(query)} characters long; keep it under {MAX_QUERY_CHARS}."
        )
    searched = alert_query(query)
    parsed = parse_query(searched)
    if parsed.errors:
        raise AlertError(" ".join(parsed.errors))
    if not topic_words(parsed.text) and not parsed.has_filters:
        raise AlertError("That alert has nothing to look for; add a name or a topic.")
    with services.session() as session:
        repo = AlertRepository(session)
        existing = repo.for_channel(channel_id)
        for alert in existing:
            if alert.query.casefold() == query.casefold():
                raise AlertError(f"This channel already has that alert (#{alert.id}).")
        if len(existing) >= MAX_PER_CHANNEL:
            raise AlertError(
                f"This channel has {len(existing)} alerts (limit {MAX_PER_CHANNEL}); "
                "remove one with `/news alert remove ID`."
            )
        fields = AlertFields(channel_id, query, team_id=team_id, created_by=user_id)
        return repo.add(fields, now or utcnow())


def list_alerts(services: Services, channel_id: str | None = None) -> Sequence[Alert]:
    with services.session() as session:
        repo = AlertRepository(session)
        return repo.for_channel(channel_id) if channel_id else repo.active()


def remove_alert(services: Services, alert_id: int, *, channel_id: str | None = None) -> Alert:
    with services.session() as session:
        alert = _find(AlertRepository(session), alert_id, channel_id)
        alert.active = False
        return alert


def mute_alert(
    services: Services, alert_id: int, duration: str, *, channel_id: str | None = None,
    now: datetime | None = None,
) -> Alert:  # fmt: skip
    """Quiet for ``duration`` (``2h``, ``30m``, ``1d``); arrivals meanwhile are not posted."""
    span = parse_duration(duration)
    with services.session() as session:
        alert = _find(AlertRepository(session), alert_id, channel_id)
        alert.muted_until = (now or utcnow()) + span if span else None
        return alert


def parse_duration(text: str) -> timedelta:
    """``2h`` -> 2 hours; ``off``/``0`` -> zero (unmute)."""
    text = text.strip().lower()
    if text in ("off", "0", "none"):
        return timedelta(0)
    match = _DURATION.match(text)
    if not match:
        raise AlertError(f"I can't read `{text}` as a duration; use e.g. `30m`, `2h` or `1d`.")
    span = int(match.group(1)) * _UNIT[match.group(2)[0].lower()]
    if span > MAX_MUTE:
        raise AlertError("Mute for at most 30 days; remove the alert to stop it for good.")
    return span


def describe(alert: Alert, now: datetime | None = None) -> str:
    parts = [f"#{alert.id}", f"`{alert.query}`"]
    if alert.muted_until and alert.muted_until > (now or utcnow()):
        parts.append(f"muted until {alert.muted_until:%a %d %b %H:%M} UTC")
    return " · ".join(parts)


def threshold_note() -> str:
    return (
        f"An article matches when it has at least {MIN_WORD_SHARE:.0%} of the alert's words "
        "(all of one or two)."
    )


def _find(repo: AlertRepository, alert_id: int, channel_id: str | None) -> Alert:
    alert = repo.get(alert_id)
    if alert is None or not alert.active or (channel_id and alert.channel_id != channel_id):
        where = " in this channel" if channel_id else ""
        raise AlertError(f"No active alert #{alert_id}{where}; `/news alerts` lists them.")
    return alert
