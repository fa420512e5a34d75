from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from quotemine.cli import app

SEED = Path(__file__).resolve().parent.parent / "data" / "samples" / "tajikistan-turns-west.txt"
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


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "no-such-file.txt"], "cannot read"),
        (["extract", str(SEED), "--published", "10/01/2003"], "--published"),
        (["extract", str(SEED), "--model", "en_core_web_nonexistent"], "pip install"),
    ],
)
def test_bad_usage_prints_one_line_and_exits_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_binary_file_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2 and "UTF-8" in result.stderr


def test_every_command_has_help() -> None:
    main = runner.invoke(app, ["--help"])
    assert main.exit_code == 0
    for command in app.registered_commands:
        name = command.name or ""
        assert name in main.stdout
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout
