"""`newsroom-bot` command line: one module per command group, registered here.

The Slack commands (`run`, `serve`) build the Bolt app, which needs the listeners in
``handlers``; they are added by the composition root ``handlers.cli``, the console
script, so nothing in ``bot`` imports ``handlers``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

from bot import __version__
from bot.config import ConfigError, load_settings
from bot.startup import GaveUp
from storage.health import describe_unreachable, is_unreachable, safe_url

# Each module exposes ``register(subparsers)`` and sets ``func(args) -> int`` on its parsers.
COMMAND_MODULES = (
    "bot.cli.db",
    "bot.cli.ingest",
    "bot.cli.feeds",
    "bot.cli.demo",
    "bot.cli.digest",
    "bot.cli.alerts",
    "bot.cli.feedback",
    "bot.cli.reindex",
    "bot.cli.embed",
    "bot.cli.search",
)


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsroom-bot",
        description="Find, summarize and quote your newsroom's articles (CLI and Slack app).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL; overrides DATABASE_URL (default: SQLite in the user data dir)",
    )
    parser.add_argument("--env-file", help="read settings from this .env file")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug output")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, modules: Sequence[str] = COMMAND_MODULES) -> int:
    parser = build_parser(modules)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        args.settings = load_settings(args.env_file, overrides=_overrides(args))
        logging.basicConfig(
            level=args.settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        return int(args.func(args) or 0)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except GaveUp as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except DBAPIError as exc:  # one line naming the database and the cause, no traceback
        print(f"error: {_database_error(exc, args.settings.database_url)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `newsroom-bot show … | head`: the reader left early; end quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _database_error(exc: DBAPIError, url: str) -> str:
    if is_unreachable(exc):
        return describe_unreachable(exc, url)
    lines = str(exc.orig if exc.orig is not None else exc).strip().splitlines() or ["?"]
    return f"the database {safe_url(url)} refused the command: {lines[0].strip()}"


def _overrides(args: argparse.Namespace) -> dict[str, str]:
    """Command-line flags that stand for settings win over the environment."""
    overrides = {"LOG_LEVEL": "DEBUG"} if args.verbose else {}
    if args.database_url:
        overrides["DATABASE_URL"] = args.database_url
    return overrides


if __name__ == "__main__":
    sys.exit(main())
