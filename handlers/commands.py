"""`/news`: acknowledge at once, then route the text to a subcommand or to search.

The reply goes through the command's ``response_url`` (``Deps.respond``), which works in any
channel or DM without the bot being a member, and is ephemeral unless a subcommand asks
for the channel.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.ingest.canonical import canonical_url
from bot.ingest.fetch import ARTICLE_OR_FEED_KINDS
from bot.ingest.readers import read_url
from bot.ingest.service import Ingestor
from bot.slack.background import Background
from bot.slack.blocks import Message, section
from bot.slack.incoming import first_url, plain_text
from bot.slack.messages import article_blocks, help_message, usage_message
from bot.slack.text import escape
from handlers.answers import search_message
from handlers.deps import Deps
from handlers.digest_commands import DIGEST_SUBCOMMANDS
from handlers.jobs import Asker, submit
from handlers.subcommands import CommandContext, CommandReply, Subcommand
from storage.articles import ArticleRepository

COMMAND = "/news"


def _reply(message: Message, *, in_channel: bool = False) -> CommandReply:
    return CommandReply(text=message.text, blocks=message.blocks, in_channel=in_channel)


def help_command(ctx: CommandContext) -> CommandReply:
    return _reply(help_message())


def add_command(ctx: CommandContext) -> CommandReply:
    """Admins import an article page or a feed by URL, with the same ingest as the CLI."""
    if not ctx.is_admin:
        return CommandReply(
            text="Only newsroom admins can add articles. Ask one to add your Slack user ID "
            f"(`{ctx.user_id}`) to NEWSROOM_ADMINS."
        )
    url = first_url(ctx.args)
    if url is None:
        return CommandReply(text="Usage: `/news add https://…` with the URL of an article or feed.")
    items = read_url(url, policy=ctx.fetch_policy, accept=ARTICLE_OR_FEED_KINDS)
    report = Ingestor(ctx.services).ingest(items)
    if report.rejected and not (report.added or report.updated or report.unchanged):
        reasons = "; ".join(r.reason for r in report.rejected[:3])
        # Reasons quote remote servers (HTTP reason phrases, parser errors): escape them.
        return CommandReply(text=escape(f"Could not add {url}: {reasons}"))
    text = escape(f"{url}: {report.summary_line()}")
    with ctx.services.session() as session:
        stored = ArticleRepository(session).by_url(canonical_url(url) or url)
        if stored is not None:
            return CommandReply(text=text, blocks=[section(text), *article_blocks(stored)])
    return CommandReply(text=text)


# The `/news WORD …` subcommands. Search is the fallback for any other text.
SUBCOMMANDS: dict[str, Subcommand] = {
    "help": help_command,
    "add": add_command,
    **DIGEST_SUBCOMMANDS,
}


def register(app: App, background: Background[Deps]) -> None:
    @app.command(COMMAND)
    def news(ack: Ack, command: dict[str, Any]) -> None:
        ack()
        submit(background, answer, Asker.command(command), command)


def answer(deps: Deps, command: dict[str, Any]) -> None:
    """Runs on an answer worker: route, then reply through the command's response_url.
    A failure is reported to the user by ``handlers.jobs.run_job``."""
    reply = route(deps, command)
    deps.respond(
        command["response_url"],
        Message(text=reply.text, blocks=reply.blocks or []),
        response_type="in_channel" if reply.in_channel else "ephemeral",
    )


def route(deps: Deps, command: dict[str, Any]) -> CommandReply:
    text = plain_text(command.get("text") or "")
    if not text:
        return _reply(usage_message())
    word, _, rest = text.partition(" ")
    user_id = command.get("user_id", "")
    ctx = CommandContext(
        services=deps.services,
        team_id=command.get("team_id"),
        channel_id=command.get("channel_id", ""),
        user_id=user_id,
        args=rest.strip(),
        is_admin=deps.is_admin(user_id),
        user_timezone=lambda: deps.user_timezone(user_id),
        now=deps.clock,
        fetch_policy=deps.url_policy(),
    )
    subcommand = SUBCOMMANDS.get(word.lower())
    if subcommand is not None:
        return subcommand(ctx)
    query = rest.strip() if word.lower() == "search" else text
    if not query:
        return _reply(usage_message())
    return _reply(search_message(deps.services, query, limit=deps.page_size))
