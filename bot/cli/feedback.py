"""`feedback`: the search queries readers rated worst (👎 under the answer), worst first."""

from __future__ import annotations

import argparse

from bot.cli.common import print_json, services_from_args
from storage.feedback import FeedbackRepository


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    feedback = sub.add_parser("feedback", help="worst-rated search queries (👍/👎 in Slack)")
    feedback.add_argument("--limit", type=int, default=20)
    feedback.add_argument("--json", action="store_true")
    feedback.set_defaults(func=cmd_feedback)


def cmd_feedback(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    with services.session() as session:
        ratings = FeedbackRepository(session).worst_queries(max(1, args.limit))
    if args.json:
        print_json([{"query": r.query, "up": r.up, "down": r.down, "net": r.net,
                     "last_at": r.last_at, "disliked": r.disliked} for r in ratings])  # fmt: skip
        return 0
    if not ratings:
        print("no feedback yet")
    for r in ratings:
        disliked = f"  👎 {', '.join(r.disliked)}" if r.disliked else ""
        print(f"{r.net:+4d}  (👍 {r.up} 👎 {r.down})  {r.query}{disliked}")
    return 0
