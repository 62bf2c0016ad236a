"""Bad Slack credentials stop start-up with a message that names the variable."""

from __future__ import annotations

from pathlib import Path

import pytest
from dotenv import dotenv_values

from bot.config import ConfigError, Settings
from bot.slack.credentials import PLACEHOLDERS, require_slack_credentials
from tests.slackrig import BOT_TOKEN, SIGNING_SECRET

APP_TOKEN = "xapp-1-A111-2222-abcdef0123456789"


def settings(**kw: str | None) -> Settings:
    values: dict[str, str | None] = {
        "slack_bot_token": BOT_TOKEN,
        "slack_signing_secret": SIGNING_SECRET,
        "slack_app_token": APP_TOKEN,
    }
    values.update(kw)
    return Settings(database_url="sqlite://", **values)  # type: ignore[arg-type]


def test_valid_credentials_pass_for_both_modes() -> None:
    assert require_slack_credentials(settings(), "http").signing_secret == SIGNING_SECRET
    assert require_slack_credentials(settings(), "socket").app_token == APP_TOKEN


@pytest.mark.parametrize(
    ("override", "mode", "message"),
    [
        ({"slack_bot_token": None}, "http", "SLACK_BOT_TOKEN is not set"),
        ({"slack_bot_token": "xoxp-user-token-123456"}, "http", "SLACK_BOT_TOKEN is malformed"),
        ({"slack_signing_secret": None}, "http", "SLACK_SIGNING_SECRET is not set"),
        ({"slack_signing_secret": "not-hex"}, "http", "SLACK_SIGNING_SECRET is malformed"),
        ({"slack_app_token": None}, "socket", "SLACK_APP_TOKEN is not set"),
        ({"slack_app_token": BOT_TOKEN}, "socket", "SLACK_APP_TOKEN is malformed"),
        ({"slack_api_url": "slack.com/api"}, "http", "SLACK_API_URL is malformed"),
    ],
)
def test_bad_credential_names_the_variable(
    override: dict[str, str | None], mode: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        require_slack_credentials(settings(**override), mode)  # type: ignore[arg-type]


def test_secret_values_are_not_echoed_in_full() -> None:
    with pytest.raises(ConfigError) as err:
        require_slack_credentials(settings(slack_bot_token="xoxp-very-secret-user-token"), "http")
    assert "very-secret" not in str(err.value)


@pytest.mark.parametrize(
    ("mode", "name"),
    [("http", "SLACK_BOT_TOKEN"), ("http", "SLACK_SIGNING_SECRET"), ("socket", "SLACK_APP_TOKEN")],
)
def test_the_placeholders_from_env_example_are_refused(mode: str, name: str) -> None:
    with pytest.raises(ConfigError, match=f"{name} is still the placeholder from .env.example"):
        require_slack_credentials(settings(**{name.lower(): PLACEHOLDERS[name]}), mode)  # type: ignore[arg-type]


def test_the_placeholders_are_the_ones_env_example_ships() -> None:
    example = dotenv_values(Path(__file__).resolve().parents[3] / ".env.example")
    assert {name: example[name] for name in PLACEHOLDERS} == PLACEHOLDERS
