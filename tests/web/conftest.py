"""Fixtures for the web tests: the demo corpus ingested once, a TestClient, a live server."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from claimledger.ingest import load_path
from claimledger.parties import PartyRegistry
from claimledger.store import Ledger
from claimledger.web import create_app
from claimledger.web.adding import store_documents

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger of the ten demo articles, built once with the real pipeline; never modified."""
    path = tmp_path_factory.mktemp("corpus") / "ledger.db"
    docs = [doc for file in sorted(CORPUS.glob("*.txt")) for doc in load_path(file)]
    with Ledger.open(path) as ledger:
        store_documents(ledger, docs, PartyRegistry.default())
    return path


@pytest.fixture
def writable_db(corpus_db: Path, tmp_path: Path) -> Path:
    """A private copy of the corpus ledger, for tests that add documents."""
    path = tmp_path / "ledger.db"
    shutil.copyfile(corpus_db, path)
    return path


@pytest.fixture(scope="session")
def app(corpus_db: Path) -> FastAPI:
    return create_app(corpus_db)


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app, base_url="http://127.0.0.1")


@pytest.fixture
def writable_client(writable_db: Path) -> TestClient:
    return TestClient(create_app(writable_db), base_url="http://127.0.0.1")


def serve_in_thread(app: FastAPI) -> Iterator[str]:
    """Run `app` under uvicorn on a free loopback port; yields its base URL."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start within 10 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
