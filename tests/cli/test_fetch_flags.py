"""`ingest URL` and `check URL` refuse loopback unless --allow-private is given."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import Result

from claimledger.store import Ledger

Invoke = Callable[..., Result]
FIXTURES = Path(__file__).resolve().parents[1] / "data" / "ingest"
REFUSED = (
    "cannot fetch: 127.0.0.1, a loopback address; claimledger fetches only public addresses "
    "unless you pass --allow-private"
)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def article_url() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(FIXTURES)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/article.html"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_ingest_refuses_loopback(cli: Invoke, tmp_path: Path, article_url: str) -> None:
    db = tmp_path / "l.db"
    result = cli("--db", str(db), "ingest", article_url)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"error: {article_url}: {REFUSED}"
    with Ledger.open(db) as ledger:
        assert ledger.stats()["documents"] == 0


def test_ingest_allow_private_fetches(cli: Invoke, tmp_path: Path, article_url: str) -> None:
    db = tmp_path / "l.db"
    result = cli("--db", str(db), "ingest", "--allow-private", article_url)
    assert result.exit_code == 0, result.stderr
    with Ledger.open(db) as ledger:
        [doc] = ledger.documents(with_text=False)
    assert doc.origin == article_url


def test_check_refuses_loopback_unless_allowed(
    cli: Invoke, ledger_copy: Path, article_url: str
) -> None:
    refused = cli("--db", str(ledger_copy), "check", article_url)
    assert refused.exit_code == 2
    assert refused.stderr.splitlines() == [f"error: {article_url}: {REFUSED}"]
    allowed = cli("--db", str(ledger_copy), "check", "--allow-private", article_url, "--format",
                  "json")  # fmt: skip
    assert allowed.exit_code in (0, 1), allowed.stderr
    assert '"figures"' in allowed.stdout
