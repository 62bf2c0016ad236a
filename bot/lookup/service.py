"""Free-text article lookup: typo-tolerant, German/English, ranked, with filters.

Two stages (design and measurements in docs/lookup.md):

1. Candidate retrieval from the in-memory term index (``bot.lookup.index``): every query
   word is expanded to index terms — exact stem, prefix (``Gewerksch``), compound part
   (``Quartal`` in ``Quartalszahlen``), typo (OSA distance 1 from 4 letters, 2 from 8)
   — and scored with field-weighted BM25 (title 3, teaser 2, tags 2, section 1, body 1).
2. Rerank of a shortlist (100) by coverage of the query words, the BM25 score and a
   rapidfuzz similarity between the query and the article's short fields; publication
   date breaks ties, newer first.

The contract used by the Slack app and the digest: ``search(session, query, limit=...,
offset=..., since=...)`` returns a ``SearchResult`` and never raises on user input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from sqlalchemy import Connection, Engine, bindparam, select
from sqlalchemy.orm import Session, joinedload

from bot.lookup import meaning
from bot.lookup.index import Expansion, TermIndex
from bot.lookup.live import live_index_for
from bot.lookup.query import ParsedQuery, parse_query
from bot.lookup.question import Question, read_question
from bot.lookup.scoring import idf
from bot.lookup.textnorm import QUERY_STOPWORDS, STOPWORDS, expand_token, fold, raw_tokens, terms
from storage.models import Article

SHORTLIST = 100
MAX_WORDS = 16
MAX_LIMIT = 10_000  # the digest asks for a whole window at once
HELP = (
    "Type a few words to search for, e.g. `netflix eternauta` or `Gewerkschaft since:30d`. "
    "Filters: `since:7d`, `lang:de`, `section:Wirtschaft`, `source:bbc`."
)
EMPTY = "No articles are stored yet; import some with `newsroom-bot ingest FILE_OR_FEED_URL`."
# Final score = weighted sum of these, each in [0, 1].
W_COVERAGE, W_BM25, W_SIMILARITY, W_RECENCY = 0.45, 0.35, 0.18, 0.02


# One round trip for the hits and their key figures (joined, not a second SELECT).
_ARTICLES_BY_ID = (
    select(Article)
    .options(joinedload(Article.figures))
    .where(Article.id.in_(bindparam("ids", expanding=True)))
)


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
    read_as: str = ""  # the question as understood: topic words and filters

    @property
    def heading(self) -> str:
        return self.read_as or self.query


@dataclass
class _Word:
    """One query word and the alternatives it stands for (``$11bn`` -> 11bn, 11, bn)."""

    text: str
    alternatives: list[str]
    expansions: list[Expansion] = field(default_factory=list)
    weight: float = 1.0  # rarity (idf) of the word in the index
    # Articles (by slot) this word matched at all; lets `_explain` skip the rest.
    hits: npt.NDArray[np.bool_] | None = None


def search(
    session: Session,
    query: str,
    *,
    limit: int = 5,
    offset: int = 0,
    since: datetime | None = None,
    by_meaning: bool = True,
) -> SearchResult:
    """Ranked articles for ``query``; filters may be typed into it (see ``bot.lookup.query``).

    ``since`` keeps articles that *arrived* (were ingested) at or after it — the digest's
    window, so a story published yesterday but imported today still counts as new; naive
    datetimes are taken as UTC. The ``since:7d`` filter typed into the query is about
    the article date instead (publication, else ingestion). With filters but no words,
    the newest matching articles come first. ``by_meaning=False`` keeps to articles a
    query word matched (digests and alerts promise their keywords).
    """
    query = query if isinstance(query, str) else ""
    limit, offset = max(0, min(int(limit), MAX_LIMIT)), max(0, int(offset))
    parsed = parse_query(query)
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    if parsed.errors:
        return SearchResult(query, [], message=" ".join(parsed.errors))
    question = _read_into(parsed)
    words = _query_words(parsed.text)
    if not words and not parsed.has_filters and since is None:
        return SearchResult(query, [], message=HELP)
    engine = _engine_of(session)
    live = live_index_for(engine)
    with live.lock:
        index = live.refresh(engine)
        if not index.live_count:
            return SearchResult(query, [], message=EMPTY)
        mask, problem, suggestions = _filter_mask(index, parsed, since)
        if problem:
            return SearchResult(query, [], message=problem, suggestions=suggestions)
        if question.time_phrase and words and not mask.any():
            mask = _without_time_phrase(index, parsed, query, since)
        if not words:
            ranked = _newest(index, mask, offset + limit)
            shown = parsed.describe_filters() + (
                [f"arrived since {since:%Y-%m-%d %H:%M}"] if since else []
            )
            why = [f"filter: {' '.join(shown)}", "newest first"]
            ranked = [(slot, score, why) for slot, score, _ in ranked]
        else:
            ranked = _rank(index, words, mask, parsed.text, offset + limit)
            if by_meaning:
                ranked = _with_meaning(engine, index, ranked, mask, parsed.text)
        unmatched = [w.text for w in words if not w.expansions]
        suggestions = _suggest(index, parsed, unmatched) if unmatched else []
        chosen = ranked[offset : offset + limit]
        ids = [int(index.docs.article_of[slot]) for slot, _, _ in chosen]
        reasons = [why or _explain(index, slot, words) or [meaning.SIMILAR]
                   for slot, _, why in chosen]  # fmt: skip
    hits = _load_hits(session, ids, chosen, reasons)
    message = None
    if not hits and limit:
        message = _no_hits_message(parsed, words, unmatched, offset, since)
    read_as = " ".join([parsed.text, *parsed.describe_filters()]).strip()
    return SearchResult(query, hits, message, suggestions, read_as=read_as)


def warm_up(engine: Engine) -> None:
    """Build the index now rather than on the first query (≈5 s for 10k articles).

    Long-running processes (Slack app, scheduler) call this in a background thread at
    start so the first reporter's question is answered at normal speed.
    """
    live_index_for(engine).refresh(engine)


def _read_into(parsed: ParsedQuery) -> Question:
    """The question's frame dropped from ``parsed.text``, its time phrase made filters."""
    question = read_question(parsed.text)
    parsed.text = question.text
    if question.since is not None:
        parsed.since = max(filter(None, (parsed.since, question.since)))
    if question.until is not None:
        parsed.until = min(filter(None, (parsed.until, question.until)))
    return question


