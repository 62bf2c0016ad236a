"""`newsroom-bot run` (Socket Mode) and `newsroom-bot serve --port P` (HTTP mode).

Start-up waits for the database, then for Slack (``auth.test``, and for `run` the Socket
Mode URL), with backoff and one line per failed attempt (bot/startup.py); a refused token
stops at once naming its variable. Socket Mode runs on ``bot.slack.socket_mode``, which
reconnects within a second when the connection is cut.
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from slack_bolt import App
from slack_sdk import WebClient

from bot import lookup
from bot.cli.common import settings_from_args
from bot.config import Settings
from bot.ingest.feeds import run_feed_poller
from bot.lookup.live import enable_snapshots, is_ready
from bot.services import Services
from bot.slack.background import Background
from bot.slack.client import probe_client, reach_slack
from bot.slack.credentials import Mode, require_slack_credentials
from bot.slack.digest_post import run_digest_scheduler
from bot.slack.socket_mode import SocketModeHandler
from bot.slack.web import DEFAULT_THREADS, HttpServer, make_wsgi_app
from bot.startup import NotReady, wait_until_ready
from handlers.app import create_app
from handlers.deps import Deps, make_background
from storage.health import describe_unreachable, is_unreachable

log = logging.getLogger(__name__)
# Background jobs get this long, together, to end after Ctrl-C or SIGTERM; they are daemon
# threads, so one stuck in a slow call (an index build, a feed) cannot keep the process.
SHUTDOWN_SECONDS = 5.0

# Long-running jobs that run beside the listeners in both modes. Each is called in its own
# daemon thread with the services, the app's Web API client and a stop event, and should
# return soon after the event is set.
BackgroundJob = Callable[[Services, WebClient, threading.Event], None]


def warm_lookup_index(services: Services, client: WebClient, stop: threading.Event) -> None:
    """Open (or, on a machine's first start, build) the search index at start, so the
    first question is answered at full speed and ``/readyz`` turns ready."""
    lookup.warm_up(services.engine)


def share_lookup_index(services: Services) -> None:
    """The index lives in a snapshot that this process writes and answer workers map
    (``bot.lookup.live``): one copy per machine, not one per process."""
    enable_snapshots(services.engine, Path(services.settings.cache_dir), writer=True)


BACKGROUND_JOBS: list[BackgroundJob] = [
    warm_lookup_index,
    run_digest_scheduler,  # digests
    run_feed_poller,  # feeds, in their own thread: a slow feed never delays a digest
]


def register(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser("run", help="run the Slack app in Socket Mode (no public URL needed)")
    add_worker_options(run)
    run.set_defaults(func=cmd_run)

    serve = sub.add_parser("serve", help="serve the Slack app over HTTP (/slack/events)")
    serve.add_argument("--port", type=int, default=3000)
    serve.add_argument("--host", default="0.0.0.0", help="interface to bind (default: all)")
    serve.add_argument(
        "--threads",
        type=int,
        default=DEFAULT_THREADS,
        help="HTTP threads that verify and acknowledge requests",
    )
    add_worker_options(serve)
    serve.set_defaults(func=cmd_serve)


def add_worker_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="answer workers (default 2; one per core is a good start)",
    )
    parser.add_argument(
        "--threads-only",
        dest="processes",
        action="store_false",
        help="run answers in threads of this process instead of worker "
        "processes (less memory, slower acks under load)",
    )


def build(args: argparse.Namespace, mode: Mode) -> tuple[Services, App, Background[Deps]]:
    settings = settings_from_args(args)
    creds = require_slack_credentials(settings, mode)  # before any worker starts
    wait = settings.startup_wait_seconds
    services = wait_until_ready("the database", lambda: connect(settings), give_up_after=wait)
    share_lookup_index(services)
    try:
        client = probe_client(settings, creds.bot_token)
        wait_until_ready("Slack", lambda: verify_token(client), give_up_after=wait)
    except BaseException:
        services.close()
        raise
    background = make_background(services, workers=args.workers, processes=args.processes)
    try:  # auth.test passed just now: Bolt need not call it again
        app = create_app(services, mode=mode, background=background,
                         token_verification_enabled=False)  # fmt: skip
    except BaseException:
        background.shutdown(wait=False)
        services.close()
        raise
    return services, app, background


def verify_token(client: WebClient) -> object:
    return reach_slack("auth.test", "SLACK_BOT_TOKEN", client.auth_test)


def connect(settings: Settings) -> Services:
    """Connect and migrate; a database that is away raises ``NotReady`` to be waited for."""
    try:
        return Services.from_settings(settings)
    except Exception as exc:
        if is_unreachable(exc):
            raise NotReady(describe_unreachable(exc, settings.database_url)) from None
        raise


def start_background_jobs(
    services: Services, app: App, stop: threading.Event
) -> list[threading.Thread]:
    threads = []
    for job in BACKGROUND_JOBS:
        name = getattr(job, "__name__", "job")
        thread = threading.Thread(
            target=job, args=(services, app.client, stop), name=name, daemon=True
        )
        thread.start()
        threads.append(thread)
    return threads


def stop_on_sigterm() -> None:
    """`docker stop` and systemd send SIGTERM: stop as cleanly as on Ctrl-C."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def cmd_run(args: argparse.Namespace) -> int:
    services, app, background = build(args, "socket")
    stop_on_sigterm()
    stop = threading.Event()
    jobs = start_background_jobs(services, app, stop)
    handler = SocketModeHandler(app, services.settings.slack_app_token or "")
    print("Newsroom Bot connecting in Socket Mode; Ctrl-C stops it.", flush=True)
    try:
        wait_until_ready("Slack Socket Mode", lambda: reach_slack("apps.connections.open",
                         "SLACK_APP_TOKEN", handler.connect),
                         give_up_after=services.settings.startup_wait_seconds)  # fmt: skip
        threading.Event().wait()
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM is how `run` ends: exit 0, as `serve` does
        pass
    finally:
        handler.close()
        _shutdown(stop, jobs, background, services)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    services, app, background = build(args, "http")
    stop_on_sigterm()
    stop = threading.Event()
    jobs = start_background_jobs(services, app, stop)
    wsgi = make_wsgi_app(app, services, ready=lambda: is_ready(services.engine))
    server = HttpServer(wsgi, host=args.host, port=args.port, threads=args.threads)
    print(
        f"Newsroom Bot listening on http://{args.host}:{server.port}/slack/events "
        "(liveness: /healthz, readiness: /readyz); Ctrl-C stops it.",
        flush=True,
    )
    try:
        server.serve_forever()
    finally:
        server.stop()
        _shutdown(stop, jobs, background, services)
    return 0


def _shutdown(
    stop: threading.Event,
    jobs: list[threading.Thread],
    background: Background[Deps],
    services: Services,
) -> None:
    stop.set()
    deadline = time.monotonic() + SHUTDOWN_SECONDS  # one budget for all jobs, not one each
    for thread in jobs:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    background.shutdown(wait=True)
    services.close()
