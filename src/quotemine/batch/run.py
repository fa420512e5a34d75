"""Run quotemine over many articles: read inputs, write resumable JSONL or Parquet, record errors.

``run_batch`` is the logic of ``quotemine batch``; ``batch_cli`` only parses its options.

Inputs are text files, folders of them (``*.txt`` files, recursively, in sorted order) and record
files with a ``text`` column and optional ``id`` and ``published`` columns: JSONL (``.jsonl``,
``.ndjson``), CSV (``.csv``) or Parquet (``.parquet``). Every record has an id: the ``id`` it
gives, else the text file's path, else ``<record file>:<line or row number>`` (1-based).

A record that cannot be processed (no text, empty or binary text, not UTF-8, longer than
``max_chars``, a bad ``published`` date, a line that is not JSON) becomes an *error record* with its
id and the reason, and the run goes on.

Output, chosen by ``fmt`` or by the output's name:

- JSONL (default): one line per input record, in input order: the report's JSON, or an error
  record ``{"schema_version", "id", "index", "error", "reason"}`` (a ``Failure``). Lines are
  appended whole and fsynced in batches; a trailing partial line left by a killed run is cut off
  when the run resumes.
- Parquet (``OUT.parquet`` or ``fmt="parquet"``): a folder with one Parquet dataset per table of
  ``quotemine.frames`` (``OUT/documents/``, ``OUT/people/``, ...), written in parts; each part is
  written to a temporary file and renamed, ``documents`` last, so a part either counts completely
  or not at all. Error records are ``documents`` rows with ``status == "error"``. Read a table with
  ``pandas.read_parquet("OUT/quotes")``.

Re-running with the same output resumes: ids already in the output are skipped (error records
included; delete their lines to retry them).
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import re
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from quotemine.errors import InputError, QuotemineError
from quotemine.schema import Failure, Report

if TYPE_CHECKING:
    from quotemine.api import Extractor

logger = logging.getLogger(__name__)

__all__ = ["BatchRecord", "BatchResult", "OutputFormat", "batch_cli", "read_records", "run_batch"]

DEFAULT_MAX_CHARS = 5_000_000
_RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_TEXT_SUFFIXES = (".txt", ".text")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
_FSYNC_EVERY = 200
_PARQUET_PART = 1000
_PART_NAME = re.compile(r"^part-(\d+)\.parquet$")


class OutputFormat(StrEnum):
    """Output formats of ``quotemine batch``."""

    jsonl = "jsonl"
    parquet = "parquet"


@dataclass(slots=True)
class BatchRecord:
    """One input record: its id and text, or the reason it cannot be processed."""

    index: int
    id: str
    text: str | None = None
    published: str | None = None
    error: str | None = None
    reason: str | None = None


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


# --------------------------------------------------------------------------------------------- input


def read_records(paths: Iterable[str | Path], *, published: str | None = None) -> Iterator[BatchRecord]:
    """Read articles from text files, folders of them, and JSONL/CSV/Parquet record files.

    Args:
        paths: files and folders, read in the order given.
        published: the publication date of records that carry none.

    Yields:
        One ``BatchRecord`` per article, in input order; a record that cannot be read carries
        ``error`` and ``reason``.

    Raises:
        InputError: a path does not exist.

    """
    index = 0
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"input {raw} does not exist")
        for record in _read_path(path, published):
            record.index = index
            index += 1
            yield record


def _read_path(path: Path, published: str | None) -> Iterator[BatchRecord]:
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _TEXT_SUFFIXES):
            yield _text_file(file, published)
        return
    kind = _RECORD_SUFFIXES.get(path.suffix.lower())
    if kind == "jsonl":
        yield from _jsonl(path, published)
    elif kind == "csv":
        yield from _csv(path, published)
    elif kind == "parquet":
        yield from _parquet(path, published)
    else:
        yield _text_file(path, published)


def _text_file(path: Path, published: str | None) -> BatchRecord:
    doc_id = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return BatchRecord(0, doc_id, error="InputError", reason=f"cannot read: {exc.strerror or exc}")
    try:
        return BatchRecord(0, doc_id, text=raw.decode("utf-8-sig"), published=published)
    except UnicodeDecodeError as exc:
        return BatchRecord(0, doc_id, error="InputError", reason=f"not UTF-8 text (byte {exc.start})")


def _record(fallback_id: str, row: Any, published: str | None) -> BatchRecord:
    """Build a record from a parsed row (a dict, or anything else for a malformed row)."""
    if not isinstance(row, dict):
        return BatchRecord(0, fallback_id, error="InputError", reason="record is not an object")
    doc_id = row.get("id")
    doc_id = fallback_id if doc_id is None or doc_id == "" else str(doc_id)
    when = row.get("published")
    if when is None or when == "":
        when = published
    if "text" not in row or row["text"] is None:
        return BatchRecord(0, doc_id, error="InputError", reason="record has no text")
    text = row["text"]
    if not isinstance(text, str):
        return BatchRecord(
            0, doc_id, error="InputError", reason=f"text is a {type(text).__name__}, not a string"
        )
    return BatchRecord(
        0, doc_id, text=text, published=when if when is None or isinstance(when, str) else str(when)
    )


def _jsonl(path: Path, published: str | None) -> Iterator[BatchRecord]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            fallback = f"{path}:{number}"
            try:
                row = json.loads(line)
            except ValueError as exc:
                yield BatchRecord(0, fallback, error="InputError", reason=f"line {number} is not JSON: {exc}")
                continue
            yield _record(fallback, row, published)


def _csv(path: Path, published: str | None) -> Iterator[BatchRecord]:
    # csv's field limit (128 kB by default) would end the whole file at the first long article;
    # long texts are judged by max_chars instead.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            yield _record(f"{path}:{number}", row, published)


def _parquet(path: Path, published: str | None) -> Iterator[BatchRecord]:
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:
        raise QuotemineError(
            "reading Parquet needs pyarrow; install it with: pip install 'quotemine[tables]'"
        ) from exc
    source = pq.ParquetFile(path)
    columns = [c for c in ("id", "text", "published") if c in source.schema_arrow.names]
    number = 0
    for batch in source.iter_batches(batch_size=256, columns=columns):
        for row in batch.to_pylist():
            number += 1
            if row.get("published") is not None and not isinstance(row["published"], str):
                row["published"] = str(row["published"])[:10]
            yield _record(f"{path}:{number}", row, published)


def _check(record: BatchRecord, max_chars: int) -> BatchRecord:
    """Turn a record quotemine should not process into an error record."""
    text = record.text
    if record.error is not None or text is None:
        return record
    reason: str | None = None
    if len(text) > max_chars:
        reason = f"text has {len(text):,} characters, more than the limit of {max_chars:,} (--max-chars)"
    elif not text.strip():
        reason = "text is empty"
    elif (controls := len(_CONTROL.findall(text))) > max(8, len(text) // 20):
        reason = f"text looks binary ({controls} control characters)"
    if reason is not None:
        record.error, record.reason, record.text = "InputError", reason, None
    return record


def _count(paths: Sequence[str | Path]) -> int | None:
    """Count the records of the inputs cheaply, for the progress bar; ``None`` if unknown."""
    total = 0
    try:
        for raw in paths:
            path = Path(raw)
            kind = _RECORD_SUFFIXES.get(path.suffix.lower()) if path.is_file() else None
            if path.is_dir():
                total += sum(1 for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _TEXT_SUFFIXES)
            elif kind == "jsonl":
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif kind == "csv":
                with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
                    total += sum(1 for _ in csv.DictReader(handle))
            elif kind == "parquet":
                import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

                total += pq.ParquetFile(path).metadata.num_rows
            else:
                total += 1
    except (OSError, ImportError, csv.Error):
        return None
    return total


# -------------------------------------------------------------------------------------------- output


def _fsync(handle: IO[bytes]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


class _JsonlSink:
    """Append whole lines to a JSONL file; on open, cut a trailing partial line and list done ids."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: set[str] = set()
        if path.exists():
            self._recover()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle: IO[bytes] = path.open("ab")
        self.unsynced = 0

    def _recover(self) -> None:
        with self.path.open("r+b") as handle:
            data = handle.read()
            cut = data.rfind(b"\n") + 1
            if cut < len(data):
                logger.warning(
                    "%s ends in a partial line (%d bytes); cutting it off", self.path, len(data) - cut
                )
                handle.truncate(cut)
                _fsync(handle)
        for number, line in enumerate(data[:cut].splitlines(), start=1):
            if not line.strip():
                continue
            try:
                doc_id = json.loads(line).get("id")
            except (ValueError, AttributeError):
                logger.warning("%s: line %d is not a record; ignored", self.path, number)
                continue
            if doc_id is not None:
                self.done.add(str(doc_id))

    def write(self, results: Sequence[tuple[int, Report | Failure]]) -> None:
        for _, result in results:
            self.handle.write(result.model_dump_json().encode("utf-8") + b"\n")
        self.unsynced += len(results)
        if self.unsynced >= _FSYNC_EVERY:
            _fsync(self.handle)
            self.unsynced = 0

    def close(self) -> None:
        _fsync(self.handle)
        self.handle.close()


