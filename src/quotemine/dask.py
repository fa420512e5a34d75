"""Run quotemine on a Dask DataFrame of articles: one task per partition, tables out.

Each partition goes through ``quotemine.batch.partition``, the same function the single-process
``frames``/``partition`` path and the Spark recipe use, so a Dask run gives the tables a
single-process run gives. Workers load the spaCy pipeline once (``load_pipeline``'s per-process
cache) and reuse it for every partition they are given.

Use a cluster of worker *processes* with one thread each (``LocalCluster(processes=True,
threads_per_worker=1)``, or ``--nthreads 1`` for ``dask worker``): a spaCy pipeline must not run in
two threads of one process at once.

>>> import dask.dataframe as dd  # doctest: +SKIP
>>> articles = dd.read_parquet("articles.parquet")  # id, text, published  # doctest: +SKIP
>>> tables = quotemine.dask.extract_tables(articles)  # doctest: +SKIP
>>> people, quotes = dask.compute(tables["people"], tables["quotes"])  # doctest: +SKIP

Compute the tables you need in *one* ``dask.compute`` call (or ``persist`` them together): they
share one parse per partition, and tables computed one after another would parse again.
"""

from __future__ import annotations

import logging
import operator
from typing import TYPE_CHECKING, Any

from quotemine.batch.dataframes import partition
from quotemine.errors import QuotemineError
from quotemine.views.frames import TABLES, empty_tables

if TYPE_CHECKING:
    import dask.dataframe as dd

logger = logging.getLogger(__name__)

__all__ = ["extract_tables"]


def _dask() -> tuple[Any, Any]:
    try:
        import dask
        import dask.dataframe as ddf
    except ImportError as exc:
        raise QuotemineError(
            "quotemine.dask needs dask; install it with: pip install 'quotemine[dask,tables]'"
        ) from exc
    return dask, ddf


def extract_tables(
    articles: dd.DataFrame,
    *,
    model: str | None = None,
    batch_size: int = 64,
    published: str | None = None,
) -> dict[str, dd.DataFrame]:
    """Extract the tables of a Dask DataFrame of articles, one pipeline run per partition.

    Args:
        articles: a ``text`` column and optional ``id`` and ``published`` columns; rows without
            an id are keyed by their index label.
        model: the spaCy pipeline package each worker loads; defaults to ``DEFAULT_MODEL``.
        batch_size: documents per spaCy batch.
        published: the publication date of rows without one.

    Returns:
        ``{"documents", "people", "organizations", "quotes", "dates", "money"}`` → lazy Dask
        DataFrames with the columns and dtypes of ``quotemine.views.frames.TABLES``, one partition per
        input partition.

    Raises:
        QuotemineError: dask, pandas or pyarrow is missing, or ``articles`` has no ``text`` column.

    """
    dask, ddf = _dask()
    if "text" not in articles.columns:
        raise QuotemineError(f"the articles DataFrame needs a 'text' column; it has {list(articles.columns)}")
    meta = empty_tables()
    run = dask.delayed(partition, pure=True)
    frame: Any = articles  # dask's partly typed API
    parts = [
        run(part, model=model, batch_size=batch_size, published=published) for part in frame.to_delayed()
    ]
    pick = dask.delayed(operator.getitem, pure=True)
    return {
        name: ddf.from_delayed([pick(part, name) for part in parts], meta=meta[name], verify_meta=False)
        for name in TABLES
    }
