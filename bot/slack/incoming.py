"""Read what users type into Slack back into plain text.

Slack sends message and command text with ``&``, ``<`` and ``>`` escaped and with mentions,
channels and links in angle brackets (``<@U123>``, ``<https://x|label>``).
"""

from __future__ import annotations

import re

_MENTION = re.compile(r"<[@!][^>]*>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+(?:\|([^>]*))?>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def plain_text(text: str) -> str:
    """Drop user and special mentions, keep channel names and link labels (or URLs)."""
    text = _MENTION.sub(" ", text)
    text = _CHANNEL.sub(lambda m: m.group(1) or " ", text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    return " ".join(unescape(text).split())


def first_url(text: str) -> str | None:
    """The first http(s) URL, whether Slack wrapped it in angle brackets or not."""
    match = _LINK.search(text)
    if match and match.group(1).startswith("http"):
        return unescape(match.group(1))
    bare = re.search(r"https?://\S+", unescape(text))
    return bare.group(0) if bare else None
