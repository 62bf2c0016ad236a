"""ROUGE-1/2/L of our summaries against references, next to the Lead-3 baseline.

English: the human-picked extractive summaries of the BBC News Summary set (dev split).
German: the teasers of 10kGNAD (derStandard.at); the body is summarized without its teaser.

    .venv/bin/python benchmarks/summary_eval.py [--limit N] [--methods lead3,lead+textrank]
        [--half even|odd]

`--half even` scores only even-indexed articles (the tuning half), `--half odd` the others
(the check half), so a tuned mix can be checked on articles it was not tuned on.

Needs the `bench` extra (rouge-score). rouge-score's own tokenizer drops every non-ASCII
letter, which shreds German words, so German is scored with a Unicode word tokenizer
(lowercased, no stemming); English uses rouge-score's standard Porter-stemmed setup.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from rouge_score import rouge_scorer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.intelligence.summary import METHODS, summarize  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
TYPES = ["rouge1", "rouge2", "rougeL"]


class UnicodeTokenizer:
    """Lowercased Unicode words: `Flüchtlinge` stays one token."""

    def tokenize(self, text: str) -> list[str]:
        return re.findall(r"[^\W_]+", text.casefold())


def english_pairs(limit: int) -> Iterator[tuple[str, str, str]]:
    refs = {}
    for line in (CORPUS / "bbc_reference_summaries_dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        refs[row["id"]] = row["reference_summary"]
    n = 0
    for line in (CORPUS / "bbc_news_en.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] in refs and n < limit:
            n += 1
            yield row["title"], row["body"], refs[row["id"]]


def german_pairs(limit: int) -> Iterator[tuple[str, str, str]]:
    n = 0
    for line in (CORPUS / "gnad_de.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("teaser") and row.get("body") and n < limit:
            n += 1
            yield row.get("title") or "", row["body"], row["teaser"]


def evaluate(pairs: list[tuple[str, str, str]], lang: str, methods: list[str]) -> dict:
    if lang == "en":
        scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    else:
        scorer = rouge_scorer.RougeScorer(TYPES, tokenizer=UnicodeTokenizer())
    results = {}
    for method in methods:
        f1: dict[str, list[float]] = {t: [] for t in TYPES}
        lengths, start = [], time.perf_counter()
        for title, body, reference in pairs:
            summary = summarize(body, lang, title=title, method=method)
            lengths.append(len(summary))
            for t, score in scorer.score(reference, summary).items():
                f1[t].append(score.fmeasure)
        results[method] = {
            **{t: round(statistics.mean(v), 4) for t, v in f1.items()},
            "chars": round(statistics.mean(lengths)),
            "ms": round((time.perf_counter() - start) / len(pairs) * 1000, 2),
        }
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=2000, help="articles per language")
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--half", choices=("even", "odd"), help="only every other article")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    methods = args.methods.split(",")
    english, german = list(english_pairs(args.limit)), list(german_pairs(args.limit))
    if args.half:
        start = 0 if args.half == "even" else 1
        english, german = english[start::2], german[start::2]
    report = {
        "en (BBC reference summaries)": evaluate(english, "en", methods),
        "de (10kGNAD teasers)": evaluate(german, "de", methods),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for name, rows in report.items():
        print(f"\n{name}\n| method | ROUGE-1 F | ROUGE-2 F | ROUGE-L F | avg chars | ms/article |")
        print("|---|---|---|---|---|---|")
        for method, r in rows.items():
            print(f"| {method} | {r['rouge1']:.4f} | {r['rouge2']:.4f} | {r['rougeL']:.4f} "
                  f"| {r['chars']} | {r['ms']} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
