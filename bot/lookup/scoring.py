"""BM25, written once, as pure functions over numpy arrays (after bm25s and whoosh).

``bm25`` scores term frequencies against document lengths; callers decide what a "term"
is (one index term, or a word's family summed into one pseudo-term, see
``TermIndex.term_scores``) and multiply in their own confidence.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

# Robertson's defaults; docs/lookup.md records that tuning them moved nothing measurable.
K1, B = 1.2, 0.75

Array = npt.NDArray[Any]  # float32 or float64; bincount's sums type as integers


def idf(n_docs: int, df: int) -> float:
    """Lucene's non-negative BM25 idf."""
    return float(np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5)))


def bm25(
    idf: float | Array, tf: Array, doc_len: Array, avgdl: float, k1: float = K1, b: float = B
) -> Array:
    """BM25 of each (term frequency, document length) pair."""
    return idf * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * doc_len / avgdl))
