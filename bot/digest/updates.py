"""Update notes: when an article the bot showed in a channel changes, say what changed,
once, in the thread of every message that showed it — never as a new top-level post.

Re-imports keep the previous version with the lines that say what changed
(``bot/ingest/versions.py``); messages that showed an article are recorded with the
version they showed (shares, digests, alerts: ``storage/versions.py``). Each pass finds
the (message, newer version) pairs without a note, claims each with a unique row, and
posts the note as a threaded reply through the post ledger (exactly once, also when
Slack's answer is lost). Messages older than ``NEWSROOM_UPDATE_NOTE_DAYS`` get no note.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.digest.delivery import DeliveryReport, deliver, due_posts
from bot.digest.scheduler import SchedulerConfig
from bot.services import Services
from storage.articles import ArticleRepository
from storage.posts import PostRepository
from storage.versions import OwedNote, UpdateNoteRepository

log = logging.getLogger(__name__)

NOTES_PER_PASS = 200


@dataclass(frozen=True)
class UpdateNote:
    """One threaded note: which article, which version, what changed."""

    channel_id: str
    thread_ts: str
    article_id: int
    title: str
    url: str | None
    version: int  # the new version's number (2 for the first update)
    changes: list[str]


class NotePublisher(Protocol):
    def publish_note(self, post_id: int, note: UpdateNote, *, now: datetime,
                     config: SchedulerConfig) -> str: ...  # fmt: skip


@dataclass
class UpdateNoteJob:
    services: Services
    publisher: NotePublisher
    config: SchedulerConfig = field(default_factory=SchedulerConfig)
    max_age: timedelta = timedelta(days=30)
    name: str = "update_notes"

    @classmethod
    def from_settings(cls, services: Services, publisher: NotePublisher,
                      config: SchedulerConfig) -> UpdateNoteJob:  # fmt: skip
        days = services.settings.update_note_days
        return cls(services, publisher, config, timedelta(days=days))

    def run(self, now: datetime) -> DeliveryReport:
        report = DeliveryReport()
        for post_id in due_posts(self.services, "note", now, self.config):
            self._deliver(post_id, now, report)
        with self.services.session() as session:
            owed = UpdateNoteRepository(session).owed(now - self.max_age, NOTES_PER_PASS)
        for pair in owed:
            claimed = self._claim(pair, now)
            if claimed is not None:
                self._deliver(claimed, now, report)
        return report

    def _claim(self, pair: OwedNote, now: datetime) -> int | None:
        with self.services.session() as session:
            notes = UpdateNoteRepository(session)
            message = notes.message(pair.message_id)
            if message is None:
                return None
            key = f"note:{pair.message_id}:{pair.version_id}"
            thread = message.thread_ts or message.ts
            post = PostRepository(session).claim(key, "note", message.channel_id, now, thread)
            if post is None or notes.claim(pair, post.id, now) is None:
                session.rollback()
                return None
            return post.id

    def _deliver(self, post_id: int, now: datetime, report: DeliveryReport) -> None:
        with self.services.session() as session:
            notes = UpdateNoteRepository(session)
            claimed = notes.by_post(post_id)
            assert claimed is not None
            message = notes.message(claimed.message_id)
            version = notes.version(claimed.version_id)
            article = ArticleRepository(session).get(version.article_id) if version else None
            if message is None or version is None or article is None:
                return
            note = UpdateNote(
                channel_id=message.channel_id, thread_ts=message.thread_ts or message.ts,
                article_id=article.id, title=article.title, url=article.canonical_url,
                version=version.version + 1, changes=list(version.changes),
            )  # fmt: skip
        deliver(
            self.services, post_id,
            lambda: self.publisher.publish_note(post_id, note, now=now, config=self.config),
            self.config, report,
        )  # fmt: skip
