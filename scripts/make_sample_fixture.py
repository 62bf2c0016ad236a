"""Rebuild bot/data/sample_articles.jsonl, the small bundled set `make demo` runs on.

The Netflix/Eternaut seed goes through the same plain-text reader a user's import would
(so the glued-on teaser of another story is already gone); a handful of corpus articles
in both languages are copied as they are. Run from the project root:

    .venv/bin/python scripts/make_sample_fixture.py
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.ingest.readers import RawArticle, read_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bot" / "data" / "sample_articles.jsonl"
PICK = {
    "bbc_news_en.jsonl": ["bbc-business-001", "bbc-business-010", "bbc-tech-001", "bbc-sport-001"],
    "gnad_de.jsonl": ["gnad-0000", "gnad-0022", "gnad-0038"],
    "german_news_meta_de.jsonl": ["gn-00001", "gn-00002"],
}


def seed_row() -> dict[str, object]:
    text = (SHARED / "seeds" / "netflix_eternauta_de.txt").read_text(encoding="utf-8")
    (item,) = list(read_text(text, "netflix_eternauta_de.txt"))
    assert isinstance(item, RawArticle)
    return {
        "id": "seed-netflix-eternauta",
        "title": item.title,
        "teaser": item.teaser,
        "body": item.body,
        "url": None,
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "section": item.section,
        "tags": ["Netflix", "KI", "Streaming"],
        "authors": [],
        "lang": "de",
        "source": "seed",
    }


def main() -> None:
    rows = [seed_row()]
    for name, ids in PICK.items():
        wanted = set(ids)
        with (SHARED / "corpus" / name).open(encoding="utf-8") as fh:
            rows.extend(r for r in map(json.loads, fh) if r["id"] in wanted)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} articles to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
