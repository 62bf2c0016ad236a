"""`newsroom-bot search "QUERY"` and `search --batch FILE`: lookup for scripts and people.

``--batch`` answers one query per input line with one JSON line per query, in order, in a
single process: the index is built once and shared by every query of the batch. Between
runs the index is kept as a snapshot in the user cache dir (``NEWSROOM_CACHE_DIR``
setting overrides it), so a one-off search does not rebuild it (see ``bot.lookup.snapshot``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any, TextIO

from bot.cli.common import print_json, services_from_args
from bot.lookup import SearchResult, search
from bot.lookup.live import enable_snapshots
from bot.services import Services

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    p = sub.add_parser(
        "search",
        help="find articles (typos, umlauts, filters like since:7d lang:de)",
        description="Ranked article search. Filters go into the query: since:7d, lang:de, "
        "section:Wirtschaft, source:bbc (see docs/lookup.md).",
    )
    p.add_argument("query", nargs="?", help="the query; omit it when using --batch")
    p.add_argument("--batch", metavar="FILE", help="one query per line ('-' for stdin)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--limit", type=int, default=5, help="results per query (default 5)")
    p.add_argument("--offset", type=int, default=0, help="skip this many results")
    p.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    if (args.query is None) == (args.batch is None):
        print(
            'error: give either a QUERY or --batch FILE, e.g. search "netflix ki"', file=sys.stderr
        )
        return 2
    if args.limit < 1:
        print("error: --limit must be at least 1", file=sys.stderr)
        return 2
    services = services_from_args(args)
    enable_snapshots(services.engine, Path(services.settings.cache_dir))
    try:
        if args.batch is not None:
            return _run_batch(services, args)
        with services.session() as session:
            result = search(session, args.query, limit=args.limit, offset=args.offset)
            if args.json:
                print_json(result_to_dict(result))
            else:
                _print_text(result)
        return 0
    finally:
        services.close()


def _run_batch(services: Services, args: argparse.Namespace) -> int:
    """One answer per line, in order; a line that fails gets an error answer of its own
    (``{"query", "line", "error"}`` in JSON) and the batch goes on. Exit 1 if any failed."""
    try:
        stream: TextIO = (
            sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8", errors="replace")  # noqa: SIM115
        )  # closed by the with-block below
    except OSError as exc:
        print(f"error: cannot read {args.batch}: {exc.strerror}", file=sys.stderr)
        return 2
    failed = 0
    with stream, services.session() as session:
        for lineno, line in enumerate(stream, start=1):
            query = line.rstrip("\r\n")
            try:
                result = search(session, query, limit=args.limit, offset=args.offset)
            except Exception as exc:  # one bad line must not cost the answers after it
                log.debug("search --batch line %d failed", lineno, exc_info=True)  # -v shows it
                session.rollback()
                failed += 1
                _print_failure(query, lineno, exc, as_json=args.json)
                continue
            if args.json:
                sys.stdout.write(json.dumps(result_to_dict(result), ensure_ascii=False) + "\n")
            else:
                _print_text(result)
            sys.stdout.flush()
    return 1 if failed else 0


def _print_failure(query: str, lineno: int, exc: Exception, *, as_json: bool) -> None:
    error = f"could not answer this query ({exc.__class__.__name__}: {exc})"
    if as_json:
        answer = {"query": query, "line": lineno, "error": error, "hits": []}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    else:
        print(f"» {query}\n  line {lineno}: {error}")
    print(f"error: line {lineno}: {error}", file=sys.stderr)
    sys.stdout.flush()


def result_to_dict(result: SearchResult) -> dict[str, Any]:
    return {
        "query": result.query,
        "message": result.message,
        "suggestions": result.suggestions,
        "hits": [
            {
                "external_id": hit.article.external_id,
                "title": hit.article.title,
                "url": hit.article.canonical_url,
                "score": round(hit.score, 4),
                "published_at": hit.article.published_at.isoformat()
                if hit.article.published_at
                else None,
                "lang": hit.article.lang,
                "section": hit.article.section,
                "source": hit.article.source,
                "why": hit.why,
            }
            for hit in result.hits
        ],
    }


def _print_text(result: SearchResult) -> None:
    print(f"» {result.query}")
    if result.message:
        print(f"  {result.message}")
    for suggestion in result.suggestions:
        print(f"  did you mean: {suggestion}")
    for rank, hit in enumerate(result.hits, 1):
        article = hit.article
        title = article.title or (article.teaser or article.body)[:80] or "(untitled)"
        print(f"{rank:>3}. {title}  [{hit.score:.3f}]")
        meta = " · ".join(
            p for p in (article.external_id, article.source, article.section, article.lang) if p
        )
        print(f"     {meta}")
        if hit.why:
            print(f"     why: {'; '.join(hit.why)}")
        if article.canonical_url:
            print(f"     {article.canonical_url}")
