"""Defences for untrusted text: a strict CSP, CSRF tokens on forms, input size limits."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request, Response

from claimledger.web.errors import PageError

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # no-referrer would make Origin "null" on our own forms
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

SESSION_COOKIE = "claimledger_session"
CSRF_FIELD = "csrf"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # per file
MAX_TEXT_BYTES = 1024 * 1024  # pasted text, as UTF-8
MAX_FILES = 10
# The whole request: every file, the text and the form's overhead.
MAX_REQUEST_BYTES = MAX_FILES * MAX_UPLOAD_BYTES + MAX_TEXT_BYTES + 64 * 1024


def _token_for(secret: bytes, session: str) -> str:
    return hmac.new(secret, session.encode("ascii", "replace"), hashlib.sha256).hexdigest()


def session_of(request: Request) -> tuple[str, bool]:
    """The browser's session id, and whether it is new (and must be set as a cookie)."""
    current = request.cookies.get(SESSION_COOKIE, "")
    if len(current) == 43 and current.replace("-", "").replace("_", "").isalnum():
        return current, False
    return secrets.token_urlsafe(32), True


def csrf_token(secret: bytes, session: str) -> str:
    """The token a form must echo: an HMAC of the session id under the app's secret."""
    return _token_for(secret, session)


def set_session_cookie(response: Response, session: str) -> None:
    response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict", path="/")


def check_csrf(request: Request, secret: bytes, submitted: str | None) -> None:
    """Refuse a form post whose token does not match this browser's session."""
    session = request.cookies.get(SESSION_COOKIE, "")
    expected = _token_for(secret, session) if session else ""
    if not session or not submitted or not hmac.compare_digest(expected, submitted):
        raise PageError(
            403,
            "csrf_failed",
            "the form's security token is missing or stale; reload the Add page and submit again",
        )


def check_request_size(request: Request) -> None:
    """Refuse a body that declares itself larger than any valid Add form."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_REQUEST_BYTES:
        raise PageError(
            413,
            "too_large",
            f"the request is {int(declared) / 2**20:.1f} MiB; upload at most {MAX_FILES} files "
            f"of up to {MAX_UPLOAD_BYTES // 2**20} MiB each",
        )


LOOPBACK_NAMES: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def host_names(host: str, extra: tuple[str, ...] = ()) -> list[str]:
    """The Host header names the server answers to when bound to `host`.

    A loopback bind answers to the loopback names only, so a page on another site whose
    DNS name is re-pointed at 127.0.0.1 (DNS rebinding) gets no answer; a wildcard bind
    answers to this machine's names; any other bind to itself. `extra` adds names a proxy
    or a LAN uses.
    """
    import socket

    if host in LOOPBACK_NAMES or host.startswith("127."):
        names = [*LOOPBACK_NAMES, host]
    elif host in ("0.0.0.0", "::", ""):
        names = [*LOOPBACK_NAMES, socket.gethostname(), socket.getfqdn()]
    else:
        names = [host]
    return list(dict.fromkeys(n for n in (*names, *extra) if n))


def _netloc(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return "\0"  # an unparsable origin never matches


def cross_origin_reason(method: str, headers: dict[str, str]) -> str | None:
    """Why a state-changing request comes from another site; None when it is same-origin.

    Browsers send Origin on every cross-site POST and Sec-Fetch-Site on modern ones; a
    request with neither (curl, scripts) is not a browser being driven by another page.
    """
    if method.upper() in SAFE_METHODS:
        return None
    host = headers.get("host", "").lower()
    fetch_site = headers.get("sec-fetch-site", "")
    if fetch_site in ("cross-site", "same-site"):
        return f"the request came from another site (Sec-Fetch-Site: {fetch_site})"
    origin = headers.get("origin")
    if origin is not None:
        if origin == "null" or _netloc(origin) != host:
            return f"the request came from another origin ({origin[:100]})"
        return None
    referer = headers.get("referer")
    if referer and _netloc(referer) != host:
        return "the request came from another page's link or form"
    return None
