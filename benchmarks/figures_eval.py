"""Key figures against hand-labelled gold: value+unit F1, labels, directions, old levels,
ranking of the lead figures and misreads of years, dates, scores, ages and ranks.

    .venv/bin/python benchmarks/figures_eval.py [--gold tests/gold/figures_dev.jsonl]
        [--show-misses] [--lang de|en]

Gold: tests/gold/figures_dev.jsonl (123 articles, 62 German, 61 English; every figure a
reader could quote labelled by hand, see docs/benchmarks.md for the rules). The rules were
tuned on it, and in the second round also on figures_heldout2.jsonl (after it had been
scored and reported). Each later held-out set (figures_heldout3 … 35.jsonl, 30-150 articles
labelled blind by others, conventions and seeds in figures_heldoutN_README.md) was scored
once after a freeze and then read as development data. Held-out 22 to 24, each scored once
with the rules of its round (docs/benchmarks.md, sixteenth to eighteenth round), are the
current honest estimate; held-out 24's German half comes from the 600 articles every change
is checked on (no unlabelled German article is left), and the final rules were read from
all of them. Held-out 25 and 26 are 100 real German headlines each from german-news (no
bodies: the headline is the whole article); 26 was held out through the nineteenth round
and 27 (150 headlines) was labelled after it, so 26 and 27 are the honest estimate for
German headlines. Held-out 28, 29 and 30 (60 articles each; German halves from the 600
check articles no gold set held, English fresh BBC) were labelled blind in the twentieth
round and scored once each, 28 and 29 after a step of that round, 30 at its end; 31 (60
articles), 32 (120), 33 (60) and 34 (60) were labelled the same way in the twenty-first
round and scored once each, 31 after its first step, 32 and 33 at its end, 34 and 35
(English only) after it (no rule saw them); with held-out 22 to 24 they are the honest
article estimate. 30 German check articles are still unlabelled.
Held-out 29 and 30 were labelled a second time, blind (tests/gold/second/):
benchmarks/figures_agreement.py scores one labelling against the other.

A predicted figure matches a gold one when the values agree within 0.5 % and the units
agree after normalization (currency code, %, pp, x, people, any other count, measure unit);
"-0,25 Prozent" and 0.25 % with direction down are the same value (labellers write both).
Two views: every figure the extractor finds (extraction quality) and the top 5 shown in
Slack (what users see, recall@5 against min(5, gold figures)). On matched pairs: label
(lenient: either contains the other or the first five letters agree), direction (pairs
where either side has one) and old level (`from`, pairs where either side has one).

Articles labelled with the newer conventions also carry
- `lead: true` on the 1-3 figures a reporter quotes first: "lead in top 3" is the share of
  them found among the first three figures shown;
- `not_figures` (text + category): "misread" is the share of shown figures that match no
  gold figure but fall on a not_figure span of a year, date, time, score, age or rank
  ("misread any" counts every category, also durations, ordinals and small counts).
Older gold lists an old level as a figure of its own; there, a predicted figure's `from`
may stand for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.ingest.readers import read_location  # noqa: E402
from bot.intelligence.analysis import analyze  # noqa: E402
from storage.articles import FigureFields  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "figures_dev.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT.parent / "shared" / "seeds" / "netflix_eternauta_de.txt"
SHOWN = 5
LEAD_SLOTS = 3
# The not_figure categories the 2 % target is about.
MISREAD_CATEGORIES = frozenset({"year", "date", "time", "score", "age", "rank"})
# One unit, spelled differently by the gold sets' labellers ("Megapixel" in German,
# "megapixels" in English; "points" in the old held-out set, "Punkte" in the newer ones).
_MEASURES = {
    "kilometer": "km", "kilometre": "km", "kilometres": "km", "kilometers": "km", "km": "km",
    "tonnen": "t", "tonnes": "t", "tons": "t", "t": "t", "gramm": "g", "grams": "g", "g": "g",
    "megapixel": "megapixels", "mp": "megapixels", "pixels": "pixel", "yards": "yd", "yard": "yd",
    "points": "punkte", "megabyte": "mb", "megabytes": "mb", "inches": "zoll",
    "barrels per day": "bpd", "barrels a day": "bpd", "barrel pro tag": "bpd",
    "barrel/tag": "bpd", "fass pro tag": "bpd", "fass/tag": "bpd", "litres": "l", "liter": "l",
    "litres per capita": "l/head", "liter pro kopf": "l/head", "ounces": "oz", "ounce": "oz",
    "mbit/s": "mbps", "gbit/s": "gbps", "kbit/s": "kbps",
}  # fmt: skip

Gold = dict[str, Any]


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


def matches(fig: FigureFields, gold: Gold) -> bool:
    value = fig.value
    if value is not None and "down" in (fig.direction, gold.get("direction")):
        # "-0,25 Prozent": the conventions leave the sign open; some labellers write -0.25,
        # others 0.25 with direction down (held-out 10, 18, 21, 22), as the extractor may.
        value = -value if same_value(-value, gold["value"]) else value
    return same_value(value, gold["value"]) and unit_class(fig.kind, fig.unit) == unit_class(
        gold["kind"], gold["unit"]
    )


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    capped: int = 0  # sum of min(5, gold figures), for recall@5
    labelled: int = 0
    label_hits: int = 0
    directed: int = 0
    direction_hits: int = 0
    started: int = 0  # pairs where gold or prediction has an old level
    from_hits: int = 0
    leads: int = 0
    leads_top: int = 0
    shown: int = 0  # shown figures in articles with not_figures
    misread: int = 0
    misread_any: int = 0
    articles: int = 0
    figures_shown: int = 0

    def prf(self, *, capped: bool = False) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        total = self.capped if capped else self.tp + self.fn
        r = self.tp / total if total else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Row:
    aid: str
    lang: str
    figures: list[Gold]
    not_figures: list[Gold] | None
    old_convention: bool  # old levels are figures of their own
    misses: list[str] = field(default_factory=list)


def load_articles(gold: Path = GOLD) -> dict[str, tuple[str, str, str, str | None]]:
    """id -> (title, teaser, body, lang) for every article the gold set names."""
    wanted = {json.loads(line)["id"] for line in gold.open(encoding="utf-8")}
    articles: dict[str, tuple[str, str, str, str | None]] = {}
    # german-news has headlines only: the title is the whole article (held-out 25, 26).
    for name in ("bbc_news_en.jsonl", "gnad_de.jsonl", "german_news_meta_de.jsonl"):
        for line in (CORPUS / name).open(encoding="utf-8"):
            row = json.loads(line)
            if row["id"] in wanted:
                articles[row["id"]] = (
                    row["title"] or "",
                    row.get("teaser") or "",
                    row["body"] or "",
                    row["lang"],
                )
    raw = next(iter(read_location(str(SEED))))
    articles["seed:netflix_eternauta_de"] = (raw.title, raw.teaser, raw.body, raw.lang)  # type: ignore[union-attr]
    return articles


def load_rows(gold: Path) -> list[Row]:
    raw = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    # A file where no figure has `from` was labelled before old levels were folded in.
    old = not any("from" in f for r in raw for f in r["figures"])
    return [
        Row(r["id"], r["lang"], r["figures"], r.get("not_figures"), old and "not_figures" not in r)
        for r in raw
    ]


def _pair(fig: FigureFields, hit: Gold, tally: Tally, row: Row) -> None:
    """Label, direction and old level of a matched pair."""
    tally.tp += 1
    tally.labelled += 1
    if label_ok(fig.label, hit["label"]):
        tally.label_hits += 1
    else:
        row.misses.append(f"{row.aid}  label  {fig.text!r} {fig.label!r} gold {hit['label']!r}")
    if hit["direction"] or fig.direction:
        tally.directed += 1
        tally.direction_hits += fig.direction == hit["direction"]
        if fig.direction != hit["direction"]:
            row.misses.append(
                f"{row.aid}  dir    {fig.text!r} {fig.direction} gold {hit['direction']}"
                f"  | {fig.sentence[:150]}"
            )
    gold_from = hit.get("from")
    start = _start(fig)
    if (gold_from is not None or start is not None) and not row.old_convention:
        tally.started += 1
        ok = gold_from is not None and same_value(start, gold_from)
        tally.from_hits += ok
        if not ok:
            row.misses.append(
                f"{row.aid}  from   {fig.text!r} {start} gold {gold_from}  | {fig.sentence[:150]}"
            )


def _start(fig: FigureFields) -> float | None:
    """The figure's old level; None also for extractor versions without `from_value` (so an
    older checkout can be scored side by side with this script)."""
    return getattr(fig, "from_value", None)


def score(row: Row, predicted: list[FigureFields], tally: Tally, *, log: bool) -> None:
    """Value+unit matching, then label/direction/from on the matched pairs."""
    left = list(row.figures)
    misses_before = len(row.misses)
    for fig in predicted:
        hit = next((g for g in left if matches(fig, g)), None)
        if hit is None:
            tally.fp += 1
            row.misses.append(f"{row.aid}  extra  {fig.text!r} {fig.value} {fig.unit}")
            continue
        left.remove(hit)
        _pair(fig, hit, tally, row)
    if row.old_convention:  # "from $639m": the old level the older gold lists apart
        for fig in predicted:
            if _start(fig) is None:
                continue
            old = FigureFields(fig.text, _start(fig), fig.unit, fig.kind)
            if hit := next((g for g in left if matches(old, g)), None):
                left.remove(hit)
                tally.tp += 1
    tally.fn += len(left)
    tally.capped += min(SHOWN, len(row.figures))
    row.misses += [f"{row.aid}  missed {g['text']!r} {g['value']} {g['unit']}" for g in left]
    if not log:
        del row.misses[misses_before:]


def score_shown(row: Row, shown: list[FigureFields], tally: Tally, *, log: bool) -> None:
    """Lead figures among the first three, misreads among the five shown."""
    misses = row.misses if log else []
    tally.articles += 1
    tally.figures_shown += len(shown)
    leads = [g for g in row.figures if g.get("lead")]
    top = list(shown[:LEAD_SLOTS])
    for g in leads:
        tally.leads += 1
        if found := next((f for f in top if matches(f, g)), None):
            top.remove(found)
            tally.leads_top += 1
        else:
            misses.append(f"{row.aid}  lead   {g['text']!r} not in top {LEAD_SLOTS}")
    if row.not_figures is None:
        return
    left = list(row.figures)
    for fig in shown:
        tally.shown += 1
        if hit := next((g for g in left if matches(fig, g)), None):
            left.remove(hit)
            continue
        categories = {n["category"] for n in row.not_figures if _overlaps(fig, n["text"])}
        if categories:
            tally.misread_any += 1
            if categories & MISREAD_CATEGORIES:
                tally.misread += 1
                misses.append(f"{row.aid}  misread {fig.text!r} as {sorted(categories)}")


def _overlaps(fig: FigureFields, span: str) -> bool:
    """The shown text and a not_figure span are the same words ("2005", "acht Jahren")."""
    a, b = fig.text.casefold(), span.casefold()
    return (a in b or b in a) and b in fig.sentence.casefold() + " " + a


def evaluate(
    rows: list[Row], articles: dict[str, tuple[str, str, str, str | None]]
) -> dict[tuple[str, str], Tally]:
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for row in rows:
        title, teaser, body, lang = articles[row.aid]
        every = analyze(title, teaser, body, lang, max_figures=100).figures
        for key in (row.lang, "all"):
            score(row, every, tallies[(key, "every")], log=key == "all")
            score(row, every[:SHOWN], tallies[(key, "shown")], log=False)
            score_shown(row, every[:SHOWN], tallies[(key, "shown")], log=key == "all")
    return tallies


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "—"


def print_tables(tallies: dict[tuple[str, str], Tally], langs: tuple[str, ...]) -> None:
    print("| set | view | precision | recall | F1 | label ok | direction ok | from ok |")
    print("|---|---|---|---|---|---|---|---|")
    for key in langs:
        for view, name in (("every", "every figure"), ("shown", "top 5 shown")):
            t = tallies[(key, view)]
            p, r, f1 = t.prf(capped=view == "shown")
            print(
                f"| {key} | {name} | {p:.3f} | {r:.3f} | {f1:.3f} | "
                f"{_ratio(t.label_hits, t.labelled)} | {_ratio(t.direction_hits, t.directed)} | "
                f"{_ratio(t.from_hits, t.started)} |"
            )
    print()
    print("| set | lead in top 3 | misread (year/date/time/score/age/rank) | misread any "
          "| figures shown per article |")  # fmt: skip
    print("|---|---|---|---|---|")
    for key in langs:
        t = tallies[(key, "shown")]
        print(
            f"| {key} | {_ratio(t.leads_top, t.leads)} ({t.leads_top}/{t.leads}) | "
            f"{_ratio(t.misread, t.shown)} ({t.misread}/{t.shown}) | "
            f"{_ratio(t.misread_any, t.shown)} | {_ratio(t.figures_shown, t.articles)} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold JSONL (default: dev set)")
    parser.add_argument("--lang", choices=("de", "en"), help="only articles in this language")
    args = parser.parse_args()
    rows = [r for r in load_rows(args.gold) if args.lang in (None, r.lang)]
    tallies = evaluate(rows, load_articles(args.gold))
    langs = ("de", "en", "all") if args.lang is None else (args.lang,)
    print_tables(tallies, langs)
    if args.show_misses:
        print("\n".join(m for row in rows for m in row.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
