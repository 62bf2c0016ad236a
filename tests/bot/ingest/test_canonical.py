"""Article identity: the same story under a tracking link is the same URL; dates parse."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.ingest.canonical import (
    DateError,
    canonical_url,
    content_hash,
    parse_datetime,
    read_datetime,
)


def test_tracking_parameters_and_fragments_are_stripped() -> None:
    url = "HTTPS://News.Example:443/kultur/netflix-ki/?utm_source=x&fbclid=1&page=2#kommentare"
    assert canonical_url(url) == "https://news.example/kultur/netflix-ki?page=2"
    assert canonical_url("mailto:desk@news.example") is None
    assert canonical_url("  ") is None


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash("Netflix  KI", "Text\n\nzwei") == content_hash("netflix ki", "text zwei")


@pytest.mark.parametrize(
    "value",
    [
        "2025-07-18T16:21:00Z",
        "Fri, 18 Jul 2025 16:21:00 GMT",
        "18.07.2025, 18:21",  # Berlin time, summer
        1752855660,
        "1752855660000",
    ],
)
def test_dates_in_the_formats_imports_carry(value: object) -> None:
    assert parse_datetime(value) == datetime(2025, 7, 18, 16, 21, tzinfo=UTC)


def test_unreadable_dates_are_none_not_a_guess() -> None:
    assert parse_datetime("next tuesday") is None
    assert parse_datetime("31.02.2025") is None


@pytest.mark.parametrize(
    "value", ["18. Juli 2025", "July 18, 2025", "Freitag, 18. Juli 2025", "18 July 2025"]
)
def test_human_dates_are_read_as_berlin_midnight(value: str) -> None:
    assert read_datetime(value) == datetime(2025, 7, 17, 22, 0, tzinfo=UTC)


def test_relative_human_dates_count_back_from_now() -> None:
    parsed = read_datetime("vor 3 Tagen")
    assert parsed is not None
    assert abs((datetime.now(UTC) - parsed) - timedelta(days=3)) < timedelta(minutes=1)


@pytest.mark.parametrize("value", ["5", "2025", "Juli 2025", "morgen früh vielleicht", "n/a"])
def test_dateparser_does_not_guess_from_fragments(value: str) -> None:
    with pytest.raises(DateError, match="unreadable date"):
        read_datetime(value)


@pytest.mark.parametrize("value", ["01.01.0001", "0001-01-01", "9999-12-31T23:59:59-05:00"])
def test_dates_out_of_range_are_named_as_such(value: str) -> None:
    with pytest.raises(DateError, match="date out of range"):
        read_datetime(value)
    assert parse_datetime(value) is None
