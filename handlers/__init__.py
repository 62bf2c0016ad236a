"""Slack listeners, one module per surface (commands, events, actions).

Listeners stay thin: acknowledge, hand the work to an answer worker behind
``handlers.jobs.run_job`` (the one error path: a failed job tells the person who asked),
which renders the reply with ``bot.slack.blocks``. ``register`` is the one place they are
attached to an app.
"""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from bot.slack.background import Background
from handlers import actions, commands, events
from handlers.deps import DEFAULT_PAGE_SIZE, Deps, make_background


def register(
    app: App,
    services: Services,
    background: Background[Deps] | None = None,
    *,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> Background[Deps]:
    """Attach every listener; answers run on ``background`` (threads if none is given)."""
    background = background or make_background(services, page_size=page_size)
    commands.register(app, background)
    events.register(app, background)
    actions.register(app, background)
    return background
