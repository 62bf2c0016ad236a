"""How strict is the alert relevance threshold? Measured on the lookup dev queries.

    .venv/bin/python -m benchmarks.alert_threshold_eval --db sqlite:////tmp/corpus.db

The database holds the corpus (``newsroom-bot ingest ../shared/corpus/*.jsonl
--no-analysis``). For each of the 600 dev queries (``benchmarks/lookup_dev_queries.jsonl``:
typed with typos, partial words, umlaut spellings …, and their clean form) the top 10 hits
are read and, for each threshold, counted:

* **kept**: the query's right article is in the top 10 and passes (an alert would post it);
* **noise**: the other top-10 hits that pass (an alert would post them too).

The share of query words matched is read from each hit's ``why`` exactly as
``bot.digest.relevance.is_match`` does.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot import lookup
from bot.config import Settings
from bot.digest.relevance import MIN_WORD_SHARE, matched_words, query_words
from bot.services import Services

QUERIES = Path(__file__).resolve().parent / "lookup_dev_queries.jsonl"
THRESHOLDS = (0.0, 0.5, MIN_WORD_SHARE, 0.75, 1.0)


def share(hit: lookup.Hit, words: list[str]) -> float:
    return len(matched_words(hit) & set(words)) / len(words) if words else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--field", choices=("query", "clean"), default="clean")
    args = parser.parse_args()
    queries = [json.loads(line) for line in QUERIES.read_text().splitlines() if line.strip()]
    services = Services.from_settings(Settings(database_url=args.db), upgrade=False)
    kept = dict.fromkeys(THRESHOLDS, 0)
    noise = dict.fromkeys(THRESHOLDS, 0)
    found = others = 0
    with services.session() as session:
        for item in queries:
            text = item.get(args.field) or item["query"]
            words = query_words(text)
            hits = lookup.search(session, text, limit=10).hits
            for hit in hits:
                right = hit.article.external_id == item["expected"]
                found += right
                others += not right
                for threshold in THRESHOLDS:
                    if share(hit, words) >= threshold - 1e-9:
                        if right:
                            kept[threshold] += 1
                        else:
                            noise[threshold] += 1
    print(f"{len(queries)} dev queries ({args.field}); right article in the top 10: {found}")
    print("\n| min share of query words | right article kept | other top-10 hits passing |")
    print("|---:|---:|---:|")
    for threshold in THRESHOLDS:
        mark = " (in use)" if threshold == MIN_WORD_SHARE else ""
        print(f"| {threshold:.2f}{mark} | {kept[threshold] / max(1, found):.1%} "
              f"| {noise[threshold] / max(1, others):.1%} |")  # fmt: skip
    services.close()


if __name__ == "__main__":
    main()
