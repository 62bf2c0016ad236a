"""The one HTTP client: every URL the bot opens (pages, feeds, feed item links) goes here.

Kept in one module so the rules for what may be fetched, how much and for how long are
written once and hold for every caller (docs/safety.md states them for operators):

* **Where**: http and https only. The host is resolved here, every address it resolves to
  is checked (:func:`address_refusal`), and the connection goes to the checked address
  (:class:`_GuardedBackend`, an httpcore network backend), so a name that resolves to a
  public address for the check and to 127.0.0.1 for the connect (DNS rebinding) cannot slip
  through; TLS still verifies the certificate and sends SNI for the name in the URL.
  Loopback, private, link-local, multicast, reserved and unspecified addresses are refused
  in every spelling (``2130706433``, ``0177.0.0.1``, ``127.1``, ``[::ffff:127.0.0.1]``,
  names that resolve there). Redirects are followed by hand, at most
  ``FetchPolicy.max_redirects``, each target checked the same way. Environment proxies are
  ignored: through a proxy the checked address would be the proxy's.
* **How long**: one deadline for the whole fetch (connect, TLS, headers and body), enforced
  on every socket read, so a server sending one byte a second is cut off at the deadline.
* **How much**: the body is streamed and the fetch stops as soon as it passes
  ``max_bytes`` (after decompression, so a gzip bomb stops at the cap as well).
* **What**: the content type must be one the caller reads (HTML, RSS/Atom/XML, JSON, CSV,
  plain text); PDFs, images and other binaries are refused with a message saying so.

``FetchPolicy.allow_private`` lets loopback and private (RFC 1918, ULA, CGNAT) addresses
through, never link-local (cloud metadata lives at 169.254.169.254), multicast, reserved or
unspecified ones. Only the operator's own command-line ingest and the feeds they added set
it (``--allow-private-urls``, ``NEWSROOM_ALLOW_PRIVATE_URLS``); URLs from Slack and item
links inside a feed always use :meth:`FetchPolicy.untrusted`.

Measured (benchmarks/bounded_input.py fetch, docs/benchmarks.md): fetching a local 60 KB
page costs about the same as a plain ``httpx.get``; the checks are a resolve and a few
comparisons.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, Literal
from urllib.parse import urlsplit

import httpcore
import httpx

from bot.config import Settings

USER_AGENT = "NewsroomBot/0.1 (+https://github.com/newsroom-bot)"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
DEFAULT_DEADLINE_SECONDS = 30.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024
ACCEPT_ENCODING = "gzip, deflate"  # the encodings _decoded() inflates under the size cap
SNIFF_BYTES = 1024

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolve = Callable[[str, int], list[str]]  # host, port -> address strings

Kind = Literal["html", "feed", "json", "csv", "text"]
ALL_KINDS: frozenset[Kind] = frozenset({"html", "feed", "json", "csv", "text"})
PAGE_KINDS: frozenset[Kind] = frozenset({"html"})
# Feeds are validated by feedparser; some servers label them text/html or text/plain.
FEED_KINDS: frozenset[Kind] = frozenset({"feed", "html", "text"})
ARTICLE_OR_FEED_KINDS: frozenset[Kind] = frozenset({"html", "feed", "text"})

_PRIVATE_NETWORKS = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                                      "100.64.0.0/10", "fc00::/7")
)  # fmt: skip
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchProblem(StrEnum):
    """Why a fetch failed, for callers that react differently (tests, the feed poller)."""

    INVALID_URL = "invalid url"
    REFUSED = "refused address"
    TIMEOUT = "deadline"
    TOO_LARGE = "too large"
    CONTENT_TYPE = "content type"
    HTTP_STATUS = "http status"
    NETWORK = "network"
    REDIRECTS = "redirects"


class FetchError(Exception):
    """The URL could not be fetched; the message says why, for the person who asked."""

    def __init__(self, problem: FetchProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True)
class FetchPolicy:
    """How far one fetch may go. Build it with :meth:`from_settings`; tests set fields."""

    allow_private: bool = False
    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = MAX_REDIRECTS

    @classmethod
    def from_settings(cls, settings: Settings, *, allow_private: bool | None = None) -> FetchPolicy:
        """The operator's policy: ``NEWSROOM_ALLOW_PRIVATE_URLS`` unless told otherwise."""
        return cls(
            allow_private=settings.allow_private_urls if allow_private is None else allow_private,
            deadline_seconds=settings.fetch_deadline_seconds,
            max_bytes=settings.fetch_max_bytes,
        )

    def untrusted(self) -> FetchPolicy:
        """The same limits with public addresses only: for URLs from Slack or feed content."""
        return replace(self, allow_private=False)


