"""Run quotemine over many articles into a resumable JSONL file or Parquet tables; record errors.

``run_batch`` is the logic of ``quotemine batch`` (whose options ``quotemine.cli`` parses).
"""

from __future__ import annotations

import logging
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

from quotemine.api import DEFAULT_MODEL, Extractor
from quotemine.batch.inputs import DEFAULT_MAX_CHARS, BatchRecord, check_record, count_records, read_records
from quotemine.batch.sinks import JsonlSink, ParquetSink
from quotemine.errors import InputError
from quotemine.schema import Failure, Report

logger = logging.getLogger(__name__)

__all__ = ["BatchResult", "OutputFormat", "run_batch"]


class OutputFormat(StrEnum):
    """Output formats of ``quotemine batch``."""

    jsonl = "jsonl"
    parquet = "parquet"


@dataclass(slots=True)
class BatchResult:
    """What a batch run did."""

    reports: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    output: str = ""
    error_reasons: list[str] = field(default_factory=list)

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


def _format_of(output: Path, fmt: OutputFormat | str | None) -> OutputFormat:
    if fmt is not None:
        return OutputFormat(fmt)
    return OutputFormat.parquet if output.suffix.lower() == ".parquet" else OutputFormat.jsonl


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
) -> BatchResult:
    """Extract reports of many articles into a resumable JSONL file or Parquet tables.

    Args:
        inputs: text files, folders of them, and JSONL/CSV/Parquet record files.
        output: the JSONL file, or the Parquet folder, to write or resume.
        fmt: ``"jsonl"`` or ``"parquet"``; by default Parquet when ``output`` ends in ``.parquet``.
        model: spaCy pipeline package; defaults to ``DEFAULT_MODEL``. Ignored with ``extractor``.
        extractor: an ``Extractor`` to use instead of loading ``model``.
        n_process: worker processes for the parse.
        batch_size: documents per spaCy batch.
        published: publication date (``YYYY-MM-DD``) of records that carry none.
        max_chars: longer texts become error records (the Python API would chunk them).
        progress: show a progress bar; by default only when standard error is a terminal.

    Returns:
        Counts of reports, error records and skipped (already done) records.

    Raises:
        QuotemineError: an input is missing, the model is not installed, or an extra is missing.

    """
    started = time.perf_counter()
    out = Path(output)
    kind = _format_of(out, fmt)
    if max_chars < 1:
        raise InputError("max_chars must be positive")
    sink: JsonlSink | ParquetSink = JsonlSink(out) if kind is OutputFormat.jsonl else ParquetSink(out)
    result = BatchResult(output=str(out))
    for raw in inputs:
        if not Path(raw).exists():
            raise InputError(f"input {raw} does not exist")
    show = sys.stderr.isatty() if progress is None else progress
    bar = _progress(inputs, len(sink.done)) if show else None
    try:
        engine = extractor if extractor is not None else Extractor(model or DEFAULT_MODEL)
        queue: deque[BatchRecord | int] = deque()  # error records, or the index of a pending text
        ids: deque[str] = deque()  # ids of the pending texts

        def feed() -> Iterator[dict[str, Any]]:
            for record in read_records(inputs, published=published):
                if record.id in sink.done:
                    result.skipped += 1
                    continue
                sink.done.add(record.id)
                record = check_record(record, max_chars)
                if record.error is not None:
                    queue.append(record)
                    continue
                queue.append(record.index)
                ids.append(record.id)
                yield {"id": record.id, "text": record.text, "published": record.published}

        def drain_errors() -> list[tuple[int, Report | Failure]]:
            ready: list[tuple[int, Report | Failure]] = []
            while queue and isinstance(queue[0], BatchRecord):
                bad = queue.popleft()
                assert isinstance(bad, BatchRecord)
                ready.append((bad.index, _failure(bad)))
            return ready

        for report in engine.pipe(feed(), batch_size=batch_size, n_process=n_process):
            ready = drain_errors()
            index = queue.popleft()
            assert isinstance(index, int)
            if isinstance(report, Failure):  # e.g. a bad published date: key it to its input record
                report = report.model_copy(update={"index": index, "id": ids.popleft()})
            else:
                ids.popleft()
            ready.append((index, report))
            ready.extend(drain_errors())
            _tally(result, ready)
            sink.write(ready)
            if bar is not None:
                bar.update(len(ready))
        ready = drain_errors()
        _tally(result, ready)
        sink.write(ready)
        if bar is not None:
            bar.update(len(ready))
    finally:
        sink.close()
        if bar is not None:
            bar.close()
    result.seconds = time.perf_counter() - started
    logger.info("batch done: %s", result.summary())
    return result


def _failure(record: BatchRecord) -> Failure:
    return Failure(
        id=record.id,
        index=record.index,
        error=record.error or "InputError",
        reason=record.reason or "unreadable",
    )


def _tally(result: BatchResult, ready: Sequence[tuple[int, Report | Failure]]) -> None:
    for _, item in ready:
        if isinstance(item, Failure):
            result.errors += 1
            result.error_reasons.append(f"{item.id}: {item.reason}")
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
