"""Fetch one http(s) URL the user named, with a timeout and a size bound."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from typing import IO
from urllib.parse import unquote, urlsplit

from claimledger.errors import InputError

TIMEOUT_SECONDS = 20
MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = "claimledger/0.1"


@dataclass(frozen=True)
class Fetched:
    """A response body with what we need to read it."""

    url: str
    data: bytes
    content_type: str


def is_url(value: str) -> bool:
    """Whether `value` is an http(s) URL."""
    return value.lower().startswith(("http://", "https://"))


def url_name(url: str) -> str:
    """The document name for a URL: the last path segment's stem, else the host."""
    parts = urlsplit(url)
    stem = PurePosixPath(unquote(parts.path)).stem
    return stem or parts.hostname or "url"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}".strip()
    if isinstance(exc, urllib.error.URLError):
        exc = exc.reason if isinstance(exc.reason, BaseException) else exc
        if not isinstance(exc, OSError):
            return str(exc).lower()
    if isinstance(exc, TimeoutError):
        return f"timed out after {TIMEOUT_SECONDS} s"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).lower() or type(exc).__name__


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only, never to ftp or other schemes."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise urllib.error.URLError(f"redirected to a non-http URL: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def fetch(url: str) -> Fetched:
    """The body of `url`; raises InputError('cannot fetch: ...') on any network failure."""
    if not is_url(url):
        raise InputError(url, "cannot fetch: only http and https URLs are supported")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _OPENER.open(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_BYTES + 1)
            content_type = response.headers.get("Content-Type", "")
            final_url = response.geturl()
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise InputError(url, f"cannot fetch: {_reason(exc)}") from exc
    if len(data) > MAX_BYTES:
        raise InputError(url, "cannot fetch: response larger than 10 MiB")
    return Fetched(final_url, data, content_type)
