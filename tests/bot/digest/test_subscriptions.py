"""Subscriptions are saved whole or not at all, and listed/removed per channel."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.digest.subscriptions import (
    SubscriptionError,
    describe,
    list_subscriptions,
    parse_filters,
    parse_request,
    subscribe,
    unsubscribe,
)
from bot.services import Services
from storage.models import Subscription

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def count(services: Services) -> int:
    with services.session() as session:
        return int(session.scalar(select(func.count(Subscription.id))) or 0)


def test_subscribe_saves_schedule_timezone_filters_and_size(services: Services) -> None:
    text = 'daily 08:00 Europe/Berlin lang:de section:"Web & Tech" netflix ki top 3 empty:post'
    sub = subscribe(services, "C1", text, team_id="T1", user_id="U1", now=NOW)
    with services.session() as session:
        stored = session.get(Subscription, sub.id)
        assert stored is not None
        assert (stored.schedule_kind, stored.schedule_expr, stored.timezone) == (
            "daily", "08:00", "Europe/Berlin",
        )  # fmt: skip
        assert stored.filters == 'lang:de section:"Web & Tech" netflix ki'
        assert (stored.size, stored.post_when_empty, stored.created_by) == (3, True, "U1")
    filters = parse_filters(stored.filters)
    assert (filters.lang, filters.section, filters.keywords) == ("de", "Web & Tech", "netflix ki")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("daily 08:00 Europe/Berln lang:de", "Did you mean `Europe/Berlin`"),
        ("fortnightly", "Unknown schedule"),
        ("daily 08:00 lang:deutsch", "language code"),
        ("daily 08:00 author:smith", "Unknown filter `author:`"),
        ("daily 08:00 top 500", "from 1 to 50"),
        ("daily 08:00 empty:maybe", "empty:post"),
        ("daily 08:00 lang:de lang:en", "given twice"),
        ("", "Usage"),
    ],
)
def test_invalid_requests_are_explained_and_nothing_is_saved(
    services: Services, text: str, message: str
) -> None:
    with pytest.raises(SubscriptionError, match=message):
        subscribe(services, "C1", text, now=NOW)
    assert count(services) == 0


def test_same_digest_twice_in_a_channel_is_refused(services: Services) -> None:
    first = subscribe(services, "C1", "weekdays 07:30 Europe/Berlin lang:de", now=NOW)
    with pytest.raises(SubscriptionError, match=f"#{first.id}"):
        subscribe(services, "C1", "weekdays 07:30 Europe/Berlin lang:de", now=NOW)
    subscribe(services, "C2", "weekdays 07:30 Europe/Berlin lang:de", now=NOW)
    assert count(services) == 2


def test_listing_is_per_channel_and_shows_the_next_local_slot(services: Services) -> None:
    sub = subscribe(services, "C1", "daily 08:00 Europe/Berlin lang:de top 3", now=NOW)
    subscribe(services, "C2", "hourly", now=NOW)
    listed = list_subscriptions(services, "C1")
    assert [s.id for s in listed] == [sub.id]
    line = describe(listed[0], now=NOW)
    assert "daily 08:00 Europe/Berlin" in line and "lang:de" in line and "top 3" in line
    assert "next Thu 26 Nov 08:00 CET" in line
    assert len(list_subscriptions(services)) == 2


def test_unsubscribe_by_id_or_the_channels_only_digest(services: Services) -> None:
    a = subscribe(services, "C1", "daily 08:00", now=NOW)
    b = subscribe(services, "C1", "hourly", now=NOW)
    with pytest.raises(SubscriptionError, match="several digests"):
        unsubscribe(services, None, channel_id="C1")
    with pytest.raises(SubscriptionError, match=f"No active digest #{a.id} in this channel"):
        unsubscribe(services, a.id, channel_id="C9")
    assert unsubscribe(services, a.id, channel_id="C1").id == a.id
    assert unsubscribe(services, None, channel_id="C1").id == b.id
    assert list_subscriptions(services, "C1") == []
    with pytest.raises(SubscriptionError, match="no digest subscriptions"):
        unsubscribe(services, None, channel_id="C1")


def test_every_schedule_form_parses() -> None:
    kinds = {
        "daily 08:00": ("daily", "08:00"),
        "weekdays 7:30 Europe/Berlin": ("weekdays", "07:30"),
        "hourly": ("interval", "1"),
        "every 2 hours": ("interval", "2"),
        "cron 0 8 * * 1-5 lang:de": ("cron", "0 8 * * 1-5"),
        "cron “0 8 * * 1-5” Europe/Berlin": ("cron", "0 8 * * 1-5"),
    }
    for text, expected in kinds.items():
        request = parse_request(text)
        assert (request.schedule.kind, request.schedule.expr) == expected, text


def test_keywords_keep_apostrophes_and_hashes() -> None:
    request = parse_request("daily 08:00 Europe/Berlin Trump's tariffs #ukraine")
    assert request.filters.keywords == "Trump's tariffs #ukraine"
