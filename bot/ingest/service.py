"""Ingestion service: raw articles in, deduplicated and analyzed articles stored.

Each batch is one transaction and each article one savepoint inside it: an import that
is interrupted leaves only whole articles behind, and one bad row never costs the rest.

A lost database connection is not a bad row. The batch is written again after a pause
(``RETRY_DELAYS``, about 15 s in all, longer than a server restart or a failover), and if
the database does not come back the import stops with :class:`DatabaseUnavailable`
instead of reporting valid rows as refused (before this, a 3 s outage skipped 946 valid
rows and exited 0; benchmarks/bounded_input.py outage shows the behaviour now).
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.exc import (
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
from tqdm import tqdm

from bot.ingest.canonical import canonical_url, content_hash, strip_controls
from bot.ingest.readers import Item, RawArticle, Rejected
from bot.intelligence.analysis import analyze
from bot.intelligence.sentences import first_sentence
from bot.services import Services
from storage.articles import ArticleFields, ArticleRepository, UpsertOutcome
from storage.models import Article

log = logging.getLogger(__name__)
# Untitled articles (10kGNAD has none) take their first sentence as title: Slack answers
# and digests need something to link, and it keeps title-weighted ranking meaningful.
TITLE_CHARS = 120
# Pauses before each new attempt after the database connection was lost.
RETRY_DELAYS: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0)


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return self.unchanged + len(self.rejected)

    def count(self, raw: RawArticle, article: Article, outcome: UpsertOutcome) -> None:
        if outcome == "added":
            self.added += 1
        elif outcome == "updated":
            self.updated += 1
        elif outcome == "duplicate":
            self.rejected.append(Rejected(raw.origin, f"duplicate of {article.external_id}"))
        else:
            self.unchanged += 1

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.rejected.extend(other.rejected)

    def summary_line(self) -> str:
        reasons = Counter(_reason_kind(r.reason) for r in self.rejected)
        detail = [f"{self.unchanged} unchanged"] if self.unchanged else []
        detail += [f"{n} {reason}" for reason, n in reasons.most_common()]
        suffix = f" ({'; '.join(detail)})" if detail else ""
        return f"added {self.added}, updated {self.updated}, skipped {self.skipped}{suffix}"


class DatabaseUnavailable(Exception):
    """The database connection was lost and did not come back; the import stopped.

    ``report`` holds what was stored before; re-running the same import finishes it
    (re-imports update, they never duplicate).
    """

    def __init__(self, message: str, report: IngestReport) -> None:
        super().__init__(message)
        self.report = report


def connection_lost(exc: BaseException) -> bool:
    """True when ``exc`` is about the connection (server gone, restarted, unreachable,
    locked), not about the row being written."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OperationalError | InterfaceError | DisconnectionError | PoolTimeout)


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0][:200] if text else exc.__class__.__name__


_QUOTED = re.compile(r" '[^']*'")


def _reason_kind(reason: str) -> str:
    """Group reasons for the tally: "duplicate of bbc-1" and "duplicate of bbc-2" are one,
    so are "unreadable date '5'" and "unreadable date 'x'", and every "could not fetch: …"
    (each row's full reason is listed above the tally)."""
    if reason.startswith("duplicate of"):
        return "duplicates"
    kind = _QUOTED.sub("", reason.split(" (")[0])
    return kind.split(": ")[0].split("; ")[0]


def to_fields(raw: RawArticle, *, with_analysis: bool = True) -> ArticleFields:
    url = canonical_url(raw.url)
    digest = content_hash(raw.title, raw.body or raw.teaser)
    external_id = _clean(raw.external_id) or (
        "url-" + hashlib.sha1(url.encode()).hexdigest()[:16] if url else "sha-" + digest[:16]
    )
    fields = ArticleFields(
        external_id=external_id,
        title=raw.title or first_sentence(raw.teaser or raw.body, raw.lang, TITLE_CHARS),
        teaser=raw.teaser,
        body=raw.body,
        content_hash=digest,
        canonical_url=url,
        lang=_clean(raw.lang),
        section=_clean(raw.section),
        source=_clean(raw.source),
        tags=[t for t in (strip_controls(t).strip() for t in raw.tags) if t],
        authors=[a for a in (strip_controls(a).strip() for a in raw.authors) if a],
        published_at=raw.published_at,
        analyzed=with_analysis,
    )
    if with_analysis:
        analysis = analyze(fields.title, raw.teaser, raw.body, lang_hint=raw.lang)
        fields.lang, fields.summary, fields.figures = (
            analysis.lang,
            analysis.summary,
            analysis.figures,
        )
    return fields