@dataclass
class Fetched:
    body: bytes | None  # None when the server said 304 Not Modified
    etag: str | None = None
    last_modified: str | None = None
    url: str = ""  # after redirects
    content_type: str = ""
    kind: Kind | None = None
    charset: str | None = None


# -- where: addresses ---------------------------------------------------------------------


def address_refusal(ip: IPAddress, *, allow_private: bool = False) -> str | None:
    """Why ``ip`` may not be fetched from (e.g. "a loopback address"), or None if it may.

    IPv6 forms that carry an IPv4 address (``::ffff:a.b.c.d``, 6to4, Teredo, NAT64) are
    judged by the IPv4 address inside.
    """
    ip = _embedded_ipv4(ip) or ip
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return None if allow_private else "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if any(ip in net for net in _PRIVATE_NETWORKS if net.version == ip.version):
        return None if allow_private else "a private address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "not a public address"
    return None


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def system_resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to; numeric spellings (``127.1``) included."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))


class AddressGuard:
    """Resolves hosts once per fetch and refuses if any of their addresses is refused."""

    def __init__(self, *, allow_private: bool, resolve: Resolve = system_resolve) -> None:
        self.allow_private = allow_private
        self._resolve = resolve
        self._checked: dict[str, list[str]] = {}

    def addresses(self, host: str, port: int) -> list[str]:
        host = host.strip("[]")
        if host not in self._checked:
            try:
                found = self._resolve(host, port)
            except (OSError, UnicodeError) as exc:
                msg = f"cannot resolve host {host!r}: {exc}"
                raise FetchError(FetchProblem.NETWORK, msg) from None
            if not found:
                raise FetchError(FetchProblem.NETWORK, f"host {host!r} has no address")
            for address in found:
                reason = address_refusal(
                    ipaddress.ip_address(address), allow_private=self.allow_private
                )
                if reason:
                    shown = f"{host} is" if host == address else f"{host} resolves to {address},"
                    raise FetchError(
                        FetchProblem.REFUSED,
                        f"refused: {shown} {reason}; only public web addresses are fetched",
                    )
            self._checked[host] = found
        return self._checked[host]


def check_url(url: str, guard: AddressGuard) -> str:
    """``url`` if it is http(s) with a host whose addresses pass ``guard``."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise FetchError(FetchProblem.INVALID_URL, f"not a valid URL: {url!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(
            FetchProblem.INVALID_URL,
            f"refused {url[:80]!r}: only http and https URLs are fetched",
        )
    if not parts.hostname:
        raise FetchError(FetchProblem.INVALID_URL, f"not a valid URL (no host): {url[:80]!r}")
    guard.addresses(parts.hostname, port)
    return url.strip()


# -- how long: the deadline on every socket operation ------------------------------------


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def clamp(self, timeout: float | None, exc: type[Exception]) -> float:
        remaining = self.at - time.monotonic()
        if remaining <= 0:
            raise exc(f"deadline of {self.seconds:g} s passed")
        return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = self._deadline.clamp(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, timeout), self._deadline
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Connects only to addresses the guard checked, under the fetch's deadline."""

    def __init__(self, guard: AddressGuard, deadline: _Deadline) -> None:
        self._guard = guard
        self._deadline = deadline
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        error: Exception | None = None
        for address in self._guard.addresses(host, port):
            budget = self._deadline.clamp(timeout, httpcore.ConnectTimeout)
            try:
                stream = self._inner.connect_tcp(
                    address, port, budget, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return _DeadlineStream(stream, self._deadline)
        raise error or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """Built once: loading the CA bundle costs ~20 ms, more than a local fetch."""
    return httpx.create_ssl_context()


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's transport on our network backend (httpx offers no public hook for one)."""

    def __init__(self, backend: _GuardedBackend) -> None:
        super().__init__(verify=_ssl_context(), trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=_ssl_context(), network_backend=backend)


# -- what: content types ------------------------------------------------------------------

_TYPE_KIND: dict[str, Kind] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed",
    "application/rdf+xml": "feed", "application/xml": "feed", "text/xml": "feed",
    "application/json": "json", "application/x-ndjson": "json", "application/jsonl": "json",
    "application/ld+json": "json", "text/csv": "csv", "text/tab-separated-values": "csv",
    "text/plain": "text", "text/markdown": "text",
}  # fmt: skip
_SNIFF_TYPES = ("", "application/octet-stream", "binary/octet-stream")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"RIFF", "a RIFF media file"), (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program"), (b"ID3", "an MP3"),
)  # fmt: skip
_KIND_NAMES = {"html": "HTML pages", "feed": "RSS/Atom feeds", "json": "JSON",
               "csv": "CSV", "text": "plain text"}  # fmt: skip


