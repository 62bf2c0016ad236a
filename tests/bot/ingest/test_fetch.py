"""The fetch rules (docs/safety.md): which addresses, how long, how much, what types.

The address rules are checked as pure functions (every spelling of loopback, private,
link-local...), then end to end against the hostile server on 127.0.0.1: with the default
policy it is refused before any request is sent; tests about deadlines, sizes and types
pass ``LOCAL`` to reach it.
"""

from __future__ import annotations

import ipaddress
import time

import pytest

from bot.config import load_settings
from bot.ingest.fetch import (
    ALL_KINDS,
    PAGE_KINDS,
    AddressGuard,
    FetchError,
    FetchPolicy,
    FetchProblem,
    address_refusal,
    check_url,
    fetch,
)
from tests.hostile import LOCAL, SLOW_BYTE_SECONDS, HostileServer

REFUSED_ALWAYS: dict[str, str] = {
    "169.254.169.254": "a link-local address",  # cloud metadata
    "fe80::1": "a link-local address",
    "0.0.0.0": "an unspecified address",
    "::": "an unspecified address",
    "224.0.0.1": "a multicast address",
    "ff02::1": "a multicast address",
    "240.0.0.1": "a reserved address",
    "192.0.2.10": "not a public address",  # documentation range
    "::ffff:169.254.169.254": "a link-local address",
}
REFUSED_UNLESS_PRIVATE_ALLOWED = {
    "127.0.0.1": "a loopback address",
    "127.255.0.9": "a loopback address",
    "::1": "a loopback address",
    "::ffff:127.0.0.1": "a loopback address",
    "64:ff9b::7f00:1": "a loopback address",  # NAT64 of 127.0.0.1
    "2002:7f00:1::1": "a loopback address",  # 6to4 of 127.0.0.1
    "10.1.2.3": "a private address",
    "172.16.0.1": "a private address",
    "192.168.1.1": "a private address",
    "100.64.0.1": "a private address",  # carrier-grade NAT
    "fd00::1": "a private address",
}
PUBLIC = ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.215.14"]


@pytest.mark.parametrize("address", sorted(REFUSED_ALWAYS))
def test_link_local_multicast_reserved_and_unspecified_are_always_refused(address: str) -> None:
    ip = ipaddress.ip_address(address)
    assert address_refusal(ip) == REFUSED_ALWAYS[address]
    assert address_refusal(ip, allow_private=True) == REFUSED_ALWAYS[address]


@pytest.mark.parametrize("address", sorted(REFUSED_UNLESS_PRIVATE_ALLOWED))
def test_loopback_and_private_are_refused_unless_the_operator_allows_them(address: str) -> None:
    ip = ipaddress.ip_address(address)
    assert address_refusal(ip) == REFUSED_UNLESS_PRIVATE_ALLOWED[address]
    assert address_refusal(ip, allow_private=True) is None


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address: str) -> None:
    assert address_refusal(ipaddress.ip_address(address)) is None


# How people write 127.0.0.1 in a URL; the system resolver reads them all (no network).
LOOPBACK_SPELLINGS = [
    "127.0.0.1", "2130706433", "0177.0.0.1", "127.1", "0x7f.1", "017700000001",
    "[::1]", "[::ffff:127.0.0.1]", "localhost",
]  # fmt: skip


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_every_spelling_of_loopback_is_refused(host: str) -> None:
    with pytest.raises(FetchError) as refused:
        check_url(f"http://{host}:8080/admin", AddressGuard(allow_private=False))
    assert refused.value.problem == FetchProblem.REFUSED
    assert "a loopback address" in str(refused.value)


def test_a_name_with_one_private_address_among_public_ones_is_refused() -> None:
    guard = AddressGuard(
        allow_private=False, resolve=lambda host, port: ["93.184.215.14", "10.0.0.7"]
    )
    with pytest.raises(FetchError, match=r"news\.test resolves to 10\.0\.0\.7, a private"):
        guard.addresses("news.test", 443)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "gopher://x/"]
)
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https") as refused:
        fetch(url)
    assert refused.value.problem == FetchProblem.INVALID_URL


def test_default_policy_refuses_the_local_server_before_sending_anything(
    hostile: HostileServer,
) -> None:
    with pytest.raises(FetchError, match=r"127\.0\.0\.1 is a loopback address"):
        fetch(hostile.url("/page"))
    assert hostile.requests == []


