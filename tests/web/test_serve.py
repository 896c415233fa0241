"""`claimledger serve`: first line names the address; --port 0 picks a free port."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from claimledger.cli import main
from claimledger.cli.web_cmds import bind_socket, url_for


def test_serve_prints_address_first_and_serves(corpus_db: Path) -> None:
    command = [str(Path(sys.executable).parent / "claimledger"), "serve", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--db", str(corpus_db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        found = re.fullmatch(r"Serving on http://127\.0\.0\.1:(\d+)/", first)
        assert found, first
        url = f"http://127.0.0.1:{found.group(1)}/api/overview"
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    assert response.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)


def test_port_in_use_is_a_usage_error(tmp_path: Path) -> None:
    taken = bind_socket("127.0.0.1", 0)
    taken.listen()
    port = taken.getsockname()[1]
    try:
        result = CliRunner().invoke(
            main, ["serve", "--port", str(port), "--db", str(tmp_path / "l.db")]
        )
    finally:
        taken.close()
    assert result.exit_code == 2
    assert "pick another --port, or --port 0 for a free one" in result.output


def test_url_brackets_ipv6() -> None:
    assert url_for("::1", 8765) == "http://[::1]:8765/"
    assert url_for("127.0.0.1", 0) == "http://127.0.0.1:0/"


def test_serve_is_documented_in_help() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"], env={**os.environ, "COLUMNS": "100"})
    assert result.exit_code == 0
    assert "--host" in result.output and "--port" in result.output and "127.0.0.1" in result.output