def _without_time_phrase(
    index: TermIndex, parsed: ParsedQuery, query: str, since: datetime | None
) -> npt.NDArray[np.bool_]:
    """No article is dated as the question said ("in 2004" over undated archives): the
    words are searched over the dates the user typed rather than answering nothing."""
    typed = parse_query(query)
    parsed.since, parsed.until = typed.since, typed.until
    mask, _, _ = _filter_mask(index, parsed, since)
    return mask


def _engine_of(session: Session) -> Engine:
    bind = session.get_bind()
    return bind.engine if isinstance(bind, Connection) else bind


def counted_words(query: str) -> list[str]:
    """The folded words the lookup counts for ``query``: filters and the question's frame
    and time phrase taken out, stop words dropped (kept if nothing else is left), each
    once, at most ``MAX_WORDS``. Alerts measure their threshold against these."""
    parsed = parse_query(query)
    _read_into(parsed)
    return _content_words(parsed.text)


def _content_words(text: str) -> list[str]:
    tokens = raw_tokens(text)
    kept = [t for t in tokens if t not in STOPWORDS and t not in QUERY_STOPWORDS] or tokens
    return list(dict.fromkeys(kept[:MAX_WORDS]))


def _query_words(text: str) -> list[_Word]:
    """Folded query words with stop words dropped (kept if nothing else is left)."""
    return [_Word(token, expand_token(token)) for token in _content_words(text)]


def _filter_mask(
    index: TermIndex, parsed: ParsedQuery, arrived_since: datetime | None
) -> tuple[npt.NDArray[np.bool_], str | None, list[str]]:
    """The articles the filters allow, or a message naming the filter value we lack."""
    wanted: dict[str, list[int] | None] = {"lang": None, "section": None, "source": None}
    for key, values, codes in (
        ("lang", parsed.langs, index.docs.langs),
        ("section", parsed.sections, index.docs.sections),
        ("source", parsed.sources, index.docs.sources),
    ):
        if not values:
            continue
        found = [c for v in values for c in codes.matching(v)]
        if not found:
            close = _close_names(values[0], codes.names)
            known = ", ".join(sorted(codes.names)[:12]) or "none yet"
            hint = f" Did you mean {', '.join(f'`{key}:{n}`' for n in close)}?" if close else ""
            message = f"No articles have {key} `{', '.join(values)}`.{hint} Known: {known}."
            return np.zeros(0, dtype=bool), message, [f"{key}:{n}" for n in close]
        wanted[key] = found
    mask = index.docs.filter_mask(
        lang=wanted["lang"], section=wanted["section"], source=wanted["source"],
        since=parsed.since, until=parsed.until, arrived_since=arrived_since,
    )  # fmt: skip
    return mask, None, []


