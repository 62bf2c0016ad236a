"""`newsroom-bot serve` and `run` as a user starts them: a real process, a real port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from bot.config import Settings
from bot.services import Services
from storage.articles import ArticleFields, ArticleRepository
from tests.fakeslack import FakeSlack
from tests.slackrig import BOT_TOKEN, SIGNING_SECRET, slack_headers

ROOT = Path(__file__).resolve().parents[2]


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "NEWSROOM_", "DATABASE_URL"))
    }
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", **extra})
    return env


def cli(*args: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "import sys; from handlers.cli import main; sys.exit(main())",
        *args,
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_without_secret_stops_and_names_it(tmp_path: Path) -> None:
    env = clean_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN)
    done = subprocess.run(
        cli("serve", "--port", "0"),
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "SLACK_SIGNING_SECRET is not set" in done.stderr


def test_run_without_app_token_stops_and_names_it(tmp_path: Path) -> None:
    env = clean_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN)
    done = subprocess.run(
        cli("run"), env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2 and "SLACK_APP_TOKEN is not set" in done.stderr


def _start_serve(tmp_path: Path, fake: FakeSlack, port: int) -> subprocess.Popen[bytes]:
    env = clean_env(
        tmp_path,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.url,
        PYTHONPATH=str(ROOT),
        NEWSROOM_CACHE_DIR=str(tmp_path / "cache"),
    )
    return subprocess.Popen(
        cli("serve", "--host", "127.0.0.1", "--port", str(port)),
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_until_ok(proc: subprocess.Popen[bytes], url: str, body: bytes) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                assert resp.status == 200 and resp.read() == body
                return
        except OSError:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, f"{url} did not answer 200"
            time.sleep(0.2)


def _command(fake: FakeSlack, base: str, text: str, reply_to: str) -> None:
    body = urlencode(
        {
            "command": "/news",
            "text": text,
            "team_id": "T1",
            "user_id": "U1",
            "channel_id": "C1",
            "response_url": fake.response_url(reply_to),
        }
    )
    ts = str(int(time.time()))
    request = urllib.request.Request(
        base + "/slack/events",
        data=body.encode(),
        headers=slack_headers(body, ts, "application/x-www-form-urlencoded"),
    )
    with urllib.request.urlopen(request, timeout=5) as resp:
        assert resp.status == 200


def _stop(proc: subprocess.Popen[bytes], fake: FakeSlack) -> None:
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=20)
    fake.stop()


def test_serve_answers_health_and_signed_commands(tmp_path: Path) -> None:
    fake = FakeSlack().start()
    port = free_port()
    proc = _start_serve(tmp_path, fake, port)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_ok(proc, base + "/healthz", b"ok\n")
        _command(fake, base, "help", "cli")
        answered = fake.wait_for("response_url/cli", timeout=60)[0]  # workers may still start
        assert "Newsroom Bot" in str(answered.args["blocks"])
    finally:
        _stop(proc, fake)
    assert proc.returncode == 0  # Ctrl-C stops the server cleanly


def test_serve_is_ready_once_its_workers_share_one_index_snapshot(tmp_path: Path) -> None:
    services = Services.from_settings(Settings(database_url=f"sqlite:///{tmp_path / 'cli.db'}"))
    with services.session() as session:
        ArticleRepository(session).upsert(
            ArticleFields(external_id="a1", title="Lawinengefahr in Tirol steigt",
                          body="Die Lawinenwarnstufe liegt bei vier.", content_hash="a1")
        )  # fmt: skip
    services.close()
    fake = FakeSlack().start()
    port = free_port()
    proc = _start_serve(tmp_path, fake, port)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_ok(proc, base + "/readyz", b"ready\n")
        _command(fake, base, "lawinengefar tirol", "search")
        answered = fake.wait_for("response_url/search", timeout=60)[0]
        assert "Lawinengefahr in Tirol" in str(answered.args["blocks"])
    finally:
        _stop(proc, fake)
    # Built once for the machine (main process and both workers), not once per process.
    assert len(list((tmp_path / "cache").glob("search-index-*/gen-*"))) == 1


def test_run_opens_a_socket_mode_connection_with_the_app_token(tmp_path: Path) -> None:
    fake = FakeSlack().start()
    app_token = "xapp-1-A111-2222-abcdef0123456789"
    env = clean_env(
        tmp_path,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_APP_TOKEN=app_token,
        SLACK_API_URL=fake.url,
        PYTHONPATH=str(ROOT),
        NEWSROOM_CACHE_DIR=str(tmp_path / "cache"),
    )
    proc = subprocess.Popen(
        cli("run", "--threads-only"),
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        call = fake.wait_for("apps.connections.open", timeout=30)[0]
        assert call.headers["Authorization"] == f"Bearer {app_token}"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        fake.stop()


def start_serve(tmp_path: Path, fake: FakeSlack, **env: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    environ = clean_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                        SLACK_API_URL=fake.url, PYTHONPATH=str(ROOT), **env)  # fmt: skip
    err = (tmp_path / "stderr.log").open("w")
    proc = subprocess.Popen(cli("serve", "--host", "127.0.0.1", "--port", str(port),
                                "--threads-only"), env=environ, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=err)  # fmt: skip
    return proc, f"http://127.0.0.1:{port}"


def test_serve_waits_for_slack_and_starts_once_it_answers(tmp_path: Path) -> None:
    fake = FakeSlack().start()
    fake.fail("auth.test", 503, times=2, error="service_unavailable")
    proc, base = start_serve(tmp_path, fake)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as resp:
                    assert resp.status == 200
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
        fake.stop()
    lines = (tmp_path / "stderr.log").read_text().splitlines()
    waits = [line for line in lines if line.startswith("Slack not reachable")]
    assert waits == [
        "Slack not reachable (attempt 1): auth.test answered HTTP 503 (service_unavailable); "
        "retrying in 1 s",
        "Slack not reachable (attempt 2): auth.test answered HTTP 503 (service_unavailable); "
        "retrying in 2 s",
    ]
    assert len(fake.calls_to("auth.test")) == 3  # Bolt does not ask again
    assert "Traceback" not in "\n".join(lines)


def run_to_the_end(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = clean_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                        PYTHONPATH=str(ROOT), **env)  # fmt: skip
    return subprocess.run(cli(*args, "--threads-only"), env=environ, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)  # fmt: skip


def test_serve_gives_up_when_slack_stays_unreachable(tmp_path: Path) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}/api/"
    done = run_to_the_end(tmp_path, "serve", "--port", "0", SLACK_API_URL=nowhere,
                          NEWSROOM_STARTUP_WAIT_SECONDS="2")  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert lines[0].startswith("Slack not reachable (attempt 1): auth.test:")
    assert "Connection refused" in lines[0]
    assert lines[-1].startswith("error: Slack still not reachable after 2 s")


def test_serve_stops_at_once_when_slack_refuses_the_token(tmp_path: Path) -> None:
    fake = FakeSlack().start()
    fake.fail("auth.test", 200, error="invalid_auth")
    try:
        done = run_to_the_end(tmp_path, "serve", "--port", "0", SLACK_API_URL=fake.url)
    finally:
        fake.stop()
    assert done.returncode == 2
    assert done.stderr == "error: SLACK_BOT_TOKEN was refused by Slack (auth.test: invalid_auth)\n"


def test_serve_waits_for_the_database_then_gives_up_naming_it(tmp_path: Path) -> None:
    port = free_port()
    done = run_to_the_end(tmp_path, "serve", "--port", "0",
                          DATABASE_URL=f"postgresql://postgres:hunter2@127.0.0.1:{port}/x",
                          NEWSROOM_STARTUP_WAIT_SECONDS="2")  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "hunter2" not in done.stderr
    first, *_, last = done.stderr.splitlines()
    assert first.startswith(
        f"the database not reachable (attempt 1): cannot reach the database "
        f"postgresql://postgres:***@127.0.0.1:{port}/x: connection to server at"
    )
    assert "Connection refused; retrying in 1 s" in first
    assert last.startswith("error: the database still not reachable after 2 s")
