"""Where slow answers run, apart from the threads that acknowledge Slack's requests.

Slack wants an HTTP 200 within 3 seconds. Listeners only ack and hand the lookup to this
pool; because acks never wait for a worker here, a burst of searches cannot delay them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

log = logging.getLogger(__name__)

DEFAULT_WORKERS = 4


class Background:
    def __init__(self, workers: int = DEFAULT_WORKERS) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="answer")
        self._pending: set[Future[Any]] = set()
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
        future = self._pool.submit(self._run, fn, *args, **kwargs)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._done)
        return future

    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def shutdown(self, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=not wait)

    def _done(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(future)

    @staticmethod
    def _run(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception:  # the user already got an ack; the log is the only witness
            log.exception("background answer %s failed", getattr(fn, "__name__", fn))
            return None
