"""`digest`: manage subscriptions, preview a channel's digest, post what is due (cron)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import UTC, datetime

from bot.cli.common import print_json, services_from_args
from bot.config import ConfigError
from bot.digest.content import Digest, build_digest
from bot.digest.scheduler import DigestScheduler, SchedulerConfig
from bot.digest.subscriptions import (
    SubscriptionError,
    describe,
    list_subscriptions,
    subscribe,
    unsubscribe,
)
from bot.ingest.feeds import polling_beside
from bot.services import Services
from bot.slack.digest_blocks import render_digest, summary_line
from bot.slack.digest_post import make_publisher
from storage.digests import DigestRunRepository
from storage.models import utcnow


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    digest = sub.add_parser("digest", help="scheduled digest posts")
    actions = digest.add_subparsers(dest="digest_command", metavar="ACTION", required=True)

    preview = actions.add_parser("preview", help="print what CHANNEL's digests would post now")
    preview.add_argument("channel")
    preview.add_argument("--blocks", action="store_true", help="print the Block Kit JSON")
    preview.set_defaults(func=cmd_preview)

    run = actions.add_parser("run", help="post all due digests once and exit (for cron)")
    run.add_argument("--due", action="store_true", required=True, help="post what is due now")
    run.add_argument("--now", type=_instant, help="pretend it is this ISO time (UTC if naive)")
    run.add_argument(
        "--no-feeds", action="store_true", help="do not poll due feeds beside the pass"
    )
    run.add_argument("--json", action="store_true")
    run.set_defaults(func=cmd_run)

    add = actions.add_parser("subscribe", help="add a digest to CHANNEL")
    add.add_argument("channel")
    add.add_argument("spec", nargs=argparse.REMAINDER,
                     help='e.g. daily 08:00 Europe/Berlin lang:de top 5')  # fmt: skip
    add.set_defaults(func=cmd_subscribe)

    remove = actions.add_parser("unsubscribe", help="stop a digest by id")
    remove.add_argument("id", type=int)
    remove.set_defaults(func=cmd_unsubscribe)

    listing = actions.add_parser("list", help="active digests, optionally of one channel")
    listing.add_argument("channel", nargs="?")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list)

    history = actions.add_parser("runs", help="recent runs of a digest: status, attempts, errors")
    history.add_argument("id", type=int)
    history.set_defaults(func=cmd_runs)


def cmd_preview(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    subs = list_subscriptions(services, args.channel)
    if not subs:
        print(f"error: channel {args.channel} has no digest subscriptions", file=sys.stderr)
        return 1
    now = utcnow()
    for sub in subs:
        with services.session() as session:
            digest = build_digest(session, sub, now)
        print(f"# {describe(sub, now)}")
        if args.blocks:
            print(json.dumps([m.blocks for m in render_digest(digest)], ensure_ascii=False,
                             indent=2))  # fmt: skip
        else:
            print(render_text(digest, sub.post_when_empty))
        print()
    return 0


def render_text(digest: Digest, post_when_empty: bool) -> str:
    lines = [summary_line(digest)]
    if digest.window_start is not None:
        since = digest.window_start.astimezone(digest.local_slot.tzinfo)
        lines.append(f"new since {since:%a %d %b %Y %H:%M %Z}")
    if digest.is_empty and not post_when_empty:
        lines.append("(nothing new: this digest stays quiet)")
    for n, item in enumerate(digest.items, 1):
        lines.append(f"{n:>2}. {item.title}")
        if item.url:
            lines.append(f"    {item.url}")
        if item.summary:
            lines.append(f"    {item.summary}")
        if item.figure:
            lines.append(f"    ▸ {item.figure}")
    return "\n".join(lines)


def cmd_run(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    if not services.settings.slack_bot_token:
        raise ConfigError("SLACK_BOT_TOKEN is required to post digests")
    config = SchedulerConfig.from_settings(services.settings)
    if args.no_feeds:
        config = replace(config, poll_feeds=False)
    scheduler = DigestScheduler(services, make_publisher(services), config=config)
    with polling_beside(services, enabled=config.poll_feeds) as feeds:  # never delays the pass
        report = scheduler.run_pending(args.now or utcnow())
    report.feeds = feeds if config.poll_feeds else None
    if args.json:
        print_json(report.as_dict())
    else:
        print(" · ".join(f"{name}: {len(ids)}" for name, ids in _counts(report).items()))
    return 0 if report.ok else 1


def _counts(report: object) -> dict[str, list[int]]:
    names = ("posted", "empty", "skipped", "retry", "failed", "superseded", "interrupted")
    return {name: getattr(report, name) for name in names}


def cmd_subscribe(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    try:
        sub = subscribe(services, args.channel, " ".join(args.spec), user_id="cli")
    except SubscriptionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"subscribed: {describe(sub)}")
    return 0


def cmd_unsubscribe(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    try:
        sub = unsubscribe(services, args.id)
    except SubscriptionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"unsubscribed #{sub.id} in {sub.channel_id}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    subs = list_subscriptions(services, args.channel)
    if args.json:
        print_json([_sub_dict(s) for s in subs])
        return 0
    if not subs:
        print("no digest subscriptions")
    for sub in subs:
        print(f"{sub.channel_id}  {describe(sub)}")
    return 0


def cmd_runs(args: argparse.Namespace) -> int:
    services: Services = services_from_args(args)
    with services.session() as session:
        runs = DigestRunRepository(session).for_subscription(args.id)
        for run in runs:
            line = f"{run.slot_at:%Y-%m-%d %H:%M}Z  {run.status:<11} attempts={run.attempts}"
            if run.article_count:
                line += f" articles={run.article_count}"
            if run.next_attempt_at:
                line += f" next={run.next_attempt_at:%Y-%m-%d %H:%M}Z"
            if run.error:
                line += f"  error: {run.error}"
            print(line)
    if not runs:
        print(f"no runs for digest #{args.id}")
    return 0


def _sub_dict(sub: object) -> dict[str, object]:
    fields = ("id", "channel_id", "schedule_kind", "schedule_expr", "timezone", "filters",
              "size", "post_when_empty", "created_at")  # fmt: skip
    return {name: getattr(sub, name) for name in fields}


def _instant(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date-time: {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
