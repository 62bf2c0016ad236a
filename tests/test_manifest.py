"""manifest.yml creates the app in one paste and agrees with the listeners we register."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import yaml
from slack_bolt import App, BoltRequest, BoltResponse

from bot.services import Services
from bot.slack.messages import ACTIONS
from tests.fakeslack import FakeSlack
from tests.slackfixtures import fake_slack
from tests.slackrig import SlackRig

__all__ = ["fake_slack"]

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = yaml.safe_load((ROOT / "manifest.yml").read_text())
DOCS = (ROOT / "docs" / "slack.md").read_text()

TOP_LEVEL = {"_metadata", "display_information", "features", "oauth_config", "settings"}
# Each scope and the feature that needs it; nothing more may be asked for.
NEEDED_SCOPES = {
    "commands": "/news",
    "app_mentions:read": "app_mention events",
    "chat:write": "answers to mentions (chat.postMessage)",
    "chat:write.public": "scheduled digests in public channels the bot was not invited to",
    "links:read": "link_shared events",
    "links:write": "chat.unfurl",
    "users:read": "the subscriber's timezone (users.info) for /news subscribe",
    "channels:read": "users.conversations: the public channels whose digests App Home shows",
    "groups:read": "users.conversations: the private channels (shared with the bot) likewise",
}


def test_manifest_has_the_keys_slack_requires() -> None:
    assert set(MANIFEST) <= TOP_LEVEL
    info = MANIFEST["display_information"]
    assert info["name"] and len(info["name"]) <= 35
    assert 174 <= len(info["long_description"]) <= 4000
    features, settings = MANIFEST["features"], MANIFEST["settings"]
    assert features["bot_user"]["display_name"]
    assert features["app_home"]["home_tab_enabled"] is True
    for command in features["slash_commands"]:
        assert command["command"].startswith("/") and command["description"]
    assert 1 <= len(features["unfurl_domains"]) <= 5
    assert settings["socket_mode_enabled"] is True
    assert settings["interactivity"]["is_enabled"] is True


def test_scopes_are_exactly_the_needed_ones_and_documented() -> None:
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    assert scopes == set(NEEDED_SCOPES)
    for scope in scopes:
        assert f"`{scope}`" in DOCS, f"docs/slack.md does not explain {scope}"


def declared_requests() -> list[tuple[str, BoltRequest]]:
    """One Slack-shaped request per thing the manifest declares."""
    requests = []
    for command in MANIFEST["features"]["slash_commands"]:
        body = urlencode(
            {
                "command": command["command"],
                "text": "x",
                "team_id": "T1",
                "user_id": "U1",
                "channel_id": "C1",
            }
        )
        requests.append((command["command"], _request(body, "application/x-www-form-urlencoded")))
    for event in MANIFEST["settings"]["event_subscriptions"]["bot_events"]:
        envelope = {
            "type": "event_callback",
            "team_id": "T1",
            "event_id": "Ev1",
            "event": {"type": event, "user": "U1", "channel": "C1"},
        }
        requests.append((event, _request(json.dumps(envelope), "application/json")))
    if MANIFEST["settings"]["interactivity"]["is_enabled"]:
        for action_id in ACTIONS:
            payload = {
                "type": "block_actions",
                "team": {"id": "T1"},
                "user": {"id": "U1"},
                "actions": [{"action_id": action_id, "type": "button", "value": "{}"}],
            }
            body = urlencode({"payload": json.dumps(payload)})
            requests.append((action_id, _request(body, "application/x-www-form-urlencoded")))
    return requests


def _request(body: str, content_type: str) -> BoltRequest:
    return BoltRequest(body=body, headers={"content-type": [content_type]})


@pytest.fixture
def app(sqlite_services: Services, fake_slack: FakeSlack) -> Any:
    rig = SlackRig(sqlite_services, fake_slack)
    yield rig.app
    rig.stop()


def test_every_declared_feature_has_a_listener(app: App) -> None:
    listeners = app._listeners
    for name, req in declared_requests():
        assert any(lis.matches(req=req, resp=BoltResponse(status=200)) for lis in listeners), (
            f"manifest declares {name} but no listener handles it"
        )


def test_every_listener_is_declared_in_the_manifest(app: App) -> None:
    requests = declared_requests()
    for listener in app._listeners:
        matched = [
            name
            for name, req in requests
            if listener.matches(req=req, resp=BoltResponse(status=200))
        ]
        name = getattr(getattr(listener, "ack_function", None), "__name__", repr(listener))
        assert matched, f"listener {name} handles something manifest.yml does not declare"
