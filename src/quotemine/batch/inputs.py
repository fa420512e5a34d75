"""Read the articles of a batch: text files, folders of them, and JSONL/CSV/Parquet record files.

Every record has an id: the ``id`` it gives, else the text file's path, else
``<record file>:<line or row number>`` (1-based). A record that cannot be processed (no text, empty
or binary text, not UTF-8, longer than ``max_chars``, a line that is not JSON) carries the reason.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotemine.errors import InputError, QuotemineError
from quotemine.text.inspect import count_controls, looks_binary

logger = logging.getLogger(__name__)

__all__ = ["DEFAULT_MAX_CHARS", "BatchRecord", "check_record", "count_records", "read_records"]

DEFAULT_MAX_CHARS = 5_000_000
_RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_TEXT_SUFFIXES = (".txt", ".text")


@dataclass(slots=True)
class BatchRecord:
    """One input record: its id and text, or the reason it cannot be processed."""

    index: int
    id: str
    text: str | None = None
    published: str | None = None
    error: str | None = None
    reason: str | None = None


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


def check_record(record: BatchRecord, max_chars: int) -> BatchRecord:
    """Turn a record quotemine should not process into an error record."""
    text = record.text
    if record.error is not None or text is None:
        return record
    reason: str | None = None
    if len(text) > max_chars:
        reason = f"text has {len(text):,} characters, more than the limit of {max_chars:,} (--max-chars)"
    elif not text.strip():
        reason = "text is empty"
    elif looks_binary(text, controls := count_controls(text)):
        reason = f"text looks binary ({controls} control characters)"
    if reason is not None:
        record.error, record.reason, record.text = "InputError", reason, None
    return record


def count_records(paths: Sequence[str | Path]) -> int | None:
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
