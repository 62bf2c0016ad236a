"""The contract between the `/news` router and the modules that implement subcommands.

A subcommand gets the parsed request and returns what to say; the router decides how
(ephemeral or in channel, via ``respond``), so subcommands stay testable without Slack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.ingest.fetch import FetchPolicy
from bot.services import Services
from storage.models import utcnow


@dataclass(frozen=True)
class CommandContext:
    services: Services
    team_id: str | None
    channel_id: str
    user_id: str
    args: str  # the text after the subcommand word, stripped
    is_admin: bool = False
    # The caller's timezone from their Slack profile, asked only by subcommands that need
    # it (a Web API call): `subscribe daily 08:00` means 08:00 where the user is.
    user_timezone: Callable[[], str | None] = lambda: None
    # The clock, passed in so tests can say what time it is (a digest preview depends on it).
    now: Callable[[], datetime] = utcnow
    # What a URL given in Slack may fetch: public addresses only (``Deps.url_policy``).
    fetch_policy: FetchPolicy = field(default_factory=lambda: FetchPolicy().untrusted())


@dataclass
class CommandReply:
    text: str  # fallback text for notifications and screen readers
    blocks: list[dict[str, Any]] | None = None
    in_channel: bool = False


Subcommand = Callable[[CommandContext], CommandReply]
