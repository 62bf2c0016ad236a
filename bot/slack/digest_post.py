"""Post digests to Slack: the scheduler's Publisher, backed by slack-sdk's WebClient.

Link unfurls are off, so a digest of ten links does not become ten preview cards.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.digest.content import Digest
from bot.digest.scheduler import DigestScheduler, PublishError, SchedulerConfig
from bot.services import Services
from bot.slack.client import make_web_client
from bot.slack.digest_blocks import render_digest

log = logging.getLogger(__name__)


class SlackDigestPublisher:
    def __init__(self, client: WebClient) -> None:
        self.client = client

    def publish(self, digest: Digest, *, skip_parts: int, on_part: Callable[[str], None]) -> None:
        """Post the parts not yet posted; a Slack error (429 after retries too) raises."""
        for message in render_digest(digest)[skip_parts:]:
            try:
                response = self.client.chat_postMessage(
                    channel=digest.channel_id,
                    text=message.text,
                    blocks=message.blocks,
                    unfurl_links=False,
                    unfurl_media=False,
                )
            except SlackApiError as exc:
                status = exc.response.status_code
                error = exc.response.get("error") if isinstance(exc.response.data, dict) else None
                raise PublishError(f"Slack answered {status}: {error or exc}") from exc
            except (URLError, OSError) as exc:
                raise PublishError(f"Slack unreachable: {exc}") from exc
            on_part(str(response.get("ts") or ""))


def make_publisher(services: Services) -> SlackDigestPublisher:
    return SlackDigestPublisher(make_web_client(services.settings))


def run_digest_scheduler(services: Services, client: object, stop: threading.Event) -> None:
    """Background job for `newsroom-bot run`/`serve` (handlers/serve.py BACKGROUND_JOBS).

    Blocks until ``stop`` is set. The app's ``client`` is not used: digests post through
    ``make_web_client(settings)`` so the 429/connection retry handlers are guaranteed.
    """
    scheduler = DigestScheduler(
        services, make_publisher(services), config=SchedulerConfig.from_settings(services.settings)
    )
    log.info("digest scheduler %s started (tick %ss)", scheduler.worker_id,
             scheduler.config.tick_seconds)  # fmt: skip
    scheduler.run_forever(stop)
