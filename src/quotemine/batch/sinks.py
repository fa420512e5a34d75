"""Write batch results: a resumable JSONL file, or Parquet tables written part by part.

The Parquet files carry the published Arrow schema (``quotemine.arrow_schema()``); the DuckDB
database sink is ``quotemine.batch.database.DuckDBSink``.

Both sinks know, when opened on an existing output, which ids are already done, so a re-run resumes.
A failed write (a full disk, a lost mount) raises ``QuotemineError`` with one line naming the
output; what was written before it stays valid, and a re-run resumes after it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from quotemine.batch.workers import Outcome
from quotemine.errors import QuotemineError
from quotemine.views.arrow import arrow_tables, require_pyarrow
from quotemine.views.frames import TABLES, parse_results, require_pandas

logger = logging.getLogger(__name__)

__all__ = ["JsonlSink", "ParquetSink", "PartSink"]

_FSYNC_EVERY = 200
PARQUET_PART_DOCS = 100
"""A Parquet part is written when this many results are queued..."""
PARQUET_PART_SECONDS = 10.0
"""...or when the oldest queued result has waited this long: a kill loses at most that."""
_PART_NAME = re.compile(r"^part-(\d+)\.parquet$")


def _fsync(handle: IO[bytes]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Turn an ``OSError`` of writing the output into a one-line ``QuotemineError``."""
    try:
        yield
    except OSError as exc:
        raise QuotemineError(
            f"cannot write output {path}: {exc.strerror or exc}; what was written before stays, "
            "and re-running the same command resumes"
        ) from exc


class JsonlSink:
    """Append whole lines to a JSONL file; on open, cut a trailing partial line and list done ids."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: set[str] = set()
        with _writing(path):
            if path.is_file():  # not a device or pipe (/dev/null, /dev/full): nothing to resume
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

    def write(self, results: Sequence[Outcome]) -> None:
        """Append the results as lines; fsync every few hundred."""
        with _writing(self.path):
            for result in results:
                self.handle.write(result.json.encode("utf-8") + b"\n")
            self.unsynced += len(results)
            if self.unsynced >= _FSYNC_EVERY:
                _fsync(self.handle)
                self.unsynced = 0

    def close(self) -> None:
        """Fsync and close the file."""
        with _writing(self.path):
            try:
                _fsync(self.handle)
            finally:
                self.handle.close()

    def abort(self) -> None:
        """Close after a failure: keep what can be kept, raise nothing."""
        with contextlib.suppress(OSError, QuotemineError):
            self.close()


class PartSink:
    """The batching policy of the table sinks: results are queued and written a part at a time.

    A part is written when ``part_docs`` results are queued or the oldest has waited
    ``part_seconds``; subclasses write it in ``flush`` and then empty ``pending``.
    """

    def __init__(self, part_docs: int, part_seconds: float) -> None:
        self.part_docs, self.part_seconds = part_docs, part_seconds
        self.pending: list[Outcome] = []
        self.since = time.monotonic()

    def write(self, results: Sequence[Outcome]) -> None:
        """Queue the results; write a part when enough are queued or the oldest has waited long."""
        if not self.pending:
            self.since = time.monotonic()
        self.pending.extend(results)
        if len(self.pending) >= self.part_docs or time.monotonic() - self.since >= self.part_seconds:
            self.flush()

    def flush(self) -> None:
        """Write the queued results as one part."""
        raise NotImplementedError


class ParquetSink(PartSink):
    """Write each table as a folder of Parquet parts; a part is renamed into place, documents last."""

    def __init__(
        self, path: Path, *, part_docs: int = PARQUET_PART_DOCS, part_seconds: float = PARQUET_PART_SECONDS
    ) -> None:
        self.pandas = require_pandas()
        require_pyarrow()
        import pyarrow.parquet  # type: ignore[import-untyped,unused-ignore]  # the tables extra

        self.parquet = pyarrow.parquet
        super().__init__(part_docs, part_seconds)
        self.path = path
        self.tables = [name for name in TABLES if name != "documents"] + ["documents"]
        self.done: set[str] = set()
        with _writing(path):
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

    def flush(self) -> None:
        """Write the queued results as one part of every table, documents last."""
        if not self.pending:
            return
        tables = arrow_tables(
            parse_results(result.json for result in self.pending), indexes=[r.index for r in self.pending]
        )
        name = f"part-{self.next_part:05d}.parquet"
        staged: list[tuple[Path, Path]] = []
        with _writing(self.path):
            try:
                for table in self.tables:
                    final = self.path / table / name
                    # a leading dot: Parquet readers (pyarrow datasets, Spark) skip the file
                    # while it is unfinished, or when a kill leaves it behind
                    temp = final.with_name(f".{name}.tmp")
                    staged.append((temp, final))
                    self.parquet.write_table(tables[table], temp)
                    with temp.open("rb") as handle:
                        os.fsync(handle.fileno())
            except OSError:
                for temp, _ in staged:
                    with contextlib.suppress(OSError):
                        temp.unlink()
                raise
            for temp, final in staged:  # documents is last: it marks the part complete
                os.replace(temp, final)
        self.next_part += 1
        self.pending = []

    def close(self) -> None:
        """Write what is queued."""
        self.flush()

    def abort(self) -> None:
        """Close after a failure: write what is queued if possible, raise nothing."""
        with contextlib.suppress(OSError, QuotemineError):
            self.flush()
