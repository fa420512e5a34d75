from __future__ import annotations

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
