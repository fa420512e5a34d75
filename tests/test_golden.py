"""Golden reports of the sample articles, reviewed by hand; ``pytest --update-golden`` rewrites them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotemine import Extractor
from tests.test_api import check_report

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
# Publication dates of the samples (the seed's is given with it; the others are on their datelines
# or, for the London sample, given here on purpose to exercise the caller's date).
PUBLISHED = {
    "tajikistan-turns-west": "2003-01-10",
    "harbour-bridge-tender": None,
    "tokyo-chip-plant": None,
    "london-transit-strike": "2024-06-21",
}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_sample_report_matches_golden(extractor: Extractor, update_golden: bool, name: str) -> None:
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    report = extractor.extract(text, published=PUBLISHED[name], doc_id=name)
    check_report(report, text)
    data = report.model_dump(mode="json", exclude={"quotemine_version"})
    path = GOLDEN / f"{name}.json"
    if update_golden:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert data == json.loads(path.read_text(encoding="utf-8"))


def test_every_sample_has_a_golden_report() -> None:
    samples = {p.stem for p in SAMPLES.glob("*.txt")}
    assert samples == set(PUBLISHED)
