"""Near-duplicate groups: MinHash signatures, their LSH band keys, and group look-ups.

The signatures and band keys are computed in ``bot/ingest/dedupe.py``; this module only
stores them and answers "which stored articles share a band key with these" and "which
group is each article in", so answers, digests and alerts can show a story once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import Article, StoryBand, StorySignature

_IN_CHUNK = 500  # bound parameters per IN (...) list, well under SQLite's limit


@dataclass(frozen=True)
class Sibling:
    """Another article of the same story, as "also in: …" names it."""

    article_id: int
    source: str | None
    title: str
    url: str | None


class StoryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def articles_sharing(self, bands: Iterable[int]) -> dict[int, set[int]]:
        """Band key -> stored articles having it."""
        found: dict[int, set[int]] = defaultdict(set)
        for chunk in _chunks(list(set(bands))):
            rows = self.session.execute(
                select(StoryBand.band, StoryBand.article_id).where(StoryBand.band.in_(chunk))
            )
            for band, article_id in rows:
                found[band].add(article_id)
        return found

    def signatures(self, article_ids: Iterable[int]) -> dict[int, StorySignature]:
        out: dict[int, StorySignature] = {}
        for chunk in _chunks(list(set(article_ids))):
            query = select(StorySignature).where(StorySignature.article_id.in_(chunk))
            out.update((s.article_id, s) for s in self.session.scalars(query))
        return out

    def forget(self, article_ids: Sequence[int]) -> None:
        """Drop the signatures and bands of articles about to be signed again."""
        for chunk in _chunks(list(article_ids)):
            self.session.execute(delete(StoryBand).where(StoryBand.article_id.in_(chunk)))
            self.session.execute(delete(StorySignature).where(StorySignature.article_id.in_(chunk)))

    def store(self, article_id: int, group_id: int, minhash: bytes, bands: Iterable[int]) -> None:
        self.session.add(StorySignature(article_id=article_id, group_id=group_id, minhash=minhash))
        self.session.add_all(StoryBand(band=b, article_id=article_id) for b in set(bands))

    def groups_of(self, article_ids: Iterable[int]) -> dict[int, int]:
        """Article -> group id; articles without a signature are their own group."""
        ids = list(set(article_ids))
        groups = {i: i for i in ids}
        for chunk in _chunks(ids):
            rows = self.session.execute(
                select(StorySignature.article_id, StorySignature.group_id).where(
                    StorySignature.article_id.in_(chunk)
                )
            )
            groups.update((a, g) for a, g in rows)
        return groups

    def members(self, group_ids: Iterable[int]) -> dict[int, list[Sibling]]:
        """Group id -> its articles, oldest first (groups of one included)."""
        out: dict[int, list[Sibling]] = defaultdict(list)
        for chunk in _chunks(list(set(group_ids))):
            query = (
                select(StorySignature.group_id, Article.id, Article.source, Article.title,
                       Article.canonical_url)
                .join(Article, StorySignature.article_id == Article.id)
                .where(StorySignature.group_id.in_(chunk))
                .order_by(Article.id)
            )  # fmt: skip
            for group, article_id, source, title, url in self.session.execute(query):
                out[group].append(Sibling(article_id, source, title, url))
        return out


def _chunks(items: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]