def test_every_redirect_target_is_checked(hostile: HostileServer) -> None:
    """The server is on loopback, so the first hop needs LOCAL; link-local addresses stay
    refused even then, so a redirect there shows that each hop is checked anew."""
    with pytest.raises(FetchError, match=r"169\.254\.169\.254 is a link-local address"):
        fetch(hostile.url("/redirect?to=http://169.254.169.254/latest/meta-data/"), policy=LOCAL)
    with pytest.raises(FetchError, match="only http and https"):
        fetch(hostile.url("/redirect?to=file:///etc/passwd"), policy=LOCAL)
    assert fetch(hostile.url("/redirect?to=/page"), policy=LOCAL).kind == "html"


def test_redirect_chains_stop_after_five(hostile: HostileServer) -> None:
    with pytest.raises(FetchError, match="redirects more than 5 times") as failed:
        fetch(hostile.url("/loop"), policy=LOCAL)
    assert failed.value.problem == FetchProblem.REDIRECTS
    assert len(hostile.requests) == 6


def test_the_checked_address_is_the_one_connected_to(hostile: HostileServer) -> None:
    """Resolve once, connect to what was checked: a second answer (DNS rebinding) is never
    asked for; the Host header keeps the name."""
    answers = [["127.0.0.1"], ["169.254.169.254"]]
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return answers[len(asked) - 1]

    url = f"http://news.test:{hostile.port}/redirect?to=/page"
    fetched = fetch(url, policy=LOCAL, resolve=resolve)
    assert fetched.kind == "html" and asked == ["news.test"]
    assert fetched.url == f"http://news.test:{hostile.port}/page"


def test_a_slow_loris_body_is_cut_at_the_deadline(hostile: HostileServer) -> None:
    policy = FetchPolicy(allow_private=True, deadline_seconds=1.0)
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"gave up .* after 1 s") as failed:
        fetch(hostile.url("/slow-body"), policy=policy)
    assert failed.value.problem == FetchProblem.TIMEOUT
    assert time.monotonic() - start < 1.0 + SLOW_BYTE_SECONDS + 0.5


def test_a_server_that_never_answers_is_cut_at_the_deadline(hostile: HostileServer) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="too slow"):
        fetch(hostile.url("/slow-headers?s=10"), policy=FetchPolicy(True, deadline_seconds=0.5))
    assert time.monotonic() - start < 1.5


@pytest.mark.parametrize("path", ["/huge", "/huge-declared", "/gzip-bomb"])
def test_bodies_over_the_cap_stop_while_streaming(hostile: HostileServer, path: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="bigger than the 1 MB limit") as failed:
        fetch(hostile.url(path), policy=LOCAL)
    assert failed.value.problem == FetchProblem.TOO_LARGE
    assert time.monotonic() - start < LOCAL.deadline_seconds


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/report.pdf", "a PDF (application/pdf)"),
        ("/photo", "an image (image/png)"),
        ("/download", "a PDF (application/octet-stream)"),
        ("/untyped-pdf", "a PDF (no content type)"),
    ],
)
def test_pdfs_images_and_binaries_are_refused(hostile: HostileServer, path: str, says: str) -> None:
    with pytest.raises(FetchError) as refused:
        fetch(hostile.url(path), policy=LOCAL, accept=ALL_KINDS)
    assert refused.value.problem == FetchProblem.CONTENT_TYPE
    assert says in str(refused.value) and "not something we import" in str(refused.value)


def test_json_is_fetched_only_where_the_caller_reads_json(hostile: HostileServer) -> None:
    assert fetch(hostile.url("/data.json"), policy=LOCAL).kind == "json"
    with pytest.raises(FetchError, match=r"JSON \(application/json\).*HTML pages"):
        fetch(hostile.url("/data.json"), policy=LOCAL, accept=PAGE_KINDS)


def test_limits_come_from_the_settings() -> None:
    settings = load_settings(
        environ={"NEWSROOM_FETCH_MAX_MB": "2.5", "NEWSROOM_FETCH_DEADLINE_SECONDS": "4"},
        env_file="/dev/null",
    )
    policy = FetchPolicy.from_settings(settings)
    assert policy == FetchPolicy(allow_private=False, deadline_seconds=4.0, max_bytes=2621440)
    assert FetchPolicy.from_settings(settings, allow_private=True).untrusted() == policy
