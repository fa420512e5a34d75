from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

pd = pytest.importorskip("pandas", reason="the tables extra is not installed")
pytest.importorskip("pyarrow", reason="the tables extra is not installed")

from quotemine.batch import partition  # noqa: E402
from quotemine.errors import SchemaVersionError  # noqa: E402
from quotemine.schema import (  # noqa: E402
    DateMention,
    Document,
    Failure,
    Money,
    Organization,
    Person,
    Quote,
    Report,
    Speaker,
    TextSpan,
)
from quotemine.views.frames import (  # noqa: E402
    TABLES,
    empty_tables,
    frames,
    parse_results,
    spark_ddl,
    to_frames,
)

TEXT = 'Mayor Ana Lind of Porto Council said on Monday: "We will pay 5 million euros."'


def _span(text: str, needle: str) -> dict[str, Any]:
    start = text.index(needle)
    return {"text": needle, "start": start, "end": start + len(needle)}


def _report(doc_id: str | None = "a1") -> Report:
    return Report(
        quotemine_version="0.0",
        model="en_test-0",
        id=doc_id,
        document=Document(published="2020-03-02", char_count=len(TEXT)),
        people=(
            Person(
                id="p1",
                name="Ana Lind",
                mentions=(TextSpan(**_span(TEXT, "Ana Lind")),),
                roles=(TextSpan(**_span(TEXT, "Mayor")),),
                affiliations=("o1",),
            ),
        ),
        organizations=(
            Organization(id="o1", name="Porto Council", mentions=(TextSpan(**_span(TEXT, "Porto Council")),)),
        ),
        quotes=(
            Quote(
                id="q1",
                kind="direct",
                speaker=Speaker(person_id="p1", **_span(TEXT, "Ana Lind")),
                cue=TextSpan(**_span(TEXT, "said")),
                **_span(TEXT, "We will pay 5 million euros."),
            ),
        ),
        dates=(
            DateMention(
                value="2020-03-02",
                value_start="2020-03-02",
                value_end="2020-03-02",
                granularity="day",
                **_span(TEXT, "Monday"),
            ),
        ),
        money=(Money(amount=5_000_000, currency="EUR", **_span(TEXT, "5 million euros")),),
    )


def test_frames_has_every_table_with_fixed_columns_and_dtypes() -> None:
    tables = frames([_report()])
    assert set(tables) == set(TABLES)
    for name, columns in TABLES.items():
        assert list(tables[name].columns) == [c for c, _ in columns]
        assert tables[name]["doc_id"].tolist() == ["a1"]
    assert str(tables["documents"]["char_count"].dtype) == "int64[pyarrow]"
    assert str(tables["documents"]["published"].dtype) == "date32[day][pyarrow]"
    assert str(tables["money"]["amount"].dtype) == "decimal128(38, 6)[pyarrow]"
    assert str(tables["people"]["affiliations"].dtype) == "list<item: string>[pyarrow]"


@pytest.mark.parametrize(
    "table, key, expected",
    [
        (
            "people",
            "person_id",
            {
                "name": "Ana Lind",
                "roles": [{"text": "Mayor", "start": 0, "end": 5}],
                "mentions": [{"text": "Ana Lind", "start": 6, "end": 14}],
                "affiliations": ["o1"],
                "affiliation_names": ["Porto Council"],
                "n_mentions": 1,
            },
        ),
        ("organizations", "org_id", {"name": "Porto Council", "first_start": TEXT.index("Porto")}),
        (
            "quotes",
            "quote_id",
            {"kind": "direct", "cue_type": "speech", "speaker_name": "Ana Lind", "cue_text": "said"},
        ),
        (
            "dates",
            "date_id",
            {
                "value": "2020-03-02",
                "value_start": datetime.date(2020, 3, 2),
                "value_end": datetime.date(2020, 3, 2),
                "granularity": "day",
                "text": "Monday",
            },
        ),
        ("money", "money_id", {"amount": Decimal("5000000"), "currency": "EUR", "text": "5 million euros"}),
        (
            "documents",
            "doc_id",
            {"status": "ok", "n_quotes": 1, "n_money": 1, "published": datetime.date(2020, 3, 2)},
        ),
    ],
)
def test_frames_rows_carry_the_report_items(table: str, key: str, expected: dict[str, Any]) -> None:
    row = frames([_report()])[table].iloc[0]
    assert row[key] in {"a1", "p1", "o1", "q1", "d1", "m1"}
    for column, value in expected.items():
        cell = row[column]
        assert (list(cell) if isinstance(value, list) else cell) == value, column


