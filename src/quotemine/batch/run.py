"""Run quotemine over many articles into a resumable JSONL file, Parquet tables or a DuckDB database.

``run_batch`` is the logic of ``quotemine batch`` (whose options ``quotemine.cli`` parses).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

from quotemine.api import DEFAULT_MODEL, Extractor
from quotemine.batch.database import DuckDBSink
from quotemine.batch.inputs import (
    DEFAULT_MAX_CHARS,
    BatchRecord,
    check_inputs,
    check_record,
    count_records,
    read_records,
)
from quotemine.batch.options import OutputFormat
from quotemine.batch.sinks import JsonlSink, ParquetSink
from quotemine.batch.workers import Outcome, outcomes
from quotemine.errors import InputError
from quotemine.text.article import HtmlMode

logger = logging.getLogger(__name__)

__all__ = ["BatchResult", "OutputFormat", "check_output", "run_batch"]


@dataclass(slots=True)
class BatchResult:
    """What a batch run did."""

    reports: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    output: str = ""
    error_reasons: list[str] = field(default_factory=list)
    empty_inputs: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        """Records processed in this run (reports and error records)."""
        return self.reports + self.errors

    def summary(self) -> str:
        """Return a one-line summary of the run."""
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.reports} reports, {self.errors} error records, {self.skipped} skipped "
            f"(already in {self.output}) in {self.seconds:.1f} s ({rate:.1f} docs/s)"
        )

    def hints(self) -> list[str]:
        """Return a line for each input that gave no record, and one if no input gave any."""
        lines = [f"no input records in {note}" for note in self.empty_inputs]
        if self.processed + self.skipped == 0:
            lines.append(
                "no input records found: quotemine batch reads .txt/.text/.html/.htm files in folders, "
                "lines of .jsonl/.ndjson files and rows of .csv/.parquet files "
                "(with a 'text' or 'html' column)"
            )
        return lines


def _format_of(output: Path, fmt: OutputFormat | str | None) -> OutputFormat:
    if fmt is not None:
        return OutputFormat(fmt)
    suffixes = {".parquet": OutputFormat.parquet, ".duckdb": OutputFormat.duckdb}
    return suffixes.get(output.suffix.lower(), OutputFormat.jsonl)


def check_output(output: Path, kind: OutputFormat, inputs: Sequence[str | Path]) -> None:
    """Refuse, before any work, an output that is the wrong kind of path or that is an input.

    Raises:
        InputError: the JSONL or DuckDB output is a folder, the Parquet output is a file, or the
            output is (or, for Parquet, holds) one of the inputs.

    """
    if kind is OutputFormat.jsonl and output.is_dir():
        raise InputError(
            f"output {output} is a folder; JSONL output needs a file name (or use --format parquet)"
        )
    if kind is OutputFormat.duckdb and output.is_dir():
        raise InputError(f"output {output} is a folder; a DuckDB output is a database file (OUT.duckdb)")
    if kind is OutputFormat.parquet and output.exists() and not output.is_dir():
        raise InputError(f"output {output} is a file; Parquet output is a folder of tables")
    target = output.resolve()
    for raw in inputs:
        source = Path(raw).resolve()
        inside = kind is OutputFormat.parquet and target in source.parents
        if source == target or inside or _same_file(source, target):
            raise InputError(f"output {output} is the input {raw}; write the output elsewhere")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.is_file() and b.is_file() and a.samefile(b)
    except OSError:
        return False


def _open_sink(out: Path, kind: OutputFormat, part_docs: int | None) -> JsonlSink | ParquetSink | DuckDBSink:
    if kind is OutputFormat.jsonl:
        return JsonlSink(out)
    sink = ParquetSink if kind is OutputFormat.parquet else DuckDBSink
    return sink(out) if part_docs is None else sink(out, part_docs=part_docs)


def run_batch(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    fmt: OutputFormat | str | None = None,
    model: str | None = None,
    extractor: Extractor | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    published: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    progress: bool | None = None,
    part_docs: int | None = None,
    html: HtmlMode | str = HtmlMode.article,
) -> BatchResult:
    """Extract reports of many articles into a resumable JSONL file, Parquet tables or a database.

    Every input record is accounted for exactly once: it gets a report or an error record, or
    is skipped because its id is already in the output. A repeated id is made unique
    (``<id>#2``) and the report says so in its warnings.

    Args:
        inputs: text files, folders of them, and JSONL/CSV/Parquet record files.
        output: the JSONL file, the Parquet folder or the DuckDB database to write or resume.
        fmt: ``"jsonl"``, ``"parquet"`` or ``"duckdb"``; by default Parquet when ``output`` ends
            in ``.parquet``, DuckDB when it ends in ``.duckdb`` (``quotemine.batch.database``).
        model: spaCy pipeline package; defaults to ``DEFAULT_MODEL``. Ignored with ``extractor``.
        extractor: an ``Extractor`` to use instead of loading ``model``.
        n_process: processes that extract (each runs the whole extraction of a share of the
            records). On Linux they are forked with ``extractor``'s pipeline already loaded;
            where there is no fork they load ``model`` once each.
        batch_size: documents per spaCy batch, and per task handed to a worker process.
        published: publication date (``YYYY-MM-DD``) of records that carry none.
        max_chars: longer texts become error records (the Python API would chunk them).
        progress: show a progress bar; by default only when standard error is a terminal.
        part_docs: for Parquet and DuckDB output, results per part or transaction (default
            ``PARQUET_PART_DOCS``; a part is also written when its oldest result has waited
            ``PARQUET_PART_SECONDS``).
        html: how ``.html``/``.htm`` files are read: ``"article"`` (the article taken out of the
            page, the ``web`` extra) or ``"mask"`` (the whole page, markup as spaces).

    Returns:
        Counts of reports, error records and skipped (already done) records, and a note for
        each input that gave no record.

    Raises:
        InputError: an input is missing or unreadable (a corrupt Parquet file), or the output
            is an input or the wrong kind of path; ``html`` is not ``article`` or ``mask``.
        QuotemineError: the output cannot be written (e.g. the disk is full), worker processes
            cannot be started, the model is not installed, an extra is missing, or the database is
            open in another process.

    """
    started = time.perf_counter()
    out = Path(output)
    kind = _format_of(out, fmt)
    if max_chars < 1:
        raise InputError("max_chars must be positive")
    if n_process < 1 or batch_size < 1:
        raise InputError("n_process and batch_size must be positive")
    if html not in tuple(HtmlMode):
        raise InputError(f"html must be article or mask, not {html!r}")
    check_inputs(inputs, html=html)
    check_output(out, kind, inputs)
    engine = extractor if extractor is not None else Extractor(model or DEFAULT_MODEL)
    sink = _open_sink(out, kind, part_docs)
    result = BatchResult(output=str(out))
    show = sys.stderr.isatty() if progress is None else progress
    bar: Any = None

    def todo() -> Iterator[BatchRecord]:
        for record in read_records(
            inputs, published=published, on_empty=result.empty_inputs.append, html=html
        ):
            if record.id in sink.done:
                result.skipped += 1
                if bar is not None:
                    bar.update(1)
                continue
            yield check_record(record, max_chars)

    stream = outcomes(
        todo(),
        engine=engine,
        model=model,
        n_process=n_process,
        batch_size=batch_size,
        chunk_size=_chunk_size(batch_size, n_process),
    )
    try:
        for outcome in stream:
            if bar is None and show:  # after the workers started: no thread before a fork
                bar = _progress(inputs, result.skipped)
            _tally(result, outcome)
            sink.write([outcome])
            if bar is not None:
                bar.update(1)
    except BaseException:
        stream.close()
        sink.abort()
        raise
    finally:
        if bar is not None:
            bar.close()
    sink.close()
    result.seconds = time.perf_counter() - started
    logger.info("batch done: %s", result.summary())
    return result


def _chunk_size(batch_size: int, n_process: int) -> int:
    """Return the records per worker task: few enough that the workers finish together."""
    return batch_size if n_process <= 1 else max(1, min(batch_size, 16))


def _tally(result: BatchResult, outcome: Outcome) -> None:
    if outcome.reason is not None:
        result.errors += 1
        result.error_reasons.append(f"{outcome.id}: {outcome.reason}")
    else:
        result.reports += 1


def _progress(inputs: Sequence[str | Path], done: int) -> Any:
    total = count_records(inputs)
    return tqdm(
        total=total,
        initial=min(done, total) if total is not None else 0,
        unit="doc",
        dynamic_ncols=True,
        file=sys.stderr,
        desc="quotemine",
    )
