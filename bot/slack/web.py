"""HTTP mode: the Bolt app behind waitress, with ``/slack/events``, ``/healthz`` (liveness:
the database answers) and ``/readyz`` (readiness: the search index is loaded too, so a
load balancer sends no question to a replica still opening or building its index).

waitress is a production WSGI server that needs no C extensions or fork model, so the
same server runs in ``newsroom-bot serve``, in the end-to-end tests and in the benchmark.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy import text
from waitress.server import create_server

from bot.services import Services

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
DEFAULT_THREADS = 16

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def make_wsgi_app(app: App, services: Services, ready: Callable[[], bool] | None = None) -> WsgiApp:
    """``ready``: whether answers can be served at full speed (default: always)."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

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


def health(
    services: Services, start_response: StartResponse, ok: bytes = b"ok\n"
) -> Iterable[bytes]:
    """Healthy means we can answer: the database responds to a trivial query."""
    try:
        with services.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        log.warning("health check failed: %s", exc)
        start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
        return [b"database unavailable\n"]
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
            wsgi, host=host, port=port, threads=threads, connection_limit=1000, channel_timeout=30
        )
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
        if self._thread is not None and self._thread.is_alive():
            server.trigger.pull_trigger(lambda: _close_all(server))
            self._thread.join(timeout=5)
        else:
            _close_all(server)
        server.task_dispatcher.shutdown()


def _close_all(server: Any) -> None:
    for channel in list(server._map.values()):
        if channel is not server and channel is not server.trigger:
            channel.close()
    server.close()
