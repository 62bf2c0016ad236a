"""`db upgrade`, `show` and `stats`: the read side for tools and scripts."""

from __future__ import annotations

import argparse
import sys

from bot.cli.common import print_json, services_from_args, settings_from_args
from bot.present import article_card, article_to_dict, version_to_dict, versions_text
from storage import migrate
from storage.articles import ArticleRepository
from storage.db import make_engine
from storage.versions import VersionRepository


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="database schema")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", help="apply pending migrations")
    up.set_defaults(func=cmd_upgrade)
    cur = db_sub.add_parser("current", help="show the schema revision")
    cur.set_defaults(func=cmd_current)

    show = sub.add_parser("show", help="print one stored article")
    show.add_argument("external_id")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.add_argument(
        "--versions", action="store_true", help="list the article's versions and what changed"
    )
    show.set_defaults(func=cmd_show)

    stats = sub.add_parser("stats", help="article counts per language and source")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(func=cmd_stats)


def cmd_upgrade(args: argparse.Namespace) -> int:
    engine = make_engine(settings_from_args(args).database_url)
    before = migrate.current_revisions(engine)
    migrate.upgrade(engine)
    after = migrate.current_revisions(engine)
    print(f"schema at {', '.join(sorted(after))}" + (" (unchanged)" if before == after else ""))
    return 0


def cmd_current(args: argparse.Namespace) -> int:
    engine = make_engine(settings_from_args(args).database_url)
    current = migrate.current_revisions(engine) or {"(empty)"}
    state = "up to date" if migrate.is_up_to_date(engine) else "migrations pending"
    print(f"{', '.join(sorted(current))} — {state}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    with services.session() as session:
        article = ArticleRepository(session).by_external_id(args.external_id)
        if article is None:
            print(f"error: no article with external id {args.external_id!r}", file=sys.stderr)
            return 1
        versions = VersionRepository(session).for_article(article.id) if args.versions else []
        if args.json:
            data = article_to_dict(article)
            if args.versions:
                data["versions"] = [version_to_dict(v) for v in versions]
            print_json(data)
        elif args.versions:
            print(versions_text(article, versions))
        else:
            print(article_card(article))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    with services.session() as session:
        repo = ArticleRepository(session)
        data = {
            "articles": repo.count(),
            "by_lang": {k or "unknown": n for k, n in repo.counts_by("lang")},
            "by_source": {k or "unknown": n for k, n in repo.counts_by("source")},
        }
    if args.json:
        print_json(data)
        return 0
    print(f"articles: {data['articles']}")
    for group in ("by_lang", "by_source"):
        print(f"{group.replace('_', ' ')}:")
        for key, n in data[group].items():  # type: ignore[attr-defined]
            print(f"  {key:<30} {n:>7}")
    return 0
