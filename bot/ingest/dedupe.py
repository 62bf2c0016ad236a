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

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy.orm import Session

from storage.models import Article
from storage.stories import StoryRepository

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Tuning:
    shingle_words: int = 3
    threshold: float = 0.5  # estimated Jaccard of the shingle sets
    num_perm: int = 128
    min_words: int = 40
    seed: int = 1


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
    minhash = MinHash(num_perm=tuning.num_perm, seed=tuning.seed)
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
    return MinHash(num_perm=len(values), seed=tuning.seed, hashvalues=values)


def assign_groups(session: Session, articles: Sequence[Article], tuning: Tuning = TUNING) -> int:
    """Sign ``articles`` (just added or updated) and put each in its story group.

    Returns how many joined an existing group. One query for the candidates of the whole
    batch, one for their signatures; earlier articles of the batch count as stored.
    """
    stories = StoryRepository(session)
    stories.forget([a.id for a in articles])
    signed = [(a, sig) for a in articles if (sig := signature(story_text(a.teaser, a.body), tuning))]
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
        stories.store(article.id, group, sig.hashvalues.astype(np.uint64).tobytes(), keys[article.id])
        groups[article.id], minhashes[article.id] = group, sig
        for key in keys[article.id]:
            sharing.setdefault(key, set()).add(article.id)
    session.flush()
    return joined
