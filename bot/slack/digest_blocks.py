"""Block Kit for a digest: a header with date and counts, then one section per article.

A digest larger than one message (50 blocks, 40k characters of text) is split into
several messages; each continuation says which part it is, so the channel can follow.
"""

from __future__ import annotations

from bot.digest.content import Digest, DigestItem
from bot.slack.blocks import Block, Message, context, divider, header, section
from bot.slack.text import (
    MAX_BLOCKS,
    MESSAGE_TEXT,
    escape,
    link,
    truncate,
)

TITLE_CHARS = 200
SUMMARY_CHARS = 300
FIGURE_CHARS = 200


def render_digest(digest: Digest, *, max_blocks: int = MAX_BLOCKS) -> list[Message]:
    """All messages of one digest, in posting order; at least one."""
    return [message for message, _ in digest_pages(digest, max_blocks=max_blocks)]


def digest_pages(
    digest: Digest, *, max_blocks: int = MAX_BLOCKS
) -> list[tuple[Message, list[int]]]:
    """Each message of the digest with the ids of the articles it shows (for update notes)."""
    fallback = summary_line(digest)
    head = _header_blocks(digest)
    if digest.is_empty:
        note = "No new articles since the last digest."
        return [(Message(fallback, [*head, context(note)]), [])]
    article_blocks = [_article_blocks(item) for item in digest.items]
    pages = _paginate(head, article_blocks, max_blocks)
    ids, start = [], 0
    for page in pages:
        count = sum(1 for block in page if block.get("block_id", "").startswith(_ITEM))
        ids.append([item.article_id for item in digest.items[start : start + count]])
        start += count
    if len(pages) == 1:
        return [(Message(fallback, pages[0]), ids[0])]
    total = len(pages)
    messages = [(Message(f"{fallback} (1/{total})", pages[0]), ids[0])]
    for number, page in enumerate(pages[1:], start=2):
        label = f"{_local_date(digest)} digest, part {number}/{total}"
        text = f"{fallback} ({number}/{total})"
        messages.append((Message(text, [context(label), *page]), ids[number - 1]))
    return messages


def summary_line(digest: Digest) -> str:
    """``Newsroom digest · Thu 26 Nov 2026 · 12 new articles, top 5``."""
    shown = len(digest.items)
    if digest.is_empty:
        counts = "no new articles"
    else:
        noun = "article" if digest.total == 1 else "articles"
        counts = f"{digest.total} new {noun}"
        if shown < digest.total:
            counts += f", top {shown}"
    return f"Newsroom digest · {_local_date(digest)} · {counts}"


def _header_blocks(digest: Digest) -> list[Block]:
    head = header(summary_line(digest))
    local = digest.local_slot
    details = [f"{local:%H:%M %Z}"]
    if digest.window_start is not None:
        since = digest.window_start.astimezone(local.tzinfo)
        details.append(f"new since {since:%a %d %b %H:%M}")
    if digest.filters:
        details.append(f"filters: `{escape(digest.filters)}`")
    return [head, context(" · ".join(details)), divider()]


_ITEM = "digest-item-"


def article_blocks_for(item: DigestItem) -> list[Block]:
    """One article as a digest (and an alert) shows it."""
    return _article_blocks(item)


def _article_blocks(item: DigestItem) -> list[Block]:
    title = link(item.url, truncate(item.title, TITLE_CHARS))
    lines = [f"*{title}*"]
    if item.summary:
        lines.append(escape(truncate(item.summary, SUMMARY_CHARS)))
    if item.figure:
        lines.append(f":bar_chart: *{escape(truncate(item.figure, FIGURE_CHARS))}*")
    if item.also_in:
        lines.append(f"_also in: {escape(truncate(', '.join(item.also_in), FIGURE_CHARS))}_")
    text = {**section("\n".join(lines)), "block_id": f"{_ITEM}{item.article_id}"}
    meta = [escape(item.source) if item.source else None]
    if item.published_at is not None:
        meta.append(f"{item.published_at:%d %b %Y}")
    meta_text = " · ".join(part for part in meta if part)
    return [text, context(meta_text)] if meta_text else [text]


def _paginate(head: list[Block], articles: list[list[Block]], max_blocks: int) -> list[list[Block]]:
    """Fill messages article by article; an article's blocks never straddle two messages."""
    pages: list[list[Block]] = []
    page, has_article = list(head), False
    for blocks in articles:
        if has_article and _too_big(page, blocks, max_blocks):
            pages.append(page)
            page, has_article = [], False
        page.extend(blocks)
        has_article = True
    pages.append(page)
    return pages


def _too_big(page: list[Block], extra: list[Block], max_blocks: int) -> bool:
    # One block stays free for the "part N/M" context of continuation messages.
    if len(page) + len(extra) + 1 > max_blocks:
        return True
    return _text_size(page) + _text_size(extra) > MESSAGE_TEXT - 1000


def _text_size(blocks: list[Block]) -> int:
    size = 0
    for block in blocks:
        text = block.get("text")
        if isinstance(text, dict):
            size += len(text.get("text", ""))
        for element in block.get("elements", []):
            size += len(element.get("text", ""))
    return size


def _local_date(digest: Digest) -> str:
    return f"{digest.local_slot:%a %d %b %Y}"
