"""`newsroom-bot ingest PATH_OR_URL...`: bulk import with a progress bar and a tally."""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import services_from_args
from bot.ingest.fetch import FetchPolicy
from bot.ingest.parallel import default_jobs, make_ingestor
from bot.ingest.readers import FORMATS, read_all
from bot.ingest.service import DatabaseUnavailable, IngestReport

# Exit status when the database went away mid-import (1 means: nothing could be stored).
EXIT_DATABASE_LOST = 3


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        help="import articles from files or URLs",
        description="Formats: JSON Lines, JSON arrays, CSV with a header, plain text, "
        "HTML pages and RSS/Atom feeds; detected from the extension or the content.",
    )
    p.add_argument("locations", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--format", choices=FORMATS, help="force a format instead of detecting it")
    p.add_argument("--no-analysis", action="store_true", help="skip summaries and key figures")
    p.add_argument("--batch-size", type=int, default=200, help="articles per transaction")
    p.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        help="processes that analyse articles while one writes (default: the cores, "
        f"{default_jobs()} here)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--show-skipped", action="store_true", help="list every skipped row, duplicates too"
    )
    p.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="let URLs on this command line (not links inside feeds) be on loopback or "
        "private addresses, e.g. an intranet CMS (setting NEWSROOM_ALLOW_PRIVATE_URLS)",
    )
    p.set_defaults(func=cmd_ingest)


def cmd_ingest(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    policy = FetchPolicy.from_settings(
        services.settings, allow_private=args.allow_private_urls or None
    )
    if args.jobs < 1:
        print("--jobs must be 1 or more", file=sys.stderr)
        return 2
    ingestor = make_ingestor(services, analyze=not args.no_analysis,
                             batch_size=args.batch_size, jobs=args.jobs)  # fmt: skip
    items = read_all(args.locations, args.format, policy=policy)
    try:
        report = ingestor.ingest(items, progress=not args.quiet)
    except DatabaseUnavailable as exc:
        _print_skipped(exc.report, args.show_skipped)
        print(f"error: {exc}; stopped after: {exc.report.summary_line()}. Run the same "
              "command again once the database is back (re-imports never duplicate).",
              file=sys.stderr)  # fmt: skip
        return EXIT_DATABASE_LOST
    _print_skipped(report, args.show_skipped)
    print(report.summary_line())
    stored = report.added + report.updated + report.unchanged
    return 1 if report.rejected and not stored else 0


def _print_skipped(report: IngestReport, show_all: bool) -> None:
    shown = [r for r in report.rejected if show_all or not r.is_harmless]
    limit = None if show_all else 20
    for rejected in shown[:limit]:
        print(f"skipped {rejected.origin}: {rejected.reason}", file=sys.stderr)
    if limit is not None and len(shown) > limit:
        print(f"... {len(shown) - limit} more; --show-skipped lists all", file=sys.stderr)
