"""Run quotemine over many articles: read inputs, write resumable JSONL, Parquet or DuckDB; record errors.

``run_batch`` is the logic of ``quotemine batch`` (``quotemine.cli`` only parses its options);
``partition`` runs the pipeline over a pandas ``DataFrame``, the unit of work that ``quotemine.dask``
and the Spark recipe of ``docs/scaling.md`` distribute.

Inputs are text files, folders of them (``*.txt`` files, recursively, in sorted order) and record
files with a ``text`` column and optional ``id`` and ``published`` columns: JSONL (``.jsonl``,
``.ndjson``), CSV (``.csv``) or Parquet (``.parquet``). Every record has an id: the ``id`` it
gives, else ``<folder name>/<path inside it>`` (a text file of a folder input) or the file's name
(a text file given itself), else ``<record file name>:<line or row number>`` (1-based). Ids do not
depend on how an input path is spelled. An id met again is made unique (``<id>#2``), so every
input record gets exactly one output line.

A record that cannot be processed (no text, empty or binary text, not UTF-8, longer than
``max_chars``, a bad ``published`` date, a line that is not JSON, a CSV row with malformed quoting)
becomes an *error record* with its id and the reason, and the run goes on.

Output, chosen by ``fmt`` or by the output's name:

- JSONL (default): one line per input record, in input order: the report's JSON, or an error
  record ``{"schema_version", "id", "index", "error", "reason"}`` (a ``Failure``). Lines are
  appended whole and fsynced in batches; a trailing partial line left by a killed run is cut off
  when the run resumes.
- Parquet (``OUT.parquet`` or ``fmt="parquet"``): a folder with one Parquet dataset per table of
  ``quotemine.views.frames`` (``OUT/documents/``, ``OUT/people/``, ...), written in parts of at most
  100 results or 10 seconds; each part is written to a temporary file and renamed, ``documents``
  last, so a part either counts completely or not at all. Error records are ``documents`` rows
  with ``status == "error"``. Read a table with ``pandas.read_parquet("OUT/quotes",
  dtype_backend="pyarrow")``: its columns have the types of ``quotemine.arrow_schema()``.
- DuckDB (``OUT.duckdb`` or ``fmt="duckdb"``, the ``db`` extra): one database file with the same
  tables, primary keys, the tables ``person_roles``, ``person_affiliations``, ``mentions`` and
  ``errors``, and the views ``who_said_what`` and ``sources`` (``quotemine.batch.database``); each
  part is one transaction, so a killed run leaves only whole documents.

Re-running with the same output resumes: ids already in the output are skipped (error records
included; delete their lines to retry them).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from quotemine.batch.options import DEFAULT_MAX_CHARS, OutputFormat

if TYPE_CHECKING:
    from quotemine.batch.dataframes import partition, partition_reports
    from quotemine.batch.inputs import BatchRecord, read_records
    from quotemine.batch.run import BatchResult, run_batch

__all__ = [
    "DEFAULT_MAX_CHARS",
    "BatchRecord",
    "BatchResult",
    "OutputFormat",
    "partition",
    "partition_reports",
    "read_records",
    "run_batch",
]

# The machinery (sinks, DuckDB, worker processes, pandas) loads on first use (PEP 562), so that the
# command line, which declares the batch options, starts without it.
_LAZY = {
    "partition": "quotemine.batch.dataframes",
    "partition_reports": "quotemine.batch.dataframes",
    "BatchRecord": "quotemine.batch.inputs",
    "read_records": "quotemine.batch.inputs",
    "BatchResult": "quotemine.batch.run",
    "run_batch": "quotemine.batch.run",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
