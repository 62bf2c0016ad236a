"""An alert counts its words as the lookup does, so its threshold can be met."""

from __future__ import annotations

from bot.digest.relevance import alert_query, query_words


def test_an_alert_counts_the_words_the_lookup_counts() -> None:
    query = alert_query("what did we publish on refugees in Austria last week?")
    assert query_words(query) == ["refugees", "austria"]  # "last week" is a date filter


def test_filters_and_stop_words_are_not_words_to_match() -> None:
    assert query_words("Netflix und KI lang:de since:7d") == ["netflix", "ki"]
