"""Near-duplicates: the same story from several sources, or re-published with small edits.

Each article with enough text gets a MinHash signature (datasketch) over its word
shingles and joins the group of the stored articles it resembles: those sharing an LSH
band key (candidates) whose estimated Jaccard similarity reaches ``Tuning.threshold``.
The band layout (``b`` bands of ``r`` rows) is datasketch's own choice for that threshold
(``MinHashLSH``); the keys live in the database (``storage/stories.py``), so every
process and replica finds the same candidates without holding an index in memory.

Shingle size and threshold were chosen with ``benchmarks/dedupe_eval.py`` on pairs built
from the corpus (docs/benchmarks.md, "Near-duplicates"): see ``TUNING``.

Articles with fewer than ``Tuning.min_words`` words (title-only feed rows) get no
signature: a headline alone is too short to call two articles the same story.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy.orm import Session

from storage.models import Article
from storage.stories import Sibling, StoryRepository

_WORD = re.compile(r"\w+", re.UNICODE)
ALSO_IN_MAX = 5
TITLE_CHARS = 60


@dataclass(frozen=True)
class Tuning:
    # Chosen with benchmarks/dedupe_eval.py: word pairs at 0.5 keep precision 0.998 and
    # recall 0.986 on the dev pairs; longer shingles lose recall on edited copies, lower
    # thresholds group follow-up stories across the whole corpus.
    shingle_words: int = 2
    threshold: float = 0.5  # estimated Jaccard of the shingle sets
    num_perm: int = 128
    min_words: int = 40
    seed: int = 1
    scheme: Literal["affine32"] = "affine32"  # datasketch 2's hashing; stored with the values


TUNING = Tuning()


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def shingles(text: str, size: int) -> set[str]:
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def story_text(teaser: str, body: str) -> str:
    """The text compared: teaser and body. Headlines are left out on purpose: agency copy
    keeps the text and gets a new headline from each outlet."""
    return f"{teaser}\n{body}"


def signature(text: str, tuning: Tuning = TUNING) -> MinHash | None:
    if len(words(text)) < tuning.min_words:
        return None
    minhash = MinHash(num_perm=tuning.num_perm, seed=tuning.seed, scheme=tuning.scheme)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text, tuning.shingle_words)])
    return minhash


@lru_cache(maxsize=8)
def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) as datasketch's LSH picks them for this threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(minhash: MinHash, tuning: Tuning = TUNING) -> list[int]:
    """One signed 64-bit key per band: the band's number and its rows, hashed."""
    bands, rows = band_layout(tuning.threshold, tuning.num_perm)
    values = minhash.hashvalues
    keys = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "big") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(a: MinHash, b: MinHash) -> float:
    return float(a.jaccard(b))


def from_bytes(data: bytes, tuning: Tuning = TUNING) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint64)
    return MinHash(seed=tuning.seed, hashvalues=values, scheme=tuning.scheme)


def assign_groups(session: Session, articles: Sequence[Article], tuning: Tuning = TUNING) -> int:
    """Sign ``articles`` (just added or updated) and put each in its story group.

    Returns how many joined an existing group. One query for the candidates of the whole
    batch, one for their signatures; earlier articles of the batch count as stored.
    """
    stories = StoryRepository(session)
    stories.forget([a.id for a in articles])
    signed = [
        (a, sig) for a in articles if (sig := signature(story_text(a.teaser, a.body), tuning))
    ]
    keys = {a.id: band_keys(sig, tuning) for a, sig in signed}
    sharing = stories.articles_sharing(k for ks in keys.values() for k in ks)
    known = stories.signatures(i for ids in sharing.values() for i in ids)
    groups = {i: s.group_id for i, s in known.items()}
    minhashes = {i: from_bytes(s.minhash, tuning) for i, s in known.items()}
    joined = 0
    for article, sig in signed:
        candidates = {i for k in keys[article.id] for i in sharing.get(k, ())} - {article.id}
        matches = [i for i in candidates if similarity(sig, minhashes[i]) >= tuning.threshold]
        group = min((groups[i] for i in matches), default=article.id)
        joined += group != article.id
        packed = sig.hashvalues.astype(np.uint64).tobytes()
        stories.store(article.id, group, packed, keys[article.id])
        groups[article.id], minhashes[article.id] = group, sig
        for key in keys[article.id]:
            sharing.setdefault(key, set()).add(article.id)
    session.flush()
    return joined


def collapse(session: Session, article_ids: Sequence[int]) -> list[tuple[int, list[str]]]:
    """Show each story once: the first of its group in ``article_ids`` order, with the
    other articles of its group named ("also in: BBC, tagesschau")."""
    groups = StoryRepository(session).groups_of(article_ids)
    members = StoryRepository(session).members(set(groups.values()))
    shown: list[tuple[int, list[str]]] = []
    seen: set[int] = set()
    for article_id in article_ids:
        group = groups.get(article_id, article_id)
        if group in seen:
            continue
        seen.add(group)
        others = [m for m in members.get(group, []) if m.article_id != article_id]
        shown.append((article_id, also_in_labels(article_id, members.get(group, []), others)))
    return shown


def also_in_labels(article_id: int, group: list[Sibling], others: list[Sibling]) -> list[str]:
    """Other sources by name; a copy from the same source by its headline."""
    own = next((m.source for m in group if m.article_id == article_id), None)
    labels: list[str] = []
    for other in others:
        if other.source and other.source != own:
            label = other.source
        else:
            title = other.title or "(untitled)"
            label = title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"
        if label not in labels:
            labels.append(label)
    return labels[:ALSO_IN_MAX]
