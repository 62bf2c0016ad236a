"""`newsroom-bot demo`: the main job end to end on bundled articles, no Slack, no network.

The samples are also embedded (``NEWSROOM_EMBEDDING_MODEL``, weights inside the installed
package), so meaning search answers in the demo as it does in the bot.
"""

from __future__ import annotations

import argparse
from importlib import resources

from bot.cli.common import services_from_args
from bot.ingest.readers import read_jsonl
from bot.ingest.service import Ingestor
from bot.lookup import search
from bot.lookup.embedder import embed_pending
from bot.lookup.embeddings import display_name
from bot.present import article_card

DEFAULT_QUERIES = (
    "netflx eternaut ki",
    "what did we publish on the Netflix AI scene?",
    "Gewinnsprung beim Medienkonzern Time Warner",
    "Austrian union launches a calculator for all-in contracts",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="ingest the bundled sample articles and answer queries")
    p.add_argument("queries", nargs="*", metavar="QUERY", help=f"default: {DEFAULT_QUERIES}")
    p.add_argument("--limit", type=int, default=1, help="answers per query")
    p.set_defaults(func=cmd_demo)


def sample_articles_text() -> str:
    return resources.files("bot").joinpath("data/sample_articles.jsonl").read_text("utf-8")


def cmd_demo(args: argparse.Namespace) -> int:
    services = services_from_args(args)
    report = Ingestor(services).ingest(read_jsonl(sample_articles_text(), "sample_articles.jsonl"))
    print(f"Sample articles: {report.summary_line()}  [{services.settings.database_url}]")
    model = services.settings.embedding_model
    if model != "off":  # bundled weights, no network: meaning search is live in the demo
        done = embed_pending(services.engine, model)
        print(f"Meaning search: {done} vectors with {display_name(model)}")
    for query in args.queries or DEFAULT_QUERIES:
        print(f"\n/news {query}\n" + "─" * 72)
        with services.session() as session:
            result = search(session, query, limit=args.limit)
            if not result.hits:
                print(result.message or "No articles match.")
                if result.suggestions:
                    print("Did you mean: " + ", ".join(result.suggestions))
            for hit in result.hits:
                print(article_card(hit.article))
    return 0
