from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

import quotemine
from quotemine.schema import SCHEMA_VERSION, Document, Money, Report, report_json_schema

SCHEMA_FILE = Path(quotemine.__file__).parent / "schemas" / f"report-{SCHEMA_VERSION}.json"


def test_committed_schema_matches_models(update_golden: bool) -> None:
    current = report_json_schema()
    if update_golden:
        SCHEMA_FILE.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == current, (
        "the report models changed: bump SCHEMA_VERSION if a field was renamed, removed or retyped, "
        "then regenerate with pytest --update-golden"
    )


@pytest.mark.parametrize(
    "field", ["text", "start", "end", "kind", "speaker", "cue", "value", "granularity", "modifier"]
)
def test_contract_field_names_are_in_the_schema(field: str) -> None:
    assert f'"{field}"' in json.dumps(report_json_schema())


def test_report_round_trips_through_json() -> None:
    report = Report(
        quotemine_version="x",
        model="m",
        document=Document(published="2003-01-10", char_count=10),
        money=(Money(text="$5", start=0, end=2, amount=5.0, currency="USD"),),
    )
    assert Report.from_json(report.model_dump_json()) == report


def test_unknown_major_version_is_refused() -> None:
    data = json.dumps({"schema_version": "2.0", "quotemine_version": "x", "model": "m"})
    with pytest.raises(quotemine.SchemaVersionError, match=r"2\.0"):
        Report.from_json(data)
    with pytest.raises(quotemine.SchemaVersionError):
        Report.from_json("not json")


def test_money_amount_must_be_finite() -> None:
    with pytest.raises(ValidationError):
        Money(text="x", start=0, end=1, amount=float("inf"))


def test_models_are_frozen() -> None:
    doc = Document(char_count=1)
    with pytest.raises(ValidationError):
        doc.char_count = 2  # type: ignore[misc]


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.3"])
def test_older_minor_reports_still_validate(version: str) -> None:
    money = {"text": "$5", "start": 0, "end": 2, "amount": 5.0, "currency": "USD", "period": "a year"}
    data = json.dumps(
        {
            "schema_version": version,
            "quotemine_version": "x",
            "model": "m",
            "document": {"char_count": 2},
            "money": [money],
        }
    )
    report = Report.from_json(data)
    assert report.schema_version == version
    assert report.money[0].per is None


def test_money_per_unit_round_trips() -> None:
    money = Money(text="$5 a pound", start=0, end=10, amount=5.0, currency="USD", per="pound")
    report = Report(quotemine_version="x", model="m", document=Document(char_count=10), money=(money,))
    assert Report.from_json(report.model_dump_json()).money[0].per == "pound"
    assert report.schema_version == SCHEMA_VERSION == "1.4"
