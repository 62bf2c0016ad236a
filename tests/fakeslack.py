"""An in-process fake of the Slack Web API, served over real HTTP on 127.0.0.1.

It records every call (method, JSON or form arguments, headers) and answers like Slack.
Tests can queue failures, e.g. two 429s with Retry-After before success, to exercise
slack-sdk's retry handlers exactly as production would meet them. Set ``socket_mode_url``
(e.g. to a ``FakeSocketMode``) and ``apps.connections.open`` hands out its WebSocket URL.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from tests.localserver import serve_in_thread


@dataclass
class Call:
    method: str  # e.g. "chat.postMessage", or "response_url/<id>"
    args: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._failures: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = {}
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._cond = threading.Condition(self._lock)
        self.socket_mode_url: str | None = None  # None: apps.connections.open has no url
        # users.conversations: user id -> the channels they are in ({"id", "is_private"}).
        # Private channels are listed only when the bot is in them too, as Slack does.
        self.members: dict[str, list[dict[str, Any]]] = {}
        self.bot_channels: set[str] = set()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8") if length else ""
                fake._handle(self, raw)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        """Base URL for ``SLACK_API_URL`` (slack-sdk appends the method name)."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/response_url/{name}"

    def start(self) -> FakeSlack:
        self.thread = serve_in_thread(self.server)
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail(self, method: str, status: int, *, times: int = 1, retry_after: int | None = None,
             error: str = "ratelimited") -> None:  # fmt: skip
        """Answer the next ``times`` calls of ``method`` with an error."""
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        body = {"ok": False, "error": error}
        with self._lock:
            self._failures.setdefault(method, []).extend([(status, headers, body)] * times)

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until ``count`` calls of ``method`` arrived (answers are posted async)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                got = [c for c in self.calls if c.method == method]
                if len(got) >= count:
                    return got
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"expected {count} {method} call(s), got {len(got)}")
                self._cond.wait(remaining)

    def _handle(self, req: BaseHTTPRequestHandler, raw: str) -> None:
        path = req.path.split("?")[0]
        method = path.removeprefix("/api/") if path.startswith("/api/") else path.lstrip("/")
        ctype = req.headers.get("Content-Type", "")
        args: dict[str, Any]
        if "json" in ctype:
            args = json.loads(raw or "{}")
        else:
            args = dict(parse_qsl(raw))
            for key in ("blocks", "unfurls", "view", "attachments"):
                if isinstance(args.get(key), str):
                    args[key] = json.loads(args[key])
        with self._cond:
            self.calls.append(Call(method, args, dict(req.headers.items())))
            queued = self._failures.get(method)
            failure = queued.pop(0) if queued else None
            self._cond.notify_all()
        if failure:
            status, headers, body = failure
            self._send(req, status, body, headers)
            return
        self._send(req, 200, self._answer(method, args), {})

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        if method in ("chat.postMessage", "chat.update"):
            return {"ok": True, "channel": args.get("channel"), "ts": ts}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method == "auth.test":
            return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1",
                    "user": "newsroom-bot", "url": "https://example.slack.com/"}  # fmt: skip
        if method == "apps.connections.open" and self.socket_mode_url is not None:
            return {"ok": True, "url": self.socket_mode_url}
        if method == "users.conversations":
            return self._users_conversations(args)
        if method == "users.info":
            user = args.get("user", "U0")
            return {"ok": True, "user": {"id": user, "is_admin": user.startswith("UADMIN"),
                                         "tz": "Europe/Berlin"}}  # fmt: skip
        return {"ok": True}

    def _users_conversations(self, args: dict[str, Any]) -> dict[str, Any]:
        """Slack's paging: ``limit`` per page, ``response_metadata.next_cursor`` until ""."""
        types = str(args.get("types") or "public_channel").split(",")
        visible = [
            c
            for c in self.members.get(str(args.get("user")), [])
            if ("private_channel" if c.get("is_private") else "public_channel") in types
            and (not c.get("is_private") or c["id"] in self.bot_channels)
        ]
        start, limit = int(args.get("cursor") or 0), int(args.get("limit") or 100)
        page = visible[start : start + limit]
        more = start + limit < len(visible)
        cursor = str(start + limit) if more else ""
        return {"ok": True, "channels": page, "response_metadata": {"next_cursor": cursor}}

    @staticmethod
    def _send(req: BaseHTTPRequestHandler, status: int, body: dict[str, Any],
              headers: dict[str, str]) -> None:  # fmt: skip
        data = json.dumps(body).encode()
        req.send_response(status)
        req.send_header("Content-Type", "application/json; charset=utf-8")
        req.send_header("Content-Length", str(len(data)))
        for key, value in headers.items():
            req.send_header(key, value)
        req.end_headers()
        req.wfile.write(data)
