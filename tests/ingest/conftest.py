"""Shared fixtures for the ingest tests: the seed articles and the fixture directory."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def seeds_dir() -> Path:
    """The shared seed articles, used in place: they are never copied into the repo."""
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not any(seeds.glob("*.txt")):
        pytest.skip(f"seed articles not found at {seeds}")
    return seeds
