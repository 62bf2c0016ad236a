"""Which channels a person is in, asked of Slack, so the App Home shows only those digests.

``users.conversations`` with ``user=…`` lists that person's public channels (scope
``channels:read``) and the private ones the bot shares with them (``groups:read``): a
private channel the bot is not in could not get a digest anyway. Paged 200 at a time, as
Slack recommends, up to ``MAX_PAGES`` (2000 channels); the method is rate tier 3 (50+ a
minute), which one App Home opening per person comfortably stays under.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_PAGES = 10
TYPES = "public_channel,private_channel"


def member_channel_ids(client: WebClient, user_id: str) -> set[str] | None:
    """Ids of the channels ``user_id`` is a member of, or None when Slack would not say
    (e.g. ``missing_scope`` on an install that predates ``channels:read``/``groups:read``)."""
    channels: set[str] = set()
    cursor = ""
    for _ in range(MAX_PAGES):
        try:
            page = client.users_conversations(user=user_id, types=TYPES, exclude_archived=True,
                                              limit=PAGE_SIZE, cursor=cursor or None)  # fmt: skip
        except SlackApiError as exc:
            log.warning("users.conversations for %s failed: %s", user_id,
                        exc.response.get("error") if exc.response else exc)  # fmt: skip
            return None
        channels.update(str(c["id"]) for c in page.get("channels") or [] if c.get("id"))
        cursor = (page.get("response_metadata") or {}).get("next_cursor") or ""
        if not cursor:
            break
    return channels
