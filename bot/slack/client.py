"""Slack Web API client built from config: base URL override and retry handlers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler

from bot.config import ConfigError, Settings
from bot.startup import NotReady

T = TypeVar("T")

DEFAULT_API_URL = WebClient.BASE_URL


def api_base_url(settings: Settings) -> str:
    """``SLACK_API_URL`` for GovSlack or test rigs; must end with a slash for slack-sdk."""
    url = settings.slack_api_url or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


def retry_handlers() -> list[RetryHandler]:
    """429s wait for Retry-After and connection resets are retried, as slack-sdk offers;
    shared by Web API calls and response_url replies."""
    return [
        ConnectionErrorRetryHandler(max_retry_count=2),
        RateLimitErrorRetryHandler(max_retry_count=3),
    ]


def make_web_client(
    settings: Settings, token: str | None = None, *, logger: logging.Logger | None = None
) -> WebClient:
    """429s wait for Retry-After and connection resets are retried, as slack-sdk offers."""
    client = WebClient(
        token=token or settings.slack_bot_token,
        base_url=api_base_url(settings),
        timeout=10,
        retry_handlers=retry_handlers(),
        logger=logger,
    )
    return client


def probe_client(settings: Settings, token: str) -> WebClient:
    """A client for start-up checks, whose failures the caller reports in one line each
    and retries with its own backoff: slack-sdk's error line per failed request and its
    quick connection retries are left out."""
    quiet = logging.getLogger(f"{__name__}.probe")
    quiet.setLevel(logging.CRITICAL)
    client = make_web_client(settings, token, logger=quiet)
    client.retry_handlers = [RateLimitErrorRetryHandler(max_retry_count=3)]
    return client


def reach_slack(method: str, variable: str, call: Callable[[], T]) -> T:
    """``call()`` at start-up, told apart: Slack away or failing (no answer, HTTP 5xx or
    429) raises ``NotReady`` to retry; Slack refusing the token raises ``ConfigError``
    naming ``variable``, which no amount of waiting fixes."""
    try:
        return call()
    except SlackApiError as exc:
        status = exc.response.status_code
        data = exc.response.data
        error = data.get("error") if isinstance(data, dict) else None
        if status >= 500 or status == 429:
            raise NotReady(
                f"{method} answered HTTP {status}{f' ({error})' if error else ''}"
            ) from None
        raise ConfigError(
            f"{variable} was refused by Slack ({method}: {error or status})"
        ) from None
    except (URLError, OSError) as exc:  # refused, reset, DNS, timeout
        reason = exc.reason if isinstance(exc, URLError) else exc
        raise NotReady(f"{method}: {reason}") from None
