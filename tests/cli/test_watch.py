"""watch: polls a local feed server (so --allow-private), remembers what it has seen, prints
alerts as JSON lines, and goes on after a fetch error."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import Result

from claimledger.store import Ledger

Invoke = Callable[..., Result]

ENTRIES = [
    ("https://harbour-wire.example/a", "Port officials count 12,000 containers",
     "Port officials said North Korea shipped 12,000 containers to Russia in May."),
    ("https://harbour-wire.example/b", "Customs tally differs",
     "Customs records show North Korea shipped 4,000 containers to Russia in May."),
]  # fmt: skip


def rss(entries: list[tuple[str, str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><description>{text}</description>"
        "<pubDate>Mon, 03 Jun 2024 09:00:00 +0000</pubDate></item>"
        for link, title, text in entries
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>'
            f"{items}</channel></rss>").encode()  # fmt: skip


@pytest.fixture
def feed() -> Iterator[tuple[str, list[tuple[str, str, str]]]]:
    """A feed server whose entries the test changes between watches."""
    entries: list[tuple[str, str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            body = rss(entries)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml", entries
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def alerts(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_watch_ingests_new_entries_and_alerts(
    cli: Invoke, tmp_path: Path, feed: tuple[str, list[tuple[str, str, str]]]
) -> None:
    url, entries = feed
    db, log = tmp_path / "l.db", tmp_path / "alerts.jsonl"
    entries.append(ENTRIES[0])
    args = ("--db", str(db), "watch", url, "--allow-private", "--interval", "0",
            "--item", "containers", "--log", str(log))  # fmt: skip
    first = cli(*args, "--max-polls", "2")
    assert first.exit_code == 0, first.stderr
    lines = alerts(first)
    assert [a["alert"] for a in lines] == ["figure", "poll", "poll"]
    assert lines[0]["quote"] == "12,000 containers" and lines[0]["url"] == ENTRIES[0][0]
    assert (lines[1]["documents"], lines[2]["documents"]) == (1, 0)  # seen on the second poll

    entries.append(ENTRIES[1])  # a later entry disagrees with the first
    second = cli(*args, "--max-polls", "1")
    assert second.exit_code == 0, second.stderr
    later = alerts(second)
    kinds = [a["alert"] for a in later]
    assert kinds[-1] == "poll" and later[-1]["documents"] == 1  # the first entry is remembered
    assert "figure" in kinds and "conflict" in kinds, later
    conflict = next(a for a in later if a["alert"] == "conflict")
    quotes = sorted(f["quote"] for f in conflict["figures"])  # type: ignore[union-attr]
    assert quotes == ["12,000 containers", "4,000 containers"]
    logged = [json.loads(line) for line in log.read_text().splitlines()]
    assert logged == lines + later
    with Ledger.open(db) as ledger:
        assert ledger.stats()["documents"] == 2


def test_watch_refuses_loopback_without_the_flag_and_goes_on(
    cli: Invoke, tmp_path: Path, feed: tuple[str, list[tuple[str, str, str]]]
) -> None:
    url, entries = feed
    entries.append(ENTRIES[0])
    result = cli("--db", str(tmp_path / "l.db"), "watch", url, "--interval", "0",
                 "--max-polls", "2")  # fmt: skip
    assert result.exit_code == 2  # every input failed: the contract's usage/all-failed code
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and all("a loopback address" in e for e in errors)
    assert [a["errors"] for a in alerts(result)] == [1, 1]


def test_watch_exits_3_when_only_some_feeds_fail(
    cli: Invoke, tmp_path: Path, feed: tuple[str, list[tuple[str, str, str]]]
) -> None:
    url, entries = feed
    entries.append(ENTRIES[0])
    closed = "http://127.0.0.1:9/feed.xml"  # the discard port: nothing listens there
    result = cli("--db", str(tmp_path / "l.db"), "watch", url, closed, "--allow-private",
                 "--interval", "0", "--max-polls", "1")  # fmt: skip
    assert result.exit_code == 3, result.stderr
    assert [a["documents"] for a in alerts(result) if a["alert"] == "poll"] == [1]
    assert len(result.stderr.splitlines()) == 1 and "127.0.0.1:9" in result.stderr
