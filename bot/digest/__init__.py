"""Digests: schedules, channel subscriptions, what goes into a digest, and the scheduler;
keyword alerts and story-update notes, which run in the same pass.

The scheduler is the bot's one background loop: it posts due digests exactly once per
(subscription, slot), polls due feeds, and runs its pass jobs: alerts (``alerts``,
``alert_job``, the relevance threshold in ``relevance``) and update notes (``updates``),
delivered through ``delivery``. It posts through publishers it is handed (the Slack ones
live in ``bot.slack.digest_post`` and ``bot.slack.alert_post``), so nothing here imports
Slack.

May import: ``bot.config``, ``bot.services``, ``bot.lookup``, ``bot.ingest`` (feed
polling), ``bot.intelligence``, ``storage``.
"""
