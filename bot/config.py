"""Every setting, declared once: name, default, meaning. Read once, then passed down.

Settings come from the real environment, else from a ``.env`` file (python-dotenv reads
it; nothing here writes ``os.environ``), else from the default below. The command line
reads them once at start (``--database-url`` and ``-v`` override two of them) and hands
the frozen :class:`Settings` to every service, worker process and background job.
README's configuration table lists every name in ``SETTINGS`` (a test holds it to that).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values, find_dotenv
from platformdirs import user_cache_dir

from storage.db import APP_NAME, default_database_url


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable."""


Parse = Callable[[str, str], Any]  # (variable name, raw text) -> value


@dataclass(frozen=True)
class Setting:
    name: str  # environment variable
    attr: str  # field of Settings
    default: str  # as it would be written in .env; "" means unset
    help: str
    parse: Parse


@dataclass(frozen=True)
class Settings:
    """The loaded values. Tests build it directly; defaults match ``SETTINGS``."""

    database_url: str
    database_in_cwd: bool = False
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str | None = None
    admin_user_ids: frozenset[str] = field(default_factory=frozenset)
    default_timezone: str = "UTC"
    log_level: str = "WARNING"
    cache_dir: str = ""
    digest_grace_minutes: float = 60.0
    scheduler_tick_seconds: float = 30.0
    digest_max_attempts: int = 6
    digest_retry_minutes: float = 2.0
    poll_feeds: bool = True
    startup_wait_seconds: float = 120.0
    fetch_max_bytes: int = 10 * 1024 * 1024
    fetch_deadline_seconds: float = 30.0
    allow_private_urls: bool = False
    slack_timeout_seconds: float = 10.0
    alert_max_per_hour: int = 20
    update_note_days: float = 30.0
    embedding_model: str = "use+e5"
    embed_per_pass: int = 64


def _text(name: str, raw: str) -> str | None:
    return raw.strip() or None


def _ids(name: str, raw: str) -> frozenset[str]:
    return frozenset(p.strip() for p in raw.replace(";", ",").split(",") if p.strip())


def _timezone(name: str, raw: str) -> str:
    value = raw.strip() or "UTC"
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"{name} is not a known timezone: {value!r} (e.g. Europe/Berlin)"
        ) from None
    return value


def _level(name: str, raw: str) -> str:
    value = raw.strip().upper() or "WARNING"
    return value if value in logging.getLevelNamesMapping() else "WARNING"


def _number(name: str, raw: str) -> float:
    try:
        value = float(raw.strip())
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value < 0:
        raise ConfigError(f"{name} must not be negative, got {raw!r}")
    return value


def _count(name: str, raw: str) -> int:
    return int(_number(name, raw))


def _flag(name: str, raw: str) -> bool:
    return raw.strip().lower() not in ("0", "false", "no", "off")


def _megabytes(name: str, raw: str) -> int:
    value = _number(name, raw)
    if value <= 0:
        raise ConfigError(f"{name} must be more than 0 MB, got {raw!r}")
    return int(value * 1024 * 1024)


def _positive_seconds(name: str, raw: str) -> float:
    value = _number(name, raw)
    if value <= 0:
        raise ConfigError(f"{name} must be more than 0 seconds, got {raw!r}")
    return value


EMBEDDING_MODELS = ("use", "e5", "use+e5", "off")  # bot/lookup/embeddings.py: MODELS


def _embedding_model(name: str, raw: str) -> str:
    value = raw.strip().lower()
    if value not in EMBEDDING_MODELS:
        choices = ", ".join(f"`{m}`" for m in EMBEDDING_MODELS)
        raise ConfigError(f"{name} must be one of {choices}, got {raw!r}")
    return value


def _cache_dir(name: str, raw: str) -> str:
    return raw.strip() or user_cache_dir(APP_NAME, appauthor=False)


