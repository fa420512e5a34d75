"""The command line: a thin layer over the Python API.

Every command only parses its options and calls an importable function; bad input or usage prints
one line on stderr and exits with status 2.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from quotemine import __version__
from quotemine.api import DEFAULT_MODEL, Extractor
from quotemine.batch import batch_cli
from quotemine.errors import QuotemineError
from quotemine.render import render_cli, to_markdown
from quotemine.schema import SCHEMA_VERSION, Failure, report_json_schema

logger = logging.getLogger(__name__)

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Extract people, roles, quotes with speakers, dates and money from English news text.",
)


class OutputFormat(StrEnum):
    """Output formats of ``quotemine extract``."""

    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def read_input(path: str) -> tuple[str, str]:
    """Return ``(id, text)`` of a file path or ``-`` (standard input), decoded as UTF-8.

    Raises:
        QuotemineError: the file is missing, unreadable or not UTF-8 text.

    """
    from quotemine.errors import InputError

    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        return ("stdin" if path == "-" else Path(path).name), raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text (byte {exc.start}); convert it first") from exc


def published_option(published: str | None) -> date | None:
    """Read a ``--published`` option; a malformed date ends the command with status 2."""
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        raise _fail(f"--published must be a date as YYYY-MM-DD, not {published!r}") from None


def _verbose(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


@app.command("extract")
def extract_cli(
    paths: Annotated[list[str], typer.Argument(help="text files to read; - reads standard input")],
    published: Annotated[
        str | None, typer.Option("--published", "-p", help="publication date, YYYY-MM-DD")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="output format")] = OutputFormat.json,
    model: Annotated[
        str, typer.Option("--model", "-m", help="installed spaCy English pipeline")
    ] = DEFAULT_MODEL,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="log what quotemine decides")] = False,
) -> None:
    """Print the report of each article: people, quotes with speakers, dates and money."""
    _verbose(verbose)
    when = published_option(published)
    try:
        records = [read_input(p) for p in paths]
        extractor = Extractor(model)
        items = [{"id": doc_id, "text": text, "published": when} for doc_id, text in records]
        for result in extractor.pipe(items, errors="raise"):
            assert not isinstance(result, Failure)
            if fmt is OutputFormat.markdown:
                typer.echo(to_markdown(result))
            else:
                typer.echo(result.model_dump_json(indent=None if fmt is OutputFormat.jsonl else 2))
    except QuotemineError as err:
        raise _fail(str(err)) from err


@app.command("schema")
def schema_cli() -> None:
    """Print the JSON Schema of the report."""
    typer.echo(json.dumps(report_json_schema(), indent=2))


@app.command("info")
def info_cli(
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="spaCy pipeline to load"),
) -> None:
    """Print versions and the pipeline quotemine would run."""
    from spacy import about

    try:
        extractor = Extractor(model)
    except QuotemineError as err:
        raise _fail(str(err)) from err
    typer.echo(f"quotemine {__version__} (report schema {SCHEMA_VERSION})")
    typer.echo(f"spaCy {about.__version__}; model {extractor.model_name}")
    typer.echo("pipeline: " + " → ".join(extractor.nlp.pipe_names))


app.command("render")(render_cli)
app.command("batch")(batch_cli)


def main() -> None:
    """Run the command line (``python -m quotemine``)."""
    app()
