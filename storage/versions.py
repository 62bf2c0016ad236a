"""Article versions, the messages that showed an article, and the update notes owed them.

A re-import that changes an article's text or key figures keeps the article as it was in
``article_versions`` before the row is overwritten (``ArticleRepository.upsert_many`` with
a change detector). Every channel message that showed the article is recorded in
``posted_messages`` with the version it showed; each newer version owes that message one
threaded note, claimed by the unique (message, version) row of ``update_notes``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Article, ArticleVersion, PostedMessage, UpdateNote

MessageKind = Literal["share", "digest", "alert", "answer"]
_FIGURE_KEYS = ("text", "value", "unit", "kind", "direction", "label")


def figures_of(article: Article) -> list[dict[str, Any]]:
    return [{k: getattr(f, k) for k in _FIGURE_KEYS} for f in article.figures]


class VersionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def current_number(self, article_id: int) -> int:
        """The number of the version the article row holds now (1 if never changed)."""
        query = select(func.max(ArticleVersion.version)).where(
            ArticleVersion.article_id == article_id
        )
        return int(self.session.scalar(query) or 0) + 1

    @staticmethod
    def snapshot(article: Article, changes: Sequence[str], now: datetime) -> ArticleVersion:
        """``article`` as it is now, before a re-import overwrites it (numbered on keep)."""
        return ArticleVersion(
            article_id=article.id,
            title=article.title,
            teaser=article.teaser,
            body=article.body,
            figures=figures_of(article),
            content_hash=article.content_hash,
            superseded_at=now,
            changes=list(changes),
        )

    def keep(self, snapshots: Sequence[ArticleVersion]) -> None:
        """Number and store snapshots: one query for the whole batch, no flush per row."""
        if not snapshots:
            return
        ids = {s.article_id for s in snapshots}
        numbers = dict(
            self.session.execute(
                select(ArticleVersion.article_id, func.max(ArticleVersion.version))
                .where(ArticleVersion.article_id.in_(ids))
                .group_by(ArticleVersion.article_id)
            ).all()
        )
        for snapshot in snapshots:  # an article changed twice in one batch gets two
            snapshot.version = numbers[snapshot.article_id] = (
                numbers.get(snapshot.article_id, 0) + 1
            )
        self.session.add_all(snapshots)

    def for_article(self, article_id: int) -> Sequence[ArticleVersion]:
        query = select(ArticleVersion).where(ArticleVersion.article_id == article_id)
        return self.session.scalars(query.order_by(ArticleVersion.version)).all()


class PostedMessageRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(
        self, channel_id: str, ts: str, article_ids: Iterable[int], kind: MessageKind,
        now: datetime, thread_ts: str | None = None,
    ) -> int:  # fmt: skip
        """Remember that message ``ts`` showed these articles; repeats are ignored."""
        versions = VersionRepository(self.session)
        added = 0
        for article_id in dict.fromkeys(article_ids):
            row = PostedMessage(
                channel_id=channel_id, ts=ts, thread_ts=thread_ts, article_id=article_id,
                version=versions.current_number(article_id), kind=kind, posted_at=now,
            )  # fmt: skip
            try:
                with self.session.begin_nested():
                    self.session.add(row)
                    self.session.flush()
            except IntegrityError:
                continue
            added += 1
        return added

    def for_article(self, article_id: int) -> Sequence[PostedMessage]:
        query = select(PostedMessage).where(PostedMessage.article_id == article_id)
        return self.session.scalars(query.order_by(PostedMessage.id)).all()


@dataclass(frozen=True)
class OwedNote:
    message_id: int
    version_id: int


class UpdateNoteRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def owed(self, posted_since: datetime, limit: int = 200) -> list[OwedNote]:
        """(message, version) pairs with no note yet: versions newer than the message's.

        A message that showed version 2 owes notes for the versions that superseded 2, 3…
        (``ArticleVersion.version`` is the number of the version that was replaced).
        """
        query = (
            select(PostedMessage.id, ArticleVersion.id)
            .join(ArticleVersion, ArticleVersion.article_id == PostedMessage.article_id)
            .outerjoin(
                UpdateNote,
                (UpdateNote.message_id == PostedMessage.id)
                & (UpdateNote.version_id == ArticleVersion.id),
            )
            .where(
                ArticleVersion.version >= PostedMessage.version,
                PostedMessage.posted_at >= posted_since,
                UpdateNote.id.is_(None),
            )
            .order_by(ArticleVersion.id, PostedMessage.id)
            .limit(limit)
        )
        return [OwedNote(m, v) for m, v in self.session.execute(query)]

    def claim(self, owed: OwedNote, post_id: int | None, now: datetime) -> UpdateNote | None:
        note = UpdateNote(message_id=owed.message_id, version_id=owed.version_id,
                          post_id=post_id, created_at=now)  # fmt: skip
        try:
            with self.session.begin_nested():
                self.session.add(note)
                self.session.flush()
        except IntegrityError:
            return None
        return note

    def by_post(self, post_id: int) -> UpdateNote | None:
        return self.session.scalar(select(UpdateNote).where(UpdateNote.post_id == post_id))

    def message(self, message_id: int) -> PostedMessage | None:
        return self.session.get(PostedMessage, message_id)

    def version(self, version_id: int) -> ArticleVersion | None:
        return self.session.get(ArticleVersion, version_id)
