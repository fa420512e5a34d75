"""``quotemine batch``: many articles into resumable JSONL or Parquet tables (``run_batch``)."""

from __future__ import annotations

import contextlib
from typing import Annotated

import typer

from quotemine.batch import DEFAULT_MAX_CHARS, OutputFormat, run_batch
from quotemine.cli._common import configure_logging, fail, published_option
from quotemine.errors import QuotemineError

__all__ = ["batch_cli"]


def batch_cli(
    inputs: Annotated[
        list[str], typer.Argument(help="text files, folders of .txt files, JSONL/CSV/Parquet record files")
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="JSONL file, or folder of Parquet tables (OUT.parquet)")
    ],
    fmt: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="jsonl or parquet; default: parquet if OUT ends in .parquet"),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="installed spaCy English pipeline")
    ] = None,
    n_process: Annotated[int, typer.Option("--n-process", "-n", min=1, help="worker processes")] = 1,
    batch_size: Annotated[
        int, typer.Option("--batch-size", "-b", min=1, help="documents per spaCy batch")
    ] = 64,
    published: Annotated[
        str | None, typer.Option("--published", "-p", help="YYYY-MM-DD for records without a date")
    ] = None,
    max_chars: Annotated[
        int, typer.Option("--max-chars", min=1, help="longer texts become error records")
    ] = DEFAULT_MAX_CHARS,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="progress bar (default: on a terminal)")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="log what quotemine decides")] = False,
) -> None:
    """Extract reports of many articles into JSONL or Parquet tables; re-run to resume."""
    if verbose:
        configure_logging(verbose)
    published_option(published)
    try:
        result = run_batch(
            inputs,
            output,
            fmt=fmt,
            model=model,
            n_process=n_process,
            batch_size=batch_size,
            published=published,
            max_chars=max_chars,
            progress=progress,
        )
    except QuotemineError as err:
        raise fail(str(err)) from err
    with contextlib.suppress(OSError):
        typer.echo(result.summary(), err=True)
