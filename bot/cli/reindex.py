"""`newsroom-bot reindex`: recompute language, summary and key figures of stored articles.

Run it after the analysis rules improve. Articles are read and written in batches, one
transaction each, so an interrupted run keeps every finished batch and a rerun simply
redoes the rest; an article whose analysis fails keeps its old values.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass

from tqdm import tqdm

from bot.cli.common import services_from_args
from bot.intelligence.analysis import analyze
from bot.services import Services
from storage.articles import ArticleRepository

log = logging.getLogger(__name__)


@dataclass
class ReindexReport:
    seen: int = 0
    changed: int = 0
    failed: int = 0

    def summary_line(self) -> str:
        failed = f", {self.failed} failed (kept their old analysis)" if self.failed else ""
        return f"reindexed {self.seen} articles: {self.changed} changed{failed}"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reindex",
        help="recompute summaries, key figures and language of all stored articles",
        description="Recompute language, summary and key figures of every stored article "
        "with the current rules. Safe to interrupt and rerun.",
    )
    p.add_argument("--batch-size", type=int, default=200, help="articles per transaction")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_reindex)


def reindex(services: Services, *, batch_size: int = 200, progress: bool = False) -> ReindexReport:
    report = ReindexReport()
    with services.session() as session:
        total = ArticleRepository(session).count()
    bar = tqdm(total=total, unit=" articles", disable=not progress, dynamic_ncols=True)
    last_id = 0
    while True:
        with services.session() as session:
            repo = ArticleRepository(session)
            batch = repo.batch_after(last_id, batch_size)
            for article in batch:
                report.seen += 1
                try:
                    result = analyze(article.title, article.teaser, article.body, article.lang)
                except Exception:  # one bad article must not stop the run
                    log.exception("analysis failed for article %s", article.external_id)
                    report.failed += 1
                    continue
                report.changed += repo.set_analysis(
                    article, lang=result.lang, summary=result.summary, figures=result.figures
                )
        if not batch:
            break
        last_id = batch[-1].id
        bar.update(len(batch))
        bar.set_postfix(changed=report.changed)
    bar.close()
    return report


def cmd_reindex(args: argparse.Namespace) -> int:
    if args.batch_size < 1:
        print("error: --batch-size must be at least 1", file=sys.stderr)
        return 2
    services = services_from_args(args)
    report = reindex(services, batch_size=args.batch_size, progress=not args.quiet)
    print(report.summary_line())
    return 1 if report.failed and report.failed == report.seen else 0
