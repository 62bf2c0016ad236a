"""Free-text article lookup. First cut: fuzzy match over titles and teasers."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, utils
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Article


@dataclass
class Hit:
    article: Article
    score: float
    why: list[str] = field(default_factory=list)


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    message: str | None = None
    suggestions: list[str] = field(default_factory=list)


def search(session: Session, query: str, *, limit: int = 5, offset: int = 0) -> SearchResult:
    if not utils.default_process(query):
        return SearchResult(query, [], message="Type a few words to search for, e.g. `netflix ki`.")
    scored = []
    for article in session.scalars(select(Article)):
        text = f"{article.title} {article.teaser} {' '.join(article.tags or [])}"
        score = fuzz.token_set_ratio(query, text, processor=utils.default_process)
        scored.append(Hit(article, score, ["title/teaser"]))
    scored.sort(key=lambda h: h.score, reverse=True)
    hits = [h for h in scored if h.score >= 50][offset : offset + limit]
    return SearchResult(query, hits, message=None if hits else "No articles match.")
