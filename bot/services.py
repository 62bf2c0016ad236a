"""The objects every surface (CLI, Slack listeners, scheduler) shares, built from config."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from bot.lookup import meaning
from storage import migrate
from storage.db import make_engine, make_session_factory, session_scope
from storage.health import OutageLog, describe_unreachable, is_unreachable


@dataclass
class Services:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    # One per process: every surface (answers, scheduler, health checks) reports to it, so
    # an outage is logged once a minute in all, with one error id (storage/health.py).
    db_outage: OutageLog = field(default_factory=OutageLog)

    def __post_init__(self) -> None:
        # Searches through this engine also go by meaning (unless the setting is "off").
        meaning.attach(self.engine, self.settings.embedding_model)

    @classmethod
    def from_settings(cls, settings: Settings, *, upgrade: bool = True) -> Services:
        """Connect and, by default, bring the schema up to date, as the bot does on start."""
        engine = make_engine(settings.database_url)
        if upgrade:
            migrate.upgrade(engine)
        return cls(settings=settings, engine=engine, sessions=make_session_factory(engine))

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.sessions) as session:
            yield session

    def database_unreachable(self, exc: BaseException) -> str | None:
        """If ``exc`` means the database is away: note it (rate-limited log line) and return
        the outage's error id; None for any other error, which the caller logs itself."""
        if not is_unreachable(exc):
            return None
        return self.db_outage.failed(describe_unreachable(exc, self.settings.database_url))

    def database_answered(self) -> None:
        """A call reached the database: ends an outage, if one was noted."""
        self.db_outage.ok()

    def close(self) -> None:
        self.engine.dispose()
