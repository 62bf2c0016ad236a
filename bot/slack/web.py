"""HTTP mode: the Bolt app behind waitress, with ``/slack/events``, ``/healthz`` (liveness:
the database answers) and ``/readyz`` (readiness: the search index is loaded too, so a
load balancer sends no question to a replica still opening or building its index).

waitress is a production WSGI server that needs no C extensions or fork model, so the
same server runs in ``newsroom-bot serve``, in the end-to-end tests and in the benchmark.

Before Bolt sees a request, :func:`guard_slack_requests` turns away what is not Slack's:
bodies over ``MAX_BODY_BYTES`` (413, read no further), a missing or non-numeric
``X-Slack-Request-Timestamp`` or a bad signature (401), and malformed JSON (400). Bolt would
answer the last two with a 500 and a traceback, and logs the body of every request whose
signature fails; here a rejection is logged as one line without the body.
"""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import text
from waitress.server import create_server

from bot.services import Services

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
DEFAULT_THREADS = 16
# Slack's requests are a few KB (a block_actions payload with a full message is < 50 KB);
# anything near this is not from Slack.
MAX_BODY_BYTES = 1024 * 1024

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def make_wsgi_app(app: App, services: Services, ready: Callable[[], bool] | None = None) -> WsgiApp:
    """``ready``: whether answers can be served at full speed (default: always)."""
    slack = guard_slack_requests(
        SlackRequestHandler(app, path=EVENTS_PATH), services.settings.slack_signing_secret
    )

    def wsgi(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO")
        if path == HEALTH_PATH:
            return health(services, start_response)
        if path == READY_PATH:
            if ready is not None and not ready():
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"search index loading\n"]
            return health(services, start_response, ok=b"ready\n")
        return slack(environ, start_response)

    return wsgi


def guard_slack_requests(slack: WsgiApp, signing_secret: str | None) -> WsgiApp:
    """``slack`` behind the checks in the module docstring (POST requests only)."""
    verifier = SignatureVerifier(signing_secret) if signing_secret else None

    def wsgi(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":
            return slack(environ, start_response)
        body = _bounded_body(environ)
        if body is None:
            return _reject(environ, start_response, 413, "request body over 1 MB")
        timestamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""))
        if not timestamp.isdigit():
            return _reject(environ, start_response, 401, "missing or malformed timestamp")
        signature = str(environ.get("HTTP_X_SLACK_SIGNATURE", ""))
        if verifier is not None and not verifier.is_valid(body, timestamp, signature):
            return _reject(environ, start_response, 401, "invalid signature")
        if not _parses(body, str(environ.get("CONTENT_TYPE", ""))):
            return _reject(environ, start_response, 400, "malformed JSON")
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return slack(environ, start_response)

    return wsgi


def _bounded_body(environ: dict[str, Any]) -> bytes | None:
    """The request body, or None when it is over ``MAX_BODY_BYTES`` (declared or sent)."""
    declared = str(environ.get("CONTENT_LENGTH") or "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    limit = int(declared) if declared.isdigit() else MAX_BODY_BYTES + 1
    body = bytes(environ["wsgi.input"].read(limit))
    return None if len(body) > MAX_BODY_BYTES else body


def _parses(body: bytes, content_type: str) -> bool:
    """Whether Bolt can parse ``body`` (it decides JSON the same way, see
    ``slack_bolt.request.internals.parse_body``)."""
    try:
        text = body.decode("utf-8")
        if content_type.split(";")[0].strip() == "application/json" or text.startswith("{"):
            json.loads(text)
        elif "payload=" in text:
            payload = dict(parse_qsl(text, keep_blank_values=True)).get("payload")
            if payload is not None:
                json.loads(payload)
    except (UnicodeDecodeError, ValueError):
        return False
    return True


_REASONS = {400: "400 Bad Request", 401: "401 Unauthorized", 413: "413 Payload Too Large"}


def _reject(
    environ: dict[str, Any], start_response: StartResponse, status: int, why: str
) -> Iterable[bytes]:
    """Answer ``status`` and log one line; the body is never logged (it may carry user text)."""
    log.warning("rejected %s %s from %s: %s", environ.get("REQUEST_METHOD"),
                environ.get("PATH_INFO"), environ.get("REMOTE_ADDR"), why)  # fmt: skip
    start_response(_REASONS[status], [("Content-Type", "text/plain")])
    return [f"{why}\n".encode()]


def health(
    services: Services, start_response: StartResponse, ok: bytes = b"ok\n"
) -> Iterable[bytes]:
    """Healthy means we can answer: the database responds to a trivial query."""
    try:
        with services.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        # A probe every few seconds: an outage is logged once a minute, not once a probe.
        if services.database_unreachable(exc) is None:
            log.warning("health check failed: %s", exc)
        start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
        return [b"database unavailable\n"]
    services.database_answered()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [ok]


class HttpServer:
    """waitress on a host/port (0 picks a free port), run in the foreground or a thread."""

    def __init__(
        self,
        wsgi: WsgiApp,
        *,
        host: str = "127.0.0.1",
        port: int = 3000,
        threads: int = DEFAULT_THREADS,
    ) -> None:
        self._server = create_server(
            wsgi, host=host, port=port, threads=threads, connection_limit=1000,
            channel_timeout=30, max_request_body_size=MAX_BODY_BYTES,
        )  # fmt: skip
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.effective_port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def serve_forever(self) -> None:
        self._server.run()

    def start(self) -> HttpServer:
        self._thread = threading.Thread(target=self._server.run, name="http", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Close the listener and connections on the loop's own thread, then drain workers.

        Closing sockets from another thread while the loop sits in ``select`` races it;
        waitress's trigger runs the close inside the loop, which then ends on its own.
        """
        server: Any = self._server
        try:
            alive = self._thread is not None and self._thread.is_alive()
            if alive:
                server.trigger.pull_trigger(lambda: _close_all(server))
        except OSError:  # the loop closed its trigger while ending: nothing left to wake
            alive = False
        if alive and self._thread is not None:
            self._thread.join(timeout=5)
        else:
            _close_all(server)
        server.task_dispatcher.shutdown()


def _close_all(server: Any) -> None:
    for channel in list(server._map.values()):
        if channel is not server and channel is not server.trigger:
            channel.close()
    server.close()
