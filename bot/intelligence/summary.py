"""Extractive summaries: 2–4 sentences of the article itself, lead first.

News puts the point in the first sentences, so position is the backbone; sumy's
TextRank/LexRank centrality (fed by our pysbd-based tokenizer, because sumy's default
one needs NLTK data we cannot download) decides between the candidates after the lead.
`benchmarks/summary_eval.py` measured which mix wins; `DEFAULT_METHOD` is that winner.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from bot.intelligence.junk import is_junk_line, trailing_offtopic
from bot.intelligence.sentences import split_paragraph, split_paragraphs, split_sentences
from bot.intelligence.stopwords import SUMY_LANGUAGES, sumy_stop_words

MAX_CHARS = 420  # "about 400": measured in docs/benchmarks.md
MAX_SENTENCES = 4
METHODS = ("lead", "lead3", "textrank", "lexrank", "lead+textrank", "lead+lexrank")
DEFAULT_METHOD = "lead+textrank"
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CREDIT = re.compile(
    r"^(?:Foto|Bild|Fotos|Photo|Image|Quelle|Source|Grafik|Video)\s*:|\bBild:\s*\w+$", re.I
)
_DATELINE = re.compile(r"^[\d.,:\s]+$")
# "Wien – " / "BERLIN (dpa) - ": the place line agencies put before the lead.
_PLACE_PREFIX = re.compile(r"^[A-ZÄÖÜ][\w./ -]{1,40}?(?:\s\([^)]{1,20}\))?\s[–—-]\s(?=[A-ZÄÖÜ„\"])")


class PysbdTokenizer:
    """The tokenizer object sumy expects (`to_sentences`, `to_words`), without NLTK data."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def to_sentences(self, paragraph: str) -> list[str]:
        return split_paragraph(paragraph, self.lang)

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


@dataclass
class Candidate:
    text: str
    index: int  # position among the article's sentences
    paragraph: int
    usable: bool = True  # fit for a summary (figures also read short lines)


class _TextRank(TextRankSummarizer):
    """sumy's TextRank, with the same edge weights built from word counts once per sentence.

    sumy recounts words and calls `numpy.isclose` for every sentence pair; that was a third
    of all analysis time. The weight is unchanged: common words (with multiplicity, as
    `words2.count(w)` for each w in words1) over the sum of the log lengths.
    """

    def _create_matrix(self, document: ObjectDocumentModel) -> numpy.ndarray:
        words = [self._to_words_set(s) for s in document.sentences]
        counts = [Counter(w) for w in words]
        logs = [math.log(len(w)) if w else 0.0 for w in words]
        n = len(words)
        weights = numpy.zeros((n, n))
        for i in range(n):
            for j in range(i, n):
                common = counts[i].keys() & counts[j].keys()
                rank = sum(counts[i][w] * counts[j][w] for w in common)
                norm = logs[i] + logs[j]
                weights[i, j] = weights[j, i] = (
                    (rank / norm if norm > 1e-9 else rank) if rank else 0.0
                )
        weights /= weights.sum(axis=1)[:, numpy.newaxis] + self._ZERO_DIVISION_PREVENTION
        return numpy.full((n, n), (1.0 - self.damping) / n) + self.damping * weights


@lru_cache(maxsize=8)
def _summarizers(lang: str) -> tuple[TextRankSummarizer, LexRankSummarizer]:
    name = SUMY_LANGUAGES.get(lang, "english")
    stemmer = Stemmer(name)
    stem = lru_cache(maxsize=50_000)(stemmer)
    text_rank, lex_rank = _TextRank(stem), LexRankSummarizer(stem)
    text_rank.stop_words = lex_rank.stop_words = sumy_stop_words(lang)
    return text_rank, lex_rank


def usable(sentence: str) -> bool:
    """Headings, photo credits, datelines and scraper junk never make a summary."""
    s = sentence.strip()
    if (
        len(s) < 30
        or len(s.split()) < 5
        or not s.endswith((".", "!", "?", '"', "“", "”", "»", "«", "'"))
    ):
        return False
    return not (is_junk_line(s) or _CREDIT.search(s) or _DATELINE.match(s))


def story_sentences(body: str, lang: str, title: str = "") -> list[Candidate]:
    """Every sentence of the story itself: scraper junk and a glued-on other story cut."""
    paragraphs = split_paragraphs(body, lang)
    flat = [" ".join(p) for p in paragraphs]
    keep = trailing_offtopic(flat, context=title)  # a glued-on teaser of another story
    out: list[Candidate] = []
    index = 0
    for p_no, sentences in enumerate(paragraphs[:keep]):
        for sentence in sentences:
            if index == 0:
                sentence = _PLACE_PREFIX.sub("", sentence)
            if not is_junk_line(sentence):
                out.append(Candidate(sentence, index, p_no, usable(sentence)))
            index += 1
    return out


