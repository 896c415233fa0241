"""Fetch one http(s) URL the user named: public addresses only, bounded in size and time.

Written on http.client rather than urllib or requests because the address check must sit
between name resolution and the connect: each hop's host is resolved once, every address is
checked (ingest/addresses.py), and the socket connects to that checked address, so a DNS
answer that changes between the check and the connect (rebinding) cannot reach a private
network. Redirects are followed here, hop by hop, through the same check. No maintained
library does this (advocate, the one that did, is unmaintained). Environment proxies are not
used: a proxy would make the check meaningless.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from claimledger.errors import InputError
from claimledger.ingest.addresses import Address, resolve

TIMEOUT_SECONDS = 20.0  # for one connect or one read
DEADLINE_SECONDS = 60.0  # for a whole attempt, however slowly the server drips
MAX_BYTES = 10 * 1024 * 1024  # of body, after decompression
MAX_REDIRECTS = 5
RETRIES = 2  # after a timeout, a reset or a 429/502/503/504
BACKOFF_SECONDS = 0.5  # doubled after each retry
CHUNK = 64 * 1024
USER_AGENT = "claimledger/0.1"

# What a fetched document may be: text, HTML, PDF or a feed. No type at all is sniffed.
ACCEPTED_TYPES = frozenset({
    "text/plain", "text/html", "text/markdown", "text/xml", "application/xml",
    "application/xhtml+xml", "application/pdf", "application/x-pdf",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
})  # fmt: skip
_SNIFFED_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_TRANSIENT_STATUS = frozenset({429, 502, 503, 504})


@dataclass(frozen=True)
class Fetched:
    """A response body with what we need to read it."""

    url: str
    data: bytes
    content_type: str


class _Transient(Exception):
    """A failure worth another try: the reason to give if the last try fails too."""


def is_url(value: str) -> bool:
    """Whether `value` is an http(s) URL."""
    return value.lower().startswith(("http://", "https://"))


def url_name(url: str) -> str:
    """The document name for a URL: the last path segment's stem, else the host."""
    parts = urlsplit(url)
    stem = PurePosixPath(unquote(parts.path)).stem
    return stem or parts.hostname or "url"


class _PinnedMixin:
    """Connects to an address chosen and checked beforehand, never re-resolving the host
    (TLS still verifies the certificate against the host name)."""

    _addresses: list[Address]

    def _create_connection(  # overrides http.client's hook for opening the socket
        self, address: tuple[str, int], timeout: float, source: object = None
    ) -> socket.socket:
        error: OSError | None = None
        for ip in self._addresses:
            try:
                return socket.create_connection((str(ip), address[1]), timeout)
            except OSError as exc:
                error = exc
        raise error or OSError("no address to connect to")


