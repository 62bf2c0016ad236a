"""Lookup: typo-tolerant German/English article search with filters.

Owns text normalisation (``textnorm``), the filter syntax (``query``), reading questions
(``question``: the frame dropped, time phrases made filters), the term index (``index``:
arrays only, with BM25 in ``scoring``), its change-log replay across processes
(``live``), the on-disk snapshots every process of a machine maps (``snapshot``, built by
the ``builder`` child), and the ranking service (``service``). Meaning search: the
sentence encoders (``embeddings``), the embedder that stores article vectors
(``embedder``, also a scheduler pass job), the in-memory exact vector search
(``vectors``) and its fusion with the words (``meaning``, which also puts the vectors into
the snapshot). The contract used by the Slack app, the digest and the CLI is re-exported
here: ``search``, ``SearchResult``, ``Hit``, ``warm_up``.

May import: ``bot.intelligence.stopwords``, ``bot.config`` (``ConfigError``), ``storage``.
Never Slack, ``bot.ingest`` or ``bot.digest``.
"""

from bot.lookup.service import MAX_LIMIT, Hit, SearchResult, search, warm_up

__all__ = ["MAX_LIMIT", "Hit", "SearchResult", "search", "warm_up"]
