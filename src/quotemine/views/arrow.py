"""The published Arrow schema of quotemine's tables, and reports as Arrow tables.

``arrow_schema()`` is the one schema of every table that quotemine writes or returns: the pandas
frames of ``quotemine.frames`` (``pandas.ArrowDtype`` columns), the Parquet files of
``quotemine batch -o OUT.parquet``, and the column types of the DuckDB tables. It is derived from
``quotemine.views.rows.TABLES``, as the Spark DDL is:

======================  =========================================================
logical type            Arrow type
======================  =========================================================
``str``                 ``string``
``int``                 ``int64``
``bool``                ``bool``
``date``                ``date32`` (publication dates, a date value's first and last day)
``decimal``             ``decimal128(38, 6)`` (money amounts)
``list<str>``           ``list<string>`` (organisation ids and names, authors, warnings)
``list<span>``          ``list<struct<text: string, start: int64, end: int64>>`` (mentions, roles)
======================  =========================================================

pyarrow is optional (the ``tables`` extra) and imported only when a function here runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, overload

from quotemine.errors import QuotemineError
from quotemine.schema import Failure, Report
from quotemine.views.rows import DECIMAL_PRECISION, DECIMAL_SCALE, TABLES, LogicalType, table_rows

__all__ = ["arrow_schema", "arrow_tables", "arrow_type", "require_pyarrow"]


def require_pyarrow() -> Any:
    """Import pyarrow, or raise a ``QuotemineError`` naming the extra."""
    try:
        import pyarrow  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:
        raise QuotemineError(
            "tables need pandas and pyarrow; install them with: pip install 'quotemine[tables]'"
        ) from exc
    return pyarrow


def arrow_type(kind: LogicalType) -> Any:
    """Return the Arrow type of a logical column type of ``TABLES``."""
    pa = require_pyarrow()
    span = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        "list<str>": pa.list_(pa.string()),
        "list<span>": pa.list_(span),
    }
    return types[kind]


@overload
def arrow_schema() -> dict[str, Any]: ...
@overload
def arrow_schema(table: str) -> Any: ...
def arrow_schema(table: str | None = None) -> Any:
    """Return the published Arrow schema of one table, or of every table by name.

    Args:
        table: ``"documents"``, ``"people"``, ``"organizations"``, ``"quotes"``, ``"dates"`` or
            ``"money"``; ``None`` for all of them.

    Returns:
        A ``pyarrow.Schema``, or ``{table name: pyarrow.Schema}``.

    Raises:
        QuotemineError: pyarrow is not installed.
        KeyError: no such table.

    >>> arrow_schema("money").field("amount").type  # doctest: +SKIP
    Decimal128Type(decimal128(38, 6))

    """
    if table is None:
        return {name: arrow_schema(name) for name in TABLES}
    pa = require_pyarrow()
    return pa.schema([(column, arrow_type(kind)) for column, kind in TABLES[table]])


def arrow_tables(
    results: Iterable[Report | Failure], *, indexes: Sequence[int] | None = None
) -> dict[str, Any]:
    """Return every table of reports and error records as a ``pyarrow.Table`` of the published schema.

    Args:
        results: reports and ``Failure`` records (see ``quotemine.views.rows.table_rows``).
        indexes: each result's ``documents.index``; by default its position.

    Raises:
        QuotemineError: pyarrow is not installed.

    """
    pa = require_pyarrow()
    rows = table_rows(results, indexes=indexes)
    return {name: pa.Table.from_pylist(rows[name], schema=arrow_schema(name)) for name in TABLES}
