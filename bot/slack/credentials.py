"""Check Slack credentials before start-up, so a typo fails loudly instead of at first use.

Slack answers a wrong token with ``invalid_auth`` only when the first user types ``/news``;
we would rather refuse to start and name the variable that is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from bot.config import ConfigError, Settings

Mode = Literal["http", "socket"]

_BOT_TOKEN = re.compile(r"^xoxb-[0-9A-Za-z-]{10,}$")
_APP_TOKEN = re.compile(r"^xapp-[0-9A-Za-z-]{10,}$")
# Slack signing secrets are 32 lowercase hex digits; accept any hex of that size or longer.
_SIGNING_SECRET = re.compile(r"^[0-9a-fA-F]{32,}$")
# The values `.env.example` ships with (a test keeps them in step). They match the patterns
# above, so without this a copied-but-not-filled .env would start and fail at first use;
# with the placeholder signing secret anyone could sign requests.
PLACEHOLDERS = {
    "SLACK_BOT_TOKEN": "xoxb-your-bot-token",
    "SLACK_SIGNING_SECRET": "0123456789abcdef0123456789abcdef",
    "SLACK_APP_TOKEN": "xapp-your-app-token",
}


@dataclass(frozen=True)
class SlackCredentials:
    bot_token: str
    signing_secret: str | None
    app_token: str | None


def require_slack_credentials(settings: Settings, mode: Mode) -> SlackCredentials:
    """HTTP mode needs the bot token and signing secret; Socket Mode the bot and app tokens."""
    bot_token = _check("SLACK_BOT_TOKEN", settings.slack_bot_token, _BOT_TOKEN, "xoxb-…")
    secret = None
    app_token = None
    if mode == "http":
        secret = _check(
            "SLACK_SIGNING_SECRET",
            settings.slack_signing_secret,
            _SIGNING_SECRET,
            "32 hex digits (Basic Information → App Credentials)",
        )
    else:
        app_token = _check(
            "SLACK_APP_TOKEN",
            settings.slack_app_token,
            _APP_TOKEN,
            "xapp-… with the connections:write scope",
        )
    check_api_url(settings.slack_api_url)
    return SlackCredentials(bot_token=bot_token, signing_secret=secret, app_token=app_token)


def check_api_url(url: str | None) -> None:
    if url is None:
        return
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f"SLACK_API_URL is malformed: expected an http(s) URL like "
            f"https://slack.com/api/, got {url!r}"
        )


def _check(name: str, value: str | None, pattern: re.Pattern[str], expected: str) -> str:
    if not value:
        raise ConfigError(f"{name} is not set: put it in the environment or .env ({expected})")
    value = value.strip()
    if value == PLACEHOLDERS.get(name):
        raise ConfigError(
            f"{name} is still the placeholder from .env.example: put in the real value ({expected})"
        )
    if not pattern.match(value):
        shown = value[:5] + "…" if len(value) > 5 else value
        raise ConfigError(f"{name} is malformed: expected {expected}, got {shown!r}")
    return value
