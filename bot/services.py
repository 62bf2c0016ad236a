"""The objects every surface (CLI, Slack listeners, scheduler) shares, built from config."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from storage import migrate
from storage.db import make_engine, make_session_factory, session_scope


@dataclass
class Services:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]

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

    def close(self) -> None:
        self.engine.dispose()