class _ParquetSink:
    """Write each table as a folder of Parquet parts; a part is renamed into place, documents last."""

    def __init__(self, path: Path) -> None:
        from quotemine.frames import TABLES, _pandas

        self.pandas = _pandas()
        self.path = path
        self.tables = [name for name in TABLES if name != "documents"] + ["documents"]
        self.done: set[str] = set()
        self.pending: list[tuple[int, Report | Failure]] = []
        path.mkdir(parents=True, exist_ok=True)
        for name in self.tables:
            (path / name).mkdir(exist_ok=True)
        self.next_part = self._recover()

    def _parts(self, table: str) -> dict[int, Path]:
        found: dict[int, Path] = {}
        for file in (self.path / table).iterdir():
            if file.name.endswith(".tmp"):
                file.unlink()  # left by a killed run
            elif match := _PART_NAME.match(file.name):
                found[int(match.group(1))] = file
        return found

    def _recover(self) -> int:
        complete = self._parts("documents")
        for table in self.tables[:-1]:
            for number, file in self._parts(table).items():
                if number not in complete:  # the run died before this part's documents landed
                    logger.warning("removing incomplete part %s", file)
                    file.unlink()
        for file in complete.values():
            ids = self.pandas.read_parquet(file, columns=["doc_id"])["doc_id"]
            self.done.update(str(i) for i in ids.dropna())
        return max(complete, default=-1) + 1

    def write(self, results: Sequence[tuple[int, Report | Failure]]) -> None:
        self.pending.extend(results)
        if len(self.pending) >= _PARQUET_PART:
            self.flush()

    def flush(self) -> None:
        from quotemine.frames import frames

        if not self.pending:
            return
        tables = frames(result for _, result in self.pending)
        tables["documents"]["index"] = self.pandas.array([i for i, _ in self.pending], dtype="Int64")
        name = f"part-{self.next_part:05d}.parquet"
        staged: list[tuple[Path, Path]] = []
        for table in self.tables:
            final = self.path / table / name
            temp = final.with_name(name + ".tmp")
            tables[table].to_parquet(temp, index=False)
            with temp.open("rb") as handle:
                os.fsync(handle.fileno())
            staged.append((temp, final))
        for temp, final in staged:  # documents is last: it marks the part complete
            os.replace(temp, final)
        self.next_part += 1
        self.pending = []

    def close(self) -> None:
        self.flush()


