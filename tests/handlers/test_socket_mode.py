"""`newsroom-bot run` end to end: a real process speaking Socket Mode to a fake Slack.

The process dials FakeSlack's ``apps.connections.open`` (through ``SLACK_API_URL``), gets the
URL of a FakeSocketMode server on 127.0.0.1 and connects over a real WebSocket. The tests
push envelopes shaped like Slack's and assert on what Slack would see: the ack of each
envelope on the socket, and the answers arriving at FakeSlack (``response_url`` posts,
``chat.postMessage``). One process serves the module; the last test stops it with SIGTERM.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.slack.messages import ACTION_SHARE
from tests.fakeslack import FakeSlack
from tests.fakesocket import FakeSocketMode
from tests.handlers.test_serve import ROOT, clean_env, cli
from tests.slackrig import BOT_TOKEN, TEAM, block_actions, event_callback, mention

APP_TOKEN = "xapp-1-A111-2222-abcdef0123456789"
SAMPLE = ROOT / "bot" / "data" / "sample_articles.jsonl"
ACK_LIMIT = 3.0  # Slack shows the user an error when the ack takes longer
START_TIMEOUT = 60.0  # spawned answer workers import the whole stack on a loaded machine
ANSWER_TIMEOUT = 60.0  # the first answer may wait for the workers and the search index
RECONNECT_LIMIT = 5.0  # back and answering after a dropped connection (0.5 s measured)


@dataclass
class RunningBot:
    proc: subprocess.Popen[str]
    slack: FakeSlack
    socket: FakeSocketMode
    log: Path  # the process's stdout and stderr


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    tmp = tmp_path_factory.mktemp("socket_mode")
    env = clean_env(tmp, PYTHONPATH=str(ROOT))
    ingest = subprocess.run(
        cli("ingest", str(SAMPLE), "-q"),
        env=env,
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ingest.returncode == 0, ingest.stderr
    for proxy in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        env.pop(proxy, None)  # slack-sdk would dial the fake socket through it
    slack = FakeSlack().start()
    socket = FakeSocketMode().start()
    slack.socket_mode_url = socket.url
    env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_APP_TOKEN=APP_TOKEN, SLACK_API_URL=slack.url)
    log = tmp / "run.log"  # a file, not a pipe nobody reads while the tests run
    with log.open("w") as out:
        proc = subprocess.Popen(
            cli("run", "--workers", "1"),  # worker processes, as in production; one keeps order
            env=env,
            cwd=tmp,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        wait_connected(proc, socket, log)
        yield RunningBot(proc, slack, socket, log)
    finally:
        if proc.poll() is None:  # a test failed before the SIGTERM test: stop it anyway
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        socket.stop()
        slack.stop()


def wait_connected(proc: subprocess.Popen[str], socket: FakeSocketMode, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            socket.wait_connected(timeout=0.5)
            return
        except AssertionError:
            if proc.poll() is not None:
                pytest.fail(f"newsroom-bot run exited {proc.returncode}:\n{log.read_text()}")
            if time.monotonic() > deadline:
                raise


def slash_command(text: str, response_url: str) -> dict[str, Any]:
    """The payload of a ``slash_commands`` envelope: Slack's form fields as JSON."""
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM,
        "team_domain": "newsroom",
        "channel_id": "C1",
        "channel_name": "newsdesk",
        "user_id": "U1",
        "user_name": "reporter",
        "command": "/news",
        "text": text,
        "api_app_id": "A1",
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": "1.1.socket",
    }


def answers_in_thread(slack: FakeSlack, thread_ts: str) -> list[dict[str, Any]]:
    return [c.args for c in slack.calls_to("chat.postMessage") if c.args["thread_ts"] == thread_ts]


def test_news_command_is_acked_on_the_socket_and_answered_at_its_response_url(
    bot: RunningBot,
) -> None:
    answer = ask_news(bot, "time warner profit", "socket-news")
    assert answer["response_type"] == "ephemeral"
    blocks = str(answer["blocks"])
    assert "Ad sales boost Time Warner profit" in blocks
    assert "Share in channel" in blocks and "More like this" in blocks  # Block Kit buttons


def test_share_button_is_acked_and_posts_the_article_in_channel(bot: RunningBot) -> None:
    answer = ask_news(bot, "tobacco case", "socket-share")
    share = next(
        element
        for block in answer["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"] == ACTION_SHARE
    )
    click_url = bot.slack.response_url("socket-click")
    envelope_id = bot.socket.send("interactive", block_actions(share, click_url))
    assert bot.socket.wait_ack(envelope_id, timeout=ACK_LIMIT).seconds < ACK_LIMIT
    shared = bot.slack.wait_for("response_url/socket-click", timeout=ANSWER_TIMEOUT)[0].args
    assert shared["response_type"] == "in_channel"
    assert "Court rejects $280bn tobacco case" in str(shared["blocks"])


def ask_news(bot: RunningBot, text: str, name: str) -> dict[str, Any]:
    """`/news TEXT` over the socket: the ack must come at once and carry no message."""
    envelope_id = bot.socket.send(
        "slash_commands",
        slash_command(text, bot.slack.response_url(name)),
        accepts_response_payload=True,
    )
    ack = bot.socket.wait_ack(envelope_id, timeout=ACK_LIMIT)
    assert ack.envelope_id == envelope_id and ack.seconds < ACK_LIMIT
    assert ack.payload is None  # the answer goes to response_url only, not twice
    return bot.slack.wait_for(f"response_url/{name}", timeout=ANSWER_TIMEOUT)[0].args


