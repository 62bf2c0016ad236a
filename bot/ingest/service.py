"""Ingestion service: raw articles in, deduplicated and analyzed articles stored.

Each batch is one transaction and each article one savepoint inside it: an import that
is interrupted leaves only whole articles behind, and one bad row never costs the rest.
A re-import that changes an article keeps the old version (``versions``), and every new
or changed article joins its near-duplicate group (``dedupe``) in the same transaction.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError
from tqdm import tqdm

from bot.ingest.canonical import canonical_url, content_hash
from bot.ingest.dedupe import assign_groups
from bot.ingest.readers import Item, RawArticle, Rejected
from bot.ingest.versions import detect_changes
from bot.intelligence.analysis import analyze
from bot.intelligence.sentences import first_sentence
from bot.services import Services
from storage.articles import ArticleFields, ArticleRepository, UpsertOutcome
from storage.models import Article

log = logging.getLogger(__name__)
# Untitled articles (10kGNAD has none) take their first sentence as title: Slack answers
# and digests need something to link, and it keeps title-weighted ranking meaningful.
TITLE_CHARS = 120


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


def _reason_kind(reason: str) -> str:
    """Group reasons for the tally: "duplicate of bbc-1" and "duplicate of bbc-2" are one."""
    return "duplicates" if reason.startswith("duplicate of") else reason.split(" (")[0]


def to_fields(raw: RawArticle, *, with_analysis: bool = True) -> ArticleFields:
    url = canonical_url(raw.url)
    digest = content_hash(raw.title, raw.body or raw.teaser)
    external_id = raw.external_id or (
        "url-" + hashlib.sha1(url.encode()).hexdigest()[:16] if url else "sha-" + digest[:16]
    )
    fields = ArticleFields(
        external_id=external_id,
        title=raw.title or first_sentence(raw.teaser or raw.body, raw.lang, TITLE_CHARS),
        teaser=raw.teaser,
        body=raw.body,
        content_hash=digest,
        canonical_url=url,
        lang=raw.lang,
        section=raw.section,
        source=raw.source,
        tags=raw.tags,
        authors=raw.authors,
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


class Ingestor:
    def __init__(self, services: Services, *, analyze: bool = True, batch_size: int = 200):
        self.services = services
        self.analyze = analyze
        self.batch_size = batch_size

    def ingest(self, items: Iterable[Item], *, progress: bool = False) -> IngestReport:
        report = IngestReport()
        batch: list[Item] = []
        bar = tqdm(items, unit=" articles", disable=not progress, dynamic_ncols=True)
        for item in bar:
            batch.append(item)
            if len(batch) >= self.batch_size:
                report.merge(self._store_batch(batch))
                batch = []
                bar.set_postfix(added=report.added, updated=report.updated, skipped=report.skipped)
        if batch:
            report.merge(self._store_batch(batch))
        bar.close()
        return report

    def _store_batch(self, batch: list[Item]) -> IngestReport:
        report = IngestReport()
        prepared: list[tuple[RawArticle, ArticleFields]] = []
        for item in batch:
            if isinstance(item, Rejected):
                report.rejected.append(item)
            elif (fields := self._prepare(item, report)) is not None:
                prepared.append((item, fields))
        if not prepared:
            return report
        try:
            with self.services.session() as session:
                repo = ArticleRepository(session)
                outcomes = repo.upsert_many([f for _, f in prepared], changes=detect_changes)
                assign_groups(session, _changed(outcomes))
        except SQLAlchemyError:
            # One row broke the batch (e.g. a URL clash): redo it row by row so only that
            # row is lost, and report it by its location.
            log.warning("batch failed, retrying its %d articles one by one", len(prepared))
            self._store_one_by_one(prepared, report)
            return report
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

    def _store_one_by_one(
        self, prepared: list[tuple[RawArticle, ArticleFields]], report: IngestReport
    ) -> None:
        with self.services.session() as session:
            repo = ArticleRepository(session)
            for raw, fields in prepared:
                try:
                    with session.begin_nested():
                        article, outcome = repo.upsert(fields, changes=detect_changes)
                        assign_groups(session, _changed([(article, outcome)]))
                except SQLAlchemyError as exc:
                    reason = f"database refused it ({exc.__class__.__name__})"
                    report.rejected.append(Rejected(raw.origin, reason))
                    continue
                report.count(raw, article, outcome)


def _changed(outcomes: list[tuple[Article, UpsertOutcome]]) -> list[Article]:
    """Articles whose text is new or changed: they get a (new) near-duplicate signature."""
    return [article for article, outcome in outcomes if outcome in ("added", "updated")]
