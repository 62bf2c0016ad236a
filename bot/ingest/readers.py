"""Readers that turn files, pages and feeds into raw articles, one format each.

Readers never raise for one bad row: they yield a :class:`Rejected` with the row's line
number or URL, so a bulk import keeps every valid row and reports the rest.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
import trafilatura
from lxml import html as lxml_html

from bot.ingest import boilerplate
from bot.ingest.canonical import canonical_url, clean_text, parse_datetime
from bot.ingest.fetch import fetch

ALREADY_STORED = "already stored"
log = logging.getLogger(__name__)


@dataclass
class RawArticle:
    title: str = ""
    body: str = ""
    teaser: str = ""
    url: str | None = None
    external_id: str | None = None
    published_at: datetime | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    lang: str | None = None
    source: str | None = None
    origin: str = ""


@dataclass
class Rejected:
    origin: str
    reason: str

    @property
    def is_harmless(self) -> bool:
        """Nothing was wrong with it; it just brought nothing new."""
        return self.reason.startswith("duplicate of") or self.reason == ALREADY_STORED


Item = RawArticle | Rejected

_ALIASES: dict[str, tuple[str, ...]] = {
    "external_id": ("id", "external_id", "guid", "article_id"),
    "title": ("title", "headline", "name"),
    "body": ("body", "text", "content", "article", "maintext"),
    "teaser": ("teaser", "lead", "description", "summary", "abstract", "standfirst"),
    "url": ("url", "link", "canonical_url", "href"),
    "published_at": ("published_at", "date", "published", "pubdate", "datetime", "time"),
    "section": ("section", "category", "ressort", "rubrik"),
    "tags": ("tags", "keywords", "topics"),
    "authors": ("authors", "author", "byline"),
    "lang": ("lang", "language"),
    "source": ("source", "outlet", "publisher", "site"),
}
FORMATS = ("jsonl", "json", "csv", "text", "html", "feed")
_EXT_FORMAT = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv",
    ".txt": "text", ".md": "text", ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
}  # fmt: skip


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in re.split(r"[,;|]", value) if v.strip()]
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return [str(value)]


def from_mapping(row: dict[str, Any], origin: str) -> Item:
    """Map a JSON object or CSV row onto an article, accepting common field names."""
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}

    def pick(name: str) -> Any:
        for alias in _ALIASES[name]:
            value = lowered.get(alias)
            if value not in (None, ""):
                return value
        return None

    title, body = clean_text(_str(pick("title"))), clean_text(_str(pick("body")))
    teaser = clean_text(_str(pick("teaser")))
    if not (title or body or teaser):
        return Rejected(origin, "no title, teaser or body")
    raw_date = pick("published_at")
    published = parse_datetime(raw_date)
    if raw_date and published is None:
        return Rejected(origin, f"unreadable date {str(raw_date)[:40]!r}")
    ext = pick("external_id")
    return RawArticle(
        title=title,
        body=boilerplate.strip_boilerplate(body, title=title, teaser=teaser),
        teaser=teaser,
        url=_str(pick("url")) or None,
        external_id=str(ext).strip() if ext not in (None, "") else None,
        published_at=published,
        section=_str(pick("section")) or None,
        tags=_as_list(pick("tags")),
        authors=_as_list(pick("authors")),
        lang=(_str(pick("lang")) or None),
        source=_str(pick("source")) or None,
        origin=origin,
    )


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def read_jsonl(text: str, name: str) -> Iterator[Item]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{name}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(origin, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(row, dict):
            yield Rejected(origin, "expected a JSON object per line")
            continue
        yield from_mapping(row, origin)


def read_json(text: str, name: str) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejected(f"{name}:{exc.lineno}", f"invalid JSON ({exc.msg})")
        return
    if isinstance(data, dict):
        data = data.get("articles") or data.get("items") or [data]
    if not isinstance(data, list):
        yield Rejected(name, "expected a JSON array of article objects")
        return
    for index, row in enumerate(data):
        origin = f"{name}[{index}]"
        if isinstance(row, dict):
            yield from_mapping(row, origin)
        else:
            yield Rejected(origin, "expected an object")


def read_csv(text: str, name: str) -> Iterator[Item]:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not reader.fieldnames:
        yield Rejected(name, "CSV has no header row")
        return
    for row in reader:
        origin = f"{name}:{reader.line_num}"
        if None in row:
            yield Rejected(origin, f"{len(row[None])} more fields than the header has")
            continue
        yield from_mapping(row, origin)


def read_text(text: str, name: str) -> Iterator[Item]:
    """A plain-text article as scraped: headline first, then kicker, teaser, dateline, body."""
    parsed = boilerplate.parse_scraped_text(text)
    if not (parsed.title or parsed.body):
        yield Rejected(name, "empty text file")
        return
    yield RawArticle(
        title=parsed.title,
        teaser=parsed.teaser,
        body=parsed.body,
        section=parsed.section,
        published_at=parsed.published_at,
        origin=name,
    )


def read_html(page: str | bytes, name: str, url: str | None = None) -> Iterator[Item]:
    doc = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )  # fmt: skip
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict()
    if not doc or not (doc.get("text") or "").strip():
        yield Rejected(name, "no article text found in the page")
        return
    title = clean_text(doc.get("title") or "")
    lines = [ln for ln in (doc.get("text") or "").split("\n") if ln.strip()]
    if lines and lines[0].strip() == title:
        lines = lines[1:]
    teaser = clean_text(doc.get("description") or "")
    body = boilerplate.strip_boilerplate("\n\n".join(lines), title=title, teaser=teaser)
    yield RawArticle(
        title=title,
        teaser=teaser,
        body=body,
        url=_canonical_link(page) or url or doc.get("url"),
        published_at=parse_datetime(doc.get("date")),
        section=(doc.get("categories") or [None])[0],
        tags=_as_list(doc.get("tags")),
        authors=_as_list((doc.get("author") or "").replace(";", ",")),
        lang=doc.get("language"),
        source=doc.get("sitename") or doc.get("hostname"),
        origin=name,
    )


def _canonical_link(page: str | bytes) -> str | None:
    try:
        tree = lxml_html.fromstring(page if isinstance(page, bytes) else page.encode("utf-8"))
    except (ValueError, lxml_html.etree.ParserError):
        return None
    hrefs = tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    return str(hrefs[0]).strip() if hrefs else None


def read_feed(
    parsed: Any, name: str, fetch_pages: bool = True, known: Container[str] = ()
) -> Iterator[Item]:
    """Items of a parsed feed; an item without text gets its linked page fetched.

    Items whose URL or id is in ``known`` are skipped without fetching anything: a
    changed feed re-lists its older items, and their full text is already stored.
    """
    if parsed.get("bozo") and not parsed.get("entries"):
        reason = str(parsed.get("bozo_exception") or "not a feed")
        yield Rejected(name, f"unreadable feed: {reason[:200]}")
        return
    source = parsed.get("feed", {}).get("title")
    for index, entry in enumerate(parsed.get("entries", [])):
        origin = entry.get("link") or f"{name}#{index}"
        if canonical_url(entry.get("link")) in known or entry.get("id") in known:
            yield Rejected(origin, ALREADY_STORED)
            continue
        yield _feed_entry(entry, origin, source, fetch_pages)


def _feed_entry(entry: Any, origin: str, source: str | None, fetch_pages: bool) -> Item:
    """The linked page when the feed only has a teaser; the feed's own text if the page
    cannot be read, so a publisher's outage never costs the item itself."""
    own = _entry_article(entry, origin, source)
    link = entry.get("link")
    if len(own.body) < 400 and link and fetch_pages:
        page = _linked_page(link)
        if isinstance(page, RawArticle):
            page.title = own.title or page.title
            page.external_id = own.external_id
            page.published_at = own.published_at or page.published_at
            page.source = page.source or source
            page.tags = page.tags or own.tags
            return page
        log.warning("%s: %s; storing the feed's own text", link, page.reason)
    if own.title or own.body:
        return own
    return Rejected(origin, "feed item has no title or text")


