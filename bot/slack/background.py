"""Where slow answers run, apart from the threads that acknowledge Slack's requests.

Slack wants an HTTP 200 within 3 seconds. Listeners only ack and hand the look-up to this
pool, so acks never wait for an answer worker. With ``processes=True`` the workers are
separate processes: a burst of CPU-heavy searches then competes with the acks only for
cores, scheduled by the OS, not for the interpreter lock of the process that must ack
(measured in docs/benchmarks.md: ack p99 at 50 concurrent commands drops several-fold).

A job is a module-level function ``fn(context, *args)`` with picklable arguments. The
context (services, Web API client, …) is built once per worker process by ``factory(spec)``,
or handed in directly for the in-process thread pool used by tests.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)

DEFAULT_WORKERS = 2
SHUTDOWN_GRACE_S = 5.0
C = TypeVar("C")
_worker_context: Any = None


class Background(Generic[C]):
    def __init__(
        self,
        factory: Callable[[Any], C],
        spec: Any,
        *,
        workers: int = DEFAULT_WORKERS,
        processes: bool = False,
    ) -> None:
        self._pending: set[Future[Any]] = set()
        self._lock = threading.Lock()
        self._context: C | None = None
        self._executor: Executor
        if processes:
            self._executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),  # the server runs threads
                initializer=_init_worker,
                initargs=(factory, spec),
            )
            for _ in range(workers):  # start the workers now, not on the first question
                self._executor.submit(_noop)
        else:
            self._context = factory(spec)
            self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="answer")

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        if self._context is not None:
            future = self._executor.submit(_run, fn, self._context, args)
        else:
            future = self._executor.submit(_run_in_worker, fn, args)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._done)
        return future

    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def shutdown(self, wait: bool = True, grace: float = SHUTDOWN_GRACE_S) -> None:
        """Stop the workers. Worker processes get ``grace`` seconds to finish what they run
        (none without ``wait``) and are then terminated: a worker still importing and
        building its context when Ctrl-C comes would otherwise hold the exit for as long
        as its start-up takes (10 s measured on an idle machine, over 20 s under load)."""
        if not isinstance(self._executor, ProcessPoolExecutor):
            self._executor.shutdown(wait=wait, cancel_futures=not wait)
            return
        # The executor keeps its processes private; there is no public way to bound the wait.
        processes = list(getattr(self._executor, "_processes", {}).values())
        self._executor.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + (grace if wait else 0.0)
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.terminate()

    def _done(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(future)


def _init_worker(factory: Callable[[Any], Any], spec: Any) -> None:
    global _worker_context
    logging.basicConfig(level=logging.WARNING)
    _worker_context = factory(spec)


def _noop() -> None:
    return None


def _run_in_worker(fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    return _run(fn, _worker_context, args)


def _run(fn: Callable[..., Any], context: Any, args: tuple[Any, ...]) -> Any:
    try:
        return fn(context, *args)
    except Exception:  # last resort: Slack jobs run behind handlers.jobs.run_job
        log.exception("background job %s failed", getattr(fn, "__name__", fn))
        return None
