"""Build the Bolt app from config: one factory for Socket Mode, HTTP mode and tests."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from bot.slack.background import Background
from bot.slack.client import make_web_client
from bot.slack.credentials import Mode, require_slack_credentials
from bot.slack.dedupe import make_dedupe_middleware
from handlers import register
from handlers.deps import DEFAULT_PAGE_SIZE, Deps


def create_app(
    services: Services,
    *,
    mode: Mode = "http",
    background: Background[Deps] | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
    token_verification_enabled: bool = True,
) -> App:
    """A ready Bolt app; raises ``ConfigError`` naming the variable if a credential is bad.

    ``process_before_response`` is on because every listener only acknowledges and
    schedules its work: the HTTP answer then leaves as soon as the listener returns,
    without Bolt's detour through its own thread pool, and the same holds on FaaS.
    Answers run on ``background`` (see ``handlers.deps.make_background``).
    """
    creds = require_slack_credentials(services.settings, mode)
    app = App(  # the token comes with the client, which carries the base URL and retries
        signing_secret=creds.signing_secret or "",  # Socket Mode traffic is not signed
        client=make_web_client(services.settings, creds.bot_token),
        process_before_response=True,
        token_verification_enabled=token_verification_enabled,
        request_verification_enabled=mode == "http",
    )
    app.use(make_dedupe_middleware(services))
    register(app, services, background, page_size=page_size)
    return app
