"""A batch killed with ``kill -9`` leaves no worker running and resumes with every record once.

These tests start ``quotemine batch`` in a real subprocess and kill it (issue 13, items 5 and 6).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import quotemine
from quotemine.batch import run_batch

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
]

_SRC = str(Path(quotemine.__file__).resolve().parents[1])
_CLI = "import typer; from quotemine.cli.batch import batch_cli; typer.run(batch_cli)"
_SENTENCES = [
    '"We will finish the new bridge by June," the engineer Maria Costa said on Tuesday.',
    "The council said it would spend 3 million euros on new buses next year.",
    "Analysts believe the strike will end soon, according to a union spokesman.",
]


def _articles(path: Path, count: int) -> list[str]:
    ids = [f"doc-{n}" for n in range(count)]
    with path.open("w", encoding="utf-8") as handle:
        for n, doc_id in enumerate(ids):
            text = " ".join(_SENTENCES[(n + k) % 3] for k in range(6))
            handle.write(json.dumps({"id": doc_id, "text": text, "published": "2021-03-04"}) + "\n")
    return ids


def _start(code: str, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": _SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _stat(pid: int) -> tuple[str, int, int] | None:
    """Return ``(state, parent pid, start time)`` of a process, or ``None`` if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    return fields[0], int(fields[1]), int(fields[19])


def _children(pid: int) -> dict[int, int]:
    """Return the live children of ``pid``, by pid, with their start times."""
    found: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            state, parent, started = stat
            if parent == pid and state != "Z":
                found[int(entry.name)] = started
    return found


def _wait_for(check: Callable[[], bool], seconds: float, what: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if process.poll() is not None:
            pytest.fail(f"the batch ended (status {process.returncode}) before {what}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def _alive(pid: int, started: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[2] == started and stat[0] != "Z"


def test_kill_9_of_a_two_process_batch_leaves_no_worker_and_resumes_once(
    tmp_path: Path, extractor: Any
) -> None:
    ids = _articles(tmp_path / "in.jsonl", 400)
    out = tmp_path / "out.jsonl"
    batch = _start(_CLI, str(tmp_path / "in.jsonl"), "-o", str(out), "--n-process", "2", "--no-progress")
    _wait_for(lambda: len(_children(batch.pid)) >= 2, 120, "two worker processes", batch)
    _wait_for(lambda: out.exists() and out.stat().st_size > 0, 120, "the first output lines", batch)
    workers = _children(batch.pid)
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait()
    deadline = time.monotonic() + 15
    while any(_alive(pid, started) for pid, started in workers.items()) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid, started in workers.items() if _alive(pid, started)]
    for pid in survivors:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"worker processes {survivors} outlived their killed parent"
    done = len(out.read_bytes().split(b"\n")) - 1
    assert 0 < done < len(ids), "the kill came too late to test a resume"
    run_batch([tmp_path / "in.jsonl"], out, extractor=extractor, progress=False)
    got = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(got) == sorted(ids)


def test_kill_9_of_a_parquet_batch_keeps_its_parts_and_resumes_once(tmp_path: Path, extractor: Any) -> None:
    pd = pytest.importorskip("pandas", reason="the tables extra is not installed")
    pytest.importorskip("pyarrow", reason="the tables extra is not installed")
    ids = _articles(tmp_path / "in.jsonl", 120)
    out = tmp_path / "out.parquet"
    code = (
        "import sys; from quotemine.batch import run_batch; "
        "run_batch([sys.argv[1]], sys.argv[2], part_docs=5, progress=False)"
    )
    batch = _start(code, str(tmp_path / "in.jsonl"), str(out))
    documents = out / "documents"

    def parts() -> int:
        return len(list(documents.glob("part-*.parquet"))) if documents.exists() else 0

    _wait_for(lambda: parts() >= 2, 120, "two Parquet parts", batch)
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait()
    kept = pd.read_parquet(documents)["doc_id"].tolist()
    assert 10 <= len(kept) < len(ids), "a killed run keeps its finished parts"
    result = run_batch([tmp_path / "in.jsonl"], out, extractor=extractor, progress=False)
    assert result.skipped == len(kept)
    table = pd.read_parquet(documents)
    assert sorted(table["doc_id"]) == sorted(ids)
    quotes = pd.read_parquet(out / "quotes")
    assert not quotes.duplicated(["doc_id", "quote_id"]).any()
    assert set(quotes["doc_id"]) <= set(ids)


def test_kill_9_of_a_duckdb_batch_keeps_whole_documents_and_resumes_once(
    tmp_path: Path, extractor: Any
) -> None:
    duckdb = pytest.importorskip("duckdb", reason="the db extra is not installed")
    pytest.importorskip("pyarrow", reason="the tables extra is not installed")
    ids = _articles(tmp_path / "in.jsonl", 120)
    out = tmp_path / "corpus.duckdb"
    code = (
        "import logging, sys; from quotemine.batch import run_batch; "
        "logging.basicConfig(stream=sys.stderr, format='%(message)s'); "
        "logging.getLogger('quotemine.batch.database').setLevel(logging.DEBUG); "
        "run_batch([sys.argv[1]], sys.argv[2], part_docs=5, progress=False)"
    )
    env = {**os.environ, "PYTHONPATH": _SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    batch = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path / "in.jsonl"), str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    commits: list[bytes] = []

    def read_commits() -> None:
        assert batch.stderr is not None
        for line in batch.stderr:
            if line.startswith(b"committed "):
                commits.append(line)

    reader = threading.Thread(target=read_commits, daemon=True)
    reader.start()
    _wait_for(lambda: len(commits) >= 2, 120, "two committed parts", batch)
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait()
    reader.join(timeout=10)

    con = duckdb.connect(str(out), read_only=True)  # a killed run leaves a database that opens
    kept = [doc_id for (doc_id,) in con.execute("SELECT doc_id FROM documents").fetchall()]
    assert 10 <= len(kept) < len(ids), "the kill came too late to test a resume"
    _assert_whole_documents(con)
    con.close()

    result = run_batch([tmp_path / "in.jsonl"], out, extractor=extractor, progress=False)
    assert result.skipped == len(kept)
    assert result.processed == len(ids) - len(kept)
    con = duckdb.connect(str(out), read_only=True)
    got = [doc_id for (doc_id,) in con.execute("SELECT doc_id FROM documents").fetchall()]
    assert sorted(got) == sorted(ids)  # every document exactly once
    _assert_whole_documents(con)


def _assert_whole_documents(con: Any) -> None:
    """Every document's items are all there (its counts match its rows), and none is orphaned."""
    for table, count in (("people", "n_people"), ("quotes", "n_quotes"), ("money", "n_money")):
        mismatched = con.execute(
            f"SELECT d.doc_id FROM documents AS d LEFT JOIN "
            f"(SELECT doc_id, count(*) AS n FROM {table} GROUP BY doc_id) AS t ON t.doc_id = d.doc_id "
            f"WHERE coalesce(t.n, 0) <> d.{count}"
        ).fetchall()
        assert mismatched == [], table
        orphans = con.execute(
            f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchone()
        assert orphans == (0,), table
    assert con.execute("SELECT count(*) FROM quotes").fetchone()[0] > 0
