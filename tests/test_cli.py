from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab
from typer.testing import CliRunner

import quotemine
from quotemine import Article
from quotemine.cli import app
from quotemine.cli import extract as cli_extract
from quotemine.cli.extract import entity_reasons
from quotemine.extensions import register_extensions
from quotemine.schema import Document, Failure, Report

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
SEED = ROOT / "data" / "samples" / "tajikistan-turns-west.txt"
runner = CliRunner()


@pytest.mark.usefixtures("extractor")
def test_extract_prints_a_report_that_the_schema_validates() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--published", "2003-01-10"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.validate(report, schema)
    assert report["document"]["published"] == "2003-01-10"
    assert report["quotes"]


@pytest.mark.usefixtures("extractor")
def test_extract_reads_stdin_and_prints_markdown() -> None:
    result = runner.invoke(
        app, ["extract", "-", "--format", "markdown"], input="“We will win,” said Anna Berg.\n"
    )
    assert result.exit_code == 0, result.output
    assert "## Who said what" in result.stdout and "We will win" in result.stdout


@pytest.mark.usefixtures("extractor")
def test_extract_jsonl_prints_one_line_per_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The minister said prices would fall.", encoding="utf-8")
    b.write_text("Analysts said prices would rise.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(a), str(b), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a.txt", "b.txt"]


