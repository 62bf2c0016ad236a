"""`newsroom-bot ingest PATH_OR_URL...`: bulk import with a progress bar and a tally."""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import services_from_args
from bot.ingest.parallel import default_jobs, make_ingestor
from bot.ingest.readers import FORMATS, read_all


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
    p.set_defaults(func=cmd_ingest)


def cmd_ingest(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    if args.jobs < 1:
        print("--jobs must be 1 or more", file=sys.stderr)
        return 2
    ingestor = make_ingestor(services, analyze=not args.no_analysis,
                             batch_size=args.batch_size, jobs=args.jobs)  # fmt: skip
    report = ingestor.ingest(read_all(args.locations, args.format), progress=not args.quiet)
    shown = [r for r in report.rejected if args.show_skipped or not r.is_harmless]
    limit = None if args.show_skipped else 20
    for rejected in shown[:limit]:
        print(f"skipped {rejected.origin}: {rejected.reason}", file=sys.stderr)
    if limit is not None and len(shown) > limit:
        print(f"... {len(shown) - limit} more; --show-skipped lists all", file=sys.stderr)
    print(report.summary_line())
    stored = report.added + report.updated + report.unchanged
    return 1 if report.rejected and not stored else 0