def test_frames_tables_join_on_doc_and_item_ids() -> None:
    tables = frames([_report("a"), _report("b")])
    joined = tables["quotes"].merge(
        tables["people"], left_on=["doc_id", "speaker_person_id"], right_on=["doc_id", "person_id"]
    )
    assert joined["name"].tolist() == ["Ana Lind", "Ana Lind"]
    assert joined["doc_id"].tolist() == ["a", "b"]


def test_frames_keys_reports_without_id_by_position_and_failures_as_error_rows() -> None:
    failure = Failure(id="bad", index=1, error="InputError", reason="text is empty")
    documents = frames([_report(None), failure])["documents"]
    assert documents["doc_id"].tolist() == ["0", "bad"]
    assert documents["status"].tolist() == ["ok", "error"]
    assert documents["reason"].iloc[1] == "text is empty"
    assert documents["n_quotes"].isna().tolist() == [False, True]


def test_empty_input_gives_empty_typed_tables() -> None:
    tables = frames([])
    for name, table in tables.items():
        assert table.empty
        assert table.dtypes.equals(empty_tables()[name].dtypes)


def test_to_frames_of_one_report() -> None:
    assert to_frames(_report())["quotes"]["text"].tolist() == ["We will pay 5 million euros."]


def test_spark_ddl_lists_every_column() -> None:
    ddl = spark_ddl("money")
    assert ddl.startswith("`doc_id` string, `money_id` string")
    assert "`amount` decimal(38,6)" in ddl
    assert "`roles` array<struct<`text`: string, `start`: bigint, `end`: bigint>>" in spark_ddl("people")
    assert "`published` date" in spark_ddl("documents")
    assert ddl.count("` ") == len(TABLES["money"])


def test_partition_needs_a_text_column() -> None:
    from quotemine.errors import QuotemineError

    with pytest.raises(QuotemineError, match="'text' column"):
        partition(pd.DataFrame({"body": ["x"]}))


@pytest.mark.slow
def test_partition_runs_the_pipeline_and_records_bad_rows(extractor: Any) -> None:
    articles = pd.DataFrame(
        {
            "id": ["ok", None, "nodate", "notext"],
            "text": [
                '"The bridge opens in May," the engineer Tom Reyes said on Friday.',
                "Officials said the port would close.",
                "Short text.",
                None,
            ],
            "published": ["2021-04-02", None, "not a date", None],
        },
        index=[10, 11, 12, 13],
    )
    tables = partition(articles, model=extractor.nlp, published="2021-01-01")
    documents = tables["documents"]
    assert documents["doc_id"].tolist() == ["ok", "11", "nodate", "notext"]
    assert documents["index"].tolist() == [10, 11, 12, 13]
    assert documents["status"].tolist() == ["ok", "ok", "error", "error"]
    assert documents["published"].tolist()[:2] == [datetime.date(2021, 4, 2), datetime.date(2021, 1, 1)]
    quotes = tables["quotes"]
    assert set(quotes["doc_id"]) == {"ok", "11"}
    assert "The bridge opens in May," in quotes["text"].tolist()


def test_parse_results_reads_reports_and_error_records_back() -> None:
    failure = Failure(id="bad", index=1, error="InputError", reason="text is empty")
    lines = [_report().model_dump_json(), "", failure.model_dump_json().encode()]
    parsed = list(parse_results(lines))
    assert parsed == [_report(), failure]
    with pytest.raises(SchemaVersionError):
        list(parse_results(['{"schema_version": "9.0"}']))
    with pytest.raises(SchemaVersionError):
        list(parse_results(["not json"]))
