"""The real Bolt app on a real HTTP server, talking to FakeSlack, fed signed requests.

Requests are shaped like Slack's own (slash command form bodies, ``event_callback`` JSON,
``block_actions`` payloads) and signed with the v0 scheme, so every layer from signature
check to Web API call runs as in production. Used by the tests and the latency benchmark.
"""

from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.request
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from bot.ingest.fetch import FetchPolicy
from bot.services import Services
from bot.slack.web import HttpServer, make_wsgi_app
from handlers.app import create_app
from handlers.deps import make_background
from tests.fakeslack import FakeSlack

SIGNING_SECRET = "3f2b7c1d9e8a4b6c0d1e2f3a4b5c6d7e"


def slack_headers(body: str, timestamp: str, content_type: str) -> dict[str, str]:
    """The headers Slack sends with a request: its timestamp and v0 signature."""
    signature = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=timestamp, body=body)
    assert signature is not None
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature,
    }


BOT_TOKEN = "xoxb-1111111111-2222222222-newsroomtesttoken"
ADMIN = "UADMIN1"
TEAM = "T1"
_ids = itertools.count(1)


def event_callback(event: dict[str, Any], event_id: str) -> dict[str, Any]:
    """An Events API delivery as Slack sends it, over HTTP or inside a Socket Mode envelope."""
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM,
        "api_app_id": "A1",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM,
                "user_id": "UBOT",
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": "4-eyJldCI6ImFwcF9tZW50aW9uIn0",
    }


def block_actions(
    button: dict[str, Any], response_url: str, *, user_id: str = "U1", is_ephemeral: bool = True
) -> dict[str, Any]:
    """The payload of a click on ``button``, as Slack sends it over HTTP or Socket Mode."""
    ts = f"{int(time.time())}.000200"
    return {
        "type": "block_actions",
        "user": {"id": user_id, "username": "reporter", "name": "reporter", "team_id": TEAM},
        "api_app_id": "A1",
        "token": "legacy-verification-token",
        "container": {
            "type": "message",
            "message_ts": ts,
            "channel_id": "C1",
            "is_ephemeral": is_ephemeral,
        },
        "trigger_id": f"{next(_ids)}.1.def",
        "team": {"id": TEAM, "domain": "newsroom"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": "C1", "name": "newsdesk"},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [{**button, "block_id": "b1", "action_ts": ts}],
    }


class SlackRig:
    def __init__(
        self,
        services: Services,
        fake: FakeSlack,
        *,
        page_size: int = 5,
        workers: int = 2,
        http_threads: int = 8,
        fetch_policy: FetchPolicy | None = None,
    ) -> None:
        settings = replace(
            services.settings,
            slack_bot_token=BOT_TOKEN,
            slack_signing_secret=SIGNING_SECRET,
            slack_api_url=fake.url,
            admin_user_ids=frozenset({ADMIN}),
        )
        self.services = Services(
            settings=settings, engine=services.engine, sessions=services.sessions
        )
        self.fake = fake
        self.background = make_background(
            self.services, page_size=page_size, workers=workers, fetch_policy=fetch_policy
        )
        self.app = create_app(self.services, background=self.background, page_size=page_size)
        wsgi = make_wsgi_app(self.app, self.services)
        self.server = HttpServer(wsgi, port=0, threads=http_threads).start()

    def stop(self) -> None:
        self.server.stop()
        self.background.shutdown(wait=True)

    # -- raw HTTP -----------------------------------------------------------------------
    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
        headers: dict[str, str] | None = None,
        path: str = "/slack/events",
    ) -> tuple[int, str]:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        signed = slack_headers(body, ts, content_type)
        if signature is not None:
            signed["X-Slack-Signature"] = signature
        request = urllib.request.Request(
            self.server.url + path,
            data=body.encode(),
            method="POST",
            headers={**signed, **(headers or {})},
        )
        return _send(request)

    def get(self, path: str) -> tuple[int, str]:
        return _send(urllib.request.Request(self.server.url + path))

    # -- Slack-shaped requests --------------------------------------------------------------
    def command(
        self,
        text: str,
        *,
        user_id: str = "U1",
        channel_id: str = "C1",
        response_url: str | None = None,
        **kw: Any,
    ) -> tuple[int, str]:
        form = {
            "token": "legacy-verification-token",
            "team_id": TEAM,
            "team_domain": "newsroom",
            "channel_id": channel_id,
            "channel_name": "newsdesk",
            "user_id": user_id,
            "user_name": "reporter",
            "command": "/news",
            "text": text,
            "api_app_id": "A1",
            "is_enterprise_install": "false",
            "response_url": response_url or self.fake.response_url(f"cmd{next(_ids)}"),
            "trigger_id": f"{next(_ids)}.1.abc",
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded", **kw)

    def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        **kw: Any,
    ) -> tuple[int, str]:
        envelope = event_callback(event, event_id or f"Ev{next(_ids):08d}")
        headers = dict(kw.pop("headers", {}) or {})
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        return self.post(json.dumps(envelope), "application/json", headers=headers, **kw)

    def click(
        self,
        action_id: str,
        value: str,
        *,
        user_id: str = "U1",
        response_url: str | None = None,
        is_ephemeral: bool = True,
    ) -> tuple[int, str]:
        button = {"action_id": action_id, "value": value, "type": "button",
                  "text": {"type": "plain_text", "text": "x", "emoji": True}}  # fmt: skip
        url = response_url or self.fake.response_url(f"act{next(_ids)}")
        payload = block_actions(button, url, user_id=user_id, is_ephemeral=is_ephemeral)
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded")

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until every scheduled answer finished (then FakeSlack has all calls)."""
        deadline = time.monotonic() + timeout
        while self.background.pending() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not self.background.pending(), "answers still running"


def _send(request: urllib.request.Request) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def mention(
    text: str,
    *,
    ts: str = "1764100000.000100",
    thread_ts: str | None = None,
    user: str = "U1",
    channel: str = "C1",
) -> dict[str, Any]:
    event = {
        "type": "app_mention",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "team": TEAM,
        "client_msg_id": f"m-{next(_ids)}",
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event
