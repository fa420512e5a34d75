"""Run the whole extraction of a batch's records in worker processes that die with their parent.

Each task is a chunk of consecutive records; a worker runs the whole extraction of its chunk
(parse, quotemine's stages and the report) and sends back only each record's JSON line, so the
main process does no more than read inputs and write lines. On Linux the workers are forked from
the main process after it has loaded the pipeline (no second load, pages shared), and each asks the
kernel to kill it when its parent dies (``prctl(PR_SET_PDEATHSIG)``), so a ``kill -9`` of a batch
leaves no worker running; elsewhere they are spawned, load the pipeline once, and poll their parent.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from quotemine.api import DEFAULT_MODEL, Extractor
from quotemine.batch.inputs import BatchRecord
from quotemine.errors import QuotemineError
from quotemine.schema import Failure

logger = logging.getLogger(__name__)

__all__ = ["Outcome", "extract_chunk", "outcomes"]

_PR_SET_PDEATHSIG = 1
_ENGINE: Extractor | None = None  # the worker's extractor: inherited (fork) or loaded once (spawn)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one record: its input position, id and JSON line; ``reason`` for an error."""

    index: int
    id: str
    json: str
    reason: str | None = None


def _failure(record: BatchRecord, error: str, reason: str) -> Outcome:
    line = Failure(id=record.id, index=record.index, error=error, reason=reason).model_dump_json()
    return Outcome(record.index, record.id, line, reason)


def _outcome(record: BatchRecord, result: Any) -> Outcome:
    if isinstance(result, Failure):
        return _failure(record, result.error, result.reason)
    if record.note is not None:
        result = result.model_copy(update={"warnings": (*result.warnings, record.note)})
    return Outcome(record.index, record.id, result.model_dump_json())


def extract_chunk(engine: Extractor, records: list[BatchRecord], batch_size: int) -> list[Outcome]:
    """Extract every record of a chunk (error records pass through) into its JSON line, in order.

    A failure that escapes the extractor does not lose the chunk: its records are then run one by
    one, and the one that fails becomes an error record.
    """
    todo = [r for r in records if r.error is None]
    items = [r.item() for r in todo]
    try:
        results = dict(zip((r.index for r in todo), engine.pipe(items, batch_size=batch_size), strict=True))
    except Exception:
        if len(todo) <= 1:
            raise
        logger.warning("a chunk of %d records failed; running them one by one", len(todo), exc_info=True)
        results = {}
        for record, item in zip(todo, items, strict=True):
            try:
                results[record.index] = next(iter(engine.pipe([item], batch_size=1)))
            except Exception as exc:  # one record must not end the batch
                results[record.index] = Failure(
                    id=record.id, index=record.index, error=type(exc).__name__, reason=str(exc)[:500]
                )
    return [
        _outcome(r, results[r.index]) if r.error is None else _failure(r, r.error, r.reason or "unreadable")
        for r in records
    ]


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies; elsewhere, poll the parent's pid."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
    if not sys.platform.startswith("linux"):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        threading.Event().wait(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(parent: int, model: str | None) -> None:
    """Set up a worker: die with the parent, leave Ctrl-C to it, have the extractor ready."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool on Ctrl-C
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = Extractor(model or DEFAULT_MODEL)


def _work(records: list[BatchRecord], batch_size: int) -> list[Outcome]:
    assert _ENGINE is not None
    return extract_chunk(_ENGINE, records, batch_size)


def _chunks(records: Iterable[BatchRecord], size: int) -> Iterator[list[BatchRecord]]:
    chunk: list[BatchRecord] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Pool:
    """Worker processes that die with this one, started again if one of them dies."""

    def __init__(self, engine: Extractor, model: str | None, n_process: int) -> None:
        self.engine, self.model, self.n_process = engine, model, n_process
        self.fork = "fork" in multiprocessing.get_all_start_methods()
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        global _ENGINE
        _ENGINE = self.engine if self.fork else None  # a forked worker inherits the loaded pipeline
        context = multiprocessing.get_context("fork" if self.fork else "spawn")
        try:
            executor = ProcessPoolExecutor(
                self.n_process,
                mp_context=context,
                initializer=_init_worker,
                initargs=(os.getpid(), self.model),
            )
            executor.submit(os.getpid).result()  # start every worker now, from this thread
        except (OSError, BrokenProcessPool) as exc:
            raise QuotemineError(f"cannot start {self.n_process} worker processes: {exc}") from exc
        finally:
            _ENGINE = None
        return executor

    def submit(self, chunk: list[BatchRecord], batch_size: int) -> Future[list[Outcome]]:
        try:
            return self.executor.submit(_work, chunk, batch_size)
        except BrokenProcessPool as exc:
            broken: Future[list[Outcome]] = Future()
            broken.set_exception(exc)
            return broken

    def stop(self, *, kill: bool) -> None:
        """Stop the workers: let them finish, or kill them (their work is not wanted)."""
        if kill:
            for process in list((getattr(self.executor, "_processes", None) or {}).values()):
                with contextlib.suppress(Exception):
                    process.kill()
        self.executor.shutdown(wait=True, cancel_futures=True)

    def restart(self) -> None:
        logger.warning("a worker process died; starting the workers again")
        self.stop(kill=True)
        self.executor = self._start()


_DIED = "the worker process died while extracting this record (killed, or out of memory)"


def _collect(
    pool: _Pool, pending: deque[tuple[list[BatchRecord], Future[list[Outcome]]]], batch_size: int
) -> Iterator[Outcome]:
    """Yield the outcomes of the oldest pending chunk; after a worker died, redo what is pending."""
    future = pending[0][1]
    try:
        done = future.result()
    except BrokenProcessPool:
        left = [record for chunk, _ in pending for record in chunk]
        pending.clear()
        pool.restart()
        yield from _one_by_one(pool, left, batch_size)
        return
    pending.popleft()
    yield from done


def _one_by_one(pool: _Pool, records: list[BatchRecord], batch_size: int) -> Iterator[Outcome]:
    """Run records one per task; a record whose worker dies becomes an error record."""
    for record in records:
        try:
            done = pool.submit([record], batch_size).result()
        except BrokenProcessPool:
            pool.restart()
            done = [_failure(record, "WorkerDied", _DIED)]
        yield from done


def outcomes(
    records: Iterable[BatchRecord],
    *,
    engine: Extractor,
    model: str | None,
    n_process: int,
    batch_size: int,
    chunk_size: int,
) -> Generator[Outcome, None, None]:
    """Yield the outcome of every record, in input order, from ``n_process`` processes.

    With one process the work is done here; with more, in a pool of workers that die with this
    process, fed a bounded number of chunks ahead (memory stays flat on any input size). If a
    worker dies (a crash, the out-of-memory killer), the workers are started again and the
    records that were pending run one by one: the one whose worker dies again becomes an error
    record (``WorkerDied``) and the batch goes on.

    Raises:
        QuotemineError: the worker processes cannot be started.

    """
    if n_process <= 1:
        for chunk in _chunks(records, chunk_size):
            yield from extract_chunk(engine, chunk, batch_size)
        return
    pool = _Pool(engine, model, n_process)
    finished = False
    try:
        pending: deque[tuple[list[BatchRecord], Future[list[Outcome]]]] = deque()
        for chunk in _chunks(records, chunk_size):
            pending.append((chunk, pool.submit(chunk, batch_size)))
            while len(pending) > 2 * n_process:
                yield from _collect(pool, pending, batch_size)
        while pending:
            yield from _collect(pool, pending, batch_size)
        finished = True
    finally:
        pool.stop(kill=not finished)
