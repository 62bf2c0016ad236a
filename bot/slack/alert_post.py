"""Post alerts and update notes to Slack, through the exactly-once poster."""

from __future__ import annotations

from datetime import datetime

from bot.digest.alert_job import AlertBatch
from bot.digest.scheduler import SchedulerConfig
from bot.digest.updates import UpdateNote
from bot.slack.alert_blocks import render_alert, render_note
from bot.slack.posting import Outbound, SlackPoster


class SlackAlertPublisher:
    """The ``AlertPublisher`` and ``NotePublisher`` of the scheduler's pass jobs."""

    def __init__(self, poster: SlackPoster) -> None:
        self.poster = poster

    def publish_alert(self, post_id: int, batch: AlertBatch, *, now: datetime,
                      config: SchedulerConfig) -> str:  # fmt: skip
        outbound = Outbound(batch.channel_id, render_alert(batch))
        return self.poster.deliver(post_id, outbound, backoff=config.backoff, now=now)

    def publish_note(self, post_id: int, note: UpdateNote, *, now: datetime,
                     config: SchedulerConfig) -> str:  # fmt: skip
        outbound = Outbound(note.channel_id, render_note(note), thread_ts=note.thread_ts)
        return self.poster.deliver(post_id, outbound, backoff=config.backoff, now=now)
