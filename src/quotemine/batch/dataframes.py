"""Run the pipeline over a pandas ``DataFrame`` of articles and return its tables or its reports.

``partition`` is the one unit of work that ``quotemine.dask`` and the Spark recipe of
``docs/scaling.md`` distribute: it loads the pipeline through ``load_pipeline``'s cache, so a
worker process loads it once and reuses it for every partition it is given.
"""

from __future__ import annotations

import logging
import numbers
from typing import TYPE_CHECKING, Any

from quotemine.api import DEFAULT_MODEL, Extractor
from quotemine.errors import QuotemineError
from quotemine.schema import Failure, Report
from quotemine.views.frames import frames_at, require_pandas

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

logger = logging.getLogger(__name__)

__all__ = ["partition", "partition_reports"]


def partition(
    df: pd.DataFrame,
    *,
    model: str | Language | None = None,
    batch_size: int = 64,
    published: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Run the pipeline over a pandas DataFrame of articles and return its tables.

    This is the unit of work of ``quotemine.dask`` and of the Spark recipe: it loads the pipeline
    through ``load_pipeline``'s cache, so a worker process loads it once and reuses it for every
    partition it is given.

    Args:
        df: one row per article: a ``text`` column, and optional ``id`` and ``published`` columns.
            Rows without an id are keyed by their index label.
        model: a spaCy pipeline package name or ``Language``; defaults to ``DEFAULT_MODEL``.
        batch_size: documents per spaCy batch.
        published: the publication date of rows whose ``published`` is missing.

    Returns:
        The tables of ``frames``; a row that cannot be processed is a ``documents`` row with
        ``status == "error"``, and the other rows go on. ``documents.index`` is the row's index
        label when it is an integer, else its position.

    Raises:
        QuotemineError: pandas or pyarrow is missing, ``df`` has no ``text`` column, or the model
            is not installed.

    """
    results = _results(df, model, batch_size, published)
    return frames_at(results, [_label_int(label, i) for i, label in enumerate(df.index)])


def partition_reports(
    df: pd.DataFrame,
    *,
    model: str | Language | None = None,
    batch_size: int = 64,
    published: str | None = None,
) -> pd.DataFrame:
    """Run the pipeline over a DataFrame of articles and return each one's report as JSON.

    The first stage of a run that needs several tables on an engine whose tasks return one
    DataFrame (Spark's ``mapInPandas``): persist its output, then turn it into any table with
    ``frames(parse_results(...))``. Arguments are those of ``partition``.

    Returns:
        Columns ``doc_id`` and ``result`` (the report's JSON, or the error record's), one row per
        article, in order.

    Raises:
        QuotemineError: pandas or pyarrow is missing, ``df`` has no ``text`` column, or the model
            is not installed.

    """
    pandas = require_pandas()
    results = _results(df, model, batch_size, published)
    frame: pd.DataFrame = pandas.DataFrame(
        {"doc_id": [r.id for r in results], "result": [r.model_dump_json() for r in results]},
        dtype="string",
    )
    return frame


def _results(
    df: pd.DataFrame, model: str | Language | None, batch_size: int, published: str | None
) -> list[Report | Failure]:
    """Run the pipeline over the rows of ``df``; every result carries its row's id."""
    pandas = require_pandas()
    if "text" not in df.columns:
        raise QuotemineError(f"the articles DataFrame needs a 'text' column; it has {list(df.columns)}")
    ids = df["id"] if "id" in df.columns else pandas.Series([None] * len(df), index=df.index)
    dates = df["published"] if "published" in df.columns else pandas.Series([None] * len(df), index=df.index)
    records: list[dict[str, Any]] = []
    for label, text, doc_id, when in zip(df.index, df["text"], ids, dates, strict=True):
        records.append(
            {
                "id": str(label) if _missing(doc_id) else str(doc_id),
                "text": None if _missing(text) else text,
                "published": published if _missing(when) else when,
            }
        )
    extractor = Extractor(model if model is not None else DEFAULT_MODEL)
    return [
        # the Extractor cannot always tell a rejected record's id: key it by the row
        result.model_copy(update={"id": record["id"]}) if isinstance(result, Failure) else result
        for record, result in zip(records, extractor.pipe(records, batch_size=batch_size), strict=True)
    ]


def _missing(value: object) -> bool:
    """Tell a missing cell (None, NaN, NA, NaT) from a value."""
    if value is None:
        return True
    if isinstance(value, str | bytes | bytearray):
        return False
    try:
        return bool(require_pandas().isna(value))
    except (TypeError, ValueError):  # a list or array cell: not missing
        return False


def _label_int(label: object, position: int) -> int:
    return int(label) if isinstance(label, numbers.Integral) else position