class _PinnedHTTP(_PinnedMixin, http.client.HTTPConnection):
    def __init__(self, host: str, port: int, addresses: list[Address], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._addresses = addresses


class _PinnedHTTPS(_PinnedMixin, http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, addresses: list[Address], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._addresses = addresses


class _Decoder:
    """Undoes gzip or deflate Content-Encoding as the body streams, never past the limit."""

    def __init__(self, url: str, encoding: str) -> None:
        self._url = url
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise InputError(url, f"cannot fetch: unsupported Content-Encoding {encoding}")
        self.coding = codings[0] if codings else None
        self._inflater: zlib._Decompress | None = None

    def feed(self, data: bytes, room: int) -> bytes:
        """The decoded bytes of `data`, at most room + 1 of them (one more says 'too big')."""
        if self.coding is None:
            return data
        if self._inflater is None:
            self._inflater = zlib.decompressobj(self._wbits(data))
        try:
            return self._inflater.decompress(data, room + 1)
        except zlib.error as exc:
            raise InputError(self._url, f"cannot fetch: bad {self.coding} body") from exc

    def _wbits(self, head: bytes) -> int:
        if self.coding != "deflate":
            return 16 + zlib.MAX_WBITS
        # 'deflate' is zlib-wrapped by the standard, raw in some servers: the header says which.
        wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
        return zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS


def _media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _check_type(url: str, content_type: str, data: bytes | None) -> None:
    media = _media_type(content_type)
    if media in ACCEPTED_TYPES:
        return
    if media in _SNIFFED_TYPES and (data is None or not media or data[:5] == b"%PDF-"):
        return
    raise InputError(url, f"cannot fetch: content type {media} is not text, HTML, PDF or a feed")


def _read_body(url: str, response: http.client.HTTPResponse, sock_owner: _PinnedMixin,
               deadline: float) -> bytes:  # fmt: skip
    decoder = _Decoder(url, response.getheader("Content-Encoding", "") or "")
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and decoder.coding is None and int(declared) > MAX_BYTES:
        raise InputError(url, "cannot fetch: response larger than 10 MiB")
    parts: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _Transient(f"took longer than {DEADLINE_SECONDS:g} s")
        sock = getattr(sock_owner, "sock", None)
        if sock is not None:
            sock.settimeout(min(TIMEOUT_SECONDS, left))
        chunk = response.read1(CHUNK)  # returns after one receive: a slow drip meets the deadline
        if not chunk:
            break
        decoded = decoder.feed(chunk, MAX_BYTES - size)
        size += len(decoded)
        if size > MAX_BYTES:
            raise InputError(url, "cannot fetch: response larger than 10 MiB")
        parts.append(decoded)
    return b"".join(parts)


def _one_hop(
    url: str, origin: str, *, allow_private: bool, trusted: Collection[str], deadline: float
) -> tuple[int, str, str, bytes]:
    """(status, Location, Content-Type, body) for one request; the body only when not a
    redirect."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(origin, "cannot fetch: only http and https URLs are supported")
    https = parts.scheme.lower() == "https"
    try:
        port = parts.port or (443 if https else 80)
    except ValueError as exc:
        raise InputError(origin, "cannot fetch: bad port in URL") from exc
    host = parts.hostname
    addresses = resolve(origin, host, port, allow_private=allow_private, trusted=trusted)
    timeout = max(0.1, min(TIMEOUT_SECONDS, deadline - time.monotonic()))
    conn_type = _PinnedHTTPS if https else _PinnedHTTP
    conn = conn_type(host, port, addresses, timeout)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate", "Accept": "*/*"}
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        status = response.status
        if status in _REDIRECTS:
            return status, response.getheader("Location", "") or "", "", b""
        if status in _TRANSIENT_STATUS:
            raise _Transient(f"HTTP {status} {response.reason}".strip())
        if status >= 400:
            raise InputError(origin, f"cannot fetch: HTTP {status} {response.reason}".strip())
        content_type = response.getheader("Content-Type", "") or ""
        _check_type(origin, content_type, None)
        data = _read_body(origin, response, conn, deadline)
        _check_type(origin, content_type, data)
        return status, "", content_type, data
    finally:
        conn.close()


def _attempt(url: str, *, allow_private: bool, trusted: Collection[str]) -> Fetched:
    deadline = time.monotonic() + DEADLINE_SECONDS
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        status, location, content_type, data = _one_hop(
            current, url, allow_private=allow_private, trusted=trusted, deadline=deadline
        )
        if status not in _REDIRECTS:
            return Fetched(current, data, content_type)
        if not location:
            raise InputError(url, f"cannot fetch: HTTP {status} redirect without a Location")
        current = urljoin(current, location)
        if not is_url(current):
            raise InputError(url, f"cannot fetch: redirected to a non-http URL: {current}")
    raise InputError(url, f"cannot fetch: more than {MAX_REDIRECTS} redirects")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return f"timed out after {TIMEOUT_SECONDS:g} s"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not valid ({exc.verify_message})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).lower() or type(exc).__name__


def fetch(url: str, *, allow_private: bool = False, trusted: Collection[str] = ()) -> Fetched:
    """The body of `url`, decoded from gzip/deflate; raises InputError('cannot fetch: ...')
    on any failure. Only public addresses are reached (checked after resolving, on every
    redirect hop) unless `allow_private`; `trusted` names addresses allowed anyway. Only
    text, HTML, PDF and feed content is accepted, at most MAX_BYTES of it. Timeouts, resets
    and 429/502/503/504 answers are retried RETRIES times with a doubling backoff."""
    if not is_url(url):
        raise InputError(url, "cannot fetch: only http and https URLs are supported")
    wait = BACKOFF_SECONDS
    for attempt in range(RETRIES + 1):
        try:
            return _attempt(url, allow_private=allow_private, trusted=trusted)
        except _Transient as exc:
            reason = str(exc)
        except (TimeoutError, ConnectionResetError, http.client.RemoteDisconnected,
                http.client.IncompleteRead) as exc:  # fmt: skip
            reason = _reason(exc)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise InputError(url, f"cannot fetch: {_reason(exc)}") from exc
        if attempt < RETRIES:
            time.sleep(wait)
            wait *= 2
    raise InputError(url, f"cannot fetch: {reason}")
