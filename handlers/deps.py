"""What every answer job needs, built once per app (or per worker process) from config."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot import lookup
from bot.config import Settings
from bot.ingest.fetch import FetchPolicy
from bot.lookup.live import enable_snapshots
from bot.services import Services
from bot.slack.background import Background
from bot.slack.blocks import Message
from bot.slack.client import make_web_client, retry_handlers
from storage.models import utcnow

log = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 5


class ReplyFailed(Exception):
    """Slack did not take a reply, so the person who asked has not seen it."""


@dataclass(frozen=True)
class DepsSpec:
    """The picklable recipe a worker process rebuilds its ``Deps`` from."""

    settings: Settings
    page_size: int = DEFAULT_PAGE_SIZE


@dataclass(frozen=True)
class Deps:
    services: Services
    client: WebClient
    page_size: int = DEFAULT_PAGE_SIZE
    clock: Callable[[], datetime] = utcnow  # "now" for previews and schedules; tests set it
    # What `/news add URL` may fetch. None (always, in production): the settings' limits
    # with public addresses only, whatever NEWSROOM_ALLOW_PRIVATE_URLS says. Only tests set
    # it, because their news sites run on 127.0.0.1.
    fetch_policy: FetchPolicy | None = None

    @classmethod
    def build(cls, spec: DepsSpec) -> Deps:
        """Runs once in each answer worker process: the worker maps the search index
        snapshot the main process writes (or waits for its first build), starting here
        rather than on the first question the worker gets."""
        services = Services.from_settings(spec.settings, upgrade=False)
        enable_snapshots(services.engine, Path(spec.settings.cache_dir), writer=False)
        threading.Thread(target=lookup.warm_up, args=(services.engine,), daemon=True).start()
        return cls(services, make_web_client(spec.settings), spec.page_size)

    def url_policy(self) -> FetchPolicy:
        """The fetch policy for URLs that arrive from Slack."""
        if self.fetch_policy is not None:
            return self.fetch_policy
        return FetchPolicy.from_settings(self.services.settings).untrusted()

    def is_admin(self, user_id: str) -> bool:
        return user_id in self.services.settings.admin_user_ids

    def user_timezone(self, user_id: str) -> str | None:
        """The IANA timezone of the user's Slack profile (scope users:read), if Slack says."""
        try:
            tz = self.client.users_info(user=user_id)["user"].get("tz")
        except (SlackApiError, KeyError, TypeError) as exc:
            log.warning("no timezone for %s: %s", user_id, exc)
            return None
        return tz if isinstance(tz, str) and tz else None

    def respond(self, response_url: str, message: Message, **options: Any) -> None:
        """Answer through a request's response_url (no scope, works in any channel or DM).

        ``options``: ``response_type`` ("ephemeral" by default or "in_channel") and
        ``replace_original``; retried on 429 and connection errors like Web API calls.
        """
        webhook = WebhookClient(
            response_url,
            timeout=10,
            retry_handlers=retry_handlers(),
        )
        options.setdefault("response_type", "ephemeral")
        options.setdefault("replace_original", False)
        response = webhook.send(text=message.text, blocks=message.blocks or None, **options)
        if response.status_code != 200:  # e.g. 404 expired_url: the person never saw it
            raise ReplyFailed(f"response_url answered {response.status_code}: {response.body}")


def make_background(
    services: Services,
    *,
    page_size: int = DEFAULT_PAGE_SIZE,
    workers: int = 2,
    processes: bool = False,
    fetch_policy: FetchPolicy | None = None,
) -> Background[Deps]:
    """Answer workers: threads sharing ``services``, or processes that rebuild them.

    ``fetch_policy`` (threads only) is for tests whose sites run on 127.0.0.1."""
    if processes:
        return Background(
            Deps.build, DepsSpec(services.settings, page_size), workers=workers, processes=True
        )
    client = make_web_client(services.settings)
    return Background(
        lambda _: Deps(services, client, page_size, fetch_policy=fetch_policy),
        None,
        workers=workers,
    )
