"""Readers' thumbs up or down on search answers, and the queries that fare worst."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from storage.models import Article, Feedback


@dataclass
class QueryRating:
    query: str
    up: int
    down: int
    last_at: datetime
    disliked: list[str] = field(default_factory=list)  # external ids voted down

    @property
    def net(self) -> int:
        return self.up - self.down


class FeedbackRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def vote(self, query: str, article_id: int | None, user_id: str, rating: int,
             now: datetime, channel_id: str | None = None) -> Feedback:  # fmt: skip
        """One vote per reader, query and article: a second click changes it."""
        existing = self.session.scalar(
            select(Feedback).where(
                Feedback.user_id == user_id,
                Feedback.query == query,
                Feedback.article_id == article_id,
            )
        )
        if existing is not None:
            existing.rating, existing.created_at, existing.channel_id = rating, now, channel_id
            self.session.flush()
            return existing
        vote = Feedback(query=query, article_id=article_id, user_id=user_id,
                        channel_id=channel_id, rating=rating, created_at=now)  # fmt: skip
        self.session.add(vote)
        self.session.flush()
        return vote

    def worst_queries(self, limit: int = 20) -> list[QueryRating]:
        """Queries by net rating, worst first (most thumbs down break ties)."""
        up = func.sum(case((Feedback.rating > 0, 1), else_=0))
        down = func.sum(case((Feedback.rating < 0, 1), else_=0))
        rows = self.session.execute(
            select(Feedback.query, up, down, func.max(Feedback.created_at))
            .group_by(Feedback.query)
            .order_by((up - down).asc(), down.desc(), Feedback.query)
            .limit(limit)
        ).all()
        ratings = [QueryRating(q, int(u or 0), int(d or 0), at) for q, u, d, at in rows]
        for rating in ratings:
            rating.disliked = list(
                self.session.scalars(
                    select(Article.external_id)
                    .join(Feedback, Feedback.article_id == Article.id)
                    .where(Feedback.query == rating.query, Feedback.rating < 0)
                    .group_by(Article.external_id)
                    .order_by(func.count(Feedback.id).desc(), Article.external_id)
                    .limit(3)
                )
            )
        return ratings
