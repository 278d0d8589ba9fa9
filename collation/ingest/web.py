"""Fetching http(s) URLs safely: address checks, pinned connections, size and time caps.

Why pinned connections: checking a host's addresses and then letting the HTTP client resolve
the name again leaves a gap (DNS rebinding: the second answer may be 127.0.0.1). So every hop
is resolved once, every address is checked, and the connection goes to a checked address
with the original name in the ``Host`` header and as the TLS server name (certificates are
still verified against the name). Redirects are followed by hand, each hop checked the same
way. Proxies from the environment are ignored because they would bypass these checks.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass

import httpx

from ..config import Options
from ..errors import FetchError, PrivateAddress

#: Redirect hops followed before giving up (browsers allow ~20; articles need one or two).
MAX_REDIRECTS = 5
_REDIRECT_CODES = (301, 302, 303, 307, 308)
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched response body (internal to the ingest stage)."""

    url: str
    """Final URL after redirects."""
    status: int
    content_type: str | None
    body: bytes


def blocked_reason(address: str) -> str | None:
    """Why an IP address must not be fetched without ``allow_private``, or None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return blocked_reason(str(embedded))
    checks = (  # most specific first: link-local and loopback ranges are "private" too
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_unspecified", "unspecified"),
        ("is_multicast", "multicast"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    )
    for attribute, label in checks:
        if getattr(ip, attribute):
            return label
    return None if ip.is_global else "non-public"


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in resolver order, without duplicates."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from exc
    addresses: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def checked_addresses(url: httpx.URL, options: Options) -> list[str]:
    """Addresses ``url`` may be fetched from; raises when any of them is refused.

    All resolved addresses must pass, not just one: otherwise a host with one public and one
    private record could still be steered to the private one.
    """
    if url.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    host = url.raw_host.decode("ascii")
    if not host:
        raise FetchError(f"{url}: the URL has no host")
    port = url.port or (443 if url.scheme == "https" else 80)
    addresses = resolve(host.strip("[]"), port)
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}")
    if not options.allow_private:
        for address in addresses:
            reason = blocked_reason(address)
            if reason is not None:
                raise PrivateAddress(
                    f"{url}: refusing to fetch from {reason} address {address} "
                    "(set allow_private to read from local or internal servers)"
                )
    return addresses


def _read_capped(response: httpx.Response, url: httpx.URL, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"{url}: response is {declared} bytes, over fetch_max_bytes ({limit})")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url}: response is over fetch_max_bytes ({limit}); stopped reading")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: download took longer than fetch_timeout")
        chunks.append(chunk)
    return b"".join(chunks)


def _get_pinned(
    client: httpx.Client, url: httpx.URL, address: str, options: Options, deadline: float
) -> tuple[httpx.Response, bytes | None]:
    """GET ``url`` over a connection to ``address``; the body is None for redirects."""
    pinned = url.copy_with(host=address)
    headers = {
        "Host": url.netloc.decode("ascii"),
        "User-Agent": options.user_agent,
        "Accept": _ACCEPT,
    }
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    with client.stream("GET", pinned, headers=headers, extensions=extensions) as response:
        if response.status_code in _REDIRECT_CODES and "location" in response.headers:
            return response, None
        if response.status_code >= 400:
            raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
        return response, _read_capped(response, url, options.fetch_max_bytes, deadline)


def fetch(url: str, options: Options) -> Fetched:
    """GET ``url`` with the checks above; raises ``FetchError``/``PrivateAddress``.

    Per hop: 1. check the scheme and every resolved address; 2. connect to the checked
    addresses in resolver order until one answers; 3. follow a redirect (at most
    ``MAX_REDIRECTS``) or read the body up to ``fetch_max_bytes`` within ``fetch_timeout``.
    """
    try:
        current = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: not a valid URL ({exc})") from exc
    deadline = time.monotonic() + options.fetch_timeout
    timeout = httpx.Timeout(options.fetch_timeout)
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            addresses = checked_addresses(current, options)
            response: httpx.Response | None = None
            body: bytes | None = None
            for index, address in enumerate(addresses):
                try:
                    response, body = _get_pinned(client, current, address, options, deadline)
                    break
                except httpx.ConnectError as exc:
                    if index == len(addresses) - 1:
                        raise FetchError(f"{current}: cannot connect ({exc})") from exc
                except httpx.TimeoutException as exc:
                    raise FetchError(
                        f"{current}: no answer within fetch_timeout ({options.fetch_timeout}s)"
                    ) from exc
                except httpx.HTTPError as exc:
                    raise FetchError(f"{current}: {type(exc).__name__}: {exc}") from exc
            if response is None:  # unreachable: the loop breaks with a response or raises
                raise FetchError(f"{current}: no response")
            if body is not None:
                return Fetched(
                    url=str(current),
                    status=response.status_code,
                    content_type=response.headers.get("content-type"),
                    body=body,
                )
            try:
                current = current.join(response.headers["location"])
            except httpx.InvalidURL as exc:
                raise FetchError(f"{current}: redirect to an invalid URL") from exc
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: redirects took longer than fetch_timeout")
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
