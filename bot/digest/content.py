"""What goes into one digest: the articles new in its window, filtered and ranked.

The window of a slot starts at the subscription's previous *delivered* digest (posted,
or consumed because nothing was new) and ends at the slot itself. Articles arriving
after the slot belong to the next digest, so a late retry neither drops nor repeats
anything. Without an earlier delivery the window is one schedule period.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot import lookup
from bot.digest.schedule import load_zone
from bot.digest.subscriptions import DigestFilters, parse_filters, schedule_of
from bot.ingest.dedupe import collapse
from bot.intelligence.sentences import first_sentence
from storage.digests import DigestRunRepository
from storage.models import Article, Subscription

SUMMARY_CHARS = 240
TITLE_CHARS = 120


@dataclass(frozen=True)
class DigestItem:
    article_id: int
    title: str
    url: str | None
    summary: str  # one line
    figure: str | None  # the article's top key figure, as quoted text
    source: str | None
    published_at: datetime | None
    also_in: tuple[str, ...] = ()  # the same story elsewhere (near-duplicates, one shown)


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
    if filters.keywords:
        wanted = repo.candidate_ids(filters.structured, start, slot_at)
        ranked = _rank_by_keywords(session, filters, wanted, start)
        total = len(ranked)
    else:
        # Twice the size: near-duplicates of shown articles fold into them.
        ranked = repo.candidates(filters.structured, start, slot_at, limit=2 * sub.size)
        total = repo.count_candidates(filters.structured, start, slot_at)
    return Digest(
        subscription_id=sub.id,
        channel_id=sub.channel_id,
        slot_at=slot_at,
        timezone=sub.timezone,
        window_start=start,
        filters=sub.filters,
        total=total,
        items=one_per_story(session, ranked, sub.size),
    )


def one_per_story(session: Session, ranked: list[Article], size: int) -> list[DigestItem]:
    """The first ``size`` stories: near-duplicates of a shown article are named under it."""
    by_id = {article.id: article for article in ranked}
    shown = collapse(session, [article.id for article in ranked])[:size]
    return [replace(to_item(by_id[i]), also_in=tuple(also)) for i, also in shown]


def _rank_by_keywords(
    session: Session, filters: DigestFilters, wanted: set[int], since: datetime
) -> list[Article]:
    """Order the window's candidates by the lookup's relevance for the keywords.

    Only the keywords go to the lookup, by their words (a digest for "Netflix" lists what
    says Netflix, not the window's nearest stories): the candidate set already applied
    the structured filters with the digest's own semantics (substring match for
    sources). The lookup gets the window's lower bound but no upper one, so articles
    that arrived after the slot compete for places; asking for the maximum keeps them
    from crowding out the window's own articles, which the candidate set then picks.
    """
    if not wanted:
        return []
    result = lookup.search(session, filters.keywords, limit=lookup.MAX_LIMIT, since=since,
                           by_meaning=False)  # fmt: skip
    return [hit.article for hit in result.hits if hit.article.id in wanted]


def to_item(article: Article) -> DigestItem:
    text = article.summary or article.teaser or article.body
    summary = one_line(text, lang=article.lang)
    title = article.title
    if not title:  # untitled rows (some feeds): the first sentence becomes the title
        title = one_line(text, TITLE_CHARS, article.lang) or "(untitled)"
        summary = "" if title == summary else summary
    return DigestItem(
        article_id=article.id,
        title=title,
        url=article.canonical_url,
        summary=summary,
        figure=article.figures[0].text if article.figures else None,
        source=article.source,
        published_at=article.published_at,
    )


def one_line(text: str, limit: int = SUMMARY_CHARS, lang: str | None = None) -> str:
    """The first sentence, on one line; long sentences are cut at a word boundary."""
    return first_sentence(" ".join(text.split()), lang, limit)
