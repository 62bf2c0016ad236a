"""Identity of an article: canonical URL, content hash and dates, so re-imports merge."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

_TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|"
    r"cmpid|wt_mc|wt\.mc_id|ns_mchannel|ns_source|ns_campaign|ocid|at_\w+|xtor|itm_\w+)$",
    re.I,
)
_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NEWSROOM_TZ = ZoneInfo("Europe/Berlin")


def canonical_url(url: str | None) -> str | None:
    """Strip tracking parameters and fragments so the same story pasted twice is one row."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING_PARAMS.match(k)]  # fmt: skip
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    host = parts.netloc.lower()
    if host.endswith(":80") and parts.scheme == "http":
        host = host[:-3]
    if host.endswith(":443") and parts.scheme == "https":
        host = host[:-4]
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


def clean_text(text: str | None) -> str:
    """Unescape entities (the BBC set has ``&#163;``), normalize Unicode, drop control
    characters, tidy whitespace."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", html.unescape(text)).replace("\u00ad", "")
    text = _CONTROL.sub("", text)  # NUL and other C0 controls: PostgreSQL refuses NUL
    paragraphs = [_WS.sub(" ", p).strip() for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def strip_controls(text: str) -> str:
    """``text`` without NUL and the other C0 control characters (tabs and newlines stay)."""
    return _CONTROL.sub("", text)


def content_hash(title: str, body: str) -> str:
    norm = _WS.sub(" ", f"{title}\n{body}".casefold()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


_DE_DATE = re.compile(
    r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s*(?:um\s*)?(\d{1,2})[:.](\d{2})(?:\s*Uhr)?)?"
)


# Unix time in seconds (10 digits) or milliseconds (13), as JSON exports often carry it.
_EPOCH = re.compile(r"\d{9,10}(\.\d+)?|\d{12,13}")
# Publication dates outside these years are typos or placeholders (``01.01.0001``); the
# range also keeps every stored date convertible to UTC on both databases.
MIN_YEAR, MAX_YEAR = 1800, 2200
_HUMAN_DATE_CHARS = 100  # longer text is a sentence, not a date
_LETTER = re.compile(r"[^\W\d_]")
# dateparser, only for text with words in it ("18. Juli 2025", "July 18, 2025", "vor 3
# Tagen"): German and English only (no language detection, no model, no network); all
# of day, month and year must be present, so "Juli 2025" or a bare number stays unread.
_DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "Europe/Berlin",
    "TO_TIMEZONE": "UTC",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["relative-time", "absolute-time"],
}


class DateError(ValueError):
    """A date that cannot be read or is out of range; the message says which."""


def parse_datetime(value: object) -> datetime | None:
    """Like :func:`read_datetime`, but None for anything unreadable or out of range."""
    try:
        return read_datetime(value)
    except DateError:
        return None


def read_datetime(value: object) -> datetime | None:
    """ISO dates, RFC 822 feed dates, Unix timestamps, German ``18.07.2025, 18:21``
    (Berlin time), then human dates via dateparser; None for no value.

    Raises :class:`DateError` for text that is no date, or a year outside
    ``MIN_YEAR``..``MAX_YEAR``.
    """
    if value is None or value == "":
        return None
    try:
        parsed = _strict(value) or _human(str(value).strip())
    except (OverflowError, ValueError, OSError):
        parsed = None
    shown = str(value)[:40]
    if parsed is None:
        raise DateError(f"unreadable date {shown!r}")
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise DateError(f"date out of range {shown!r} (years {MIN_YEAR}-{MAX_YEAR})")
    # Berlin datelines are stored in UTC; other zones as given (both compare correctly).
    return parsed.astimezone(UTC) if parsed.tzinfo is NEWSROOM_TZ else parsed


def _strict(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    if _EPOCH.fullmatch(text):
        seconds = float(text) / (1000 if len(text.split(".")[0]) >= 12 else 1)
        return datetime.fromtimestamp(seconds, UTC)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except ValueError:
        pass
    try:
        parsed = parsedate_to_datetime(text)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (TypeError, ValueError, IndexError):
        pass
    if m := _DE_DATE.search(text):
        day, month, year, hour, minute = m.groups()
        local = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
        return local.replace(tzinfo=NEWSROOM_TZ)
    return None


def _human(text: str) -> datetime | None:
    if len(text) > _HUMAN_DATE_CHARS or not _LETTER.search(text):
        return None
    import dateparser  # imported on first use: it costs 0.25 s and most imports never need it

    parsed = dateparser.parse(text, languages=["de", "en"], settings=_DATEPARSER_SETTINGS)
    return parsed if isinstance(parsed, datetime) else None
