"""Bolt middleware: an Events API delivery we already took on is acknowledged, not re-run.

Slack retries an event (``X-Slack-Retry-Num``) when the first delivery timed out or failed,
and with several replicas behind a load balancer the retry may land on another one. The
claim is a row in ``slack_events`` keyed by ``event_id``, so the check holds across replicas.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltResponse

from bot.services import Services
from storage.slack_events import SlackEventLog

log = logging.getLogger(__name__)

PRUNE_EVERY = 500  # claims between clean-ups of old event ids


def make_dedupe_middleware(services: Services) -> Callable[..., BoltResponse | None]:
    counter = {"claims": 0}
    lock = threading.Lock()

    def dedupe_events(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if not event_id:
            next()
            return None
        with lock:
            counter["claims"] += 1
            prune = counter["claims"] % PRUNE_EVERY == 0
        try:
            with services.session() as session:
                log_ = SlackEventLog(session)
                first = log_.claim(str(event_id))
                if prune:
                    log_.prune()
        except Exception as exc:
            if services.database_unreachable(exc) is None:
                raise
            # The database is away: no claim, but the listener still runs, so its job can
            # tell the person who asked (the 200 we send means Slack does not redeliver).
            first = True
        if not first:
            log.info("event %s already handled; ignoring the retry", event_id)
            return BoltResponse(status=200, body="")
        next()
        return None

    return dedupe_events
