"""Messages and views: articles, search results, help, sharing and the App Home.

Everything that comes from an article goes through ``escape``/``link`` and is cut to the
Block Kit limits here, so Slack never rejects a message and no headline can ping a channel.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.lookup import SearchResult
from bot.present import figure_line
from bot.slack.blocks import (
    Block,
    Message,
    actions,
    assemble,
    button,
    context,
    divider,
    fitting,
    header,
    section,
)
from bot.slack.text import (
    MAX_BLOCKS,
    SECTION_TEXT,
    escape,
    link,
    truncate,
)
from storage.models import Article, Subscription

ACTION_SHARE = "news_share"
ACTION_MORE = "news_more_like_this"
ACTION_NEXT = "news_next_results"
ACTION_HELPFUL = "news_feedback_up"
ACTION_UNHELPFUL = "news_feedback_down"
ACTIONS = (ACTION_SHARE, ACTION_MORE, ACTION_NEXT, ACTION_HELPFUL, ACTION_UNHELPFUL)

MAX_HOME_BLOCKS = 100  # home tabs allow twice the blocks of a message
MAX_FIGURES = 5
TITLE_CHARS = 300
QUERY_CHARS = 200  # the query rides along in button values, which are capped at 2000
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")


def meta_line(article: Article) -> str:
    date = article.published_at.date().isoformat() if article.published_at else None
    parts = [article.source, article.section, date]
    return " · ".join(escape(p) for p in parts if p) or "unknown source"


def title_line(article: Article) -> str:
    title = truncate(article.title or "(untitled)", TITLE_CHARS)
    return f"*{link(article.canonical_url, title)}*"


def figures_text(article: Article) -> str | None:
    figures = article.figures[:MAX_FIGURES]
    if not figures:
        return None
    lines = [f"• {escape(figure_line(f, article.lang))}" for f in figures]
    return "*Key figures*\n" + "\n".join(lines)


def article_blocks(
    article: Article,
    *,
    buttons: bool = False,
    share: bool = True,
    query: str | None = None,
    also_in: Sequence[str] = (),
) -> list[Block]:
    """One article: linked title and summary, source and date, key figures, and buttons.

    Unfurls and shared copies get no buttons; ``share`` is off where the answer is public.
    With the ``query`` it answers, 👍/👎 buttons record whether it was the right article.
    """
    head = title_line(article)
    summary = escape(article.summary or article.teaser or "")
    body = f"{head}\n{truncate(summary, SECTION_TEXT - len(head) - 1)}" if summary else head
    meta = meta_line(article)
    if also_in:  # near-duplicates of this story, shown once (bot/ingest/dedupe.py)
        meta += f" · also in: {escape(', '.join(also_in))}"
    blocks = [section(body), context(meta)]
    figures = figures_text(article)
    if figures:
        blocks.append(section(figures))
    if buttons:
        elements = [button("More like this", ACTION_MORE, {"id": article.id})]
        if share:
            elements.insert(0, button("Share in channel", ACTION_SHARE, {"id": article.id}))
        if query:
            value = {"id": article.id, "q": query[:QUERY_CHARS]}
            elements.append(button("👍", ACTION_HELPFUL, value))
            elements.append(button("👎", ACTION_UNHELPFUL, value))
        blocks.append(actions(f"article-{article.id}", elements))
    return blocks


def results_message(
    result: SearchResult,
    *,
    offset: int = 0,
    limit: int = 5,
    share: bool = True,
    title: str | None = None,
    max_blocks: int = MAX_BLOCKS,
    also_in: Mapping[int, Sequence[str]] | None = None,
    folded: int = 0,
) -> Message:
    """Search hits as one message, or a no-result answer with suggestions.

    ``also_in`` names a hit's near-duplicates; ``folded`` counts the hits of this page
    left out as near-duplicates, so the next page starts after them.
    """
    query = result.query
    if not result.hits:
        return no_result_message(result, offset=offset)
    first, last = offset + 1, offset + len(result.hits)
    heading = title or f"Results {first}–{last} for *{escape(result.heading)}*"
    head = [section(heading)]
    groups = [
        [
            *article_blocks(
                hit.article,
                buttons=True,
                share=share,
                query=query,
                also_in=(also_in or {}).get(hit.article.id, ()),
            ),
            divider(),
        ]
        for hit in result.hits
    ]
    room = max_blocks - len(head) - 2  # keep one block for the pager, one for a notice
    shown = fitting(groups, room)
    blocks = [*head, *(b for group in groups[:shown] for b in group)]
    if shown < len(groups):
        blocks.append(
            context(
                f"{len(groups) - shown} more on the next page (Slack shows "
                f"at most {max_blocks} blocks in a message)."
            )
        )
    if shown < len(groups) or len(result.hits) + folded >= limit:
        value = {
            "q": query[:QUERY_CHARS],
            "o": offset + shown + (folded if shown == len(groups) else 0),
        }
        blocks.append(actions("pager", [button("Next results", ACTION_NEXT, value)]))
    titles = ", ".join(escape(h.article.title) for h in result.hits[:3])
    count = f"{len(result.hits)} article" + ("s" if len(result.hits) != 1 else "")
    text = f"{count} for {escape(result.heading)}: {titles}"
    return Message(text=truncate(text, 1000), blocks=blocks)


def no_result_message(result: SearchResult, *, offset: int = 0) -> Message:
    query = escape(result.heading)
    if offset:
        text = f"No more results for *{query}*."
    else:
        text = f"No article matches *{query}*."
        if result.message and not result.message.lower().startswith("no article"):
            text += f" {escape(result.message)}"
    if result.suggestions:
        spelled = ", ".join(f"`{escape(s)}`" for s in result.suggestions[:5])
        text += f"\nDid you mean {spelled}?"
    else:
        text += "\nTry fewer or different words, e.g. a name or a topic."
    return Message(text=text.replace("*", ""), blocks=[section(text)])


COMMAND_HELP = [
    ("/news QUERY", "find articles, e.g. `/news netflix ki`"),
    ("/news help", "this help"),
    ("/news subscribe …", "a regular digest of new articles in this channel"),
    ("/news subscriptions", "the digests of this channel"),
    ("/news unsubscribe ID", "stop a digest"),
    ("/news digest", "preview this channel's digest (only you see it)"),
    ("/news alert QUERY", "post new articles matching QUERY here as they arrive"),
    ("/news alerts", "this channel's alerts; `/news alert remove|mute ID [2h]`"),
    ("/news add URL", "import an article or feed (admins)"),
]


def help_message() -> Message:
    lines = "\n".join(f"`{cmd}` — {what}" for cmd, what in COMMAND_HELP)
    text = (
        "*Newsroom Bot* finds our articles with their summary and key figures.\n"
        f"{lines}\n"
        "You can also mention me with a question, e.g. "
        "_@Newsroom Bot what did we write about netflix ki?_, and I answer in the thread. "
        "Links to our articles get a preview with the key figures."
    )
    return Message(text="Newsroom Bot help: /news QUERY finds articles.", blocks=[section(text)])


def usage_message() -> Message:
    text = "Tell me what to look for: `/news netflix ki`. `/news help` lists everything I can do."
    return Message(text=text, blocks=[section(text)])


def shared_message(article: Article, user_id: str) -> Message:
    blocks = article_blocks(article)
    blocks.append(context(f"Shared by <@{_safe_id(user_id)}> via /news"))
    return Message(text=truncate(escape(article.title), 1000), blocks=blocks)


def unfurl_blocks(article: Article) -> list[Block]:
    return article_blocks(article)


def home_view(
    recent: Sequence[Article],
    subscriptions: Sequence[Subscription],
    *,
    channels_known: bool = True,
) -> Block:
    """The App Home tab: how to use the bot, what we published lately, the digests.

    ``subscriptions`` are only those the viewer may see (their channels, or set up by
    them); ``channels_known`` false says Slack did not tell us their channels."""
    how_to = (
        "• `/news netflix ki` finds articles, with summary and key figures (only you see it).\n"
        "• Mention *@Newsroom Bot* with a question; I answer in the thread.\n"
        "• Paste a link to one of our articles and I add a preview.\n"
        "• `/news subscribe …` in a channel sets up a regular digest there."
    )
    head = [header("Newsroom Bot"), section(how_to), divider()]
    head.append(header("Recent articles"))
    groups = [[section(title_line(a)), context(meta_line(a))] for a in recent]
    if not groups:
        groups = [[section("Nothing stored yet. An admin can add articles with `/news add URL`.")]]
    subs: list[Block] = [divider(), header("Digests in your channels")]
    if subscriptions:
        subs += [section(subscription_line(s)) for s in subscriptions]
    else:
        subs.append(section("None of your channels has a digest yet: `/news subscribe` in one."))
    if not channels_known:
        subs.append(context("Only digests you set up are listed: Slack did not tell us "
                            "your channels (the app may need reinstalling)."))  # fmt: skip
    blocks = assemble(head, groups, subs, max_blocks=MAX_HOME_BLOCKS)
    return {"type": "home", "blocks": blocks}


def subscription_line(sub: Subscription) -> str:
    channel = (
        f"<#{sub.channel_id}>" if _CHANNEL_ID.match(sub.channel_id) else escape(sub.channel_id)
    )
    when = escape(f"{sub.schedule_kind} {sub.schedule_expr} ({sub.timezone})")
    what = f" — {escape(sub.filters)}" if sub.filters else ""
    return truncate(f"{channel}: {when}{what}", SECTION_TEXT)


def _safe_id(slack_id: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", slack_id.upper())


def error_message(error_id: str, *, database_away: bool = False) -> Message:
    """What the person who asked sees when their answer failed; the id is in our log."""
    if database_away:
        text = "The news archive cannot be reached right now. Please try again in a minute."
    else:
        text = "Sorry, that went wrong on our side. Please try again."
    note = f"Error id `{_safe_error_id(error_id)}`: tell an admin if it keeps happening."
    return Message(text=f"{text} (error id {_safe_error_id(error_id)})",
                   blocks=[section(text), context(note)])  # fmt: skip


def home_error_view(error_id: str, *, database_away: bool = False) -> Block:
    """The App Home when it could not be built: say so instead of an empty or stale tab."""
    message = error_message(error_id, database_away=database_away)
    how_to = "Open another tab and come back to Home to try again."
    blocks = [header("Newsroom Bot"), *message.blocks, context(how_to)]
    return {"type": "home", "blocks": blocks}


def _safe_error_id(error_id: str) -> str:
    return re.sub(r"[^0-9a-z]", "", error_id.lower())[:16]
