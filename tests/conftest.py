"""Shared fixtures: real databases (a SQLite file and, when present, PostgreSQL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from bot.ingest.readers import RawArticle, read_location
from bot.services import Services
from storage import migrate
from storage.db import make_engine, make_session_factory
from storage.models import Base
from tests.hostile import HostileServer
from tests.newssite import Site

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seeds" / "netflix_eternauta_de.txt"
FIXTURES = Path(__file__).parent / "fixtures"


def _postgres_admin_url() -> str | None:
    return os.environ.get("TEST_POSTGRES_URL")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test run, dropped at the end.

    One database per run keeps parallel runs (several developers, CI) apart.
    """
    admin = _postgres_admin_url()
    if not admin:
        if os.environ.get("NEWSROOM_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is required (CI) but TEST_POSTGRES_URL is not set")
        pytest.skip("PostgreSQL not available: set TEST_POSTGRES_URL (make test does)")
    name = f"nrb_test_{uuid.uuid4().hex[:10]}"
    admin_engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with admin_engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        if os.environ.get("NEWSROOM_REQUIRE_POSTGRES") == "1":
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    yield url
    with admin_engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin_engine.dispose()


def _truncate_all(engine: Engine) -> None:
    tables = ", ".join(t.name for t in reversed(Base.metadata.sorted_tables))
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'newsroom.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test using this runs twice: on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'newsroom.db'}"
    url: str = request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    _truncate_all(engine)
    engine.dispose()
    return url


def _services(url: str) -> Services:
    return Services.from_settings(Settings(database_url=url))


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    svc = _services(db_url)
    yield svc
    svc.close()


@pytest.fixture
def sqlite_services(sqlite_url: str) -> Iterator[Services]:
    svc = _services(sqlite_url)
    yield svc
    svc.close()


@pytest.fixture
def session_factory(services: Services) -> sessionmaker[Session]:
    return make_session_factory(services.engine)


def seed_article() -> RawArticle:
    """The scraped German Netflix/Eternaut article, read as a user's import reads it."""
    (item,) = read_location(str(SEED))
    assert isinstance(item, RawArticle), item
    return item


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"shared corpus file {name} not found at {path}")
    return path


@pytest.fixture
def site() -> Iterator[Site]:
    """A local news site (feed with ETag, article page, failing path) over real HTTP."""
    news_site = Site()
    yield news_site
    news_site.stop()


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    """The hostile web server of tests/hostile.py on 127.0.0.1."""
    server = HostileServer()
    yield server
    server.stop()
