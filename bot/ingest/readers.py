"""Readers that turn files, pages and feeds into raw articles, one format each.

Readers never raise for one bad row: they yield a :class:`Rejected` with the row's line
number or URL, so a bulk import keeps every valid row and reports the rest. Files are
read as streams (``bot.ingest.textio``), so memory does not grow with the file; URLs go
through ``bot.ingest.fetch`` under the caller's :class:`FetchPolicy`, and links found
inside a feed always under its untrusted (public addresses only) form.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import time
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urljoin, urlsplit

import feedparser
import trafilatura
from lxml import html as lxml_html

from bot.ingest import boilerplate, textio
from bot.ingest.canonical import (
    DateError,
    canonical_url,
    clean_text,
    parse_datetime,
    read_datetime,
    strip_controls,
)
from bot.ingest.fetch import (
    ALL_KINDS,
    PAGE_KINDS,
    Fetched,
    FetchError,
    FetchPolicy,
    Kind,
    fetch,
)

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


# The storage column holds 200 characters; a longer id is an error, not something to cut
# (two ids sharing their first 200 characters would overwrite each other).
MAX_ID_CHARS = 200


class RowError(ValueError):
    """One row cannot become an article; the message says which field and why."""


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [_plain(v) for v in re.split(r"[,;|]", value) if _plain(v)]
    if isinstance(value, list | tuple):
        return [_plain(str(v)) for v in value if v is not None and _plain(str(v))]
    return [_plain(str(value))]


def _plain(value: str) -> str:
    return strip_controls(value).strip()  # PostgreSQL refuses NUL in text


def _kind_of(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, bool):
        return "true/false"
    return type(value).__name__


def _text(name: str, value: Any) -> str:
    """A text field; numbers are taken as their digits, lists and objects are errors."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise RowError(f"`{name}` is {_kind_of(value)}, expected text")


def _url(name: str, value: Any) -> str | None:
    url = _plain(_text(name, value))
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    if not parts.scheme:
        raise RowError(f"`{name}` is a relative link {url[:60]!r}; give the full https://… URL")
    raise RowError(f"`{name}` is not an http(s) URL: {url[:60]!r}")


def _external_id(name: str, value: Any) -> str | None:
    ext = _plain(_text(name, value))
    if len(ext) > MAX_ID_CHARS:
        raise RowError(f"`{name}` is {len(ext)} characters long, at most {MAX_ID_CHARS}")
    return ext or None


def from_mapping(row: dict[str, Any], origin: str) -> Item:
    """Map a JSON object or CSV row onto an article, accepting common field names."""
    try:
        return _from_mapping(row, origin)
    except (RowError, DateError) as exc:
        return Rejected(origin, str(exc))


def _from_mapping(row: dict[str, Any], origin: str) -> Item:
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}

    def pick(name: str) -> tuple[str, Any]:
        for alias in _ALIASES[name]:
            value = lowered.get(alias)
            if value not in (None, ""):
                return alias, value
        return _ALIASES[name][0], None

    title, body = clean_text(_text(*pick("title"))), clean_text(_text(*pick("body")))
    teaser = clean_text(_text(*pick("teaser")))
    if not (title or body or teaser):
        return Rejected(origin, "no title, teaser or body")
    return RawArticle(
        title=title,
        body=boilerplate.strip_boilerplate(body, title=title, teaser=teaser),
        teaser=teaser,
        url=_url(*pick("url")),
        external_id=_external_id(*pick("external_id")),
        published_at=read_datetime(pick("published_at")[1]),
        section=_plain(_text(*pick("section"))) or None,
        tags=_as_list(pick("tags")[1]),
        authors=_as_list(pick("authors")[1]),
        lang=_plain(_text(*pick("lang"))) or None,
        source=_plain(_text(*pick("source"))) or None,
        origin=origin,
    )


