"""What goes into one digest: the articles new in its window, filtered and ranked.

The window of a slot starts at the subscription's previous *delivered* digest (posted,
or consumed because nothing was new) and ends at the slot itself. Articles arriving
after the slot belong to the next digest, so a late retry neither drops nor repeats
anything. Without an earlier delivery the window is one schedule period.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot import lookup
from bot.schedule import load_zone
from bot.subscriptions import DigestFilters, parse_filters, schedule_of
from storage.digests import DigestRunRepository
from storage.models import Article, Subscription

# A digest shows a handful of articles; ranking more candidates than this buys nothing.
CANDIDATE_CAP = 500
SUMMARY_CHARS = 240
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9\"„“])")


@dataclass(frozen=True)
class DigestItem:
    article_id: int
    title: str
    url: str | None
    summary: str  # one line
    figure: str | None  # the article's top key figure, as quoted text
    source: str | None
    published_at: datetime | None


@dataclass(frozen=True)
class Digest:
    subscription_id: int
    channel_id: str
    slot_at: datetime  # UTC
    timezone: str
    window_start: datetime | None
    filters: str
    total: int  # articles in the window matching the filters
    items: list[DigestItem] = field(default_factory=list)
    capped: bool = False  # more candidates than CANDIDATE_CAP were in the window

    @property
    def local_slot(self) -> datetime:
        return self.slot_at.astimezone(load_zone(self.timezone))

    @property
    def is_empty(self) -> bool:
        return not self.items


def window_start_for(session: Session, sub: Subscription, slot_at: datetime) -> datetime:
    """Since the previous delivered digest; else one schedule period before the first run.

    So articles of slots that were skipped, failed or interrupted roll into the next
    digest that reaches the channel instead of disappearing.
    """
    runs = DigestRunRepository(session)
    delivered = runs.last_delivered_before(sub.id, slot_at)
    if delivered is not None:
        return delivered
    first = min(filter(None, (runs.first_slot(sub.id), slot_at)))
    return schedule_of(sub).last_at_or_before(first - timedelta(microseconds=1))


def build_digest(
    session: Session, sub: Subscription, slot_at: datetime, window_start: datetime | None = None
) -> Digest:
    """Select and rank the articles for ``sub`` at ``slot_at`` (also used for previews)."""
    start = window_start if window_start is not None else window_start_for(session, sub, slot_at)
    filters = parse_filters(sub.filters)
    repo = DigestRunRepository(session)
    candidates = repo.candidates(filters.structured, start, slot_at, CANDIDATE_CAP)
    capped = len(candidates) == CANDIDATE_CAP
    if filters.keywords:
        ranked = _rank_by_keywords(session, filters, candidates, start)
        total = len(ranked)
    else:
        ranked = candidates
        total = repo.count_candidates(filters.structured, start, slot_at)
    return Digest(
        subscription_id=sub.id,
        channel_id=sub.channel_id,
        slot_at=slot_at,
        timezone=sub.timezone,
        window_start=start,
        filters=sub.filters,
        total=total,
        items=[to_item(article) for article in ranked[: sub.size]],
        capped=capped and bool(filters.keywords),
    )


def _rank_by_keywords(
    session: Session, filters: DigestFilters, candidates: list[Article], since: datetime
) -> list[Article]:
    """Order window candidates by the lookup's relevance for the keywords.

    If the lookup accepts ``since`` it gets the full filter query and searches only the
    window; otherwise it ranks the whole archive and we keep the window's articles.
    Either way the candidate set (window + structured filters) has the last word.
    """
    if not candidates:
        return []
    wanted = {article.id for article in candidates}
    if _lookup_supports_since():
        result = lookup.search(  # type: ignore[call-arg,unused-ignore]
            session, filters.to_text(), limit=len(candidates), since=since
        )
    else:
        archive = int(session.scalar(select(func.count(Article.id))) or 0)
        result = lookup.search(session, filters.keywords, limit=max(archive, 1))
    return [hit.article for hit in result.hits if hit.article.id in wanted]


def _lookup_supports_since() -> bool:
    return "since" in inspect.signature(lookup.search).parameters


def to_item(article: Article) -> DigestItem:
    figure = article.figures[0].text if article.figures else None
    return DigestItem(
        article_id=article.id,
        title=article.title or one_line(article.teaser or article.body, 80) or "(untitled)",
        url=article.canonical_url,
        summary=one_line(article.summary or article.teaser or article.body),
        figure=figure,
        source=article.source,
        published_at=article.published_at,
    )


def one_line(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first sentence, on one line; long sentences are cut at a word boundary."""
    flat = " ".join(text.split())
    if not flat:
        return ""
    first = _SENTENCE_END.split(flat, maxsplit=1)[0]
    if len(first) <= limit:
        return first
    cut = first[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-–") + "…"
