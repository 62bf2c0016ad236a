"""`newsroom-bot run` (Socket Mode) and `newsroom-bot serve --port P` (HTTP mode)."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from collections.abc import Callable
from pathlib import Path

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.error import BoltError
from slack_sdk import WebClient

from bot import lookup
from bot.cli.common import services_from_args
from bot.config import ConfigError
from bot.lookup.live import enable_snapshots, is_ready
from bot.services import Services
from bot.slack.background import Background
from bot.slack.credentials import Mode, require_slack_credentials
from bot.slack.digest_post import run_digest_scheduler
from bot.slack.web import DEFAULT_THREADS, HttpServer, make_wsgi_app
from handlers.app import create_app
from handlers.deps import Deps, make_background

log = logging.getLogger(__name__)

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
    run_digest_scheduler,  # digests and feed polling
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
    services = services_from_args(args)
    require_slack_credentials(services.settings, mode)  # before any worker starts
    share_lookup_index(services)
    background = make_background(services, workers=args.workers, processes=args.processes)
    try:
        app = create_app(services, mode=mode, background=background)
    except BoltError as exc:  # auth.test refused the token
        background.shutdown(wait=False)
        raise ConfigError(f"SLACK_BOT_TOKEN was refused by Slack: {exc}") from exc
    except BaseException:
        background.shutdown(wait=False)
        raise
    return services, app, background


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
    handler = SocketModeHandler(app, services.settings.slack_app_token)
    print("Newsroom Bot connecting in Socket Mode; Ctrl-C stops it.", flush=True)
    try:
        handler.start()
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
    for thread in jobs:
        thread.join(timeout=10)
    background.shutdown(wait=True)
    services.close()