def test_mention_is_acked_and_answered_in_its_thread(bot: RunningBot) -> None:
    ts = "1764100000.000111"
    event = mention("<@UBOT> what did we write about netflix ki?", ts=ts)
    envelope_id = bot.socket.send("events_api", event_callback(event, "EvSOCKET0001"))
    ack = bot.socket.wait_ack(envelope_id, timeout=ACK_LIMIT)
    assert ack.seconds < ACK_LIMIT
    wait_for_thread(bot.slack, ts)
    (answer,) = answers_in_thread(bot.slack, ts)
    assert answer["channel"] == "C1"
    assert "Eternauta" in str(answer["blocks"])


def test_redelivered_event_is_acked_without_a_second_answer(bot: RunningBot) -> None:
    ts = "1764100000.000222"
    payload = event_callback(mention("<@UBOT> time warner profit", ts=ts), "EvSOCKET0002")
    first = bot.socket.send("events_api", payload)
    bot.socket.wait_ack(first, timeout=ACK_LIMIT)
    # Slack redelivers as a new envelope: same event_id, retry_attempt > 0.
    retry = bot.socket.send("events_api", payload, retry_attempt=1, retry_reason="timeout")
    assert bot.socket.wait_ack(retry, timeout=ACK_LIMIT).seconds < ACK_LIMIT
    # A later question, answered by the same single worker after anything queued before it,
    # marks the point by which a duplicate answer would have been posted.
    later_ts = "1764100000.000333"
    later = event_callback(mention("<@UBOT> tobacco case", ts=later_ts), "EvSOCKET0003")
    bot.socket.wait_ack(bot.socket.send("events_api", later), timeout=ACK_LIMIT)
    wait_for_thread(bot.slack, later_ts)
    assert len(answers_in_thread(bot.slack, ts)) == 1


def test_moves_to_a_new_connection_when_slack_asks(bot: RunningBot) -> None:
    opened = len(bot.slack.calls_to("apps.connections.open"))
    connections = bot.socket.connections
    bot.socket.refresh()
    bot.socket.wait_connected(connections + 1, timeout=15)
    bot.socket.wait_open(1)  # the old connection is closed, not leaked
    assert len(bot.slack.calls_to("apps.connections.open")) == opened + 1  # a fresh URL
    answer = ask_news(bot, "claxton medal", "socket-refreshed")
    assert "Claxton hunting first major medal" in str(answer["blocks"])


@pytest.mark.parametrize(
    "drop",
    ["reset without a close frame", "FIN without a close frame", "clean close"],
)
def test_reconnects_and_answers_within_seconds_when_the_connection_drops(
    bot: RunningBot, drop: str
) -> None:
    bot.socket.wait_connected(bot.socket.connections)  # connected now
    opened, connections = len(bot.slack.calls_to("apps.connections.open")), bot.socket.connections
    started = time.monotonic()
    if drop == "clean close":
        bot.socket.close_cleanly()
    else:
        bot.socket.cut(reset=drop.startswith("reset"))
    bot.socket.wait_connected(connections + 1, timeout=RECONNECT_LIMIT)
    answer = ask_news(bot, "claxton medal", f"socket-{drop.split()[0].lower()}")
    assert time.monotonic() - started < RECONNECT_LIMIT
    assert "Claxton hunting first major medal" in str(answer["blocks"])
    assert len(bot.slack.calls_to("apps.connections.open")) == opened + 1  # one fresh URL
    bot.socket.wait_open(1)


def test_sigterm_stops_the_bot_cleanly(bot: RunningBot) -> None:
    connections = bot.socket.connections
    workers = descendants(bot.proc.pid)
    assert workers, "expected spawned answer workers"
    bot.proc.send_signal(signal.SIGTERM)
    try:
        bot.proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        bot.proc.kill()
        raise
    output = bot.log.read_text()
    assert bot.proc.returncode == 0, output
    assert "Traceback" not in output
    assert "token will be unused" not in output  # Bolt gets the token with its client only
    assert "Failed to check the state of sock" not in output
    bot.socket.wait_open(0, timeout=5)
    assert bot.socket.connections == connections  # no reconnect on the way out
    assert not bot.socket.stray, bot.socket.stray
    deadline = time.monotonic() + 10
    while alive := {pid for pid in workers if running(pid)}:  # no orphaned workers
        assert time.monotonic() < deadline, f"worker processes left running: {alive}"
        time.sleep(0.05)


def descendants(pid: int) -> set[int]:
    """Child processes, grandchildren included (Linux /proc)."""
    found: set[int] = set()
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in map(int, children.read_text().split()):
            found |= {child, *descendants(child)}
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def wait_for_thread(slack: FakeSlack, thread_ts: str, timeout: float = ANSWER_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while True:
        seen = len(slack.calls_to("chat.postMessage"))  # counted first: no post slips by
        if answers_in_thread(slack, thread_ts):
            return
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"no answer in thread {thread_ts}"
        slack.wait_for("chat.postMessage", seen + 1, timeout=remaining)
