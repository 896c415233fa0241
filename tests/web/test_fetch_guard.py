"""Add > URL never reaches loopback or private addresses unless `serve --allow-private`.

A real local web server on 127.0.0.1 holds an article; the workbench, started by the
`serve` command itself, is asked to fetch it (and a redirect into it) with and without
the flag.
"""

from __future__ import annotations

import http.server
import json
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ARTICLE = b"Title: Local\n\nNorth Korea sent Russia 6,000 shells in 2024, officials said.\n"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        if self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/article")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write(ARTICLE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def local_site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def _serve(db: Path, *flags: str) -> tuple[subprocess.Popen[str], str]:
    command = [str(Path(sys.executable).parent / "claimledger"), "--db", str(db), "serve",
               "--port", "0", *flags]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    found = re.fullmatch(
        r"Serving on (http://127\.0\.0\.1:\d+)/", process.stdout.readline().strip()
    )
    assert found
    return process, found.group(1)


def _add_url(base: str, url: str) -> tuple[int, dict]:
    body = json.dumps({"url": url}).encode()
    request = urllib.request.Request(f"{base}/api/add", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read())
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_add_url_refuses_loopback_without_the_flag(tmp_path: Path, local_site: str) -> None:
    process, base = _serve(tmp_path / "ledger.db")
    try:
        for url in (f"{local_site}/article", f"{local_site}/hop"):
            status, body = _add_url(base, url)
            assert status == 400, body
            message = body["error"]["message"]
            assert "--allow-private" in message, message
        status, body = _add_url(base, "file:///etc/passwd")
        assert status == 400
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)


def test_add_url_reaches_loopback_with_the_flag(tmp_path: Path, local_site: str) -> None:
    process, base = _serve(tmp_path / "ledger.db", "--allow-private")
    try:
        status, body = _add_url(base, f"{local_site}/article")
        assert status == 201, body
        assert body["added"][0]["figures"] >= 1
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
