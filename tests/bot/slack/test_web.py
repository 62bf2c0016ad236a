"""HTTP mode routing: /healthz tells a load balancer whether we can answer."""

from __future__ import annotations

import io
import json
import logging
import socket
import urllib.request
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.services import Services
from bot.slack.web import MAX_BODY_BYTES, HttpServer, guard_slack_requests, make_wsgi_app
from handlers.app import create_app
from storage.db import make_engine, make_session_factory
from tests.slackrig import BOT_TOKEN, SIGNING_SECRET, SlackRig, _send


def test_healthz_is_ok_when_the_database_answers(rig: SlackRig) -> None:
    assert rig.get("/healthz") == (200, "ok\n")


def test_unknown_path_is_404(rig: SlackRig) -> None:
    assert rig.get("/nope")[0] == 404


def test_url_verification_challenge_is_echoed(rig: SlackRig) -> None:
    body = json.dumps(
        {
            "token": "x",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )
    status, text = rig.post(body, "application/json")
    assert status == 200 and "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in text


def test_healthz_is_503_when_the_database_is_down(sqlite_services: Services) -> None:
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    settings = replace(
        sqlite_services.settings, slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET
    )
    services = Services(settings=settings, engine=engine, sessions=make_session_factory(engine))
    app = create_app(services, token_verification_enabled=False)
    server = HttpServer(make_wsgi_app(app, services), port=0).start()
    try:
        status, text = _send(urllib.request.Request(server.url + "/healthz"))
    finally:
        server.stop()
    assert status == 503 and "database" in text


def test_readyz_is_503_until_the_search_index_is_loaded(sqlite_services: Services) -> None:
    settings = replace(
        sqlite_services.settings, slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET
    )
    services = replace(sqlite_services, settings=settings)
    app = create_app(services, token_verification_enabled=False)
    loaded = False
    server = HttpServer(make_wsgi_app(app, services, ready=lambda: loaded), port=0).start()
    try:
        before = _send(urllib.request.Request(server.url + "/readyz"))
        alive = _send(urllib.request.Request(server.url + "/healthz"))
        loaded = True
        after = _send(urllib.request.Request(server.url + "/readyz"))
    finally:
        server.stop()
    assert before == (503, "search index loading\n")
    assert alive == (200, "ok\n")  # liveness does not wait for the index
    assert after == (200, "ready\n")


SECRET_TEXT = "Quelle-Vertraulich-4711"  # stands for user text in a body; must never be logged


def _no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


def _raw_post(rig: SlackRig, head: str, body: bytes = b"") -> str:
    """Send a request by hand and return the status line (the server may answer before
    reading the body, as it should for one that is too large)."""
    with socket.create_connection(("127.0.0.1", rig.server.port), timeout=10) as conn:
        conn.sendall(head.encode() + b"\r\n" + body)
        return conn.makefile("rb").readline().decode().strip()


def test_a_body_over_one_megabyte_is_refused_before_it_is_read(
    rig: SlackRig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    head = ("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {MAX_BODY_BYTES + 1}\r\n")  # fmt: skip
    assert _raw_post(rig, head, SECRET_TEXT.encode()).startswith("HTTP/1.1 413")
    chunked = ("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n")  # fmt: skip
    chunk = SECRET_TEXT.encode() * 1000
    body = (f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n") * 80 + b"0\r\n\r\n"
    assert _raw_post(rig, chunked, body).startswith("HTTP/1.1 413")
    assert SECRET_TEXT not in caplog.text
    _no_tracebacks(caplog)


def test_the_body_limit_holds_behind_any_wsgi_server() -> None:
    """The guard itself refuses big bodies, also where the server does not limit them."""
    called: list[bool] = []

    def slack(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        called.append(True)
        return []

    guarded = guard_slack_requests(slack, SIGNING_SECRET)
    statuses: list[str] = []
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/slack/events", "CONTENT_LENGTH": "",
               "wsgi.input": io.BytesIO(b"x" * (MAX_BODY_BYTES + 10))}  # fmt: skip
    guarded(environ, lambda status, headers: statuses.append(status))
    assert statuses == ["413 Payload Too Large"] and called == []


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"type": "event_callback", "event": ', "application/json"),
        ("payload=%7B%22type%22%3A+broken", "application/x-www-form-urlencoded"),
    ],
)
def test_malformed_json_is_a_400_not_a_traceback(
    rig: SlackRig, caplog: pytest.LogCaptureFixture, body: str, content_type: str
) -> None:
    status, text = rig.post(body, content_type)
    assert status == 400 and "malformed JSON" in text
    _no_tracebacks(caplog)


def test_a_non_numeric_timestamp_is_a_401_not_a_traceback(
    rig: SlackRig, caplog: pytest.LogCaptureFixture
) -> None:
    status, _ = rig.post('{"type": "url_verification"}', "application/json",
                         headers={"X-Slack-Request-Timestamp": "yesterday"})  # fmt: skip
    assert status == 401
    _no_tracebacks(caplog)


def test_bodies_of_rejected_requests_are_not_logged(
    rig: SlackRig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # Bolt logs the body of a bad signature at INFO
    body = urlencode({"command": "/news", "text": SECRET_TEXT, "user_id": "U1"})
    status, _ = rig.post(body, "application/x-www-form-urlencoded", signature="v0=" + "0" * 64)
    assert status == 401
    assert "invalid signature" in caplog.text and SECRET_TEXT not in caplog.text
