"""Block Kit for alerts and update notes.

An alert is one message per pass: a context line naming the alert, then the matching
articles as in a digest (title link, one line, top figure, "also in"). Throttled alerts
say so. An update note is a short threaded reply: the headline, then what changed.
"""

from __future__ import annotations

from bot.digest.alert_job import AlertBatch
from bot.digest.updates import UpdateNote
from bot.slack.blocks import Block, Message, context, section
from bot.slack.digest_blocks import article_blocks_for
from bot.slack.text import MAX_BLOCKS, escape, link, truncate

TITLE_CHARS = 200
CHANGE_CHARS = 400


def render_alert(batch: AlertBatch) -> Message:
    count = len(batch.items)
    noun = "article" if count == 1 else "articles"
    head = f":bell: Alert #{batch.alert_id} `{escape(truncate(batch.query, 150))}`"
    head += f" · {count} new {noun}" if count else ""
    blocks: list[Block] = [context(head)]
    room = MAX_BLOCKS - 2
    for item in batch.items:
        group = article_blocks_for(item)
        if len(blocks) + len(group) > room:
            break
        blocks.extend(group)
    if batch.held_back:
        blocks.append(context(
            f":warning: Alert #{batch.alert_id} is throttled: {batch.held_back} more "
            f"matching {'article' if batch.held_back == 1 else 'articles'} in the last hour "
            f"not posted (limit {batch.max_per_hour} an hour). Narrow the query, or "
            f"`/news alert mute {batch.alert_id} 2h`."
        ))  # fmt: skip
    titles = ", ".join(escape(item.title) for item in batch.items[:3])
    text = f"Alert #{batch.alert_id}: {titles}" if titles else f"Alert #{batch.alert_id} throttled"
    return Message(truncate(text, 1000), blocks)


def render_note(note: UpdateNote) -> Message:
    title = link(note.url, truncate(note.title or "(untitled)", TITLE_CHARS))
    lines = [f":pencil2: *Updated* (version {note.version}): *{title}*"]
    lines += [f"• {escape(truncate(change, CHANGE_CHARS))}" for change in note.changes]
    text = f"Updated: {escape(truncate(note.title, 200))}"
    return Message(text, [section("\n".join(lines))])
