"""Slack Web API client built from config: base URL override and retry handlers."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler

from bot.config import Settings

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


def make_web_client(settings: Settings, token: str | None = None) -> WebClient:
    """429s wait for Retry-After and connection resets are retried, as slack-sdk offers."""
    client = WebClient(
        token=token or settings.slack_bot_token,
        base_url=api_base_url(settings),
        timeout=10,
        retry_handlers=retry_handlers(),
    )
    return client
