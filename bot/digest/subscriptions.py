"""Digest subscriptions as a service: parse what people type, save it whole or not at all.

``daily 08:00 Europe/Berlin lang:de section:Wirtschaft netflix top 5 empty:post``
is a schedule, an optional timezone, filters in the search syntax (``lang:``,
``section:``, ``source:`` and free keywords), an optional size and what to do when
nothing is new. Everything is validated before the single INSERT, so a typo never
leaves a half-configured subscription behind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.digest.schedule import Schedule, ScheduleError, parse_schedule, split_words, validate
from bot.services import Services
from storage.digests import ArticleFilter, SubscriptionFields, SubscriptionRepository
from storage.models import Subscription, utcnow

DEFAULT_SIZE = 5
MAX_SIZE = 50
MAX_PER_CHANNEL = 10
FILTER_KEYS = ("lang", "section", "source")
_LANG_RE = re.compile(r"^[a-z]{2,3}$")

SUBSCRIBE_USAGE = (
    "Usage: `subscribe SCHEDULE [TIMEZONE] [lang:de] [section:…] [source:…] [keywords] "
    "[top N] [empty:post|skip]`, e.g. `subscribe daily 08:00 Europe/Berlin lang:de top 5`."
)


class SubscriptionError(ValueError):
    """A request that cannot be saved; the message tells the user what to change."""


@dataclass(frozen=True)
class DigestFilters:
    lang: str | None = None
    section: str | None = None
    source: str | None = None
    keywords: str = ""

    @property
    def structured(self) -> ArticleFilter:
        return ArticleFilter(lang=self.lang, section=self.section, source=self.source)

    def to_text(self) -> str:
        """Canonical search-syntax text, stored as ``Subscription.filters``."""
        parts = [
            f"{key}:{_quote(value)}"
            for key in FILTER_KEYS
            if (value := getattr(self, key)) is not None
        ]
        if self.keywords:
            parts.append(self.keywords)
        return " ".join(parts)


@dataclass(frozen=True)
class SubscriptionRequest:
    schedule: Schedule
    filters: DigestFilters
    size: int = DEFAULT_SIZE
    post_when_empty: bool = False


def parse_request(text: str, default_tz: str = "UTC") -> SubscriptionRequest:
    """Parse the text after ``subscribe``; raise SubscriptionError with a fix-it message."""
    try:
        tokens = split_words(text)
        if not tokens:
            raise SubscriptionError(SUBSCRIBE_USAGE)
        schedule, rest = parse_schedule(tokens, default_tz)
    except ScheduleError as exc:
        raise SubscriptionError(str(exc)) from None
    size, post_when_empty, filter_tokens = _parse_options(rest)
    return SubscriptionRequest(schedule, _parse_filter_tokens(filter_tokens), size, post_when_empty)


def parse_filters(text: str) -> DigestFilters:
    """Parse stored filter text back; the inverse of ``DigestFilters.to_text``."""
    try:
        return _parse_filter_tokens(split_words(text))
    except ScheduleError as exc:
        raise SubscriptionError(str(exc)) from None


def schedule_of(sub: Subscription) -> Schedule:
    return Schedule(sub.schedule_kind, sub.schedule_expr, sub.timezone)


def subscribe(
    services: Services, channel_id: str, text: str, *, team_id: str | None = None,
    user_id: str | None = None, now: datetime | None = None, default_tz: str | None = None,
) -> Subscription:  # fmt: skip
    """Validate fully, then save in one transaction; nothing is written on any error.

    A schedule without a timezone runs in ``default_tz`` (the subscriber's Slack
    timezone), else in the newsroom's ``NEWSROOM_TIMEZONE``, else UTC.
    """
    request = parse_request(text, default_tz or services.settings.default_timezone)
    validate(request.schedule)
    fields = SubscriptionFields(
        channel_id=channel_id,
        schedule_kind=request.schedule.kind,
        schedule_expr=request.schedule.expr,
        timezone=request.schedule.timezone,
        filters=request.filters.to_text(),
        size=request.size,
        post_when_empty=request.post_when_empty,
        team_id=team_id,
        created_by=user_id,
    )
    with services.session() as session:
        repo = SubscriptionRepository(session)
        existing = repo.for_channel(channel_id)
        for sub in existing:
            if _same(sub, fields):
                raise SubscriptionError(f"This channel already has that digest (#{sub.id}).")
        if len(existing) >= MAX_PER_CHANNEL:
            raise SubscriptionError(
                f"This channel has {len(existing)} digests already (limit {MAX_PER_CHANNEL}); "
                "remove one with `unsubscribe ID` first."
            )
        return repo.add(fields, created_at=now or utcnow())


def unsubscribe(
    services: Services, subscription_id: int | None, *, channel_id: str | None = None
) -> Subscription:
    """Stop a digest. Without an id, the channel's only digest; ambiguity is an error."""
    with services.session() as session:
        repo = SubscriptionRepository(session)
        if subscription_id is None:
            if channel_id is None:
                raise SubscriptionError("Which subscription? Give its id.")
            subs = repo.for_channel(channel_id)
            if not subs:
                raise SubscriptionError("This channel has no digest subscriptions.")
            if len(subs) > 1:
                ids = ", ".join(f"#{s.id}" for s in subs)
                raise SubscriptionError(f"This channel has several digests ({ids}); give the id.")
            target = subs[0]
        else:
            found = repo.get(subscription_id)
            if found is None or not found.active or (channel_id and found.channel_id != channel_id):
                where = " in this channel" if channel_id else ""
                raise SubscriptionError(f"No active digest #{subscription_id}{where}.")
            target = found
        repo.deactivate(target)
        return target