# ---------------------------------------------------------------------------------------------- run


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
    from quotemine.api import DEFAULT_MODEL
    from quotemine.api import Extractor as _Extractor

    started = time.perf_counter()
    out = Path(output)
    kind = _format_of(out, fmt)
    if max_chars < 1:
        raise InputError("max_chars must be positive")
    sink: _JsonlSink | _ParquetSink = _JsonlSink(out) if kind is OutputFormat.jsonl else _ParquetSink(out)
    result = BatchResult(output=str(out))
    for raw in inputs:
        if not Path(raw).exists():
            raise InputError(f"input {raw} does not exist")
    show = sys.stderr.isatty() if progress is None else progress
    bar = _progress(inputs, len(sink.done)) if show else None
    try:
        engine = extractor if extractor is not None else _Extractor(model or DEFAULT_MODEL)
        queue: deque[BatchRecord | int] = deque()  # error records, or the index of a pending text
        ids: deque[str] = deque()  # ids of the pending texts

        def feed() -> Iterator[dict[str, Any]]:
            for record in read_records(inputs, published=published):
                if record.id in sink.done:
                    result.skipped += 1
                    continue
                sink.done.add(record.id)
                record = _check(record, max_chars)
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
    from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

    total = _count(inputs)
    return tqdm(
        total=total,
        initial=min(done, total) if total is not None else 0,
        unit="doc",
        dynamic_ncols=True,
        file=sys.stderr,
        desc="quotemine",
    )


# ---------------------------------------------------------------------------------------------- CLI


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
    from quotemine.cli import _verbose, published_option  # lazy: cli imports this module

    if verbose:
        _verbose(verbose)
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
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from err
    with contextlib.suppress(OSError):
        typer.echo(result.summary(), err=True)
