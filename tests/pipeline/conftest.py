"""Fixtures shared by the date stage's test modules (a module may still define its own)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.models import default_model

from quotemine.pipeline.dates.calendar import load_events
from quotemine.pipeline.dates.timex import TimexResolver


@pytest.fixture(scope="module")
def resolver() -> TimexResolver:
    """The TIMEX3 resolver with the calendar of named events."""
    return TimexResolver(load_events())


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The default English pipeline, loaded once per test module."""
    return default_model()