def _clean(value: str | None) -> str | None:
    return (strip_controls(value).strip() or None) if value else None


class Ingestor:
    def __init__(
        self,
        services: Services,
        *,
        analyze: bool = True,
        batch_size: int = 200,
        retry_delays: tuple[float, ...] | None = None,
    ) -> None:
        self.services = services
        self.analyze = analyze
        self.batch_size = batch_size
        self.retry_delays = RETRY_DELAYS if retry_delays is None else retry_delays

    def ingest(self, items: Iterable[Item], *, progress: bool = False) -> IngestReport:
        """Store ``items`` batch by batch; raises :class:`DatabaseUnavailable` (with the
        report so far) when the database is gone for longer than the retries."""
        report = IngestReport()
        batch: list[Item] = []
        bar = tqdm(items, unit=" articles", disable=not progress, dynamic_ncols=True)
        try:
            for item in bar:
                batch.append(item)
                if len(batch) >= self.batch_size:
                    report.merge(self._store_batch(batch, report))
                    batch = []
                    bar.set_postfix(added=report.added, updated=report.updated,
                                    skipped=report.skipped)  # fmt: skip
            if batch:
                report.merge(self._store_batch(batch, report))
        finally:
            bar.close()
        return report

    def _store_batch(self, batch: list[Item], so_far: IngestReport) -> IngestReport:
        report = IngestReport()
        prepared: list[tuple[RawArticle, ArticleFields]] = []
        for item in batch:
            if isinstance(item, Rejected):
                report.rejected.append(item)
            elif (fields := self._prepare(item, report)) is not None:
                prepared.append((item, fields))
        if prepared:
            report.merge(self._retrying(lambda: self._write(prepared), so_far, report))
        return report

    def _retrying(
        self, write: Callable[[], IngestReport], so_far: IngestReport, batch: IngestReport
    ) -> IngestReport:
        for delay in (*self.retry_delays, None):
            try:
                return write()
            except SQLAlchemyError as exc:
                if not connection_lost(exc):
                    raise
                if delay is None:
                    done = IngestReport()
                    done.merge(so_far)
                    done.merge(batch)
                    raise DatabaseUnavailable(
                        f"lost the database connection and it did not come back within "
                        f"{sum(self.retry_delays):g} s ({_one_line(exc)})",
                        done,
                    ) from exc
                log.warning("database connection lost (%s); trying the batch again in %g s",
                            _one_line(exc), delay)  # fmt: skip
                time.sleep(delay)
        raise AssertionError("unreachable")

    def _write(self, prepared: list[tuple[RawArticle, ArticleFields]]) -> IngestReport:
        report = IngestReport()
        try:
            with self.services.session() as session:
                outcomes = ArticleRepository(session).upsert_many([f for _, f in prepared])
        except SQLAlchemyError as exc:
            if connection_lost(exc):
                raise
            # One row broke the batch (e.g. a URL clash): redo it row by row so only that
            # row is lost, and report it by its location.
            log.warning("batch failed, retrying its %d articles one by one", len(prepared))
            return self._write_one_by_one(prepared)
        for (raw, _), (article, outcome) in zip(prepared, outcomes, strict=True):
            report.count(raw, article, outcome)
        return report

    def _prepare(self, raw: RawArticle, report: IngestReport) -> ArticleFields | None:
        try:
            return to_fields(raw, with_analysis=self.analyze)
        except Exception as exc:  # an analysis bug must not cost the whole import
            log.exception("analysis failed for %s", raw.origin)
            report.rejected.append(Rejected(raw.origin, f"could not analyze ({exc})"))
            return None

    def _write_one_by_one(self, prepared: list[tuple[RawArticle, ArticleFields]]) -> IngestReport:
        report = IngestReport()
        with self.services.session() as session:
            repo = ArticleRepository(session)
            for raw, fields in prepared:
                try:
                    with session.begin_nested():
                        article, outcome = repo.upsert(fields)
                except SQLAlchemyError as exc:
                    if connection_lost(exc):
                        raise
                    reason = f"database refused it ({exc.__class__.__name__}: {_one_line(exc)})"
                    report.rejected.append(Rejected(raw.origin, reason))
                    continue
                report.count(raw, article, outcome)
        return report
