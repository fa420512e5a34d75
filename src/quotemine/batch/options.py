"""The options of a batch run that the command line declares: kept apart so declaring them is cheap.

``quotemine --help`` and ``quotemine extract`` build the whole command line; importing this module
instead of the batch machinery (sinks, DuckDB, workers) keeps that start fast.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

__all__ = ["DEFAULT_MAX_CHARS", "OutputFormat"]

#: Longer texts become error records in a batch (the Python API would chunk them).
DEFAULT_MAX_CHARS: Final = 5_000_000


class OutputFormat(StrEnum):
    """Output formats of ``quotemine batch``."""

    jsonl = "jsonl"
    parquet = "parquet"
    duckdb = "duckdb"
