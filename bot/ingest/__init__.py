"""Ingestion: files, pages and feeds in; deduplicated, cleaned, analyzed articles stored.

Owns the readers (one per input format) and the streaming text input under them
(``textio``: encodings, lines, CSV records, JSON array items), boilerplate removal,
canonical URLs, content hashes and dates, feed polling (its own worker), the one HTTP
fetch module every URL goes through (``fetch``: the rules in docs/safety.md), the batch
writer (``service.Ingestor``; ``parallel.ParallelIngestor`` analyses on every core),
change detection on re-imports (``versions``) and near-duplicate groups (``dedupe``,
datasketch MinHash).

May import: ``bot.config``, ``bot.services``, ``bot.intelligence`` (analysis at ingestion),
``storage``. Never Slack, never ``bot.lookup`` or ``bot.digest``.
"""
