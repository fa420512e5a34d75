from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from quotemine.batch import BatchRecord, read_records, run_batch
from quotemine.batch.inputs import check_record
from quotemine.cli.batch import batch_cli

ARTICLES = [
    '"We will finish the bridge by June," the engineer Maria Costa said on Tuesday.',
    "The council said it would spend 3 million euros on new buses next year.",
    "Analysts believe the strike will end soon, according to a union spokesman.",
]


def _write_jsonl(path: Path, rows: list[Any]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row)) + "\n")
    return path


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ------------------------------------------------------------------------------------- reading inputs


def test_read_records_ids_given_else_relative_path_else_line_number(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("Second.", encoding="utf-8")
    (folder / "sub" / "a.txt").write_text("First.", encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    records = _write_jsonl(tmp_path / "in.jsonl", [{"id": 7, "text": "x"}, {"text": "y"}])
    got = list(read_records([folder, records], published="2020-01-01"))
    assert [r.id for r in got] == ["texts/b.txt", "texts/sub/a.txt", "7", "in.jsonl:2"]
    assert [r.index for r in got] == [0, 1, 2, 3]
    assert all(r.published == "2020-01-01" for r in got)


def test_read_records_csv_and_parquet(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="the tables extra is not installed")
    pytest.importorskip("pyarrow", reason="the tables extra is not installed")
    with (tmp_path / "in.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "published"])
        writer.writerow(["c1", 'He said, "yes,\nagain."' + "x" * 200_000, "2020-02-03"])
        writer.writerow(["", "No id here.", ""])
    pd.DataFrame({"text": ["P one.", "P two."], "published": ["2021-01-01", None]}).to_parquet(
        tmp_path / "in.parquet"
    )
    got = list(read_records([tmp_path / "in.csv", tmp_path / "in.parquet"]))
    assert [r.id for r in got] == ["c1", "in.csv:2", "in.parquet:1", "in.parquet:2"]
    assert got[0].text is not None and got[0].text.startswith('He said, "yes,\nagain."')
    assert [r.published for r in got] == ["2020-02-03", None, "2021-01-01", None]


@pytest.mark.parametrize(
    "row, reason",
    [
        ('{"id": "j", "te', "not JSON"),
        ('["a list"]', "not an object"),
        ({"id": "m"}, "has no text"),
        ({"id": "n", "text": None}, "has no text"),
        ({"id": "i", "text": 42}, "not a string"),
    ],
)
def test_read_records_marks_unreadable_records(tmp_path: Path, row: Any, reason: str) -> None:
    (record,) = read_records([_write_jsonl(tmp_path / "in.jsonl", [row])])
    assert record.error == "InputError"
    assert record.reason is not None and reason in record.reason


def test_read_records_non_utf8_text_file_is_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 \xff\xfe")
    (record,) = read_records([tmp_path / "bad.txt"])
    assert record.reason is not None and "not UTF-8" in record.reason


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "empty"),
        ("  \n\t ", "empty"),
        ("".join(chr(c) for c in range(1, 9)) * 10, "binary"),
        ("x" * 101, "more than the limit"),
    ],
)
def test_check_rejects_empty_binary_and_oversized_texts(text: str, reason: str) -> None:
    record = check_record(BatchRecord(0, "r", text=text), max_chars=100)
    assert record.error == "InputError"
    assert record.reason is not None and reason in record.reason
    assert record.text is None


def test_check_keeps_a_normal_text() -> None:
    assert check_record(BatchRecord(0, "r", text="The mayor said no."), max_chars=100).error is None


def test_missing_input_is_an_error(tmp_path: Path) -> None:
    from quotemine.errors import InputError

    with pytest.raises(InputError, match="does not exist"):
        list(read_records([tmp_path / "nope.jsonl"]))


# ------------------------------------------------------------------------------------ runs (need model)


def _mixed_input(tmp_path: Path) -> Path:
    rows: list[Any] = [
        {"id": "a", "text": ARTICLES[0], "published": "2022-05-03"},
        {"id": "empty", "text": ""},
        {"id": "b", "text": ARTICLES[1]},
        {"id": "baddate", "text": ARTICLES[2], "published": "yesterday"},
        '{"id": "broken", "te',
        {"id": "c", "text": ARTICLES[2]},
    ]
    return _write_jsonl(tmp_path / "in.jsonl", rows)


