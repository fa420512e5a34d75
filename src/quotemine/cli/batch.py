"""``quotemine batch``: many articles into resumable JSONL, Parquet tables or DuckDB (``run_batch``).

Exit statuses: 0 done (also when no input record was found: a ``warning:`` line says why); 1 an
input missing or unreadable, an output that is an input or the wrong kind of path, an output that
cannot be written (e.g. a full disk), the model not installed; 2 a malformed option. Each error is
one ``error: ...`` line on stderr.
"""

from __future__ import annotations

import contextlib
from typing import Annotated

import typer

from quotemine.batch.options import DEFAULT_MAX_CHARS, OutputFormat
from quotemine.cli._common import (
    HtmlOption,
    choice_option,
    configure_logging,
    fail,
    published_option,
    quiet_libraries,
)
from quotemine.errors import QuotemineError
from quotemine.text.article import HtmlMode

__all__ = ["batch_cli"]


def batch_cli(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="text files, web pages, folders of .txt/.html files, JSON/JSONL/CSV/Parquet record files"
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="JSONL file, folder of Parquet tables (OUT.parquet) or DuckDB database (OUT.duckdb)",
        ),
    ],
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format", "-f", help="jsonl, parquet or duckdb; default: by OUT's suffix (.parquet, .duckdb)"
        ),
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
    html: HtmlOption = "article",
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="log what quotemine decides")] = False,
) -> None:
    """Extract reports of many articles into JSONL, Parquet tables or a DuckDB database; re-run to resume.

    Every input record gets one output line (a report or an error record); a repeated id is
    reported as <id>#2. Exit status 1, with one error line, when an input is missing or
    unreadable (a corrupt Parquet file), the output is an input or a folder (JSONL), or the
    output cannot be written (disk full: re-run to resume); 2 for a malformed option. A record
    whose worker process dies (e.g. out of memory) becomes an error record (WorkerDied).
    Saved web pages (.html, .htm) are read as their articles (--html article, the default) or
    whole with their markup masked (--html mask); a page with no article is an error record.
    """
    if verbose:
        configure_logging(verbose)
    else:
        quiet_libraries()
    published_option(published)
    how = choice_option(html, HtmlMode, "--html")
    from quotemine.batch.run import run_batch  # the machinery loads only when a batch runs

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
            html=how,
        )
    except QuotemineError as err:
        raise fail(str(err)) from err
    with contextlib.suppress(OSError):
        typer.echo(result.summary(), err=True)
        for hint in result.hints():
            typer.echo(f"warning: {hint}", err=True)
