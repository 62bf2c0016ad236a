"""Ingestion: files, pages and feeds in; deduplicated, cleaned, analyzed articles stored.

Owns the readers (one per input format), boilerplate removal, canonical URLs and content
hashes, feed polling, the one HTTP fetch module every URL goes through, and the batch
writer (``service.Ingestor``; ``parallel.ParallelIngestor`` analyses on every core).

May import: ``bot.config``, ``bot.services``, ``bot.intelligence`` (analysis at ingestion),
``storage``. Never Slack, never ``bot.lookup`` or ``bot.digest``.
"""