SETTINGS: tuple[Setting, ...] = (
    Setting("DATABASE_URL", "database_url", "",
            "SQLAlchemy URL. Default: `newsroom.db` in the user data dir "
            "(`~/.local/share/newsroom-bot/` on Linux); `NEWSROOM_DB_IN_CWD=1` puts it at "
            "`./newsroom.db`. PostgreSQL: `postgresql://user@host/db` (psycopg 3).",
            _text),
    Setting("NEWSROOM_DB_IN_CWD", "database_in_cwd", "0",
            "`1`: the default SQLite database is `./newsroom.db` instead of the user data dir.",
            lambda name, raw: raw.strip() == "1"),
    Setting("SLACK_BOT_TOKEN", "slack_bot_token", "",
            "Bot User OAuth Token `xoxb-…`; both run modes need it.", _text),
    Setting("SLACK_SIGNING_SECRET", "slack_signing_secret", "",
            "Signing secret (32 hex digits); HTTP mode (`serve`) needs it.", _text),
    Setting("SLACK_APP_TOKEN", "slack_app_token", "",
            "App-level token `xapp-…` with `connections:write`; Socket Mode (`run`) needs it.",
            _text),
    Setting("SLACK_API_URL", "slack_api_url", "",
            "Slack Web API base URL, for GovSlack or test rigs (default "
            "`https://slack.com/api/`).", _text),
    Setting("NEWSROOM_ADMINS", "admin_user_ids", "",
            "Comma-separated Slack user ids allowed to `/news add URL`.", _ids),
    Setting("NEWSROOM_TIMEZONE", "default_timezone", "UTC",
            "Timezone for digest schedules that name none; in Slack the subscriber's own "
            "timezone comes first.", _timezone),
    Setting("LOG_LEVEL", "log_level", "WARNING",
            "`DEBUG`, `INFO`, `WARNING` …; `-v` on the command line means `DEBUG`.", _level),
    Setting("NEWSROOM_CACHE_DIR", "cache_dir", "",
            "Where the search index snapshot lives, shared by `serve`/`run` and their "
            "workers and kept between CLI runs; one per machine, on local disk (default: "
            "the user cache dir, `~/.cache/newsroom-bot/` on Linux).", _cache_dir),
    Setting("NEWSROOM_DIGEST_GRACE_MINUTES", "digest_grace_minutes", "60",
            "How late a missed digest slot may still be posted.", _number),
    Setting("NEWSROOM_SCHEDULER_TICK_SECONDS", "scheduler_tick_seconds", "30",
            "Seconds between scheduler passes (digests, retries, feed polling).", _number),
    Setting("NEWSROOM_DIGEST_MAX_ATTEMPTS", "digest_max_attempts", "6",
            "Posting attempts of one digest before it is marked failed.", _count),
    Setting("NEWSROOM_DIGEST_RETRY_MINUTES", "digest_retry_minutes", "2",
            "First retry delay of a failed digest; doubled per attempt, at most an hour.",
            _number),
    Setting("NEWSROOM_POLL_FEEDS", "poll_feeds", "1",
            "`0`: the running bot does not poll feeds (another replica or cron does).", _flag),
    Setting("NEWSROOM_STARTUP_WAIT_SECONDS", "startup_wait_seconds", "120",
            "How long `run`/`serve` keep retrying, with backoff, a database or Slack that "
            "cannot be reached at start before they give up (exit 1).", _number),
    Setting("NEWSROOM_FETCH_MAX_MB", "fetch_max_bytes", "10",
            "Largest page, feed or file fetched from a URL, in MB; bigger downloads stop "
            "there and are reported.", _megabytes),
    Setting("NEWSROOM_FETCH_DEADLINE_SECONDS", "fetch_deadline_seconds", "30",
            "Total time one fetch (connect, redirects, body) may take.", _positive_seconds),
    Setting("NEWSROOM_ALLOW_PRIVATE_URLS", "allow_private_urls", "0",
            "`1`: the operator's own `ingest` URLs and polled feeds may be on loopback or "
            "private addresses (an intranet CMS). Never applies to `/news add` or to links "
            "inside feeds; link-local addresses stay refused.",
            lambda name, raw: raw.strip() == "1"),
    Setting("NEWSROOM_SLACK_TIMEOUT_SECONDS", "slack_timeout_seconds", "10",
            "How long a Web API call waits for Slack's answer; a post whose answer does not "
            "come is looked for in the channel before it is sent again.", _number),
    Setting("NEWSROOM_ALERT_MAX_PER_HOUR", "alert_max_per_hour", "20",
            "Articles one alert may post per hour; more are held back and the channel is "
            "told the alert is throttled.", _count),
    Setting("NEWSROOM_UPDATE_NOTE_DAYS", "update_note_days", "30",
            "How old a message may be and still get a threaded note when an article it "
            "showed is updated.", _number),
    Setting("NEWSROOM_EMBEDDING_MODEL", "embedding_model", "use+e5",
            "Which multilingual models embed articles and questions for meaning search (a "
            "German question finds an English article): `use+e5` (both, averaged: the best "
            "on our questions), `use` (Universal Sentence Encoder, ~6 ms an article; for "
            "archives of millions on small machines), `e5` (multilingual-e5-small, ~130-200 "
            "ms an article) or `off`. `newsroom-bot embed` embeds the archive; the running "
            "bot embeds new articles.",
            _embedding_model),
    Setting("NEWSROOM_EMBED_PER_PASS", "embed_per_pass", "64",
            "Articles the running bot embeds per scheduler pass, newest first; `0`: none "
            "(run `newsroom-bot embed` from cron instead).", _count),
)  # fmt: skip


def load_settings(
    env_file: str | os.PathLike[str] | None = None,
    *,
    overrides: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Read every setting once: ``overrides`` (command-line flags) win over the real
    environment, which wins over ``.env`` (``env_file``, else one in the working dir)."""
    path = Path(env_file) if env_file is not None else find_dotenv(usecwd=True)
    values: dict[str, str | None] = dict(dotenv_values(path)) if path else {}
    values.update(os.environ if environ is None else environ)
    values.update(overrides or {})
    parsed: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = values.get(setting.name)
        raw = setting.default if raw is None or not raw.strip() else raw
        parsed[setting.attr] = setting.parse(setting.name, raw)
    if not parsed["database_url"]:
        parsed["database_url"] = default_database_url(in_cwd=parsed["database_in_cwd"])
    return Settings(**parsed)
