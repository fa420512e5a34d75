"""One published Arrow schema: the pandas frames and the Parquet files of a batch carry it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pd = pytest.importorskip("pandas", reason="the tables extra is not installed")
pa = pytest.importorskip("pyarrow", reason="the tables extra is not installed")
pq = pytest.importorskip("pyarrow.parquet", reason="the tables extra is not installed")

import quotemine  # noqa: E402
from quotemine.batch.sinks import ParquetSink  # noqa: E402
from quotemine.batch.workers import Outcome  # noqa: E402
from quotemine.schema import Failure, Report  # noqa: E402
from quotemine.views.frames import TABLES, empty_tables, frames, spark_ddl  # noqa: E402
from tests.invented import invented_report as _report  # noqa: E402

SPAN = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])


def _results() -> list[Report | Failure]:
    failure = Failure(id="bad", index=1, error="InputError", reason="text is empty")
    return [_report("a"), failure, _report("b", published=None)]


def test_arrow_schema_is_exported_and_covers_every_table() -> None:
    schemas = quotemine.arrow_schema()
    assert set(schemas) == set(TABLES)
    for name, schema in schemas.items():
        assert schema.names == [column for column, _ in TABLES[name]]
        assert schema.equals(quotemine.arrow_schema(name))
        assert len(spark_ddl(name).split("` ")) - 1 == len(schema)


def test_arrow_schema_types_lists_decimals_and_dates() -> None:
    people, money, documents, dates = (
        quotemine.arrow_schema(n) for n in ("people", "money", "documents", "dates")
    )
    assert people.field("roles").type == pa.list_(SPAN)
    assert people.field("mentions").type == pa.list_(SPAN)
    assert people.field("affiliations").type == pa.list_(pa.string())
    assert money.field("amount").type == pa.decimal128(38, 6)
    assert documents.field("published").type == pa.date32()
    assert dates.field("value_start").type == pa.date32() and dates.field("value_end").type == pa.date32()


@pytest.mark.parametrize("results", [_results(), []], ids=["reports", "empty"])
def test_pandas_frames_carry_the_published_schema(results: list[Any]) -> None:
    for name, frame in frames(results).items():
        schema = pa.Schema.from_pandas(frame, preserve_index=False).remove_metadata()
        assert schema.equals(quotemine.arrow_schema(name)), name


def test_parquet_files_carry_the_published_schema_and_read_back_as_the_frames(tmp_path: Path) -> None:
    results = _results()
    sink = ParquetSink(tmp_path / "out.parquet", part_docs=2)
    for index, result in enumerate(results):
        sink.write([Outcome(index, str(result.id), result.model_dump_json())])
    sink.close()
    expected = frames(results)
    for name in TABLES:
        files = sorted((tmp_path / "out.parquet" / name).glob("part-*.parquet"))
        assert len(files) == 2, name
        for file in files:
            assert pq.read_schema(file).remove_metadata().equals(quotemine.arrow_schema(name)), file
        back = pd.read_parquet(tmp_path / "out.parquet" / name, dtype_backend="pyarrow")
        pd.testing.assert_frame_equal(back, expected[name], check_dtype=True)


def test_frames_have_list_columns_not_joined_strings() -> None:
    people = frames([_report("a")])["people"]
    assert people["affiliation_names"].tolist() == [["Dunmore Council"]]
    assert [r["text"] for r in people["roles"].iloc[0]] == ["Mayor"]
    exploded = people.explode("mentions")
    assert len(exploded) == 2


def test_empty_tables_are_the_dask_meta_with_the_same_dtypes() -> None:
    for name, frame in empty_tables().items():
        assert frame.empty
        assert frame.dtypes.equals(frames([_report("a")])[name].dtypes), name
