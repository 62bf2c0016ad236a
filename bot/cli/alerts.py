"""`alert`: a channel's saved searches from the command line, as `/news alert` in Slack."""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import print_json, services_from_args
from bot.digest.alerts import AlertError, add_alert, describe, list_alerts, mute_alert, remove_alert


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    alert = sub.add_parser("alert", help="keyword alerts: new matching articles post to a channel")
    actions = alert.add_subparsers(dest="alert_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="alert CHANNEL to new articles matching QUERY")
    add.add_argument("channel")
    add.add_argument("query", nargs=argparse.REMAINDER, help="search syntax, e.g. netflix lang:de")
    add.set_defaults(func=cmd_add)

    listing = actions.add_parser("list", help="active alerts, optionally of one channel")
    listing.add_argument("channel", nargs="?")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_list)

    remove = actions.add_parser("remove", help="stop an alert by id")
    remove.add_argument("id", type=int)
    remove.set_defaults(func=cmd_remove)

    mute = actions.add_parser("mute", help="quiet an alert for a while (30m, 2h, 1d; off)")
    mute.add_argument("id", type=int)
    mute.add_argument("duration")
    mute.set_defaults(func=cmd_mute)


def cmd_add(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    try:
        alert = add_alert(services, args.channel, " ".join(args.query), user_id="cli")
    except AlertError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"alert {describe(alert)} in {alert.channel_id}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    alerts = list_alerts(services_from_args(args), args.channel)
    if args.json:
        print_json([{"id": a.id, "channel_id": a.channel_id, "query": a.query,
                     "muted_until": a.muted_until, "created_at": a.created_at}
                    for a in alerts])  # fmt: skip
        return 0
    if not alerts:
        print("no alerts")
    for alert in alerts:
        print(f"{alert.channel_id}  {describe(alert)}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    try:
        alert = remove_alert(services_from_args(args), args.id)
    except AlertError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"removed alert #{alert.id} in {alert.channel_id}")
    return 0


def cmd_mute(args: argparse.Namespace) -> int:
    try:
        alert = mute_alert(services_from_args(args), args.id, args.duration)
    except AlertError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    state = (
        f"muted until {alert.muted_until:%Y-%m-%d %H:%M} UTC" if alert.muted_until else "unmuted"
    )
    print(f"alert #{alert.id} {state}")
    return 0
