"""`newsroom-bot embed`: give every stored article its vector for meaning search.

The running bot embeds new arrivals a few per pass; this embeds an archive, with a
progress bar. Safe to interrupt and rerun: each batch is its own transaction and the
worklist is "articles without a current vector", so a rerun continues where the last
one stopped (``bot.lookup.embedder``).
"""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import services_from_args, settings_from_args
from bot.config import ConfigError
from bot.lookup.embedder import DEFAULT_BATCH, embed_pending
from bot.lookup.embeddings import check_model, display_name


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "embed",
        help="embed stored articles for meaning search (resumable)",
        description="Encode every article that has no vector for the model yet (or whose "
        "text changed) and store the vectors. Safe to interrupt and rerun.",
    )
    p.add_argument("--model", help="`use`, `e5` or `use+e5` (default: NEWSROOM_EMBEDDING_MODEL)")
    p.add_argument("--limit", type=int, help="embed at most this many articles")
    p.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="articles per transaction")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_embed)


def chosen_model(args: argparse.Namespace) -> str:
    """``--model``, else the setting; a clear error for an unknown name or `off`."""
    if args.model is not None:
        return check_model(args.model, "--model")
    configured = settings_from_args(args).embedding_model
    if configured == "off":
        raise ConfigError(
            "meaning search is off (NEWSROOM_EMBEDDING_MODEL=off); pass --model use or "
            "--model e5 to embed anyway"
        )
    return configured


def cmd_embed(args: argparse.Namespace) -> int:
    if args.batch < 1 or (args.limit is not None and args.limit < 0):
        print("error: --batch must be at least 1 and --limit not negative", file=sys.stderr)
        return 2
    model = chosen_model(args)
    services = services_from_args(args)
    try:
        name = display_name(model)
        done = embed_pending(services.engine, model, batch=args.batch, limit=args.limit,
                             progress=not args.quiet)  # fmt: skip
    finally:
        services.close()
    print(f"embedded {done} vector{'' if done == 1 else 's'} with {name}")
    return 0
