"""Socket Mode that comes back within a second when its connection is cut.

slack-sdk's built-in client misses a connection that ends without a WebSocket close frame:
on a reset it reconnects only at its next 10 s ping; after a FIN it reads empty frames and
logs ``Failed to check the state of sock (BrokenPipeError)`` every 10 s, reconnecting after
five of them (a known upstream symptom); after a clean close it waits for the next ping
too. Measured against tests/fakesocket.py (benchmarks/socket_reconnect.py): back and
answering 10.1 s after a reset, over 60 s after a FIN, 10.1 s after a clean close.

slack-sdk's websocket-client adapter notices all three at once (the read fails or the
close frame arrives, ``on_close`` reconnects): 0.5 s in each case, the half second being
the adapter's session runner. What it lacks is a pong deadline: a connection that goes
silent (a blip that drops packets, a NAT entry that expires) would look alive. So this
client runs websocket-client's loop with ``ping_timeout``: a ping every ``PING_INTERVAL``
seconds that gets no pong within ``PING_TIMEOUT`` closes the connection, and ``on_close``
opens a new one. Lost or refused reconnects are retried by the adapter's monitor every
``PING_INTERVAL`` seconds.
"""

from __future__ import annotations

import time

from slack_bolt import App
from slack_bolt.adapter.socket_mode.base_handler import BaseSocketModeHandler
from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.websocket_client import SocketModeClient
from websocket import WebSocketApp

PING_INTERVAL = 5.0  # seconds between our pings (the adapter's default is 10)
PING_TIMEOUT = 3.0  # a pong later than this ends the connection; must be < PING_INTERVAL
RECONNECT_CAP = 30.0  # longest wait between reconnects that keep failing


class WatchfulSocketModeClient(SocketModeClient):
    """The websocket-client adapter with a pong deadline, one connection at a time, and
    backoff between reconnects that fail (see the module docstring)."""

    def __init__(self, app_token: str, app: App, *, ping_timeout: float = PING_TIMEOUT,
                 ping_interval: float = PING_INTERVAL) -> None:  # fmt: skip
        self.ping_timeout = ping_timeout
        self._started: WebSocketApp | None = None  # the session the runner last took up
        self._failed_reconnects = 0  # since a connection last said anything
        super().__init__(app_token=app_token, logger=app.logger, web_client=app.client,
                         ping_interval=ping_interval)  # fmt: skip

    def is_connected(self) -> bool:
        """Connected, or connecting: a session made but not yet taken up by the runner
        counts, so the monitor and a closing session do not open a second one beside it
        (the adapter would: two ``apps.connections.open`` per start and per refresh)."""
        session = self.current_session
        if session is None:
            return False
        return session.sock is not None or session is not self._started

    def connect_to_new_endpoint(self, force: bool = False) -> None:
        """Reconnect at once the first time, then after 1, 2, 4 … 30 s while new
        connections keep failing before they said anything."""
        if not force and self._failed_reconnects:
            time.sleep(min(RECONNECT_CAP, 2.0 ** (self._failed_reconnects - 1)))
        if self.closed:
            return
        if not force:
            self._failed_reconnects += 1
        super().connect_to_new_endpoint(force)

    def enqueue_message(self, message: str) -> None:
        self._failed_reconnects = 0  # Slack spoke (hello, or an envelope): this one works
        super().enqueue_message(message)

    def _run_current_session(self) -> None:
        """The adapter's own session runner, with ``ping_timeout`` passed on; a session that
        ended is not re-run with its old URL, a new one is made (``connect_to_new_endpoint``)."""
        session = self.current_session
        if session is None or session is self._started:
            return
        self._started = session
        try:
            self.logger.info("Starting to receive messages from a new connection")
            session.run_forever(
                ping_interval=self.ping_interval,
                ping_timeout=self.ping_timeout,
                http_proxy_host=self.http_proxy_host,
                http_proxy_port=self.http_proxy_port,
                http_proxy_auth=self.http_proxy_auth,
                proxy_type=self.proxy_type,
            )
            self.logger.info("Stopped receiving messages from a connection")
        except Exception as exc:  # the monitor reconnects a session left closed
            self.logger.error("Socket Mode session ended: %s: %s", type(exc).__name__, exc)
            session.close()


class SocketModeHandler(BaseSocketModeHandler):
    """Bolt's Socket Mode handler on ``WatchfulSocketModeClient``."""

    def __init__(self, app: App, app_token: str) -> None:
        self.app = app
        self.app_token = app_token
        self.client = WatchfulSocketModeClient(app_token, app)
        self.client.socket_mode_request_listeners.append(self.handle)  # type: ignore[arg-type]

    def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        start = time.time()
        send_response(client, req, run_bolt_app(self.app, req), start)
