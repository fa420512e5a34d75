"""The date candidates of a cold process (no partial-match twins yet) equal those of a warm one."""

from __future__ import annotations

from typing import Any

import pytest

from quotemine.pipeline.dates import candidates


@pytest.fixture(scope="module")
def nlp(extractor: Any) -> Any:
    return extractor.nlp


TEXTS = (
    "The council met on Tuesday, March 4, 2031, and again in the spring of 2032.",
    "Prices rose 5% in the third quarter; the board will vote next week, aides said.",
    "In the '90s the firm had 1,200 staff; by 2010 it had 300. It closed at 5 p.m. on Friday.",
    "The talks lasted three years and ended the day after Christmas.",
)


def test_warm_up_finds_the_same_candidates(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    finder = nlp.get_pipe("quotemine_dates")._finder
    docs = list(nlp.pipe(TEXTS))
    monkeypatch.setattr(candidates, "_WARMUP_DOCS", 10**9)
    cold = [finder.matches(doc, doc.text) for doc in docs]
    monkeypatch.setattr(candidates, "_WARMUP_DOCS", 0)
    warm = [finder.matches(doc, doc.text) for doc in docs]
    assert cold == warm
    assert all(cold)  # every text has a date: the comparison is not between empty lists


def test_twins_are_compiled_only_after_the_first_documents(nlp: Any) -> None:
    finder = candidates.CandidateFinder(["christmas"], [])
    doc = nlp.make_doc("It ended on 4 March 2031.")
    for _ in range(candidates._WARMUP_DOCS):
        finder.matches(doc, doc.text)
    assert "_general_partial" not in vars(finder)
    finder.matches(doc, doc.text)
    finder.matches(doc, doc.text)
    assert "_general_partial" in vars(finder)
