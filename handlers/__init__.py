"""Slack listeners, one module per surface (commands, events, actions).

Listeners stay thin: acknowledge, hand the work to the background pool, render the reply
with ``bot.slack.blocks``. ``register`` is the one place they are attached to an app.
"""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from bot.slack.background import Background
from handlers import actions, commands, events
from handlers.deps import DEFAULT_PAGE_SIZE, Deps


def register(
    app: App,
    services: Services,
    background: Background | None = None,
    *,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> Deps:
    deps = Deps(services=services, background=background or Background(), page_size=page_size)
    commands.register(app, deps)
    events.register(app, deps)
    actions.register(app, deps)
    return deps
