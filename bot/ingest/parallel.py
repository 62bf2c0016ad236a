"""Ingestion on every core: analysis in worker processes, one writer storing batches.

Analysis (language, summary, key figures) is ~85 % of an import's time and needs nothing
but the article, so ``ParallelIngestor`` sends chunks of articles to a process pool
(``to_fields`` there) while the main process reads the input and stores batches, each
batch one transaction as before, in input order. Several chunks stay in flight, so the
workers keep analysing while the writer waits on the database. Results come back in
input order, so the tally, the duplicate detection and the per-row error reports are
exactly those of the serial ``Ingestor`` (it is the same code; only ``_prepare`` reads
the worker's result instead of computing it).

The first ``SERIAL_FIRST`` articles are analysed in the main process: an import of a few
articles (``/news add``, a feed poll, a test) never starts processes. After that the
pool starts, and the main process goes on analysing until every worker has finished
importing (~2 s), so no core idles while they start. Measured in docs/benchmarks.md
("Ingestion on both cores").
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait

from bot.ingest.readers import Item, RawArticle, Rejected
from bot.ingest.service import Ingestor, IngestReport, to_fields
from bot.services import Services
from storage.articles import ArticleFields

log = logging.getLogger(__name__)

CHUNK = 32  # articles per task: pickling cost amortised, results still come back soon
IN_FLIGHT_PER_JOB = 4  # chunks queued per worker, so none idles while the writer writes
SERIAL_FIRST = 16
Prepared = ArticleFields | Exception


def default_jobs() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def make_ingestor(services: Services, *, analyze: bool = True, batch_size: int = 200,
                  jobs: int = 1) -> Ingestor:  # fmt: skip
    """The serial ingestor, or the parallel one when analysis runs and ``jobs`` > 1."""
    if analyze and jobs > 1:
        return ParallelIngestor(services, jobs=jobs, batch_size=batch_size)
    return Ingestor(services, analyze=analyze, batch_size=batch_size)


def _ready() -> bool:
    return True


def _analyse_chunk(chunk: list[RawArticle]) -> list[Prepared]:
    out: list[Prepared] = []
    for raw in chunk:
        try:
            out.append(to_fields(raw, with_analysis=True))
        except Exception as exc:  # reported for this row by the writer, like the serial path
            log.exception("analysis failed for %s", raw.origin)
            out.append(exc)
    return out


class ParallelIngestor(Ingestor):
    def __init__(self, services: Services, *, jobs: int, batch_size: int = 200,
                 analyse_while_starting: bool = True) -> None:  # fmt: skip
        super().__init__(services, analyze=True, batch_size=batch_size)
        self.jobs = jobs
        # False: wait for the workers instead (every article after SERIAL_FIRST then
        # goes through the pool, which tests rely on).
        self.analyse_while_starting = analyse_while_starting
        self._done: dict[int, Prepared] = {}

    def ingest(self, items: Iterable[Item], *, progress: bool = False) -> IngestReport:
        pool: ProcessPoolExecutor | None = None

        def start() -> ProcessPoolExecutor:
            nonlocal pool
            pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))
            return pool

        try:
            return super().ingest(self._analysed(items, start), progress=progress)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _analysed(
        self, items: Iterable[Item], start: Callable[[], ProcessPoolExecutor]
    ) -> Iterator[Item]:
        """The items in input order, each raw article's fields computed by the pool."""
        iterator = iter(items)
        for _, item in zip(range(SERIAL_FIRST), iterator, strict=False):
            yield item  # analysed by the serial _prepare
        pool = start()
        booting = [pool.submit(_ready) for _ in range(self.jobs)]
        if not self.analyse_while_starting:
            wait(booting)
        while not all(f.done() for f in booting):
            upcoming = next(iterator, None)  # analysed here while the workers import
            if upcoming is None:
                return
            yield upcoming
        flight: deque[tuple[list[Item], Future[list[Prepared]] | None]] = deque()
        limit = self.jobs * IN_FLIGHT_PER_JOB
        chunk: list[Item] = []
        for item in iterator:
            chunk.append(item)
            if len(chunk) >= CHUNK:
                flight.append(self._submit(pool, chunk))
                chunk = []
            while len(flight) >= limit:
                yield from self._collect(*flight.popleft())
        if chunk:
            flight.append(self._submit(pool, chunk))
        while flight:
            yield from self._collect(*flight.popleft())

    @staticmethod
    def _submit(
        pool: ProcessPoolExecutor, chunk: list[Item]
    ) -> tuple[list[Item], Future[list[Prepared]] | None]:
        raws = [item for item in chunk if isinstance(item, RawArticle)]
        return chunk, pool.submit(_analyse_chunk, raws) if raws else None

    def _collect(self, chunk: list[Item], future: Future[list[Prepared]] | None) -> Iterator[Item]:
        results = iter(future.result() if future is not None else [])
        for item in chunk:
            if isinstance(item, RawArticle):
                self._done[id(item)] = next(results)
            yield item

    def _prepare(self, raw: RawArticle, report: IngestReport) -> ArticleFields | None:
        done = self._done.pop(id(raw), None)
        if done is None:  # one of the first articles, analysed here
            return super()._prepare(raw, report)
        if isinstance(done, Exception):
            report.rejected.append(Rejected(raw.origin, f"could not analyze ({done})"))
            return None
        return done
