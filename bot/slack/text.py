"""Make article text safe and fitting for Slack mrkdwn and Block Kit limits."""

from __future__ import annotations

# Block Kit limits (https://api.slack.com/reference/block-kit/blocks)
MAX_BLOCKS = 50
SECTION_TEXT = 3000
HEADER_TEXT = 150
CONTEXT_TEXT = 2000
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
MESSAGE_TEXT = 40000
ELLIPSIS = "…"


def escape(text: str | None) -> str:
    """Escape the three characters Slack treats as control sequences in mrkdwn.

    Without this an article titled ``<!channel> breaking`` would ping the channel.
    """
    if not text:
        return ""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int) -> str:
    """Cut to ``limit`` characters on a word boundary and mark the cut with an ellipsis.

    Never splits an escape entity such as ``&amp;`` in half.
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def link(url: str | None, label: str) -> str:
    """A mrkdwn link with an escaped label; plain escaped label when there is no URL."""
    safe_label = escape(label).replace("|", "¦")
    if not url:
        return safe_label
    safe_url = url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return f"<{safe_url}|{safe_label}>"
