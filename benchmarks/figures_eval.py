"""Precision, recall and F1 of key figures against the hand-labelled development gold set.

    .venv/bin/python benchmarks/figures_eval.py [--show-misses]

Gold: tests/gold/figures_dev.jsonl (the seed article plus 10kGNAD and BBC articles, every
figure a reader could quote labelled by hand; see docs/benchmarks.md for the rules). The
rules were tuned on it, so `--gold tests/gold/figures_heldout.jsonl` (labelled after the
rules were frozen) is the honest estimate.
A predicted figure matches a gold one when the values agree within 0.5 % and the units
agree after normalization (currency code, %, pp, x, people, any other count, measure unit).
Two views: every figure the extractor finds (extraction quality) and the top 5 shown in
Slack (what users see). Label quality and direction are scored on matched pairs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.ingest.readers import read_location  # noqa: E402
from bot.intelligence.analysis import analyze  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "figures_dev.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT.parent / "shared" / "seeds" / "netflix_eternauta_de.txt"
_MEASURES = {
    "kilometer": "km", "kilometre": "km", "kilometres": "km", "kilometers": "km", "km": "km",
    "tonnen": "t", "tonnes": "t", "tons": "t", "t": "t", "gramm": "g", "grams": "g", "g": "g",
}  # fmt: skip


def unit_class(kind: str, unit: str | None) -> str | None:
    if kind == "count":
        return "people" if unit == "people" else "count"
    if kind == "other" and unit:
        return _MEASURES.get(unit.casefold(), unit.casefold())
    return unit


def same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= max(0.005 * abs(b), 0.01)


def label_ok(predicted: str | None, gold: str | None) -> bool:
    if not gold:
        return True
    if not predicted:
        return False
    p = predicted.casefold()
    for alt in gold.casefold().split("|"):
        if alt in p or p in alt or (len(p) >= 5 and alt[:5] == p[:5]):
            return True
    return False


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    labelled: int = 0
    label_hits: int = 0
    directed: int = 0
    direction_hits: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_articles(gold: Path = GOLD) -> dict[str, tuple[str, str, str, str | None]]:
    """id -> (title, teaser, body, lang) for every article the gold set names."""
    wanted = {json.loads(line)["id"] for line in gold.open(encoding="utf-8")}
    articles: dict[str, tuple[str, str, str, str | None]] = {}
    for name in ("bbc_news_en.jsonl", "gnad_de.jsonl"):
        for line in (CORPUS / name).open(encoding="utf-8"):
            row = json.loads(line)
            if row["id"] in wanted:
                articles[row["id"]] = (
                    row["title"],
                    row.get("teaser", ""),
                    row["body"],
                    row["lang"],
                )
    raw = next(iter(read_location(str(SEED))))
    articles["seed:netflix_eternauta_de"] = (raw.title, raw.teaser, raw.body, raw.lang)  # type: ignore[union-attr]
    return articles


def score(gold: list[dict], predicted: list, tally: Tally, misses: list[str], aid: str) -> None:
    left = list(gold)
    for fig in predicted:
        hit = next(
            (
                g
                for g in left
                if same_value(fig.value, g["value"])
                and unit_class(fig.kind, fig.unit) == unit_class(g["kind"], g["unit"])
            ),
            None,
        )
        if hit is None:
            tally.fp += 1
            misses.append(f"{aid}  extra  {fig.text!r} {fig.value} {fig.unit}")
            continue
        left.remove(hit)
        tally.tp += 1
        tally.labelled += 1
        if label_ok(fig.label, hit["label"]):
            tally.label_hits += 1
        else:
            misses.append(f"{aid}  label  {fig.text!r} {fig.label!r} gold {hit['label']!r}")
        if hit["direction"] or fig.direction:
            tally.directed += 1
            tally.direction_hits += fig.direction == hit["direction"]
            if fig.direction != hit["direction"]:
                misses.append(
                    f"{aid}  dir    {fig.text!r} {fig.direction} gold {hit['direction']}"
                    f"  | {fig.sentence[:150]}"
                )
    tally.fn += len(left)
    misses += [f"{aid}  missed {g['text']!r} {g['value']} {g['unit']}" for g in left]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold JSONL (default: dev set)")
    args = parser.parse_args()
    articles = load_articles(args.gold)
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    shown_tallies: dict[str, Tally] = defaultdict(Tally)
    misses: list[str] = []
    capped: dict[str, int] = defaultdict(int)
    for line in args.gold.open(encoding="utf-8"):
        row = json.loads(line)
        title, teaser, body, lang = articles[row["id"]]
        every = analyze(title, teaser, body, lang, max_figures=100).figures
        for key in (row["lang"], "all"):
            log = misses if key == "all" else []
            score(row["figures"], every, tallies[(key, "every")], log, row["id"])
            # At most 5 are shown, so recall@5 counts against min(5, gold figures).
            shown = shown_tallies[key]
            score(row["figures"], every[:5], shown, [], row["id"])
            capped[key] += min(5, len(row["figures"]))
    print("| set | view | precision | recall | F1 | label ok | direction ok |")
    print("|---|---|---|---|---|---|---|")
    for key in ("de", "en", "all"):
        views = (("every figure", tallies[(key, "every")]), ("top 5 shown", shown_tallies[key]))
        for view, tally in views:
            p, r, f1 = tally.prf()
            if view == "top 5 shown":  # recall@5 against what 5 slots can hold
                r = tally.tp / capped[key] if capped[key] else 1.0
                f1 = 2 * p * r / (p + r) if p + r else 0.0
            rec, f1s = f"{r:.3f}", f"{f1:.3f}"
            label = tally.label_hits / tally.labelled if tally.labelled else 0.0
            direction = tally.direction_hits / tally.directed if tally.directed else 0.0
            print(f"| {key} | {view} | {p:.3f} | {rec} | {f1s} | {label:.3f} | {direction:.3f} |")
    if args.show_misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
