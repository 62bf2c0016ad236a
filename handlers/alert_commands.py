"""`/news alert …` and `/news alerts`: a channel's saved searches, from Slack.

``/news alert QUERY`` saves one (search syntax, questions included);
``/news alert remove ID``, ``/news alert mute ID 2h`` and ``/news alert unmute ID``
change one; ``/news alerts`` lists them. A new, removed or muted alert is announced in
the channel, so the people who get its posts know who set it up; mistakes get a private
reply with the fix.
"""

from __future__ import annotations

from bot.digest.alerts import (
    ALERT_USAGE,
    AlertError,
    add_alert,
    describe,
    list_alerts,
    mute_alert,
    remove_alert,
    threshold_note,
)
from bot.slack.blocks import section
from bot.slack.text import escape
from handlers.subcommands import CommandContext, CommandReply, Subcommand


def cmd_alert(ctx: CommandContext) -> CommandReply:
    word, _, rest = ctx.args.partition(" ")
    action, target = word.lower(), rest.strip().split()
    try:
        if action in ("remove", "delete", "mute", "unmute") and target and _is_id(target[0]):
            return _change(ctx, action, int(target[0].lstrip("#")), target[1:])
        if not ctx.args:
            return CommandReply(ALERT_USAGE)
        alert = add_alert(ctx.services, ctx.channel_id, ctx.args, team_id=ctx.team_id,
                          user_id=ctx.user_id, now=ctx.now())  # fmt: skip
    except AlertError as exc:
        return CommandReply(f":warning: {escape(str(exc))}")
    text = (
        f"<@{ctx.user_id}> set up alert #{alert.id} in this channel: new articles matching "
        f"`{escape(alert.query)}` are posted here as they arrive. {threshold_note()}"
    )
    return CommandReply(text, in_channel=True)


def _change(ctx: CommandContext, action: str, alert_id: int, extra: list[str]) -> CommandReply:
    if action in ("remove", "delete"):
        remove_alert(ctx.services, alert_id, channel_id=ctx.channel_id)
        return CommandReply(f"<@{ctx.user_id}> removed alert #{alert_id}.", in_channel=True)
    duration = "off" if action == "unmute" else " ".join(extra)
    if not duration:
        return CommandReply("For how long? e.g. `/news alert mute 3 2h`.")
    alert = mute_alert(ctx.services, alert_id, duration, channel_id=ctx.channel_id,
                       now=ctx.now())  # fmt: skip
    if alert.muted_until is None:
        return CommandReply(f"<@{ctx.user_id}> unmuted alert #{alert_id}.", in_channel=True)
    until = f"{alert.muted_until:%a %d %b %H:%M} UTC"
    return CommandReply(f"<@{ctx.user_id}> muted alert #{alert_id} until {until}.",
                        in_channel=True)  # fmt: skip


def cmd_alerts(ctx: CommandContext) -> CommandReply:
    alerts = list_alerts(ctx.services, ctx.channel_id)
    if not alerts:
        return CommandReply("No alerts in this channel yet. Try `/news alert netflix ki`.")
    now = ctx.now()
    lines = [f"• {escape(describe(alert, now))}" for alert in alerts]
    text = f"Alerts in this channel ({len(alerts)}):\n" + "\n".join(lines)
    return CommandReply(text, blocks=[section(text)])


def _is_id(word: str) -> bool:
    return word.lstrip("#").isdigit()


ALERT_SUBCOMMANDS: dict[str, Subcommand] = {"alert": cmd_alert, "alerts": cmd_alerts}