def read_jsonl(text: str | TextIO, name: str) -> Iterator[Item]:
    for line in textio.lines(textio.as_stream(text)):
        origin = f"{name}:{line.number}"
        if line.text is None:
            yield Rejected(origin, f"line longer than {textio.MAX_ROW_CHARS // 2**20} MB")
            continue
        if not line.text.strip():
            continue
        try:
            row = json.loads(line.text)
        except json.JSONDecodeError as exc:
            yield Rejected(origin, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(row, dict):
            yield Rejected(origin, "expected a JSON object per line")
            continue
        yield from_mapping(row, origin)


def read_json(text: str | TextIO, name: str) -> Iterator[Item]:
    """A JSON array of articles (streamed item by item), or an object holding one
    (``{"articles": [...]}`` or ``{"items": [...]}``) or being one."""
    for item in textio.json_array_items(textio.as_stream(text)):
        origin = f"{name}:{item.number} [item {item.index}]"
        if item.error is not None:
            yield Rejected(origin, item.error)
            return
        if isinstance(item.value, dict) and item.index == 0 and _is_wrapper(item.value):
            rows = item.value.get("articles") or item.value.get("items") or []
            for index, row in enumerate(rows):
                yield _json_row(row, f"{name} [item {index}]")
            return
        yield _json_row(item.value, origin)


def _is_wrapper(value: dict[str, Any]) -> bool:
    return isinstance(value.get("articles") or value.get("items"), list)


def _json_row(row: object, origin: str) -> Item:
    return (
        from_mapping(row, origin)
        if isinstance(row, dict)
        else Rejected(origin, f"expected an object, got {_kind_of(row)}")
    )


def read_csv(text: str | TextIO, name: str) -> Iterator[Item]:
    stream = textio.as_stream(text)
    head = stream.read(4096)
    stream.seek(0)
    rows = textio.csv_rows(stream, _dialect(head))
    header = next(rows, None)
    if header is None or not header.values:
        yield Rejected(name, "CSV has no header row")
        return
    fields = [h.strip() for h in header.values]
    for row in rows:
        origin = f"{name}:{row.number}"
        if row.values is None:
            yield Rejected(origin, row.error or "malformed CSV")
        elif len(row.values) > len(fields):
            yield Rejected(
                origin, f"{len(row.values) - len(fields)} more fields than the header has"
            )
        elif any(v.strip() for v in row.values):
            yield from_mapping(dict(zip(fields, row.values, strict=False)), origin)


def _dialect(head: str) -> type[csv.Dialect]:
    """Excel's CSV with the sniffed delimiter and quote character. Doubled quotes are
    always read as one quote (RFC 4180): the sniffer says "no" whenever its sample has
    none, and then an unclosed quote would swallow the following rows silently."""
    try:
        sniffed = csv.Sniffer().sniff(head, ",;\t")
    except csv.Error:
        return csv.excel

    class Sniffed(csv.excel):
        delimiter = sniffed.delimiter
        quotechar = sniffed.quotechar or '"'

    return Sniffed


def read_text(text: str | TextIO, name: str) -> Iterator[Item]:
    """A plain-text article as scraped: headline first, then kicker, teaser, dateline, body."""
    content = textio.as_stream(text).read(textio.MAX_ROW_CHARS + 1)
    if len(content) > textio.MAX_ROW_CHARS:
        yield Rejected(name, f"over {textio.MAX_ROW_CHARS // 2**20} MB: not one article")
        return
    parsed = boilerplate.parse_scraped_text(content)
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
        url=_absolute(_canonical_link(page), url) or url or _absolute(doc.get("url"), None),
        published_at=parse_datetime(doc.get("date")),
        section=(doc.get("categories") or [None])[0],
        tags=_as_list(doc.get("tags")),
        authors=_as_list((doc.get("author") or "").replace(";", ",")),
        lang=doc.get("language"),
        source=doc.get("sitename") or doc.get("hostname"),
        origin=name,
    )


def _absolute(link: str | None, base: str | None) -> str | None:
    """``link`` made absolute against ``base``; None unless it is an http(s) URL."""
    if not link or not link.strip():
        return None
    resolved = urljoin(base, link.strip()) if base else link.strip()
    parts = urlsplit(resolved)
    return resolved if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _canonical_link(page: str | bytes) -> str | None:
    try:
        tree = lxml_html.fromstring(page if isinstance(page, bytes) else page.encode("utf-8"))
    except (ValueError, lxml_html.etree.ParserError):
        return None
    hrefs = tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    return str(hrefs[0]).strip() if hrefs else None


# One feed's linked pages may take this long in all; items after that keep the feed's own
# text, so a feed of fifty slow pages holds its reader for minutes, not fifty deadlines.
FEED_PAGES_BUDGET_SECONDS = 120.0


