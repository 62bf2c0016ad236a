"""Take a test's database away and give it back: a real outage, not a mock.

PostgreSQL: ``ALLOW_CONNECTIONS false`` makes the server refuse new connections to that one
database and ``pg_terminate_backend`` cuts the open ones, as a failover or restart does for
the app; the shared server keeps running for everyone else. SQLite: the pool is emptied and
a directory stands where the file was, so every connection fails with "unable to open
database file", as when a volume goes away. ``OutageDatabase`` is a PostgreSQL database of
its own for benchmarks.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from storage import migrate
from storage.db import make_engine, normalize_url


@contextmanager
def database_outage(engine: Engine) -> Iterator[None]:
    """The database behind ``engine`` is unreachable inside the block."""
    url = make_url(normalize_url(engine.url.render_as_string(hide_password=False)))
    if url.get_backend_name() == "sqlite":
        with _sqlite_outage(engine, Path(str(url.database))):
            yield
    else:
        with _postgres_outage(url):
            yield


@contextmanager
def _sqlite_outage(engine: Engine, path: Path) -> Iterator[None]:
    engine.dispose()
    files = [f for f in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if f.exists()]
    for f in files:
        f.rename(f.with_name(f.name + ".away"))
    while path.is_file():  # a thread connected in between and SQLite created it afresh
        path.unlink()
        engine.dispose()
    path.mkdir()
    try:
        yield
    finally:
        path.rmdir()
        for f in files:
            f.with_name(f.name + ".away").rename(f)


@contextmanager
def _postgres_outage(url: URL) -> Iterator[None]:
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    name = url.database
    try:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            )
        yield
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'))
        admin.dispose()


class OutageDatabase:
    """A fresh, migrated PostgreSQL database next to the test one; ``drop()`` it after."""

    def __init__(self, admin_url: str) -> None:
        self.name = f"nrb_outage_{uuid.uuid4().hex[:10]}"
        self._admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = make_url(admin_url).set(database=self.name).render_as_string(False)
        engine = make_engine(self.url)
        migrate.upgrade(engine)
        engine.dispose()

    def drop(self) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self._admin.dispose()
