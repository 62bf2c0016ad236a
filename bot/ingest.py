"""Ingestion service: raw articles in, deduplicated and analyzed articles stored.

Each batch is one transaction and each article one savepoint inside it: an import that
is interrupted leaves only whole articles behind, and one bad row never costs the rest.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from tqdm import tqdm

from bot.canonical import canonical_url, content_hash
from bot.intelligence import analyze
from bot.services import Services
from bot.sources import Item, RawArticle, Rejected
from storage.articles import ArticleFields, ArticleRepository

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return self.unchanged + len(self.rejected)

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.rejected.extend(other.rejected)

    def summary_line(self) -> str:
        reasons = Counter(r.reason.split(" (")[0] for r in self.rejected)
        detail = [f"{self.unchanged} unchanged"] if self.unchanged else []
        detail += [f"{n} {reason}" for reason, n in reasons.most_common()]
        suffix = f" ({'; '.join(detail)})" if detail else ""
        return f"added {self.added}, updated {self.updated}, skipped {self.skipped}{suffix}"


def to_fields(raw: RawArticle, *, with_analysis: bool = True) -> ArticleFields:
    url = canonical_url(raw.url)
    digest = content_hash(raw.title, raw.body or raw.teaser)
    external_id = raw.external_id or (
        "url-" + hashlib.sha1(url.encode()).hexdigest()[:16] if url else "sha-" + digest[:16]
    )
    fields = ArticleFields(
        external_id=external_id[:200],
        title=raw.title,
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
    )
    if with_analysis:
        analysis = analyze(raw.title, raw.teaser, raw.body, lang_hint=raw.lang)
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
        with self.services.session() as session:
            repo = ArticleRepository(session)
            for item in batch:
                if isinstance(item, Rejected):
                    report.rejected.append(item)
                    continue
                self._store_one(session, repo, item, report)
        return report

    def _store_one(
        self, session: Session, repo: ArticleRepository, raw: RawArticle, report: IngestReport
    ) -> None:
        try:
            fields = to_fields(raw, with_analysis=self.analyze)
        except Exception as exc:  # analysis bugs must not cost the whole import
            log.exception("analysis failed for %s", raw.origin)
            report.rejected.append(Rejected(raw.origin, f"could not analyze ({exc})"))
            return
        try:
            with session.begin_nested():
                _, outcome = repo.upsert(fields)
        except SQLAlchemyError as exc:
            report.rejected.append(
                Rejected(raw.origin, f"database refused it ({exc.__class__.__name__})")
            )
            return
        if outcome == "added":
            report.added += 1
        elif outcome == "updated":
            report.updated += 1
        else:
            report.unchanged += 1
