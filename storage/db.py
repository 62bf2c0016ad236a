"""Engine and session set-up shared by the CLI, the Slack app and the tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "newsroom-bot"


def default_database_url(*, in_cwd: bool = False) -> str:
    """SQLite file in the user's data dir, so the bot works with zero set-up.

    ``in_cwd`` (``NEWSROOM_DB_IN_CWD=1``) switches to ``./newsroom.db`` for people who
    prefer the database next to their checkout.
    """
    if in_cwd:
        return "sqlite:///newsroom.db"
    data_dir = Path(user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{data_dir / 'newsroom.db'}"


def normalize_url(url: str) -> str:
    """Accept the URL spellings people paste (``postgres://``) and pick psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else make_url(url_or_engine)
    return url.get_backend_name() == "sqlite"


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create an engine tuned for the backend.

    SQLite gets WAL mode, a busy timeout and enforced foreign keys, because the bot
    reads while an import or a feed poll writes; PostgreSQL gets pre-ping so a
    restarted server does not surface as an error in Slack.
    """
    url = normalize_url(url)
    if is_sqlite(url):
        db_path = make_url(url).database
        if db_path and db_path != ":memory:":
            Path(db_path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=10)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
    # SQLite's lower()/upper() fold ASCII only; filters like `section:österreich` must
    # match "Österreich" as they do on PostgreSQL.
    dbapi_conn.create_function("lower", 1, _casefold(str.lower), deterministic=True)
    dbapi_conn.create_function("upper", 1, _casefold(str.upper), deterministic=True)


def _casefold(fold: Callable[[str], str]) -> Callable[[Any], Any]:
    return lambda value: fold(value) if isinstance(value, str) else value


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One session per unit of work: commit on success, roll back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