def item_link(entry: Any, base_url: str | None) -> str | None:
    """A feed item's link resolved against the feed's URL; None (with a warning) for
    anything but http(s): a feed must not make us open ``file://`` or ``javascript:``."""
    raw = (entry.get("link") or "").strip()
    if not raw:
        return None
    link = _absolute(raw, base_url)
    if link is None:
        log.warning("feed %s: ignoring item link %r (not an http(s) URL)", base_url, raw[:80])
    return link


def read_feed(
    parsed: Any,
    name: str,
    fetch_pages: bool = True,
    known: Container[str] = (),
    *,
    base_url: str | None = None,
    link_policy: FetchPolicy | None = None,
    pages_until: float | None = None,
) -> Iterator[Item]:
    """Items of a parsed feed; an item without text gets its linked page fetched
    (until ``pages_until``, a ``time.monotonic()`` instant, if given).

    Links are resolved against ``base_url`` (the feed's own URL). Pages are fetched under
    ``link_policy``, by default the strict one: a feed's content is not the operator's.
    Items whose URL or id is in ``known`` are skipped without fetching anything: a
    changed feed re-lists its older items, and their full text is already stored.
    """
    if parsed.get("bozo") and not parsed.get("entries"):
        reason = str(parsed.get("bozo_exception") or "not a feed")
        yield Rejected(name, f"unreadable feed: {reason[:200]}")
        return
    policy = link_policy or FetchPolicy()
    source = parsed.get("feed", {}).get("title")
    for index, entry in enumerate(parsed.get("entries", [])):
        link = item_link(entry, base_url)
        origin = link or f"{name}#{index + 1}"
        if canonical_url(link) in known or entry.get("id") in known:
            yield Rejected(origin, ALREADY_STORED)
            continue
        own = _entry_article(entry, origin, source, link)
        in_time = pages_until is None or time.monotonic() < pages_until
        yield _with_page(own, link, source, policy if fetch_pages and in_time else None)


def _with_page(
    own: RawArticle, link: str | None, source: str | None, policy: FetchPolicy | None
) -> Item:
    """The linked page when the feed only has a teaser; the feed's own text if the page
    cannot be read, so a publisher's outage never costs the item itself."""
    if len(own.body) < 400 and link and policy is not None:
        page = _linked_page(link, policy)
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
    return Rejected(own.origin, "feed item has no title or text")


def _linked_page(link: str, policy: FetchPolicy) -> Item:
    try:
        fetched = fetch(link, policy=policy, accept=PAGE_KINDS)
    except FetchError as exc:
        return Rejected(link, f"could not fetch linked page: {exc}")
    assert fetched.body is not None
    return next(iter(read_html(fetched.body, link, url=fetched.url or link)))


def _entry_article(entry: Any, origin: str, source: str | None, link: str | None) -> RawArticle:
    """An item's own text: Atom ``<content>`` (or RSS ``content:encoded``) is the body and
    the summary its teaser. feedparser copies the content into ``summary`` when an entry
    has none; that copy is no teaser (as one it made boilerplate removal drop the body)."""
    content = _entry_content(entry)
    summary_html = entry.get("summary", "") or ""
    title = clean_text(entry.get("title", ""))
    body = _html_to_text(content or summary_html)
    teaser = _html_to_text(summary_html) if content else ""
    if teaser and (teaser == body or (body.startswith(teaser) and len(teaser) > len(body) / 2)):
        teaser = ""
    return RawArticle(
        title=title,
        teaser=teaser,
        body=boilerplate.strip_boilerplate(body, title=title, teaser=teaser),
        url=link,
        external_id=_plain(str(entry.get("id") or ""))[:MAX_ID_CHARS] or None,
        published_at=_entry_date(entry),
        tags=[t.get("term", "") for t in entry.get("tags", []) or [] if t.get("term")],
        authors=_as_list(entry.get("author")),
        source=source,
        origin=origin,
    )


