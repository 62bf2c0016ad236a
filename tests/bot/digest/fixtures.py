"""Helpers shared by the digest tests: stored articles with a chosen arrival time,
a fake Slack Web API and the real Slack publisher pointed at it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

import pytest

from bot.digest.alert_job import AlertJob
from bot.digest.scheduler import DigestScheduler, SchedulerConfig
from bot.digest.updates import UpdateNoteJob
from bot.services import Services
from bot.slack.alert_post import SlackAlertPublisher
from bot.slack.digest_post import SlackDigestPublisher
from bot.slack.posting import SlackPoster
from storage.articles import ArticleFields, ArticleRepository, FigureFields
from tests.fakeslack import FakeSlack


def add_article(
    services: Services, key: str, ingested_at: datetime, *, title: str | None = None,
    lang: str = "de", section: str | None = "Wirtschaft", source: str | None = "tagesschau",
    summary: str = "", figure: str | None = None, published_at: datetime | None = None,
) -> int:  # fmt: skip
    """Store one article through the repository, as ingestion does, arriving at a set time."""
    title = title or f"Artikel {key}"
    body = f"{title}. Ausführlicher Text zu {key}."
    fields = ArticleFields(
        external_id=key,
        title=title,
        body=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        canonical_url=f"https://news.example/{key}",
        lang=lang,
        section=section,
        source=source,
        summary=summary or f"Zusammenfassung von {key}. Zweiter Satz.",
        published_at=published_at or ingested_at,
        figures=[FigureFields(text=figure, value=None, unit=None, kind="number")] if figure else [],
    )
    with services.session() as session:
        article, _ = ArticleRepository(session).upsert(fields)
        article.ingested_at = ingested_at
        session.flush()
        return article.id


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def slack_poster(fake: FakeSlack, services: Services, *, timeout: float = 10.0) -> SlackPoster:
    """The real poster against ``fake``, on ``services``' database."""
    settings = replace(services.settings, slack_api_url=fake.url, slack_bot_token="xoxb-test",
                       slack_timeout_seconds=timeout)  # fmt: skip
    return SlackPoster.from_services(replace(services, settings=settings))


def slack_publisher(fake: FakeSlack, services: Services, *, timeout: float = 10.0
                    ) -> SlackDigestPublisher:  # fmt: skip
    return SlackDigestPublisher(slack_poster(fake, services, timeout=timeout))


def pass_scheduler(
    fake: FakeSlack, services: Services, *, max_per_hour: int = 20, timeout: float = 10.0
) -> DigestScheduler:
    """The scheduler pass as the bot runs it (digests, alerts, update notes) against ``fake``."""
    config = SchedulerConfig(poll_feeds=False)
    poster = slack_poster(fake, services, timeout=timeout)
    publisher = SlackAlertPublisher(poster)
    alerts = AlertJob(services, publisher, config, max_per_hour)
    notes = UpdateNoteJob.from_settings(services, publisher, config)
    return DigestScheduler(
        services, SlackDigestPublisher(poster), config=config, jobs=[alerts, notes]
    )
