"""Post digests to Slack: the scheduler's Publisher, over the exactly-once poster, and the
scheduler itself with its alert, update-note and embedding jobs (``make_scheduler``).

Each part of a digest is one row of the post ledger (key: subscription, slot, part), so a
part whose answer from Slack was lost is looked for in the channel before the run's retry
posts it again (``bot/slack/posting.py``). Every part that reaches the channel is recorded
with the articles it shows, for their update notes. Link unfurls are off, so a digest of
ten links does not become ten preview cards.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from bot.digest.alert_job import AlertJob
from bot.digest.content import Digest
from bot.digest.scheduler import DigestScheduler, PassJob, SchedulerConfig
from bot.digest.updates import UpdateNoteJob
from bot.lookup.embedder import EmbedJob
from bot.services import Services
from bot.slack.alert_post import SlackAlertPublisher
from bot.slack.digest_blocks import digest_pages
from bot.slack.posting import Outbound, SlackPoster
from storage.posts import PostRepository
from storage.versions import PostedMessageRepository

log = logging.getLogger(__name__)


class SlackDigestPublisher:
    def __init__(self, poster: SlackPoster) -> None:
        self.poster = poster
        self.services = poster.services

    def publish(self, digest: Digest, *, skip_parts: int, on_part: Callable[[str], None]) -> None:
        """Post the parts not yet posted; a Slack error (429 after retries too) raises."""
        pages = digest_pages(digest)
        for number, (message, article_ids) in enumerate(pages[skip_parts:], start=skip_parts):
            key = f"digest:{digest.subscription_id}:{digest.slot_at:%Y%m%dT%H%M%S}:{number}"
            now = self.poster.clock()
            with self.services.session() as session:
                post_id = (
                    PostRepository(session).get_or_claim(key, "digest", digest.channel_id, now).id
                )
            ts = self.poster.deliver(post_id, Outbound(digest.channel_id, message), now=now)
            with self.services.session() as session:
                PostedMessageRepository(session).record(
                    digest.channel_id, ts, article_ids, "digest", now
                )
            on_part(ts)


def make_publisher(services: Services) -> SlackDigestPublisher:
    return SlackDigestPublisher(SlackPoster.from_services(services))


def make_scheduler(services: Services, config: SchedulerConfig | None = None) -> DigestScheduler:
    """The whole pass: digests, then alerts and update notes, all posting exactly once;
    then a few new articles get their vectors for meaning search."""
    config = config or SchedulerConfig.from_settings(services.settings)
    poster = SlackPoster.from_services(services)
    jobs: list[PassJob] = [
        AlertJob.from_settings(services, SlackAlertPublisher(poster), config),
        UpdateNoteJob.from_settings(services, SlackAlertPublisher(poster), config),
    ]
    if services.settings.embedding_model != "off":  # last: posts never wait for it
        jobs.append(EmbedJob(services.engine, services.settings.embedding_model,
                             per_pass=services.settings.embed_per_pass))  # fmt: skip
    return DigestScheduler(services, SlackDigestPublisher(poster), config=config, jobs=jobs)


def run_digest_scheduler(services: Services, client: object, stop: threading.Event) -> None:
    """Background job for `newsroom-bot run`/`serve` (handlers/serve.py BACKGROUND_JOBS).

    Blocks until ``stop`` is set. The app's ``client`` is not used: posts go through
    ``SlackPoster`` clients built from the settings (429 retries, no blind re-sends).
    """
    scheduler = make_scheduler(services)
    log.info("digest scheduler %s started (tick %ss)", scheduler.worker_id,
             scheduler.config.tick_seconds)  # fmt: skip
    scheduler.run_forever(stop)