def candidates(body: str, lang: str, title: str = "") -> list[Candidate]:
    """The sentences a summary may use."""
    return [c for c in story_sentences(body, lang, title) if c.usable]


def _centrality(cands: Sequence[Candidate], lang: str, method: str) -> list[float]:
    """sumy's TextRank or LexRank score per candidate, scaled to 0..1."""
    tokenizer = PysbdTokenizer(lang)
    sentences = [Sentence(c.text, tokenizer) for c in cands]
    document = ObjectDocumentModel([Paragraph(sentences)])
    text_rank, lex_rank = _summarizers(lang)
    if method.endswith("textrank"):
        ratings = text_rank.rate_sentences(document)
    else:
        ratings = _lexrank_ratings(lex_rank, document)
    scores = [float(ratings.get(s, 0.0)) for s in sentences]
    top = max(scores, default=0.0) or 1.0
    return [s / top for s in scores]


def _lexrank_ratings(
    lex: LexRankSummarizer, document: ObjectDocumentModel
) -> dict[Sentence, float]:
    """LexRank's sentence scores (sumy only exposes the picked sentences)."""
    words = [lex._to_words_set(s) for s in document.sentences]
    tf, idf = lex._compute_tf(words), lex._compute_idf(words)
    matrix = lex._create_matrix(words, lex.threshold, tf, idf)
    return dict(zip(document.sentences, lex.power_method(matrix, lex.epsilon), strict=False))


@dataclass(frozen=True)
class Mix:
    """How much the lead, early position and centrality count in `lead+...` methods."""

    lead: float  # bonus for the first usable sentence
    position: float  # weight of the position prior
    central: float  # weight of the TextRank/LexRank score (0..1)
    topic: float = 0.0  # weight of the share of headline/teaser words a sentence repeats
    recurrence: float = 0.0  # weight of how many of its words recur in the article (0..1)
    # > 0: the first `window` usable sentences are equally likely to carry the news and the
    # prior falls steeply after them; centrality and recurrence are scaled by that prior.
    # 0: the prior is 1 / (1 + 0.5 * index) and centrality is unscaled.
    window: int = 0
    budget: int = MAX_CHARS
    read_on: bool = False  # stop at the first sentence that does not fit (see `_pick`)


# Tuned by benchmarks/summary_eval.py (see docs/benchmarks.md). BBC's reference summaries
# reward central sentences. On the German teasers sentences 1–3 of the body carry the news
# about equally and later ones far less (mean ROUGE-2 recall 0.049, 0.068, 0.057, then
# 0.024), and within that window the sentences whose words recur through the article win;
# tuned on even-indexed 10kGNAD articles, checked on odd ones. Both keep the first
# sentence: a news summary opens with the news.
MIXES = {
    "de": Mix(
        lead=5.0,
        position=0.3,
        central=1.0,
        topic=1.0,
        recurrence=1.0,
        window=3,
        budget=450,
        read_on=True,
    ),
    "en": Mix(lead=1.0, position=0.0, central=1.0, topic=0.0),
}


_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")


def _mix(lang: str) -> Mix:
    return MIXES.get(lang, MIXES["en"])


def _topic_words(text: str, stop: frozenset[str]) -> set[str]:
    """Content words cut to five letters, so `Sci-Fi-Serie` meets `Serien`."""
    return {w.casefold()[:5] for w in _TOPIC_WORD.findall(text) if w.casefold() not in stop}


def _topic(cands: Sequence[Candidate], topic: str, lang: str) -> list[float]:
    stop = sumy_stop_words(lang)
    words = _topic_words(topic, stop)
    if not words:
        return [0.0] * len(cands)
    return [len(_topic_words(c.text, stop) & words) / len(words) for c in cands]


def _prior(rank: int, index: int, window: int) -> float:
    if not window:
        return 1.0 / (1.0 + 0.5 * index)
    return 1.0 if rank < window else 0.3 / (rank - window + 2)


def _recurrence(cands: Sequence[Candidate], lang: str) -> list[float]:
    """How much of a sentence the rest of the article talks about, scaled to 0..1.

    Each stemmed content word counts the other sentences that use it too; the sum is
    divided by the square root of the sentence's word count, so a long sentence does not
    win by length alone. Stop words and short words say nothing about the story.
    """
    stem = _summarizers(lang)[0]._stemmer
    stop = sumy_stop_words(lang)
    stems = [
        {stem(w.casefold()) for w in _CONTENT_WORD.findall(c.text) if w.casefold() not in stop}
        for c in cands
    ]
    df = Counter(s for words in stems for s in words)
    scores = [sum(df[s] - 1 for s in words) / math.sqrt(len(words) or 1) for words in stems]
    top = max(scores, default=0.0) or 1.0
    return [s / top for s in scores]