def _close_names(value: str, names: list[str]) -> list[str]:
    matches = process.extract(fold(value), {n: fold(n) for n in names}, scorer=fuzz.WRatio,
                              limit=3, score_cutoff=60)  # fmt: skip
    return [name for _, _, name in matches]


def _newest(
    index: TermIndex, mask: npt.NDArray[np.bool_], count: int
) -> list[tuple[int, float, list[str]]]:
    slots = np.flatnonzero(mask)
    dates = index.docs.doc_date[slots]
    order = np.lexsort((-slots, -dates))[:count]
    return [(int(slots[i]), 1.0, []) for i in order]


def _rank(
    index: TermIndex, words: list[_Word], mask: npt.NDArray[np.bool_], text: str, count: int
) -> list[tuple[int, float, list[str]]]:
    total = np.zeros(index.n_slots, dtype=np.float32)
    covered = np.zeros(index.n_slots, dtype=np.float32)
    for word in words:
        word.expansions = _expand(index, word)
        word.weight = _rarity(index, word.expansions)
        if word.expansions:
            scores = index.term_scores(word.expansions)
            word.hits = scores > 0
            total += scores
            covered += word.weight * word.hits
    total *= mask
    candidates = np.flatnonzero(total > 0)
    if not len(candidates):
        return []
    covered /= sum(w.weight for w in words)
    key = covered[candidates] * (float(total.max()) + 1.0) + total[candidates]
    size = min(len(candidates), max(SHORTLIST, count))
    top = candidates[np.argpartition(-key, size - 1)[:size]]
    return _rerank(index, top, total, covered, text)


def _with_meaning(
    engine: Engine,
    index: TermIndex,
    ranked: list[tuple[int, float, list[str]]],
    mask: npt.NDArray[np.bool_],
    text: str,
) -> list[tuple[int, float, list[str]]]:
    """The word ranking fused with meaning (when this process searches by meaning);
    articles no query word matched say "similar meaning" (see ``bot.lookup.meaning``)."""
    model = meaning.model_for(engine)
    if model is None or not text.strip():
        return ranked
    if ranked and meaning.confidence(ranked[0][1]) >= 1.0:
        return ranked  # the words are sure: meaning would only append below them
    everything = bool(mask[: index.n_slots].all()) and index.live_count == index.n_slots
    allowed = None if everything else index.docs.article_of[np.flatnonzero(mask)]
    ids, z = meaning.similarity(engine, model, text, allowed)
    if not len(ids):
        return ranked
    shortlist = index.docs.article_of[[slot for slot, _, _ in ranked]]
    top = np.argpartition(-z, min(meaning.DEPTH, len(z)) - 1)[: meaning.DEPTH]
    keep = np.union1d(top, np.flatnonzero(np.isin(ids, shortlist)))
    slot_of = index.docs.slot_of
    near = {slot: float(z[i]) for i in keep.tolist()
            if (slot := slot_of.get(int(ids[i]))) is not None}  # fmt: skip
    fused = meaning.fuse([(slot, score) for slot, score, _ in ranked], near)
    return [(slot, round(score, 4), []) for slot, score in fused]


def _expand(index: TermIndex, word: _Word) -> list[Expansion]:
    """Expansions of every alternative; the split parts of ``11bn`` count a bit less.

    A word the index holds as typed gets no typo readings: "austria" is Austria, not
    Australia, and "hatten" not "halt"."""
    best: dict[int, Expansion] = {}
    for i, alt in enumerate(word.alternatives):
        factor = 1.0 if i == 0 else 0.8
        for exp in index.expand(alt):
            kind = exp.kind if i == 0 else "part"
            weighted = Expansion(exp.term_id, exp.term, exp.weight * factor, kind)
            if exp.term_id not in best or best[exp.term_id].weight < weighted.weight:
                best[exp.term_id] = weighted
    found = sorted(best.values(), key=lambda e: -e.weight)
    if any(e.kind == "exact" for e in found):
        found = [e for e in found if e.kind != "typo"]
    return found


def _rarity(index: TermIndex, expansions: list[Expansion]) -> float:
    """How much finding this word tells: the idf of its most confident reading, so a name
    or a place outweighs "new" or "study" in a long question; a word the index lacks
    weighs as a rare one (every article misses it alike)."""
    n = max(index.live_count, 1)
    if not expansions:
        return idf(n, 1)
    return idf(n, int(index.postings.df[expansions[0].term_id]))


