"""URLs: fetched from local servers started in the test, never the live network.

The servers listen on loopback, so every fetch that should succeed passes
allow_private=True (or trusts the one address); the guard tests show what happens without.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from claimledger.errors import InputError
from claimledger.ingest import iter_inputs, url
from claimledger.ingest.addresses import address_kind
from claimledger.ingest.url import fetch, url_name

ALLOWS = "claimledger fetches only public addresses unless you pass --allow-private"
BIG = url.MAX_BYTES - 1024  # just under the limit
PAGE = b"<html><head><title>Port note</title></head><body><p>Exports rose 12 percent.</p>"


class Handler(SimpleHTTPRequestHandler):
    """Files from the fixture directory, plus a few made-up responses by path."""

    hits: dict[str, int]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.hits[parts.path] = self.hits.get(parts.path, 0) + 1
        html = {"Content-Type": "text/html; charset=utf-8"}
        if parts.path == "/redirect":
            self._send(302, b"", {"Location": query["to"]})
        elif parts.path == "/gzip":
            self._send(200, gzip.compress(PAGE), {**html, "Content-Encoding": "gzip"})
        elif parts.path == "/deflate":
            self._send(200, zlib.compress(PAGE), {**html, "Content-Encoding": "deflate"})
        elif parts.path == "/raw-deflate":
            raw = zlib.compressobj(wbits=-15)
            body = raw.compress(PAGE) + raw.flush()
            self._send(200, body, {**html, "Content-Encoding": "deflate"})
        elif parts.path == "/bomb":
            body = gzip.compress(b"0" * (url.MAX_BYTES + 4096))
            self._send(200, body, {**html, "Content-Encoding": "gzip"})
        elif parts.path == "/big":
            self._send(200, b"7 " * (BIG // 2), {"Content-Type": "text/plain"})
        elif parts.path == "/script.js":
            self._send(200, b"var n = 10000;", {"Content-Type": "application/javascript"})
        elif parts.path == "/flaky":
            if self.hits[parts.path] == 1:
                self._send(503, b"busy", {"Content-Type": "text/plain"})
            else:
                self._send(200, PAGE, html)
        elif parts.path == "/ok":
            self._send(200, query.get("say", "ok").encode(), {"Content-Type": "text/plain"})
        else:
            super().do_GET()


Serve = Callable[..., str]


@pytest.fixture
def serve(data_dir: Path) -> Iterator[Serve]:
    """serve(host='127.0.0.1', port=0) -> the base URL of a new server; all stop at the end."""
    running: list[tuple[ThreadingHTTPServer, threading.Thread]] = []

    def start(host: str = "127.0.0.1", port: int = 0) -> str:
        handler_type = type("TestHandler", (Handler,), {"hits": {}})
        httpd = ThreadingHTTPServer((host, port), partial(handler_type, directory=str(data_dir)))
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        running.append((httpd, thread))
        return f"http://{host}:{httpd.server_address[1]}"

    yield start
    for httpd, thread in running:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def server(serve: Serve) -> str:
    return serve()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def local_inputs(*urls: str) -> list[tuple[str, object]]:
    return list(iter_inputs(list(urls), allow_private=True))


# -- the guard -----------------------------------------------------------------------------


def test_loopback_is_refused_without_the_flag(server: str) -> None:
    target = f"{server}/article.html"
    [(origin, err)] = list(iter_inputs([target]))
    assert origin == target
    assert isinstance(err, InputError)
    assert err.reason == f"cannot fetch: 127.0.0.1, a loopback address; {ALLOWS}"


def test_loopback_is_fetched_with_the_flag(server: str) -> None:
    target = f"{server}/article.html"
    [(origin, doc)] = local_inputs(target)
    assert not isinstance(doc, InputError)
    assert (doc.kind, doc.name, doc.origin) == ("html", "article", target)
    assert doc.outlet == "The Coastal Ledger"
    assert "rose by 18 percent" in doc.text


def test_a_name_is_checked_by_what_it_resolves_to(server: str) -> None:
    port = urlsplit(server).port
    with pytest.raises(InputError) as caught:
        fetch(f"http://localhost:{port}/article.html")
    assert "localhost resolves to " in caught.value.reason
    assert "a loopback address" in caught.value.reason


def test_a_redirect_into_loopback_is_refused(serve: Serve) -> None:
    """The first server is trusted; it redirects to another loopback address, which is not."""
    first = serve("127.0.0.1")
    second = serve("127.0.0.2")
    target = f"{first}/redirect?to={second}/ok"
    with pytest.raises(InputError) as caught:
        fetch(target, trusted={"127.0.0.1"})
    assert caught.value.reason == f"cannot fetch: 127.0.0.2, a loopback address; {ALLOWS}"
    assert fetch(target, allow_private=True).data == b"ok"


def test_a_redirect_to_another_scheme_is_refused(server: str) -> None:
    with pytest.raises(InputError) as caught:
        fetch(f"{server}/redirect?to=file:///etc/passwd", allow_private=True)
    assert caught.value.reason == "cannot fetch: redirected to a non-http URL: file:///etc/passwd"


def test_the_connect_goes_to_the_checked_address(
    serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebinding name answers a trusted address first and another one after: the fetch
    must connect to the address it checked, not ask again."""
    good = serve("127.0.0.1")
    port = urlsplit(good).port
    serve("127.0.0.2", port)  # the same port on the address the name rebinds to
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1"] + ["127.0.0.2"] * 10)

    def rebinding(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        return real(next(answers) if host == "rebind.test" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    fetched = fetch(f"http://rebind.test:{port}/ok?say=checked", trusted={"127.0.0.1"})
    assert fetched.data == b"checked"
    assert next(answers) == "127.0.0.2"  # resolved exactly once


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "private"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("64:ff9b::a9fe:a9fe", "link-local"),
        ("2002:7f00:1::", "loopback"),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_kinds(address: str, kind: str | None) -> None:
    import ipaddress

    assert address_kind(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.com/a.txt", "gopher://x"])
def test_other_schemes_are_refused(target: str) -> None:
    with pytest.raises(InputError) as caught:
        fetch(target, allow_private=True)
    assert caught.value.reason == "cannot fetch: only http and https URLs are supported"


# -- what comes back -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_compressed_bodies_are_decoded(server: str, path: str) -> None:
    [(_, doc)] = local_inputs(f"{server}{path}")
    assert not isinstance(doc, InputError), doc
    assert doc.kind == "html"
    assert "Exports rose 12 percent." in doc.text


def test_a_decompression_bomb_stops_at_the_limit(server: str) -> None:
    with pytest.raises(InputError) as caught:
        fetch(f"{server}/bomb", allow_private=True)
    assert caught.value.reason == "cannot fetch: response larger than 10 MiB"


def test_a_body_just_under_the_limit_is_read_whole(server: str) -> None:
    fetched = fetch(f"{server}/big", allow_private=True)
    assert len(fetched.data) == BIG


def test_a_script_is_not_a_document(server: str) -> None:
    [(_, err)] = local_inputs(f"{server}/script.js")
    assert isinstance(err, InputError)
    assert err.reason == (
        "cannot fetch: content type application/javascript is not text, HTML, PDF or a feed"
    )


def test_a_busy_server_is_tried_again(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(url, "BACKOFF_SECONDS", 0.01)
    assert b"Exports rose" in fetch(f"{server}/flaky", allow_private=True).data


def test_a_slow_drip_meets_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that sends one byte at a time forever is cut off at the deadline."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def drip() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
            while not stop.is_set():
                try:
                    conn.sendall(b"1")
                except OSError:
                    return
                time.sleep(0.05)

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    monkeypatch.setattr(url, "DEADLINE_SECONDS", 0.5)
    monkeypatch.setattr(url, "RETRIES", 0)
    try:
        with pytest.raises(InputError) as caught:
            fetch(f"http://127.0.0.1:{listener.getsockname()[1]}/", allow_private=True)
        assert caught.value.reason == "cannot fetch: took longer than 0.5 s"
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)


def test_fetch_feed(server: str) -> None:
    docs = [doc for _, doc in local_inputs(f"{server}/feed.xml")]
    assert [d.name for d in docs] == ["feed-1", "feed-2"]


def test_fetch_missing_page(server: str) -> None:
    target = f"{server}/nowhere.html"
    [(_, err)] = local_inputs(target)
    assert str(err) == f"{target}: cannot fetch: HTTP 404 File not found"


def test_connection_refused() -> None:
    target = f"http://127.0.0.1:{closed_port()}/story.html"
    [(origin, err)] = local_inputs(target)
    assert origin == target
    assert isinstance(err, InputError)
    assert str(err) == f"{target}: cannot fetch: connection refused"


def test_urls_can_be_refused() -> None:
    [(_, err)] = list(iter_inputs(["https://example.com/a.html"], allow_urls=False))
    assert err.reason == "URLs are not accepted here; save the page and pass the file"


@pytest.mark.parametrize(
    ("link", "name"),
    [
        ("https://news.example/world/ports-report.html", "ports-report"),
        ("https://news.example/world/ports-report/", "ports-report"),
        ("https://news.example/", "news.example"),
        ("http://news.example", "news.example"),
    ],
)
def test_url_name(link: str, name: str) -> None:
    assert url_name(link) == name
