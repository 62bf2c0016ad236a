"""Article identity: the same story under a tracking link is the same URL; dates parse."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.ingest.canonical import canonical_url, content_hash, parse_datetime


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
