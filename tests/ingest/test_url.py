"""URLs: fetched from a local server started in the test, never the live network."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.ingest import iter_inputs
from claimledger.ingest.url import url_name


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(data_dir: Path) -> Iterator[str]:
    handler = partial(QuietHandler, directory=str(data_dir))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_fetch_html(server: str) -> None:
    url = f"{server}/article.html"
    [(origin, doc)] = list(iter_inputs([url]))
    assert origin == url
    assert not isinstance(doc, InputError)
    assert (doc.kind, doc.name, doc.origin) == ("html", "article", url)
    assert doc.outlet == "The Coastal Ledger"
    assert "rose by 18 percent" in doc.text


def test_fetch_feed(server: str) -> None:
    docs = [doc for _, doc in iter_inputs([f"{server}/feed.xml"])]
    assert [d.name for d in docs] == ["feed-1", "feed-2"]


def test_fetch_missing_page(server: str) -> None:
    url = f"{server}/nowhere.html"
    [(_, err)] = list(iter_inputs([url]))
    assert str(err) == f"{url}: cannot fetch: HTTP 404 File not found"


def test_connection_refused() -> None:
    url = f"http://127.0.0.1:{closed_port()}/story.html"
    [(origin, err)] = list(iter_inputs([url]))
    assert origin == url
    assert isinstance(err, InputError)
    assert str(err) == f"{url}: cannot fetch: connection refused"


def test_urls_can_be_refused() -> None:
    [(_, err)] = list(iter_inputs(["https://example.com/a.html"], allow_urls=False))
    assert err.reason == "URLs are not accepted here; save the page and pass the file"


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://news.example/world/ports-report.html", "ports-report"),
        ("https://news.example/world/ports-report/", "ports-report"),
        ("https://news.example/", "news.example"),
        ("http://news.example", "news.example"),
    ],
)
def test_url_name(url: str, name: str) -> None:
    assert url_name(url) == name
