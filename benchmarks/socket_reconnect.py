"""How fast `newsroom-bot run` is back on Socket Mode after its connection goes away.

Starts the real `run` process against FakeSlack + FakeSocketMode (tests/), drops the
connection three ways (RST without a close frame, FIN without a close frame, a clean
WebSocket close) and measures from the drop until the app answers a `/news help` pushed
on the new connection.
Run: `.venv/bin/python -m benchmarks.socket_reconnect [ROUNDS] [rst,fin,clean]`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.fakeslack import FakeSlack
from tests.fakesocket import FakeSocketMode
from tests.handlers.test_serve import ROOT, clean_env, cli
from tests.handlers.test_socket_mode import APP_TOKEN, slash_command
from tests.slackrig import BOT_TOKEN

GIVE_UP = 60.0  # seconds per drop before it counts as "never"


def measure(socket: FakeSocketMode, slack: FakeSlack, how: str, n: int) -> float | None:
    socket.wait_connected(socket.connections, timeout=GIVE_UP)  # connected now
    connections = socket.connections
    start = time.monotonic()
    if how == "clean":
        socket.close_cleanly()
    else:
        socket.cut(reset=how == "rst")
    try:
        socket.wait_connected(connections + 1, timeout=GIVE_UP)
    except AssertionError:
        return None
    name = f"bench-{how}-{n}"
    socket.send("slash_commands", slash_command("help", slack.response_url(name)))
    slack.wait_for(f"response_url/{name}", timeout=GIVE_UP)
    return time.monotonic() - start


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    kinds = sys.argv[2].split(",") if len(sys.argv) > 2 else ["rst", "fin", "clean"]
    tmp = Path(tempfile.mkdtemp(prefix="socket-reconnect-"))
    env = clean_env(tmp, PYTHONPATH=str(ROOT))
    for proxy in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        env.pop(proxy, None)
    slack = FakeSlack().start()
    socket = FakeSocketMode().start()
    slack.socket_mode_url = socket.url
    env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_APP_TOKEN=APP_TOKEN, SLACK_API_URL=slack.url)
    log = tmp / "run.log"
    with log.open("w") as out:
        proc = subprocess.Popen(cli("run", "--threads-only"), env=env, cwd=tmp,
                                stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        socket.wait_connected(timeout=60)
        for how in kinds:
            times = [measure(socket, slack, how, n) for n in range(rounds)]
            shown = ", ".join("never" if t is None else f"{t:.2f}" for t in times)
            print(f"{how:5s} back and answering after (s): {shown}", flush=True)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        socket.stop()
        slack.stop()
    lines = log.read_text().splitlines()
    print(f"log lines from the bot: {len(lines)}; tracebacks: "
          f"{sum('Traceback' in line for line in lines)}")  # fmt: skip
    if os.environ.get("SHOW_LOG"):
        print("\n".join(lines[-40:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
