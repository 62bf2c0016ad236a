"""A database that is away, told apart from a bug, and said once a minute, not once a call.

While PostgreSQL restarts or fails over, every command, button, health probe and scheduler
tick fails the same way. Logging each with its traceback buries the one line that matters
(measured in docs/benchmarks.md, "Database outage": 88 records, 78 with a traceback, in a
10 s outage under light load). ``OutageLog`` writes one line when the database goes away,
one a minute while it stays away and one when it is back; every failure of one outage shares
its id, which is the error id the people who asked are shown, so they find it in the log.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError

log = logging.getLogger(__name__)

REPEAT_SECONDS = 60.0  # how often a continuing outage is logged again
_CHAIN_DEPTH = 5  # how far to follow __cause__/__context__ looking for the database error


def new_error_id() -> str:
    """Short enough to read out or paste, unique enough to find one line in a day's log."""
    return secrets.token_hex(4)


def is_unreachable(exc: BaseException) -> bool:
    """True for "the database is not there" (refused, dropped, restarting), not for bugs.

    DB-API's OperationalError means errors "not necessarily under the control of the
    programmer" (lost connection, server shutting down, file that cannot be opened).
    """
    seen: BaseException | None = exc
    for _ in range(_CHAIN_DEPTH):
        if seen is None:
            return False
        if isinstance(seen, OperationalError | InterfaceError):
            return True
        if isinstance(seen, DBAPIError) and seen.connection_invalidated:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def safe_url(url: str) -> str:
    """The database URL as it may be printed: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(malformed URL)"


def describe_unreachable(exc: BaseException, url: str) -> str:
    """One line naming the database and the cause, e.g. for ``newsroom-bot stats``."""
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    text = lines[0] if lines else type(cause).__name__
    text = text.removeprefix("connection failed: ")
    return f"cannot reach the database {safe_url(url)}: {text}"


class OutageLog:
    """Rate-limited logging of one dependency's outage, shared by the threads of a process."""

    def __init__(
        self,
        what: str = "database",
        *,
        every: float = REPEAT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        logger: logging.Logger = log,
    ) -> None:
        self.what = what
        self.every = every
        self.clock = clock
        self.logger = logger
        self._lock = threading.Lock()
        self._since: float | None = None
        self._id = ""
        self._failures = 0
        self._next_log = 0.0

    @property
    def outage_id(self) -> str | None:
        """The current outage's id, or None while the dependency answers."""
        return self._id if self._since is not None else None

    def failed(self, cause: str) -> str:
        """Record one failed call; logs at most once per ``every`` seconds. Returns the id."""
        with self._lock:
            now = self.clock()
            if self._since is None:
                self._since, self._id, self._failures, self._next_log = now, new_error_id(), 0, now
            self._failures += 1
            if now >= self._next_log:
                self._next_log = now + self.every
                self.logger.error("%s unreachable for %.0f s (error id %s, %d failed calls): %s",
                                  self.what, now - self._since, self._id, self._failures,
                                  cause)  # fmt: skip
            return self._id

    def ok(self) -> None:
        """Record a successful call; logs once when an outage ends."""
        if self._since is None:  # the common case, without taking the lock
            return
        with self._lock:
            if self._since is None:
                return
            self.logger.warning("%s reachable again after %.0f s (error id %s, %d failed calls)",
                                self.what, self.clock() - self._since, self._id,
                                self._failures)  # fmt: skip
            self._since = None