def _entry_content(entry: Any) -> str:
    """The richest ``<content>``: HTML over plain text when a feed sends both."""
    contents = [c for c in entry.get("content", []) or [] if (c.get("value") or "").strip()]
    html_first = sorted(contents, key=lambda c: "html" not in (c.get("type") or ""))
    return str(html_first[0].get("value", "")) if html_first else ""


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
    text = head.decode(textio.detect_encoding(head), errors="ignore")
    start = text.lstrip("\ufeff \t\r\n")[:300].lower()
    if start.startswith(("<?xml", "<rss", "<feed", "<rdf")):
        return "feed"
    if start.startswith(("<!doctype html", "<html")) or "<body" in start:
        return "html"
    if start.startswith("["):
        return "json"
    if start.startswith("{"):
        return "jsonl"
    return "text"


_TEXT_READERS = {"jsonl": read_jsonl, "json": read_json, "csv": read_csv, "text": read_text}
# HTML pages and feeds are parsed whole (trafilatura, feedparser); a local file bigger
# than this is not one page or feed.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
_KIND_FORMAT: dict[Kind, str] = {"html": "html", "feed": "feed", "csv": "csv"}


def read_bytes(
    data: bytes,
    name: str,
    fmt: str,
    url: str | None = None,
    *,
    charset: str | None = None,
    link_policy: FetchPolicy | None = None,
) -> Iterator[Item]:
    if fmt == "feed":
        parsed = feedparser.parse(data)  # bytes: a str would be taken for a URL or path
        until = time.monotonic() + FEED_PAGES_BUDGET_SECONDS
        yield from read_feed(parsed, name, base_url=url, link_policy=link_policy, pages_until=until)
        return
    if fmt == "html":
        yield from read_html(data, name, url=url)
        return
    yield from _TEXT_READERS[fmt](textio.decode(data, charset), name)


def read_url(
    url: str,
    fmt: str | None = None,
    *,
    policy: FetchPolicy | None = None,
    link_policy: FetchPolicy | None = None,
    accept: frozenset[Kind] = ALL_KINDS,
) -> Iterator[Item]:
    """Fetch ``url`` under ``policy`` and read it; links inside it under ``link_policy``
    (default: ``policy.untrusted()``)."""
    policy = policy or FetchPolicy()
    try:
        fetched = fetch(url, policy=policy, accept=accept)
    except FetchError as exc:
        yield Rejected(url, f"could not fetch: {exc}")
        return
    assert fetched.body is not None
    yield from read_bytes(
        fetched.body, url, fmt or _fetched_format(url, fetched), url=fetched.url or url,
        charset=fetched.charset, link_policy=link_policy or policy.untrusted(),
    )  # fmt: skip


def _fetched_format(url: str, fetched: Fetched) -> str:
    body = fetched.body or b""
    if fetched.kind in _KIND_FORMAT:
        return _KIND_FORMAT[fetched.kind]
    return detect_format(url, body[:512])


def read_file(
    location: str, fmt: str | None = None, *, link_policy: FetchPolicy | None = None
) -> Iterator[Item]:
    """A local file in any supported format, streamed where the format allows."""
    path = Path(location)
    if not path.is_file():
        yield Rejected(location, "no such file")
        return
    with path.open("rb") as raw:
        head = raw.read(512)
    fmt = fmt or detect_format(path.name, head)
    if fmt in ("html", "feed"):
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            yield Rejected(path.name, f"over {MAX_DOCUMENT_BYTES // 2**20} MB: not one {fmt}")
            return
        yield from read_bytes(path.read_bytes(), path.name, fmt, link_policy=link_policy)
        return
    with textio.open_text(path) as stream:
        yield from _TEXT_READERS[fmt](stream, path.name)


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def read_location(
    location: str,
    fmt: str | None = None,
    *,
    policy: FetchPolicy | None = None,
    link_policy: FetchPolicy | None = None,
) -> Iterator[Item]:
    """Read a file path or an http(s) URL in any supported format (the operator's own
    ``ingest``: ``policy`` decides whether private addresses are allowed)."""
    if _SCHEME.match(location):
        yield from read_url(location, fmt, policy=policy, link_policy=link_policy)
        return
    yield from read_file(
        location, fmt, link_policy=link_policy or (policy or FetchPolicy()).untrusted()
    )


def read_all(
    locations: Iterable[str],
    fmt: str | None = None,
    *,
    policy: FetchPolicy | None = None,
    link_policy: FetchPolicy | None = None,
) -> Iterator[Item]:
    for location in locations:
        yield from read_location(location, fmt, policy=policy, link_policy=link_policy)