def _rerank(
    index: TermIndex,
    top: npt.NDArray[np.intp],
    total: npt.NDArray[np.float32],
    covered: npt.NDArray[np.float32],
    text: str,
) -> list[tuple[int, float, list[str]]]:
    """Coverage, BM25 and rapidfuzz similarity on the short fields, newest first on ties."""
    folded = fold(text)
    heads = [index.docs.heads[slot] for slot in top.tolist()]
    similarity = process.cdist([folded], heads, scorer=fuzz.token_set_ratio, dtype=np.float32)[0]
    best_bm25 = float(total[top].max()) or 1.0
    dates = index.docs.doc_date[top]
    oldest = float(dates.min())
    span = float(dates.max()) - oldest or 1.0
    scores = (
        W_COVERAGE * covered[top]
        + W_BM25 * total[top] / best_bm25
        + W_SIMILARITY * similarity / 100.0
        + W_RECENCY * (dates - oldest) / span
    )
    scores = np.round(scores, 4)
    order = np.lexsort((-top, -dates, -scores))
    return [(int(top[i]), float(scores[i]), []) for i in order]


def _load_hits(
    session: Session,
    ids: list[int],
    chosen: list[tuple[int, float, list[str]]],
    reasons: list[list[str]],
) -> list[Hit]:
    """Articles through the caller's session, in rank order; vanished ones are skipped."""
    if not ids:
        return []
    articles = {a.id: a for a in session.scalars(_ARTICLES_BY_ID, {"ids": ids}).unique()}
    hits = []
    for article_id, (_, score, _), why in zip(ids, chosen, reasons, strict=True):
        article = articles.get(article_id)
        if article is not None:
            hits.append(Hit(article, float(score), why))
    return hits


def _explain(index: TermIndex, slot: int, words: list[_Word]) -> list[str]:
    """Which query word matched which term where, e.g. `"gewerkschft" ~ gewerkschaft`.

    The field is read off the short head text kept in the index (title, teaser, tags);
    anything else the postings hold for this article is in the body.
    """
    head = set(terms(index.docs.heads[slot]))
    why = []
    for word in words:
        if word.hits is None or not word.hits[slot]:
            continue
        for exp in word.expansions:
            if exp.term in head:
                where = "headline"
            elif index.contains(slot, exp.term_id):
                where = "body"
            else:
                continue
            if exp.kind == "exact":
                why.append(f'"{word.text}" in {where}')
            else:
                why.append(f'"{word.text}" ~ {exp.term} ({exp.kind}, {where})')
            break
    return why


def _suggest(index: TermIndex, parsed: ParsedQuery, unmatched: list[str]) -> list[str]:
    """Close spellings from titles and tags for the words that matched nothing."""
    if not index.vocabulary.surface:
        return []
    vocabulary = list(index.vocabulary.surface)
    options: dict[str, list[str]] = {}
    for word in unmatched:
        close = process.extract(word, vocabulary, scorer=fuzz.ratio, limit=3, score_cutoff=60)
        options[word] = [index.vocabulary.surface[key] for key, _, _ in close]
    suggestions = []
    for rank in range(3):
        replaced = []
        for token in parsed.text.split():
            key = fold(token).strip(".,;:!?\"'")
            alternatives = options.get(key) or []
            if alternatives:
                replaced.append(alternatives[min(rank, len(alternatives) - 1)])
            else:
                replaced.append(token)
        suggestion = " ".join(replaced + parsed.describe_filters())
        if suggestion not in suggestions and any(options.values()):
            suggestions.append(suggestion)
    return suggestions


def _no_hits_message(
    parsed: ParsedQuery, words: list[_Word], unmatched: list[str], offset: int,
    since: datetime | None,
) -> str:  # fmt: skip
    if offset:
        return "No more results."
    if words and len(unmatched) == len(words):
        if all(w.text in STOPWORDS for w in words):
            return "That query only has very common words; add a name or a topic."
        return f"No articles match “{parsed.text}”. Check the spelling or try other words."
    if since is not None and not parsed.has_filters:
        return f"No articles arrived since {since:%Y-%m-%d %H:%M} UTC match."
    if parsed.has_filters:
        return (
            f"No articles match with {' '.join(parsed.describe_filters())}; "
            "try a wider filter, e.g. a longer `since:`."
        )
    return f"No articles match “{parsed.text}”."
