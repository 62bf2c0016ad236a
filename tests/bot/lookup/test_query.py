"""Filter syntax typed into the search box."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.lookup.query import parse_query

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_filters_are_split_from_the_free_text_in_any_order() -> None:
    parsed = parse_query("since:7d netflix LANG:de eternauta section:Wirtschaft", now=NOW)
    assert parsed.text == "netflix eternauta"
    assert parsed.since == NOW - timedelta(days=7)
    assert parsed.langs == ["de"]
    assert parsed.sections == ["Wirtschaft"]
    assert parsed.errors == []


def test_relative_and_absolute_since() -> None:
    assert parse_query("since:24h", now=NOW).since == NOW - timedelta(hours=24)
    assert parse_query("since:2w", now=NOW).since == NOW - timedelta(weeks=2)
    assert parse_query("since:2024-05-01", now=NOW).since == datetime(2024, 5, 1, tzinfo=UTC)


def test_quoted_values_and_language_aliases() -> None:
    parsed = parse_query('section:"Inland Politik" lang:deutsch,en source:bbc', now=NOW)
    assert parsed.sections == ["Inland Politik"]
    assert parsed.langs == ["de", "en"]
    assert parsed.sources == ["bbc"]
    assert parsed.text == ""
    assert parsed.has_filters


def test_unknown_keys_and_colons_stay_in_the_text() -> None:
    parsed = parse_query("Netflix: Der Eternauta foo:bar", now=NOW)
    assert parsed.text == "Netflix: Der Eternauta foo:bar"
    assert not parsed.has_filters


def test_bad_values_become_messages_not_exceptions() -> None:
    assert "since:gestern" in parse_query("since:gestern", now=NOW).errors[0]
    assert "needs a value" in parse_query("lang:", now=NOW).errors[0]
    assert parse_query("since:99999y", now=NOW).errors


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("since:9999-12-31T23:59:59-05:00", "`since:9999-12-31T23:59:59-05:00` is in the future"),
        ("since:2999-01-01", "is in the future"),
        ("since:99999d", "`since:99999d` reaches back before 1800"),
        ("since:0001-01-01T00:00:00+05:00", "reaches back before 1800"),
    ],
)
def test_out_of_range_since_gets_a_clear_message(query: str, says: str) -> None:
    parsed = parse_query(f"netflix {query}", now=NOW)
    assert parsed.since is None and parsed.text == "netflix"
    (message,) = parsed.errors
    assert says in message
