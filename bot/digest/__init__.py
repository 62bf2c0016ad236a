"""Digests: schedules, channel subscriptions, what goes into a digest, and the scheduler.

The scheduler is the bot's one background loop: it posts due digests exactly once per
(subscription, slot) and polls due feeds. It posts through a ``Publisher`` it is handed
(the Slack one lives in ``bot.slack.digest_post``), so nothing here imports Slack.

May import: ``bot.config``, ``bot.services``, ``bot.lookup``, ``bot.ingest`` (feed
polling), ``bot.intelligence``, ``storage``.
"""
