"""Waiting at start for what the running bot needs: the database, then Slack.

A bot started together with its database (docker compose, a node reboot) or during a Slack
incident should come up once they answer, not die with a traceback and leave the restart
to a supervisor. Each dependency is tried with exponential backoff (1, 2, 4 … 30 s), one
line per failed attempt, until ``NEWSROOM_STARTUP_WAIT_SECONDS`` (120 s) have passed; then
``GaveUp`` ends the command with exit status 1. A wrong credential is no reason to wait: its
``ConfigError`` passes straight through.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


class NotReady(Exception):
    """A dependency cannot be reached yet; the message is one line saying which and why."""


class GaveUp(Exception):
    """A dependency stayed unreachable for the whole start-up wait (exit status 1)."""


@dataclass(frozen=True)
class Backoff:
    first: float = 1.0
    factor: float = 2.0
    cap: float = 30.0

    def after(self, delay: float) -> float:
        return min(self.cap, delay * self.factor)


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def wait_until_ready(
    what: str,
    attempt: Callable[[], T],
    *,
    give_up_after: float,
    backoff: Backoff = Backoff(),
    report: Callable[[str], None] = say,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    """``attempt()`` until it returns; it raises ``NotReady`` while ``what`` is away."""
    deadline = clock() + give_up_after
    delay, number = backoff.first, 1
    while True:
        try:
            return attempt()
        except NotReady as exc:
            left = deadline - clock()
            if left <= 0:
                raise GaveUp(
                    f"{what} still not reachable after {give_up_after:.0f} s: {exc}"
                ) from None
            wait = min(delay, left)
            report(f"{what} not reachable (attempt {number}): {exc}; retrying in {wait:.0f} s")
            sleep(wait)
            delay, number = backoff.after(delay), number + 1
