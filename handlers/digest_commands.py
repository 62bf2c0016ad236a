"""`/news subscribe|unsubscribe|subscriptions|digest`: digest management from Slack.

Thin: parse nothing beyond the id, call the subscription service, phrase the reply.
Errors are ephemeral with the fix; a new or removed digest is announced in channel so
the people who will receive it know who set it up.
"""

from __future__ import annotations

from bot.digest.content import build_digest
from bot.digest.schedule import looks_like_zone
from bot.digest.subscriptions import (
    SUBSCRIBE_USAGE,
    SubscriptionError,
    describe,
    list_subscriptions,
    subscribe,
    unsubscribe,
)
from bot.slack.blocks import Block, context, section
from bot.slack.digest_blocks import render_digest
from bot.slack.text import MAX_BLOCKS, escape
from handlers.subcommands import CommandContext, CommandReply, Subcommand


def cmd_subscribe(ctx: CommandContext) -> CommandReply:
    if not ctx.args:
        return CommandReply(SUBSCRIBE_USAGE)
    try:
        sub = subscribe(ctx.services, ctx.channel_id, ctx.args, team_id=ctx.team_id,
                        user_id=ctx.user_id, now=ctx.now(),
                        default_tz=_zone_unless_given(ctx))  # fmt: skip
    except SubscriptionError as exc:
        return CommandReply(f":warning: {exc}")
    text = f"<@{ctx.user_id}> set up a digest for this channel: {escape(describe(sub, ctx.now()))}"
    return CommandReply(text, in_channel=True)


def _zone_unless_given(ctx: CommandContext) -> str | None:
    """Ask Slack for the user's timezone only when the text names none."""
    return None if any(looks_like_zone(w) for w in ctx.args.split()) else ctx.user_timezone()


def cmd_unsubscribe(ctx: CommandContext) -> CommandReply:
    raw = ctx.args.strip().lstrip("#")
    if raw and not raw.isdigit():
        return CommandReply("Usage: `unsubscribe [ID]` — see `/news subscriptions` for ids.")
    try:
        sub = unsubscribe(ctx.services, int(raw) if raw else None, channel_id=ctx.channel_id)
    except SubscriptionError as exc:
        return CommandReply(f":warning: {exc}")
    text = f"<@{ctx.user_id}> stopped digest #{sub.id} in this channel."
    return CommandReply(text, in_channel=True)


def cmd_subscriptions(ctx: CommandContext) -> CommandReply:
    subs = list_subscriptions(ctx.services, ctx.channel_id)
    if not subs:
        return CommandReply(
            "No digests in this channel yet. Try `/news subscribe daily 08:00 Europe/Berlin`."
        )
    now = ctx.now()
    lines = [f"• {escape(describe(sub, now))}" for sub in subs]
    text = f"Digests in this channel ({len(subs)}):\n" + "\n".join(lines)
    return CommandReply(text, blocks=[section(text)])


def cmd_digest(ctx: CommandContext) -> CommandReply:
    """Preview, only for the asker, what each of this channel's digests would post now."""
    subs = list_subscriptions(ctx.services, ctx.channel_id)
    if not subs:
        return CommandReply("No digests in this channel to preview; see `/news subscribe`.")
    now = ctx.now()
    blocks: list[Block] = []
    texts: list[str] = []
    for sub in subs:
        with ctx.services.session() as session:
            digest = build_digest(session, sub, now)
        # Two blocks stay free: the preview note and a "more" marker.
        for part, message in enumerate(render_digest(digest, max_blocks=MAX_BLOCKS - 2)):
            note = f"Preview of digest #{sub.id}, only you see this."
            extra = [context(note)] if part == 0 else []
            if blocks and len(blocks) + len(extra) + len(message.blocks) + 1 > MAX_BLOCKS:
                blocks.append(context("…more in the posted digest."))
                return CommandReply("\n".join(texts), blocks=blocks)
            blocks.extend([*extra, *message.blocks])
            texts.append(message.text)
    return CommandReply("\n".join(texts), blocks=blocks)


DIGEST_SUBCOMMANDS: dict[str, Subcommand] = {
    "subscribe": cmd_subscribe,
    "unsubscribe": cmd_unsubscribe,
    "subscriptions": cmd_subscriptions,
    "digest": cmd_digest,
}