def _declared_kind(media_type: str) -> Kind | None:
    if media_type in _TYPE_KIND:
        return _TYPE_KIND[media_type]
    if media_type.endswith("+xml"):
        return "feed"
    if media_type.endswith("+json"):
        return "json"
    return None


def _sniffed(head: bytes) -> tuple[Kind | None, str | None]:
    """(kind, None) for text that looks readable, (None, what) for a known binary."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return None, what
    text_like = head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in head and not text_like:
        return None, "binary data"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed", None
    if start.startswith(b"<"):
        return "html", None
    if start.startswith((b"{", b"[")):
        return "json", None
    return "text", None


def _describe(media_type: str) -> str:
    if media_type == "application/pdf":
        return "a PDF"
    family = media_type.split("/", 1)[0]
    named = {"image": "an image", "audio": "audio", "video": "a video", "font": "a font"}
    return named.get(family, "a binary file")


def _refuse_type(what: str, accept: frozenset[Kind]) -> FetchError:
    wanted = ", ".join(_KIND_NAMES[k] for k in sorted(accept))
    return FetchError(FetchProblem.CONTENT_TYPE, f"{what}, not something we import ({wanted})")


def _kind(response: httpx.Response, head: bytes, accept: frozenset[Kind]) -> Kind:
    declared = response.headers.get("content-type", "")
    media_type = declared.split(";", 1)[0].strip().lower()
    kind = _declared_kind(media_type)
    if kind is None and media_type not in _SNIFF_TYPES and not media_type.startswith("text/"):
        raise _refuse_type(f"the server sent {_describe(media_type)} ({media_type})", accept)
    sniffed, binary = _sniffed(head)
    if binary is not None and (kind is None or binary != "binary data"):
        raise _refuse_type(f"the server sent {binary} ({media_type or 'no content type'})", accept)
    kind = kind or sniffed or "text"
    if kind not in accept:
        raise _refuse_type(f"the server sent {_KIND_NAMES[kind]} ({media_type})", accept)
    return kind


# -- the fetch ----------------------------------------------------------------------------


def fetch(
    url: str,
    *,
    policy: FetchPolicy | None = None,
    accept: frozenset[Kind] = ALL_KINDS,
    headers: dict[str, str] | None = None,
    resolve: Resolve = system_resolve,
) -> Fetched:
    """GET ``url`` under ``policy``; raises :class:`FetchError` with a message to show.

    A 304 answer (to conditional ``headers``) returns ``Fetched(body=None)``.
    """
    policy = policy or FetchPolicy()
    guard = AddressGuard(allow_private=policy.allow_private, resolve=resolve)
    deadline = _Deadline(policy.deadline_seconds)
    current = check_url(url, guard)
    client = httpx.Client(
        transport=_PinnedTransport(_GuardedBackend(guard, deadline)),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING, **(headers or {})},
        follow_redirects=False,
        timeout=httpx.Timeout(policy.deadline_seconds),
        trust_env=False,
    )
    try:
        with client:
            return _follow(client, current, guard, policy, accept, deadline)
    except _DeadlinePassed:
        raise _too_slow(url, policy) from None
    except httpx.TimeoutException:
        raise _too_slow(url, policy) from None
    except httpx.InvalidURL as exc:
        msg = f"not a valid URL: {url[:80]!r} ({exc})"
        raise FetchError(FetchProblem.INVALID_URL, msg) from None
    except httpx.HTTPError as exc:
        raise FetchError(FetchProblem.NETWORK, f"could not connect to {url[:80]}: {exc}") from exc


def _follow(
    client: httpx.Client,
    url: str,
    guard: AddressGuard,
    policy: FetchPolicy,
    accept: frozenset[Kind],
    deadline: _Deadline,
) -> Fetched:
    request = client.build_request("GET", url)
    for _ in range(policy.max_redirects + 1):
        response = client.send(request, stream=True)
        try:
            if not response.has_redirect_location:
                return _read(response, policy, accept, deadline)
            target = response.next_request
        finally:
            response.close()
        if target is None:
            raise FetchError(FetchProblem.HTTP_STATUS, f"redirect without a target from {url}")
        check_url(str(target.url), guard)
        request = target
    raise FetchError(
        FetchProblem.REDIRECTS, f"{url[:80]} redirects more than {policy.max_redirects} times"
    )


def _read(
    response: httpx.Response, policy: FetchPolicy, accept: frozenset[Kind], deadline: _Deadline
) -> Fetched:
    etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
    final = str(response.url)
    if response.status_code == 304:
        return Fetched(None, etag, modified, url=final)
    if response.status_code >= 400:
        raise FetchError(
            FetchProblem.HTTP_STATUS,
            f"HTTP {response.status_code} {response.reason_phrase} from {final[:80]}",
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise _too_large(policy)
    body = bytearray()
    kind: Kind | None = None
    for chunk in _decoded(response, policy.max_bytes):
        body += chunk
        if kind is None and len(body) >= SNIFF_BYTES:
            kind = _kind(response, bytes(body[:SNIFF_BYTES]), accept)
        if len(body) > policy.max_bytes:
            raise _too_large(policy)
        if time.monotonic() > deadline.at:  # decoding big chunks also counts
            raise _DeadlinePassed
    kind = kind or _kind(response, bytes(body[:SNIFF_BYTES]), accept)
    return Fetched(
        bytes(body), etag, modified, url=final,
        content_type=response.headers.get("content-type", ""), kind=kind,
        charset=response.charset_encoding,
    )  # fmt: skip


def _decoded(response: httpx.Response, max_bytes: int) -> Iterator[bytes]:
    """The body, decompressed here rather than by httpx so that no single step inflates
    more than ``max_bytes + 1`` (httpx would inflate a whole 64 KB gzip bomb chunk into
    50 MB at once)."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        yield from response.iter_raw(CHUNK_BYTES)
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(FetchProblem.CONTENT_TYPE, f"unsupported content encoding {encoding!r}")
    inflater = zlib.decompressobj(47 if encoding != "deflate" else 15)  # 47: gzip or zlib
    for raw in response.iter_raw(CHUNK_BYTES):
        try:
            yield inflater.decompress(raw, max_bytes + 1)
            while inflater.unconsumed_tail:
                yield inflater.decompress(inflater.unconsumed_tail, max_bytes + 1)
        except zlib.error as exc:
            raise FetchError(
                FetchProblem.CONTENT_TYPE, f"corrupt {encoding} body ({exc})"
            ) from None


class _DeadlinePassed(Exception):
    pass


def _too_slow(url: str, policy: FetchPolicy) -> FetchError:
    return FetchError(
        FetchProblem.TIMEOUT,
        f"gave up on {url[:80]} after {policy.deadline_seconds:g} s "
        "(the server is too slow; NEWSROOM_FETCH_DEADLINE_SECONDS sets the limit)",
    )


def _too_large(policy: FetchPolicy) -> FetchError:
    return FetchError(
        FetchProblem.TOO_LARGE,
        f"bigger than the {policy.max_bytes / 2**20:g} MB limit (NEWSROOM_FETCH_MAX_MB sets it)",
    )


def fetch_conditional(
    url: str, etag: str | None, last_modified: str | None, *, policy: FetchPolicy | None = None
) -> Fetched:
    """A feed by conditional GET: ``body`` is None when it did not change."""
    headers = {"Accept": FEED_ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    fetched = fetch(url, policy=policy, accept=FEED_KINDS, headers=headers)
    if fetched.body is None:
        return Fetched(None, etag, last_modified, url=fetched.url)
    return fetched
