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


def retry_handlers(*, connection_errors: bool = True) -> list[RetryHandler]:
    """429s wait for Retry-After and connection resets are retried, as slack-sdk offers;
    shared by Web API calls and response_url replies.

    ``connection_errors=False`` is for scheduled posts (``bot/slack/posting.py``): a reset
    after the request went out may follow a message Slack did post, so re-sending at once
    would duplicate it; the poster checks the channel instead.
    """
    handlers: list[RetryHandler] = [RateLimitErrorRetryHandler(max_retry_count=3)]
    if connection_errors:
        handlers.insert(0, ConnectionErrorRetryHandler(max_retry_count=2))
    return handlers


def make_web_client(
    settings: Settings, token: str | None = None, *, retry_connection_errors: bool = True
) -> WebClient:
    """429s wait for Retry-After; connection resets are retried unless told otherwise."""
    client = WebClient(
        token=token or settings.slack_bot_token,
        base_url=api_base_url(settings),
        timeout=settings.slack_timeout_seconds,  # type: ignore[arg-type]  # a float works
        retry_handlers=retry_handlers(connection_errors=retry_connection_errors),
    )
    return client
