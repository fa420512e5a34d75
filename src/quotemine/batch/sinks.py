"""Write batch results: a resumable JSONL file, or Parquet tables written part by part.

Both sinks know, when opened on an existing output, which ids are already done, so a re-run resumes.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from quotemine.schema import Failure, Report
from quotemine.views.frames import TABLES, frames, require_pandas

logger = logging.getLogger(__name__)

__all__ = ["JsonlSink", "ParquetSink"]

_FSYNC_EVERY = 200
_PARQUET_PART = 1000
_PART_NAME = re.compile(r"^part-(\d+)\.parquet$")


def _fsync(handle: IO[bytes]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


class JsonlSink:
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
        """Append the results as lines; fsync every few hundred."""
        for _, result in results:
            self.handle.write(result.model_dump_json().encode("utf-8") + b"\n")
        self.unsynced += len(results)
        if self.unsynced >= _FSYNC_EVERY:
            _fsync(self.handle)
            self.unsynced = 0

    def close(self) -> None:
        """Fsync and close the file."""
        _fsync(self.handle)
        self.handle.close()


class ParquetSink:
    """Write each table as a folder of Parquet parts; a part is renamed into place, documents last."""

    def __init__(self, path: Path) -> None:
        self.pandas = require_pandas()
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
        """Queue the results; write a part when enough are queued."""
        self.pending.extend(results)
        if len(self.pending) >= _PARQUET_PART:
            self.flush()

    def flush(self) -> None:
        """Write the queued results as one part of every table, documents last."""
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
        """Write what is queued."""
        self.flush()