def _scores(cands: Sequence[Candidate], lang: str, method: str, topic: str = "") -> list[float]:
    mix = _mix(lang)
    if method in ("lead", "lead3") or len(cands) <= 2:
        return [1.0 / (1.0 + 0.5 * c.index) for c in cands]
    if method in ("textrank", "lexrank"):
        return _centrality(cands, lang, method)
    zero = [0.0] * len(cands)
    prior = [_prior(rank, c.index, mix.window) for rank, c in enumerate(cands)]
    scale = prior if mix.window else [1.0] * len(cands)
    central = _centrality(cands, lang, method) if mix.central else zero
    on_topic = _topic(cands, topic, lang) if mix.topic else zero
    recurs = _recurrence(cands, lang) if mix.recurrence else zero
    rows = zip(prior, scale, central, on_topic, recurs, strict=True)
    return [
        mix.lead * (i == 0)
        + mix.position * p
        + mix.topic * t
        + k * (mix.central * c + mix.recurrence * r)
        for i, (p, k, c, t, r) in enumerate(rows)
    ]


def _pick(
    cands: Sequence[Candidate], scores: Sequence[float], limit: int, *, fill: bool = True
) -> list[Candidate]:
    """Best sentences within the budget. Without `fill`, stop at the first one that does
    not fit once two are chosen, instead of reaching for shorter, later ones: a lead
    summary reads on in order (measured: +0.005 ROUGE-1 on the German teasers)."""
    chosen: list[Candidate] = []
    used = 0
    for cand, _ in sorted(zip(cands, scores, strict=True), key=lambda cs: -cs[1]):
        if len(chosen) >= MAX_SENTENCES:
            break
        extra = len(cand.text) + (1 if chosen else 0)
        # A second sentence may stretch the budget a little: one sentence is too thin.
        budget = limit if len(chosen) != 1 else max(limit, int(MAX_CHARS * 1.2))
        if chosen and used + extra > budget:
            if not fill and len(chosen) >= 2:
                break
            continue
        chosen.append(cand)
        used += extra
    return sorted(chosen, key=lambda c: c.index)


def summarize(
    body: str, lang: str | None, *, title: str = "", topic: str = "", method: str = DEFAULT_METHOD
) -> str:
    """2–4 sentences from the article, at most ~400 characters unless the lead is longer.

    `topic` is what the headline and teaser promise; sentences that pick it up rank higher.
    """
    lang = lang or "en"
    cands = candidates(body, lang, title)
    return summarize_candidates(cands, lang, topic=topic or title, method=method)


def summarize_candidates(
    cands: Sequence[Candidate], lang: str, *, topic: str = "", method: str = DEFAULT_METHOD
) -> str:
    """The summary from already split sentences (ingestion splits once for all uses)."""
    cands = [c for c in cands if c.usable]
    if not cands:
        return ""
    if method == "lead3":
        return " ".join(c.text for c in cands[:3])
    mix = _mix(lang)
    mixed = method.startswith("lead+")
    fill = method != "lead" and not (mixed and mix.read_on)
    budget = mix.budget if mixed else MAX_CHARS
    chosen = _pick(cands, _scores(cands, lang, method, topic), budget, fill=fill)
    return " ".join(c.text for c in chosen)


def summarize_after_teaser(
    cands: Sequence[Candidate], lang: str, teaser: str, *, title: str = ""
) -> str:
    """The publisher's teaser first, then the body sentence that best keeps its promise.

    A teaser is the editor's own summary of the story, so in Slack it beats any sentence
    we could pick; but a teaser often teases ("Netflix is further along than thought") and
    the body sentence that shares the most headline and teaser words delivers the news
    ("… zehnmal schneller …"). The ROUGE evaluation summarizes bodies without teasers, so
    this path is not what docs/benchmarks.md measures.
    """
    lead = " ".join([s for s in split_sentences(teaser, lang) if not _repeats(title, s)][:2])
    if not lead:  # the teaser only repeats the headline (untitled articles take it as one)
        return summarize_candidates(cands, lang, topic=f"{title}\n{teaser}")
    budget = MAX_CHARS - len(lead) - 1
    body = [c for c in cands if c.usable and c.text not in lead and len(c.text) <= budget]
    if not body:
        return lead
    on_topic = _topic(body, f"{title}\n{teaser}", lang)
    score, _, best = max((t, -c.index, c) for c, t in zip(body, on_topic, strict=True))
    return f"{lead} {best.text}" if score > 0 else lead


def _repeats(title: str, sentence: str) -> bool:
    """True when the sentence is the headline again (in full, or cut short with "…")."""
    head, text = title.strip().rstrip(".…"), sentence.strip().rstrip(".")
    return bool(head) and (text == head or (title.endswith("…") and text.startswith(head)))
