"""Tidy tables of reports for analysis: documents, people, organizations, quotes, dates, money.

``frames(reports)`` turns reports (and the ``Failure`` records of a batch) into one pandas
``DataFrame`` per table. Every table is keyed by ``doc_id`` and, below the document level, by an
item id (``person_id``, ``org_id``, ``quote_id``, ``date_id``, ``money_id``), so tables join::

    quotes.merge(people, left_on=["doc_id", "speaker_person_id"], right_on=["doc_id", "person_id"])

Columns are typed with Arrow (``pandas.ArrowDtype``), the published schema of
``quotemine.arrow_schema()``, also for empty tables, so parts of a batch written one by one, or
computed on different machines, concatenate into the same table, and a Parquet file of a table reads
back as the same frame (``pandas.read_parquet(path, dtype_backend="pyarrow")``). Lists are list
columns, not joined strings: ``people.roles`` and every ``mentions`` column hold
``{"text", "start", "end"}`` items, ``people.affiliations`` organisation ids (and
``affiliation_names`` their names); money amounts are decimals, publication dates and a date
value's ``value_start``/``value_end`` are dates::

    people.explode("affiliation_names")                     # one row per person and organisation
    quotes[quotes["speaker_organization_id"].notna()]       # organisations that speak

Running the pipeline over a pandas ``DataFrame`` of articles is ``quotemine.batch.partition``: this
module only reads reports (a view never runs the pipeline).

pandas and pyarrow are optional (the ``tables`` extra) and imported only when a function here runs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from pydantic import ValidationError

from quotemine.errors import QuotemineError, SchemaVersionError
from quotemine.schema import Failure, Report
from quotemine.views.arrow import arrow_tables
from quotemine.views.rows import DECIMAL_PRECISION, DECIMAL_SCALE, TABLES, LogicalType

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

__all__ = [
    "TABLES",
    "empty_tables",
    "frames",
    "frames_at",
    "parse_results",
    "require_pandas",
    "spark_ddl",
    "to_frames",
    "to_pandas",
]

_SPARK_TYPES: Final[Mapping[LogicalType, str]] = {
    "str": "string",
    "int": "bigint",
    "bool": "boolean",
    "date": "date",
    "decimal": f"decimal({DECIMAL_PRECISION},{DECIMAL_SCALE})",
    "list<str>": "array<string>",
    "list<span>": "array<struct<`text`: string, `start`: bigint, `end`: bigint>>",
}


def require_pandas() -> Any:
    """Import pandas (and check pyarrow), or raise a ``QuotemineError`` naming the extra."""
    try:
        import pandas
        import pyarrow  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
    except ImportError as exc:
        raise QuotemineError(
            "tables need pandas and pyarrow; install them with: pip install 'quotemine[tables]'"
        ) from exc
    return pandas


def to_pandas(tables: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    """Turn ``pyarrow.Table``s into pandas frames with ``pandas.ArrowDtype`` columns (types kept)."""
    pandas = require_pandas()
    return {name: table.to_pandas(types_mapper=pandas.ArrowDtype) for name, table in tables.items()}


def empty_tables() -> dict[str, pd.DataFrame]:
    """Return every table with its columns and dtypes and no rows (the ``meta`` of Dask)."""
    return frames([])


def spark_ddl(table: str) -> str:
    """Return a table's schema as a Spark DDL string, e.g. for ``mapInPandas``.

    >>> spark_ddl("organizations").split(", ")[:2]
    ['`doc_id` string', '`org_id` string']

    """
    return ", ".join(f"`{column}` {_SPARK_TYPES[kind]}" for column, kind in TABLES[table])


def frames(reports: Iterable[Report | Failure]) -> dict[str, pd.DataFrame]:
    """Turn reports into tidy tables keyed by document id and item id.

    Args:
        reports: reports and ``Failure`` records, e.g. from ``Extractor.pipe``. A report without
            an id is keyed by its position (``"0"``, ``"1"``, ...); a ``Failure`` becomes a
            ``documents`` row with ``status == "error"``.

    Returns:
        ``{"documents", "people", "organizations", "quotes", "dates", "money"}`` → ``DataFrame``,
        with the columns of ``TABLES`` and the types of ``quotemine.arrow_schema()``.

    Raises:
        QuotemineError: pandas or pyarrow is not installed.

    >>> tables = frames([extract('"We will win," the minister said.')])  # doctest: +SKIP
    >>> tables["quotes"][["doc_id", "quote_id", "kind"]].to_dict("records")  # doctest: +SKIP
    [{'doc_id': '0', 'quote_id': 'q1', 'kind': 'direct'}]

    """
    return frames_at(reports)


def frames_at(
    reports: Iterable[Report | Failure], indexes: Sequence[int] | None = None
) -> dict[str, pd.DataFrame]:
    """Return ``frames(reports)`` with ``documents.index`` set from ``indexes`` (input positions)."""
    require_pandas()
    return to_pandas(arrow_tables(reports, indexes=indexes))


def parse_results(lines: Iterable[str | bytes]) -> Iterator[Report | Failure]:
    """Read reports and error records from their JSON lines (a ``quotemine batch`` output).

    Args:
        lines: one JSON document per item; blank lines are skipped.

    Yields:
        A ``Report``, or a ``Failure`` for an error record (a line with an ``error`` field).

    Raises:
        SchemaVersionError: a line is not a report or error record of this schema version.

    >>> with open("out.jsonl", "rb") as handle:  # doctest: +SKIP
    ...     tables = frames(parse_results(handle))

    """
    for line in lines:
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as exc:
            raise SchemaVersionError(f"not a quotemine report or error record: {exc}") from exc
        if isinstance(raw, dict) and "error" in raw and "document" not in raw:
            try:
                yield Failure.model_validate(raw)
            except ValidationError as exc:
                raise SchemaVersionError(f"not a valid quotemine error record: {exc}") from exc
        else:
            yield Report.from_json(line)


def to_frames(report: Report) -> dict[str, pd.DataFrame]:
    """Return the tables of one report (the body of ``Report.to_frames()``).

    Raises:
        QuotemineError: pandas or pyarrow is not installed.

    """
    return frames([report])