@pytest.mark.usefixtures("extractor")
def test_extract_of_several_files_writes_json_lines(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The minister said prices would fall.", encoding="utf-8")
    b.write_text("Analysts said prices would rise.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(a), str(b)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["id"] for line in lines] == ["a.txt", "b.txt"]


@pytest.mark.usefixtures("extractor")
def test_a_missing_file_among_several_gives_an_error_record_and_exit_1(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The minister said prices would fall.", encoding="utf-8")
    b.write_text("Analysts said prices would rise.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(a), str(tmp_path / "gone.txt"), str(b)])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [r["id"] for r in records] == ["a.txt", "gone.txt", "b.txt"]
    failure = Failure.model_validate(records[1])
    assert (failure.index, failure.error) == (1, "InputError") and "cannot read" in failure.reason
    assert "quotes" in records[0] and "quotes" in records[2]
    assert result.stderr.strip().splitlines() == [f"error: {failure.reason}"]


def test_extract_of_a_missing_file_prints_its_error_record_and_exits_1() -> None:
    result = runner.invoke(app, ["extract", "no-such-file.txt"])
    assert result.exit_code == 1
    assert Failure.model_validate_json(result.stdout).id == "no-such-file.txt"
    assert "cannot read" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_binary_file_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1 and "UTF-8" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", str(SEED), "--published", "10/01/2003"], "--published"),
        (["extract", str(SEED), str(SEED), "--explain"], "one article"),
    ],
)
def test_usage_errors_print_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["extract", str(SEED), "--format", "pdf"], ["extract"], ["nope"]])
def test_typer_usage_errors_exit_2(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


def test_a_missing_model_is_a_runtime_error_in_one_line() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--model", "en_core_web_nonexistent"])
    assert result.exit_code == 1
    assert "pip install" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_version_is_printed() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"quotemine {quotemine.__version__}"


def test_help_documents_the_exit_statuses() -> None:
    text = " ".join(runner.invoke(app, ["--help"]).stdout.split())
    assert "1 runtime error" in text and "2 usage error" in text


def test_python_m_quotemine_runs_the_command_line() -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, "-m", "quotemine", "--version"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("quotemine ")


# ------------------------------------------------------------------------------------------ --explain

REASONS = [
    {"start": 0, "end": 9, "text": "Anna Berg", "label": "PERSON", "reasons": ["kept: a given name"]},
]


@pytest.fixture
def reasons_extension() -> None:
    """Register quotemine's Doc extensions, qm_entity_reasons among them."""
    register_extensions()


@pytest.mark.usefixtures("reasons_extension")
def test_entity_reasons_reads_the_records_set_on_a_doc() -> None:
    doc = Doc(Vocab(), words=["Anna", "Berg", "spoke"])
    assert entity_reasons(doc) == []
    doc._.qm_entity_reasons = REASONS
    assert entity_reasons(doc) == REASONS


class _ExplainingExtractor:
    """Stands in for an Extractor whose entity stage explains: returns a Doc with reasons set."""

    config: object = None

    def __init__(self, model: str, *, chunk_chars: int, config: object) -> None:
        type(self).config = config
        self.chunk_chars = chunk_chars

    def pipe_docs(self, items: list[Article]) -> Iterator[tuple[Doc, Report]]:
        text = items[0].text
        doc = Doc(Vocab(), words=text.split())
        doc._.qm_entity_reasons = REASONS
        yield doc, Report(quotemine_version="0", model="m", document=Document(char_count=len(text)))


@pytest.mark.usefixtures("reasons_extension")
def test_explain_prints_the_entity_decisions_as_json_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_extract, "Extractor", _ExplainingExtractor)
    path = tmp_path / "a.txt"
    path.write_text("Anna Berg spoke", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--explain", str(path)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == REASONS
    assert _ExplainingExtractor.config == {"quotemine_entities": {"explain": True}}


@pytest.mark.usefixtures("extractor")
def test_explain_with_the_real_pipeline_prints_every_decision_with_its_reasons() -> None:
    result = runner.invoke(app, ["extract", "--explain", str(SEED)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all({"start", "end", "text", "label", "reasons"} <= r.keys() for r in records)
    assert all(r["reasons"] for r in records)
    text = SEED.read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["text"] for r in records)
    dropped_or_relabelled = [r for r in records if r["label"] != "PERSON"]
    assert dropped_or_relabelled, "the seed has nationality words the NER calls people"


def test_every_command_has_help() -> None:
    main = runner.invoke(app, ["--help"])
    assert main.exit_code == 0
    for command in app.registered_commands:
        name = command.name or ""
        assert name in main.stdout
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout


# ------------------------------------------------------------------------------ awkward input (#13)

ARTICLE = (
    "Harbour Talks Stall\n\nBy Clara Mendes\n\nWELLINGTON, March 3, 2004 (Wire) - “We will not sign "
    "this deal,” said Tom Reed, the port director.\n\nThe union said talks would go on.\n"
)


def _spans(node: object) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    if isinstance(node, dict):
        if {"text", "start", "end"} <= node.keys():
            found.append(node)
        for value in node.values():
            found += _spans(value)
    elif isinstance(node, list):
        for value in node:
            found += _spans(value)
    return found


@pytest.mark.usefixtures("extractor")
@pytest.mark.parametrize(
    "raw",
    [
        ARTICLE.encode("utf-8"),
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        ARTICLE.replace("\n", "\r\n").encode("utf-8"),
        ARTICLE.replace("\n", "\r").encode("utf-8"),
        ARTICLE.replace("\n", "\r\n").encode("utf-16"),
    ],
    ids=["utf8", "bom", "crlf", "cr", "utf16-bom"],
)
def test_file_offsets_are_into_the_text_python_reads(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(raw)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    encoding = "utf-16" if raw.startswith(b"\xff\xfe") else "utf-8-sig"
    with path.open(encoding=encoding) as handle:
        text = handle.read()
    assert text == ARTICLE
    spans = _spans(report)
    assert len(spans) >= 5
    assert all(text[span["start"] : span["end"]] == span["text"] for span in spans)  # type: ignore[misc]
    assert report["document"]["title"]["text"] == "Harbour Talks Stall"
    assert report["document"]["published"] == "2004-03-03"
    assert [a["text"] for a in report["document"]["authors"]] == ["Clara Mendes"]
    assert not any(p["name"].endswith("\r") for p in report["people"])


def test_utf16_without_a_bom_is_refused_naming_utf16(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode("utf-16-le"))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "UTF-16" in line


def test_a_surrogate_written_as_bytes_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(b"Analysts said \xed\xa0\x80 prices rose.")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "not UTF-8 text (byte 14)" in line


@pytest.mark.usefixtures("extractor")
def test_batch_of_a_jsonl_record_with_a_lone_surrogate_runs_to_the_end(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "The minister said prices would fall."}\n'
        '{"id": "b", "text": "\\ud800"}\n'
        '{"id": "c", "text": "Analysts said \\ud83d prices would rise."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    reports = [Report.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r.id for r in reports] == ["a", "b", "c"]
    assert any("surrogate" in w for w in reports[2].warnings)


@pytest.mark.usefixtures("extractor")
@pytest.mark.parametrize("published", ["2003-01-10", "20030110", "2003-W02-5", "2003-01-10T12:00"])
def test_published_forms_are_read_as_the_api_reads_them(published: str) -> None:
    text = "The minister said last month that prices would fall."
    result = runner.invoke(app, ["extract", "-", "--published", published], input=text)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["document"]["published"] == "2003-01-10"
    assert report == json.loads(
        quotemine.extract(text, published=published, doc_id="stdin").model_dump_json()
    )


@pytest.mark.parametrize(
    "published, message",
    [("", "--published is empty"), ("  ", "--published is empty"), ("0001-01-01", "out of range")],
)
def test_an_empty_or_out_of_range_published_is_a_usage_error(published: str, message: str) -> None:
    for command in (["extract", "-"], ["render", "-"], ["batch", "-", "-o", "out.jsonl"]):
        result = runner.invoke(app, [*command, "--published", published], input="text")
        assert result.exit_code == 2, command
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("error: ") and message in line


@pytest.mark.parametrize("fmt", ["xml", "yaml"])
def test_an_unknown_format_is_a_usage_error_in_one_line(fmt: str) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--format", fmt])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: --format must be one of json, jsonl, markdown, not '{fmt}'"
    ]


@pytest.mark.usefixtures("extractor")
def test_a_full_disk_on_stdout_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import typer

    echo = typer.echo

    def full(message: object = None, *args: object, err: bool = False, **kwargs: object) -> None:
        if not err:
            raise OSError(errno.ENOSPC, "No space left on device")
        echo(message, err=True)

    monkeypatch.setattr(typer, "echo", full)
    result = runner.invoke(app, ["extract", "-"], input="The minister said prices would fall.")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == ["error: cannot write the output: No space left on device"]


class _Terminal:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)

    def isatty(self) -> bool:
        return True


def test_reading_stdin_from_a_terminal_prints_a_hint(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from quotemine.cli._common import STDIN_HINT, read_input

    monkeypatch.setattr(sys, "stdin", _Terminal(b"Analysts said so.\r\n"))
    assert read_input("-") == ("stdin", "Analysts said so.\n")
    assert capsys.readouterr().err.strip() == STDIN_HINT


def test_reading_piped_stdin_prints_no_hint(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from quotemine.cli._common import read_input

    pipe = _Terminal(b"Analysts said so.")
    monkeypatch.setattr(pipe, "isatty", lambda: False)
    monkeypatch.setattr(sys, "stdin", pipe)
    assert read_input("-") == ("stdin", "Analysts said so.")
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("extractor")
def test_emoji_only_input_gives_an_empty_report_with_a_warning() -> None:
    result = runner.invoke(app, ["extract", "-"], input="🎉🎉 😀\n")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["quotes"] == [] and any("no letters or digits" in w for w in report["warnings"])


@pytest.mark.usefixtures("extractor")
def test_an_oversized_number_gives_a_report_and_no_traceback() -> None:
    result = runner.invoke(app, ["extract", "-"], input="$" + "9" * 309)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["money"] == [] and any("too large" in w for w in report["warnings"])
    assert "Traceback" not in result.stderr


def test_schema_describes_the_error_record_too(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--failure"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["title"] == "Failure" and {"id", "index", "error", "reason"} <= schema["properties"].keys()
    record = runner.invoke(app, ["extract", str(tmp_path / "gone.txt")]).stdout
    jsonschema.validate(json.loads(record), schema)


def test_extract_of_a_folder_points_to_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Clerk Ona Vale spoke.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"] == "InputError"
    assert f"is a folder, not an article; read its files with: quotemine batch {tmp_path}" in result.stderr


@pytest.mark.parametrize("name", ["records.json", "records.JSONL", "rows.csv"])
def test_extract_and_render_refuse_a_file_of_records(tmp_path: Path, name: str) -> None:
    """Read as an article, a record file's syntax would come back as a report of nonsense, silently."""
    source = tmp_path / name
    source.write_text('[{"id": "a", "text": "Clerk Ona Vale spoke."}]\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(source)])
    assert result.exit_code == 1
    record = json.loads(result.stdout)
    assert record["error"] == "InputError" and "quotemine batch" in record["reason"]
    assert "a file of records, not an article" in result.stderr
    rendered = runner.invoke(app, ["render", str(source), "--format", "markdown"])
    assert rendered.exit_code == 1 and "Traceback" not in rendered.output
    assert "quotemine batch" in rendered.stderr and rendered.stdout == ""