def _linked_page(link: str) -> Item:
    try:
        page = fetch(link)
    except OSError as exc:
        return Rejected(link, f"could not fetch linked page: {exc}")
    return next(iter(read_html(page, link, url=link)))


def _entry_article(entry: Any, origin: str, source: str | None) -> RawArticle:
    content = " ".join(c.get("value", "") for c in entry.get("content", []) or [])
    summary_html = entry.get("summary", "") or ""
    title = clean_text(entry.get("title", ""))
    teaser = _html_to_text(summary_html) if content else ""
    body = _html_to_text(content) if content else _html_to_text(summary_html)
    return RawArticle(
        title=title,
        teaser=teaser,
        body=boilerplate.strip_boilerplate(body, title=title, teaser=teaser),
        url=entry.get("link"),
        external_id=entry.get("id") or None,
        published_at=_entry_date(entry),
        tags=[t.get("term", "") for t in entry.get("tags", []) or [] if t.get("term")],
        authors=_as_list(entry.get("author")),
        source=source,
        origin=origin,
    )


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published", "updated", "created"):
        if entry.get(key):
            return parse_datetime(entry[key])
    return None


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return clean_text(fragment)
    try:
        tree = lxml_html.fromstring(f"<div>{fragment}</div>")
    except (ValueError, lxml_html.etree.ParserError):
        return clean_text(fragment)
    blocks = [b.text_content() for b in tree.xpath("//p|//li|//h2|//h3|//blockquote")]
    return clean_text("\n\n".join(blocks) if blocks else tree.text_content())


def detect_format(name: str, head: bytes) -> str:
    ext = Path(name.split("?")[0]).suffix.lower()
    if ext in _EXT_FORMAT:
        return _EXT_FORMAT[ext]
    start = head.lstrip()[:300].lower()
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return "html"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def read_bytes(data: bytes, name: str, fmt: str, url: str | None = None) -> Iterator[Item]:
    if fmt == "feed":
        yield from read_feed(feedparser.parse(data), name)
        return
    if fmt == "html":
        yield from read_html(data, name, url=url)
        return
    text = data.decode("utf-8-sig", errors="replace")
    reader = {"jsonl": read_jsonl, "json": read_json, "csv": read_csv, "text": read_text}[fmt]
    yield from reader(text, name)


def read_location(location: str, fmt: str | None = None) -> Iterator[Item]:
    """Read a file path or an http(s) URL in any supported format."""
    if re.match(r"^https?://", location):
        try:
            data = fetch(location)
        except OSError as exc:
            yield Rejected(location, f"could not fetch: {exc}")
            return
        yield from read_bytes(data, location, fmt or detect_format(location, data), url=location)
        return
    path = Path(location)
    if not path.is_file():
        yield Rejected(location, "no such file")
        return
    data = path.read_bytes()
    yield from read_bytes(data, path.name, fmt or detect_format(path.name, data[:512]))


def read_all(locations: Iterable[str], fmt: str | None = None) -> Iterator[Item]:
    for location in locations:
        yield from read_location(location, fmt)
