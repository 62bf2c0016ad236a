"""HTTP mode routing: /healthz tells a load balancer whether we can answer."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import replace

from bot.services import Services
from bot.slack.web import HttpServer, make_wsgi_app
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
