"""Fixtures for Slack tests: FakeSlack, stored articles, and the app served over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.services import Services
from storage.articles import ArticleFields, ArticleRepository, FigureFields
from tests.fakeslack import FakeSlack
from tests.slackrig import SlackRig

NETFLIX_URL = "https://news.example.com/kultur/netflix-ki-eternauta"
EVIL_URL = "https://news.example.com/panorama/breaking"


def netflix_article() -> ArticleFields:
    return ArticleFields(
        external_id="nr-netflix-ki",
        title="Netflix setzt bei „El Eternauta“ auf KI",
        body="Netflix hat für die Serie El Eternauta generative KI eingesetzt.",
        content_hash="h-netflix",
        teaser="Generative KI in einer Netflix-Serie.",
        canonical_url=NETFLIX_URL,
        lang="de",
        section="Kultur",
        source="Newsroom",
        tags=["Netflix", "KI"],
        published_at=datetime(2025, 7, 18, 9, 30, tzinfo=UTC),
        summary="Netflix nutzte generative KI für eine Einsturzszene in El Eternauta; "
        "die Szene war zehnmal schneller fertig als mit klassischen Effekten.",
        figures=[
            FigureFields(
                text="10x faster",
                value=10,
                unit="x",
                kind="factor",
                direction="up",
                label="VFX production",
            ),
            FigureFields(
                text="+16 %",
                value=16,
                unit="%",
                kind="percent",
                direction="up",
                label="revenue to $11bn",
            ),
        ],
    )


def evil_article() -> ArticleFields:
    return ArticleFields(
        external_id="nr-evil",
        title="<!channel> breaking & <@U999> news",
        body="x",
        content_hash="h-evil",
        canonical_url=EVIL_URL,
        source="Wire <b>",
        summary="Summary with <!here> and <https://evil.example|click> & more",
        figures=[FigureFields(text="<!everyone> 5 %", value=5, unit="%", kind="percent")],
    )


def other_article() -> ArticleFields:
    return ArticleFields(
        external_id="bbc-business-001",
        title="Ad sales boost Time Warner profit",
        body="Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.",
        content_hash="h-tw",
        canonical_url="https://news.example.com/business/time-warner",
        lang="en",
        source="BBC",
        summary="Quarterly profits at TimeWarner jumped 76% to $1.13bn.",
    )


def store(services: Services, *articles: ArticleFields) -> list[int]:
    with services.session() as session:
        repo = ArticleRepository(session)
        return [repo.upsert(a)[0].id for a in articles]


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture
def articles(services: Services) -> list[int]:
    return store(services, netflix_article(), evil_article(), other_article())


@pytest.fixture
def rig(services: Services, fake_slack: FakeSlack, articles: list[int]) -> Iterator[SlackRig]:
    r = SlackRig(services, fake_slack)
    yield r
    r.stop()
