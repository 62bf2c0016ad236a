"""An in-process fake of Slack's Socket Mode server, over a real WebSocket on 127.0.0.1.

Slack's side of the protocol: ``apps.connections.open`` hands the app a WebSocket URL
(FakeSlack returns ``FakeSocketMode.url`` once ``fake.socket_mode_url`` is set), the server
greets each connection with ``{"type": "hello", …}``, then pushes envelopes
``{"envelope_id", "type": "slash_commands" | "events_api" | "interactive", "payload",
"accepts_response_payload", …}``; the app must send ``{"envelope_id": …}`` back (optionally
with a ``payload``) within 3 seconds. Tests push envelopes and wait for the acks, timing
each one as Slack would. The WebSocket itself is the ``websockets`` package's server.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve


@dataclass(frozen=True)
class Ack:
    envelope_id: str
    payload: dict[str, Any] | None
    seconds: float  # from the envelope leaving the server to its ack arriving


class FakeSocketMode:
    def __init__(self) -> None:
        self.acks: dict[str, Ack] = {}
        self.stray: list[str] = []  # frames that were no ack of an envelope we sent
        self.connections = 0  # how many times the app connected
        self._open: list[ServerConnection] = []  # oldest first; envelopes go to the newest
        self._sent_at: dict[str, float] = {}
        self._cond = threading.Condition()
        self.server: Server = serve(self._serve, "127.0.0.1", 0, compression=None)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The ``ws://`` URL apps.connections.open hands out (Slack's is ``wss://``)."""
        port = self.server.socket.getsockname()[1]
        return f"ws://127.0.0.1:{port}/link/?ticket=fake"

    def start(self) -> FakeSocketMode:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)

    # -- what the tests call ------------------------------------------------------------
    @property
    def open_connections(self) -> int:
        with self._cond:
            return len(self._open)

    def wait_connected(self, count: int = 1, timeout: float = 30.0) -> None:
        """Until the app has connected ``count`` times in all and is connected now."""
        self._wait(
            lambda: self.connections >= count and bool(self._open),
            timeout,
            f"the app did not connect (connections: {self.connections}, wanted {count})",
        )

    def wait_open(self, count: int, timeout: float = 10.0) -> None:
        """Until exactly ``count`` connections are open (0: the app hung up)."""
        self._wait(lambda: len(self._open) == count, timeout, f"not {count} open connections")

    def refresh(self) -> None:
        """Ask the app to move to a new connection, as Slack does every few hours."""
        self._newest().send(
            json.dumps(
                {
                    "type": "disconnect",
                    "reason": "refresh_requested",
                    "debug_info": {"host": "applink-fake-1"},
                }
            )
        )

    def cut(self, *, reset: bool = True) -> None:
        """Drop the newest connection without a close frame, as a network blip or a proxy
        restart does. ``reset``: the TCP connection is reset (RST); else it ends with FIN."""
        conn = self._newest()
        with self._cond:  # gone for us now; its server thread may notice only later
            self._open.remove(conn)
            self._cond.notify_all()
        sock = conn.socket
        if reset:  # SO_LINGER with a zero timeout makes close() send RST instead of FIN
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def close_cleanly(self, code: int = 1001, reason: str = "going away") -> None:
        """Close the newest connection with a WebSocket close frame (a server going down).

        Returns at once; the closing handshake (which waits for the app's answering close
        frame) finishes in the background."""
        conn = self._newest()
        with self._cond:  # closed for us now; the handshake may take its close_timeout
            self._open.remove(conn)
            self._cond.notify_all()
        threading.Thread(target=conn.close, args=(code, reason), daemon=True).start()

    def send(
        self,
        kind: str,
        payload: dict[str, Any],
        *,
        accepts_response_payload: bool = False,
        retry_attempt: int | None = None,
        retry_reason: str | None = None,
    ) -> str:
        """Push one envelope to the connected app; returns its ``envelope_id``."""
        envelope_id = str(uuid.uuid4())
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        if kind == "events_api":  # Slack sends these two on every events_api envelope
            envelope["retry_attempt"] = retry_attempt or 0
            envelope["retry_reason"] = retry_reason or ""
        conn = self._newest()
        with self._cond:
            self._sent_at[envelope_id] = time.monotonic()
        conn.send(json.dumps(envelope))
        return envelope_id

    def wait_ack(self, envelope_id: str, timeout: float = 10.0) -> Ack:
        self._wait(lambda: envelope_id in self.acks, timeout, f"no ack for {envelope_id}")
        return self.acks[envelope_id]

    # -- the server side ----------------------------------------------------------------
    def _serve(self, conn: ServerConnection) -> None:
        conn.send(json.dumps(_hello()))
        with self._cond:
            self._open.append(conn)
            self.connections += 1
            self._cond.notify_all()
        try:
            for frame in conn:
                self._record(str(frame))
        except ConnectionClosed:
            pass
        finally:
            with self._cond:
                if conn in self._open:
                    self._open.remove(conn)
                self._cond.notify_all()

    def _newest(self) -> ServerConnection:
        with self._cond:
            assert self._open, "no app is connected"
            return self._open[-1]

    def _record(self, frame: str) -> None:
        now = time.monotonic()
        try:
            message = json.loads(frame)
        except ValueError:
            message = None
        with self._cond:
            envelope_id = message.get("envelope_id") if isinstance(message, dict) else None
            if envelope_id in self._sent_at:
                assert isinstance(message, dict) and isinstance(envelope_id, str)
                seconds = now - self._sent_at[envelope_id]
                self.acks[envelope_id] = Ack(envelope_id, message.get("payload"), seconds)
            else:
                self.stray.append(frame)
            self._cond.notify_all()

    def _wait(self, ready: Any, timeout: float, failure: str) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not ready():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(failure)
                self._cond.wait(remaining)


def _hello() -> dict[str, Any]:
    return {
        "type": "hello",
        "num_connections": 1,
        "debug_info": {
            "host": "applink-fake-1",
            "build_number": 1,
            "approximate_connection_time": 18060,
        },
        "connection_info": {"app_id": "A1"},
    }
