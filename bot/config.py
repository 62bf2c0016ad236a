"""Settings from the environment and an optional ``.env`` file (python-dotenv)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import load_dotenv

from storage.db import default_database_url


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str | None = None
    admin_user_ids: frozenset[str] = field(default_factory=frozenset)
    default_timezone: str = "UTC"


def load_settings(env_file: str | os.PathLike[str] | None = None) -> Settings:
    """Read settings once at start-up; real environment variables win over ``.env``."""
    if env_file is not None:
        load_dotenv(Path(env_file), override=False)
    else:
        load_dotenv(override=False)
    env = os.environ
    return Settings(
        database_url=env.get("DATABASE_URL") or default_database_url(),
        slack_bot_token=env.get("SLACK_BOT_TOKEN") or None,
        slack_signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
        slack_app_token=env.get("SLACK_APP_TOKEN") or None,
        slack_api_url=env.get("SLACK_API_URL") or None,
        admin_user_ids=frozenset(_split(env.get("NEWSROOM_ADMINS", ""))),
        default_timezone=_timezone(env.get("NEWSROOM_TIMEZONE") or "UTC"),
    )


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


def _timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"NEWSROOM_TIMEZONE is not a known timezone: {name!r} (e.g. Europe/Berlin)"
        ) from None
    return name