@pytest.mark.slow
def test_run_batch_jsonl_keeps_order_records_errors_and_resumes(tmp_path: Path, extractor: Any) -> None:
    source, out = _mixed_input(tmp_path), tmp_path / "out.jsonl"
    result = run_batch([source], out, extractor=extractor, published="2022-01-01", progress=False)
    assert (result.reports, result.errors, result.skipped) == (3, 3, 0)
    lines = _lines(out)
    assert [line["id"] for line in lines] == ["a", "empty", "b", "baddate", "in.jsonl:5", "c"]
    assert [line["index"] for line in lines if "error" in line] == [1, 3, 4]
    assert "published must be a date" in lines[3]["reason"]
    assert lines[0]["document"]["published"] == "2022-05-03"
    assert lines[2]["document"]["published"] == "2022-01-01"
    assert any(q["kind"] == "direct" for q in lines[0]["quotes"])
    again = run_batch([source], out, extractor=extractor, progress=False)
    assert (again.processed, again.skipped) == (0, 6)
    assert len(_lines(out)) == 6


@pytest.mark.slow
def test_run_batch_resume_cuts_a_partial_line_and_finishes(tmp_path: Path, extractor: Any) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", [{"id": str(i), "text": t} for i, t in enumerate(ARTICLES)])
    out = tmp_path / "out.jsonl"
    run_batch([source], out, extractor=extractor, progress=False)
    whole = out.read_bytes()
    first = whole.split(b"\n")[0]
    out.write_bytes(first + b"\n" + whole.split(b"\n")[1][:40])  # as if killed mid-write
    result = run_batch([source], out, extractor=extractor, progress=False)
    assert (result.reports, result.skipped) == (2, 1)
    assert [line["id"] for line in _lines(out)] == ["0", "1", "2"]


@pytest.mark.slow
def test_run_batch_parquet_tables_and_resume(tmp_path: Path, extractor: Any) -> None:
    pd = pytest.importorskip("pandas", reason="the tables extra is not installed")
    pytest.importorskip("pyarrow", reason="the tables extra is not installed")
    source, out = _mixed_input(tmp_path), tmp_path / "out.parquet"
    first = run_batch([source], out, extractor=extractor, progress=False)
    assert (first.reports, first.errors) == (3, 3)
    documents = pd.read_parquet(out / "documents")
    assert documents["doc_id"].tolist() == ["a", "empty", "b", "baddate", "in.jsonl:5", "c"]
    assert documents["status"].tolist() == ["ok", "error", "ok", "error", "error", "ok"]
    assert set(pd.read_parquet(out / "quotes")["doc_id"]) <= {"a", "b", "c"}
    (out / "people" / "part-00007.parquet").write_bytes(b"orphan of a killed run")
    (out / "quotes" / "part-00001.parquet.tmp").write_bytes(b"partial")
    again = run_batch([source], out, extractor=extractor, progress=False)
    assert (again.processed, again.skipped) == (0, 6)
    assert not (out / "people" / "part-00007.parquet").exists()
    assert not (out / "quotes" / "part-00001.parquet.tmp").exists()


@pytest.mark.slow
def test_batch_cli_writes_jsonl_and_summary(tmp_path: Path, extractor: Any) -> None:
    app = typer.Typer()
    app.command("batch")(batch_cli)
    app.command("noop")(lambda: None)  # keeps "batch" a sub-command
    folder = tmp_path / "texts"
    folder.mkdir()
    for number, text in enumerate(ARTICLES):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--published", "2022-01-01"])
    assert result.exit_code == 0, result.output
    assert "3 reports, 0 error records" in result.output
    assert len(_lines(out)) == 3
    bad = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--published", "soon"])
    assert bad.exit_code == 2
    missing = runner.invoke(app, ["batch", str(tmp_path / "nope"), "-o", str(out)])
    assert missing.exit_code == 1
    assert "does not exist" in missing.output
