"""`newsroom-bot feeds add|list|remove|poll`."""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import print_json, services_from_args
from bot.ingest.feeds import FeedError, poll_due, validate_feed_url
from storage.feeds import FeedRepository


def register(sub: argparse._SubParsersAction) -> None:
    feeds = sub.add_parser("feeds", help="RSS/Atom feeds to poll")
    fsub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    add = fsub.add_parser("add", help="subscribe to a feed")
    add.add_argument("url")
    add.add_argument("--interval", type=int, default=15, help="minutes between polls")
    add.set_defaults(func=cmd_add)
    lst = fsub.add_parser("list", help="feeds with their polling state")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_list)
    rm = fsub.add_parser("remove", help="stop polling a feed (its articles stay)")
    rm.add_argument("url")
    rm.set_defaults(func=cmd_remove)
    poll = fsub.add_parser("poll", help="fetch all due feeds now (conditional GET)")
    poll.add_argument("--all", action="store_true", help="poll every feed, due or not")
    poll.set_defaults(func=cmd_poll)


def cmd_add(args: argparse.Namespace) -> int:
    try:
        url = validate_feed_url(args.url)
    except FeedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.interval < 1:
        print("error: --interval must be at least 1 minute", file=sys.stderr)
        return 2
    services = services_from_args(args)
    with services.session() as session:
        _, created = FeedRepository(session).add(url, interval_minutes=args.interval)
    print(f"{'added' if created else 'already subscribed'}: {url}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    with services.session() as session:
        rows = [
            {
                "url": f.url,
                "interval_minutes": f.poll_interval_minutes,
                "last_polled_at": f.last_polled_at.isoformat() if f.last_polled_at else None,
                "last_error": f.last_error,
            }
            for f in FeedRepository(session).all()
        ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("no feeds yet; add one with `newsroom-bot feeds add URL`")
    for row in [] if args.json else rows:
        state = f"error: {row['last_error']}" if row["last_error"] else "ok"
        print(f"{row['url']}  every {row['interval_minutes']} min  "
              f"last polled {row['last_polled_at'] or 'never'}  {state}")  # fmt: skip
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    with services.session() as session:
        removed = FeedRepository(session).remove(args.url.strip())
    print(f"removed: {args.url}" if removed else f"not subscribed: {args.url}")
    return 0 if removed else 1


def cmd_poll(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    results = poll_due(services, force=args.all)
    if not results:
        print("no feeds due")
    for r in results:
        detail = r.error if r.status == "error" else r.report.summary_line()
        print(f"{r.url}: {r.status}" + (f" — {detail}" if r.status != "not modified" else ""))
    return 1 if results and all(r.status == "error" for r in results) else 0
