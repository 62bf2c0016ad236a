"""Block Kit primitives: the one set of helpers every message, view and digest is built from.

Each helper cuts its text to the Block Kit limit of its block type (``bot.slack.text``), so
no caller can build a block Slack would reject. Escaping is the caller's job: mrkdwn
helpers take text that is already escaped where it came from an article or a user.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.slack.text import BUTTON_VALUE, CONTEXT_TEXT, HEADER_TEXT, SECTION_TEXT, truncate

Block = dict[str, Any]


@dataclass(frozen=True)
class Message:
    text: str  # notification / screen-reader fallback, also escaped
    blocks: list[Block]


def mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def section(text: str) -> Block:
    return {"type": "section", "text": mrkdwn(truncate(text, SECTION_TEXT))}


def context(text: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(truncate(text, CONTEXT_TEXT))]}


def header(text: str) -> Block:
    """Header blocks are plain text, so no escaping, only the 150-character cut."""
    return {"type": "header", "text": {"type": "plain_text", "text": truncate(text, HEADER_TEXT)}}


def button(text: str, action_id: str, value: dict[str, Any], *, primary: bool = False) -> Block:
    encoded = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    if len(encoded) > BUTTON_VALUE:  # only the free-text query can make it long
        raise ValueError("button value exceeds Block Kit's 2000 characters")
    element: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": text},
        "action_id": action_id,
        "value": encoded,
    }
    if primary:
        element["style"] = "primary"
    return element


def fitting(groups: Sequence[list[Block]], room: int) -> int:
    """How many whole groups (articles), in order, fit into ``room`` blocks."""
    used = shown = 0
    for group in groups:
        if used + len(group) > room:
            break
        used += len(group)
        shown += 1
    return shown


def assemble(
    head: list[Block], groups: Sequence[list[Block]], tail: list[Block], *, max_blocks: int
) -> list[Block]:
    """Whole groups in order while they fit; say so when some had to stay out."""
    shown = fitting(groups, max_blocks - len(head) - len(tail) - 1)
    body = [b for group in groups[:shown] for b in group]
    notice = []
    if shown < len(groups):
        notice = [
            context(f"{len(groups) - shown} more not shown (Slack's limit is {max_blocks} blocks).")
        ]
    return [*head, *body, *notice, *tail]


def divider() -> Block:
    return {"type": "divider"}


def actions(block_id: str, elements: list[Block]) -> Block:
    return {"type": "actions", "block_id": block_id, "elements": elements}
