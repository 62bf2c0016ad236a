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
    """Unescape entities (the BBC set has ``&#163;``), normalize Unicode, tidy whitespace."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", html.unescape(text)).replace("\u00ad", "")
    paragraphs = [_WS.sub(" ", p).strip() for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def content_hash(title: str, body: str) -> str:
    norm = _WS.sub(" ", f"{title}\n{body}".casefold()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


_DE_DATE = re.compile(
    r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s*(?:um\s*)?(\d{1,2})[:.](\d{2})(?:\s*Uhr)?)?"
)


# Unix time in seconds (10 digits) or milliseconds (13), as JSON exports often carry it.
_EPOCH = re.compile(r"\d{9,10}(\.\d+)?|\d{12,13}")


def parse_datetime(value: object) -> datetime | None:
    """ISO dates, RFC 822 feed dates, Unix timestamps and German ``18.07.2025, 18:21``
    (Berlin time)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    text = str(value).strip()
    if _EPOCH.fullmatch(text) and not isinstance(value, bool):
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
        try:
            local = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
        except ValueError:
            return None
        return local.replace(tzinfo=NEWSROOM_TZ).astimezone(UTC)
    return None
