"""Batch inputs and outputs that used to lose or destroy records silently (issue 13, items 4, 8, 9)."""

from __future__ import annotations

import errno
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from quotemine.batch import read_records, run_batch
from quotemine.batch.inputs import BatchRecord, check_inputs
from quotemine.batch.workers import extract_chunk
from quotemine.cli.batch import batch_cli
from quotemine.cli.info import schema_cli
from quotemine.errors import InputError
from quotemine.schema import Failure, failure_json_schema

TEXT = '"We will open the new library in March," the mayor said on Monday.'


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("batch")(batch_cli)
    app.command("schema")(schema_cli)
    return app


def _one_line_error(result: Any) -> str:
    """Assert a CLI run failed with status 1 and exactly one ``error:`` line, no traceback."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    return str(lines[0])


def _jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8"
    )
    return path


# ------------------------------------------------------------------------------------------- ids


def test_repeated_ids_are_made_unique_and_noted(tmp_path: Path) -> None:
    source = _jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": 42, "text": "a"},
            {"id": "42", "text": "b"},
            {"id": "42#2", "text": "c"},
            {"id": 42, "text": "d"},
        ],
    )
    got = list(read_records([source]))
    assert [r.id for r in got] == ["42", "42#2", "42#2#2", "42#3"]
    assert got[0].note is None
    assert got[1].note is not None and "'42'" in got[1].note and "'42#2'" in got[1].note


def test_ids_do_not_depend_on_how_the_input_path_is_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    (folder / "2003").mkdir(parents=True)
    (folder / "2003" / "a.txt").write_text("Text.", encoding="utf-8")
    _jsonl(tmp_path / "in.jsonl", [{"text": "x"}])
    (tmp_path / "one.txt").write_text("One.", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "news" / "2003")
    spellings = [
        ["../../in.jsonl", "..", "../../one.txt"],
        [str(tmp_path / "in.jsonl"), str(folder), str(tmp_path / "one.txt")],
        ["../../news/../in.jsonl", "../../news/", "./../../one.txt"],
    ]
    ids = [[r.id for r in read_records(paths)] for paths in spellings]
    assert ids[0] == ["in.jsonl:1", "news/2003/a.txt", "one.txt"]
    assert ids[0] == ids[1] == ids[2]


# ------------------------------------------------------------------------------------------- CSV


def test_csv_row_with_invalid_utf8_is_an_error_record_and_the_others_go_on(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"id,text\r\nr1,Fine text.\r\nr2,caf\xe9 au lait\r\nr3,Also fine.\r\n")
    got = list(read_records([source]))
    assert [r.id for r in got] == ["r1", "in.csv:2", "r3"]
    assert [r.text for r in got] == ["Fine text.", None, "Also fine."]
    assert got[1].reason is not None and "not UTF-8" in got[1].reason and "0xe9" in got[1].reason
    assert all("\ufffd" not in (r.text or "") for r in got)


@pytest.mark.parametrize(
    "body",
    [
        'r1,"The quote never closes\nr2,Second row.\nr3,Third row.\n',  # open until the end
        'r1,"The quote never closes\nr2,"Second, quoted."\nr3,Third row.\n',  # closed by a later row
    ],
)
def test_csv_unterminated_quote_is_reported_and_swallows_no_row(tmp_path: Path, body: str) -> None:
    source = tmp_path / "in.csv"
    source.write_text("id,text\n" + body, encoding="utf-8")
    got = list(read_records([source]))
    assert got[0].error == "InputError"
    assert got[0].reason is not None and "malformed quoting" in got[0].reason and "line 2" in got[0].reason
    assert [r.id for r in got[1:]] == ["r2", "r3"]
    assert got[1].text in {"Second row.", "Second, quoted."}
    assert got[2].text == "Third row."


def test_csv_quoted_newlines_and_doubled_quotes_still_read(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text('id,text\nq,"She said, ""yes,""\nand left."\nz,End.\n', encoding="utf-8")
    got = list(read_records([source]))
    assert [(r.id, r.text) for r in got] == [("q", 'She said, "yes,"\nand left.'), ("z", "End.")]


# ------------------------------------------------------------------------------------------ JSON


def test_json_array_is_read_as_records_not_as_the_text_of_one_article(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    rows = [{"id": "a", "text": "Clerk Ona Vale spoke."}, {"text": "Second."}, "not an object"]
    source.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    got = list(read_records([source]))
    assert [(r.id, r.text) for r in got] == [
        ("a", "Clerk Ona Vale spoke."),
        ("in.json:2", "Second."),
        ("in.json:3", None),
    ]
    assert got[2].reason == "record is not an object"
    assert all("[" not in (r.text or "") for r in got)


def test_json_file_of_one_record_or_of_json_lines(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "solo", "text": "Only one."}, indent=2), encoding="utf-8")
    lines = _jsonl(tmp_path / "lines.json", [{"id": "l1", "text": "First."}, "{broken", {"text": "Third."}])
    got = [(r.id, r.text, r.error) for r in read_records([one, lines])]
    assert got == [
        ("solo", "Only one.", None),
        ("l1", "First.", None),
        ("lines.json:2", None, "InputError"),
        ("lines.json:3", "Third.", None),
    ]


def test_jsonl_line_of_other_bytes_is_said_to_be_not_utf8(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'\xef\xbb\xbf{"id": "a", "text": "Fine."}\n'
        b"\xff\xfe\x00{\n"
        b'{"id": "c", "text": "caf\xe9"}\n'
        b'{"id": "d", "text": "End."}\n'
    )
    got = list(read_records([source]))
    assert [(r.id, r.text) for r in got] == [
        ("a", "Fine."),
        ("in.jsonl:2", None),
        ("in.jsonl:3", None),
        ("d", "End."),
    ]
    assert got[1].reason == "line 2 is not UTF-8 text (byte 0); convert it to UTF-8"
    assert got[2].reason is not None and got[2].reason.startswith("line 3 is not UTF-8 text")


def test_a_quotemine_report_given_as_json_input_is_an_error_record(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    source.write_text(json.dumps({"schema_version": "1.3", "document": {}, "quotes": []}), encoding="utf-8")
    got = list(read_records([source]))
    assert [(r.id, r.error, r.reason) for r in got] == [("report.json:1", "InputError", "record has no text")]


# ------------------------------------------------------------------------------------ bad inputs


@pytest.mark.parametrize("content", [b"", b"PAR1 this is not really parquet PAR1"])
def test_corrupt_or_empty_parquet_input_is_one_clear_line(tmp_path: Path, content: bytes) -> None:
    pytest.importorskip("pyarrow", reason="the tables extra is not installed")
    source = tmp_path / "in.parquet"
    source.write_bytes(content)
    with pytest.raises(InputError, match="is not a readable Parquet file"):
        check_inputs([source])
    result = CliRunner().invoke(_app(), ["batch", str(source), "-o", str(tmp_path / "out.jsonl")])
    assert "is not a readable Parquet file" in _one_line_error(result)
    assert not (tmp_path / "out.jsonl").exists()


def test_output_that_is_the_input_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}])
    before = source.read_bytes()
    for spelling in (str(source), str(tmp_path / "." / "in.jsonl")):
        result = CliRunner().invoke(_app(), ["batch", str(source), "-o", spelling])
        assert "is the input" in _one_line_error(result)
    assert source.read_bytes() == before
    with pytest.raises(InputError, match="is the input"):
        run_batch([tmp_path], tmp_path / "out.parquet" / "..", fmt="parquet")


def test_jsonl_output_that_is_a_folder_is_one_clear_line(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": TEXT}])
    (tmp_path / "out").mkdir()
    result = CliRunner().invoke(_app(), ["batch", str(source), "-o", str(tmp_path / "out")])
    assert "is a folder" in _one_line_error(result)


def test_schema_describes_the_batch_error_record() -> None:
    result = CliRunner().invoke(_app(), ["schema", "--failure"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema == failure_json_schema()
    assert {"id", "index", "error", "reason", "schema_version"} <= set(schema["properties"])
    assert set(schema["required"]) == {"index", "error", "reason"}


# ------------------------------------------------------------------------------------ worker chunk


class _FailingEngine:
    """An extractor stand-in whose batch run fails, and whose single runs fail on one text."""

    def pipe(self, items: list[dict[str, Any]], *, batch_size: int) -> Any:
        if len(items) > 1 or items[0]["text"] == "boom":
            raise RuntimeError("engine failure")
        return iter([Failure(id=items[0]["id"], index=0, error="InputError", reason="fake")])


def test_a_failing_chunk_is_run_record_by_record_and_loses_nothing() -> None:
    records = [
        BatchRecord(0, "a", text="fine"),
        BatchRecord(1, "b", text="boom"),
        BatchRecord(2, "c", error="InputError", reason="text is empty"),
        BatchRecord(3, "d", text="fine too"),
    ]
    got = extract_chunk(_FailingEngine(), records, batch_size=8)  # type: ignore[arg-type]
    assert [(o.index, o.id) for o in got] == [(0, "a"), (1, "b"), (2, "c"), (3, "d")]
    assert got[1].reason == "engine failure" and got[2].reason == "text is empty"
    assert all(json.loads(o.json)["index"] == o.index for o in got)


# ------------------------------------------------------------------------------ runs (need model)


@pytest.mark.slow
def test_repeated_ids_each_get_one_line_and_a_resume_adds_none(tmp_path: Path, extractor: Any) -> None:
    source = _jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": 42, "text": TEXT},
            {"id": "42", "text": TEXT},
            {"id": "7", "text": ""},
            {"id": 7, "text": TEXT},
        ],
    )
    out = tmp_path / "out.jsonl"
    first = run_batch([source], out, extractor=extractor, progress=False)
    assert (first.reports, first.errors, first.skipped) == (3, 1, 0)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["42", "42#2", "7", "7#2"]
    assert any("repeats an earlier record's id" in w for w in lines[1]["warnings"])
    again = run_batch([source], out, extractor=extractor, progress=False)
    assert (again.processed, again.skipped) == (0, 4)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


@pytest.mark.slow
def test_resume_through_another_spelling_of_the_input_adds_nothing(
    tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number}.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    monkeypatch.chdir(tmp_path)
    run_batch(["texts"], out, extractor=extractor, progress=False)
    again = run_batch([str(folder.resolve()) + "/"], out, extractor=extractor, progress=False)
    assert (again.processed, again.skipped) == (0, 3)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_disk_full_is_one_clear_line_and_the_output_resumes(
    tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="the tables extra is not installed")
    source = _jsonl(tmp_path / "in.jsonl", [{"id": str(n), "text": TEXT} for n in range(3)])
    out = tmp_path / f"out.{fmt}"
    import quotemine.batch.sinks as sinks

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if fmt == "parquet":
        import pyarrow.parquet as pq

        monkeypatch.setattr(pq, "write_table", full)
    else:
        monkeypatch.setattr(sinks, "_fsync", full)
    result = CliRunner().invoke(_app(), ["batch", str(source), "-o", str(out), "--no-progress"])
    line = _one_line_error(result)
    assert "No space left on device" in line and str(out) in line
    monkeypatch.undo()
    again = run_batch([source], out, extractor=extractor, progress=False)
    assert again.processed + again.skipped == 3


@pytest.mark.slow
def test_empty_folder_and_header_only_csv_say_why_there_are_no_reports(
    tmp_path: Path, extractor: Any
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "head.csv").write_text("id,text,published\n", encoding="utf-8")
    result = CliRunner().invoke(
        _app(),
        ["batch", str(tmp_path / "empty"), str(tmp_path / "head.csv"), "-o", str(tmp_path / "o.jsonl")],
    )
    assert result.exit_code == 0, result.output
    assert "no input records in" in result.output and ".txt" in result.output
    assert "CSV file with no data rows" in result.output
    assert "no input records found" in result.output


def test_parquet_sink_writes_a_part_by_count_and_by_time(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="the tables extra is not installed")
    import time

    from quotemine.batch.sinks import PARQUET_PART_DOCS, PARQUET_PART_SECONDS, ParquetSink
    from quotemine.batch.workers import Outcome

    def failure(n: int) -> Outcome:
        line = Failure(id=f"d{n}", index=n, error="InputError", reason="empty").model_dump_json()
        return Outcome(n, f"d{n}", line, "empty")

    def parts() -> int:
        return len(list((tmp_path / "o.parquet" / "documents").glob("part-*.parquet")))

    assert PARQUET_PART_DOCS <= 100 and PARQUET_PART_SECONDS <= 30  # a kill loses little
    sink = ParquetSink(tmp_path / "o.parquet", part_docs=3, part_seconds=0.2)
    sink.write([failure(0)])
    assert parts() == 0
    time.sleep(0.25)
    sink.write([failure(1)])
    assert parts() == 1  # by time
    sink.write([failure(2), failure(3), failure(4)])
    assert parts() == 2  # by count
    sink.close()
    assert ParquetSink(tmp_path / "o.parquet").done == {f"d{n}" for n in range(5)}


def test_parquet_readers_skip_a_part_that_was_not_renamed_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pd = pytest.importorskip("pandas", reason="the tables extra is not installed")
    pytest.importorskip("pyarrow", reason="the tables extra is not installed")
    import quotemine.batch.sinks as sinks
    from quotemine.batch.workers import Outcome
    from quotemine.errors import QuotemineError

    def failure(n: int) -> Outcome:
        line = Failure(id=f"d{n}", index=n, error="InputError", reason="empty").model_dump_json()
        return Outcome(n, f"d{n}", line, "empty")

    def killed(*args: Any) -> None:  # every table's part is written, none renamed: as if killed
        raise OSError(errno.EIO, "killed")

    sink = sinks.ParquetSink(tmp_path / "o.parquet", part_docs=1)
    sink.write([failure(0)])
    monkeypatch.setattr(sinks.os, "replace", killed)
    with pytest.raises(QuotemineError):
        sink.write([failure(1)])
    documents = tmp_path / "o.parquet" / "documents"
    assert len(list(documents.iterdir())) == 2  # the part and the unfinished one
    assert pd.read_parquet(documents)["doc_id"].tolist() == ["d0"]
    monkeypatch.undo()
    assert sinks.ParquetSink(tmp_path / "o.parquet").done == {"d0"}
    assert [f.name for f in documents.iterdir()] == ["part-00000.parquet"]


@pytest.mark.slow
def test_two_worker_processes_write_the_lines_of_one(tmp_path: Path, extractor: Any) -> None:
    rows: list[Any] = [{"id": f"r{n}", "text": TEXT, "published": "2020-02-02"} for n in range(7)]
    rows[2] = {"id": "r2", "text": ""}
    rows[4] = {"id": "r1", "text": TEXT}
    source = _jsonl(tmp_path / "in.jsonl", [*rows, '{"broken'])
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = run_batch([source], one, extractor=extractor, progress=False)
    second = run_batch([source], two, extractor=extractor, n_process=2, batch_size=2, progress=False)
    assert (first.reports, first.errors) == (second.reports, second.errors) == (6, 2)
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert [json.loads(line)["id"] for line in two.read_text(encoding="utf-8").splitlines()][3:5] == [
        "r3",
        "r1#2",
    ]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_real_full_device_as_output_is_one_clear_line(tmp_path: Path, extractor: Any) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": TEXT}])
    result = CliRunner().invoke(_app(), ["batch", str(source), "-o", "/dev/full", "--no-progress"])
    assert "No space left on device" in _one_line_error(result)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks the test process")
def test_a_record_that_kills_its_worker_is_an_error_record_and_the_rest_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    import quotemine.batch.workers as workers

    class _Engine:
        def pipe(self, items: list[dict[str, Any]], *, batch_size: int) -> Any:
            for item in items:
                if item["text"] == "die":
                    os._exit(9)  # as the out-of-memory killer would end it
                yield Failure(id=item["id"], index=0, error="InputError", reason=f"seen {item['text']}")

    records = [BatchRecord(n, f"r{n}", text="die" if n == 5 else f"t{n}") for n in range(12)]
    got = list(
        workers.outcomes(
            iter(records),
            engine=_Engine(),
            model=None,
            n_process=2,
            batch_size=4,
            chunk_size=3,  # type: ignore[arg-type]
        )
    )
    assert [o.index for o in got] == list(range(12))
    assert got[5].reason is not None and "worker process died" in got[5].reason
    assert [o.reason for o in got[:5] + got[6:]] == [f"seen t{n}" for n in range(12) if n != 5]


def test_text_files_in_a_batch_are_read_like_the_cli_reads_them(tmp_path: Path) -> None:
    from quotemine.batch.inputs import read_records

    (tmp_path / "crlf.txt").write_bytes("\ufeffBy Ana Lima\r\nShe said no.\r\n".encode())
    (tmp_path / "utf16.txt").write_bytes("Hello there.".encode("utf-16"))
    texts = {r.id: r.text for r in read_records([str(tmp_path)])}
    name = tmp_path.name
    assert texts[f"{name}/crlf.txt"] == "By Ana Lima\nShe said no.\n"
    assert texts[f"{name}/utf16.txt"] == "Hello there."