def list_subscriptions(services: Services, channel_id: str | None = None) -> Sequence[Subscription]:
    with services.session() as session:
        repo = SubscriptionRepository(session)
        return repo.for_channel(channel_id) if channel_id else repo.active()


def describe(sub: Subscription, now: datetime | None = None) -> str:
    """One line for listings: id, schedule, filters, size and the next slot (local time)."""
    schedule = schedule_of(sub)
    parts = [f"#{sub.id}", schedule.describe()]
    if sub.filters:
        parts.append(f"filters: {sub.filters}")
    parts.append(f"top {sub.size}")
    parts.append("posts when empty" if sub.post_when_empty else "quiet when empty")
    next_slot = schedule.next_after(now or utcnow()).astimezone(schedule.zone)
    parts.append(f"next {next_slot:%a %d %b %H:%M %Z}")
    return " · ".join(parts)


def _parse_options(tokens: list[str]) -> tuple[int, bool, list[str]]:
    size, post_when_empty, rest = DEFAULT_SIZE, False, []
    i = 0
    while i < len(tokens):
        token, low = tokens[i], tokens[i].lower()
        if low == "top" or low.startswith("top:"):
            value = low[4:] if ":" in low else (tokens[i + 1] if i + 1 < len(tokens) else "")
            i += 1 if ":" in low else 2
            size = _parse_size(value)
            continue
        if low.startswith("empty:"):
            mode = low.split(":", 1)[1]
            if mode not in ("post", "skip"):
                raise SubscriptionError("Use `empty:post` (say so) or `empty:skip` (stay quiet).")
            post_when_empty = mode == "post"
        else:
            rest.append(token)
        i += 1
    return size, post_when_empty, rest


def _parse_size(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_SIZE:
        raise SubscriptionError(f"`top` needs a number from 1 to {MAX_SIZE}, e.g. `top 5`.")
    return int(value)


def _parse_filter_tokens(tokens: list[str]) -> DigestFilters:
    values: dict[str, str] = {}
    keywords: list[str] = []
    for token in tokens:
        key, sep, value = token.partition(":")
        if not sep or "/" in key or not key.isalpha():
            keywords.append(token)
            continue
        key = key.lower()
        if key not in FILTER_KEYS:
            raise SubscriptionError(
                f"Unknown filter `{key}:`; use `lang:`, `section:` or `source:`, or plain keywords."
            )
        if not value.strip():
            raise SubscriptionError(f"`{key}:` needs a value, e.g. `{key}:{_EXAMPLES[key]}`.")
        if key in values:
            raise SubscriptionError(f"`{key}:` is given twice.")
        if key == "lang" and not _LANG_RE.match(value.lower()):
            raise SubscriptionError(f"`lang:{value}` is not a language code like `de` or `en`.")
        values[key] = value.lower() if key == "lang" else value.strip()
    return DigestFilters(
        lang=values.get("lang"),
        section=values.get("section"),
        source=values.get("source"),
        keywords=" ".join(keywords),
    )


_EXAMPLES = {"lang": "de", "section": "Wirtschaft", "source": "tagesschau"}


def _quote(value: str) -> str:
    return f'"{value}"' if " " in value else value


def _same(sub: Subscription, fields: SubscriptionFields) -> bool:
    return (
        sub.schedule_kind == fields.schedule_kind
        and sub.schedule_expr == fields.schedule_expr
        and sub.timezone == fields.timezone
        and sub.filters == fields.filters
    )
